"""Editions as Markdown and plain text: what goes into a repository, an e-mail or a CMS."""

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
        for block in edition.target_body():
            text = block_target(block, escape)
            heading = block.kind is SegmentKind.HEADING
            lines.append(f"{'#' * block.outline_level} {text}" if heading else text)
            lines.append("")
    else:
        lines.extend([f"# {_title(edition, edition.title)}", ""])
        in_table = False
        for block in edition.blocks:
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
    for block in edition.blocks:
        if not target_only:
            lines.append(block_source(block))
        lines.append(block_target(block))
        lines.append("")
    if edition.has_unreviewed:
        lines.append(UNREVIEWED_LEGEND)
    return "\n".join(lines).rstrip("\n") + "\n"


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
