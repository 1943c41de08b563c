"""A Chinese sentence end inside a short quotation cuts nothing: "他喊道：“快跑！快跑！”" was
two segments, "他喊道：“快跑！" and "快跑！”", each with one quote of the pair. A long
quotation (a speech of several sentences) is still cut at each of its ends, as the Chinese
Union Version's gold lines in align-dev cut the letter of Solomon."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import load_document, split_sentences

BIBLE = Path(__file__).resolve().parents[3] / "shared" / "align-dev" / "bible-en-zh"


def sentences(text: str, lang: str = "zh") -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "他喊道：“快跑！快跑！”然后就消失了。",
            ["他喊道：“快跑！快跑！”", "然后就消失了。"],
        ),
        ("“我们要和平！我们要自由！”人群高喊着。", ["“我们要和平！我们要自由！”", "人群高喊着。"]),
        # Corner quotes, one inside the other (Traditional Chinese, Japanese).
        (
            "「他說：『快跑！快跑！』然後走了。」下一句。",
            ["「他說：『快跑！快跑！』然後走了。」", "下一句。"],
        ),
        (
            "彼は「はい。そうです」と言った。次の文。",
            ["彼は「はい。そうです」と言った。", "次の文。"],
        ),
    ],
)
def test_a_short_quotation_is_never_cut(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_quotation_longer_than_a_sentence_is_cut_at_its_ends() -> None:
    # 21 characters between the quotes stay whole; 22 are a speech of its own sentences.
    held = "一二三四五六七八九十一二三四五六七！快跑！"
    assert len(held) == 21
    assert sentences(f"他说：“{held}”下一句。") == [f"他说：“{held}”", "下一句。"]
    assert sentences(f"他说：“一{held}”下一句。") == [
        "他说：“一一二三四五六七八九十一二三四五六七！",
        "快跑！”",
        "下一句。",
    ]


def test_a_quoted_letter_keeps_the_gold_cuts_of_the_bible() -> None:
    lines_path = BIBLE / "dev.zh"
    if not lines_path.exists():
        pytest.skip("shared align-dev data absent")
    lines = lines_path.read_text(encoding="utf-8").splitlines()
    # 1 Kings 5:3-6: the letter of Solomon to Hiram, five sentences in one quotation.
    start = lines.index(
        "“你知道我父亲大卫因四围的争战，不能为耶和华他神的名建殿，直等到耶和华使仇敌都服在他脚下。"
    )
    letter = lines[start : start + 5]
    assert letter[-1].endswith("”")
    assert sentences("".join(letter)) == letter


def test_segments_prints_the_quoted_cry_in_its_sentence(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(
        "他喊道：“快跑！快跑！”然后就消失了。我们都愣住了。\n", encoding="utf-8"
    )
    shown = termwise("segments", "story.txt", "--format", "lines", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        "他喊道：“快跑！快跑！”",
        "然后就消失了。",
        "我们都愣住了。",
    ]
    document = load_document(tmp_path / "story.txt", lang="zh")
    assert [segment.text for segment in document.segments][0] == "他喊道：“快跑！快跑！”"
