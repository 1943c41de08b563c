"""The Apertium engine: rule-based MT through the ``apertium`` command (e.g. ``eng-spa``).

One ``apertium`` process translates the whole document: segments are sent as paragraphs
separated by blank lines, which Apertium's text deformatter keeps as blank lines and treats
as sentence ends, so rules never reach across two segments. The output is split at the blank
lines again and the count is checked; should it ever differ, each segment is translated on
its own so that a translation never lands beside the wrong source.

Apertium marks a word it does not know with ``*`` (and a lemma it cannot generate with ``#``,
one missing from the bilingual dictionary with ``@``). termwise strips the marks from the
target text, which is what a reviewer edits, and keeps them as ``MTResult.unknown`` spans so
the UI can highlight those words (``strip_marks`` says when a character is a mark). The two
spaces Apertium leaves where it drops a word are made one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from termwise import languages
from termwise.errors import TermwiseError
from termwise.mt.engine import MTResult, Progress

MODES_DIRS = (Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes"))
# A mark before a word, at its start or after a hyphen, slash or opening punctuation.
_MARKED = re.compile(r"(?<![\w*#@])([*#@])(\w(?:[\w'’]|-(?=\w))*)")
# Apertium leaves two spaces where it drops a word ("natural  y"): the engine's, not text.
# A space before a full stop or a comma that ends a word's clause ("gol ." but not ".5").
_SPACED_STOP = re.compile(r"(?<=[\w)\]»”\"'*_]) +([.,])(?=\s|$|[)\]»”\"'*_])")
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_SEPARATOR = "\n\n"
_BREAKS = re.compile(r"\s*\n\s*")


@lru_cache(maxsize=1)
def installed_modes() -> tuple[str, ...]:
    """Translation directions the ``apertium`` command offers (``apertium -l``)."""
    if shutil.which("apertium") is None:
        return ()
    try:
        listing = subprocess.run(
            ["apertium", "-l"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(line.strip() for line in listing.splitlines() if line.strip())


def mode_for(src: str, tgt: str) -> str | None:
    """The Apertium mode for a pair: ISO 639-3 names (``eng-spa``) or two-letter ones."""
    modes = installed_modes()
    candidates = [
        f"{languages.to_apertium(src)}-{languages.to_apertium(tgt)}",
        f"{languages.primary(src)}-{languages.primary(tgt)}",
    ]
    for candidate in candidates:
        if candidate in modes:
            return candidate
    return None


def has_mode(src: str, tgt: str) -> bool:
    return mode_for(src, tgt) is not None


class ApertiumEngine:
    """Rule-based translation with an installed Apertium language pair."""

    name = "apertium"

    def __init__(self, *, mode: str | None = None, **_ignored: Any) -> None:
        # Options meant for other engines (beam size, device) have no meaning here.
        self._mode = mode

    def mode(self, src: str, tgt: str) -> str:
        mode = self._mode or mode_for(src, tgt)
        if mode is None:
            from termwise.mt.apertium_packages import debian_package

            package = debian_package(src, tgt)
            hint = f" (`apt install {package}`)" if package else ""
            raise TermwiseError(
                f"no Apertium mode for {src} → {tgt} is installed; install the language pair"
                f"{hint} or use `--engine argos`"
            )
        return mode

    def model_id(self, src: str, tgt: str) -> str:
        return self.mode(src, tgt)

    def options(self) -> Mapping[str, object]:
        # "cleanup" is the version of what translate() does to Apertium's output (marks,
        # spaces): a new one must not be answered from translations cached by an older one.
        return {"format": "txt", "cleanup": 2}

    def fingerprint(self, src: str, tgt: str) -> str:
        """Changes when the installed language data changes (an upgrade of the pair)."""
        mode = self.mode(src, tgt)
        for folder in MODES_DIRS:
            path = folder / f"{mode}.mode"
            if path.exists():
                stamps = [f"{path.stat().st_mtime_ns}"]
                for data in re.findall(r"'([^']+\.bin)'", path.read_text(encoding="utf-8")):
                    data_path = Path(data)
                    if data_path.exists():
                        stamps.append(f"{data_path.name}:{data_path.stat().st_mtime_ns}")
                return ";".join(stamps)
        return ""

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Progress | None = None,
        kinds: Sequence[str] | None = None,  # the plain pipeline reads every text alike
    ) -> list[MTResult]:
        mode = self.mode(src, tgt)
        flat = [_BREAKS.sub(" ", text).strip() for text in texts]
        wanted = [i for i, text in enumerate(flat) if text]
        outputs: dict[int, str] = {}
        if wanted:
            joined = _SEPARATOR.join(flat[i] for i in wanted)
            pieces = [p.strip() for p in _run(mode, joined).split(_SEPARATOR)]
            if len(pieces) != len(wanted):
                # Boundaries were not kept: never guess, translate segments one by one.
                pieces = [_run(mode, flat[i]).strip() for i in wanted]
            outputs = dict(zip(wanted, pieces, strict=True))
        results = []
        for index, text in enumerate(texts):
            target, unknown = clean_output(outputs.get(index, ""), flat[index])
            results.append(MTResult(text, target, self.name, mode, [(target, 0.0)], unknown))
        if progress is not None:
            progress(len(texts), len(texts))
        return results


def _run(mode: str, text: str) -> str:
    return run_program(["apertium", "-f", "txt", mode], text, f"apertium {mode}")


def run_program(args: Sequence[str], text: str, name: str) -> str:
    """Run an Apertium program (or a shell pipeline of them) on ``text``; its output.

    Failures become one-line ``TermwiseError``s that say which program (``name``) failed."""
    try:
        completed = subprocess.run(
            list(args), input=text, capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise TermwiseError(f"cannot run {name}: {error}") from error
    if completed.returncode != 0:
        raise TermwiseError(
            f"{name} failed (exit {completed.returncode}): {completed.stderr.strip()}"
        )
    return completed.stdout


def clean_output(output: str, source: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Apertium's output as a draft: one space where it left two, none before a full stop
    or a comma the source writes without one, marks removed (``strip_marks``); the text and
    the unknown words' spans."""
    output = _SPACE_RUN.sub(" ", output)
    if not _SPACED_STOP.search(source):
        # eng-spa writes "Es nuestro gol ." and "la Guerra Fría , es" after "is".
        output = _SPACED_STOP.sub(r"\1", output)
    return strip_marks(output, source)


def strip_marks(output: str, source: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove Apertium's unknown-word marks; return the text and the marked words' spans.

    A mark opens a word, also inside a compound ("Asia-*Pacific"), and a partly translated
    word keeps its mark ("*self-interesó"). Where the source itself holds the mark's
    character, a mark counts only on a word copied from the source and not written with that
    character there ("The *cat*" keeps its asterisks).
    """
    literal = {mark for mark in "*#@" if mark in source}
    # No more of a character than the source has: every one is the text's own. A rule that
    # moved emphasis onto a word the source also has ("la *idea*") lost its opening "*".
    only_literal = {mark for mark in literal if output.count(mark) <= source.count(mark)}
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    length = 0
    for match in _MARKED.finditer(output):
        mark, word = match.group(1), match.group(2)
        if mark in only_literal or (
            mark in literal and (word not in source or f"{mark}{word}" in source)
        ):
            continue  # a literal *, # or @ of the text, not a mark
        before = output[position : match.start()]
        pieces.append(before)
        length += len(before)
        spans.append((length, length + len(word)))
        pieces.append(word)
        length += len(word)
        position = match.end()
    pieces.append(output[position:])
    return "".join(pieces), tuple(spans)
