"""The segmenter reads a reference link's label and an HTML declaration as the checks do.

``[a][<!-- x -->]``, its label defined, is a link to the checks (``export.markdown_inline``)
and to CommonMark, but was a comment to the segmenter, which had no definitions; and a
declaration (``<!doctype html. Strict>``) is raw HTML to CommonMark, which both read as
text, and the segmenter cut in two. Each is compared with markdown-it-py's reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.document.markdown_comments import inline_code_spans, inline_comment_spans
from termwise.export import markdown_inline
from termwise.export.markdown_inline import normalize_label

DEFINITIONS = """
[<!-- x -->]: https://x.org/report
[`code`]: https://x.org/code
[c. D]: https://x.org/c
[<!-- draft]: https://x.org/draft
"""

PARAGRAPHS = [
    "See [the report][<!-- x -->] for it.",  # a defined label: a link, no comment
    "See [the report][<!-- y -->] for it.",  # not defined: text, then a comment
    "See [<!-- x -->] for it.",  # a shortcut link whose text is a comment
    "See [the code][`code`] for it.",  # a defined label: no code span
    # A comment begun in the label and closed after it: no label (CommonMark's raw HTML
    # binds more tightly than its brackets), and the checks read none either.
    "Read [the report][<!-- draft]. Ask Ana for it. -->",
    "Keep <!a <!-- x --> b> as it is.",  # a declaration up to its first ">"
    "Keep <!a `x` b> and `y` <!-- z --> too.",
]


def comments_by_markdown_it(paragraph: str) -> list[str]:
    """The inline HTML comments CommonMark reads in ``paragraph``, the definitions given."""
    tokens = MarkdownIt("commonmark").parse(paragraph + "\n" + DEFINITIONS)
    return [
        child.content
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "html_inline" and child.content.startswith("<!--")
    ]


def code_by_markdown_it(paragraph: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(paragraph + "\n" + DEFINITIONS)
    return [
        child.content
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "code_inline"
    ]


def checks_comments(paragraph: str, references: markdown_inline.References) -> list[str]:
    """The comments the checks and editions read: text nodes that show nothing."""
    found: list[str] = []

    def walk(nodes: list[markdown_inline.Node]) -> None:
        for node in nodes:
            if isinstance(node, markdown_inline.Span):
                walk(node.children)
            elif isinstance(node, markdown_inline.Text) and not node.literal and not node.text:
                found.append(paragraph[node.start : node.end].strip())

    walk(markdown_inline.parse(paragraph, references))
    return found


@pytest.fixture
def labels_and_references(tmp_path: Path) -> tuple[set[str], markdown_inline.References]:
    paper = tmp_path / "paper.md"
    paper.write_text("\n\n".join(PARAGRAPHS) + "\n" + DEFINITIONS, encoding="utf-8")
    document = load_document(paper)
    labels = {normalize_label(definition.label) for definition in document.link_definitions}
    return labels, markdown_inline.references(document.link_definitions)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_the_checks_read_comments_where_commonmark_does(
    paragraph: str, labels_and_references: tuple[set[str], markdown_inline.References]
) -> None:
    _, references = labels_and_references
    assert checks_comments(paragraph, references) == comments_by_markdown_it(paragraph)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_the_segmenter_reads_comments_where_the_checks_and_commonmark_do(
    paragraph: str, labels_and_references: tuple[set[str], markdown_inline.References]
) -> None:
    labels, references = labels_and_references
    segmenter = [paragraph[start:end] for start, end in inline_comment_spans(paragraph, labels)]
    assert segmenter == checks_comments(paragraph, references)
    assert segmenter == comments_by_markdown_it(paragraph)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_the_segmenter_reads_code_spans_where_commonmark_does(
    paragraph: str, labels_and_references: tuple[set[str], markdown_inline.References]
) -> None:
    labels, _ = labels_and_references
    code = [paragraph[start + 1 : end - 1] for start, end in inline_code_spans(paragraph, labels)]
    assert code == code_by_markdown_it(paragraph)


def test_no_sentence_ends_inside_a_label_or_a_declaration(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(
        "A [b][c. D] e. F g.\n\nKeep <!doctype html. Strict> as written. Then go on.\n"
        + DEFINITIONS,
        encoding="utf-8",
    )
    document = load_document(paper)
    assert [segment.text for segment in document.segments] == [
        "A [b][c. D] e.",
        "F g.",
        "Keep <!doctype html. Strict> as written.",
        "Then go on.",
    ]
    # CommonMark reads both whole: a link, and raw HTML.
    html = MarkdownIt("commonmark").render(paper.read_text(encoding="utf-8"))
    assert '<a href="https://x.org/c">b</a>' in html
    assert "<!doctype html. Strict>" in html
