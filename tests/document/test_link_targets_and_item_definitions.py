"""No sentence ends inside an inline link's target, a definition under a list item's text is
a definition, and French "c. -à-d." written with a space ends no sentence.

"See [x](<a. B>) now." was cut after "<a.": the link's destination was split between two
segments, which no translator could put back together. "- item" then an indented
"[ref]: http://x" was read as a sentence of the item, translated and printed as text.
"""

from __future__ import annotations

import pytest

from termwise.document import parse_document, split_sentences
from termwise.document.model import Document


def read(text: str, lang: str = "en") -> Document:
    return parse_document(text, lang=lang, fmt="markdown")


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


@pytest.mark.parametrize(
    "paragraph",
    [
        "See [x](<a. B>) now.",
        'See [x](http://a.b/ "Ends here. Then a title") now.',
        "See [x](http://a.b/ 'Ends here. Then a title') now.",
        "See [x](http://a.b/ (Ends here. Then a title)) now.",
        'See ![chart](<chart. Two.png> "Done! Yes") now.',
        'See [x](\n<a. B>\n"Done. Then") now.',
    ],
)
def test_no_cut_inside_a_link_target(paragraph: str) -> None:
    assert texts(read(f"{paragraph} Next one.\n")) == [
        paragraph.replace("\n", " "),
        "Next one.",
    ]


def test_a_cut_after_the_target_still_happens() -> None:
    # The target's closing parenthesis ends the sentence's last word like any other.
    assert texts(read("Read [the report](<a. B>). Then go.\n")) == [
        "Read [the report](<a. B>).",
        "Then go.",
    ]


def test_brackets_that_make_no_link_are_text() -> None:
    # No link text before "](": the parentheses are text, and a sentence may end there.
    assert texts(read("It ends ](a. Bee). Next.\n")) == ["It ends ](a.", "Bee).", "Next."]


def test_a_definition_in_a_list_item_is_a_definition() -> None:
    document = read('- item\n\n  [ref]: http://x "T"\n- next\n\nSee [a][ref].\n')
    assert texts(document) == ["item", "next", "See [a][ref]."]
    [definition] = document.link_definitions
    assert (definition.label, definition.destination, definition.title) == ("ref", "http://x", "T")
    assert definition.text == '[ref]: http://x "T"'
    # Held by the item whose text it stands under, as its code would be.
    assert definition.item_depth == 1
    assert document.segments[1].list_item is not None


def test_a_nested_item_s_definition_and_a_title_below() -> None:
    document = read('1. one\n   - two\n\n     [b]: <http://y>\n     "Title"\n\n   [a]: http://x\n')
    assert texts(document) == ["one", "two"]
    assert [(d.label, d.title, d.item_depth) for d in document.link_definitions] == [
        ("b", "Title", 2),
        ("a", None, 1),
    ]


def test_an_item_s_line_indented_four_past_its_text_is_no_definition() -> None:
    # CommonMark: four columns in from the item's text is code, never a definition.
    document = read("- item\n\n      [ref]: http://x\n")
    assert document.link_definitions == []


def test_a_top_level_definition_is_unchanged() -> None:
    document = read("Text.\n\n[ref]: http://x\n")
    assert [d.item_depth for d in document.link_definitions] == [0]


@pytest.mark.parametrize(
    "text",
    [
        "Une ville, c. -à-d. Paris, est grande.",
        "C. -à-d. Paris est grande.",
        "Une ville, c.-à-d. Paris, est grande.",
    ],
)
def test_french_c_a_d_with_a_space_ends_no_sentence(text: str) -> None:
    whole = f"{text} Fin."
    assert [whole[a:b] for a, b in split_sentences(whole, "fr")] == [text, "Fin."]
