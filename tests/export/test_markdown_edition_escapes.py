"""A Markdown edition of a Word or plain-text source shows its text as written: no line of
it turns into a list, a rule, a code block or a link, checked with a CommonMark renderer."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import docx
from markdown_it import MarkdownIt

from .audit_projects import export, make, reviewed_as_is

TRICKY = [
    "- Not a list item, a dash.",
    "1999. That year was dry.",
    "+ plus sign start.",
    "Use [brackets](x) literally.",
    "3) Third thing.",
    "---",
    "~~~ not a fence",
    "[1]: not a link definition.",
    "An &copy; entity, &#169; and &amp; stay, as do 5 & 6, [1] and [a][b].",
    "See ![a chart](chart.png) here.",
    "# not a heading",
    "> not a quote",
    "* not a bullet and 5*3 and _under_",
]


def rendered_paragraphs(markdown: str) -> list[str]:
    """The text of each ``<p>`` CommonMark makes of ``markdown``; a list, a rule, a code
    block or a link makes no ``<p>`` of the text or no text of it."""
    html = MarkdownIt("commonmark").render(markdown)
    assert "<a " not in html and "<ul>" not in html and "<ol" not in html, html
    return [unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", html)]


def test_a_plain_text_source_reads_as_written(tmp_path: Path) -> None:
    source = make(tmp_path, "notes.txt", "Notes\n\n" + "\n\n".join(TRICKY) + "\n", reviewed_as_is)
    edition = export(source, "notes.es.md", "--target-only").read_text(encoding="utf-8")
    # A plain-text source's first line, short and alone before a blank line, is its title.
    assert "<h1>Notes</h1>" in MarkdownIt("commonmark").render(edition)
    assert rendered_paragraphs(edition) == TRICKY


def word_source(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    document.add_heading("Plain paragraphs", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_source_reads_as_written(tmp_path: Path) -> None:
    source = make(tmp_path, "m.docx", word_source(TRICKY), reviewed_as_is)
    edition = export(source, "m.es.md", "--target-only").read_text(encoding="utf-8")
    assert rendered_paragraphs(edition) == TRICKY
    assert "\n1999\\. That year was dry.\n" in edition
    assert "Use [brackets\\](x) literally." in edition


def test_list_items_read_as_written(tmp_path: Path) -> None:
    items = ["1999. A year.", "- A dash.", "Plain."]
    text = "Items\n\n" + "\n".join(f"- {item}" for item in items) + "\n"
    source = make(tmp_path, "items.md", text, reviewed_as_is)
    edition = export(source, "items.es.md", "--target-only").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(edition)
    shown = [unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", html)]
    assert shown == items
