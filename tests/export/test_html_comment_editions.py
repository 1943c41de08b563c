"""A Markdown source whose HTML comment hides text: its Markdown edition keeps it as written.

Reading such a source now warns (an unclosed comment hides the rest of the file, text beside
a comment on its line is raw HTML, see tests/document/test_html_comment_warnings.py); the
warning changes nothing in what the edition writes: the comment and everything it holds come
back byte for byte, where they stood, so the edition hides (and shows) what the source does;
a comment left open is closed at its end, so that it hides nothing of termwise's own (the
legend after it). A comment in a sentence's text shows nothing in any edition, as in a
rendering of the source.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from .audit_projects import export, make

SOURCE = """# Title

<!-- note --> Real sentence here.

Intro sentence.

<!-- draft notes
Hidden paragraph.

# Hidden heading
"""


def translated(source: str) -> tuple[str, bool]:
    return f"ES {source}", True


def test_the_markdown_edition_writes_the_hidden_text_back_as_written(tmp_path: Path) -> None:
    source = make(tmp_path, "paper.md", SOURCE, translated)
    text = export(source, "es.md", "--target-only").read_text(encoding="utf-8")
    assert "\n<!-- note --> Real sentence here.\n" in text
    assert text.endswith("\n<!-- draft notes\nHidden paragraph.\n\n# Hidden heading -->\n")
    assert text.index("ES Title") < text.index("<!-- note") < text.index("ES Intro sentence.")
    # CommonMark reads the same HTML blocks in the edition as in the source, the open
    # comment closed.
    tokens = [MarkdownIt("commonmark").parse(markdown) for markdown in (SOURCE, text)]
    blocks = [[token.content for token in found if token.type == "html_block"] for found in tokens]
    assert len(blocks[0]) == 2 and blocks[1][0] == blocks[0][0]
    assert blocks[1][1] == blocks[0][1].rstrip("\n") + " -->\n"


INLINE = """# Title

Text <!-- note --> more text. Another sentence.

- Item <!-- aside --> text.

End of it.

<!-- draft notes
Hidden paragraph.
"""


def rendered(markdown: str) -> str:
    """What a reader of the Markdown sees: its rendering with every comment taken out, as
    a browser shows it."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    return re.sub(r"<!--.*?(?:-->|\Z)", "", html, flags=re.DOTALL)


def unreviewed(source: str) -> tuple[str, bool]:
    return f"ES {source}", False


@pytest.mark.parametrize("extra", [[], ["--target-only"]])
def test_the_markdown_edition_hides_inline_comments_and_shows_its_legend(
    tmp_path: Path, extra: list[str]
) -> None:
    source = make(tmp_path, "paper.md", INLINE, unreviewed)
    text = export(source, "es.md", "--include-unreviewed", *extra).read_text(encoding="utf-8")
    # Written back as the source writes it, a comment still: not "\\<!-- note --\\>".
    assert "ES Text <!-- note --> more text." in text
    if not extra:
        assert "| Text <!-- note --> more text. Another sentence. |" in text
    shown = rendered(text)
    assert "note" not in shown and "aside" not in shown and "&lt;!--" not in shown
    assert "Hidden paragraph" not in shown
    # The source's open comment swallowed the legend after it.
    assert "† machine translation or draft, not yet reviewed" in shown
    assert "ES End of it." in shown


def test_a_translation_that_opens_with_a_comment_stays_a_paragraph(tmp_path: Path) -> None:
    # Moved to the front, the comment would make the line an HTML block of raw text.
    source = make(
        tmp_path,
        "paper.md",
        "Text <!-- note --> *more* text.\n",
        lambda _: ("<!-- note --> *Más* texto.", True),
    )
    text = export(source, "es.md", "--target-only").read_text(encoding="utf-8")
    assert "<p><em>Más</em> texto.</p>" in MarkdownIt("commonmark").render(text)


@pytest.mark.parametrize("suffix", ["html", "txt", "docx"])
def test_other_editions_show_nothing_of_an_inline_comment(tmp_path: Path, suffix: str) -> None:
    source = make(tmp_path, "paper.md", INLINE, translated)
    out = export(source, f"es.{suffix}")
    if suffix == "docx":
        document = docx.Document(str(out))
        shown = "\n".join(
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        )
    else:
        shown = out.read_text(encoding="utf-8")
    assert "note" not in shown and "aside" not in shown
    # Nor the double space a comment between two words leaves.
    assert "Text more text." in shown and "ES Text more text." in shown


def test_an_open_comment_in_a_quote_hides_nothing_after_the_quote(tmp_path: Path) -> None:
    # CommonMark ends the comment's block with the quote, but the browser reads the comment
    # on: the translation's quote, printed after the source's, and the legend vanished.
    quoted = "Before it.\n\n> Quoted sentence.\n>\n> <!-- open\n\nAfter it.\n"
    source = make(tmp_path, "paper.md", quoted, unreviewed)
    text = export(source, "es.md", "--include-unreviewed").read_text(encoding="utf-8")
    shown = rendered(text)
    assert "ES Quoted sentence." in shown and "ES After it." in shown
    assert "† machine translation or draft, not yet reviewed" in shown


@pytest.mark.parametrize("extra", [[], ["--target-only"]])
def test_the_legend_after_an_open_comment_shows(tmp_path: Path, extra: list[str]) -> None:
    source = make(tmp_path, "paper.md", SOURCE, unreviewed)
    text = export(source, "es.md", "--include-unreviewed", *extra).read_text(encoding="utf-8")
    shown = rendered(text)
    assert "Hidden paragraph" not in shown and "Hidden heading" not in shown
    assert "<p><em>† machine translation or draft, not yet reviewed</em></p>" in shown
