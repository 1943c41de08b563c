"""In an edition, a Chinese sentence ending in a half-width stop runs on into the next
Chinese sentence, as it would after "。".

The editions put a space after any sentence that ended in ".", "!" or "?": a Chinese
translation "我们发布了版本1.2." + "它更快!" + "我们很高兴。" read "我们发布了版本1.2. 它更快!
我们很高兴。", and a Chinese source written so read the same in its column. A sentence of
Latin text on either side keeps its space ("已发布. It is faster!"); the workbench's joins,
split back byte for byte, are another matter (``languages.glue_after``, unchanged).
"""

from __future__ import annotations

import re
from pathlib import Path

from .cjk_project import docx_texts, export, make_project

ENGLISH = "We released version 1.2. It is faster! We are glad. They use Python.\n"
CHINESE_OF_ENGLISH = {
    "We released version 1.2.": "我们发布了版本1.2.",
    "It is faster!": "它更快!",
    "We are glad.": "我们很高兴。",
    "They use Python.": "They use Python.",
}
# The last sentence is Latin text: the space before it stays.
CHINESE_JOINED = "我们发布了版本1.2.它更快!我们很高兴。They use Python."

CHINESE = "我们发布了版本1.2.它更快?我们很高兴。\n"
ENGLISH_OF_CHINESE = {
    "我们发布了版本1.2.": "We released version 1.2.",
    "它更快?": "Is it faster?",
    "我们很高兴。": "We are glad.",
}
CHINESE_SOURCE_JOINED = "我们发布了版本1.2.它更快?我们很高兴。"


def _read(html: str) -> str:
    """An HTML edition's text as its reader sees it: the segments' spans gone."""
    return re.sub("<[^>]+>", "", html)


def test_the_glue_looks_at_the_writing_on_both_sides_of_a_half_width_stop() -> None:
    from termwise.export.edition import sentence_glue

    assert sentence_glue("我们发布了版本1.2.", "它更快。", "zh") == ""
    assert sentence_glue("它更快!", "“好”。", "zh") == ""
    assert sentence_glue("我们发布了版本1.2.", "It is faster!", "zh") == " "
    assert sentence_glue("Version 1.2.", "它更快。", "zh") == " "
    assert sentence_glue("[untranslated]", "它更快。", "zh") == " "
    assert sentence_glue("好。", "It works.", "zh") == ""
    # A digit after a half-width stop would read as a decimal ("发布.2025年").
    assert sentence_glue("它于2024年发布.", "2025年将更新。", "zh") == " "
    # Spaced languages keep their space whatever the writing.
    assert sentence_glue("版本1.2.", "它更快。", "en") == " "


def test_a_chinese_translation_runs_on_after_its_half_width_stops(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", ENGLISH, "en", "zh", CHINESE_OF_ENGLISH)
    for extra in ((), ("--target-only",)):
        suffix = "-t" if extra else ""
        html = _read(export(paper, "zh", f"paper{suffix}.html", *extra).read_text("utf-8"))
        assert CHINESE_JOINED in html, (html, extra)
        for fmt in ("md", "txt"):
            text = export(paper, "zh", f"out{suffix}.{fmt}", *extra).read_text("utf-8")
            assert CHINESE_JOINED in text, (fmt, extra, text)
        texts = docx_texts(export(paper, "zh", f"paper{suffix}.docx", *extra))
        assert any(CHINESE_JOINED in text for text in texts), (extra, texts)


def test_a_chinese_source_column_prints_its_paragraph_as_written(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", CHINESE, "zh", "en", ENGLISH_OF_CHINESE)
    assert CHINESE_SOURCE_JOINED in _read(export(paper, "en", "paper.html").read_text("utf-8"))
    for fmt in ("md", "txt"):
        assert CHINESE_SOURCE_JOINED in export(paper, "en", f"out.{fmt}").read_text("utf-8"), fmt
    texts = docx_texts(export(paper, "en", "paper.docx"))
    assert any(CHINESE_SOURCE_JOINED in text for text in texts), texts
