"""The subtitle of a translation's HTML edition is in the page's language.

A Chinese page said "Chinese translation of Community of Destiny" under its Chinese title,
the one English line of the page. termwise knows that phrase in English only, and CLDR
(Babel, the one source of other languages' words termwise takes) has no wording of it, so
another language's page says it in a form that needs none: the language's own name, then
the original's title, marked as the original's language.
"""

from __future__ import annotations

import re
from pathlib import Path

from .cjk_project import CHINESE, ENGLISH, export, make_project

TITLE = "Community of Destiny"
PAIRS = {TITLE: "命运共同体", **CHINESE}


def _subtitle(html: str) -> str:
    header = html.split('<header class="edition">')[1].split("</header>")[0]
    (line,) = re.findall(r"<p .*</p>", header)
    return line


def test_a_chinese_page_names_its_language_in_chinese(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", f"{TITLE}\n\n{ENGLISH}", "en", "zh", PAIRS)
    html = export(paper, "zh", "paper.zh.html", "--target-only").read_text("utf-8")
    assert '<html lang="zh">' in html
    assert _subtitle(html) == f'<p lang="zh">中文 · <span lang="en">{TITLE}</span></p>'


def test_a_traditional_chinese_page_names_its_script(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", f"{TITLE}\n\n{ENGLISH}", "en", "zh-Hant", PAIRS)
    html = export(paper, "zh-Hant", "paper.html", "--target-only").read_text("utf-8")
    assert _subtitle(html) == f'<p lang="zh-Hant">繁體中文 · <span lang="en">{TITLE}</span></p>'


def test_an_english_page_keeps_termwise_s_wording(tmp_path: Path) -> None:
    pairs = {chinese: english for english, chinese in PAIRS.items()}
    chinese_text = f"{PAIRS[TITLE]}\n\n" + "".join(CHINESE.values()) + "\n"
    paper = make_project(tmp_path / "proj", chinese_text, "zh", "en", pairs)
    html = export(paper, "en", "paper.en.html", "--target-only").read_text("utf-8")
    assert _subtitle(html) == f'<p lang="en">English translation of {PAIRS[TITLE]}</p>'


def test_the_bilingual_edition_keeps_its_english_subtitle(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", f"{TITLE}\n\n{ENGLISH}", "en", "zh", PAIRS)
    html = export(paper, "zh", "paper.html").read_text("utf-8")
    assert _subtitle(html) == '<p lang="en">English – Chinese, bilingual edition</p>'
