"""A bilingual edition of a paper not in English names its two languages in the paper's
language, as a translation's page names its own (``test_target_only_subtitle``).

A Chinese paper's bilingual page (``<html lang="zh">``) said "Chinese – English, bilingual
edition" and headed its columns CHINESE and ENGLISH: English lines on a Chinese page. CLDR
(Babel) names every language in Chinese, so the page now says "中文 – 英语" and heads its
columns so, in HTML, Markdown and Word. termwise has "bilingual edition" and its legends
("† machine translation or draft, not yet reviewed") in English only, and CLDR has no
wording of them: the subtitle leaves the phrase out, and the legends stay English, marked as
English. An English paper's page keeps termwise's wording.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn

from .cjk_project import CHINESE, ENGLISH, export, make_project

TITLE = "Community of Destiny"
PAIRS = {TITLE: "命运共同体", **CHINESE}
ENGLISH_OF_CHINESE = {chinese: english for english, chinese in PAIRS.items()}
CHINESE_TEXT = f"{PAIRS[TITLE]}\n\n" + "".join(CHINESE.values()) + "\n"


def _subtitle(html: str) -> str:
    header = html.split('<header class="edition">')[1].split("</header>")[0]
    (line,) = re.findall(r"<p .*</p>", header)
    return line


def _chinese_paper(root: Path, *, reviewed: bool = True) -> Path:
    paper = make_project(root, CHINESE_TEXT, "zh", "en", ENGLISH_OF_CHINESE)
    if not reviewed:
        from termwise.document import load_document
        from termwise.project.layout import ProjectLayout
        from termwise.project.translations import open_translation

        document = load_document(paper, lang="zh")
        tfile = open_translation(ProjectLayout.at(root), document, "en")
        unit = next(iter(tfile.units.values()))
        unit.set_translation(unit.target or "", reviewed=False)
        tfile.save()
    return paper


def test_a_chinese_paper_s_bilingual_page_names_its_languages_in_chinese(tmp_path: Path) -> None:
    paper = _chinese_paper(tmp_path / "proj")
    html = export(paper, "en", "paper.html").read_text("utf-8")
    assert '<html lang="zh">' in html
    assert _subtitle(html) == '<p lang="zh">中文 – 英语</p>'
    assert '<thead><tr><th lang="zh">中文</th><th lang="zh">英语</th></tr></thead>' in html
    markdown = export(paper, "en", "paper.md").read_text("utf-8")
    assert "| 中文 | 英语 |" in markdown.splitlines(), markdown


def test_a_chinese_paper_s_word_edition_heads_its_columns_in_chinese(tmp_path: Path) -> None:
    paper = _chinese_paper(tmp_path / "proj")
    document = docx.Document(str(export(paper, "en", "paper.docx")))
    header = document.tables[0].rows[0].cells
    assert [cell.text for cell in header] == ["中文", "英语"]
    for cell in header:
        for run in cell.paragraphs[0].runs:
            lang = run._r.rPr.find(qn("w:lang"))
            assert lang is not None and lang.get(qn("w:eastAsia")) == "zh", cell.text


def test_the_legends_stay_english_and_say_so(tmp_path: Path) -> None:
    paper = _chinese_paper(tmp_path / "proj", reviewed=False)
    html = export(paper, "en", "paper.html", "--include-unreviewed").read_text("utf-8")
    footer = html.split("<footer")[1].split("</footer>")[0]
    assert footer.startswith(' lang="en">† machine translation or draft'), footer


def test_an_english_paper_keeps_termwise_s_wording(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", f"{TITLE}\n\n{ENGLISH}", "en", "zh", PAIRS)
    html = export(paper, "zh", "paper.html").read_text("utf-8")
    assert _subtitle(html) == '<p lang="en">English – Chinese, bilingual edition</p>'
    assert '<th lang="en">English</th><th lang="en">Chinese</th>' in html
    header = docx.Document(str(export(paper, "zh", "paper.docx"))).tables[0].rows[0].cells
    assert [cell.text for cell in header] == ["English", "Chinese"]
