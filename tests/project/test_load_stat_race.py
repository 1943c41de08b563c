"""A translation file is read while another program saves it (a temporary file renamed over
it). The fingerprint's stat was taken after the bytes were read, so it described the other
program's file while the hash was the older one's: the watch and the save check took the
file for the one read, and the next save wrote over the other program's edit.

The race is made real: the other program's save lands between termwise's read and whatever
it does next (a wrapper around the reading function runs it right after the read).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termwise import input_files
from termwise.project.store import ConcurrentModificationError
from termwise.project.translation_file import TranslationFile

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: es\\n"
"X-Source-Language: en\\n"

msgctxt "s1"
msgid "The committee met in May."
msgstr "El comité se reunió en mayo."

msgctxt "s2"
msgid "It was a good year."
msgstr "{second}"
"""
OURS = "Fue un buen año."


def other_program_saves(po: Path, text: str) -> None:
    """Poedit or a script: the new version written beside the file and renamed over it."""
    temporary = po.with_name(po.name + ".other")
    temporary.write_text(PO.format(second=text), encoding="utf-8")
    os.replace(temporary, po)


def saved_right_after_the_read(monkeypatch: pytest.MonkeyPatch, po: Path, text: str) -> None:
    """The next read of ``po`` is followed at once by another program's save of ``text``."""
    real = input_files.read_input

    def read_then_other_save(path: str | Path) -> bytes:
        data = real(path)
        if Path(path) == po:
            monkeypatch.setattr(input_files, "read_input", real)  # once
            other_program_saves(po, text)
        return data

    monkeypatch.setattr(input_files, "read_input", read_then_other_save)


# As long as ours in bytes (a size check alone cannot tell the files apart), and longer.
@pytest.mark.parametrize("theirs", ["Fue un gran año.", "Fue un año muy, muy bueno."])
def test_a_save_landing_during_the_read_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theirs: str
) -> None:
    po = tmp_path / "d.es.po"
    po.write_text(PO.format(second=OURS), encoding="utf-8")
    os.utime(po, ns=(1_000_000_000, 1_000_000_000))  # an older file: its time differs

    saved_right_after_the_read(monkeypatch, po, theirs)
    tfile = TranslationFile.load(po)
    assert tfile.units["s2"].target == OURS  # the bytes read were the older file's

    assert tfile.changed_on_disk()
    tfile.units["s1"].set_translation("El comité se reunió en junio.")
    with pytest.raises(ConcurrentModificationError):
        tfile.save()
    assert TranslationFile.load(po).units["s2"].target == theirs

    # A merge brings the other program's edit in, and the save keeps both.
    tfile.merge_from_disk()
    tfile.save()
    on_disk = TranslationFile.load(po)
    assert on_disk.units["s2"].target == theirs
    assert on_disk.units["s1"].target == "El comité se reunió en junio."
