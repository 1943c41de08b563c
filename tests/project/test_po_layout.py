"""A project file is written back laid out as it is on disk: its header's field order and
its strings' wrapping, so that a save changes in version control only what changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

LONG_SOURCE = (
    "International trade in intermediate goods grew faster than trade in final goods "
    "during the 1990s, and well-known models failed to predict it."
)
LONG_TARGET = (
    "El comercio internacional de bienes intermedios creció más rápido que el de bienes "
    "finales en los años noventa, y modelos muy conocidos no lo predijeron."
)


def header_lines(path: Path) -> list[str]:
    """The header entry's field lines, less the revision date (a save's own time)."""
    head = path.read_text(encoding="utf-8").split("\n\n")[0]
    return [
        line
        for line in head.splitlines()
        if line.startswith('"') and "PO-Revision-Date" not in line
    ]


def field_names(path: Path) -> list[str]:
    head = path.read_text(encoding="utf-8").split("\n\n")[0]
    fields = "".join(line.strip('"') for line in head.splitlines() if line.startswith('"'))
    return [field.partition(":")[0].lower() for field in fields.split("\\n") if field]


def project_file() -> TranslationFile:
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.md")
    tfile.units["a1"] = TranslationUnit("a1", LONG_SOURCE, LONG_TARGET, SegmentState.REVIEWED)
    tfile.units["a2"] = TranslationUnit(
        "a2",
        "Short one.",
        "Corta.",
        SegmentState.EDITED,
        mt="Una traducción automática lo bastante larga para que msgcat la envolviera si quisiera.",
    )
    tfile.units["a3"] = TranslationUnit(
        "a3", "Second line\nof a heading that is long enough to wrap, and then some more.", ""
    )
    return tfile


def test_a_new_file_has_gettexts_header_order_and_a_resave_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    project_file().save(path)
    created = header_lines(path)
    assert field_names(path)[:10] == [
        "project-id-version",
        "pot-creation-date",
        "po-revision-date",
        "last-translator",
        "language-team",
        "language",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "plural-forms",
    ]
    loaded = TranslationFile.load(path)
    loaded.units["a3"].target = "Segunda línea"
    loaded.save()
    assert header_lines(path) == created
    TranslationFile.load(path).save()
    assert header_lines(path) == created


def test_a_msginit_header_keeps_its_order_through_a_save(tmp_path: Path) -> None:
    pot = tmp_path / "paper.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: paper 1.0\\n"\n'
        '"Report-Msgid-Bugs-To: bugs@example.org\\n"\n'
        '"POT-Creation-Date: 2024-03-01 10:00+0000\\n"\n'
        '"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"\n'
        '"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"\n'
        '"Language-Team: LANGUAGE <LL@li.org>\\n"\n'
        '"Language: \\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=CHARSET\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n\n'
        'msgctxt "a1"\nmsgid "Short one."\nmsgstr ""\n',
        encoding="utf-8",
    )
    path = tmp_path / "paper.es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(pot), "-o", str(path)],
        check=True,
        capture_output=True,
    )
    before = field_names(path)
    assert before.index("plural-forms") > before.index("content-transfer-encoding")
    tfile = TranslationFile.load(path)
    tfile.units["a1"].target = "Corta."
    tfile.save()
    after = field_names(path)
    # msginit's fields stay where msginit put them; termwise's own come after them.
    assert after[: len(before)] == before
    assert "Report-Msgid-Bugs-To: bugs@example.org\\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [79, 76])
def test_a_changed_entry_is_wrapped_as_msgcat_wrapped_the_file(tmp_path: Path, width: int) -> None:
    path = tmp_path / "paper.es.po"
    project_file().save(path)
    subprocess.run(["msgcat", "-w", str(width), "-o", str(path), str(path)], check=True)
    wrapped = path.read_bytes()
    assert b'msgid ""\n"International trade' in wrapped  # msgcat did wrap it
    tfile = TranslationFile.load(path)
    tfile.units["a1"].target = LONG_TARGET.replace("rápido", "deprisa")
    tfile.units[
        "a3"
    ].target = "Segunda línea\nde un título lo bastante largo para envolverse, y algo más."
    tfile.save()
    saved = path.read_bytes()
    again = subprocess.run(
        ["msgcat", "-w", str(width), str(path)], check=True, capture_output=True
    ).stdout
    # msgcat would write the saved file as it is: the changed entries (and the header) are
    # wrapped its way. (termwise ends the file with a blank line, msgcat without.)
    assert saved.rstrip(b"\n") == again.rstrip(b"\n")
    # The entry that did not change is the same bytes.
    unchanged = wrapped.split(b"\n\n")[2]
    assert b'msgctxt "a2"' in unchanged and unchanged in saved.split(b"\n\n")


def test_a_no_wrap_file_stays_unwrapped(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    project_file().save(path)
    subprocess.run(["msgcat", "--no-wrap", "-o", str(path), str(path)], check=True)
    tfile = TranslationFile.load(path)
    tfile.units["a1"].target = LONG_TARGET.replace("rápido", "deprisa")
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert f'msgstr "{LONG_TARGET.replace("rápido", "deprisa")}"' in text
