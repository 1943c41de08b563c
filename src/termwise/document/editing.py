"""Editing the source document without losing segment ids.

A terminology fix changes a segment's text, and a content-based id would change with it,
orphaning the segment's reviewed translation. ``apply_source_edits`` therefore returns,
beside the new file text, aliases (new content id → the id the segment had) that the caller
saves in ``translations/<stem>.ids.json`` and passes back to ``load_document``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from termwise.atomic import write_atomic
from termwise.document.ids import content_ids
from termwise.document.model import Document
from termwise.document.reading import parse_document
from termwise.errors import InputError, TermwiseError
from termwise.json_files import read_json


@dataclass(frozen=True)
class SourceEdit:
    """Replace ``[start, end)`` of a segment's text (not of the file) with ``replacement``."""

    segment_id: str
    start: int
    end: int
    replacement: str


def apply_source_edits(
    document: Document, edits: Sequence[SourceEdit]
) -> tuple[str, dict[str, str]]:
    """Apply ``edits`` to the document's file text.

    Returns the new file text and the id aliases to add so that each edited segment keeps its
    id. Edits may not overlap. Only plain text and Markdown can be edited this way.
    """
    if document.fmt not in ("text", "markdown"):
        raise TermwiseError(f"termwise cannot edit {document.fmt} sources; edit the file itself")
    replacements: list[tuple[int, int, str, str]] = []
    for edit in edits:
        segment = document.segment(edit.segment_id)
        if not 0 <= edit.start <= edit.end <= len(segment.text):
            raise ValueError(f"edit {edit} lies outside segment {segment.id!r}")
        source_start, source_end = segment.to_source(edit.start, edit.end)
        replacements.append((source_start, source_end, edit.replacement, segment.id))
    replacements.sort()
    for (_, end, _, _), (start, _, _, _) in zip(replacements, replacements[1:], strict=False):
        if start < end:
            raise ValueError("source edits overlap")
    pieces: list[str] = []
    position = 0
    for start, end, replacement, _ in replacements:
        pieces.append(document.text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(document.text[position:])
    new_text = "".join(pieces)
    return new_text, _aliases_for(document, new_text, replacements)


def _aliases_for(
    document: Document, new_text: str, replacements: list[tuple[int, int, str, str]]
) -> dict[str, str]:
    """Content id of each edited segment in the new text → the id it had."""
    new_document = parse_document(
        new_text, lang=document.lang, path=document.path, fmt=document.fmt
    )
    new_ids = content_ids(segment.text for segment in new_document.segments)
    aliases: dict[str, str] = {}
    edited = {segment_id for *_, segment_id in replacements}
    for segment_id in edited:
        old = document.segment(segment_id)
        new_start = _shift(old.start, replacements)
        # The edited segment is the one that now starts where the old one started (an edit at
        # its very start moves nothing before it).
        for new_segment, new_id in zip(new_document.segments, new_ids, strict=True):
            if new_segment.start <= new_start < max(new_segment.end, new_segment.start + 1):
                if new_id != segment_id:
                    aliases[new_id] = segment_id
                break
    return aliases


def _shift(offset: int, replacements: list[tuple[int, int, str, str]]) -> int:
    shifted = offset
    for start, end, replacement, _ in replacements:
        if end <= offset and start < offset:
            shifted += len(replacement) - (end - start)
        elif start < offset < end:
            shifted = shifted - (offset - start)
    return shifted


def load_id_aliases(path: str | Path) -> dict[str, str]:
    """Read ``translations/<stem>.ids.json``; a missing file is an empty map."""
    alias_path = Path(path)
    if not alias_path.exists():
        return {}
    data = read_json(alias_path, "a segment id alias file")
    if not isinstance(data, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in data.items()
    ):
        raise InputError("not a segment id alias file: expected an object of strings", alias_path)
    return data


def save_id_aliases(path: str | Path, aliases: Mapping[str, str]) -> None:
    """Write the alias map atomically, keeping the previous file as a backup."""
    payload = json.dumps(dict(aliases), ensure_ascii=False, indent=1) + "\n"
    write_atomic(path, payload, backup=True)
