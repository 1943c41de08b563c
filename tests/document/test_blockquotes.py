"""A Markdown source's block quotes, and the marker that tells two of its lists apart.

Every paragraph inside a quote ("> ", "> > ") knows how deep it stands, so that an edition
prints a quotation as one and not as the paper's own paragraphs; a quote's headings and
lists are read as such. A list item keeps its bullet or delimiter: "- a" then "* b" are two
lists in CommonMark, not one. Segment texts and ids, which translations are keyed by, stay
what they were wherever the reader was right before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import cache, load_document, parse_document
from termwise.document.model import Document, ListItem, SegmentKind
from termwise.document.resegmentation import join_segments, split_segment

SPEECH = """# Speeches

The minister spoke at the opening.

> Friends, we meet today
to open the port. It took years.

> > Build it, they said.

> - Trade grew.
> - Investment grew.

After the speech, work began.
"""


def depths(document: Document) -> list[tuple[str, int]]:
    return [(segment.text, segment.quote_depth) for segment in document.segments]


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def test_a_quotes_paragraphs_know_how_deep_they_stand() -> None:
    assert depths(read(SPEECH)) == [
        ("Speeches", 0),
        ("The minister spoke at the opening.", 0),
        # A line with no marker after a quoted paragraph goes on with it (lazily).
        ("Friends, we meet today to open the port.", 1),
        ("It took years.", 1),
        ("Build it, they said.", 2),
        ("Trade grew.", 1),
        ("Investment grew.", 1),
        ("After the speech, work began.", 0),
    ]


def test_nested_quotes_and_lazy_lines() -> None:
    text = (
        "> Outer words\n> > inner words\n> lazily inner still\nand lazier.\n\n"
        "> Outer again.\n>> Inner without a space.\n"
    )
    assert depths(read(text)) == [
        # A deeper quote interrupts a paragraph; a shallower line goes on with one.
        ("Outer words", 1),
        ("inner words lazily inner still and lazier.", 2),
        ("Outer again.", 1),
        ("Inner without a space.", 2),
    ]


def test_a_quotes_blank_line_ends_its_paragraph() -> None:
    # "> " alone is a blank line inside the quote: two paragraphs, as CommonMark reads it
    # (they were one, "Ladies and gentlemen, We are here.").
    document = read("> Ladies and gentlemen,\n>\n> We are here.\n")
    assert depths(document) == [("Ladies and gentlemen,", 1), ("We are here.", 1)]
    assert [segment.paragraph for segment in document.segments] == [1, 2]


def test_a_heading_and_a_list_inside_a_quote() -> None:
    text = (
        "> # The address\n>\n> Friends.\n>\n> 1. First,\n>    wrapped.\n> 2. Second.\n"
        ">    - Nested.\n>\n> Words\n> ---\n"
    )
    document = read(text)
    assert [(s.kind, s.text, s.level, s.quote_depth, s.list_item) for s in document.segments] == [
        # It was a sentence "# The address Friends.": the "#" in its text and its id.
        (SegmentKind.HEADING, "The address", 1, 1, None),
        (SegmentKind.SENTENCE, "Friends.", 0, 1, None),
        (SegmentKind.SENTENCE, "First, wrapped.", 0, 1, ListItem(True, 1, 1, marker=".")),
        (SegmentKind.SENTENCE, "Second.", 0, 1, ListItem(True, 2, 1, marker=".")),
        (SegmentKind.SENTENCE, "Nested.", 0, 1, ListItem(False, None, 2, marker="-")),
        # A setext underline inside the quote.
        (SegmentKind.HEADING, "Words", 2, 1, None),
    ]


def test_a_table_inside_a_quote_is_a_table() -> None:
    document = read("> | Year | Ships |\n> |---|---|\n> | 2020 | 12 |\n\nAfter.\n")
    assert [(s.text, s.cell and (s.cell.row, s.cell.column), s.quote_depth) for s in
            document.segments] == [
        ("Year", (0, 0), 1),
        ("Ships", (0, 1), 1),
        ("2020", (1, 0), 1),
        ("12", (1, 1), 1),
        ("After.", None, 0),
    ]  # fmt: skip


def test_quotes_change_no_text_or_id() -> None:
    # The same paragraphs without any quote give the same segments: a quote's markers were
    # never part of the text.
    quoted = read(SPEECH)
    plain = read(re.sub(r"(?m)^(> ?)+", "", SPEECH))
    assert [(s.id, s.text, s.paragraph) for s in quoted.segments] == [
        (s.id, s.text, s.paragraph) for s in plain.segments
    ]
    assert all(s.quote_depth == 0 for s in plain.segments)
    # The ids the reader gave before it kept quotes.
    assert [s.id for s in quoted.segments] == [
        "e85da5e3e22a",
        "0a66fd15066b",
        "8b0281dafd39",
        "2b61b86ee3ec",
        "5e4e839349f4",
        "e9caeb548565",
        "856ccfc2f49a",
        "fad0b24bf927",
    ]
    assert {s.quote_depth for s in quoted.segments} == {0, 1, 2}
    for segment in quoted.segments:
        # Spans stay exact: a quoted wrapped line's marker is no part of the sentence.
        source = quoted.text[segment.start : segment.end]
        assert " ".join(source.replace(">", " ").split()) == segment.text


def test_a_list_items_marker_tells_two_lists_apart() -> None:
    document = read("- a\n- b\n\n* c\n+ d\n\n1. e\n2) f\n\nNo list.\n")
    assert [(s.text, s.list_item.marker if s.list_item else None) for s in document.segments] == [
        ("a", "-"),
        ("b", "-"),
        ("c", "*"),
        ("d", "+"),
        ("e", "."),
        ("f", ")"),
        ("No list.", None),
    ]


def test_plain_text_has_no_quotes() -> None:
    document = parse_document("> Not a quote in plain text.\n", lang="en")
    assert [s.quote_depth for s in document.segments] == [0]


# --- carried along ----------------------------------------------------------------------------


def test_the_cache_keeps_quotes_and_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "speech.md"
    path.write_text(SPEECH + "\n* Other bullets.\n", encoding="utf-8")
    first = load_document(path)
    key = cache.cache_key(
        path.read_bytes(), lang=None, encoding=None, fmt="markdown", id_aliases=None
    )
    stored = cache.read(key)
    assert stored is not None
    assert stored[2] == first.segments
    again = load_document(path)
    assert depths(again) == depths(first)
    assert [s.list_item for s in again.segments] == [s.list_item for s in first.segments]
    assert again.segments[-1].list_item == ListItem(False, None, 1, marker="*")
    # An entry written before quotes were kept (version 8) has rows of another shape.
    payload = json.loads(cache.cache_path(key).read_text(encoding="utf-8"))
    assert payload["version"] == cache.VERSION >= 9
    payload["segments"] = [row[:14] for row in payload["segments"]]
    cache.cache_path(key).write_text(json.dumps(payload), encoding="utf-8")
    assert cache.read(key) is None


def test_split_and_joined_segments_stay_quoted() -> None:
    document = read(SPEECH)
    friends, years = document.segments[2:4]
    assert join_segments(friends, years).quote_depth == 1
    assert {part.quote_depth for part in split_segment(friends, [8])} == {1}


def test_segments_json_gives_the_quote_depth_only_inside_a_quote(tmp_path: Path) -> None:
    path = tmp_path / "speech.md"
    path.write_text(SPEECH, encoding="utf-8")
    result = CliRunner().invoke(cli, ["segments", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["text"]: row for row in json.loads(result.output)}
    assert "quote_depth" not in rows["The minister spoke at the opening."]
    assert rows["It took years."]["quote_depth"] == 1
    assert rows["Build it, they said."]["quote_depth"] == 2
