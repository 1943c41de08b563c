"""A quotation that closes on its own sentence end, followed by the words that say who said
it, is one sentence with them: 「もう帰ろう。」と彼は言った。 was cut after 」, leaving
"と彼は言った。" a sentence of its own, as was Chinese "他说。" after “快走！”."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "「もう帰ろう。」と彼は言った。次の日は雨だった。",
            ["「もう帰ろう。」と彼は言った。", "次の日は雨だった。"],
        ),
        ("「行こう！」って言った。", ["「行こう！」って言った。"]),
        ("「もう帰ろう。」という声が聞こえた。", ["「もう帰ろう。」という声が聞こえた。"]),
        ("『本当か？』と聞いた。", ["『本当か？』と聞いた。"]),
    ],
)
def test_a_japanese_quotation_goes_on_with_its_particle(text: str, expected: list[str]) -> None:
    assert sentences(text, "ja") == expected


def test_a_sentence_opening_with_to_after_a_quotation_is_its_own() -> None:
    # ところで ("by the way") opens a sentence: the quotation before it ends one.
    assert sentences("「はい。」ところで、明日は？", "ja") == ["「はい。」", "ところで、明日は？"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“快走！”他说。我们都走了。", ["“快走！”他说。", "我们都走了。"]),
        ("“你去哪里？”她问。", ["“你去哪里？”她问。"]),
        ("“好了。”說完就走了。", ["“好了。”說完就走了。"]),
        # Not the speaker but the next sentence: cut as before.
        ("“我们要和平！我们要自由！”人群高喊着。", ["“我们要和平！我们要自由！”", "人群高喊着。"]),
    ],
)
def test_a_chinese_quotation_goes_on_with_its_speaker(text: str, expected: list[str]) -> None:
    assert sentences(text, "zh") == expected


def test_segments_prints_the_quotation_with_who_said_it(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(
        "「もう帰ろう。」と彼は言った。私たちは駅まで歩いた。\n", encoding="utf-8"
    )
    shown = termwise("segments", "story.txt", "--lang", "ja", "--format", "lines", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == ["「もう帰ろう。」と彼は言った。", "私たちは駅まで歩いた。"]


def test_a_speaker_before_the_next_quotation_opens_a_sentence() -> None:
    assert sentences("他问：“你去哪里？”我说道：“回家。”", "zh") == [
        "他问：“你去哪里？”",
        "我说道：“回家。”",
    ]
