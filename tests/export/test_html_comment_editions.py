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
    # The text after the comment on its line is translated (see the tests below).
    assert "\n<!-- note -->\n\nES Real sentence here.\n" in text
    assert text.endswith("\n<!-- draft notes\nHidden paragraph.\n\n# Hidden heading -->\n")
    assert text.index("ES Title") < text.index("<!-- note") < text.index("ES Intro sentence.")
    # CommonMark reads the same comments in the edition as in the source, the open one
    # closed.
    tokens = [MarkdownIt("commonmark").parse(markdown) for markdown in (SOURCE, text)]
    blocks = [[token.content for token in found if token.type == "html_block"] for found in tokens]
    assert len(blocks[0]) == 2 and blocks[0][0] == "<!-- note --> Real sentence here.\n"
    assert blocks[1][0] == "<!-- note -->\n"
    assert blocks[1][1] == blocks[0][1].rstrip("\n") + " -->\n"


LINE_AFTER = """# Title

<!-- x --> New eras begin with the Belt and Road Initiative.

<!--
a longer note
--> Another real sentence.

- Item one.

  <!-- y --> Held text.
"""


@pytest.mark.parametrize("extra", [[], ["--target-only"]])
def test_text_after_a_comment_on_its_line_is_translated_in_markdown(
    tmp_path: Path, extra: list[str]
) -> None:
    # It stayed English, the whole line raw HTML, in every edition.
    source = make(tmp_path, "paper.md", LINE_AFTER, translated)
    text = export(source, "es.md", *extra).read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable("table").render(text)
    for shown in (
        "ES New eras begin with the Belt and Road Initiative.",
        "ES Another real sentence.",
        "ES Held text.",
    ):
        assert shown in html
        assert shown in rendered(text)
    # Each comment as written, before the text it stood before.
    comments = [
        token.content.strip()
        for token in MarkdownIt("commonmark").parse(text)
        if token.type == "html_block"
    ]
    # (A bilingual edition prints the source's list, then its translation's, whole, with
    # the comment that keeps them two lists between them.)
    held = ["<!-- y -->"] if extra else ["<!-- y -->", "<!-- -->", "<!-- y -->"]
    assert comments == ["<!-- x -->", "<!--\na longer note\n-->", *held]
    assert text.index("<!-- x -->") < text.index("ES New eras")
    assert text.index("a longer note\n-->") < text.index("ES Another real sentence.")
    assert text.index("<!-- y -->") < text.index("ES Held text.")
    # One list (its item) on each side.
    assert html.count("<ul>") == (1 if extra else 2) and html.count("<li>") == html.count("<ul>")


@pytest.mark.parametrize("suffix", ["html", "txt", "docx"])
@pytest.mark.parametrize("extra", [[], ["--target-only"]])
def test_other_editions_show_the_text_after_a_comment_alone(
    tmp_path: Path, suffix: str, extra: list[str]
) -> None:
    source = make(tmp_path, "paper.md", LINE_AFTER, translated)
    out = export(source, f"es.{suffix}", *extra)
    if suffix == "docx":
        document = docx.Document(str(out))
        shown = "\n".join(
            [paragraph.text for paragraph in document.paragraphs]
            + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        )
    else:
        shown = out.read_text(encoding="utf-8")
    assert "ES New eras begin with the Belt and Road Initiative." in shown
    assert "ES Another real sentence." in shown and "ES Held text." in shown
    assert "<!--" not in shown and "&lt;!--" not in shown and "longer note" not in shown


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


SHOWS_NOTHING = """# Title

Another real sentence. <!-- b --> More.

One sentence. <!-- c --> Two.

| A | B |
|---|---|
| <!-- note --> | Cell text. |
"""

# The translator merged "Two." into the sentence before and kept its comment alone.
SHOWS_NOTHING_TRANSLATIONS = {
    "One sentence. <!-- c -->": "Una frase, dos.",
    "Two.": "<!-- c -->",
    "<!-- note -->": "<!-- note -->",
}


def shows_nothing_translated(source: str) -> tuple[str, bool]:
    return SHOWS_NOTHING_TRANSLATIONS.get(source, f"ES {source}"), True


@pytest.mark.parametrize("extra", [[], ["--target-only"]])
def test_a_sentence_that_shows_nothing_takes_no_space_in_text(
    tmp_path: Path, extra: list[str]
) -> None:
    # "ES Another real sentence.  ES More." and "Una frase, dos. ": the space the edition
    # puts between sentences doubled the one the comment left, or ended the line.
    source = make(tmp_path, "paper.md", SHOWS_NOTHING, shows_nothing_translated)
    lines = export(source, "es.txt", *extra).read_text(encoding="utf-8").splitlines()
    assert "ES Another real sentence. ES More." in lines
    assert "Una frase, dos." in lines
    if not extra:
        assert "Another real sentence. More." in lines and "One sentence. Two." in lines
    assert [line for line in lines if line.endswith(" ") or "  " in line.strip()] == []


@pytest.mark.parametrize("extra", [[], ["--target-only"]])
def test_a_sentence_that_shows_nothing_is_no_html_element(tmp_path: Path, extra: list[str]) -> None:
    source = make(tmp_path, "paper.md", SHOWS_NOTHING, shows_nothing_translated)
    page = export(source, "es.html", *extra).read_text(encoding="utf-8")
    assert re.findall(r'<span class="seg[^"]*"[^>]*></span>', page) == []
    assert " </span>" not in page and "</span> </" not in page
    assert re.search(r">ES Another real sentence\.</span> <span [^>]*>ES More\.</span>", page)
    assert re.search(r">Una frase, dos\.</span></(?:p|td)>", page)
    assert "<td></td>" in page


def test_a_sentence_that_shows_nothing_takes_no_space_in_word(tmp_path: Path) -> None:
    source = make(tmp_path, "paper.md", SHOWS_NOTHING, shows_nothing_translated)
    document = docx.Document(str(export(source, "es.docx")))
    shown = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "ES Another real sentence. ES More." in shown and "Una frase, dos." in shown
    assert [text for text in shown if text != text.strip() or "  " in text] == []
