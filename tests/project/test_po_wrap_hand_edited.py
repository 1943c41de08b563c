"""A file msgcat wrapped, one of whose lines someone edited by hand (typed past the width,
or broken early), is still read as wrapped at msgcat's width: the entries a save changes
are wrapped as their neighbours are, not written on one line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from termwise.project.po_wrap import detect_width, display_width
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

from .test_po_wrap_widths import msgcat, random_file

LONG_SOURCE = (
    "International trade in intermediate goods grew faster than trade in final goods "
    "during the 1990s, and well-known models failed to predict it."
)
LONG_TARGET = (
    "El comercio internacional de bienes intermedios creció más rápido que el de bienes "
    "finales en los años noventa, y modelos muy conocidos no lo predijeron."
)


def joined_once(wrapped: bytes, width: int) -> bytes:
    """``wrapped`` with two continuation lines of one string put on one line, as an editor
    typing into the first would leave them: a line past the width."""
    lines = wrapped.decode("utf-8").split("\n")
    for index in range(len(lines) - 1):
        first, second = lines[index], lines[index + 1]
        both_continuations = first.startswith('"') and second.startswith('"')
        joined = first[:-1] + second[1:]
        mid_string = not first.endswith('\\n"')
        if both_continuations and mid_string and display_width(joined) > width + 5:
            lines[index : index + 2] = [joined]
            return "\n".join(lines).encode("utf-8")
    raise AssertionError("no string wrapped over three lines")


def broken_early_once(wrapped: bytes) -> bytes:
    """``wrapped`` with one long continuation line broken after its first word by hand."""
    lines = wrapped.decode("utf-8").split("\n")
    for index, line in enumerate(lines):
        space = line.find(" ", 1)
        if line.startswith('"') and len(line) > 30 and 0 < space < 15:
            lines[index : index + 1] = [line[: space + 1] + '"', '"' + line[space + 1 :]]
            return "\n".join(lines).encode("utf-8")
    raise AssertionError("no long continuation line")


@pytest.mark.parametrize("width", [40, 60, 76, 77, 79, 80, 100, 120])
def test_one_line_edited_past_the_width_does_not_switch_wrapping_off(
    tmp_path: Path, width: int
) -> None:
    path = tmp_path / "paper.es.po"
    random_file(seed=width).save(path)
    wrapped = msgcat(width, path)
    assert detect_width(wrapped) == width
    edited = joined_once(wrapped, width)
    assert detect_width(edited) == width
    assert detect_width(broken_early_once(wrapped)) == width


def test_files_truly_unwrapped_stay_unwrapped(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    random_file(seed=5).save(path)
    assert detect_width(path.read_bytes()) is None  # termwise's own
    no_wrap = subprocess.run(
        ["msgcat", "--no-wrap", str(path)], check=True, capture_output=True
    ).stdout
    assert detect_width(no_wrap) is None
    # One entry another editor wrapped does not make the whole file wrapped.
    assert detect_width(broken_early_once(no_wrap)) is None


def test_a_changed_entry_of_a_hand_edited_msgcat_file_is_wrapped_as_msgcat_wraps(
    tmp_path: Path,
) -> None:
    path = tmp_path / "paper.es.po"
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.md")
    for index in range(6):
        tfile.units[f"a{index}"] = TranslationUnit(
            f"a{index}", f"{LONG_SOURCE} ({index})", LONG_TARGET, SegmentState.REVIEWED
        )
    tfile.units["a9"] = TranslationUnit("a9", LONG_SOURCE + " Again.", "")
    tfile.save(path)
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)  # gettext's 79
    # A translator typed a few words into a3's first line in a text editor.
    text = path.read_text(encoding="utf-8")
    at = text.index('msgctxt "a3"')
    at = text.index('msgstr ""\n"', at) + len('msgstr ""\n"')
    text = text[:at] + "Como se sabe desde hace años, " + text[at:]
    path.write_text(text, encoding="utf-8")
    assert max(len(line) for line in text.split("\n")) > 79

    tfile = TranslationFile.load(path)
    assert tfile.wrap_width == 79
    tfile.units["a9"].set_translation(LONG_TARGET + " Otra vez.")
    tfile.save()
    saved = path.read_bytes()
    # The new translation is wrapped as msgcat wraps it, and the edited line is kept.
    rewrapped = msgcat(79, path).decode("utf-8")
    entry = saved.decode("utf-8").split('msgctxt "a9"\n')[1].split("\n\n")[0]
    assert entry.strip("\n") == rewrapped.split('msgctxt "a9"\n')[1].split("\n\n")[0].strip("\n")
    assert entry.count("\n") >= 4, entry
    assert "Como se sabe desde hace años, " in saved.decode("utf-8")
