"""Japanese, Korean and Big5 files are told their encoding, never read as Chinese mojibake.

GB18030 decodes Shift-JIS and EUC-KR without an error: a Japanese file was read as
"擔杮岅偺…" and a Korean one as "茄惫绢…", segmented and translated without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import load_document
from termwise.errors import InputError

JAPANESE = "日本語のテキストです。東京は大きな都市で、山の上から海が見えます。\n"
JAPANESE_SENTENCES = ["日本語のテキストです。", "東京は大きな都市で、山の上から海が見えます。"]
KOREAN = "대한민국의 수도는 서울이다. 오늘은 날씨가 맑고 따뜻하다.\n"
KOREAN_SENTENCES = ["대한민국의 수도는 서울이다.", "오늘은 날씨가 맑고 따뜻하다."]
TRADITIONAL = "人類命運共同體是中國外交的核心。他說我們明天出發，大家都同意了。\n"
# Each file, the encoding it is in, and the language and line start its error shows.
FILES = [
    ("shift_jis", JAPANESE, "Japanese", "日本語のテキストです。"),
    ("euc_jp", JAPANESE, "Japanese", "日本語のテキストです。"),
    ("euc_kr", KOREAN, "Korean", "대한민국의 수도는 서울이다."),
    ("big5", TRADITIONAL, "Chinese", "人類命運共同體是中國外交的核心。"),
]


@pytest.mark.parametrize(("encoding", "text", "language", "start"), FILES)
def test_a_file_in_another_east_asian_encoding_is_told_it(
    tmp_path: Path, encoding: str, text: str, language: str, start: str
) -> None:
    path = tmp_path / "text.txt"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(InputError) as raised:
        load_document(path, encoding_option=True)
    message = str(raised.value)
    assert message.startswith(f"{path}:1:1: not UTF-8 text: "), message
    assert f'it reads as {language} text with --encoding {encoding} ("{start}' in message
    # Where the command has no --encoding, the advice is to save it as UTF-8, in what.
    with pytest.raises(InputError) as raised:
        load_document(path)
    assert f"save it as UTF-8: it reads as {language} text in {encoding} (" in str(raised.value)


def test_windows_shift_jis_is_named_cp932(tmp_path: Path) -> None:
    # NEC's circled digits are in Windows' Shift-JIS only: shift_jis would refuse the file.
    path = tmp_path / "list.txt"
    path.write_bytes(("①" + JAPANESE).encode("cp932"))
    with pytest.raises(InputError, match="it reads as Japanese text with --encoding cp932"):
        load_document(path, encoding_option=True)
    texts = [s.text for s in load_document(path, encoding="cp932", lang="ja").segments]
    assert "".join(texts) == "①" + JAPANESE.strip()


@pytest.mark.parametrize(
    ("encoding", "text", "sentences"),
    [("shift_jis", JAPANESE, JAPANESE_SENTENCES), ("euc_kr", KOREAN, KOREAN_SENTENCES)],
)
def test_the_cli_refuses_and_reads_it_when_named(
    tmp_path: Path, encoding: str, text: str, sentences: list[str]
) -> None:
    (tmp_path / "text.txt").write_bytes(text.encode(encoding))
    refused = termwise("segments", "text.txt", "--format", "lines", cwd=tmp_path)
    assert refused.returncode == 2, refused.stdout
    assert refused.stderr.startswith("termwise: error: text.txt:1:1: not UTF-8 text: ")
    assert f"--encoding {encoding}" in refused.stderr
    named = termwise(
        "segments", "text.txt", "--encoding", encoding, "--format", "lines", cwd=tmp_path
    )
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines() == sentences


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_chinese_of_rare_names_is_still_read_as_gb18030(tmp_path: Path, encoding: str) -> None:
    # The everyday-character test must leave a line of rare birds' names Chinese: a third
    # of its ideographs are in GB2312's first level.
    path = tmp_path / "birds.txt"
    path.write_bytes("鹈鹕，秃雕，鸬鹚，\n".encode(encoding))
    document = load_document(path)
    assert document.encoding == "gb18030"
    assert document.text == "鹈鹕，秃雕，鸬鹚，\n"
