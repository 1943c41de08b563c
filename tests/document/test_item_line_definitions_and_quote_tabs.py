"""A link reference definition on a list item's marker line, a backslash before a space in
an inline link's destination, and a tab after a quote's ">".

``- [a]: /url`` was read as a sentence of the item: offered for translation, and printed
by the Markdown edition as translated text, so that every ``[a]`` link of the document
printed as literal brackets. ``[x](/u\\ v)`` was read as a link (a backslash escaped the
space), so no sentence could end inside it. ``> \\t[b]: /u`` was read as indented code
(the tab counted four columns from the marker's space), a definition for CommonMark. Each
case is checked against markdown-it-py.
"""

from __future__ import annotations

import random

import pytest

from support.markdown_definitions import COMMONMARK, commonmark_defined, defined, read, texts


@pytest.mark.parametrize(
    ("written", "sentences", "definitions"),
    [
        ("- [a]: /url\n- two", ["two"], {"A": ("/url", None)}),
        ('1. [a]: /url "t"', [], {"A": ("/url", "t")}),
        ("2) one\n3) [a]: /url\n4) two", ["one", "two"], {"A": ("/url", None)}),
        ("- one\n  - [a]: /url\n    'title'\n  - two", ["one", "two"], {"A": ("/url", "title")}),
        ("> - [a]: /url\n> - [b]: /v", [], {"A": ("/url", None), "B": ("/v", None)}),
        ("-\t[a]:\n  /url", [], {"A": ("/url", None)}),
        # A paragraph before the list: an item of bullets interrupts it.
        ("Before.\n- [a]: /url", ["Before."], {"A": ("/url", None)}),
    ],
)
def test_a_definition_on_an_item_s_marker_line_is_no_sentence(
    written: str, sentences: list[str], definitions: dict[str, tuple[str, str | None]]
) -> None:
    text = f"{written}\n\nSee [a].\n"
    document = read(text)
    assert texts(document) == [*sentences, "See [a]."]
    assert defined(document) == commonmark_defined(text) == definitions


def test_after_five_spaces_it_is_the_item_s_code_and_no_definition() -> None:
    text = "-     [a]: /url\n\nSee [a].\n"
    assert read(text).link_definitions == []
    assert commonmark_defined(text) == {}


def test_the_item_s_next_paragraph_is_its_first_and_holds_the_definition() -> None:
    document = read("- [a]: /url\n  Its text.\n- Two.\n\nSee [a].\n")
    assert texts(document) == ["Its text.", "Two.", "See [a]."]
    first, second = (segment.list_item for segment in document.segments[:2])
    assert first is not None and second is not None
    assert (first.depth, second.depth) == (1, 1)
    # Held by the item, after its first paragraph, as a definition under its text is.
    [definition] = document.link_definitions
    assert (definition.after_paragraph, definition.item_depth) == (1, 1)
    assert definition.text == "[a]: /url"


def test_an_item_that_holds_only_definitions_leaves_them_to_its_list() -> None:
    # Empty in every rendering: its definition stands where it stood, and the items after
    # it keep the numbers the source gives them.
    document = read("1. One.\n2. [a]: /url\n3. Three.\n")
    assert texts(document) == ["One.", "Three."]
    assert [segment.list_item.number for segment in document.segments if segment.list_item] == [
        1,
        3,
    ]
    [definition] = document.link_definitions
    assert (definition.after_paragraph, definition.item_depth) == (1, 0)


def test_a_line_quoted_less_is_no_paragraph_for_an_item_to_go_on() -> None:
    # "2)" under a quote's paragraph, quoted less: CommonMark's lazy line would have to go
    # on with the paragraph, but an item starts there, as outside any paragraph.
    text = "> Quoted.\n2) [a]: /url\n3) Item.\n\nSee [a].\n"
    document = read(text)
    assert texts(document) == ["Quoted.", "Item.", "See [a]."]
    assert defined(document) == commonmark_defined(text) == {"A": ("/url", None)}


# Pieces of definitions and of text, and what opens lines, for random documents. (Left
# out: a heading or a quote on an item's marker line and an empty item, which termwise
# does not read as CommonMark does, nor for a definition; and an empty title followed by
# text, or a title over lines right after a "<…>" destination, where markdown-it departs
# from CommonMark.)
PIECES = [
    "[foo", "bar]:", "[a]:", "[b c]:", "/url", "<http://x y> ", "'t1", "t2'", '"title"',
    "(par", "en)", "text", "junk", "[a]", ":", "[", "]", "(", ")", "- x",
]  # fmt: skip
PREFIXES = ["", "", "- ", "1. ", "  - ", "> - ", "2) ", "   ", "> ", "-\t", "1.  "]


def test_random_lists_define_what_commonmark_defines() -> None:
    chance = random.Random(7)
    for _ in range(1500):
        lines = [
            chance.choice(PREFIXES)
            + "".join(
                chance.choice(PIECES) + chance.choice(["", " "])
                for _ in range(chance.randint(1, 4))
            )
            for _ in range(chance.randint(1, 6))
        ]
        text = "\n".join(lines) + "\n\nEnd.\n"
        ours = {label: title for label, (_, title) in defined(read(text)).items()}
        theirs = {label: title for label, (_, title) in commonmark_defined(text).items()}
        assert ours == theirs, text


def test_a_backslash_before_a_space_escapes_nothing_in_a_link_destination() -> None:
    # "\\ " is a backslash and the space ends the destination: no link, and the text's
    # sentences end where they do.
    paragraph = "See [x](/a\\ b.\\ C) now."
    assert "<a " not in COMMONMARK.render(paragraph)
    assert texts(read(f"{paragraph} Next.\n")) == ["See [x](/a\\ b.\\", "C) now.", "Next."]


@pytest.mark.parametrize(
    "paragraph",
    [
        # Escaped punctuation is still the destination's, and the target stays whole.
        'See [x](/a\\) "Ends. Then") now.',
        "See [x](/a\\(b 'Ends. Then') now.",
    ],
)
def test_escaped_punctuation_still_belongs_to_the_destination(paragraph: str) -> None:
    assert "<a " in COMMONMARK.render(paragraph)
    assert texts(read(f"{paragraph} Next.\n")) == [paragraph, "Next."]


@pytest.mark.parametrize(
    ("written", "definitions"),
    [
        # The tab after "> " takes two columns: the line is indented two, a definition.
        ('> \t[b]: "x"', {"B": ("%22x%22", None)}),
        ("> \t [b]: /u", {"B": ("/u", None)}),
        (">> \t[b]: /u", {"B": ("/u", None)}),
        # After ">", one of the tab's three columns is the marker's space.
        (">\t[b]: /u", {"B": ("/u", None)}),
        # Four columns in all: code.
        (">\t  [b]: /u", {}),
        ("> \t  [b]: /u", {}),
        ("> > \t[b]: /u", {}),
    ],
)
def test_a_tab_after_a_quote_marker_counts_its_columns(
    written: str, definitions: dict[str, tuple[str, str | None]]
) -> None:
    text = f"{written}\n\nSee [b].\n"
    document = read(text)
    assert set(defined(document)) == set(commonmark_defined(text)) == set(definitions)
    assert texts(document) == ["See [b]."]
    assert len(document.code_blocks) == (0 if definitions else 1)


def test_a_quoted_paragraph_after_a_tab_is_no_code() -> None:
    document = read("> \tIndented two. Still text.\n")
    assert texts(document) == ["Indented two.", "Still text."]
    assert document.code_blocks == []
