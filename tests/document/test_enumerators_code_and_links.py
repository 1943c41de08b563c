"""The segmenter's reading of lettered items, code spans and link targets.

A lone lowercase letter and its period before a capital open an item's sentence wherever
they stand ("… milk. b. Sell eggs."), but not the first part of an abbreviation written
with a space ("d. Übers."). A period inside a code span is the code's: it ends no
sentence, though one after the span does. A link's destination is no comment
(``[a](<!-- x -->)`` links to "!-- x --", as CommonMark and the editions read it), so
the segmenter, the checks and the editions read one comment or none alike.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from termwise.checks.qa.markup import comment_spans
from termwise.document import load_document
from termwise.document.markdown_comments import inline_code_spans, inline_comment_spans
from termwise.document.segmentation import split_sentences
from termwise.export import markdown_inline


def sentences(text: str, lang: str = "en", markdown: bool = False) -> list[str]:
    hidden = inline_comment_spans(text) if markdown else []
    code = inline_code_spans(text) if markdown else []
    return [text[start:end] for start, end in split_sentences(text, lang, hidden, code)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("a. Buy milk. b. Sell eggs.", "en", ["a. Buy milk.", "b. Sell eggs."]),
        ("Compra leche. b. Vende huevos.", "es", ["Compra leche.", "b. Vende huevos."]),
        ("Купи молоко. б. Продай яйца.", "ru", ["Купи молоко.", "б. Продай яйца."]),
        ("Achat du lait ? b. Vente des œufs.", "fr", ["Achat du lait ?", "b. Vente des œufs."]),
    ],
)
def test_a_lettered_item_opens_its_sentence(text: str, lang: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anm. d. Übers. Dieser Satz steht hier.",
        "Er kam spät. d. Übers. Dann ging er.",
        "Das ist gut. z. B. Das hier.",
    ],
)
def test_a_spaced_german_abbreviation_is_no_item(text: str) -> None:
    # The letter is the abbreviation's first part: nothing is cut before it.
    assert not any(sentence.startswith(("d. ", "z. ")) for sentence in sentences(text, "de"))


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Some cities, e. g. Paris, are big.", "en", "e. g."),
        ("Use a tool, i. e. Git, for this.", "en", "i. e."),
        ("He arrived at 5 a. m. Monday morning.", "en", "a. m."),
        ("See the work of e. e. Cummings here.", "en", "e. e."),
        ("Herr Dr. h. c. Schmidt kam.", "de", "h. c."),
        ("Der Satz gilt i. e. S. Für alle.", "de", "i. e."),
    ],
)
def test_two_lone_letters_are_one_abbreviation(text: str, lang: str, pair: str) -> None:
    # "e." before "g. Paris" is no sentence's end: a real item's letter follows a word
    # ("milk. b. Sell").
    assert any(pair in sentence for sentence in sentences(text, lang))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Run `make.` Then go.", ["Run `make.` Then go."]),
        ("Run `make. Then` go.", ["Run `make. Then` go."]),
        ("Run `make`. Then go.", ["Run `make`.", "Then go."]),
        ("Run `make.`. Then go.", ["Run `make.`.", "Then go."]),
        ("Is it `ready?`? Yes.", ["Is it `ready?`?", "Yes."]),
    ],
)
def test_a_period_in_code_is_the_codes(text: str, expected: list[str]) -> None:
    assert sentences(text, markdown=True) == expected


def test_a_link_destination_is_no_comment(tmp_path: Path) -> None:
    text = "See [the notes](<!-- x -->) here. Then go on."
    assert inline_comment_spans(text) == comment_spans(text) == []
    source = tmp_path / "doc.md"
    source.write_text(text + "\n", encoding="utf-8")
    assert [segment.text for segment in load_document(source).segments] == [
        "See [the notes](<!-- x -->) here.",
        "Then go on.",
    ]


PIECES = ["[", "]", "(", ")", "](", "<!-- x -->", "<!--", "-->", "`", "!", "\\", " ", "a"]
PIECES += ["<https://a.b>", "<https://a`", "<https://a](", "<ftp://q>", '"', "<", ">"]


def code_spans(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    stack = list(markdown_inline.parse(text))
    while stack:
        node = stack.pop()
        if isinstance(node, markdown_inline.Span):
            stack.extend(node.children)
        elif isinstance(node, markdown_inline.Code):
            found.append((node.start, node.end))
    return sorted(found)


def test_the_segmenter_reads_comments_and_code_as_the_parser_does() -> None:
    # Random texts of brackets, targets, autolinks, comments and backticks: the segmenter's
    # spans are the inline parser's (the checks' and the editions').
    rng = random.Random(2026)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        assert inline_comment_spans(text) == comment_spans(text), text
        assert inline_code_spans(text) == code_spans(text), text


@pytest.mark.parametrize(
    "text",
    ["[a](<!-- x -->)", '[a](<!-- x --> "t")', "[a](b <!-- x -->)", "<https://a`>`<!-- x -->`"],
)
def test_comments_are_where_commonmark_has_them(text: str) -> None:
    tokens = MarkdownIt("commonmark").parseInline(text)[0].children or []
    comments = [t for t in tokens if t.type == "html_inline" and t.content.startswith("<!--")]
    assert len(inline_comment_spans(text)) == len(comments)


def test_text_after_a_comment_line_is_read_as_a_renderer_shows_it(tmp_path: Path) -> None:
    # CommonMark ends a comment's HTML block at the line holding "-->": the rest of that
    # line is shown as it stands, and the next line opens a paragraph of its own (a block
    # of its own in a browser), so no sentence spans the two lines.
    text = "<!-- x --> The first line runs\non to the second line. Another one.\n"
    html = MarkdownIt("commonmark").render(text)
    assert html.startswith("<!-- x --> The first line runs\n<p>on to the second line.")
    source = tmp_path / "doc.md"
    source.write_text(text, encoding="utf-8")
    segments = load_document(source).segments
    assert [(segment.text, segment.paragraph) for segment in segments] == [
        ("The first line runs", 1),
        ("on to the second line.", 2),
        ("Another one.", 2),
    ]
