"""The compact offset map behaves like the tuple of offsets it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.document.model import Document, OffsetMap, Segment, SegmentKind


def test_offset_map_is_a_sequence_of_offsets() -> None:
    offsets = [3, 4, 5, 9, 10, 20]
    mapped = OffsetMap.from_offsets(offsets)
    assert len(mapped) == 6
    assert list(mapped) == offsets
    assert [mapped[i] for i in range(6)] == offsets
    assert mapped[-1] == 20 and mapped[1:4] == (4, 5, 9)
    assert mapped == offsets and mapped == tuple(offsets)
    assert mapped.runs == [(0, 3), (3, 9), (5, 20)]
    with pytest.raises(IndexError):
        mapped[6]
    sub = mapped.sub(2, 5)
    assert list(sub) == [5, 9, 10]
    assert list(mapped.sub(4, 4)) == []


def test_segment_to_source_with_a_map_and_without() -> None:
    text = "ab\ncd"
    mapped = OffsetMap([(0, 0), (2, 2), (3, 3)], 5)  # "ab cd": the space stands for "\n"
    segment = Segment("x", SegmentKind.SENTENCE, "ab cd", 1, 1, 1, 0, 5, mapped)
    assert segment.to_source(1, 4) == (1, 4)
    assert text[slice(*segment.to_source(3, 5))] == "cd"
    assert segment.to_source(5, 5) == (5, 5)
    plain = Segment("y", SegmentKind.SENTENCE, "cd", 2, 1, 1, 3, 5)
    assert plain.to_source(0, 1) == (3, 4)
    document = Document(None, text, "en", "utf-8", [segment, plain])
    assert document.line_col(4) == (2, 2)
    assert document.segment("y") is plain
    with pytest.raises(KeyError):
        document.segment("z")


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_lines_end_where_an_editor_ends_them(tmp_path: Path, end: str) -> None:
    # With "\r" alone (classic Mac OS line ends) every segment was on line 1.
    path = tmp_path / "paper.txt"
    path.write_bytes(end.join(["First line.", "Second line.", "", "Third line."]).encode())
    document = load_document(path, lang="en")
    assert [(segment.line, segment.column) for segment in document.segments] == [
        (1, 1),
        (2, 1),
        (4, 1),
    ]
