"""Editions as Word documents: a two-column table for the bilingual one, as editors expect.

The inline markup of a Markdown source becomes Word's own formatting (italic, bold, a
monospaced font for code); a link is its text, and no marker is printed. A table of the
source is a Word table, in the bilingual edition one in each column of its row (as in the
HTML edition, each language's table whole); a list is paragraphs in Word's "List Bullet" and
"List Number" styles, each numbered list restarting where the source's starts.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from termwise.document.model import SegmentKind
from termwise.export import markdown_inline
from termwise.export.edition import (
    MISSING,
    UNREVIEWED_LEGEND,
    UNREVIEWED_MARK,
    Edition,
    EditionBlock,
)
from termwise.export.layout import CellPart, ListPart, TablePart, edition_parts
from termwise.project.tmx import xml_safe

UNREVIEWED_COLOUR = (0xB4, 0x5F, 0x06)
CODE_FONT = "Consolas"


def word_text(text: str) -> str:
    """``text`` as a Word run can hold it. A form feed is a PDF page break inside the
    sentence, a space on the page; other characters XML cannot carry appear as ``\\uXXXX``
    (as in TMX and XLIFF), where python-docx raised ValueError and no edition was written."""
    return xml_safe(text.replace("\f", " ").replace("\v", " "))


@dataclass(frozen=True)
class _Style:
    """How the runs of one piece of an edition look, before the markup adds to it."""

    bold: bool = False
    italic: bool = False
    size: Any = None  # a docx.shared.Length; python-docx ships no type hints
    colour: tuple[int, int, int] | None = None


def docx_edition(edition: Edition, *, target_only: bool = False) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    properties = document.core_properties
    title = edition.target_title if target_only else edition.title
    plain_title = markdown_inline.plain_text(title) if edition.title_is_markdown else title
    properties.title = word_text(plain_title)
    properties.language = edition.target_lang
    # python-docx's template says it made the file, in 2013; Word shows that as the author.
    properties.author = properties.last_modified_by = ""
    properties.comments = f"Bilingual edition ({edition.source_lang} → {edition.target_lang})"
    if target_only:
        properties.comments = f"Translation into {edition.target_lang}"
    properties.created = properties.modified = datetime.datetime.now(datetime.timezone.utc)
    markdown = edition.markdown
    title_block = edition.target_title_block if target_only else None
    heading = document.add_heading(level=1)
    if title_block is not None:
        # The body leaves the title out: the heading shows what its paragraph would have.
        _add_target(heading, title_block, markdown, _Style())
    else:
        _add_text(heading, title, edition.title_is_markdown, _Style())

    # The two sides, for the tables and lists that print either.
    def add_source(paragraph: Any, block: EditionBlock, style: _Style) -> None:
        _add_source(paragraph, block, markdown, style)

    def add_target(paragraph: Any, block: EditionBlock, style: _Style) -> None:
        _add_target(paragraph, block, markdown, style)

    if target_only:
        after_table = False
        for block in edition_parts(edition.target_body()):
            if isinstance(block, TablePart):
                if after_table:
                    # Two tables with nothing between them are one table to Word.
                    document.add_paragraph()
                _add_table(document, document, block, add_target, markdown)
                after_table = True
                continue
            after_table = False
            if isinstance(block, ListPart):
                _add_list(document, document, block, add_target)
                continue
            if block.kind is SegmentKind.HEADING:
                paragraph = document.add_heading(level=block.outline_level)
            else:
                paragraph = document.add_paragraph()
            _add_target(paragraph, block, markdown, _Style())
    else:
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0].cells
        header[0].text = word_text(edition.source_name())
        header[1].text = word_text(edition.target_name())
        for cell in header:
            for run in cell.paragraphs[0].runs:
                run.bold = True
        # In a table Word's heading styles do not apply: the outline shows as type sizes.
        heading_sizes = {2: Pt(13), 3: Pt(12)}
        for block in edition_parts(edition.blocks):
            cells = table.add_row().cells
            if not isinstance(block, EditionBlock):
                for cell, add in ((cells[0], add_source), (cells[1], add_target)):
                    if isinstance(block, TablePart):
                        _add_table(document, cell, block, add, markdown)
                    else:
                        _add_list(document, cell, block, add, first=cell.paragraphs[0])
                continue
            style = (
                _Style(bold=True, size=heading_sizes.get(block.outline_level, Pt(11)))
                if block.kind is SegmentKind.HEADING
                else _Style()
            )
            _add_source(cells[0].paragraphs[0], block, markdown, style)
            _add_target(cells[1].paragraphs[0], block, markdown, style)
    if edition.has_unreviewed:
        note = document.add_paragraph()
        run = note.add_run(UNREVIEWED_LEGEND)
        run.italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# python-docx ships no type hints, hence Any for its objects.

# Adds one side of the edition (a block's source or its translation) to a paragraph.
AddBlock = Callable[[Any, EditionBlock, _Style], None]
# Word's list styles go three levels deep; deeper items take the deepest.
_LIST_DEPTHS = 3


def _add_table(
    document: Any, container: Any, part: TablePart, add: AddBlock, markdown: bool
) -> None:
    """A Word table in ``container`` (the document, or a cell of the edition's table)."""
    table = container.add_table(rows=len(part.rows), cols=max(part.columns, 1))
    table.style = "Table Grid"
    if container is not document:
        # A cell comes with an empty paragraph, which would stand above the table; Word
        # needs one after it, which python-docx has just added.
        first = container.paragraphs[0]._p
        if not first.xpath("string(.)") and first.getnext() is table._tbl:
            first.getparent().remove(first)
    for row_index, row in enumerate(part.rows):
        for column, parts in enumerate(row):
            # A Markdown table's first row is its header row.
            style = _Style(bold=markdown and row_index == 0)
            _fill_cell(document, table.cell(row_index, column), parts, add, style)


def _fill_cell(
    document: Any, cell: Any, parts: list[CellPart], add: AddBlock, style: _Style
) -> None:
    paragraph = cell.paragraphs[0]
    for index, part in enumerate(parts):
        if isinstance(part, ListPart):
            _add_list(document, cell, part, add, first=paragraph if index == 0 else None)
            continue
        if index:
            paragraph = cell.add_paragraph()
        block_style = _with(style, bold=True) if part.kind is SegmentKind.HEADING else style
        add(paragraph, part, block_style)


def _add_list(
    document: Any, container: Any, part: ListPart, add: AddBlock, first: Any = None
) -> None:
    """Each item a paragraph in a list style; a numbered list gets a numbering of its own,
    or Word would count on from the document's previous numbered list (the source's
    column into the translation's)."""
    depth = min(max(part.depth, 1), _LIST_DEPTHS)
    name = "List Number" if part.ordered else "List Bullet"
    if depth > 1:
        name += f" {depth}"
    num_id = _restarted_numbering(document, name, part.start) if part.ordered else None
    for entry in part.entries:
        paragraph = first if first is not None else container.add_paragraph()
        first = None
        paragraph.style = document.styles[name]
        if num_id is not None:
            # python-docx has no API for a paragraph's numbering: its own element it is.
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = num_id
        style = _Style(bold=entry.block.kind is SegmentKind.HEADING)
        add(paragraph, entry.block, style)
        for child in entry.children:
            _add_list(document, container, child, add)


def _restarted_numbering(document: Any, style_name: str, start: int) -> int | None:
    """A new numbering instance of the one the list style ``style_name`` uses, starting at
    ``start``; None where the template's style has no numbering to copy."""
    numbering_properties = document.styles[style_name].element.pPr
    style_numbering = None if numbering_properties is None else numbering_properties.numPr
    if style_numbering is None or style_numbering.numId is None:
        return None
    numbering = document.part.numbering_part.element
    instance = numbering.num_having_numId(style_numbering.numId.val)
    restarted = numbering.add_num(instance.abstractNumId.val)
    restarted.add_lvlOverride(ilvl=0).add_startOverride(start)
    return int(restarted.numId)


def _add_source(paragraph: Any, block: EditionBlock, markdown: bool, style: _Style) -> None:
    for index, item in enumerate(block.segments):
        if index:
            paragraph.add_run(" ")
        _add_text(paragraph, item.segment.text, markdown, style)


def _add_target(paragraph: Any, block: EditionBlock, markdown: bool, style: _Style) -> None:
    for index, item in enumerate(block.target_runs()):
        if index:
            paragraph.add_run(" ")
        if item is None or item.target is None:
            _add_text(paragraph, MISSING, False, _with(style, italic=True))
        elif item.unreviewed:
            unreviewed = _with(style, italic=True, colour=UNREVIEWED_COLOUR)
            _add_text(paragraph, item.target, markdown, unreviewed)
            _add_text(paragraph, UNREVIEWED_MARK, False, unreviewed)
        else:
            _add_text(paragraph, item.target, markdown, style)


def _with(style: _Style, **changes: Any) -> _Style:
    return replace(style, **changes)


def _add_text(paragraph: Any, text: str, markdown: bool, style: _Style) -> None:
    """``text`` as runs: one per piece of a Markdown text, formatted as its markup says."""
    if not markdown:
        _add_run(paragraph, text, style, code=False)
        return
    for leaf, kinds in markdown_inline.styled_leaves(markdown_inline.parse(text)):
        piece = _with(
            style,
            bold=style.bold or "strong" in kinds,
            italic=style.italic or "em" in kinds,
        )
        _add_run(paragraph, leaf.text, piece, code=isinstance(leaf, markdown_inline.Code))


def _add_run(paragraph: Any, text: str, style: _Style, *, code: bool) -> None:
    from docx.shared import RGBColor

    run = paragraph.add_run(word_text(text))
    if style.bold:
        run.bold = True
    if style.italic:
        run.italic = True
    if style.size is not None:
        run.font.size = style.size
    if style.colour is not None:
        run.font.color.rgb = RGBColor(*style.colour)
    if code:
        run.font.name = CODE_FONT
