"""A Chinese edition's title, fonts and legend, as its reader gets them.

A Chinese ``--title`` given without ``--title-lang`` was marked as the English page's (a
screen reader read it with an English voice); the page named no Chinese font a Linux or
Windows machine has; the client's copy explained "[untranslated]" in termwise's words on
review.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import docx

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .cjk_project import CHINESE, ENGLISH, export, make_project

TITLE = "人类命运共同体"


class _Langs(HTMLParser):
    """The ``lang`` of the page's ``<title>`` and ``<h1>``."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("html", "title", "h1"):
            self.found.setdefault(tag, dict(attrs).get("lang"))


def _langs(html: str) -> dict[str, str | None]:
    parser = _Langs()
    parser.feed(html)
    return parser.found


def test_a_chinese_title_is_marked_chinese_without_title_lang(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", ENGLISH, "en", "zh", CHINESE)
    html = export(paper, "zh", "paper.html", "--title", TITLE).read_text("utf-8")
    assert _langs(html) == {"html": "en", "title": "zh", "h1": "zh"}
    # An English title in the English page stays the page's.
    html = export(paper, "zh", "en.html", "--title", "A shared future").read_text("utf-8")
    assert _langs(html) == {"html": "en", "title": None, "h1": None}


def test_the_page_names_chinese_fonts_of_linux_and_windows(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", ENGLISH, "en", "zh", CHINESE)
    html = export(paper, "zh", "paper.html", "--target-only").read_text("utf-8")
    fonts = html.split("body { font-family:")[1].split(";")[0]
    for family in ('"Noto Serif CJK SC"', "SimSun", '"Microsoft YaHei"'):
        assert family in fonts
    assert fonts.index('"Songti SC"') < fonts.index('"Noto Serif CJK SC"')
    assert fonts.rstrip().endswith("serif")


def test_the_client_copy_says_untranslated_in_a_few_words(tmp_path: Path) -> None:
    paper = make_project(tmp_path / "proj", ENGLISH, "en", "zh", CHINESE)
    # Everything reviewed: nothing to explain.
    for name in ("all.html", "all.md", "all.docx"):
        out = export(paper, "zh", name, "--target-only")
        if name.endswith(".docx"):
            text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        else:
            text = out.read_text("utf-8")
        assert "[untranslated]" not in text, name
    # One sentence back to a draft: the copy says what the mark means, briefly.
    layout = ProjectLayout.at(paper.parent)
    tfile = open_translation(layout, load_document(paper, lang="en"), "zh")
    unit = next(unit for unit in tfile.units.values() if unit.source == "It says so.")
    unit.set_translation("它这样说。", reviewed=False)
    tfile.save()
    html = export(paper, "zh", "some.html", "--target-only").read_text("utf-8")
    footer = html.split('<footer lang="en">')[1].split("</footer>")[0]
    assert footer == "[untranslated]: translation to follow"
    text = export(paper, "zh", "some.txt", "--target-only").read_text("utf-8")
    assert text.rstrip().endswith("[untranslated]: translation to follow")
    # The bilingual edition, the translator's, keeps the word on review.
    html = export(paper, "zh", "both.html").read_text("utf-8")
    assert "[untranslated]: no reviewed translation yet" in html
