"""Where each paragraph stands: the table cell (table, row, column) or the list item (kind,
number, depth) that the editions need to print tables and lists as such.

The readers drop a list marker from the text, and always did: segment texts and ids (which
translations are keyed by) must stay what they were.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import cache, load_document, parse_document
from termwise.document.model import Document, ListItem, TableCell
from termwise.document.resegmentation import join_segments, split_segment

PAPER = """# Figures

Intro text.

| Period | | Partners |
|---|---|---|
| Since 2013 | Grew. Fast. | 138 |

- Trade grew.
- Investment grew,
  lazily continued.
  - Ports were built.
    - Deep down.
  - Roads too.
- Back at the top.

3. Third.
7) Fourth.

A paragraph ends the list.

| Second |
|---|
| table |
"""


def bullet(depth: int, marker: str = "-") -> ListItem:
    return ListItem(ordered=False, number=None, depth=depth, marker=marker)


def places(document: Document) -> list[tuple[str, TableCell | None, ListItem | None]]:
    return [(s.text, s.cell, s.list_item) for s in document.segments]


def test_markdown_table_cells_and_list_items() -> None:
    document = parse_document(PAPER, lang="en", fmt="markdown")
    assert places(document) == [
        ("Figures", None, None),
        ("Intro text.", None, None),
        ("Period", TableCell(1, 0, 0), None),
        # The empty header cell keeps its column.
        ("Partners", TableCell(1, 0, 2), None),
        ("Since 2013", TableCell(1, 1, 0), None),
        ("Grew.", TableCell(1, 1, 1), None),
        ("Fast.", TableCell(1, 1, 1), None),
        ("138", TableCell(1, 1, 2), None),
        ("Trade grew.", None, bullet(1)),
        ("Investment grew, lazily continued.", None, bullet(1)),
        ("Ports were built.", None, bullet(2)),
        ("Deep down.", None, bullet(3)),
        ("Roads too.", None, bullet(2)),
        ("Back at the top.", None, bullet(1)),
        ("Third.", None, ListItem(ordered=True, number=3, depth=1, marker=".")),
        ("Fourth.", None, ListItem(ordered=True, number=7, depth=1, marker=")")),
        ("A paragraph ends the list.", None, None),
        ("Second", TableCell(2, 0, 0), None),
        ("table", TableCell(2, 1, 0), None),
    ]
    for segment in document.segments:
        # Spans stay exact (a wrapped item's lines joined by a space).
        assert " ".join(document.text[segment.start : segment.end].split()) == segment.text


def test_markdown_structure_changes_no_text_or_id() -> None:
    # The same paragraphs without any table or list syntax give the same ids: the marker
    # was never part of the text, and a cell's text is the cell's.
    document = parse_document(PAPER, lang="en", fmt="markdown")
    heading = document.segments[0]
    assert (heading.level, heading.cell, heading.list_item) == (1, None, None)
    plain = parse_document(
        "- Trade grew.\n\n* Trade grew.\n\n12. Trade grew.\n", lang="en", fmt="markdown"
    )
    assert [s.text for s in plain.segments] == ["Trade grew."] * 3
    assert [s.list_item for s in plain.segments] == [
        bullet(1),
        bullet(1, "*"),
        ListItem(ordered=True, number=12, depth=1, marker="."),
    ]


def test_a_setext_underline_makes_an_item_a_heading_not_an_item() -> None:
    document = parse_document("- a\n- b\n---\n\nText.\n", lang="en", fmt="markdown")
    assert [(s.kind.value, s.text, s.list_item) for s in document.segments] == [
        ("sentence", "a", bullet(1)),
        ("heading", "b", None),
        ("sentence", "Text.", None),
    ]


def test_quoted_lists_and_wide_markers() -> None:
    # An item is nested where its marker stands under its parent's text: column 5 after
    # "10.  ", not column 4.
    text = "> - quoted\n>   - nested\n\n10.  Ten.\n     - under ten\n    - not under ten\n"
    document = parse_document(text, lang="en", fmt="markdown")
    assert places(document) == [
        ("quoted", None, bullet(1)),
        ("nested", None, bullet(2)),
        ("Ten.", None, ListItem(ordered=True, number=10, depth=1, marker=".")),
        ("under ten", None, bullet(2)),
        ("not under ten", None, bullet(1)),
    ]


def test_plain_text_gets_no_structure() -> None:
    text = "Some sentence that opens the text.\n• A bullet item.\n1. A numbered line.\n"
    document = parse_document(text, lang="en")
    assert all(s.cell is None and s.list_item is None for s in document.segments)


# --- Word -------------------------------------------------------------------------------------


def word_paper(path: Path) -> Path:
    import docx
    from docx.oxml.parser import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    word = docx.Document()
    word.add_heading("Figures", level=1)
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Spanning"
    table.cell(0, 2).text = "Right"
    table.cell(1, 0).text = "Row one."
    table.cell(1, 1).paragraphs[0].text = "Listed in a cell"
    table.cell(1, 1).paragraphs[0].style = "List Bullet"
    inner = table.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Inner left"
    inner.cell(0, 1).text = "Inner right"
    word.add_paragraph("One.", style="List Number")
    word.add_paragraph("Nested.", style="List Bullet 2")
    word.add_paragraph("Two.", style="List Number")
    unnumbered = word.add_paragraph("Numbering taken away.", style="List Number")
    unnumbered._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 0
    # numbering.xml of python-docx's template: numId 5 is decimal, numId 1 a bullet.
    numbering = word.part.numbering_part.element
    restarted = numbering.add_num(7)  # the abstract numbering numId 5 uses, from 4 on
    restarted.add_lvlOverride(ilvl=0).add_startOverride(4)
    body = word.element.body
    for num_id, ilvl, text in (
        (restarted.numId, 0, "Fourth."),
        (restarted.numId, 0, "Fifth."),
        (1, 1, "A bullet at level two."),
        (99, 0, "Unknown numbering."),
    ):
        body[-1].addprevious(
            parse_xml(
                f'<w:p {w}><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                f"</w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            )
        )
    word.add_heading("2. A heading numbered by its style is no list item", level=1)
    second = word.add_table(rows=1, cols=1)
    second.cell(0, 0).text = "Second table."
    path = path / "paper.docx"
    word.save(str(path))
    return path


def test_word_table_cells_and_list_items(tmp_path: Path) -> None:
    document = load_document(word_paper(tmp_path))
    # Word's "List Number" writes "%1.": its delimiter is the full stop.
    number = ListItem(ordered=True, number=1, depth=1, marker=".")
    assert places(document) == [
        ("Figures", None, None),
        ("Spanning", TableCell(1, 0, 0), None),
        # The merged cell spans columns 0 and 1.
        ("Right", TableCell(1, 0, 2), None),
        ("Row one.", TableCell(1, 1, 0), None),
        ("Listed in a cell", TableCell(1, 1, 1), bullet(1, "")),
        # A table in a cell is read into that cell.
        ("Inner left", TableCell(1, 2, 2), None),
        ("Inner right", TableCell(1, 2, 2), None),
        ("One.", None, number),
        # "List Bullet 2" is a level of its own numbering; its name says the depth.
        ("Nested.", None, bullet(2, "")),
        ("Two.", None, ListItem(ordered=True, number=2, depth=1, marker=".")),
        ("Numbering taken away.", None, None),
        ("Fourth.", None, ListItem(ordered=True, number=4, depth=1, marker=".")),
        ("Fifth.", None, ListItem(ordered=True, number=5, depth=1, marker=".")),
        ("A bullet at level two.", None, bullet(2, "")),
        # Numbering the document does not define: a bullet, never an invented number.
        ("Unknown numbering.", None, bullet(1, "")),
        ("2. A heading numbered by its style is no list item", None, None),
        ("Second table.", TableCell(2, 0, 0), None),
    ]


def test_word_structure_changes_no_text(tmp_path: Path) -> None:
    from termwise.document.docx_reader import read_docx

    # Word's numbering is no part of a paragraph's text, and stays out of it.
    text, headings = read_docx(word_paper(tmp_path))
    lines = text.split("\n")
    assert lines[lines.index("One.") : lines.index("One.") + 3] == ["One.", "Nested.", "Two."]
    assert headings == {0: 1, lines.index("2. A heading numbered by its style is no list item"): 1}


# --- carried along ----------------------------------------------------------------------------


def test_the_cache_keeps_cells_and_list_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "paper.md"
    path.write_text(PAPER, encoding="utf-8")
    first = load_document(path)
    key = cache.cache_key(
        path.read_bytes(), lang=None, encoding=None, fmt="markdown", id_aliases=None
    )
    stored = cache.read(key)
    assert stored is not None
    assert stored[2] == first.segments
    assert places(load_document(path)) == places(first)
    # An entry written before cells and lists were kept has rows of another shape.
    payload = json.loads(cache.cache_path(key).read_text(encoding="utf-8"))
    assert payload["version"] == cache.VERSION >= 3
    payload["segments"] = [row[:12] for row in payload["segments"]]
    cache.cache_path(key).write_text(json.dumps(payload), encoding="utf-8")
    assert cache.read(key) is None


def test_split_and_joined_segments_keep_their_place() -> None:
    document = parse_document(PAPER, lang="en", fmt="markdown")
    grew, fast = (s for s in document.segments if s.text in ("Grew.", "Fast."))
    joined = join_segments(grew, fast)
    assert joined.cell == TableCell(1, 1, 1)
    item = next(s for s in document.segments if s.text.startswith("Investment"))
    assert {part.list_item for part in split_segment(item, [18])} == {bullet(1)}


def test_segments_json_names_cells_and_list_items_only_where_there_are_some(
    tmp_path: Path,
) -> None:
    path = tmp_path / "paper.md"
    path.write_text(PAPER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["segments", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["text"]: row for row in json.loads(result.output)}
    assert "cell" not in rows["Intro text."] and "list_item" not in rows["Intro text."]
    assert rows["Partners"]["cell"] == {"table": 1, "row": 0, "column": 2}
    third = {"ordered": True, "number": 3, "depth": 1, "numbering": "decimal"}
    assert rows["Third."]["list_item"] == third
    bullet = {"ordered": False, "number": None, "depth": 1, "numbering": "bullet"}
    assert rows["Trade grew."]["list_item"] == bullet


def test_a_wrapped_line_starting_with_a_number_goes_on_with_its_paragraph() -> None:
    # In CommonMark only a list starting at 1 interrupts a paragraph: "the end of" /
    # "2020. That year" was cut in two, and "2020." dropped as a list marker.
    text = (
        "The survey ran until the end of\n2020. That year was hard.\n\nSteps:\n1. One.\n2. Two.\n"
    )
    segments = parse_document(text, lang="en", fmt="markdown").segments
    assert [(s.text, s.list_item) for s in segments] == [
        ("The survey ran until the end of 2020.", None),
        ("That year was hard.", None),
        ("Steps:", None),
        ("One.", ListItem(ordered=True, number=1, depth=1, marker=".")),
        ("Two.", ListItem(ordered=True, number=2, depth=1, marker=".")),
    ]
    # An item's second paragraph is no paragraph "2." goes on with: the list goes on.
    text = "1. Fill the bottle.\n\n   Use gloves.\n2. Seal it.\n3. Ship it.\n"
    segments = parse_document(text, lang="en", fmt="markdown").segments
    assert [(s.text, s.list_item and s.list_item.number) for s in segments] == [
        ("Fill the bottle.", 1),
        ("Use gloves.", None),
        ("Seal it.", 2),
        ("Ship it.", 3),
    ]
