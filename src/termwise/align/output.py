"""Turning an alignment into a translation project or a TMX file.

A project's translation file is keyed by the source document's segments, so a group of two or
three source sentences becomes one segment first: the join is recorded in the document's
segmentation overrides (the same file the workbench's join command writes), which every
command applies when it reads the source, and named there as the aligner's. Aligning again
starts from the source without the aligner's earlier joins (``alignment_source``), keeping
the translator's and those of a segment that holds the translator's work: aligned over its
own joins, the text was grouped anew each time, the segments drifted run after run and
unsure groups came back as sure ones over the joined sentences. Then each group's target
sentences become the translation of its segment, as *edited* (a person's translation, not
yet reviewed) with the alignment confidence in a comment; target sentences with no source
counterpart go with the group before them (or after them, where they open the paragraph that
group goes on), which is then flagged for checking, as is every source group the translation
leaves out in the middle; where the translation is of a part of the source (the aligner
left the rest out at an open end), the source beyond the part is left to translate.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from termwise import languages
from termwise.align.beads import Bead
from termwise.document.model import Document
from termwise.project.interchange import InterchangeUnit
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import (
    ALIGN_COMMENT_PREFIX,
    ALIGNED_PREFIX,
    CONFIRMED,
    SENTENCES_PREFIX,
    comment_notes,
    confirmed_omission,
)

if TYPE_CHECKING:
    from termwise.document.resegmentation import Resegmentation
    from termwise.project.translation_file import TranslationFile
    from termwise.project.units import TranslationUnit

# Below this confidence a group is unsure: flagged in the project, listed by the review.
# Chosen on Text+Berg (the whole text, its 8 cuts and 37 pages, with each MT and without):
# at 0.7 fewer groups are unsure than were at 0.6 when every left-out sentence was, and more
# of the wrong groups are among them (the whole text with the strong MT: 39 unsure, 14 of
# the 41 wrong groups, against 62 and 13; at 0.8, 62 and 14 again).
LOW_CONFIDENCE = 0.7
# PO flag of a group the aligner is unsure of; every aligned entry is fuzzy (edited) anyway.
CHECK_FLAG = "align-check"
# The extracted comment that carries a group's confidence (written here, read by the review).
COMMENT_PREFIX = ALIGN_COMMENT_PREFIX
_CONFIDENCE = re.compile(r"confidence ([0-9.]+)")
# What an ``align:`` comment says once the translator has moved sentences between groups,
# joined or split them.
REGROUPED = "regrouped in review"
# Why a group aligned with MT is unsure although its own margin is not small.
DISPUTED_NOTE = "grouped otherwise without MT"
# Why a group aligned with MT is not the MT's alignment's (the lengths kept it whole).
MT_SPLITS_NOTE = "split otherwise with MT"
# A source group the translation has nothing for.
NO_COUNTERPART = "no counterpart in the translation"
# Before the numbers of a group whose two sides share none (8222 m beside a caption's "6 -
# Photo … 1934"): sure by its lengths, it is likely another passage's text.
NUMBERS_NOTE = "numbers differ"
# A group without counterpart that the translator confirmed as such (it cannot be marked
# reviewed: it has no translation).
# Why a segment of a group keeps what it had: another segment of the group holds the
# translator's work, which neither a join nor the group's text may replace.
NOT_APPLIED = "not applied: another segment of the group holds the translator's work"
# Before the published text of such a group, last in its ``align:`` comment: the review's
# status line shows that comment, so the translator sees the text beside the segment.
PUBLISHED_PREFIX = "published: "
# Before the group's published text where it changed since the kept translation was
# aligned (the published file was corrected), last in its ``align:`` comment.
PUBLISHED_SINCE_PREFIX = "published text changed: "
_PUBLISHED_SINCE = re.compile(rf', {re.escape(PUBLISHED_SINCE_PREFIX)}"(?:[^"\\]|\\.)*"')
# A group's target sentences that a kept translation nearby already holds, left out of it.
HELD_NOTE = "target sentence(s) left out: a kept translation nearby holds them"
# Which of a group's target sentences (their ``SENTENCES_PREFIX`` offsets) open a paragraph
# in the published translation, under the same fingerprint: a translator's note on a line of
# its own before "El primer reto…" went into that group's translation, and every edition
# printed it run into the sentence. Begins as the sentences' record does, so that every
# filter of termwise's own comments (XLIFF, imports, a segment left untranslated, the
# review's regrouping) leaves it out or drops it as it does that record.
PARAGRAPHS_PREFIX = f"{SENTENCES_PREFIX}opening a paragraph: "


@dataclass
class ProjectReport:
    """What writing the project did."""

    path: Path
    # The document's segments once the alignment's joins are made: what the workbench counts.
    segments: int = 0
    filled: int = 0
    kept: int = 0  # segments whose earlier edited or reviewed translation was left alone
    flagged: int = 0
    unmatched_source: int = 0
    joins: int = 0
    # Of ``flagged``, the groups flagged only for target sentences without a source added.
    flagged_for_appended: int = 0
    # Of ``flagged``, the source groups flagged only because the translation leaves them out.
    flagged_for_omitted: int = 0
    # Of ``flagged``, the groups not applied because a segment of them was kept.
    not_applied: int = 0
    # Target sentences left out of a group because a kept translation nearby holds them,
    # the groups they were left out of, and of ``flagged``, the sure groups flagged only
    # for that.
    held_elsewhere: int = 0
    held_groups: int = 0
    flagged_for_held: int = 0
    # Of ``flagged``, kept translations whose group's published text changed since they
    # were aligned (the published file was corrected): back to review, the text in a note.
    published_changed: int = 0
    # Target sentences without a source group of their own → the segment (0-based, as the
    # project numbers them) whose translation took them in.
    appended_to: dict[int, int] = field(default_factory=dict)
    # Of ``flagged``, the sure groups flagged only because their sides share no number.
    flagged_for_numbers: int = 0
    # Source segments before and after the part a partial translation translates: not yet
    # translated, neither flagged nor counted in ``unmatched_source``.
    untranslated_before: int = 0
    untranslated_after: int = 0
    # For each source sentence of the alignment, its segment's place in the saved project
    # (0-based): the joins made and the groups kept shift it.
    segment_of: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def group_text(texts: Sequence[str], lang: str) -> str:
    """Sentences of a group as one translation (``languages.join_sentences``)."""
    return languages.join_sentences((text.strip() for text in texts if text.strip()), lang)


def record_sentences(
    unit: TranslationUnit,
    sentences: Sequence[str],
    lang: str,
    paragraph_starts: Sequence[bool] | None = None,
) -> None:
    """Say in ``unit``'s comments where each of its translation's ``sentences`` (joined by
    ``group_text``) starts, so that moving one in review moves exactly it; and which of them
    open a paragraph in the published translation (``paragraph_starts``, one per sentence),
    so that the editions print a translator's note that opens the group as its own paragraph
    rather than run into the group's sentence."""
    opens = [False] * len(sentences) if paragraph_starts is None else list(paragraph_starts)
    if len(opens) != len(sentences):
        raise ValueError("one paragraph start per sentence")
    kept = [(text.strip(), start) for text, start in zip(sentences, opens, strict=True)]
    parts = [text for text, _ in kept if text]
    flags = [start for text, start in kept if text]
    comments = [c for c in unit.comments if not c.startswith(SENTENCES_PREFIX)]
    if len(parts) > 1 and unit.target == group_text(parts, lang):
        starts = [str(start) for start in languages.sentence_starts(parts, lang)[1:]]
        fingerprint = _fingerprint(unit.target)
        comments.append(f"{SENTENCES_PREFIX}{fingerprint} {' '.join(starts)}")
        opening = [start for start, flag in zip(starts, flags[1:], strict=True) if flag]
        if opening:
            # A line of its own after the sentences' record, which a termwise that knows
            # nothing of paragraphs reads past (it reads the first ``aligned sentences:``
            # line) and every filter of termwise's own comments already leaves out.
            comments.append(f"{PARAGRAPHS_PREFIX}{fingerprint} {' '.join(opening)}")
    unit.comments = tuple(comments)


def aligned_sentences(unit: TranslationUnit) -> list[str] | None:
    """The target sentences of ``unit``'s translation as the alignment counted them, while
    its text is the one they were recorded for; else None."""
    cuts = _recorded_starts(unit, SENTENCES_PREFIX)
    if cuts is None:
        return None
    text = unit.target
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def aligned_paragraph_starts(unit: TranslationUnit) -> tuple[int, ...]:
    """Where in ``unit``'s translation a sentence opens a paragraph of the published
    translation (offsets into ``unit.target``), while its text is the one the alignment
    recorded them for; none once it was edited (the editions then print it as one run),
    nor in a file written before the record existed."""
    sentences = _recorded_starts(unit, SENTENCES_PREFIX)
    opening = _recorded_starts(unit, PARAGRAPHS_PREFIX)
    if sentences is None or opening is None or not set(opening) <= set(sentences):
        return ()
    return tuple(opening)


def _recorded_starts(unit: TranslationUnit, prefix: str) -> list[int] | None:
    """The offsets the first comment of ``unit`` that begins ``prefix`` records, if its
    fingerprint is that of ``unit``'s translation and they fall in order within it."""
    for comment in unit.comments:
        if not comment.startswith(prefix):
            continue
        if prefix == SENTENCES_PREFIX and comment.startswith(PARAGRAPHS_PREFIX):
            continue
        fingerprint, *starts = comment[len(prefix) :].split() or [""]
        text = unit.target
        if fingerprint != _fingerprint(text) or not all(start.isdigit() for start in starts):
            return None
        cuts = [int(start) for start in starts]
        if [0, *cuts, len(text)] != sorted([0, *cuts, len(text)]):
            return None
        return cuts
    return None


def write_project(
    layout: ProjectLayout,
    source_path: Path,
    document: Document,
    target_texts: Sequence[str],
    beads: Sequence[Bead],
    target_lang: str,
    target_paragraph_starts: Sequence[bool] | None = None,
    start: Resegmentation | None = None,
    open_source: bool = False,
) -> ProjectReport:
    """Fill ``translations/<stem>.<lang>.po`` from the groups, joining the sentences of each
    multi-sentence source group into one segment (recorded in the segmentation overrides).

    A segment that holds the translator's work (edited or reviewed, or a group confirmed or
    regrouped in review) is left as it is: no group's text replaces it, and no join takes it
    in (a second alignment joined a reviewed segment with its neighbour and sent it back to
    review). The group's other segments keep what they had too, flagged, with the group's
    published text in their comment: that text has no segment to go to. A segment holding
    MT (the workbench translates every segment on opening) holds nobody's work: it takes
    the published text, or, where the translation leaves it out, no translation (its MT
    kept as a suggestion). Nothing is written until the translation file has been read and
    filled: the joins are applied in memory, and their record is saved only with the
    translation (and put back if that save fails), for a record of joins alone changes how
    every later command segments the source.

    ``start`` is the segmentation ``document`` was read with (``AlignmentStart.record``): the
    joins recorded then are those it leaves out and this alignment's (named the aligner's);
    by default, every join the project records.

    ``open_source``: the source holds more than the translation translates (the aligner's
    ``Model.open_sides``), so the source groups without counterpart before the first group
    the translation has a text for, and after the last, are not omissions but the part not
    translated yet: left to translate (``_leave_for_translation``), unflagged.
    """
    from termwise.document.resegmentation import Resegmentation
    from termwise.project.layout import segmentation_overrides_file
    from termwise.project.translations import open_translation, sync_with_document

    tgt = languages.normalize(target_lang)
    # The beads number the sentences as they were aligned, before the joins below.
    aligned_sources = [segment.text for segment in document.segments]
    document_kinds = [segment.kind.value for segment in document.segments]
    on_disk = Resegmentation.load(segmentation_overrides_file(layout, source_path))
    if start is None:
        start = on_disk
    # As the units were before this alignment: a segment the aligner joined again as it was
    # gets back what the round trip through its parts changed (see ``_restore_untouched``).
    before = _unit_fields(layout, document, tgt) if start.joins != on_disk.joins else {}
    tfile = open_translation(layout, document, tgt)
    worked = {
        segment.id for segment in document.segments if translators_work(tfile.units[segment.id])
    }
    # Each source group's segments, and whether the translator's work is among them.
    groups = [[document.segments[k].id for k in bead.src] for bead in beads if bead.src]
    kept = [any(segment_id in worked for segment_id in ids) for ids in groups]
    joins = [
        (ids[0], other)
        for ids, keep in zip(groups, kept, strict=True)
        if not keep
        for other in ids[1:]
    ]
    # The joins the document was read with (the aligner's earlier ones left out, unless a
    # segment holds the translator's work), then this alignment's own.
    made = set(joins)
    earlier = [pair for pair in start.joins if pair not in made]
    aligned = {lang: list(pairs) for lang, pairs in (start.aligned or {}).items()}
    aligned[tgt] = [*(pair for pair in aligned.get(tgt, ()) if pair in set(earlier)), *joins]
    overrides = Resegmentation(
        on_disk.path,
        splits={key: list(cuts) for key, cuts in start.splits.items()},
        joins=[*earlier, *joins],
        aligned=aligned,
    )
    if joins:
        document = Resegmentation(on_disk.path, joins=joins).apply(document)
        sync_with_document(tfile, document)
    _restore_untouched(tfile, before)
    changed = overrides.joins != on_disk.joins or _named(overrides) != _named(on_disk)
    report = ProjectReport(path=tfile.path or layout.translation_file(source_path, tgt))
    report.joins = len(joins)
    # The segments after the joins, one list per source group (a kept group keeps its own).
    plan = [ids if keep else ids[:1] for ids, keep in zip(groups, kept, strict=True)]
    if sum(map(len, plan)) != len(document.segments):
        raise RuntimeError("the joined document does not have one segment per source group")
    position = {segment.id: number for number, segment in enumerate(document.segments)}
    report.segments = len(document.segments)
    report.segment_of = [
        position[ids[0] if not keep else k]
        for ids, keep in zip(groups, kept, strict=True)
        for k in ids
    ]
    headings = {
        number
        for number, bead in enumerate(bead for bead in beads if bead.src)
        if document_kinds[bead.src[0]] == "heading"
    }
    extra = _target_only_owners(beads, target_paragraph_starts, headings)
    report.appended_to = {
        line: position[plan[number][0]] for number, lines in extra.items() for line in lines
    }
    grouped = [bead for bead in beads if bead.src]
    target_lines = [list(bead.tgt) + extra.get(number, []) for number, bead in enumerate(grouped)]
    outside = _outside_part(target_lines) if open_source else {}
    held = _held_by_kept(
        target_lines,
        [
            [tfile.units[segment_id].target for segment_id in ids if segment_id in worked]
            for ids in plan
        ],
        target_texts,
    )
    for number, (bead, ids) in enumerate(zip(grouped, plan, strict=True)):
        appended = extra.get(number, [])
        lines = list(bead.tgt) + appended
        first = bool(appended) and bool(bead.tgt) and appended[0] < bead.tgt[0]
        taken = [k for k in lines if k in held] if not kept[number] else []
        if taken:
            lines = [k for k in lines if k not in held]
            report.held_elsewhere += len(taken)
            report.held_groups += 1
        sentences = [target_texts[k] for k in sorted(lines)]
        published = group_text(sentences, tgt)
        if kept[number]:
            report.kept += sum(1 for segment_id in ids if segment_id in worked)
            others = [tfile.units[segment_id] for segment_id in ids if segment_id not in worked]
            if others:
                _flag_not_applied(others, _comment(bead, len(appended), first), published)
                report.not_applied += 1
                report.flagged += 1
            elif lines and _published_changed(
                tfile.units[ids[0]], published, target_texts, lines, tgt
            ):
                report.published_changed += 1
                report.flagged += 1
            continue
        unit = tfile.units[ids[0]]
        if number in outside:
            _leave_for_translation(unit)
            if outside[number]:
                report.untranslated_after += 1
            else:
                report.untranslated_before += 1
            continue
        said = _comment(bead, len(appended), first)
        if taken:
            said += f", {len(taken)} {HELD_NOTE}"
        differ = _numbers_differ([aligned_sources[k] for k in bead.src], sentences)
        if differ:
            said += f", {NUMBERS_NOTE} ({differ})"
        unit.comments = _with_comment(unit.comments, said)
        flags = set(unit.flags) - {CHECK_FLAG}
        # A sentence the translation leaves out is listed whatever the aligner's confidence:
        # an omission is what a reviewer of a published translation is looking for.
        omitted = not lines
        if bead.confidence < LOW_CONFIDENCE or appended or omitted or taken or differ:
            flags.add(CHECK_FLAG)
            report.flagged += 1
            sure = bead.confidence >= LOW_CONFIDENCE
            report.flagged_for_appended += sure and bool(appended)
            report.flagged_for_omitted += sure and omitted
            report.flagged_for_held += sure and bool(taken) and not appended and not omitted
            report.flagged_for_numbers += (
                sure and bool(differ) and not (taken or appended or omitted)
            )
        unit.flags = frozenset(flags)
        if not lines:
            report.unmatched_source += 1
            _leave_untranslated(unit)
            continue
        joined = len(groups[number]) > 1
        _publish(unit, published, joined)
        opens = (
            None
            if target_paragraph_starts is None
            else [target_paragraph_starts[k] for k in sorted(lines)]
        )
        record_sentences(unit, sentences, tgt, opens)
        report.filled += 1
    if changed:
        report.path = _save_with_joins(overrides, tfile, report.path)
    else:
        report.path = tfile.save(report.path)
    return report


@dataclass
class AlignmentStart:
    """The source as aligning it again reads it (``alignment_source``)."""

    document: Document
    # The segmentation ``document`` is read with: the project's, less the aligner's joins
    # left out (for ``write_project``).
    record: Resegmentation


def alignment_source(
    layout: ProjectLayout,
    path: Path,
    target_lang: str,
    *,
    lang: str | None = None,
    encoding: str | None = None,
    encoding_option: bool | str = False,
) -> AlignmentStart:
    """The source as the project reads it, without the joins an earlier alignment made for
    its groups, so that aligning unchanged texts again gives the groups it gave before, and
    a changed text changes only the groups its change touches.

    Aligned over its own joins, the text was grouped anew each time: 116 segments became
    102, then 99, and groups flagged unsure came back as sure ones over the joined
    sentences, the flags gone without review. A joined segment stays joined where a person
    is in it: a join the translator made (F3 in the workbench), or a translation that is the
    translator's work (``translators_work``), which keeps its segment's id and text; so
    does one that a translation into another language holds (the joins are the document's
    segmentation, which every language of it shares). A project aligned before the aligner's joins were named as such has them told by the
    segment's ``align:`` comment: a group of several source sentences, untouched since.
    """
    from termwise.document.resegmentation import Resegmentation
    from termwise.project.translations import open_source, translation_path

    source = open_source(
        layout, path, lang=lang, encoding=encoding, encoding_option=encoding_option
    )
    recorded = source.resegmentation
    if not recorded.joins:
        return AlignmentStart(source.document, recorded)
    units = _saved_units(translation_path(layout, source.document, target_lang))
    split = Resegmentation(recorded.path, splits=recorded.splits).apply(source.base)
    owners = _join_owners([segment.id for segment in split.segments], recorded.joins)
    tgt = languages.normalize(target_lang)
    told = set(recorded.aligned.get(tgt, ())) if recorded.aligned is not None else None
    # A joined segment that a translation into another language holds: it stays so.
    others = [
        _saved_units(layout.translation_file(path, lang))
        for lang in layout.translation_languages(path)
        if not languages.same_language(lang, tgt)
    ]
    by_owner: dict[str, list[tuple[str, str]]] = {}
    for pair, joined in owners.items():
        by_owner.setdefault(joined, []).append(pair)
    keep: list[tuple[str, str]] = []
    aligners: list[tuple[str, str]] = []
    for pair in recorded.joins:
        owner = owners.get(pair)
        if owner is None:
            # Made for a source that is no longer so, it joins nothing now: the aligner's
            # goes, the translator's stays (the source may be put back).
            if told is None or pair not in told:
                keep.append(pair)
            continue
        unit = units.get(owner)
        group = by_owner[owner]
        if told is not None:
            ours = all(other in told for other in group)
        else:
            ours = unit is not None and _aligned_group(unit, len(group))
        held = any(owner in other and other[owner].has_work() for other in others)
        if not ours or held or (unit is not None and translators_work(unit)):
            keep.append(pair)
            if ours or (told is not None and pair in told):
                aligners.append(pair)
    if len(keep) == len(recorded.joins) and recorded.aligned is not None:
        return AlignmentStart(source.document, recorded)
    named = {lang: list(pairs) for lang, pairs in (recorded.aligned or {}).items()}
    named[tgt] = aligners
    record = Resegmentation(recorded.path, dict(recorded.splits), keep, named)
    return AlignmentStart(record.apply(source.base), record)


def _named(record: Resegmentation) -> dict[str, set[tuple[str, str]]]:
    """The joins ``record`` names as an alignment's, per language, as they stand."""
    joins = set(record.joins)
    named = {
        lang: {pair for pair in pairs if pair in joins}
        for lang, pairs in (record.aligned or {}).items()
    }
    return {lang: pairs for lang, pairs in named.items() if pairs}


def _join_owners(
    ids: Sequence[str], joins: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """Each join that applies to segments ``ids`` (as ``Resegmentation.apply`` applies
    them) → the id of the segment it ends up in."""
    groups: list[list[str]] = [[segment_id] for segment_id in ids]
    pairs: list[list[tuple[str, str]]] = [[] for _ in ids]
    for first, second in joins:
        for index in range(len(groups) - 1):
            if groups[index][0] == first and groups[index + 1][0] == second:
                groups[index : index + 2] = [groups[index] + groups[index + 1]]
                pairs[index : index + 2] = [[*pairs[index], *pairs[index + 1], (first, second)]]
                break
    return {pair: group[0] for group, done in zip(groups, pairs, strict=True) for pair in done}


_GROUP_KIND = re.compile(r"group (\d+)-(\d+)(?: in (\d+) segments?)?")


def _aligned_group(unit: TranslationUnit, joins: int) -> bool:
    """Whether ``unit``'s ``align:`` comment describes a group of ``joins`` + 1 source
    sentences as the aligner made it (not regrouped, confirmed or left aside in review):
    its segment's ``joins`` are the aligner's. (A segment the translator joined before
    aligning, then grouped with the next by the aligner, has one join more.)"""
    said = comment_notes(unit.comments)
    if REGROUPED in said or CONFIRMED in said or any(NOT_APPLIED in note for note in said):
        return False
    for comment in unit.comments:
        if comment.startswith(COMMENT_PREFIX):
            kind = _GROUP_KIND.search(comment)
            # The segments the group spans, not its sentences (joined segments among them).
            return kind is not None and int(kind[3] or kind[1]) == joins + 1 > 1
    return False


def _unit_fields(
    layout: ProjectLayout, document: Document, lang: str
) -> dict[str, tuple[str, str | None]]:
    """Segment id → source and earlier source of each unit of the project's translation
    into ``lang`` as saved."""
    from termwise.project.translations import translation_path

    units = _saved_units(translation_path(layout, document, lang))
    return {key: (unit.source, unit.previous_source) for key, unit in units.items()}


def _restore_untouched(tfile: TranslationFile, before: dict[str, tuple[str, str | None]]) -> None:
    """A segment whose source is what it was before the alignment keeps the earlier source
    it had: the one the round trip through its parts (joined by an earlier alignment, left
    out of the source aligned, joined again) gave it is no change to review."""
    for key, unit in tfile.units.items():
        was = before.get(key)
        if was is not None and unit.source == was[0]:
            unit.previous_source = was[1]


def _saved_units(path: Path) -> dict[str, TranslationUnit]:
    """The units of a saved translation file as they are (not synced with the source)."""
    from termwise.project.translation_file import TranslationFile

    return dict(TranslationFile.load(path).units) if path.exists() else {}


# How many groups either side of a kept one may have been given its sentences: the review
# moves a sentence one group on, a merge and a split a few.
HELD_REACH = 3
# A target sentence this short ("Ja.", "12") is found in many texts: it is taken for one a
# kept translation holds only where it is that whole translation.
HELD_MIN_CHARS = 8


def _held_by_kept(
    lines: Sequence[Sequence[int]], kept_texts: Sequence[Sequence[str]], target_texts: Sequence[str]
) -> set[int]:
    """The target sentences that a kept translation near their group already holds.

    A translator who moved "Eduard Leuthold …" into the segment before in review keeps
    that segment's text; a second alignment, which knows nothing of the move, gave the
    sentence to its old segment as well, and the published text stood in two segments.
    """
    held: set[int] = set()
    for number, texts in enumerate(kept_texts):
        kept_text = " ".join(" ".join(text.split()) for text in texts if text)
        if not kept_text:
            continue
        low, high = max(number - HELD_REACH, 0), min(number + HELD_REACH + 1, len(lines))
        for near in range(low, high):
            if near == number:
                continue
            for k in lines[near]:
                sentence = " ".join(target_texts[k].split())
                if sentence and (
                    sentence == kept_text
                    or (len(sentence) >= HELD_MIN_CHARS and sentence in kept_text)
                ):
                    held.add(k)
    return held


# Digits grouped by threes with plain spaces: "12 400", "1 250 000".
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])")


def _numbers_differ(source: Sequence[str], target: Sequence[str]) -> str:
    """The numbers of a group's two sides ("8222 / 1934") where both have some (of three
    digits or more, as both languages write them) and they share none; "" otherwise.

    Sure by lengths alone, such a group is likely a caption or another passage's text put
    where the translation lacks one; on Text+Berg it flags 1 right group of 355 and no
    wrong one, but a missing paragraph beside a block of captions was filled with them."""
    from termwise.align.features import number_key, written_numbers

    def numbers(texts: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for text in texts:
            # "12 400" groups its thousands with a plain space (Spanish, French): one number.
            text = _SPACE_GROUPED.sub(lambda match: match.group().replace(" ", "\u00a0"), text)
            for written in written_numbers(text):
                key = number_key(written)
                if len(key) >= 3:
                    found.setdefault(key, written)
        return found

    ours, theirs = numbers(source), numbers(target)
    if not ours or not theirs or ours.keys() & theirs.keys():
        return ""
    return f"{', '.join(ours.values())} / {', '.join(theirs.values())}"


# The most target sentences a kept group's text is looked for in, around its new group.
UNCHANGED_RUN = 16


def _published_changed(
    unit: TranslationUnit,
    published: str,
    target_texts: Sequence[str],
    lines: Sequence[int],
    lang: str,
) -> bool:
    """Whether the published text of the group ``unit`` (a translator's work, kept) stands
    for has changed since the alignment that gave it its text; if so, the unit goes back to
    review, flagged, the new text at the end of its ``align:`` comment.

    Aligning again after a correction to the published file kept every confirmed or
    regrouped segment as it was, and the correction was lost without a word. The new
    alignment's group (``published``, of target sentences ``lines``) differing from the
    recorded text is no proof of a change: aligned again, a long sentence the translation
    cut in nine may be grouped in fewer. The text is unchanged while its sentences still
    stand together over every sentence of the new group (the same sentence elsewhere, a
    refrain, proves nothing; nor does a group's first sentence alone)."""
    from termwise.project.units import SegmentState

    recorded = next(
        (c[len(ALIGNED_PREFIX) :] for c in unit.comments if c.startswith(ALIGNED_PREFIX)), None
    )
    now = _fingerprint(published)
    # A sentence confirmed as left out that the published text now translates (added to
    # it since) is a change too: the new text was lost without a word.
    added = recorded is None and bool(published) and confirmed_omission(unit)
    if not added and (recorded is None or recorded == now or unit.target == published):
        return False
    first, last = min(lines), max(lines)
    # A group the review joined records its first part's text: only a run over all of the
    # new group shows that nothing in it changed. Otherwise the old group may also lie
    # within the new one (the aligner gave it a sentence more).
    regrouped = REGROUPED in comment_notes(unit.comments)
    for start in range(max(0, last - UNCHANGED_RUN + 1), last + 1 if not added else 0):
        for end in range(start + 1, min(len(target_texts), start + UNCHANGED_RUN) + 1):
            covers = start <= first and end > last
            within = first <= start and end <= last + 1
            if (covers or (within and not regrouped)) and _fingerprint(
                group_text(target_texts[start:end], lang)
            ) == recorded:
                return False
    shown = " ".join(published.split()).replace("\\", "\\\\").replace('"', '\\"')
    comments = []
    for comment in unit.comments:
        if comment.startswith(COMMENT_PREFIX):
            comment = _PUBLISHED_SINCE.sub("", comment).replace(f", {CONFIRMED}", "")
            comment += f', {PUBLISHED_SINCE_PREFIX}"{shown}"'
        elif comment.startswith(ALIGNED_PREFIX):
            # Recorded anew: aligning a third time with nothing changed says nothing again.
            comment = f"{ALIGNED_PREFIX}{now}"
        comments.append(comment)
    if added:
        comments.append(f"{ALIGNED_PREFIX}{now}")
    unit.comments = tuple(comments)
    unit.flags = unit.flags | {CHECK_FLAG}
    if unit.state is SegmentState.REVIEWED:
        # Reviewed against the old text: to be looked at again, its text kept.
        unit.set_translation(unit.target)
    return True


def _leave_untranslated(unit: TranslationUnit) -> None:
    """A source sentence the translation leaves out has no translation. The workbench
    machine-translates every segment on opening, so one opened before the alignment held
    its MT as its translation (state MT), which no longer translates anything published:
    the MT stays as the unit's suggestion, the gap is what the review is to check."""
    from termwise.project.units import SegmentState

    # Edited and reviewed units are the translator's work and never reach here; an earlier
    # alignment's text, untouched since, is no one's: aligned again with nothing, it goes
    # (kept, it stood beside the same sentence in the group that now has it, and every
    # edition printed it twice).
    if unit.state is SegmentState.MT or aligners_own(unit):
        unit.target = ""
        unit.state = SegmentState.NEW
        unit.comments = tuple(
            c for c in unit.comments if not c.startswith((ALIGNED_PREFIX, SENTENCES_PREFIX))
        )


def _outside_part(target_lines: Sequence[Sequence[int]]) -> dict[int, bool]:
    """Source group number → whether it comes after (else before) the part of the source
    that a partial translation translates: the groups without target sentences
    (``target_lines``, one list per source group) before the first group with some, and
    after the last."""
    having = [number for number, lines in enumerate(target_lines) if lines]
    if not having:
        return {}
    return {
        **{number: False for number in range(having[0])},
        **{number: True for number in range(having[-1] + 1, len(target_lines))},
    }


def _leave_for_translation(unit: TranslationUnit) -> None:
    """A source sentence outside the part a partial translation translates is work not done
    yet, not a gap in the translation: no flag, no earlier alignment's text, and no
    ``align:`` comment, with which the review listed it and the workbench's MT left it
    empty as an omission. MT it holds stays its translation, as ``translate`` gives it."""
    from termwise.project.units import SegmentState

    if aligners_own(unit):
        unit.target = ""
        unit.state = SegmentState.NEW
    ours = (COMMENT_PREFIX, ALIGNED_PREFIX, SENTENCES_PREFIX)
    unit.comments = tuple(c for c in unit.comments if not c.startswith(ours))
    unit.flags = unit.flags - {CHECK_FLAG}


def _publish(unit: TranslationUnit, text: str, joined: bool) -> None:
    """Make ``text``, the published translation of ``unit``'s group, its translation: a
    person's, so edited, even where it reads as the MT does (a heading, "Resumen"). A PO
    file tells MT from edited only by the MT comment being equal to the translation, so
    that MT, which says nothing the translation does not, is dropped (with its engine and
    glossary notes) or ``stats`` and the review count the published text as MT; so is the
    MT of a ``joined`` segment, the MT of its first sentence alone. The text translates
    the segment's source as it is now, so no earlier source is kept beside it (a join
    carried one over from the MT it replaced, and the review showed the source changed)."""
    from termwise.project.translations import GLOSSARY_COMMENT
    from termwise.project.units import same_text

    if unit.mt is not None and (joined or same_text(text, unit.mt)):
        unit.mt = unit.mt_engine = unit.mt_model = None
        unit.comments = tuple(c for c in unit.comments if not c.startswith(GLOSSARY_COMMENT))
    unit.previous_source = None
    unit.set_translation(text)
    written = f"{ALIGNED_PREFIX}{_fingerprint(text)}"
    unit.comments = (*(c for c in unit.comments if not c.startswith(ALIGNED_PREFIX)), written)


def _fingerprint(text: str) -> str:
    """Short, and the same for the same text on every machine."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def aligners_own(unit: TranslationUnit) -> bool:
    """Whether ``unit``'s translation is still the text an alignment wrote (no one edited,
    reviewed, regrouped or confirmed it since)."""
    from termwise.project.units import SegmentState

    if unit.state is not SegmentState.EDITED or not unit.target:
        return False
    said = comment_notes(unit.comments)
    if CONFIRMED in said or REGROUPED in said:
        return False
    written = f"{ALIGNED_PREFIX}{_fingerprint(unit.target)}"
    return written in unit.comments


def _flag_not_applied(units: Sequence[TranslationUnit], comment: str, published: str) -> None:
    """Flag the segments of a group that was not applied for the translator's work in
    another of its segments: they keep what they had (MT, say), and the group's published
    text, which no segment holds, goes into their ``align:`` comment, so that the review
    lists them and shows the text that would otherwise be lost without a word."""
    said = f"{comment}, {NOT_APPLIED}"
    if published:
        # One comment line: Babel would write a line break as a line without "#.".
        said += f', {PUBLISHED_PREFIX}"{" ".join(published.split())}"'
    for unit in units:
        unit.comments = _with_comment(unit.comments, said)
        unit.flags = unit.flags | {CHECK_FLAG}


def _target_only_owners(
    beads: Sequence[Bead],
    paragraph_starts: Sequence[bool] | None,
    headings: Collection[int] = (),
) -> dict[int, list[int]]:
    """Source group number → the target sentences without a source that its translation
    takes in: those of the group before them, unless they open the paragraph the next
    group's translation goes on (a translator's note at the head of a section went onto the
    heading before it), or open a paragraph after a heading (group numbers ``headings``),
    which takes in no paragraph (the note became part of the heading in every edition), or
    come before every group."""
    extra: dict[int, list[int]] = {}
    owner = -1
    pending: list[int] = []
    for bead in beads:
        if not bead.src:
            pending.extend(bead.tgt)
            continue
        owner += 1
        if pending:
            opens = paragraph_starts is not None and paragraph_starts[pending[0]]
            continues = bool(bead.tgt) and not (
                paragraph_starts is not None and paragraph_starts[bead.tgt[0]]
            )
            after_heading = opens and owner - 1 in headings
            taker = owner if owner == 0 or (opens and continues) or after_heading else owner - 1
            extra.setdefault(taker, []).extend(pending)
            pending = []
    if pending:
        extra.setdefault(max(owner, 0), []).extend(pending)
    return extra


def _save_with_joins(overrides: Resegmentation, tfile: TranslationFile, path: Path) -> Path:
    """Save the joins, then the translation keyed by the joined segments; if the translation
    cannot be saved (read-only, changed on disk, a full disk), put the joins' file back."""
    from termwise.atomic import write_atomic

    previous = overrides.path.read_bytes() if overrides.path.exists() else None
    overrides.save()
    try:
        return tfile.save(path)
    except BaseException:
        if previous is None:
            overrides.path.unlink(missing_ok=True)
        else:
            write_atomic(overrides.path, previous)
        raise


def _with_comment(comments: Sequence[str], comment: str) -> tuple[str, ...]:
    """``comments`` with ``comment`` in the place of the ``align:`` comment there (at the end
    where there is none), so that aligning again does not reorder the PO entry."""
    kept = [c if not c.startswith(COMMENT_PREFIX) else comment for c in comments]
    return tuple(kept) if comment in kept else (*kept, comment)


def _comment(bead: Bead, extra: int, first: bool = False) -> str:
    sentences = len(bead.src) if bead.source_sentences is None else bead.source_sentences
    kind = f"{sentences}-{len(bead.tgt)}"
    text = f"{COMMENT_PREFIX}confidence {bead.confidence:.2f}, group {kind}"
    if sentences != len(bead.src):
        # The group's sentences lie in fewer segments (joined): says both what the group is
        # and what it spans in the project.
        text += f" in {len(bead.src)} segment{'s' if len(bead.src) != 1 else ''}"
    if not bead.tgt:
        text += f", {NO_COUNTERPART}"
    if extra:
        where = "put first" if first else "appended"
        text += f", {extra} target sentence(s) without a source {where}"
    if bead.disputed:
        text += f", {DISPUTED_NOTE}"
    if bead.mt_splits:
        text += f", {MT_SPLITS_NOTE}"
    return text


def comment_confidence(comments: Sequence[str]) -> float | None:
    """The confidence an ``align:`` comment among ``comments`` records (None if none does)."""
    for comment in comments:
        if comment.startswith(COMMENT_PREFIX):
            found = _CONFIDENCE.search(comment)
            if found:
                return float(found[1])
    return None


def translators_work(unit: TranslationUnit) -> bool:
    """Whether ``unit`` holds what a person did, which an alignment must not replace: a
    translation edited or reviewed, or a group confirmed or regrouped in review; not the
    text an earlier alignment wrote, untouched since (``aligners_own``)."""
    from termwise.project.units import SegmentState

    if aligners_own(unit):
        return False
    if unit.state in (SegmentState.EDITED, SegmentState.REVIEWED):
        return True
    said = comment_notes(unit.comments)
    return CONFIRMED in said or REGROUPED in said


def confirmed_comments(comments: Sequence[str]) -> tuple[str, ...]:
    """``comments`` with the ``align:`` comment saying the translator confirmed the group."""
    return tuple(
        f"{c}, {CONFIRMED}" if c.startswith(COMMENT_PREFIX) and CONFIRMED not in c else c
        for c in comments
    )


def regrouped_comments(comments: Sequence[str], *merged: Sequence[str]) -> tuple[str, ...]:
    """``comments`` after the review changed the group: its ``align:`` comment keeps the
    lowest confidence among it and the groups it took in (``merged``, their comments), so an
    unsure part keeps the group listed until it is confirmed, and no longer describes the
    group the aligner made (its kind, "no counterpart in the translation")."""
    values = [comment_confidence(part) for part in (comments, *merged)]
    known = [value for value in values if value is not None]
    if not known:
        return tuple(comments)
    others = tuple(c for c in comments if not c.startswith(COMMENT_PREFIX))
    return (*others, f"{COMMENT_PREFIX}confidence {min(known):.2f}, {REGROUPED}")


def tmx_units(
    source_texts: Sequence[str],
    target_texts: Sequence[str],
    beads: Sequence[Bead],
    source_lang: str,
    target_lang: str,
) -> list[InterchangeUnit]:
    """One TMX unit per group with both sides (TMX has no place for a one-sided pair), each
    marked edited (``x-state``), as in the project: a person's translation that nobody has
    reviewed against its source yet. (Without it, a TMX unit is read as confirmed, and
    ``termwise import`` made every aligned pair reviewed.)"""
    from termwise.document.reading import page_lines
    from termwise.project import states
    from termwise.project.importing import ALIGNMENT_PROPERTY
    from termwise.project.units import SegmentState

    # A group a page break runs through holds the page's lines; its text does not.
    src_pages, tgt_pages = page_lines(source_texts), page_lines(target_texts)
    units: list[InterchangeUnit] = []
    for number, bead in enumerate(beads, start=1):
        if not bead.src or not bead.tgt:
            continue
        units.append(
            InterchangeUnit(
                id=str(number),
                source=group_text(
                    [source_texts[i] for i in bead.src if i not in src_pages], source_lang
                ),
                target=group_text(
                    [target_texts[j] for j in bead.tgt if j not in tgt_pages], target_lang
                ),
                source_lang=source_lang,
                target_lang=target_lang,
                properties={
                    **states.to_tmx(SegmentState.EDITED),
                    ALIGNMENT_PROPERTY: bead.notation(),
                    "x-alignment-confidence": f"{bead.confidence:.2f}",
                    **({"x-alignment-note": DISPUTED_NOTE} if bead.disputed else {}),
                    **({"x-alignment-note": MT_SPLITS_NOTE} if bead.mt_splits else {}),
                },
            )
        )
    return units
