"""Where a Markdown source's block quotes stand: their code, their identity, their list item.

Code inside a quote was read as text: "```sh pip install termwise --upgrade ```" became a
segment, and machine translation rewrote the command. Two quotes with only a blank line
between them (two quotations in CommonMark) were one to the editions, and a quote written
in a list item's text ended the list. Each quote now has a number and knows the list item
it stands in (``Segment.quotes``); segment texts and ids elsewhere stay what they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import cache, load_document, parse_document, reading
from termwise.document.model import BlockQuote, CodeBlock, Document
from termwise.document.resegmentation import join_segments, split_segment

GUIDE = """> Run this:
>
> ```sh
> pip install termwise --upgrade
> ```
>
>     indented code here
"""


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


def numbers(document: Document) -> list[tuple[str, tuple[int, ...]]]:
    """Each segment's text and the numbers of the quotes it stands in."""
    return [
        (segment.text, tuple(quote.number for quote in segment.quotes))
        for segment in document.segments
    ]


# --- code in a quote -------------------------------------------------------------------------


def test_code_in_a_quote_is_a_code_block_not_a_segment() -> None:
    document = read(GUIDE)
    assert texts(document) == ["Run this:"]
    quote = (BlockQuote(1),)
    assert document.code_blocks == [
        CodeBlock(1, "pip install termwise --upgrade", "sh", quote_depth=1, quotes=quote),
        CodeBlock(1, "indented code here", "", quote_depth=1, quotes=quote),
    ]
    assert document.segments[0].quotes == quote


def test_termwise_segments_lists_no_quoted_code(tmp_path: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_text(GUIDE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["segments", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Run this:" in result.output
    assert "pip install" not in result.output and "indented code" not in result.output


def test_a_quoted_fence_loses_its_markers_and_its_own_indentation() -> None:
    # As CommonMark: each line loses as much indentation as the fence has (here one
    # column), and a ">" beyond the quote's own markers is code.
    document = read("> Intro.\n>\n>  ```\n>  a\n>   b\n> c\n> > d\n>  ```\n>\n> After.\n")
    assert texts(document) == ["Intro.", "After."]
    [code] = document.code_blocks
    assert (code.text, code.quote_depth, code.after_paragraph) == ("a\n b\nc\n> d", 1, 1)


def test_a_fence_in_a_quote_ends_where_the_quote_ends() -> None:
    # A line without the marker ends the quote, and the fence with it: it is text, not code.
    document = read("> Intro.\n> ```py\n> x = 1\nno marker here\n\ntail\n")
    assert texts(document) == ["Intro.", "no marker here", "tail"]
    assert [(code.text, code.quote_depth) for code in document.code_blocks] == [("x = 1", 1)]
    assert document.segments[1].quote_depth == 0


def test_indented_code_at_any_depth() -> None:
    # Code has no lazy continuation: a line with fewer markers ends it.
    document = read("> > Deep.\n> >\n> >     deep code\n> >\n> >     more\n> Outer text.\n")
    assert [(code.text, code.quote_depth) for code in document.code_blocks] == [
        ("deep code\n\nmore", 2)
    ]
    assert numbers(document) == [("Deep.", (1, 2)), ("Outer text.", (1,))]


def test_a_quotes_indented_line_inside_a_paragraph_is_text() -> None:
    # Indented code cannot interrupt a paragraph, in a quote as outside; but a quote that
    # opens on the line interrupts the paragraph before it, and its indented text is code.
    assert texts(read("> a\n>     b, wrapped\n")) == ["a b, wrapped"]
    document = read("para\n>     quoted code\n")
    assert texts(document) == ["para"]
    assert [(code.text, code.quote_depth) for code in document.code_blocks] == [("quoted code", 1)]


def test_a_line_indented_four_before_its_marker_is_still_code() -> None:
    document = read("Hi.\n\n    > not a quote: code\n")
    assert [(code.text, code.quote_depth) for code in document.code_blocks] == [
        ("> not a quote: code", 0)
    ]


# --- which quote -----------------------------------------------------------------------------


def test_a_blank_line_between_two_quotes_keeps_them_two() -> None:
    assert numbers(read("> a\n\n> b\n")) == [("a", (1,)), ("b", (2,))]
    # A ">" line between them is a blank line inside one quote.
    assert numbers(read("> a\n>\n> b\n")) == [("a", (1,)), ("b", (1,))]


def test_nested_quotes_are_numbered_at_each_depth() -> None:
    document = read("> a\n> > b\n> c\n>\n> > d\n\n> e\n")
    assert numbers(document) == [
        ("a", (1,)),
        # A lazy line goes on in its paragraph's quotes.
        ("b c", (1, 2)),
        # After ">" the inner quote is another one; the outer goes on.
        ("d", (1, 3)),
        ("e", (4,)),
    ]


def test_a_table_and_a_definition_know_their_quote() -> None:
    document = read("> | A | B |\n> |---|---|\n> | 1 | 2 |\n\n> [x]: https://example.org\n> Hi.\n")
    assert {segment.quotes for segment in document.segments[:4]} == {(BlockQuote(1),)}
    [definition] = document.link_definitions
    assert definition.quotes == document.segments[-1].quotes == (BlockQuote(2),)


# --- a quote in a list item ------------------------------------------------------------------


def test_a_quote_in_a_list_item_leaves_the_list_open() -> None:
    document = read("1. First step.\n\n   > Note: be careful.\n\n2. Second step.\n")
    first, note, second = document.segments
    assert note.quotes == (BlockQuote(1, item_depth=1),)
    assert note.list_item is None
    assert first.list_item is not None and second.list_item is not None
    assert (second.list_item.number, second.list_item.depth) == (2, 1)


def test_a_quote_in_a_nested_item_and_one_left_of_it() -> None:
    document = read("- a\n  - b\n\n    > in b\n\n  > in a\n\n> in none\n")
    assert [(s.text, s.quotes) for s in document.segments[2:]] == [
        ("in b", (BlockQuote(1, 2),)),
        ("in a", (BlockQuote(2, 1),)),
        ("in none", (BlockQuote(3, 0),)),
    ]


def test_a_list_inside_a_quote_in_an_item_is_the_quotes_own() -> None:
    # Its items count from the quote's margin: they neither end nor go on with the outer list.
    document = read("1. Step.\n\n   > - a\n   > - b\n\n2. Next.\n")
    items = [
        (s.text, s.list_item.number, s.list_item.depth, s.quotes)
        for s in document.segments
        if s.list_item is not None
    ]
    held = (BlockQuote(1, 1),)
    assert items == [
        ("Step.", 1, 1, ()),
        ("a", None, 1, held),
        ("b", None, 1, held),
        ("Next.", 2, 1, ()),
    ]


# --- nothing else changes --------------------------------------------------------------------


def test_quote_numbers_change_no_text_or_id() -> None:
    apart = read("> a.\n\n> b.\n\n1. c.\n\n   > d.\n\n2. e.\n")
    together = read("> a.\n>\n> b.\n\n1. c.\n\n> d.\n\n2. e.\n")
    assert [(s.id, s.text, s.paragraph, s.quote_depth) for s in apart.segments] == [
        (s.id, s.text, s.paragraph, s.quote_depth) for s in together.segments
    ]


def test_splitting_and_joining_keep_the_quotes() -> None:
    document = read("> One. Two.\n")
    first, second = document.segments
    joined = join_segments(first, second)
    assert joined.quotes == first.quotes == (BlockQuote(1),)
    assert all(part.quotes == joined.quotes for part in split_segment(joined, [4]))


def test_the_cache_keeps_the_quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "book.md"
    path.write_text(GUIDE + "\n> Two.\n\n- Item.\n\n  > Held.\n", encoding="utf-8")
    first = load_document(path)

    def fail(*args: object, **kwargs: object) -> Document:
        raise AssertionError("segmented again instead of read from the cache")

    monkeypatch.setattr(reading, "_build", fail)
    second = load_document(path)
    assert second.segments == first.segments
    assert second.code_blocks == first.code_blocks
    assert [s.quotes for s in second.segments] == [
        (BlockQuote(1),),
        (BlockQuote(2),),
        (),
        (BlockQuote(3, 1),),
    ]
