"""Editions as Word documents: a two-column table for the bilingual one, as editors expect.

The inline markup of a Markdown source becomes Word's own formatting (italic, bold, a
monospaced font for code); a link is its text, and no marker is printed.
"""

from __future__ import annotations

import datetime
import io
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
    if target_only:
        for block in edition.target_body():
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
        for block in edition.blocks:
            cells = table.add_row().cells
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
