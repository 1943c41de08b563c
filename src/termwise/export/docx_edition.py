"""Editions as Word documents: a two-column table for the bilingual one, as editors expect."""

from __future__ import annotations

import datetime
import io
from typing import Any

from termwise.document.model import SegmentKind
from termwise.export.edition import (
    MISSING,
    UNREVIEWED_LEGEND,
    UNREVIEWED_MARK,
    Edition,
    EditionBlock,
)
from termwise.export.text_formats import block_source, block_target
from termwise.project.tmx import xml_safe


def word_text(text: str) -> str:
    """``text`` as a Word run can hold it. A form feed is a PDF page break inside the
    sentence, a space on the page; other characters XML cannot carry appear as ``\\uXXXX``
    (as in TMX and XLIFF), where python-docx raised ValueError and no edition was written."""
    return xml_safe(text.replace("\f", " ").replace("\v", " "))


def docx_edition(edition: Edition, *, target_only: bool = False) -> bytes:
    import docx
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    properties = document.core_properties
    properties.title = word_text(edition.target_title if target_only else edition.title)
    properties.language = edition.target_lang
    # python-docx's template says it made the file, in 2013; Word shows that as the author.
    properties.author = properties.last_modified_by = ""
    properties.comments = f"Bilingual edition ({edition.source_lang} → {edition.target_lang})"
    if target_only:
        properties.comments = f"Translation into {edition.target_lang}"
    properties.created = properties.modified = datetime.datetime.now(datetime.timezone.utc)
    document.add_heading(word_text(edition.target_title if target_only else edition.title), level=1)
    if target_only:
        for block in edition.blocks:
            text = word_text(block_target(block))
            if block.kind is SegmentKind.HEADING:
                document.add_heading(text, level=2)
            else:
                paragraph = document.add_paragraph()
                _add_runs(paragraph, block, RGBColor)
    else:
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0].cells
        header[0].text = word_text(edition.source_name())
        header[1].text = word_text(edition.target_name())
        for cell in header:
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for block in edition.blocks:
            cells = table.add_row().cells
            if block.kind is SegmentKind.HEADING:
                for cell, text in (
                    (cells[0], block_source(block)),
                    (cells[1], block_target(block)),
                ):
                    run = cell.paragraphs[0].add_run(word_text(text))
                    run.bold = True
                    run.font.size = Pt(13)
            else:
                cells[0].paragraphs[0].add_run(word_text(block_source(block)))
                _add_runs(cells[1].paragraphs[0], block, RGBColor)
    if edition.has_unreviewed:
        note = document.add_paragraph()
        run = note.add_run(UNREVIEWED_LEGEND)
        run.italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_runs(paragraph: Any, block: EditionBlock, rgb: Any) -> None:
    # python-docx ships no type hints, hence Any for its objects.
    for index, item in enumerate(block.target_runs()):
        if index:
            paragraph.add_run(" ")
        if item is None or item.target is None:
            run = paragraph.add_run(MISSING)
            run.italic = True
        elif item.unreviewed:
            run = paragraph.add_run(word_text(item.target) + UNREVIEWED_MARK)
            run.italic = True
            run.font.color.rgb = rgb(0xB4, 0x5F, 0x06)
        else:
            paragraph.add_run(word_text(item.target))
