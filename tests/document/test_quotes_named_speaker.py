"""A name before 说 or 问 after a Chinese quotation is its speaker: “走吧。”小王说。 was cut
into "“走吧。”" and "小王说。", a sentence of its own, as “快走！”他说。 is no longer."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, "zh")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“走吧。”小王说。我们都走了。", ["“走吧。”小王说。", "我们都走了。"]),
        ("“走吧。”老师说道。", ["“走吧。”老师说道。"]),
        ("“你去哪里？”王芳笑着问。", ["“你去哪里？”王芳笑着问。"]),
        ("“好了。”小李说完就走了。", ["“好了。”小李说完就走了。"]),
        # 说 before 明天 ("said tomorrow"), 明白, 服装 or 问 before 题目 is the verb said.
        ("“好的。”她说明天再来。", ["“好的。”她说明天再来。"]),
        ("“好。”她说明白了。", ["“好。”她说明白了。"]),
        ("“你好。”他说服装很好看。", ["“你好。”他说服装很好看。"]),
        ("“你好。”他问题目是什么。", ["“你好。”他问题目是什么。"]),
    ],
)
def test_a_quotation_goes_on_with_a_named_speaker(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The name before a colon opens the next quotation.
        ("“你去哪里？”小王问：“回家吗？”", ["“你去哪里？”", "小王问：“回家吗？”"]),
        # 说明 ("explain") is no speech verb said.
        ("“好。”我们说明一下原因。", ["“好。”", "我们说明一下原因。"]),
        # A name before the quotation and its colon: one sentence, as before.
        ("小王说：“你好。”小李说：“再见。”", ["小王说：“你好。”", "小李说：“再见。”"]),
        # A pronoun and an adverb before 说 are a sentence's, no speaker's name.
        ("“你好。”你先说。", ["“你好。”", "你先说。"]),
        ("“谢谢。”我不想再说。", ["“谢谢。”", "我不想再说。"]),
        ("“好。”你们先说。", ["“好。”", "你们先说。"]),
    ],
)
def test_the_next_sentence_is_still_cut(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_segments_prints_the_quotation_with_its_named_speaker(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("“走吧。”小王说。“好的。”小李说。\n", encoding="utf-8")
    shown = termwise("segments", "story.txt", "--lang", "zh", "--format", "lines", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == ["“走吧。”小王说。", "“好的。”小李说。"]
