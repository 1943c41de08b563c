"""GFM pipe tables in Markdown sources: each cell a paragraph, its span exact in the file."""

from __future__ import annotations

from pathlib import Path

from termwise.document import load_document, parse_document
from termwise.document.editing import SourceEdit, apply_source_edits
from termwise.document.model import Document

AUDIT_TABLE = """# Figures

| Period | Figure |
|---|---|
| Reform and opening up since 1978 | 40 years of rapid development. |
| Belt and Road partners in 2019 | 138 countries. |
"""


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


def assert_spans_exact(document: Document) -> None:
    # Source fixes rewrite the file through these offsets.
    for segment in document.segments:
        assert document.text[segment.start : segment.end] == segment.text


def test_each_cell_is_a_segment_and_the_delimiter_row_is_skipped(tmp_path: Path) -> None:
    paper = tmp_path / "paper.en.md"
    paper.write_text(AUDIT_TABLE, encoding="utf-8")
    document = load_document(paper, lang="en")
    assert texts(document) == [
        "Figures",
        "Period",
        "Figure",
        "Reform and opening up since 1978",
        "40 years of rapid development.",
        "Belt and Road partners in 2019",
        "138 countries.",
    ]
    assert_spans_exact(document)
    cells = document.segments[1:]
    assert [(cell.line, cell.column) for cell in cells] == [
        (3, 3),
        (3, 12),
        (5, 3),
        (5, 38),
        (6, 3),
        (6, 36),
    ]
    # A cell is a paragraph of its own, as a .docx table cell is.
    assert len({cell.paragraph for cell in cells}) == len(cells)


def test_outer_pipes_are_optional_and_alignment_colons_allowed() -> None:
    text = "Period | Figure\n:--- | :---:\n1978 | Forty years.\n2019 |138 countries.\n"
    document = parse_document(text, lang="en", fmt="markdown")
    assert texts(document) == ["Period", "Figure", "1978", "Forty years.", "2019", "138 countries."]
    assert_spans_exact(document)


def test_an_escaped_pipe_does_not_split_a_cell() -> None:
    text = "| Operator | Meaning |\n| -- | -- |\n| `a \\| b` | Either a or b. |\n"
    document = parse_document(text, lang="en", fmt="markdown")
    assert texts(document) == ["Operator", "Meaning", "`a \\| b`", "Either a or b."]
    assert_spans_exact(document)


def test_text_with_a_pipe_is_no_table() -> None:
    text = "Choose A | B when in doubt.\nThe next line | goes on.\n\n| Lone | row |\n\nEnd.\n"
    document = parse_document(text, lang="en", fmt="markdown")
    assert texts(document) == [
        "Choose A | B when in doubt.",
        "The next line | goes on.",
        "| Lone | row |",
        "End.",
    ]


def test_a_delimiter_row_with_another_cell_count_makes_no_table() -> None:
    text = "| a | b |\n|---|\n"
    document = parse_document(text, lang="en", fmt="markdown")
    assert texts(document) == ["| a | b | |---|"]


def test_a_table_ends_at_a_blank_line_or_a_line_that_is_no_row() -> None:
    text = (
        "Before the table.\n"
        "| Year | Event |\n|---|---|\n| 2013 | The initiative. |\n"
        "A caption right below.\nIt goes on.\n\n"
        "| Year |\n|---|\n| 2019 |\n\n| Not | a row of it |\n"
    )
    document = parse_document(text, lang="en", fmt="markdown")
    assert texts(document) == [
        "Before the table.",
        "Year",
        "Event",
        "2013",
        "The initiative.",
        "A caption right below.",
        "It goes on.",
        "Year",
        "2019",
        "| Not | a row of it |",
    ]
    assert_spans_exact(document)


def test_empty_cells_and_crlf_line_ends() -> None:
    text = "| Term |  | Note |\r\n|---|---|---|\r\n|  | x |   |\r\n| y | | z |\r\n"
    document = parse_document(text, lang="en", fmt="markdown")
    assert texts(document) == ["Term", "Note", "x", "y", "z"]
    assert_spans_exact(document)


def test_a_source_fix_in_a_cell_rewrites_only_that_cell() -> None:
    document = parse_document(AUDIT_TABLE, lang="en", fmt="markdown")
    cell = next(s for s in document.segments if s.text == "Belt and Road partners in 2019")
    start = cell.text.index("Belt and Road")
    edit = SourceEdit(cell.id, start, start + len("Belt and Road"), "Belt and Road Initiative")
    new_text, _aliases = apply_source_edits(document, [edit])
    assert "| Belt and Road Initiative partners in 2019 | 138 countries. |\n" in new_text
    assert texts(parse_document(new_text, lang="en", fmt="markdown"))[5] == (
        "Belt and Road Initiative partners in 2019"
    )
