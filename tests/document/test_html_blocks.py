"""A Markdown source's raw HTML blocks and HTML comments are kept verbatim, never segments.

Each was read as a paragraph (or, without a blank line before it, as part of one): machine
translation translated "<!-- TODO: check the figures -->" and rewrote the markup of a
"<div align="center">", the checks flagged both, and every edition printed them as text.
CommonMark reads them as HTML blocks (4.6), which a rendering passes through as written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from termwise.cli import cli
from termwise.document import cache, load_document, model, parse_document
from termwise.document.model import CodeBlock, Document
from termwise.mt.engine import MTResult, Progress

# ``CodeBlock.html`` of a raw HTML block and of HTML comments (``model.HTML_BLOCK``,
# ``model.HTML_COMMENT``), written out: the tests run against a reader without them too.
HTML_BLOCK = "block"
HTML_COMMENT = "comment"

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

Third paragraph with <br> inline.

<br>

Last paragraph.
"""

GUIDE_TEXTS = [
    "Guide",
    "First paragraph.",
    "Second paragraph.",
    "Third paragraph with <br> inline.",
    "Last paragraph.",
]


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


def html_blocks(document: Document) -> list[tuple[int, str, str]]:
    """(after_paragraph, kind, text) of each raw HTML block."""
    return [(code.after_paragraph, code.html, code.text) for code in document.code_blocks]


def test_comments_and_html_blocks_are_no_segments() -> None:
    assert (getattr(model, "HTML_BLOCK", None), getattr(model, "HTML_COMMENT", None)) == (
        HTML_BLOCK,
        HTML_COMMENT,
    )
    document = read(GUIDE)
    assert texts(document) == GUIDE_TEXTS
    assert html_blocks(document) == [
        (0, HTML_COMMENT, "<!-- markdownlint-disable MD033 -->"),
        # Over four lines, between two paragraphs with no blank line: it ends the first.
        (2, HTML_COMMENT, "<!--\n  TODO: check the figures\n  before release.\n-->"),
        (3, HTML_BLOCK, '<div align="center">\n<img src="logo.png" alt="Logo">\n</div>'),
        # A tag alone on a line is a block of its own after a blank line.
        (4, HTML_BLOCK, "<br>"),
    ]
    assert all(code.info == "" and not code.quote_depth for code in document.code_blocks)
    assert [segment.paragraph for segment in document.segments] == [1, 2, 3, 4, 5]


def test_a_comment_between_two_paragraphs() -> None:
    document = read("The first one.\n\n<!-- a note to the editor -->\n\nThe second one.\n")
    assert texts(document) == ["The first one.", "The second one."]
    assert document.code_blocks == [
        CodeBlock(1, "<!-- a note to the editor -->", html=HTML_COMMENT)
    ]
    assert document.code_blocks[0].comment


def test_a_comment_inside_a_line_of_text_stays_in_its_paragraph() -> None:
    # Inline HTML, as CommonMark reads it: no block starts after the text.
    document = read("Text <!-- inline --> goes on.\nA line <span>with a tag</span>.\n")
    assert texts(document) == ["Text <!-- inline --> goes on.", "A line <span>with a tag</span>."]
    assert document.code_blocks == []


def test_a_div_block_ends_at_a_blank_line() -> None:
    document = read(
        "Intro.\n\n"
        '<div class="note">\n<p>Kept as written.</p>\n\n'
        "Read as Markdown again.\n\n"
        "</div>\n\nEnd.\n"
    )
    assert texts(document) == ["Intro.", "Read as Markdown again.", "End."]
    assert html_blocks(document) == [
        (1, HTML_BLOCK, '<div class="note">\n<p>Kept as written.</p>'),
        (2, HTML_BLOCK, "</div>"),
    ]


def test_a_block_that_ends_at_its_closing_tag_keeps_its_blank_lines() -> None:
    document = read(
        "Before.\n"
        "<pre>\nkept\n\n  as is\n</pre>\n"
        "After the pre.\n\n"
        "<script>\nlet a = 1;\n\nlet b = 2;\n</script>\n\n"
        "<style>p { color: red; }</style>\n"
        "After the style.\n"
    )
    assert texts(document) == ["Before.", "After the pre.", "After the style."]
    assert html_blocks(document) == [
        (1, HTML_BLOCK, "<pre>\nkept\n\n  as is\n</pre>"),
        (2, HTML_BLOCK, "<script>\nlet a = 1;\n\nlet b = 2;\n</script>"),
        (2, HTML_BLOCK, "<style>p { color: red; }</style>"),
    ]


def test_a_table_and_details_block() -> None:
    document = read(
        "<table>\n  <tr><td>Cell</td></tr>\n</table>\n\n"
        "<details>\n<summary>More</summary>\n</details>\n\nText.\n"
    )
    assert texts(document) == ["Text."]
    assert [code.text for code in document.code_blocks] == [
        "<table>\n  <tr><td>Cell</td></tr>\n</table>",
        "<details>\n<summary>More</summary>\n</details>",
    ]


def test_a_lone_tag_of_another_name_cannot_interrupt_a_paragraph() -> None:
    document = read("Some text\n<span>\nstill the paragraph.\n\n<span>\nits own block\n\nEnd.\n")
    assert texts(document) == ["Some text <span> still the paragraph.", "End."]
    assert html_blocks(document) == [(1, HTML_BLOCK, "<span>\nits own block")]


def test_what_is_no_html_block() -> None:
    # Indented four: code. "<" with no tag after it, or an unknown "<!" form: text.
    document = read("Text.\n\n    <div>\n\n< 3 is less.\n\n<3 hearts.\n")
    assert texts(document) == ["Text.", "< 3 is less.", "<3 hearts."]
    assert document.code_blocks == [CodeBlock(1, "<div>", "")]


def test_comments_only_or_more() -> None:
    document = read(
        "<!-- one --> <!-- two -->\n\nText.\n\n<!-- note --> <b>shown</b>\n\n<!-->\n\nEnd.\n"
    )
    assert [code.html for code in document.code_blocks] == [
        HTML_COMMENT,
        HTML_BLOCK,  # the tag after the comment is shown by a rendering
        HTML_COMMENT,  # "<!-->" is an empty comment
    ]


def test_an_unclosed_comment_runs_to_the_end() -> None:
    document = read("# Title\n\nText.\n\n<!--\nhidden\n\n# not a heading\n")
    assert texts(document) == ["Title", "Text."]
    assert html_blocks(document) == [(2, HTML_COMMENT, "<!--\nhidden\n\n# not a heading")]


# --- in a list item, in a block quote --------------------------------------------------------


def test_a_comment_in_a_list_item_loses_the_items_indentation() -> None:
    document = read(
        "1. Install it.\n\n   <!-- check the version -->\n\n2. Run it.\n\n"
        "- Outer.\n  <details>\n    <summary>Inner</summary>\n  </details>\n- Next.\n"
    )
    assert texts(document) == ["Install it.", "Run it.", "Outer.", "Next."]
    numbers = [segment.list_item.number for segment in document.segments if segment.list_item]
    assert numbers == [1, 2, None, None]
    assert [(code.text, code.item_depth) for code in document.code_blocks] == [
        ("<!-- check the version -->", 1),
        # Interrupting the item's text, under it: the item's, its own indentation kept.
        ("<details>\n  <summary>Inner</summary>\n</details>", 1),
    ]


def test_a_line_left_of_the_items_text_ends_the_block() -> None:
    document = read("- Item.\n\n  <div>\n  inside\nNot the item's.\n")
    # No lazy line for an HTML block: the line ends the item and the block with it.
    assert texts(document) == ["Item.", "Not the item's."]
    assert [(code.text, code.item_depth) for code in document.code_blocks] == [("<div>\ninside", 1)]


def test_html_in_a_block_quote() -> None:
    document = read(
        "> Quoted words.\n> <!-- a quoted\n>\n> comment -->\n> More words.\n\n"
        "> <div>\n> quoted html\nNo lazy line.\n"
    )
    assert texts(document) == ["Quoted words.", "More words.", "No lazy line."]
    assert [segment.quote_depth for segment in document.segments] == [1, 1, 0]
    assert [(code.text, code.html, code.quote_depth) for code in document.code_blocks] == [
        ("<!-- a quoted\n\ncomment -->", HTML_COMMENT, 1),
        ("<div>\nquoted html", HTML_BLOCK, 1),
    ]
    first, second = (code.quotes for code in document.code_blocks)
    assert first == document.segments[0].quotes and second != first


# --- as CommonMark reads them; other segments untouched --------------------------------------

COMMONMARK = (
    GUIDE
    + "\n<!DOCTYPE html>\n\n<?php echo 1; ?>\n\n<![CDATA[\nx < y\n]]>\n\n"
    + "<textarea>\n\n*not emphasis*\n</textarea>\n\n"
    + '<a href="x">\n*bar*\n</a>\n\n<Warning>\n*bar*\n</Warning>\n\n'
    + "<DIV CLASS=x>\nupper case\n</DIV>\n\n<hr/>\n\nA closing text.\n"
)


def commonmark_html_blocks(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [token.content.rstrip("\n") for token in tokens if token.type == "html_block"]


def test_the_html_blocks_are_those_commonmark_reads() -> None:
    document = read(COMMONMARK)
    expected = commonmark_html_blocks(COMMONMARK)
    assert len(expected) == 12
    assert [code.text for code in document.code_blocks] == expected
    assert texts(document) == [*GUIDE_TEXTS, "A closing text."]


def without_html(text: str, blocks: Sequence[str]) -> str:
    for block in blocks:
        text = text.replace(block + "\n", "")
    return text


def test_other_segments_keep_their_ids_and_text() -> None:
    with_html = read(GUIDE)
    blocks = commonmark_html_blocks(GUIDE)
    assert len(blocks) == 4
    # The same text without its HTML, a blank line where the comment ended a paragraph.
    plain = without_html(GUIDE, blocks).replace("First paragraph.\n", "First paragraph.\n\n")
    assert "<!--" not in plain and "<div" not in plain
    without = read(plain)
    assert without.code_blocks == []
    assert [(s.id, s.text, s.kind) for s in with_html.segments] == [
        (s.id, s.text, s.kind) for s in without.segments
    ]


def test_plain_text_keeps_its_angle_brackets() -> None:
    document = parse_document("Intro.\n\n<!-- not markdown -->\n", lang="en")
    assert texts(document) == ["Intro.", "<!-- not markdown -->"]
    assert document.code_blocks == []


# --- what the commands see, and the cache ----------------------------------------------------


def test_termwise_segments_lists_no_html(tmp_path: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_text(GUIDE, encoding="utf-8")
    for extra in ([], ["--format", "json"]):
        result = CliRunner().invoke(cli, ["segments", str(path), *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        for hidden in ("TODO", "markdownlint", "<div", "<img", "-->"):
            assert hidden not in result.output
        assert "Third paragraph with <br> inline." in result.output
    rows = json.loads(CliRunner().invoke(cli, ["segments", str(path), "--format", "json"]).output)
    assert [row["text"] for row in rows] == GUIDE_TEXTS


class RecordingEngine:
    """An engine that records what it is given and answers "ES …"."""

    name = "recording"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def model_id(self, src: str, tgt: str) -> str:
        return "recording@1"

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Progress | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[MTResult]:
        self.seen.extend(texts)
        return [MTResult(text, f"ES {text}", self.name, "recording@1") for text in texts]


def test_termwise_translate_sends_no_html_to_the_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = RecordingEngine()
    monkeypatch.setattr("termwise.mt.open_engine", lambda *args, **kwargs: engine)
    path = tmp_path / "guide.md"
    path.write_text(GUIDE, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--project", str(tmp_path), "translate", str(path), "--to", "es", "--no-glossary"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert engine.seen == GUIDE_TEXTS
    assert "TODO" not in result.output and "<div" not in result.output
    po = (tmp_path / "translations").glob("*.po")
    saved = "".join(path.read_text(encoding="utf-8") for path in po)
    assert "ES Last paragraph." in saved and "TODO" not in saved and "<img" not in saved


def test_the_cache_keeps_the_html_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "guide.md"
    path.write_text(GUIDE, encoding="utf-8")
    first = load_document(path)
    key = cache.cache_key(
        path.read_bytes(), lang=None, encoding=None, fmt="markdown", id_aliases=None
    )
    stored = cache.read(key)
    assert stored is not None
    assert stored[3] == first.code_blocks
    assert [code.html for code in stored[3]] == [HTML_COMMENT, HTML_COMMENT, HTML_BLOCK, HTML_BLOCK]
    again = load_document(path)
    assert again.code_blocks == first.code_blocks and again.segments == first.segments
    # The version that read them as paragraphs is not trusted, nor a row of another kind.
    payload = json.loads(cache.cache_path(key).read_text(encoding="utf-8"))
    assert payload["version"] == cache.VERSION >= 15
    payload["code_blocks"][0][-1] = "script"
    cache.cache_path(key).write_text(json.dumps(payload), encoding="utf-8")
    assert cache.read(key) is None
    assert load_document(path).code_blocks == first.code_blocks
