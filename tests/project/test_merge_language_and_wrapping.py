"""A merge with another program's save and its Language header and line wrapping.

The file open here was re-saved elsewhere with another wrapping (``msgcat -w 60``,
``msgcat --no-wrap``) or another Language; the next save wrote termwise's own back: the
entries it changed wrapped as the file was when it was read, among entries wrapped the
other program's way, and its Language over the other program's. Now the wrapping is the
file's as it is on disk (as a command reading it afresh writes it); the same language
otherwise written (``es_MX``) is taken; another language (a French file copied over the
Spanish one) is refused, and nothing is written over that file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.errors import TermwiseError
from termwise.project.translation_file import TranslationFile

pytestmark = pytest.mark.skipif(
    not shutil.which("msgcat"), reason="needs gettext's msgcat (README's setup installs it)"
)

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: es\\n"\n"X-Source-Language: en\\n"\n'
)
SOURCE = (
    "The committee met in May to discuss the report on the regional project and its many "
    "consequences for the towns."
)
TARGET = (
    "El comité se reunió en mayo para discutir el informe sobre el proyecto regional y sus "
    "muchas consecuencias para los pueblos."
)
ENTRIES = (
    f'\nmsgctxt "aaaa"\nmsgid "{SOURCE}"\nmsgstr "{TARGET}"\n'
    f'\nmsgctxt "bbbb"\nmsgid "Also: {SOURCE}"\nmsgstr "También: {TARGET}"\n'
)


def _msgcat(po: Path, *options: str) -> None:
    subprocess.run(["msgcat", *options, "-o", str(po), str(po)], check=True)


def _edited_entry(po: Path) -> str:
    """The entry of segment ``aaaa`` as the file has it."""
    text = po.read_text(encoding="utf-8")
    start = text.index('msgctxt "aaaa"')
    return text[start : text.index("\n\n", start)]


def _open_then_rewrapped(tmp_path: Path, before: tuple[str, ...], after: tuple[str, ...]) -> Path:
    """The file wrapped by ``msgcat before``, opened and edited here, then re-saved by
    ``msgcat after`` and saved here after a merge."""
    po = tmp_path / "d.es.po"
    po.write_text(HEADER + ENTRIES, encoding="utf-8")
    _msgcat(po, *before)
    tfile = TranslationFile.load(po)
    tfile.units["aaaa"].set_translation(TARGET + " Fin.")
    _msgcat(po, *after)
    tfile.merge_from_disk()
    tfile.save()
    return po


def test_a_file_wrapped_at_another_width_keeps_that_width(tmp_path: Path) -> None:
    po = _open_then_rewrapped(tmp_path, ("--no-wrap",), ("-w", "60"))
    entry = _edited_entry(po)
    assert "Fin." in entry
    # Wrapped at 60 as msgcat wrapped the entry beside it, not on one line.
    assert entry.startswith('msgctxt "aaaa"\nmsgid ""\n"The committee')
    # Exactly as msgcat wraps it.
    again = po.with_name("again.po")
    shutil.copyfile(po, again)
    _msgcat(again, "-w", "60")
    assert _edited_entry(again) == entry


def test_a_file_no_longer_wrapped_stays_unwrapped(tmp_path: Path) -> None:
    po = _open_then_rewrapped(tmp_path, (), ("--no-wrap",))
    entry = _edited_entry(po)
    assert entry.splitlines()[1:] == [
        f'msgid "{SOURCE}"',
        f'msgstr "{TARGET} Fin."',
    ]


def _open_then_language(tmp_path: Path, language: str) -> tuple[Path, TranslationFile]:
    po = tmp_path / "d.es.po"
    po.write_text(HEADER + ENTRIES, encoding="utf-8")
    tfile = TranslationFile.load(po)
    tfile.units["aaaa"].set_translation(TARGET + " Fin.")
    text = po.read_text(encoding="utf-8").replace("Language: es\\n", f"Language: {language}\\n")
    po.write_text(text, encoding="utf-8")
    return po, tfile


def test_the_same_language_otherwise_written_is_taken(tmp_path: Path) -> None:
    po, tfile = _open_then_language(tmp_path, "es_MX")
    report = tfile.merge_from_disk()
    assert report.header_taken == ["Language"]
    tfile.save()
    saved = po.read_text(encoding="utf-8")
    assert '"Language: es_MX\\n"' in saved and "Fin." in saved
    assert TranslationFile.load(po).lang == "es-MX"


def test_another_language_is_refused_and_not_overwritten(tmp_path: Path) -> None:
    po, tfile = _open_then_language(tmp_path, "fr")
    on_disk = po.read_bytes()
    with pytest.raises(TermwiseError, match=r"now says Language: fr.*into Spanish \(es\)"):
        tfile.merge_from_disk()
    # The save that follows is refused too: the file is the other program's.
    with pytest.raises(TermwiseError):
        tfile.save()
    assert po.read_bytes() == on_disk
    # The work here is kept, for a save once the file is Spanish again.
    assert tfile.units["aaaa"].target == TARGET + " Fin."
    assert tfile.lang == "es"
