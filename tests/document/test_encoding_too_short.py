"""A file too short to tell its encoding from is refused, naming each reading, never guessed:
one Korean word in EUC-KR ("안녕하세요") was read as GB18030's "救崇窍技夸" (its bytes are
GB2312's everyday characters), since only a second word shows Korean's spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import load_document
from termwise.errors import InputError


def test_one_korean_word_is_refused_naming_both_readings(tmp_path: Path) -> None:
    path = tmp_path / "hello.txt"
    path.write_bytes("안녕하세요\n".encode("euc_kr"))
    with pytest.raises(InputError) as raised:
        load_document(path, encoding_option=True)
    message = str(raised.value)
    assert 'it reads as Korean text with --encoding euc_kr ("안녕하세요")' in message, message
    assert 'and as Chinese text with --encoding gb18030 ("救崇窍技夸"), too short' in message


def test_the_cli_reads_it_when_its_encoding_is_named(tmp_path: Path) -> None:
    (tmp_path / "hello.txt").write_bytes("안녕하세요\n".encode("euc_kr"))
    refused = termwise("segments", "hello.txt", "--format", "lines", cwd=tmp_path)
    assert refused.returncode == 2, refused.stdout
    assert "too short to tell which" in refused.stderr
    named = termwise(
        "segments", "hello.txt", "--encoding", "euc_kr", "--format", "lines", cwd=tmp_path
    )
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines() == ["안녕하세요"]


def test_chinese_that_is_no_korean_word_is_still_read_as_gb18030(tmp_path: Path) -> None:
    # Read as EUC-KR, a longer Chinese phrase is Hangul and Hanja mixed, or one run longer
    # than a Korean word: GB18030 is still recognised.
    for text in ("人类命运共同体\n", "第一句。第二句！\n第三句？\n"):
        path = tmp_path / "zh.txt"
        path.write_bytes(text.encode("gbk"))
        document = load_document(path)
        assert (document.encoding, document.text) == ("gb18030", text)
