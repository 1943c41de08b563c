"""Chinese sentences joined into a paragraph take no space between them, in every edition.

A Chinese or Japanese text has no space between its sentences; the editions joined a
paragraph's sentences with one on both sides, so the translation read "…共识。 “人类…" (a
gap in the middle of a line) where the aligned translation itself had none. The language
decides (``languages.sentence_glue``): an English side keeps its spaces.
"""

from __future__ import annotations

import re
from pathlib import Path

from .cjk_project import CHINESE, ENGLISH, docx_texts, export, make_project


def test_chinese_sentences_join_without_a_space_in_every_edition(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", ENGLISH, "en", "zh", CHINESE)
    joined = "中国寻求国际社会的共识。“人类命运共同体”理念是核心理念。它这样说。"
    for target_only in ((), ("--target-only",)):
        suffix = "-t" if target_only else ""
        html = export(paper, "zh", f"paper{suffix}.html", *target_only).read_text("utf-8")
        assert "。</span> <span" not in html
        assert "共识。</span><span" in html
        for fmt in ("md", "txt"):
            text = export(paper, "zh", f"out{suffix}.{fmt}", *target_only).read_text("utf-8")
            assert joined in text, fmt
            # (A bilingual Markdown edition's table cell ends " |".)
            assert re.search("。 [^|]", text) is None, fmt
        texts = docx_texts(export(paper, "zh", f"paper{suffix}.docx", *target_only))
        assert any(joined in text for text in texts)
        assert not any("。 " in text for text in texts)
    # The English side of the bilingual editions keeps its spaces.
    html = (paper.parent / "paper.html").read_text("utf-8")
    assert "consensus.</span> <span" in html
    assert "China seeks consensus. It builds a community. It says so." in (
        paper.parent / "out.md"
    ).read_text("utf-8")


def test_a_chinese_source_joins_its_sentences_without_a_space(tmp_path: Path) -> None:
    source = "".join(CHINESE[key] for key in list(CHINESE)[:3]) + "\n"
    english = {value: key for key, value in CHINESE.items()}
    paper = make_project(tmp_path / "proj", source, "zh", "en", english)
    html = export(paper, "en", "paper.html").read_text("utf-8")
    assert "共识。</span><span" in html
    assert "China seeks consensus.</span> <span" in html
    texts = docx_texts(export(paper, "en", "paper.docx"))
    assert any("中国寻求国际社会的共识。“人类" in text for text in texts)
    assert any("China seeks consensus. It builds a community." in text for text in texts)
