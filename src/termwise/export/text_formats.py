"""Editions as Markdown and plain text: what goes into a repository, an e-mail or a CMS.

Neither format can put a table or a list beside another, so a bilingual edition prints the
source's table (list) and then the translation's, each whole: a table read by its grid and a
list by its numbering would not survive being cut into rows of one cell or one item.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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

# One side of the edition: a block's source text or its translation, as the format prints it.
BlockText = Callable[[EditionBlock], str]


def block_target(block: EditionBlock, escape: Callable[[str], str] = str) -> str:
    parts = []
    for item in block.target_runs():
        if item is None or item.target is None:
            parts.append(MISSING)
        elif item.unreviewed:
            parts.append(escape(item.target) + UNREVIEWED_MARK)
        else:
            parts.append(escape(item.target))
    return " ".join(parts)


def block_source(block: EditionBlock) -> str:
    return " ".join(item.segment.text for item in block.segments)


def markdown_edition(edition: Edition, *, target_only: bool = False) -> str:
    """Bilingual: each section's paragraphs in a two-column table under its headings."""
    escape = _markdown_source if edition.markdown else _md_escape
    lines: list[str] = []
    if target_only:
        title_block = edition.target_title_block
        if title_block is not None:
            title = block_target(title_block, escape)
        else:
            title = _title(edition, edition.target_title)
        lines.extend([f"# {title}", ""])
        for block in edition_parts(edition.target_body()):
            if not isinstance(block, EditionBlock):
                lines.extend(_markdown_part(block, _target_text(escape), edition.markdown))
                lines.append("")
                continue
            text = block_target(block, escape)
            heading = block.kind is SegmentKind.HEADING
            lines.append(f"{'#' * block.outline_level} {text}" if heading else text)
            lines.append("")
    else:
        lines.extend([f"# {_title(edition, edition.title)}", ""])
        in_table = False
        for block in edition_parts(edition.blocks):
            if not isinstance(block, EditionBlock):
                if in_table:
                    lines.append("")
                    in_table = False
                lines.extend(_markdown_part(block, _source_text(escape), edition.markdown))
                lines.append("")
                # Other markers for the translation's list: CommonMark would make one list
                # of two with the same markers and only a blank line between them.
                translation = _target_text(escape)
                lines.extend(
                    _markdown_part(block, translation, edition.markdown, other_markers=True)
                )
                lines.append("")
                continue
            if block.kind is SegmentKind.HEADING:
                if in_table:
                    lines.append("")
                    in_table = False
                marks = "#" * block.outline_level
                lines.append(f"{marks} {escape(block_source(block))}")
                lines.append(f"{marks} {block_target(block, escape)}")
                lines.append("")
                continue
            if not in_table:
                lines.append(f"| {edition.source_name()} | {edition.target_name()} |")
                lines.append("| --- | --- |")
                in_table = True
            source = _cell(escape(block_source(block)), edition.markdown)
            target = _cell(block_target(block, escape), edition.markdown)
            lines.append(f"| {source} | {target} |")
        if in_table:
            lines.append("")
    if edition.has_unreviewed:
        lines.extend([f"*{UNREVIEWED_LEGEND}*", ""])
    return "\n".join(lines).rstrip("\n") + "\n"


def text_edition(edition: Edition, *, target_only: bool = False) -> str:
    """Plain text: headings and paragraphs; bilingual shows each source paragraph first."""
    lines: list[str] = []
    for block in edition_parts(edition.blocks):
        if not isinstance(block, EditionBlock):
            sides = [block_target] if target_only else [block_source, block_target]
            for text_of in sides:
                lines.extend(_text_part(block, text_of))
                lines.append("")
            continue
        if not target_only:
            lines.append(block_source(block))
        lines.append(block_target(block))
        lines.append("")
    if edition.has_unreviewed:
        lines.append(UNREVIEWED_LEGEND)
    return "\n".join(lines).rstrip("\n") + "\n"


def _source_text(escape: Callable[[str], str]) -> BlockText:
    return lambda block: escape(block_source(block))


def _target_text(escape: Callable[[str], str]) -> BlockText:
    return lambda block: block_target(block, escape)


def _markdown_part(
    part: TablePart | ListPart, text_of: BlockText, markdown: bool, *, other_markers: bool = False
) -> list[str]:
    """A pipe table (its first row the header row a pipe table must have) or a list, with
    ``other_markers`` "*" and "1)" instead of "-" and "1."."""
    if isinstance(part, ListPart):
        return _list_lines(part, text_of, other_markers=other_markers)
    lines: list[str] = []
    for index, row in enumerate(part.rows):
        cells = [_cell(_cell_text(cell, text_of), markdown) for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + " --- |" * len(row))
    return lines


def _text_part(part: TablePart | ListPart, text_of: BlockText) -> list[str]:
    """A table as one line a row, its cells between " | "; a list as a Markdown one."""
    if isinstance(part, ListPart):
        return _list_lines(part, text_of)
    return [" | ".join(_cell_text(cell, text_of) for cell in row).rstrip() for row in part.rows]


def _list_lines(
    part: ListPart, text_of: BlockText, indent: str = "", *, other_markers: bool = False
) -> list[str]:
    """One line an item, "- " or "3. " before it; a nested list under its item's text."""
    bullet, delimiter = ("*", ")") if other_markers else ("-", ".")
    lines: list[str] = []
    for entry in part.entries:
        marker = f"{entry.number}{delimiter}" if entry.number is not None else bullet
        lines.append(f"{indent}{marker} {text_of(entry.block)}")
        for child in entry.children:
            nested = indent + " " * (len(marker) + 1)
            lines.extend(_list_lines(child, text_of, nested, other_markers=other_markers))
    return lines


def _cell_text(parts: list[CellPart], text_of: BlockText) -> str:
    """A cell on one line: its paragraphs and list items one after another."""
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, EditionBlock):
            pieces.append(text_of(part))
        else:
            pieces.extend(line.strip() for line in _list_lines(part, text_of))
    return " ".join(pieces)


def _title(edition: Edition, title: str) -> str:
    return _markdown_source(title) if edition.title_is_markdown else _md_escape(title)


def _md_escape(text: str) -> str:
    # Characters that would turn sentence text into Markdown emphasis, code or HTML.
    for char in ("\\", "`", "*", "_", "<", ">"):
        text = text.replace(char, "\\" + char)
    return _escape_heading_mark(text)


_RAW_HTML = {"<": "\\<", ">": "\\>"}


def _markdown_source(text: str) -> str:
    """Text of a Markdown source as the Markdown it is, but for raw HTML: the HTML edition
    shows that as text, so it is escaped to show as text here too."""
    return _escape_heading_mark(
        markdown_inline.escape_literal(text, markdown_inline.parse(text), _RAW_HTML)
    )


def _escape_heading_mark(text: str) -> str:
    return "\\" + text if text.startswith("#") else text


# A pipe no backslash escapes; an escaped one is already cell text in a Markdown source.
_BARE_PIPE = re.compile(r"(?<!\\)\|")


def _cell(text: str, markdown: bool) -> str:
    text = text.replace("\n", " ")
    if markdown:
        return _BARE_PIPE.sub(r"\\|", text)
    return text.replace("|", "\\|")
