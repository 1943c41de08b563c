"""Editions as Markdown and plain text: what goes into a repository, an e-mail or a CMS."""

from __future__ import annotations

from collections.abc import Callable

from termwise.document.model import SegmentKind
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
    lines: list[str] = []
    if target_only:
        for block in edition.blocks:
            text = block_target(block, _md_escape)
            lines.append(f"## {text}" if block.kind is SegmentKind.HEADING else text)
            lines.append("")
    else:
        lines.extend([f"# {_md_escape(edition.title)}", ""])
        in_table = False
        for block in edition.blocks:
            if block.kind is SegmentKind.HEADING:
                if in_table:
                    lines.append("")
                    in_table = False
                lines.append(f"## {_md_escape(block_source(block))}")
                lines.append(f"## {block_target(block, _md_escape)}")
                lines.append("")
                continue
            if not in_table:
                lines.append(f"| {edition.source_name()} | {edition.target_name()} |")
                lines.append("| --- | --- |")
                in_table = True
            source = _cell(_md_escape(block_source(block)))
            lines.append(f"| {source} | {_cell(block_target(block, _md_escape))} |")
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


def _md_escape(text: str) -> str:
    # Characters that would turn sentence text into Markdown emphasis, code or HTML.
    for char in ("\\", "`", "*", "_", "<", ">"):
        text = text.replace(char, "\\" + char)
    if text.startswith("#"):
        text = "\\" + text
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
