"""Which list item a Markdown paragraph after an item's first stands in.

"1. Install the package." then, after a blank line, "   Then restart the terminal." is
one item of two paragraphs in CommonMark (the second indented as far as the item's text),
and a code fence indented so is the item's too. The reader kept no trace of that: the
second paragraph was a paragraph of its own, and every edition ended the list there and
numbered the next items from 1 again. Each such block now names the item that holds it
(``Segment.item_depth``, ``CodeBlock.item_depth``); its sentences stay segments, with the
ids and texts they had.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import cache, load_document, parse_document, reading
from termwise.document.model import CodeBlock, Document
from termwise.document.resegmentation import join_segments, split_segment

STEPS = """1. Install the package.

   Then restart the terminal.

2. Open the workbench.

   ```sh
   termwise review paper.txt --to es
   ```

3. Review the segments.
"""


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def places(document: Document) -> list[tuple[str, int | None, int]]:
    """Each segment's text, the number of the item it opens (None for none) and the depth
    of the item that holds it."""
    return [
        (
            segment.text,
            None if segment.list_item is None else segment.list_item.number,
            segment.item_depth,
        )
        for segment in document.segments
    ]


def test_an_items_second_paragraph_and_code_stand_in_the_item() -> None:
    document = read(STEPS)
    assert places(document) == [
        ("Install the package.", 1, 0),
        ("Then restart the terminal.", None, 1),
        ("Open the workbench.", 2, 0),
        ("Review the segments.", 3, 0),
    ]
    assert document.code_blocks == [
        CodeBlock(3, "termwise review paper.txt --to es", "sh", item_depth=1)
    ]


def test_the_segments_are_what_they_were() -> None:
    """Only where they stand is new: the second paragraph is still a paragraph of its own
    (its sentences translated), with the ids a flat reading gave it."""
    flat = read(
        STEPS.replace("   Then", "Then").replace("   ```", "```").replace("   term", "term")
    )
    document = read(STEPS)
    assert [(s.id, s.text, s.paragraph) for s in document.segments] == [
        (s.id, s.text, s.paragraph) for s in flat.segments
    ]


def test_a_paragraph_not_indented_to_the_items_text_ends_the_list() -> None:
    document = read("1. One.\n\n  Two spaces only.\n\nAt the margin.\n")
    assert places(document) == [
        ("One.", 1, 0),
        ("Two spaces only.", None, 0),
        ("At the margin.", None, 0),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The marker's width sets the text's column: "10. " is four wide.
        ("10. Ten.\n\n    More of ten.\n", [("Ten.", 10, 0), ("More of ten.", None, 1)]),
        ("10. Ten.\n\n   Not of ten.\n", [("Ten.", 10, 0), ("Not of ten.", None, 0)]),
        # A lazy line goes on with the paragraph it follows, the item's second.
        (
            "- Item.\n\n  Second\nlazy line.\n- Next.\n",
            [("Item.", None, 0), ("Second lazy line.", None, 1), ("Next.", None, 0)],
        ),
        # Nested: the paragraph goes to the item whose text it reaches.
        (
            "- a\n\n  - b\n\n    More of b.\n\n  More of a.\n",
            [("a", None, 0), ("b", None, 0), ("More of b.", None, 2), ("More of a.", None, 1)],
        ),
        # In a quote, counted among the quote's lists.
        (
            "> 1. One.\n>\n>    More of one.\n>\n> 2. Two.\n",
            [("One.", 1, 0), ("More of one.", None, 1), ("Two.", 2, 0)],
        ),
        # A heading written under an item's text is the item's.
        (
            "1. Step.\n\n   ## Detail\n\n2. Next.\n",
            [("Step.", 1, 0), ("Detail", None, 1), ("Next.", 2, 0)],
        ),
    ],
)
def test_the_item_a_paragraph_stands_in(
    source: str, expected: list[tuple[str, int | None, int]]
) -> None:
    assert places(read(source)) == expected


def test_code_not_indented_to_the_items_text_ends_the_list() -> None:
    document = read("- Run:\n\n```sh\nmake\n```\n")
    assert document.code_blocks == [CodeBlock(1, "make", "sh")]


def test_a_table_in_an_item_is_the_items() -> None:
    document = read("1. Compare:\n\n   | a | b |\n   | - | - |\n   | 1 | 2 |\n\n2. Next.\n")
    cells = [(s.text, s.item_depth) for s in document.segments if s.cell is not None]
    assert cells == [("a", 1), ("b", 1), ("1", 1), ("2", 1)]


def test_the_cache_keeps_the_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "steps.md"
    path.write_text(STEPS, encoding="utf-8")
    first = load_document(path)

    def fail(*args: object, **kwargs: object) -> Document:
        raise AssertionError("segmented again instead of read from the cache")

    monkeypatch.setattr(reading, "_build", fail)
    second = load_document(path)
    assert second.segments == first.segments
    assert [s.item_depth for s in second.segments] == [0, 1, 0, 0]
    assert second.code_blocks == first.code_blocks
    assert second.code_blocks[0].item_depth == 1


def test_splitting_and_joining_keep_the_item() -> None:
    document = read("1. One.\n\n   Two, three.\n")
    second = document.segments[1]
    parts = split_segment(second, [len("Two, ")])
    assert [(part.text, part.item_depth) for part in parts] == [("Two,", 1), ("three.", 1)]
    assert join_segments(parts[0], parts[1]).item_depth == 1


def test_segments_json_names_the_item(tmp_path: Path) -> None:
    path = tmp_path / "steps.md"
    path.write_text(STEPS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["segments", str(path), "--lang", "en", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    # Only where there is one: a row of any other document is what it was.
    assert [row.get("item_depth") for row in rows] == [None, 1, None, None]
