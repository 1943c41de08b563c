"""Joins and splits a translator made where the automatic segmentation was wrong.

They are kept per document in ``translations/<stem>.segmentation.json`` and applied to the
document by every command that reads it for a project (``project.translations.load_source``)
as well as by the workbench, so the translation file (whose entries are keyed by segment id)
keeps matching the segments the translator works on. The first part of a join
or split keeps the original id (and so its translation and review); a split's later parts
get ids derived from the original id and the split offset, which stay stable as long as the
segment's text does.

``termwise align`` records the joins it makes for its groups of two or three sentences here
too, among ``joins`` (so every command and the workbench apply them alike), and names them
in ``aligned_joins``, per target language: aligning into that language again starts from the
source without them, keeping the translator's own (a file written before they were told
apart has no ``aligned_joins``).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

from termwise import languages
from termwise.atomic import write_atomic
from termwise.document.model import Document, OffsetMap, Segment
from termwise.errors import InputError
from termwise.json_files import read_json


@dataclass
class Resegmentation:
    """Splits (segment id → offsets into its text) and joins (pairs of adjacent ids), and
    which of the joins an alignment into each target language made (``aligned``: None where
    the file does not say)."""

    path: Path
    splits: dict[str, list[int]] = field(default_factory=dict)
    joins: list[tuple[str, str]] = field(default_factory=list)
    aligned: dict[str, list[tuple[str, str]]] | None = None

    @classmethod
    def load(cls, path: Path) -> Resegmentation:
        if not path.exists():
            return cls(path)
        data = read_json(path, "a segmentation override file")
        splits = data.get("splits", {}) if isinstance(data, dict) else None
        joins = data.get("joins", []) if isinstance(data, dict) else None
        aligned = data.get("aligned_joins", {}) if isinstance(data, dict) else None
        if not (
            _are_splits(splits)
            and _are_joins(joins)
            and isinstance(aligned, dict)
            and all(_are_joins(pairs) for pairs in aligned.values())
        ):
            raise InputError(
                "not a segmentation override file: expected "
                '{"splits": {id: [offset, ...]}, "joins": [[id, id], ...]}',
                path,
            )
        pairs = [(first, second) for first, second in joins]
        return cls(
            path,
            {key: sorted(cuts) for key, cuts in splits.items()},
            pairs,
            {
                lang: [(first, second) for first, second in made if (first, second) in set(pairs)]
                for lang, made in aligned.items()
            }
            if "aligned_joins" in data
            else None,
        )

    def save(self) -> None:
        payload: dict[str, object] = {
            "splits": self.splits,
            "joins": [list(pair) for pair in self.joins],
        }
        if self.aligned is not None:
            # A join the workbench split again is no one's any more: one the translator
            # makes there later is theirs.
            joins = set(self.joins)
            self.aligned = {
                lang: [pair for pair in made if pair in joins]
                for lang, made in self.aligned.items()
                if any(pair in joins for pair in made)
            }
            payload["aligned_joins"] = {
                lang: [list(pair) for pair in made] for lang, made in self.aligned.items()
            }
        write_atomic(self.path, json.dumps(payload, indent=1) + "\n", backup=True)

    def apply(self, document: Document) -> Document:
        """The document with these splits and joins; unknown ids are ignored."""
        if not self.splits and not self.joins:
            return document
        segments: list[Segment] = []
        for segment in document.segments:
            offsets = self.splits.get(segment.id)
            segments.extend(split_segment(segment, offsets) if offsets else [segment])
        for first_id, second_id in self.joins:
            for index in range(len(segments) - 1):
                if segments[index].id == first_id and segments[index + 1].id == second_id:
                    joined = join_segments(segments[index], segments[index + 1], document.lang)
                    segments[index : index + 2] = [joined]
                    break
        return dataclasses.replace(document, segments=segments, _by_id={}, _line_starts=[])


def _are_splits(value: object) -> TypeGuard[dict[str, list[int]]]:
    """Segment id → offsets, each a whole number from 0."""
    return isinstance(value, dict) and all(
        isinstance(cuts, list)
        and all(isinstance(cut, int) and not isinstance(cut, bool) and cut >= 0 for cut in cuts)
        for cuts in value.values()
    )


def _are_joins(value: object) -> TypeGuard[list[list[str]]]:
    """Pairs of segment ids."""
    return isinstance(value, list) and all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(i, str) for i in pair)
        for pair in value
    )


def _offsets(segment: Segment) -> OffsetMap:
    if isinstance(segment.offsets, OffsetMap):
        return segment.offsets
    if segment.offsets:
        return OffsetMap.from_offsets(segment.offsets)
    return OffsetMap([(0, segment.start)], len(segment.text))


def split_segment(segment: Segment, cuts: list[int]) -> list[Segment]:
    """``segment`` cut at each offset of ``cuts`` (offsets into its text)."""
    offsets = _offsets(segment)
    bounds = [0, *[c for c in cuts if 0 < c < len(segment.text)], len(segment.text)]
    parts: list[Segment] = []
    for number, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        raw = segment.text[start:end]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if not text:
            continue
        part_offsets = offsets.sub(start + lead, start + lead + len(text))
        source_start = part_offsets[0]
        source_end = part_offsets[len(text) - 1] + 1
        parts.append(
            Segment(
                id=segment.id if number == 0 else f"{segment.id}.s{start}",
                kind=segment.kind,
                text=text,
                line=segment.line,
                column=segment.column,
                paragraph=segment.paragraph,
                start=source_start,
                end=source_end,
                offsets=part_offsets,
                level=segment.level,
                cell=segment.cell,
                list_item=segment.list_item,
                quote_depth=segment.quote_depth,
                quotes=segment.quotes,
                item_depth=segment.item_depth,
            )
        )
    return parts


def join_segments(first: Segment, second: Segment, lang: str = "und") -> Segment:
    """One segment of two adjacent ones of a text in ``lang``, joined as sentences of it
    (``languages.join_sentences``: no space after a Chinese or Japanese sentence, which
    read "第一句。 第二句。"; the default, a language unnamed, takes a space); the first's
    id is kept."""
    first_map, second_map = _offsets(first), _offsets(second)
    gap = len(first.text)
    glue = languages.glue_after(first.text, lang)
    # The space, where there is one, maps to where the first part ends in the file.
    spacing = [(gap, first.end)] if glue else []
    runs = [
        *first_map.runs,
        *spacing,
        *[(text + gap + len(glue), source) for text, source in second_map.runs],
    ]
    text = languages.join_sentences((first.text, second.text), lang)
    return Segment(
        id=first.id,
        kind=first.kind,
        text=text,
        line=first.line,
        column=first.column,
        paragraph=first.paragraph,
        start=first.start,
        end=second.end,
        offsets=OffsetMap(runs, len(text)),
        # A joined segment stands where its first part does.
        cell=first.cell,
        list_item=first.list_item,
        quote_depth=first.quote_depth,
        quotes=first.quotes,
        item_depth=first.item_depth,
    )
