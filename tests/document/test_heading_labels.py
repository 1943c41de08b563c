"""Plain text's numbered headings are read by the labels ``figures.leading_label`` reads
("1.", "2.3", "(1)", 一、, 第一章), so that what numbers a heading and what a translation may
write as another label are one rule: "(1) Scope" above its paragraph was no heading. Roman
numerals, a number before a quoted title and a Chinese paper's "1 引言" stay headings."""

from __future__ import annotations

import pytest

from termwise.document import parse_document
from termwise.document.model import SegmentKind

ENGLISH = (
    "The report describes the work of the team over the last ten years and the results.\n"
    "\n"
    "{heading}\n"
    "The team measured the wind at three sites on the northern coast of Norway in 2020.\n"
)
CHINESE = (
    "本文研究海上风电的发展，并讨论其技术路线和成本变化的主要原因以及未来十年的市场前景和政策。\n"
    "\n"
    "{heading}\n"
    "本文研究海上风电的发展，并讨论其技术路线和成本变化的主要原因以及未来十年的市场前景和政策。\n"
)


def _headings(text: str, lang: str) -> list[tuple[str, int]]:
    return [
        (segment.text, segment.level)
        for segment in parse_document(text, lang=lang).segments
        if segment.kind is SegmentKind.HEADING
    ]


@pytest.mark.parametrize("heading", ["(1) Scope", "2) Methods"])
def test_a_bracketed_number_opens_a_heading(heading: str) -> None:
    assert _headings(ENGLISH.format(heading=heading), "en") == [(heading, 1)]


@pytest.mark.parametrize(
    ("heading", "level"),
    [("2.3 Methods", 2), ("IV. Results", 1), ("1. “Nothing Else”", 1), ("2.3.1. Data", 3)],
)
def test_western_labels_keep_their_headings_and_levels(heading: str, level: int) -> None:
    assert _headings(ENGLISH.format(heading=heading), "en") == [(heading, level)]


@pytest.mark.parametrize("heading", ["1 引言", "2.1数据", "一、总则", "（二）范围", "第一章总则"])
def test_chinese_labels_keep_their_headings(heading: str) -> None:
    assert [text for text, _ in _headings(CHINESE.format(heading=heading), "zh")] == [heading]


def test_a_figure_that_opens_a_line_is_no_label() -> None:
    text = ENGLISH.format(heading="2.5 million people live near the coast")
    assert _headings(text, "en") == []
