"""Five readings the signature, continuing-word, table-row, said-after-quote and 第N条 rules
got wrong where the rules before them were right: a heading above its subtitle taken for a
signature, "Appendix A" and "Getting Started With" taken for lines cut after the article
"a" and "with", a sentence wrapped in a
narrow column cut as two table rows, a Chinese noun after a quotation (问题, 说明书) glued to
it as its speaker, and a sentence that opens with 第二条 ("the second proposal") read as a
law's article heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document import parse_document, split_sentences
from termwise.document.model import SegmentKind

ABOVE = (
    "The report describes the work of the team over the last ten years and the results of the\n"
    "wind measurements that the team made at the three sites on the northern coast of Norway.\n"
)
BELOW = (
    "The team measured the wind at three sites on the northern coast of Norway in the spring.\n"
    "It then moved to the second site and measured the wind there for another five years.\n"
)
GPL = Path("/work/shared/align-dev/textberg-de-fr/LICENSE.GPL-2.0.txt")


def _segments(text: str, lang: str = "en") -> list[tuple[SegmentKind, str]]:
    return [(segment.kind, segment.text) for segment in parse_document(text, lang=lang).segments]


@pytest.mark.parametrize(
    ("heading", "subtitle"),
    [("Chapter One", "The Beginning"), ("Part Two", "Into the Storm")],
)
def test_a_heading_above_its_subtitle_is_no_signature(heading: str, subtitle: str) -> None:
    text = f"{ABOVE}\n{heading}\n{subtitle}\n\n{BELOW}"
    assert (SegmentKind.HEADING, heading) in _segments(text)


@pytest.mark.skipif(not GPL.is_file(), reason="the shared Text+Berg licence is absent")
def test_the_gpls_title_is_a_heading() -> None:
    segments = _segments(GPL.read_text(encoding="utf-8"))
    assert segments[0] == (SegmentKind.HEADING, "GNU GENERAL PUBLIC LICENSE")


@pytest.mark.parametrize("closing", ["Best regards,", "Yours faithfully,", "Sincerely,"])
def test_a_signature_below_a_closing_is_two_sentences(closing: str) -> None:
    # Text after the signature (a postscript) leaves the closing line to tell.
    text = (
        f"{ABOVE}\n{closing}\n\nJane Doe\nSales Manager\n\n"
        "P.S. The spare parts for the second site will follow in a separate parcel next week.\n"
    )
    segments = _segments(text)
    assert (SegmentKind.SENTENCE, "Jane Doe") in segments
    assert (SegmentKind.SENTENCE, "Sales Manager") in segments


@pytest.mark.parametrize("heading", ["Appendix A", "Vitamin A", "Getting Started With"])
def test_a_capitalised_last_word_ends_a_heading_not_a_cut_line(heading: str) -> None:
    # A sentence cut after "a" or "with" writes it in lower case.
    assert (SegmentKind.HEADING, heading) in _segments(f"{ABOVE}\n{heading}\n{BELOW}")


def test_a_sentence_wrapped_beside_one_long_line_is_no_table() -> None:
    # A narrow column and one long line (an address): the wrapped lines are short beside it,
    # open with capitals and hold figures, but no table of rows stands around them.
    text = (
        "The wind farm on the northern ridge has run since\n"
        "the spring of 2019, and its owners publish the\n"
        "output of each turbine once a month in a report\n"
        "that the regional grid operator also receives.\n"
        "The full data set is kept at "
        "https://data.example.org/wind/northern-ridge/monthly-output-2019-2021.csv\n"
        "\n"
        "Figure 3 shows the output of all 12 turbines over\n"
        "January 2021 when the wind farm ran at full load\n"
        "for the first time since the storm of the year\n"
        "before had damaged two of the rotor blades.\n"
        "The repairs took most of the autumn and cost the\n"
        "owners more than the whole output of a month.\n"
    )
    texts = [segment_text for _, segment_text in _segments(text)]
    assert (
        "Figure 3 shows the output of all 12 turbines over January 2021 when the wind farm "
        "ran at full load for the first time since the storm of the year before had damaged "
        "two of the rotor blades."
    ) in texts


def _sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "他说：“我们明天出发。”问题是天气很不好。",
            ["他说：“我们明天出发。”", "问题是天气很不好。"],
        ),
        ("“请看说明。”说明书放在桌子上。", ["“请看说明。”", "说明书放在桌子上。"]),
        ("“谁知道？”答案很快就来了。", ["“谁知道？”", "答案很快就来了。"]),
        ("“走吧。”叫做小王的人站了起来。", ["“走吧。”", "叫做小王的人站了起来。"]),
    ],
)
def test_a_noun_after_a_chinese_quotation_opens_a_sentence(text: str, expected: list[str]) -> None:
    assert _sentences(text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“快走！”他说。我们都走了。", ["“快走！”他说。", "我们都走了。"]),
        ("“为什么？”问道。", ["“为什么？”问道。"]),
        ("“好了。”說完就走了。", ["“好了。”說完就走了。"]),
    ],
)
def test_a_speech_verb_after_a_chinese_quotation_goes_on(text: str, expected: list[str]) -> None:
    assert _sentences(text, "zh") == expected


def test_toha_ie_after_a_japanese_quotation_opens_a_sentence() -> None:
    assert _sentences("「そうだ。」とはいえ、雨だった。", "ja") == [
        "「そうだ。」",
        "とはいえ、雨だった。",
    ]


CHINESE = (
    "本文研究海上风电的发展，并讨论其技术路线和成本变化的主要原因以及未来十年的市场前景和政策。\n"
    "\n"
    "{line}\n"
    "本文研究海上风电的发展，并讨论其技术路线和成本变化的主要原因以及未来十年的市场前景和政策。\n"
)


def test_a_sentence_that_opens_with_di_n_tiao_is_no_heading() -> None:
    # 条 counts the proposals here: the line fills the width and wraps onto the next.
    line = "第二条建议是加快海上风电的建设，并在沿海省份推广新的技术路线和成本控制的方法以"
    segments = _segments(CHINESE.format(line=line), "zh")
    assert all(kind is SegmentKind.SENTENCE for kind, _ in segments)
    assert segments[1][1].startswith(line + "本文")


@pytest.mark.parametrize("line", ["第二条 适用范围", "第三卷", "第十款 附则"])
def test_a_short_article_line_stays_a_heading(line: str) -> None:
    assert (SegmentKind.HEADING, line) in _segments(CHINESE.format(line=line), "zh")
