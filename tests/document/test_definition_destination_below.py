"""A link reference definition whose destination stands on the line after its label.

CommonMark lets a definition go on over the lines of the paragraph it opens: "[b]:" alone,
then "<http://b.example/x y>" (or a bare URL), then a title on that line or the next.
termwise read such a definition as the sentence "[b]: <http://b.example/x y>", offered it
for translation, and the Markdown edition wrote it escaped, so that every "[b]" link in the
document printed as literal brackets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from support.markdown_definitions import read, target_edition, texts

BELOW = "[b]:\n<http://b.example/x y>\n"
LINK = '<a href="http://b.example/x%20y"'


@pytest.mark.parametrize(
    ("written", "destination", "title"),
    [
        ("[b]:\n<http://b.example/x y>", "http://b.example/x y", None),
        ("[b]:\nhttp://b.example/x", "http://b.example/x", None),
        ('[b]:\n  <http://b.example/x y> "The title"', "http://b.example/x y", "The title"),
        ("[b]:\nhttp://b.example/x\n'The title'", "http://b.example/x", "The title"),
        ("[b]:\n<http://b.example/x y>\n(The title)", "http://b.example/x y", "The title"),
    ],
)
def test_a_destination_on_the_next_line(written: str, destination: str, title: str | None) -> None:
    document = read(f"Text.\n\n{written}\nSee [b] here.\n")
    assert texts(document) == ["Text.", "See [b] here."]
    [definition] = document.link_definitions
    assert (definition.label, definition.destination, definition.title) == ("b", destination, title)
    assert definition.text == written.replace("\n  ", "\n")


def test_windows_line_ends() -> None:
    document = read('[b]:\r\n<http://b.example/x y>\r\n"T"\r\nNext.\r\n')
    assert texts(document) == ["Next."]
    [definition] = document.link_definitions
    assert (definition.destination, definition.title) == ("http://b.example/x y", "T")
    assert definition.text == '[b]:\n<http://b.example/x y>\n"T"'


def test_in_a_block_quote() -> None:
    document = read('> Quoted.\n>\n> [b]:\n> <http://b.example/x y>\n> "T"\n\nSee [b].\n')
    assert texts(document) == ["Quoted.", "See [b]."]
    [definition] = document.link_definitions
    assert (definition.destination, definition.title, definition.quote_depth) == (
        "http://b.example/x y",
        "T",
        1,
    )
    assert definition.text == '[b]:\n<http://b.example/x y>\n"T"'


def test_under_a_list_item_s_text() -> None:
    document = read("- one\n\n  [b]:\n  http://b.example/x\n  'T'\n- two\n\nSee [b].\n")
    assert texts(document) == ["one", "two", "See [b]."]
    [definition] = document.link_definitions
    assert (definition.destination, definition.title, definition.item_depth) == (
        "http://b.example/x",
        "T",
        1,
    )
    item = document.segments[1].list_item
    assert item is not None and item.depth == 1


@pytest.mark.parametrize(
    "after",
    [
        "- item",  # a list item
        "# Heading",
        "***",  # a rule
        "```",  # a fence
        "<div>",  # an HTML block that interrupts a paragraph
        "<!-- note -->",
        "> quoted",
        "",  # a blank line ends the paragraph "[b]:"
    ],
)
def test_a_line_that_interrupts_a_paragraph_is_no_destination(after: str) -> None:
    # CommonMark reads the definition from the paragraph "[b]:" opens, which such a line
    # ends: "[b]:" is text.
    document = read(f"[b]:\n{after}\n\nAfter.\n")
    assert document.link_definitions == []
    assert texts(document)[0] == "[b]:"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"Read [the guide][b].\n\n{BELOW}", BELOW),
        (
            f'Read [the guide][b].\n\n{BELOW}"T"\n',
            f'{BELOW}"T"\n',
        ),
        (
            'Read [the guide][b].\n\n> Quoted.\n>\n> [b]:\n> <http://b.example/x y>\n> "T"\n',
            '> [b]:\n> <http://b.example/x y>\n> "T"\n',
        ),
        (
            "Read [the guide][b].\n\n- one\n\n  [b]:\n  <http://b.example/x y>\n- two\n",
            "  [b]:\n  <http://b.example/x y>\n",
        ),
    ],
)
def test_the_markdown_edition_keeps_it_and_its_links_resolve(
    tmp_path: Path, text: str, kept: str
) -> None:
    edition = target_edition(tmp_path, text)
    assert kept in edition
    html = MarkdownIt("commonmark").render(edition)
    assert html.count(LINK) == 1
    assert "[b]" not in html and "[THE GUIDE]" not in html
    # A list stays one list around the definition.
    assert html.count("<ul>") == text.count("- one")
