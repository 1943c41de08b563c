"""A PO file wrapped at a width other than gettext's 79 or Babel's 76 (``msgcat -w 77``,
``-w 100``) is written back at that width: the width is read off the file's own lines, and
a changed entry is wrapped as msgcat wraps it there."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from termwise.project.po_wrap import detect_width, rewrap
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

# Words that exercise gettext's line breaking: hyphens, brackets, quotes, escapes, CJK
# (two columns each, breaks between characters), a URL, punctuation that sticks.
WORDS = [
    "trade", "in", "intermediate", "goods", "well-known", "1990s,", "(see", "Table", "3).",
    "«comercio»", "—", "100%", "$5", "e.g.", "x/y", "a\tb", '"quoted"', "back\\slash",
    "“curly”", "貿易", "中間財の", "取引が、", "増えた。", "（注）", "niño", "café,", "naïve;",
    "don't", "¿Qué?", "a-b-c", "http://example.org/path", "–", "…", "5 km", "x+y=z", "[1]",
]  # fmt: skip


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 40))]
    text = "".join(word + rng.choice([" ", " ", " ", "", "  "]) for word in words).strip(" ")
    if rng.random() < 0.2:
        text = text.replace(" ", "\n", 1)  # a string of two portions
    return text or "x"


def random_file(seed: int, count: int = 200) -> TranslationFile:
    rng = random.Random(seed)
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.md")
    for index in range(count):
        target = sentence(rng) if rng.random() < 0.8 else ""
        tfile.units[f"s{index}"] = TranslationUnit(
            f"s{index}",
            sentence(rng),
            target,
            SegmentState.REVIEWED if target else SegmentState.NEW,
        )
    return tfile


def msgcat(width: int, path: Path) -> bytes:
    return subprocess.run(
        ["msgcat", "-w", str(width), str(path)], check=True, capture_output=True
    ).stdout


@pytest.mark.parametrize("width", [60, 77, 100])
def test_a_file_msgcat_wrapped_at_another_width_is_written_back_at_it(
    tmp_path: Path, width: int
) -> None:
    path = tmp_path / "paper.es.po"
    random_file(seed=width).save(path)
    subprocess.run(["msgcat", "-w", str(width), "-o", str(path), str(path)], check=True)
    tfile = TranslationFile.load(path)
    assert tfile.wrap_width == width
    rng = random.Random(1)
    for segment_id in list(tfile.units)[::10]:
        tfile.units[segment_id].target = sentence(rng) + " " + sentence(rng)
    tfile.save()
    # msgcat -w N would write the saved file as it is: the changed entries are wrapped
    # its way. (termwise ends the file with a blank line, msgcat without.)
    assert path.read_bytes().rstrip(b"\n") == msgcat(width, path).rstrip(b"\n")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_entries_are_wrapped_as_msgcat_wraps_them_at_any_width(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "paper.es.po"
    random_file(seed).save(path)  # unwrapped
    text = path.read_text(encoding="utf-8")
    for width in (40, 60, 76, 77, 78, 79, 80, 90, 100, 120):
        wrapped = msgcat(width, path)
        assert rewrap(text, width).rstrip("\n") == wrapped.decode("utf-8").rstrip("\n"), width
        assert detect_width(wrapped) == width


def test_a_file_whose_lines_fit_several_widths_reads_as_gettexts_79(tmp_path: Path) -> None:
    # One wrapped string cannot tell 79 from 78 or 80: the width nearly every file is
    # written at is taken, so a file msgcat wrote by default is not rewrapped at 78.
    path = tmp_path / "paper.es.po"
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.md")
    tfile.units["a1"] = TranslationUnit("a1", " ".join(["intermediate goods"] * 8), "")
    tfile.save(path)
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)
    assert TranslationFile.load(path).wrap_width == 79
