"""Seeding a project from translations another tool made (TMX, XLIFF, PO).

Units are matched to the document's segments by source text (whitespace collapsed, NFC), the
way a translation memory's exact matches work (``unit_matching``); a unit that holds several
sentences of one paragraph has its translation cut into as many and shared out, and so has a
group of termwise's aligner (its TMX) over several paragraphs. Nothing is
thrown away: a unit placed nowhere goes to ``translations/<stem>.<lang>.unmatched.tmx``, with
the reason in a note, and the summary names it; a second, different translation for a segment
already filled becomes a note on it; inline codes that plain text cannot hold are reported and
noted on the unit (and kept in the unmatched file). Where the text is the same, the file's
review state still counts: a segment it approves is reviewed here, and one reviewed here that
it calls not reviewed (a reviewer withdrew the approval) goes back to review.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from termwise.document.ids import content_key
from termwise.document.model import Document
from termwise.project import po_format
from termwise.project.interchange import InlineCode, InterchangeUnit, UnitList, read_units
from termwise.project.omissions import in_neighbour_note, waited_for
from termwise.project.translation_file import TranslationFile
from termwise.project.unit_matching import Run, SegmentIndex
from termwise.project.units import (
    LOCKED_COMMENT,
    NOT_FOR_TRANSLATION_COMMENT,
    READ_ONLY_COMMENTS,
    READ_ONLY_FLAG,
    SegmentState,
    TranslationUnit,
)
from termwise.project.validation import (
    Deviation,
    check_matched,
    check_usable,
    refuse,
    validate_interchange,
)

if TYPE_CHECKING:
    from termwise.project.import_languages import SkippedUnit


class Aside(Enum):
    """Why a unit was kept aside (in the unmatched TMX) rather than imported."""

    NOT_IN_DOCUMENT = "its source is not in the document"
    ONLY_CODES = "its source is only inline codes, no text to match"
    SPANS_PARAGRAPHS = "it spans {paragraphs} paragraphs of the document"
    NOT_SPLIT = (
        "the target could not be split: it reads as {sentences} sentence(s), its source is "
        "{segments} segments of the document"
    )


# The property termwise's aligner gives each TMX unit (its group, ``[3, 4]:[5]``): a unit
# that has it was made by pairing the document's sentences, whatever their paragraphs.
ALIGNMENT_PROPERTY = "x-alignment"


# The note the unmatched TMX gives each unit: a translator who opens it in a CAT tool sees
# why the unit is there; an import of that file drops it (it is no note on the translation).
KEPT_ASIDE_NOTE = "termwise kept this unit aside"


@dataclass(frozen=True)
class KeptAside:
    """A unit the import could not place, and why."""

    unit: InterchangeUnit
    why: Aside
    # What the reason's words need: how many paragraphs, sentences, segments.
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def reason(self) -> str:
        return self.why.value.format(**dict(self.counts))

    @property
    def in_document(self) -> bool:
        """Whether its source is in the document (the file is no stranger to it)."""
        return self.why in (Aside.SPANS_PARAGRAPHS, Aside.NOT_SPLIT)

    def __str__(self) -> str:
        words = self.unit.source.split()
        shown = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        where = ", ".join(
            part
            for part in (
                f"unit {self.unit.id}" if self.unit.id else "",
                f"line {self.unit.line}" if self.unit.line else "",
            )
            if part
        )
        return f"{where or 'a unit'} ({shown or 'no text'}): {self.reason}"


@dataclass
class ImportReport:
    units: int = 0
    matched_units: int = 0
    segments_filled: int = 0
    already_same: int = 0
    # Segments whose text the file has too and calls reviewed: taken as reviewed here.
    approved: int = 0
    # Segments reviewed here that the file calls not reviewed (a reviewer elsewhere rejected
    # them or withdrew the approval), its text the same or another: back to review.
    reopened: int = 0
    # Segments whose own work stays, the file's other text added to them as a note.
    kept_existing: int = 0
    # Segments whose own work stays and that have the file's other text as a note already
    # (the same file imported again): nothing changed.
    noted_before: int = 0
    alternatives: int = 0
    without_target: int = 0
    # Units of several sentences (a paragraph, or part of one) shared out over them.
    paragraph_units: int = 0
    # Groups of termwise's aligner whose translation does not cut into as many sentences
    # as their source: whole in the group's first segment, which the others wait for.
    groups_kept_whole: int = 0
    placeholders: int = 0
    unmatched: list[KeptAside] = field(default_factory=list)
    with_codes: list[tuple[str, list[InlineCode]]] = field(default_factory=list)
    # Units whose state the file contradicted: read cautiously (not reviewed), reported.
    state_conflicts: list[InterchangeUnit] = field(default_factory=list)
    # Units in another language than the project's: skipped, each with the reason.
    other_language: list[SkippedUnit] = field(default_factory=list)
    # PO plural entries kept whole; and those whose forms the project's plural rule
    # could not take (only the singular's form was imported).
    plurals: int = 0
    plurals_singular_only: list[InterchangeUnit] = field(default_factory=list)
    # Of ``plurals``, entries whose forms were re-indexed to the project's plural rule
    # (a gettext two-form Spanish entry in a project with CLDR's three forms).
    plurals_reindexed: int = 0
    # Units the file marks not for translation (``translate="no"``), and PO obsolete
    # entries (``#~``): counted in ``units``, never imported.
    not_translatable: int = 0
    obsolete: int = 0
    # Of ``not_translatable``, the segments they match: flagged read-only (machine
    # translation leaves them alone), with the text the file keeps (the source) in place.
    read_only: int = 0
    # Segments matched by units another tool locked (memoQ, Trados Studio): flagged
    # read-only too; ``locked_by`` says how the file locked them, each way once.
    locked: int = 0
    locked_by: list[str] = field(default_factory=list)
    # The file's target languages that are the project's language in another region or
    # script (``es-ES`` imported into ``es-MX``): imported, with a warning.
    other_variety: list[str] = field(default_factory=list)
    # What the file's format forbids but ``--lenient`` let through.
    deviations: list[Deviation] = field(default_factory=list)

    @property
    def paragraphs_not_split(self) -> int:
        """Units of several sentences whose translation could not be cut into as many."""
        return sum(kept.why is Aside.NOT_SPLIT for kept in self.unmatched)

    @property
    def code_only(self) -> int:
        """Units whose source is nothing but inline codes: no text to match."""
        return sum(kept.why is Aside.ONLY_CODES for kept in self.unmatched)

    def lines(self) -> list[str]:
        out = [
            f"units read:             {self.units}",
            f"matched to segments:    {self.matched_units}",
            f"segments filled:        {self.segments_filled}",
            f"already the same:       {self.already_same}",
            f"kept existing work:     {self.kept_existing} (the file's text added as a note)",
            f"unchanged:              {self.noted_before} (own work kept; the file's text a "
            "note already)",
            f"review state changed:   {self.approved + self.reopened} (to the file's)",
            f"  approved in the file: {self.approved} (reviewed here now)",
            f"  sent back to review:  {self.reopened} (reviewed here, not reviewed in the file)",
            f"repeats as notes:       {self.alternatives} (a segment's second text in the file)",
            f"units without target:   {self.without_target}",
            f"placeholder targets:    {self.placeholders} (needs-translation; left new)",
            f"states read cautiously: {len(self.state_conflicts)}",
            f"paragraph units split:  {self.paragraph_units} (several sentences, shared out)",
            f"paragraphs not split:   {self.paragraphs_not_split} (kept aside)",
            f"aligned groups whole:   {self.groups_kept_whole} (in their first segment; the "
            "others wait for it)",
            f"unmatched (kept aside): {len(self.unmatched)}",
            f"only inline codes:      {self.code_only} (of the unmatched)",
            f"other language:         {len(self.other_language)} (skipped)",
            f"not for translation:    {self.not_translatable} {self._not_translatable_said()}",
            f"locked in the file:     {self.locked} {self._locked_said()}",
            f"obsolete entries:       {self.obsolete} (PO #~; skipped)",
            f"plural entries:         {self.plurals} (all forms kept)",
            f"with inline codes:      {len(self.with_codes)}",
        ]
        if self.plurals_reindexed:
            out.insert(
                -1,
                f"  re-indexed:           {self.plurals_reindexed} (to the project's plural rule)",
            )
        return out

    def kept_aside_lines(self, most: int = 10) -> list[str]:
        """Each unit kept aside with why, ``most`` of them, then how many more."""
        said = [f"kept aside {kept}" for kept in self.unmatched[:most]]
        if len(self.unmatched) > most:
            said.append(f"and {len(self.unmatched) - most} more kept aside")
        return said

    def _not_translatable_said(self) -> str:
        if not self.read_only:
            return '(translate="no"; skipped)'
        marked = f"{self.read_only} segment{'s' if self.read_only != 1 else ''} marked read-only"
        rest = ", the rest skipped" if self.read_only < self.not_translatable else ""
        return f'(translate="no"; {marked}{rest})'

    def _locked_said(self) -> str:
        if not self.locked:
            return "(memoQ, Trados Studio locks)"
        return f"({', '.join(self.locked_by)}; marked read-only)"

    def warnings(self, lang: str) -> list[str]:
        """What the summary's counts cannot say: a regional variety that is not the project's,
        segments the file marks not for translation."""
        said = [
            f"the file translates into {variety}, this project into {lang} (the same language, "
            f"another {_conflict(variety, lang)}): imported as {lang}; check spelling and "
            "vocabulary"
            for variety in self.other_variety
        ]
        if self.read_only:
            count = f"{self.read_only} segment{'s' if self.read_only != 1 else ''}"
            said.append(
                f'{count} the file marks not for translation (translate="no"): they keep the '
                "file's text (the source, where it gives none), flagged "
                f"'{READ_ONLY_FLAG}' so that machine translation leaves them alone"
            )
        if self.locked:
            count = f"{self.locked} segment{'s' if self.locked != 1 else ''}"
            said.append(
                f"{count} locked in the file ({', '.join(self.locked_by)}): they keep the "
                f"file's text, flagged '{READ_ONLY_FLAG}': the workbench does not edit them "
                "and machine translation leaves them alone"
            )
        return said


def unmatched_path(tfile_path: Path) -> Path:
    """``translations/<stem>.<lang>.unmatched.tmx`` beside ``<stem>.<lang>.po``."""
    return tfile_path.with_name(tfile_path.name[: -len(".po")] + ".unmatched.tmx")


def import_file(
    path: str | Path,
    document: Document,
    tfile: TranslationFile,
    *,
    overwrite: bool = False,
    lenient: bool = False,
    units: list[InterchangeUnit] | None = None,
) -> ImportReport:
    """Read ``path`` (unless its ``units`` were read already) and apply them to ``tfile``
    (in memory; the caller saves).

    A file that breaks its format's schema or rules is refused unless ``lenient``; one that
    gives nothing usable (no unit, no translation into ``tfile.lang``, no unit matching the
    document) is refused always, saying what it does hold. Units in other languages than
    the project's are skipped and reported. So is, before anything is saved, an import
    whose units kept aside could not go to the unmatched TMX (``_check_unmatched_writable``).
    """
    from termwise.project.import_languages import split_by_language

    deviations = validate_interchange(path)
    if deviations and not lenient:
        raise refuse(deviations)
    if units is None:
        units = read_units(path, target_lang=tfile.lang, source_lang=document.lang)
    kept, skipped = split_by_language(units, document, tfile.lang, Path(path))
    # A file of units not for translation only (a group translate="no") is no empty file:
    # each marks its segment read-only, as beside units to translate.
    locked = units.not_for_translation if isinstance(units, UnitList) else []
    if not (locked and not kept):
        check_usable(kept, Path(path), tfile.lang)
    origin = Path(path).name
    report = apply_units(kept, document, tfile, overwrite=overwrite, origin=origin)
    # A unit of several sentences that could not be shared out is kept aside: found, not lost.
    found = report.matched_units + sum(kept.in_document for kept in report.unmatched)
    if kept:
        check_matched(kept, found, Path(path), document.path)
    report.units += len(skipped)
    report.other_language = skipped
    report.deviations = deviations
    if isinstance(units, UnitList):
        report.not_translatable, report.obsolete = units.not_translatable, units.obsolete
        report.units += units.not_translatable + units.obsolete
        report.read_only = apply_not_for_translation(
            units.not_for_translation, document, tfile, overwrite=overwrite, origin=origin
        )
        if not kept:
            check_matched(locked, report.read_only, Path(path), document.path)
    report.other_variety = other_varieties(kept, tfile.lang)
    if isinstance(units, UnitList) and units.header_comment is not None:
        carry_header_comment(tfile, units.header_comment)
    _check_unmatched_writable(report, tfile, document, origin)
    return report


# xgettext's template comment, left as it was: it credits nobody.
_TEMPLATE_COMMENT_LINES = frozenset(
    (
        "#",
        "# SOME DESCRIPTIVE TITLE.",
        "# Copyright (C) YEAR THE PACKAGE'S COPYRIGHT HOLDER",
        "# This file is distributed under the same license as the PACKAGE package.",
        "# FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.",
    )
)


def carry_header_comment(tfile: TranslationFile, comment: str) -> None:
    """Add an imported PO file's header comment (each line with its end) below the project
    file's own: the translators' credits and the licence their work comes under stay with
    their translations. A comment the project file holds already is not added again."""
    own = tfile.header_comment
    if own is None:
        own = po_format.own_header_comment(tfile)
    lines = comment.splitlines(keepends=True)
    # Another project's file (an export) opens with termwise's lines for its document.
    ours = po_format.own_header_comment(tfile).splitlines(keepends=True)
    if lines[:1] and lines[0].startswith("# Translation of ") and lines[1:3] == ours[1:3]:
        lines = lines[3:]
        comment = "".join(lines)
    if all(line.rstrip() in _TEMPLATE_COMMENT_LINES for line in lines):
        return
    if comment in own:
        return
    separator = "#\n" if own and not own.endswith("#\n") else ""
    tfile.header_comment = own + separator + comment


def _subtags(tag: str) -> tuple[str | None, str | None]:
    """The script and region subtags of a language tag (``sr-Latn-RS``: Latn, RS)."""
    from termwise import languages

    try:
        parts = languages.normalize(tag).split("-")[1:]
    except languages.LanguageError:
        return None, None
    script = next((part for part in parts if len(part) == 4 and part.isalpha()), None)
    region = next(
        (part for part in parts if (len(part) == 2 and part.isalpha()) or part.isdigit()), None
    )
    return script, region


def _conflict(theirs: str, ours: str) -> str | None:
    """Which subtag, script or region, both tags name and differently; None if neither."""
    pairs = zip(("script", "region"), _subtags(ours), _subtags(theirs), strict=True)
    for what, mine, other in pairs:
        if mine is not None and other is not None and mine != other:
            return what
    return None


def other_varieties(units: list[InterchangeUnit], lang: str) -> list[str]:
    """The target languages of ``units`` that name another region or script than ``lang``.

    The units are the project's language (``split_by_language`` kept them), but a Spain
    Spanish file in a Mexican Spanish project brings its spelling and words. Only a
    conflict counts: ``es-ES`` into ``es``, or ``es`` into ``es-MX``, says nothing against.
    """
    tags = dict.fromkeys(unit.target_lang for unit in units if unit.target_lang and unit.target)
    return [tag for tag in tags if tag is not None and _conflict(tag, lang) is not None]


def apply_units(
    units: list[InterchangeUnit],
    document: Document,
    tfile: TranslationFile,
    *,
    overwrite: bool = False,
    origin: str = "import",
) -> ImportReport:
    report = ImportReport(units=len(units))
    index = SegmentIndex(document)
    labels = document.link_labels()
    filled_here: set[str] = set()
    locked: set[str] = set()
    for unit in units:
        unit = _without_kept_aside_note(unit)
        if unit.state_conflict:
            report.state_conflicts.append(unit)
        segment_ids = index.segments(unit.source)
        pieces: list[str | None] = [unit.target] * len(segment_ids)
        if not segment_ids:
            # A tool that segments otherwise (by paragraph, by its own rules): the unit holds
            # several of our sentences, and its translation is shared out over them.
            placed = _place_over_runs(unit, index.runs(unit.source), tfile.lang, labels)
            if isinstance(placed, KeptAside):
                report.unmatched.append(placed)
                continue
            segment_ids, pieces = placed
            if unit.target.strip() and not unit.placeholder:
                if None in pieces:
                    report.groups_kept_whole += 1
                else:
                    report.paragraph_units += 1
        report.matched_units += 1
        if unit.locked is not None:
            _lock(unit.locked, tfile, segment_ids, origin, report)
            locked.update(segment_ids)
        if unit.placeholder or not unit.target.strip():
            if unit.placeholder:
                report.placeholders += 1
            else:
                report.without_target += 1
            # No translation to take, but what the file says about the source is kept.
            for segment_id in segment_ids:
                _take_about_source(unit, tfile.units[segment_id], notes=True)
            continue
        if unit.inline_codes:
            report.with_codes.append((segment_ids[0], unit.inline_codes))
        holder = segment_ids[0]
        for segment_id, target in zip(segment_ids, pieces, strict=True):
            if target is None:
                _wait_for(unit, tfile, segment_id, holder, filled_here, origin)
                continue
            holder = segment_id
            _apply(unit, target, tfile, segment_id, report, filled_here, overwrite, origin)
    report.locked = len(locked)
    return report


def _wait_for(
    unit: InterchangeUnit,
    tfile: TranslationFile,
    segment_id: str,
    holder: str,
    filled_here: set[str],
    origin: str,
) -> None:
    """Note on a later sentence of an aligned group that its translation is in ``holder``,
    the group's first segment, as a cut sentence's later parts wait: no edition prints it
    as untranslated, MT leaves it empty, and the workbench joins it or shares the text out.
    A sentence with a translation of its own, or whose holder kept another (the group's
    went into a note there), waits for nothing."""
    project_unit = tfile.units[segment_id]
    _take_about_source(unit, project_unit)
    if holder not in filled_here or project_unit.target or waited_for(project_unit):
        return
    why = f"where {origin} has its aligned group {unit.properties[ALIGNMENT_PROPERTY]}"
    note = in_neighbour_note(holder, why)
    project_unit.notes = f"{project_unit.notes}\n{note}".strip()


def _lock(
    how: str, tfile: TranslationFile, segment_ids: list[str], origin: str, report: ImportReport
) -> None:
    """Flag the segments a locked unit matches read-only, with a comment saying who locked
    them (see ``read_only_reason``)."""
    if how not in report.locked_by:
        report.locked_by.append(how)
    comment = LOCKED_COMMENT.format(how=how, origin=origin)
    for segment_id in segment_ids:
        project_unit = tfile.units[segment_id]
        project_unit.flags = project_unit.flags | {READ_ONLY_FLAG}
        if not any(c.startswith(READ_ONLY_COMMENTS) for c in project_unit.comments):
            project_unit.comments = (*project_unit.comments, comment)


def _apply(
    unit: InterchangeUnit,
    target: str,
    tfile: TranslationFile,
    segment_id: str,
    report: ImportReport,
    filled_here: set[str],
    overwrite: bool,
    origin: str,
) -> None:
    project_unit = tfile.units[segment_id]
    # What the file says about the source (comments, flags, references) holds whatever
    # becomes of its translation here.
    _take_about_source(unit, project_unit)
    state = unit.state
    if state is None:
        # A TM's units carry no status: they are translations a person made and kept.
        state = SegmentState.EDITED if unit.reviewed is False else SegmentState.REVIEWED
    if project_unit.target == target:
        if unit.plural is not None and not project_unit.is_plural:
            _take_plural(unit, tfile, project_unit, report)
        if state is SegmentState.REVIEWED and project_unit.state is not SegmentState.REVIEWED:
            project_unit.mark_reviewed()
            report.approved += 1
        elif not _reopens(unit, project_unit, report):
            report.already_same += 1
        return
    taken_by_import = segment_id in filled_here
    has_own_work = project_unit.state in (SegmentState.EDITED, SegmentState.REVIEWED)
    if taken_by_import or (has_own_work and not overwrite):
        note = f"Alternative translation ({origin}): {target}"
        noted = note in project_unit.notes
        if not noted:
            project_unit.notes = f"{project_unit.notes}\n{note}".strip()
        if taken_by_import:
            report.alternatives += 1
            return
        # Another tool's reviewer rejected it ("needs-review", approved="no", fuzzy) with
        # a text of their own: kept as "reviewed", the rejection was lost without a word.
        reopened = _reopens(unit, project_unit, report)
        if not noted:
            report.kept_existing += 1
        elif not reopened:
            report.noted_before += 1
        return
    if state is SegmentState.MT:
        # The file says this is machine translation: it stays a suggestion to review.
        project_unit.mt = target
        project_unit.mt_engine = project_unit.mt_model = None
    if unit.mt is not None and target == unit.target:
        # The MT the file keeps beside the translation, and what made it (a unit spread
        # over several segments keeps none: its MT is of the whole).
        project_unit.mt = unit.mt
        project_unit.mt_engine, project_unit.mt_model = unit.mt_engine, unit.mt_model
    elif state is SegmentState.MT and unit.mt_engine:
        project_unit.mt_engine, project_unit.mt_model = unit.mt_engine, unit.mt_model
    if unit.plural is not None:
        _take_plural(unit, tfile, project_unit, report)
    project_unit.set_translation(target, reviewed=state is SegmentState.REVIEWED)
    # The source the file's translation was made for (``#| msgid``): the reviewer compares
    # it with the new one. A reviewed translation keeps none (see ``mark_reviewed``), and a
    # unit spread over several segments has one of the whole paragraph only.
    keeps_previous = state is not SegmentState.REVIEWED and target == unit.target
    project_unit.previous_source = unit.previous_source if keeps_previous else None
    # Set after it: a changed previous source forgets the previous plural source and
    # context it had.
    if keeps_previous and unit.previous_source:
        project_unit.previous_plural_source = unit.previous_plural_source
        project_unit.previous_context = unit.previous_context
    if unit.notes and unit.notes not in project_unit.notes:
        project_unit.notes = f"{project_unit.notes}\n{unit.notes}".strip()
    codes = [code.native for code in unit.inline_codes if code.side == "target"]
    if codes:
        note = f"Inline codes in {origin} not kept in the text: {' '.join(codes)}"
        project_unit.notes = f"{project_unit.notes}\n{note}".strip()
    filled_here.add(segment_id)
    report.segments_filled += 1


def _reopens(unit: InterchangeUnit, project_unit: TranslationUnit, report: ImportReport) -> bool:
    """Send ``project_unit`` back to review where it is reviewed and the file says it is not
    (``InterchangeUnit.says_unreviewed``); return whether it did. The file's word that its
    reviewer rejected the text or withdrew the approval is news whatever the text: kept as
    "reviewed", the editions went on printing what a reviewer had taken back. A file that
    says nothing of review (no state, "translated") leaves the project's review alone."""
    if project_unit.state is not SegmentState.REVIEWED or not unit.says_unreviewed:
        return False
    project_unit.set_translation(project_unit.target)
    report.reopened += 1
    return True


def _take_about_source(
    unit: InterchangeUnit, project_unit: TranslationUnit, *, notes: bool = False
) -> None:
    """Add what ``unit`` says about its source to ``project_unit``, each item once: the
    comments for the translator (``#.``), the PO flags (``c-format``...), the source
    references (``#:``) and, with ``notes``, the translators' notes."""
    new_comments = tuple(c for c in dict.fromkeys(unit.comments) if c not in project_unit.comments)
    if new_comments:
        project_unit.comments = project_unit.comments + new_comments
    if not unit.flags <= project_unit.flags:
        project_unit.flags = project_unit.flags | unit.flags
    new_locations = tuple(
        place for place in dict.fromkeys(unit.locations) if place not in project_unit.locations
    )
    if new_locations:
        project_unit.locations = project_unit.locations + new_locations
    if notes and unit.notes and unit.notes not in project_unit.notes:
        project_unit.notes = f"{project_unit.notes}\n{unit.notes}".strip()


def read_only_reason(unit: TranslationUnit) -> str | None:
    """Why a segment is read-only; None where the segment is not flagged read-only.

    Where termwise's import locked it, the comment the import wrote says why: the file's
    other comments on it were what that file said about the source (a developer's note).
    A flag another tool set (Weblate's ``#, read-only``) comes with that tool's words in
    its comments ("Locked in Weblate: legal text"), which no prefix tells from any other:
    the comments of an entry that tool flagged are what it says about it, so they are
    said with the flag, less termwise's own machine lines (the aligner's, the glossary's)."""
    if READ_ONLY_FLAG not in unit.flags:
        return None
    said = [c for c in dict.fromkeys(unit.comments) if c.startswith(READ_ONLY_COMMENTS)]
    if said:
        return "; ".join(said)
    flag = f"flagged '{READ_ONLY_FLAG}' in the translation file (#, {READ_ONLY_FLAG})"
    theirs = [c for c in dict.fromkeys(unit.comments) if c.strip() and not own_machine_line(c)]
    return f"{flag}: {'; '.join(theirs)}" if theirs else flag


def own_machine_line(comment: str) -> bool:
    """Whether ``comment`` is one termwise writes for itself (``po_format.own_comments``: the
    MT's lines, what glossary-constrained MT did, the aligner's record), which no other tool
    has a use for and which is no tool's word on a lock. Why a segment is read-only is
    termwise's too, but it is said to the translator: it is no machine line.

    ``export.xliff`` asks it too, so that a read-only segment's reason here and the notes
    an export gives another tool leave out the same lines."""
    keys, _ = po_format.own_comments()
    return comment.startswith(keys) and not comment.startswith(READ_ONLY_COMMENTS)


def apply_not_for_translation(
    units: list[InterchangeUnit],
    document: Document,
    tfile: TranslationFile,
    *,
    overwrite: bool = False,
    origin: str = "import",
) -> int:
    """Mark the segments that units not for translation match (by source text) read-only,
    with the text the file keeps (see ``interchange._not_for_translation``); return how many.

    The text goes in as any imported translation does (a translator's own text stays unless
    ``overwrite``, the file's then in a note); the ``read-only`` flag (Weblate's) and a
    comment say that it is not to be translated, so that machine translation leaves it
    alone and a translator sees why. A unit that matches no segment (a Trados structure
    unit, a file name) stays skipped: it is no sentence of the document.
    """
    quiet = ImportReport()  # their counts are the summary's "not for translation" line
    marked: set[str] = set()
    comment = NOT_FOR_TRANSLATION_COMMENT.format(origin=origin)
    index = SegmentIndex(document)
    for unit in units:
        for segment_id in index.segments(unit.source):
            project_unit = tfile.units[segment_id]
            if unit.target.strip():
                _apply(unit, unit.target, tfile, segment_id, quiet, set(), overwrite, origin)
            else:
                _take_about_source(unit, project_unit, notes=True)
            project_unit.flags = project_unit.flags | {READ_ONLY_FLAG}
            if not any(c.startswith(READ_ONLY_COMMENTS) for c in project_unit.comments):
                project_unit.comments = (*project_unit.comments, comment)
            marked.add(segment_id)
    return len(marked)


def _take_plural(
    unit: InterchangeUnit,
    tfile: TranslationFile,
    project_unit: TranslationUnit,
    report: ImportReport,
) -> bool:
    """Keep a PO plural entry whole on ``project_unit``; False when the project's plural
    rule indexes forms differently from the file's and they cannot be re-indexed without
    losing one (its forms would change meaning).

    A project file starts with Babel's (CLDR's) rule, which for Spanish, French, Italian or
    Portuguese has a third form that gettext, Poedit and Weblate do not write. While no
    entry of the project is plural, the rule indexes nothing, so the file's rule is taken.
    """
    from termwise.project.po_format import convert_plural_forms, plural_rule, same_plural_rule

    plural = unit.plural
    assert plural is not None
    theirs = plural_rule(plural.rule, tfile.lang)
    has_plurals = any(u.is_plural for u in chain(tfile.units.values(), tfile.obsolete))
    if not has_plurals:
        tfile.plural_forms = plural.rule or f"nplurals={theirs[0]}; plural={theirs[1]};"
    ours = tfile.plural_rule()
    forms = plural.forms
    if not same_plural_rule(ours, theirs):
        converted = convert_plural_forms(plural.forms, theirs, ours)
        if converted is None:
            report.plurals_singular_only.append(unit)
            return False
        forms = converted
        report.plurals_reindexed += 1
    project_unit.plural_source = plural.source
    project_unit.plural_forms = forms
    project_unit.plural_index = tfile.singular_index()
    report.plurals += 1
    return True


def _place_over_runs(
    unit: InterchangeUnit, runs: list[Run], lang: str, labels: frozenset[str] | None
) -> tuple[list[str], list[str | None]] | KeptAside:
    """The segments of ``runs`` within one paragraph (any, for an aligner's group), each with
    its sentence of the unit's translation (None: it waits for the run's first segment, see ``_wait_for``); or why
    the unit is kept aside.

    A translation is cut as the segmenter cuts sentences, and shared out only where it makes
    as many as the run has segments: a translator who joined or split sentences made no
    sentence-for-sentence translation. A unit over two or more paragraphs is kept aside: no
    CAT tool's segment crosses a paragraph, so the file's text is laid out otherwise than the
    document's, and which of its sentences ends a paragraph would be a guess. Not one of
    termwise's aligner: it groups the document's own sentences across paragraphs (a text
    with one sentence a line, ``--presegmented``, has a paragraph a line), so its group is
    shared out where it cuts into as many sentences, and else kept whole in the run's first
    segment, which the others wait for: its project output joins such a group's sentences
    into one segment, a join the workbench's F3 makes of waiting sentences.
    """
    if not runs:
        why = Aside.NOT_IN_DOCUMENT if unit.source.strip() else Aside.ONLY_CODES
        return KeptAside(unit, why)
    aligned = ALIGNMENT_PROPERTY in unit.properties
    within = [run for run in runs if aligned or run.paragraphs == 1]
    if not within:
        return KeptAside(unit, Aside.SPANS_PARAGRAPHS, (("paragraphs", runs[0].paragraphs),))
    segment_ids = [segment_id for run in within for segment_id in run.ids]
    if unit.placeholder or not unit.target.strip():
        # No translation to share out; what the file says about the source still counts.
        return segment_ids, [unit.target] * len(segment_ids)
    sentences = _split_sentences(unit.target, lang, labels)
    pieces: list[str | None] = []
    for run in within:
        if len(sentences) == len(run.segments):
            pieces.extend(sentences)
        elif aligned:
            pieces.extend([unit.target, *[None] * (len(run.segments) - 1)])
        else:
            counts = (("sentences", len(sentences)), ("segments", len(run.segments)))
            return KeptAside(unit, Aside.NOT_SPLIT, counts)
    return segment_ids, pieces


def _without_kept_aside_note(unit: InterchangeUnit) -> InterchangeUnit:
    """``unit`` less the note an unmatched TMX gave it (imported again, once the document
    has its sentences): why it was kept aside is no note on its translation."""
    lines = unit.notes.splitlines()
    kept = [line for line in lines if not line.startswith(KEPT_ASIDE_NOTE)]
    return unit if len(kept) == len(lines) else replace(unit, notes="\n".join(kept))


def _split_sentences(text: str, lang: str, labels: frozenset[str] | None) -> list[str]:
    """``text`` cut into sentences as the segmenter cuts the source. In a
    Markdown document's translation (``labels`` not None) nothing is cut that the reader
    cuts nowhere in the source: a comment ("<!-- TODO: check. Ask Ana! -->" is no two
    sentences), a code span, a link's target ("[x](<a. B>)"), a reference to a defined
    label ("[this][Mr. B. Smith]") or a declaration. The segmenter's own reading of them
    (``spans_kept_whole``), so that a translation splits where its source did."""
    from termwise.document import split_sentences
    from termwise.document.reading import spans_kept_whole

    normalized = content_key(text)
    hidden, code = spans_kept_whole(normalized, labels) if labels is not None else ([], [])
    spans = split_sentences(normalized, lang, hidden, code)
    return [normalized[start:end].strip() for start, end in spans]


def write_unmatched(
    report: ImportReport, tfile: TranslationFile, document: Document, origin: str = "import"
) -> Path | None:
    """Add the units kept aside to the unmatched TMX (atomically), each with a note saying
    why (``origin`` names the file imported); return its path.

    Called once the translation file is saved: ``import_file`` refused already what would
    stop this write (an unmatched TMX that cannot be read or replaced), so a refused save
    leaves no TMX behind and a saved one is not followed by "Nothing was written". Where
    the write fails all the same (a full disk), the error says that the import itself is
    saved and how to keep the units aside."""
    from termwise.atomic import WriteError, os_error_advice, write_atomic

    prepared = _unmatched_tmx(report, tfile, document, origin)
    if prepared is None:
        return None
    path, payload = prepared
    try:
        write_atomic(path, payload, backup=True)
    except WriteError as error:
        cause = error.__cause__
        said = str(error).removeprefix(f"{error.path}: ")
        why = os_error_advice(cause) if isinstance(cause, OSError) else said
        count = len(report.unmatched)
        raise WriteError(
            path,
            f"not saved ({why}): {count} unit{'s' if count != 1 else ''} kept aside wait for "
            f"it; the rest of the import is saved in {tfile.path}, and once this is put right, "
            f"importing {origin} again keeps them here",
        ) from error
    return path


def _check_unmatched_writable(
    report: ImportReport, tfile: TranslationFile, document: Document, origin: str
) -> None:
    """Refuse, before the translation file is saved, an import whose units kept aside could
    not be added to the unmatched TMX afterwards: one there already that is no TMX termwise
    reads (``InputError``), or that cannot be replaced (``WriteError``: read-only, a folder).
    The save and this write then succeed or fail together, short of the disk failing."""
    from termwise.atomic import check_output_path

    prepared = _unmatched_tmx(report, tfile, document, origin)
    # A folder not there yet is made by the save of the translation file, beside which the
    # TMX goes; that save refuses a parent that cannot hold it.
    if prepared is not None and prepared[0].parent.is_dir():
        check_output_path(prepared[0])


def _unmatched_tmx(
    report: ImportReport, tfile: TranslationFile, document: Document, origin: str
) -> tuple[Path, bytes] | None:
    """The unmatched TMX's path and its new content (the units it holds and those kept aside
    now, each pair once); None where nothing is kept aside or the project file has no path."""
    from termwise.project.tmx import tmx_bytes

    if not report.unmatched or tfile.path is None:
        return None
    path = unmatched_path(tfile.path)
    kept: list[InterchangeUnit] = []
    if path.exists():
        kept = read_units(path, target_lang=tfile.lang, source_lang=document.lang)
    seen = {(unit.source, unit.target) for unit in kept}
    for aside in report.unmatched:
        unit = aside.unit
        if (unit.source, unit.target) in seen:
            continue
        seen.add((unit.source, unit.target))
        said = f"{KEPT_ASIDE_NOTE} ({origin}): {aside.reason}"
        kept.append(
            InterchangeUnit(
                id=unit.id,
                source=unit.source,
                target=unit.target,
                source_lang=unit.source_lang or document.lang,
                target_lang=unit.target_lang or tfile.lang,
                notes=f"{unit.notes}\n{said}".strip(),
                inline_codes=unit.inline_codes,
                properties=unit.properties,
            )
        )
    return path, tmx_bytes(kept, document.lang)


def codes_said(codes: list[InlineCode]) -> str:
    """The inline codes of a unit, each once with how often it stands on each side: the same
    codes around the source's words and the translation's are said once."""
    sides = {
        side: Counter(code.native for code in codes if code.side == side)
        for side in ("source", "target")
    }

    def listed(counts: Counter[str]) -> str:
        return ", ".join(f"{native} ×{count}" for native, count in counts.items())

    source, target = sides["source"], sides["target"]
    if source == target:
        return f"{listed(source)} (in the source and the target alike)"
    return "; ".join(f"{side}: {listed(counts)}" for side, counts in sides.items() if counts)
