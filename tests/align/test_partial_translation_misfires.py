"""What is not a translation of a part, though one side has twice the other's sentences or
more: a translation that joins short sentences into long ones, a passage missing in the
middle; and a source that is a part of its translation keeps its MT."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.beads import Bead, read_beads

DATA = Path(__file__).resolve().parent / "data"
# 30 short lines of a car checklist, and a Spanish translation in 12 sentences, each joining
# 1 to 4 of them in order.
CHECKLIST, JOINED = DATA / "en30.txt", DATA / "es12.txt"
# 10 sentences of minutes, a 15-line appendix, 5 more sentences; Apertium's Spanish of the
# 15 sentences of the minutes (the appendix left out), and of all 30 lines.
MINUTES, MINUTES_ES, ALL_ES = DATA / "en_mid.txt", DATA / "es_mid.txt", DATA / "en_mid_all.es.txt"
needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium absent")


def _align(tmp_path: Path, source: Path, target: Path, *options: str) -> tuple[list[Bead], str]:
    shutil.copy(source, tmp_path / "a.txt")
    shutil.copy(target, tmp_path / "b.txt")
    out = termwise(
        "align", "a.txt", "b.txt", "--from", "en", "--to", "es", "--presegmented",
        "--format", "beads", "-o", "out.align", *options, cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return read_beads(tmp_path / "out.align"), out.stderr


JOINED_GROUPS = [
    [0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10], [11, 12], [13, 14, 15], [16, 17], [18],
    [19, 20, 21], [22, 23, 24, 25], [26, 27], [28, 29],
]  # fmt: skip


@pytest.mark.parametrize(
    "options",
    [pytest.param(("--no-mt",), id="no-MT"), pytest.param((), id="MT", marks=needs_apertium)],
)
def test_a_translation_that_joins_short_sentences_is_no_part(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    # 2.5 times fewer sentences, but all the characters (1.3 Spanish per English one): taken
    # for a translation of a part, 16 English lines were left out at the start ("the target
    # lacks the source's start") and every line paired wrong.
    beads, stderr = _align(tmp_path, CHECKLIST, JOINED, *options)
    assert "lacks the source's start" not in stderr
    assert not [bead for bead in beads if not bead.tgt], stderr
    assert [bead.tgt for bead in beads] == [(j,) for j in range(12)]
    right = sum(list(bead.src) == group for bead, group in zip(beads, JOINED_GROUPS, strict=True))
    # With the MT every group; by lengths alone the first three and the eighth, as before the
    # part model (it found none).
    assert right >= (4 if options else 12), [bead.src for bead in beads]


@needs_apertium
def test_a_passage_missing_in_the_middle_is_no_part(tmp_path: Path) -> None:
    # 30 lines against 15 look like a part by the counts; the MT shows the last five
    # sentences match the source's end, which the part model paired with appendix lines.
    beads, stderr = _align(tmp_path, MINUTES, MINUTES_ES)
    assert beads == [
        *[Bead((i,), (i,)) for i in range(10)],
        *[Bead((i,), ()) for i in range(10, 25)],
        *[Bead((i,), (i - 15,)) for i in range(25, 30)],
    ], stderr
    assert "source sentences 11–25 (15) have no counterpart in the target" in stderr


@needs_apertium
def test_a_source_that_is_part_of_its_translation_keeps_its_mt(tmp_path: Path) -> None:
    # The first 10 sentences against the translation of all 30 lines: the part's first pass
    # placed the 10 in the middle of the 30, where the MT ranked them at chance ("the MT of
    # the source does not resemble the target … 17%"), and the MT was dropped.
    (tmp_path / "part").mkdir()
    source = tmp_path / "part" / "a.txt"
    lines = MINUTES.read_text(encoding="utf-8").splitlines()[:10]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    beads, stderr = _align(tmp_path, source, ALL_ES)
    assert "does not resemble the target" not in stderr
    assert "with MT similarity" in stderr
    assert beads == [Bead((i,), (i,)) for i in range(10)] + [Bead((), (j,)) for j in range(10, 30)]
