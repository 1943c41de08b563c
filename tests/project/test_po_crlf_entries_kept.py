"""A PO file with CRLF line ends (a Windows editor's, a Git checkout's with autocrlf) keeps
its unchanged entries byte for byte through a save, as an LF file does: an entry wrapped by
hand is not re-wrapped, and every line still ends with CRLF, save after save."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.project import entry_spans
from termwise.project.translation_file import TranslationFile

from .test_po_layout_kept import msgcat_file, msgfmt_check

# a1's translation as a translator broke it in a text editor: not where msgcat breaks.
HAND_WRAPPED = (
    'msgstr ""\r\n'
    '"Инициатива «Пояс и путь» связывает "\r\n'
    '"многие страны Азии, Европы и Африки посредством торговли."'
).encode()


def crlf_file(tmp_path: Path) -> Path:
    """msgcat's Russian file (see ``test_po_layout_kept``), a1 translated by hand, CRLF."""
    path = msgcat_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8")
    text = text.replace(
        b'"Africa through trade."\r\nmsgstr ""', b'"Africa through trade."\r\n' + HAND_WRAPPED
    )
    path.write_bytes(text)
    assert HAND_WRAPPED in path.read_bytes()
    return path


def entry(data: bytes, segment_id: str) -> bytes:
    """The bytes of the live entry with ``segment_id``, separators left out."""
    at = data.index(f'msgctxt "{segment_id}"'.encode())
    start = data.rfind(b"\r\n\r\n", 0, at) + 4
    end = data.find(b"\r\n\r\n", at)
    return data[start : end if end >= 0 else len(data)].rstrip(b"\r\n")


def only_crlf(data: bytes) -> bool:
    return data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r")


def test_unchanged_entries_of_a_crlf_file_are_kept_byte_for_byte(tmp_path: Path) -> None:
    path = crlf_file(tmp_path)
    before = path.read_bytes()
    tfile = TranslationFile.load(path)
    tfile.units["a3"].target = "Кратко."
    tfile.save()
    after = path.read_bytes()
    assert only_crlf(after)
    assert entry(after, "a1") == entry(before, "a1")
    assert HAND_WRAPPED in after
    assert entry(after, "a2") == entry(before, "a2")
    assert entry(after, "a3").endswith('msgstr "Кратко."'.encode())
    # A second save from the same object (the workbench's autosave) copies them again.
    tfile.units["a2"].notes = "checked"
    tfile.save()
    again = path.read_bytes()
    assert only_crlf(again)
    assert entry(again, "a1") == entry(before, "a1")
    assert b"# checked\r\n" in entry(again, "a2")
    tfile.units["a3"].target = "Коротко."
    tfile.save()
    third = path.read_bytes()
    assert only_crlf(third) and HAND_WRAPPED in third
    reread = TranslationFile.load(path)
    assert reread.units["a1"].target.startswith("Инициатива «Пояс и путь» связывает многие")
    assert reread.units["a2"].notes == "checked"
    assert reread.units["a3"].target == "Коротко."
    msgfmt_check(path)


def test_a_crlf_cut_in_two_by_a_read_stays_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A book's entries are copied a megabyte at a time: a read may end between "\r" and
    "\n". Reads of 7 bytes cut many."""
    path = crlf_file(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(entry_spans, "BLOCK_SIZE", 7)
    tfile = TranslationFile.load(path)
    tfile.units["a3"].target = "Кратко."
    tfile.save()
    tfile.units["a3"].target = "Коротко."
    tfile.save()
    after = path.read_bytes()
    assert only_crlf(after)
    assert entry(after, "a1") == entry(before, "a1")
    assert entry(after, "a2") == entry(before, "a2")


def test_an_entry_with_other_line_ends_is_written_anew_with_the_files(tmp_path: Path) -> None:
    """An entry with "\n" ends in a CRLF file (pasted in by an editor that kept them) is
    not copied as it is: the file saved has CRLF throughout."""
    path = crlf_file(tmp_path)
    data = path.read_bytes()
    at = data.index(b'msgctxt "a2"')
    end = data.index(b"\r\n\r\n", at)
    path.write_bytes(data[:at] + data[at:end].replace(b"\r\n", b"\n") + data[end:])
    tfile = TranslationFile.load(path)
    tfile.units["a3"].target = "Кратко."
    tfile.save()
    after = path.read_bytes()
    assert only_crlf(after)
    assert HAND_WRAPPED in after
    assert TranslationFile.load(path).units["a2"].target.startswith("Она началась")


def test_an_import_into_a_crlf_project_file_keeps_its_other_entries(tmp_path: Path) -> None:
    """Through the CLI: ``termwise import`` fills a3 from another tool's PO file."""
    root = tmp_path / "proj"
    (root / "translations").mkdir(parents=True)
    (root / "paper.txt").write_text(
        "The Belt and Road Initiative connects many countries across Asia, Europe and "
        "Africa through trade.\n\nIt began in 2013 and has since grown into a vast network "
        "of railways, ports and pipelines.\n\nShort.\n",
        encoding="utf-8",
    )
    # The project file's msgctxt are the document's segment ids.
    made = CliRunner().invoke(cli, ["segments", str(root / "paper.txt"), "--format", "json"])
    assert made.exit_code == 0, made.output
    ids = [segment["id"] for segment in json.loads(made.output)]
    path = crlf_file(tmp_path)
    data = path.read_bytes()
    for number, segment_id in enumerate(ids, start=1):
        data = data.replace(f'msgctxt "a{number}"'.encode(), f'msgctxt "{segment_id}"'.encode())
    project_file = root / "translations" / "paper.ru.po"
    project_file.write_bytes(data)
    before = project_file.read_bytes()
    theirs = tmp_path / "theirs.po"
    theirs.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Short."\nmsgstr "Кратко."\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "import", str(theirs), "--doc", str(root / "paper.txt")]
        + ["--to", "ru"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    after = project_file.read_bytes()
    assert only_crlf(after)
    assert entry(after, ids[0]) == entry(before, ids[0])
    assert HAND_WRAPPED in after
    assert b'msgstr "\xd0\x9a\xd1\x80\xd0\xb0\xd1\x82\xd0\xba\xd0\xbe."' in entry(after, ids[2])
    done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(project_file)])
    assert done.returncode == 0
