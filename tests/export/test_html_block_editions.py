"""A Markdown source's raw HTML blocks and comments in every edition: as written in Markdown.

They were read as paragraphs: each edition printed an HTML comment as a sentence beside
its machine translation, and a ``<div align="center">`` as text in a table cell. Now a
Markdown edition prints each as written, where it stands (a comment too: the edition is
Markdown again, for the repository the source came from); an edition that renders the
source shows no comment, as no rendering does, and raw HTML as code, its markup as text
(passed through, a "<div>" that a later block closes would break the edition's table).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from .audit_projects import export, make
from .test_structure_editions import html_tree

GUIDE = """<!-- markdownlint-disable MD033 -->
# Guide

First paragraph.
<!--
  TODO: check the figures
  before release.
-->
Second paragraph.

<div align="center">
<img src="logo.png" alt="Logo">
</div>

1. Install it.

   <!-- check the version -->

2. Run it.

> Quoted words.
> <details>
> <summary>More</summary>
> </details>

- A step.

  <img src="step.png">
- Another step.

Last paragraph.
"""

TOP_COMMENTS = [
    "<!-- markdownlint-disable MD033 -->",
    "<!--\n  TODO: check the figures\n  before release.\n-->",
]
DIV = '<div align="center">\n<img src="logo.png" alt="Logo">\n</div>'
# As written in the source: under the item's text, and in the quote.
ITEM_COMMENT = "   <!-- check the version -->"
QUOTED = "> <details>\n> <summary>More</summary>\n> </details>"
ITEM_IMAGE = '  <img src="step.png">'
# What no edition but a Markdown one shows.
COMMENT_WORDS = ("markdownlint", "TODO", "before release", "check the version")
SEGMENTS = [
    "Guide",
    "First paragraph.",
    "Second paragraph.",
    "Install it.",
    "Run it.",
    "Quoted words.",
    "A step.",
    "Another step.",
    "Last paragraph.",
]


def translated(source: str) -> tuple[str, bool]:
    return f"ES {source}", True


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    return make(tmp_path, "guide.md", GUIDE, translated)


def html_blocks(markdown: str) -> list[str]:
    """The HTML blocks CommonMark reads in ``markdown``, as it reads them (each without
    its container's markers and indentation)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [token.content.rstrip("\n") for token in tokens if token.type == "html_block"]


def paragraph_texts(markdown: str) -> str:
    """The inline text of every paragraph, heading and table cell CommonMark reads."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return "\n".join(token.content for token in tokens if token.type == "inline")


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_target_only_prints_the_html_as_written_where_it_stands(guide: Path) -> None:
    text = export(guide, "es.md", "--target-only").read_text(encoding="utf-8")
    # Byte for byte, each on lines of its own, in the source's order among the paragraphs.
    places = [
        text.index(f"\n{block}\n")
        for block in [*TOP_COMMENTS, DIV, ITEM_COMMENT, QUOTED, ITEM_IMAGE]
    ]
    assert places == sorted(places)
    assert text.index("ES First paragraph.") < places[1] < text.index("ES Second paragraph.")
    assert places[2] < text.index("1. ES Install it.") < places[3] < text.index("2. ES Run it.")
    # CommonMark reads the very blocks the source has, none of them swallowed by a paragraph.
    assert html_blocks(text) == html_blocks(GUIDE)
    assert len(html_blocks(GUIDE)) == 6
    for words in (*COMMENT_WORDS, "<div", "<img", "<details"):
        assert words not in paragraph_texts(text)
    # The list goes on after its item's comment and image: one list each.
    assert "2. ES Run it." in text and "- ES Another step." in text


def test_markdown_bilingual_prints_the_html_once_between_the_rows(guide: Path) -> None:
    text = export(guide, "guide.es.md").read_text(encoding="utf-8")
    for block in [*TOP_COMMENTS, DIV]:
        assert text.count(f"\n{block}\n") == 1 or text.startswith(f"{block}\n")
    # In the source's list (quote) and in the translation's.
    assert text.count(f"\n{ITEM_COMMENT}\n") == 2
    assert text.count(f"\n{QUOTED}\n") == 2
    assert text.count(f"\n{ITEM_IMAGE}\n") == 2
    # The table of paragraphs closed before each, as before code.
    lines = text.splitlines()
    todo = lines.index("<!--")
    assert lines[todo - 2 : todo] == ["| First paragraph. | ES First paragraph. |", ""]
    blocks = html_blocks(text)
    assert blocks.count(DIV) == 1 and blocks.count("<!-- check the version -->") == 2
    for words in (*COMMENT_WORDS, "<div", "<img", "<details"):
        assert words not in paragraph_texts(text)


# --- HTML -------------------------------------------------------------------------------------


@pytest.mark.parametrize("target_only", [False, True], ids=["bilingual", "target-only"])
def test_html_shows_raw_html_as_code_and_no_comment(guide: Path, target_only: bool) -> None:
    extra = ["--target-only"] if target_only else []
    out = export(guide, "guide.es.html", *extra)
    html = out.read_text(encoding="utf-8")
    # No comment, printed or kept: the source's comments are its author's notes.
    for words in COMMENT_WORDS:
        assert words not in html
    assert "<!--" not in html
    # Its elements balanced (``html_tree`` checks): no raw "<div>" or "<details>" of the
    # source's, but their text in code blocks.
    page = html_tree(out)
    assert page.find_all("img") == [] and page.find_all("details") == []
    codes = ["".join(str(child) for child in code.children) for code in page.find_all("code")]
    # The item's image in its item, in either column's list.
    image = ['<img src="step.png">'] * (1 if target_only else 2)
    assert codes == [DIV, "<details>\n<summary>More</summary>\n</details>", *image]
    assert all(code.attributes.get("class") == "language-html" for code in page.find_all("code"))
    # The quoted block in the quote.
    assert any(quote.find_all("pre") for quote in page.find_all("blockquote"))


# --- plain text and Word ----------------------------------------------------------------------


@pytest.mark.parametrize("target_only", [False, True], ids=["bilingual", "target-only"])
def test_text_indents_raw_html_as_code_and_drops_comments(guide: Path, target_only: bool) -> None:
    extra = ["--target-only"] if target_only else []
    text = export(guide, "guide.es.txt", *extra).read_text(encoding="utf-8")
    for words in COMMENT_WORDS:
        assert words not in text
    assert "\n" + "\n".join(f"    {line}" for line in DIV.split("\n")) + "\n" in text
    assert ">     <details>\n>     <summary>More</summary>\n>     </details>" in text
    assert "ES Second paragraph." in text and "ES Run it." in text


def test_word_shows_raw_html_as_code_and_drops_comments(guide: Path) -> None:
    for extra in ([], ["--target-only"]):
        word = docx.Document(str(export(guide, "guide.es.docx", *extra)))
        paragraphs = list(word.paragraphs)
        for table in word.tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
        shown = "\n".join(paragraph.text for paragraph in paragraphs)
        for words in COMMENT_WORDS:
            assert words not in shown
        code = [p.text for p in paragraphs if p.style is not None and p.style.name == "Code"]
        assert DIV in code and '<img src="step.png">' in code


def test_no_edition_translates_the_html(guide: Path) -> None:
    text = export(guide, "guide.es.txt").read_text(encoding="utf-8")
    assert "ES <" not in text and "ES TODO" not in text
    for segment in SEGMENTS:
        assert f"ES {segment}" in text
