"""A short Chinese file in GBK is recognised: one character alone ("中") stands beside no
other, and a quoted sentence's curly quotes ("小王说：“你好。”") counted against its
Chinese, so both were refused as "not UTF-8 text" without the reading that fits. Latin-1
text whose letters read as Chinese characters is still refused, and so are bytes that no
encoding named reads, by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import load_document
from termwise.errors import InputError


@pytest.mark.parametrize("text", ["中", "中文。\n", "小王说：“你好。”\n", "“好”……\n"])
def test_a_short_gbk_file_is_read_as_gb18030(tmp_path: Path, text: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("gbk"))
    document = load_document(path, lang="zh")
    assert (document.encoding, document.text) == ("gb18030", text)


def test_the_cli_reads_one_character_with_and_without_naming_gbk(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_bytes("中".encode("gbk"))
    for options in ((), ("--encoding", "gbk")):
        result = termwise(
            "segments", "one.txt", "--lang", "zh", "--format", "lines", *options, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ["中"]
    guessed = termwise("segments", "one.txt", "--lang", "zh", cwd=tmp_path)
    assert "one.txt: read as GB18030 (guessed" in guessed.stderr


@pytest.mark.parametrize("text", ["für\n", "Ärger und Grüße\n"])
def test_latin1_letters_against_latin_ones_are_no_chinese(tmp_path: Path, text: str) -> None:
    # "für" in Latin-1 reads as GB18030's "f黵": one character against a Latin letter.
    path = tmp_path / "de.txt"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(InputError) as raised:
        load_document(path, encoding_option=True)
    assert "gb18030" not in str(raised.value)


def test_bytes_gbk_does_not_read_are_refused_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes("中文。\n".encode("gbk") + b"ok \xff\n")
    result = termwise("segments", "broken.txt", "--lang", "zh", "--encoding", "gbk", cwd=tmp_path)
    assert result.returncode == 2
    assert "broken.txt:2:4: not valid gbk text: byte 0xFF" in result.stderr, result.stderr
    assert result.stdout == ""
