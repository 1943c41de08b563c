"""A save in which no entry changed leaves the file on disk as it is (bytes, time stamp, no
new ``~`` backup), as msgmerge leaves an up-to-date file; the next save of a real change
still copies the untouched entries from the right places in it, whatever length the file's
own PO-Revision-Date has (another tool's, re-saved by polib), and with CRLF line ends.

The file is the one ``termwise translate doc.txt --to es --engine apertium`` writes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from termwise.project.translation_file import TranslationFile

TEXT = "The cat sleeps on the mat. The dog barks at night.\n\nGeneva is a city in Switzerland.\n"
EARLIER_NS = 1_577_934_240_000_000_000


@pytest.fixture
def po(tmp_path: Path, argos_env: Path) -> Path:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "translate", "doc.txt", "--to", "es"]
        + ["--engine", "apertium", "--no-glossary"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "translations" / "doc.es.po"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("date", ["2024-3-4 12:31+0100", "2024-03-04 12:31", None])
def test_an_unchanged_file_stays_and_the_next_edit_lands_in_place(
    po: Path, date: str | None, newline: str
) -> None:
    if date is not None:
        catalog = polib.pofile(str(po), wrapwidth=78)
        catalog.metadata["PO-Revision-Date"] = date  # as another tool dates it
        catalog.save(str(po))
    if newline == "\r\n":
        po.write_bytes(po.read_bytes().replace(b"\n", b"\r\n"))
    os.utime(po, ns=(EARLIER_NS, EARLIER_NS))
    before = po.read_bytes()
    backup = po.with_name(po.name + "~")
    backup.unlink(missing_ok=True)

    tfile = TranslationFile.load(po)
    tfile.save()
    assert po.read_bytes() == before
    assert po.stat().st_mtime_ns == EARLIER_NS and not backup.exists()

    last = list(tfile.units.values())[-1]
    last.notes = "Ginebra, not Geneva"
    tfile.save()
    assert po.read_bytes() == tfile.full_bytes()
    assert backup.read_bytes() == before
    again = TranslationFile.load(po)
    assert [unit.key()[1:] for unit in again.units.values()] == [
        unit.key()[1:] for unit in tfile.units.values()
    ]
    assert list(again.units.values())[-1].notes == "Ginebra, not Geneva"
