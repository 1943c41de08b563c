"""Segments whose translation holds later segments' sentences: what it is compared with.

A 2-1 or 3-1 group of an imported aligned file, or a cut sentence's carry-over, leaves the
whole translation in one segment (the holder) and the later parts empty, each waiting with a
note that names the holder (``project.omissions.waited_for``). A check that compares a source
with its translation must read the holder's source and those parts' sources together: read
alone, its translation had "number 8597 not in the source" where the waiting part has it.
``check --target`` gives a TMX of termwise's own aligner the same parts, placing its groups
as ``import`` does (``checks.commands._aligned_groups``).

Checks registered with ``reads_waiting`` are given ``whole_pairs``; a source-side issue they
find in a waiting part's text is put back on that part (``onto_waiting``), where its offsets
mean something.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from termwise import languages
from termwise.checks.context import Pair
from termwise.checks.issue import Issue
from termwise.document.model import Document

# The parts waiting on one holder, in document order: each one's segment id and source.
Parts = tuple[tuple[str, str], ...]


def waiting_parts(document: Document, waiting: Mapping[str, str]) -> dict[str, Parts]:
    """Each holder's waiting parts, from ``waiting`` (a part's segment id → its holder's).

    A part that names no segment of ``document``, or one after it, is left out: its note is
    stale (the segments were joined or moved since), and nothing sensible follows the holder's
    text with it.
    """
    if not waiting:
        return {}
    position = {segment.id: index for index, segment in enumerate(document.segments)}
    parts: dict[str, list[tuple[str, str]]] = {}
    for index, segment in enumerate(document.segments):
        holder = waiting.get(segment.id)
        if holder is not None and position.get(holder, index) < index:
            parts.setdefault(holder, []).append((segment.id, segment.text))
    return {holder: tuple(found) for holder, found in parts.items()}


def whole_pairs(pairs: Sequence[Pair], lang: str) -> Sequence[Pair]:
    """``pairs`` with each holder's source followed by its waiting parts' sources, joined as
    sentences of the source's language ``lang`` (``languages.join_sentences``; ``pairs``
    itself where no segment holds another's translation): what its translation renders."""
    whole: list[Pair] | None = None
    for position, pair in enumerate(pairs):
        if not pair.waiting:
            continue
        if whole is None:
            whole = list(pairs)
        whole[position] = dataclasses.replace(
            pair,
            source=languages.join_sentences(_texts(pair), lang),
            source_terms=None,
        )
    return whole if whole is not None else pairs


def _texts(pair: Pair) -> list[str]:
    """A holder's source and its waiting parts' sources, in order."""
    return [pair.source, *(text for _, text in pair.waiting)]


def onto_waiting(issues: Iterable[Issue], holders: Mapping[str, Pair], lang: str) -> list[Issue]:
    """``issues`` found on ``whole_pairs``, with each source-side one in a waiting part's text
    put on that part at its own offsets (``holders``: the pairs with waiting parts, by id;
    ``lang``: the source's language, as ``whole_pairs`` joined it). One over the glue
    between two texts stays on the text it starts in, cut at its end and without its fix
    (made for the whole span, it would rewrite the wrong text)."""
    placed: list[Issue] = []
    for issue in issues:
        pair = holders.get(issue.segment_id)
        if pair is None or issue.side != "source" or issue.end <= len(pair.source):
            placed.append(issue)
            continue
        segment_id, offset, text = pair.segment_id, 0, pair.source
        starts = languages.sentence_starts(_texts(pair), lang)
        for (part_id, part_text), start in zip(pair.waiting, starts[1:], strict=True):
            if issue.start < start:
                break
            segment_id, offset, text = part_id, start, part_text
        start, end = issue.start - offset, issue.end - offset
        fix = issue.fix
        if fix is not None and offset <= fix.start and fix.end - offset <= len(text):
            fix = dataclasses.replace(
                fix, segment_id=segment_id, start=fix.start - offset, end=fix.end - offset
            )
        else:
            fix = None
        if end > len(text):
            end, fix = len(text), None
        placed.append(
            dataclasses.replace(
                issue, segment_id=segment_id, start=start, end=end, text=text[start:end], fix=fix
            )
        )
    return placed
