"""Office 97–2003 files (OLE2 compound files) are refused by what they are, with what to do,
in every command that reads a document, not as "binary file (NUL byte)"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.document.encoding import decode_bytes, read_text
from termwise.errors import InputError

# The signature and the start of the header a Word 97–2003 file begins with: NUL at byte 8.
OLE2 = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff" + bytes(480)
WORD = "a Word 97–2003 .doc file is not read; save it as .docx (or text)"


@pytest.mark.parametrize("name", ["report.doc", "report.txt", "report"])
def test_a_word_97_file_is_refused_as_such(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE2)
    for read in (read_text, load_document):
        with pytest.raises(InputError) as raised:
            read(path)
        assert raised.value.message == WORD
        assert raised.value.offset is None
    with pytest.raises(InputError, match="Word 97–2003"):
        decode_bytes(OLE2, path, "latin-1")  # named an encoding: still no text


def test_an_excel_97_file_is_named_for_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "terms.xls"
    path.write_bytes(OLE2)
    with pytest.raises(InputError, match="an Excel 97–2003 .xls file is not read"):
        read_text(path)


def test_align_refuses_a_word_97_translation(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_text("The river. The lake.\n", encoding="utf-8")
    (tmp_path / "report.es.doc").write_bytes(OLE2)
    result = subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", "align", "report.md"]
        + ["report.es.doc", "--from", "en", "--to", "es", "--no-mt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr == f"termwise: error: report.es.doc: {WORD}\n"
