"""The encoding a file was read in is named where termwise found it and it is not UTF-8, and
an encoding named wrong is told the one that reads the file.

A GB18030 or UTF-16 file was read right without a word: a translator could not tell which
encoding a file sent in was, nor that the guess might be wrong. And ``--encoding utf-8`` on
a GB18030 file said only "name the right encoding", where a Big5 one was told "big5"."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import cache, load_document, reading
from termwise.document.model import Document
from termwise.errors import InputError

CHINESE = "人类命运共同体理念是中国外交的核心。它体现了中国的世界观。\n"
SENTENCES = ["人类命运共同体理念是中国外交的核心。", "它体现了中国的世界观。"]


@pytest.mark.parametrize(
    ("encoding", "note"),
    [
        ("gb18030", "read as GB18030 (guessed; --encoding to change)"),
        ("utf-16", "read as UTF-16 (its byte-order mark; --encoding to change)"),
    ],
)
def test_segments_names_the_encoding_it_found(tmp_path: Path, encoding: str, note: str) -> None:
    (tmp_path / "paper.txt").write_bytes(CHINESE.encode(encoding))
    shown = termwise("segments", "paper.txt", "--format", "lines", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == SENTENCES
    assert shown.stderr.splitlines() == [f"termwise: note: paper.txt: {note}"]


def test_utf8_and_a_named_encoding_are_read_without_a_note(tmp_path: Path) -> None:
    (tmp_path / "utf8.txt").write_text(CHINESE, encoding="utf-8")
    (tmp_path / "gb.txt").write_bytes(CHINESE.encode("gb18030"))
    for args in (("utf8.txt",), ("gb.txt", "--encoding", "gb18030")):
        shown = termwise("segments", *args, "--format", "lines", cwd=tmp_path)
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.splitlines() == SENTENCES
        assert shown.stderr == ""


def test_check_names_it_without_an_option_it_lacks(tmp_path: Path) -> None:
    # check has no --encoding: its note says what was guessed, and no option to change it.
    (tmp_path / "paper.txt").write_bytes(CHINESE.encode("gb18030"))
    checked = termwise("check", "paper.txt", "--from", "zh", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "termwise: note: paper.txt: read as GB18030 (guessed)\n" in checked.stderr


def test_a_cached_book_is_named_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The second read answers from the document cache, which must not lose the note.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "book.txt"
    path.write_bytes(CHINESE.encode("gb18030"))
    note = f"termwise: note: {path}: read as GB18030 (guessed; --encoding to change)\n"
    first = load_document(path, encoding_option=True)
    assert capsys.readouterr().err == note

    def fail(*args: object, **kwargs: object) -> Document:
        raise AssertionError("segmented again instead of read from the cache")

    monkeypatch.setattr(reading, "_build", fail)
    # (A process notes a file once: this stands for the next command's.)
    monkeypatch.setattr(reading, "_WARNED", set())
    again = load_document(path, encoding_option=True)
    assert capsys.readouterr().err == note
    assert again.segments == first.segments
    assert again.encoding == "gb18030"


@pytest.mark.parametrize("named", ["utf-8", "ascii", "big5"])
def test_a_wrong_encoding_named_is_told_the_one_that_reads_it(tmp_path: Path, named: str) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(CHINESE.encode("gb18030"))
    with pytest.raises(InputError) as raised:
        load_document(path, encoding=named, encoding_option=True)
    message = str(raised.value)
    assert f"not valid {named} text: " in message, message
    assert message.endswith(
        "; name the right encoding with --encoding: it reads as Chinese text with "
        '--encoding gb18030 ("人类命运共同体理念是中国外交的核心。它体")'
    ), message
    shown = termwise("segments", "paper.txt", "--encoding", named, cwd=tmp_path)
    assert shown.returncode == 2
    assert "--encoding gb18030" in shown.stderr, shown.stderr
