"""Alignment beads and their standard notation ``[i, j]:[k]`` (Vecalign, Bertalign, Bleualign).

A bead is a group of consecutive source sentences paired with a group of consecutive target
sentences; either side may be empty. Line numbers are 0-based into the one-sentence-per-line
files. Files in this notation come from other tools, so they are parsed as data, never eval'd.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from termwise.document.encoding import read_text
from termwise.errors import InputError

# ASCII digits only, at most nine: the line number of a book, never of more (a longer run of
# digits is a damaged file, and int() refuses strings of over 4,300 digits anyway).
_NUMBER = r"[0-9]{1,9}"
_SIDE = rf"\[\s*(?:{_NUMBER}\s*(?:,\s*{_NUMBER}\s*)*)?\]"
_BEAD_LINE = re.compile(rf"^\s*({_SIDE})\s*:\s*({_SIDE})\s*$")


@dataclass(frozen=True)
class Bead:
    """One group: source and target line numbers, and how sure the aligner is (0 to 1)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0
    # Aligned with MT, and the alignment without it groups these sentences otherwise.
    disputed: bool = False
    # Aligned with MT, and kept as the alignment without it groups these sentences, which the
    # MT's alignment splits into smaller groups.
    mt_splits: bool = False
    # Where ``src`` numbers segments some of which join several sentences (``fold_beads``):
    # how many source sentences the group holds, which its label must give (a 2-1 group
    # inside one joined segment is not a 1-1 group). None where ``src`` numbers sentences.
    source_sentences: int | None = None

    def side(self, number: int) -> tuple[int, ...]:
        """The source (0) or target (1) lines."""
        return self.tgt if number else self.src

    @property
    def kind(self) -> tuple[int, int]:
        return (len(self.src), len(self.tgt))

    def notation(self) -> str:
        return f"{format_side(self.src)}:{format_side(self.tgt)}"


def format_side(lines: Sequence[int]) -> str:
    return "[" + ", ".join(str(line) for line in lines) + "]"


def parse_side(text: str) -> tuple[int, ...]:
    inner = text.strip()[1:-1].strip()
    return tuple(int(part) for part in inner.split(",")) if inner else ()


def parse_bead(line: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """``([i, j], [k])`` from one line of the notation; ``None`` when it is not a bead."""
    found = _BEAD_LINE.match(line)
    if found is None:
        return None
    return parse_side(found[1]), parse_side(found[2])


def read_beads(path: str | Path) -> list[Bead]:
    """Every bead of a file in the notation; a malformed line is an error naming file and line."""
    file = Path(path)
    # Read as every text file is: a BOM, UTF-16 from a Windows tool, a binary file refused.
    text, _ = read_text(file, encoding_option=False)
    beads: list[Bead] = []
    # Where each sentence was first grouped: a sentence in two groups is a damaged or
    # hand-edited file, and its scores would look plausible.
    seen: tuple[dict[int, int], dict[int, int]] = ({}, {})
    # Lines as an editor numbers them: split at "\n" only, not at U+2028 or U+0085.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        parsed = parse_bead(line)
        if parsed is None:
            raise InputError(
                f"not a bead in [i, j]:[k] notation: {line.strip()[:60]!r}", file, line=number
            )
        for side, name, lines in ((0, "source", parsed[0]), (1, "target", parsed[1])):
            for sentence in lines:
                first = seen[side].setdefault(sentence, number)
                if first != number:
                    where = f"also in the group on line {first}"
                elif lines.count(sentence) > 1:
                    where = "twice in this group"
                else:
                    continue
                raise InputError(f"{name} line {sentence} is {where}", file, line=number)
        beads.append(Bead(*parsed))
    if not beads:
        raise InputError("no beads: the file is empty", file, line=1)
    return beads


def beads_text(beads: Iterable[Bead]) -> str:
    return "".join(bead.notation() + "\n" for bead in beads)


@dataclass(frozen=True)
class Unmatched:
    """A run of consecutive sentences of one side that the alignment left without counterpart."""

    side: str  # "source" or "target"
    first: int  # 0-based, inclusive
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1


def unmatched_runs(beads: Sequence[Bead], least: int) -> list[Unmatched]:
    """Runs of at least ``least`` sentences of one side left without counterpart, in order:
    a chapter one side lacks, which a translator wants to hear about by name, not find among
    hundreds of groups."""

    def alone(bead: Bead) -> str:
        return "source" if not bead.tgt else "target" if not bead.src else ""

    runs: list[Unmatched] = []
    for side, group in itertools.groupby(beads, key=alone):
        lines = [line for bead in group for line in bead.src or bead.tgt]
        if side and len(lines) >= least:
            runs.append(Unmatched(side, lines[0], lines[-1]))
    return runs
