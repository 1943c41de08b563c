"""A definition on a list item's marker line ("- [a]: /url") records the item it opens.

The reader read it as a definition (the item's next paragraph its first), but kept no
trace of where it stood: an edition could not tell "- [a]: /url" then "  Text." (a tight
item) from "- Text." then a blank line and "  [a]: /url" (a loose one), nor an item that
holds only definitions ("2. [b]: /url") from definitions between two lists.
``LinkDefinition.opens_item`` says which item it opens, ``marker_line`` whether it is the
one on the marker's line; the document cache keeps both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document import cache, load_document, parse_document
from termwise.document.model import Document, ListItem


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def opened(document: Document) -> list[tuple[str, ListItem | None, bool, int]]:
    """Each definition's label, the item it opens, whether on the marker line, and the
    depth of the item that holds it."""
    return [
        (definition.label, definition.opens_item, definition.marker_line, definition.item_depth)
        for definition in document.link_definitions
    ]


BULLET = ListItem(ordered=False, number=None, depth=1, marker="-")


def test_a_definition_before_its_items_first_paragraph_opens_the_item() -> None:
    document = read("- Mix.\n- [a]: /flour\n  [b]: /salt\n  Weigh the salt.\n- Bake.\n")
    assert opened(document) == [("a", BULLET, True, 1), ("b", BULLET, False, 1)]
    weigh = next(s for s in document.segments if s.text == "Weigh the salt.")
    assert weigh.list_item == BULLET and weigh.item_depth == 0


def test_an_item_holding_only_definitions_keeps_its_number() -> None:
    document = read("1. First.\n2. [b]: /salt\n   [c]: /pepper\n3. Third.\n")
    second = ListItem(ordered=True, number=2, depth=1, marker=".")
    # They stand where the item stands (no item's paragraph holds them), and open it.
    assert opened(document) == [("b", second, True, 0), ("c", second, False, 0)]


def test_two_items_of_definitions_are_two_items() -> None:
    document = read("- First.\n- [b]: /salt\n- [c]: /pepper\n- Fourth.\n")
    assert opened(document) == [("b", BULLET, True, 0), ("c", BULLET, True, 0)]


@pytest.mark.parametrize(
    "text",
    [
        # A blank line between the definition and the paragraph: the item is loose, the
        # paragraph its first, the definition held after it as any later block.
        "- Mix.\n- [a]: /flour\n\n  Weigh the salt.\n- Bake.\n",
        # Written under the item's text, after a blank line: no definition opens it.
        "- Mix.\n\n  [a]: /flour\n- Bake.\n",
    ],
)
def test_a_definition_after_a_blank_line_opens_no_item(text: str) -> None:
    assert opened(read(text)) == [("a", None, False, 1)]


def test_a_definition_after_a_blank_line_in_an_item_of_definitions_is_held() -> None:
    document = read("1. First.\n2. [b]: /salt\n\n   [c]: /pepper\n3. Third.\n")
    second = ListItem(ordered=True, number=2, depth=1, marker=".")
    # The first opens the item; the second the item holds, as a later paragraph.
    assert opened(document) == [("b", second, True, 0), ("c", None, False, 1)]


def test_the_cache_keeps_the_item_a_definition_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "steps.md"
    path.write_text("# Steps\n\n1. First.\n2. [b]: /salt\n3. Third.\n", encoding="utf-8")
    first = load_document(path)
    key = cache.cache_key(
        path.read_bytes(), lang=None, encoding=None, fmt="markdown", id_aliases=None
    )
    stored = cache.read(key)
    assert stored is not None and stored[4] == first.link_definitions
    assert stored[4][0].opens_item == ListItem(ordered=True, number=2, depth=1, marker=".")
    assert stored[4][0].marker_line
