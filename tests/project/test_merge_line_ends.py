"""A merge with another program's save that ends the file's lines otherwise.

The file open here was re-saved elsewhere with other line ends (Poedit on Windows writes
CRLF; msgcat on Linux writes LF) or without the blank line termwise ends a file with
(msgcat writes none). The merge (``store.merge_from_disk``, run by every save that finds
the file changed and by the workbench's file watch) kept termwise's line ends and last
line as the file had them when it was read, and the save wrote them back over the other
program's: every line of the file a change in a version control diff. Now they are the
file's as it is on disk, as a command reading it afresh writes it (as the wrapping is).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.project.translation_file import TranslationFile

pytestmark = pytest.mark.skipif(
    not shutil.which("msgcat"), reason="needs gettext's msgcat (README's setup installs it)"
)

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: es\\n"\n"X-Source-Language: en\\n"\n'
)
ENTRIES = (
    '\nmsgctxt "aaaa"\nmsgid "The committee met in May."\nmsgstr "El comité se reunió en mayo."\n'
    '\nmsgctxt "bbbb"\nmsgid "It read the report."\nmsgstr "Leyó el informe."\n\n'
)


def _msgcat(po: Path) -> None:
    """Re-save ``po`` as gettext does: LF line ends, no blank line at the end."""
    subprocess.run(["msgcat", "-o", str(po), str(po)], check=True)


def _to_crlf(po: Path) -> None:
    """Re-save ``po`` as an editor on Windows does: each line ended with CRLF."""
    po.write_bytes(po.read_bytes().replace(b"\n", b"\r\n"))


def _only_ends(data: bytes, newline: bytes) -> bool:
    """Whether every line of ``data`` ends with ``newline``."""
    lines = data.split(b"\n")[:-1]
    return all(line.endswith(b"\r") == (newline == b"\r\n") for line in lines)


def _merged_and_saved(po: Path, resave: list[object]) -> bytes:
    tfile = TranslationFile.load(po)
    tfile.units["aaaa"].set_translation("El comité se reunió en mayo. Fin.")
    for step in resave:
        step(po)  # type: ignore[operator]
    theirs = po.read_bytes()
    tfile.merge_from_disk()
    tfile.save()
    saved = po.read_bytes()
    assert b"Fin." in saved and b"Fin." not in theirs
    return saved


def test_a_file_saved_with_crlf_elsewhere_keeps_crlf(tmp_path: Path) -> None:
    po = tmp_path / "d.es.po"
    po.write_text(HEADER + ENTRIES, encoding="utf-8")
    saved = _merged_and_saved(po, [_msgcat, _to_crlf])
    assert _only_ends(saved, b"\r\n"), saved
    # msgcat's last line, not termwise's blank one.
    assert saved.endswith(b'msgstr "Ley\xc3\xb3 el informe."\r\n')
    again = TranslationFile.load(po)
    assert again.newline == "\r\n" and not again.blank_line_at_end
    assert again.units["aaaa"].target == "El comité se reunió en mayo. Fin."


def test_a_crlf_file_saved_with_lf_elsewhere_keeps_lf(tmp_path: Path) -> None:
    po = tmp_path / "d.es.po"
    po.write_bytes((HEADER + ENTRIES).encode("utf-8").replace(b"\n", b"\r\n"))
    assert TranslationFile.load(po).newline == "\r\n"
    saved = _merged_and_saved(po, [_msgcat])
    assert b"\r" not in saved
    assert saved.endswith(b'msgstr "Ley\xc3\xb3 el informe."\n')
    # The file as msgcat writes it: termwise's save is no change to its layout.
    again = po.with_name("again.po")
    shutil.copyfile(po, again)
    _msgcat(again)
    assert again.read_bytes() == saved
