"""Opening a document's translation and keeping it in step with the document.

The document is the truth about *which* segments exist; the project file is the truth about
the work done on them. When the source changes, nothing a person did may be lost: work is
carried over by segment id, then by identical source text, then across a changed
segmentation (sentences the segmenter now joins or splits, see ``_carry_over_resegmented``),
then by a close fuzzy match (marked for review, with the old source kept for comparison), and
whatever still has no home becomes an obsolete entry (gettext's ``#~``), which Poedit and
msgmerge also keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from termwise import languages
from termwise.document.ids import content_key
from termwise.errors import TermwiseError
from termwise.project.fuzzy_carry import FUZZY_THRESHOLD as FUZZY_THRESHOLD
from termwise.project.fuzzy_carry import FuzzyIndex as _FuzzyIndex
from termwise.project.omissions import (
    confirmed_omission,
    in_neighbour_note,
    joined_notes,
    waited_for,
    without_wait,
)
from termwise.project.translation_file import TranslationFile
from termwise.project.units import (
    MT_MAY_FILL,
    READ_ONLY_FLAG,
    SegmentState,
    TranslationUnit,
    same_text,
)

if TYPE_CHECKING:
    from termwise.document.model import Document, Segment
    from termwise.document.resegmentation import Resegmentation
    from termwise.mt.engine import MTResult
    from termwise.project.layout import ProjectLayout


@dataclass
class SyncReport:
    """How each segment found (or did not find) its earlier work."""

    by_id: list[str] = field(default_factory=list)
    by_text: list[str] = field(default_factory=list)
    by_fuzzy: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    obsoleted: list[str] = field(default_factory=list)
    # Segments whose source text changed under their translation (a term fixed in the
    # source): each translation is back to needing review, with the old source kept.
    source_changed: list[str] = field(default_factory=list)
    reviewed_reopened: list[str] = field(default_factory=list)
    # Locked segments (``read-only``) whose source changed, by id or found by a close match:
    # the lock stays, set for the old words, so someone must look whether it still holds.
    locked_source_changed: list[str] = field(default_factory=list)
    # Sentences the segmenter now makes one segment of (an old cut it no longer makes, as
    # "Anm. d. | Übers." was): each new segment's id and the ids of the units joined into it.
    joined: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    # One unit's sentence the segmenter now cuts: its id and the new segments' ids; the
    # translation went whole onto the first of them.
    split: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    # Of ``joined`` and ``split``: how many translations each new segment (a join's, a cut
    # sentence's first part) took; a locked part with nothing, or MT the join drops, gives
    # none, and a note counting it said work moved where none was.
    carried: dict[str, int] = field(default_factory=dict)
    # Of ``joined`` and ``split``: the new segments a locked sentence's lock went to (with
    # its reasons), translated or not.
    locked: list[str] = field(default_factory=list)
    # Of ``locked``, joins whose parts had MT, but not each: the MT they had is kept (no MT
    # of the whole can replace it), and it may leave a sentence out.
    locked_mt_kept: list[str] = field(default_factory=list)
    # Later parts of a cut sentence that an older termwise filled with MT while the part
    # before held the whole sentence's translation: the MT is a suggestion again
    # (``_mt_over_held_parts``).
    mt_set_aside: list[str] = field(default_factory=list)
    # The translation file as ``open_translation`` read it (None: there was none): a
    # command that has not written it since moved the work above in memory only.
    read_stamp: FileStamp | None = None

    def saved_since(self, path: Path) -> bool:
        """Whether ``path`` was written since it was read for this sync: the work moved is
        in the file, and the next command will not say it again."""
        return _file_stamp(path) != self.read_stamp

    @property
    def changed(self) -> bool:
        return bool(
            self.by_text
            or self.by_fuzzy
            or self.new
            or self.obsoleted
            or self.source_changed
            or self.joined
            or self.split
            or self.mt_set_aside
        )

    def lines(self) -> list[str]:
        """What happened to a person's work that they would not otherwise learn: commands
        print it, since a translation moved or put aside looks like lost work."""
        said: list[str] = []
        joins = [new for new, _ in self.joined if self.carried.get(new)]
        if joins:
            units = sum(self.carried[new] for new in joins)
            said.append(
                f"{_count(units, 'translation')} carried over into "
                f"{_count(len(joins), 'segment')} the segmenter now makes of them (joined, to "
                "review)"
            )
        cuts = [new for _, new in self.split if self.carried.get(new[0])]
        if cuts:
            parts = sum(len(new) for new in cuts)
            said.append(
                f"{_count(len(cuts), 'translation')} carried over whole onto the first "
                f"of the {parts} segments the segmenter now cuts them into (to review and "
                "share out)"
            )
        locked_joins = [new for new, _ in self.joined if new in self.locked]
        if locked_joins:
            # A lock moved is no translation carried, but says why the segment is read-only.
            said.append(
                f"{_count(len(locked_joins), 'segment')} the segmenter now joins from a "
                f"locked sentence's parts {'stays' if len(locked_joins) == 1 else 'stay'} "
                "read-only, with the lock's reasons"
            )
        if self.locked_mt_kept:
            said.append(
                f"{_count(len(self.locked_mt_kept), 'locked segment')} the segmenter now joins "
                f"{'keeps' if len(self.locked_mt_kept) == 1 else 'keep'} the MT its parts had, "
                "though not every part had one: no MT of the whole replaces a lock's, so look "
                "whether it leaves a sentence out"
            )
        locked_cuts = [new for _, new in self.split if new[0] in self.locked]
        if locked_cuts:
            said.append(
                f"{_count(len(locked_cuts), 'locked sentence')} the segmenter now cuts into "
                f"{sum(len(new) for new in locked_cuts)} segments: every part stays "
                "read-only, with the lock's reasons"
            )
        if self.locked_source_changed:
            count = len(self.locked_source_changed)
            said.append(
                f"{_count(count, 'locked segment')} whose source text changed "
                f"{'stays' if count == 1 else 'stay'} read-only, with the lock's reasons; the "
                "lock was set for the old text: look whether it still holds (a translation "
                "kept is marked for review, the old text beside it)"
            )
        if self.mt_set_aside:
            said.append(
                f"{_count(len(self.mt_set_aside), 'machine translation')} of a cut sentence's "
                "later part kept as a suggestion only: the part before holds the whole "
                "sentence's translation (an older termwise printed it twice)"
            )
        if self.obsoleted:
            said.append(
                f"{_count(len(self.obsoleted), 'translation')} kept as obsolete entries (#~): "
                "no segment of the document has their source any more"
            )
        return said


# A file's modification time, size and inode: a save replaces the file.
FileStamp = tuple[int, int, int]


def _file_stamp(path: Path) -> FileStamp | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# The reports of the syncs ``open_translation`` makes while a command collects them.
_collected: ContextVar[list[tuple[Path | None, SyncReport]] | None] = ContextVar(
    "termwise_sync_reports", default=None
)


@contextmanager
def collecting_sync_reports() -> Iterator[list[tuple[Path | None, SyncReport]]]:
    """Gather each translation file's sync report (its path and the report) while the block
    runs, so that the command line can say what moved; the core prints nothing itself.
    A block inside another's (a review session's, opened by a command) passes what it
    gathered on, so that the command still says it."""
    outer = _collected.get()
    reports: list[tuple[Path | None, SyncReport]] = []
    token = _collected.set(reports)
    try:
        yield reports
    finally:
        _collected.reset(token)
        if outer is not None:
            outer.extend(reports)


def translation_path(layout: ProjectLayout, document: Document, lang: str) -> Path:
    if document.path is None:
        raise TermwiseError("the document has no file name, so it has no project file")
    return layout.translation_file(document.path, lang)


def work_in_other_languages(
    layout: ProjectLayout, source_path: Path, lang: str, document: Document
) -> dict[str, tuple[str, Path]]:
    """The segments of ``document`` (``source_path`` as the project segments it) that a
    translation into a language other than ``lang`` has work in, each with that language and
    its file (the first, in the project's order): the segmentation is the document's, so a
    join or split there changes them under it.

    Each file is read as every command reads it, synced with ``document`` (in memory, never
    saved): work a changed segmentation carried onto a segment is under that segment's id
    only once synced, and read as saved, that segment looked free to split or join."""
    held: dict[str, tuple[str, Path]] = {}
    for other in layout.translation_languages(source_path):
        if languages.same_language(other, lang):
            continue
        path = layout.translation_file(source_path, other)
        if not path.exists():
            continue
        tfile = TranslationFile.load(path)
        sync_with_document(tfile, document)
        for segment_id, unit in tfile.units.items():
            if unit.has_work():
                held.setdefault(segment_id, (other, path))
    return held


def open_translation(layout: ProjectLayout, document: Document, lang: str) -> TranslationFile:
    """Load ``translations/<stem>.<lang>.po`` (or start one) and sync it with ``document``.

    Nothing is written: the caller saves when it has something to save.
    """
    target_lang = languages.normalize(lang)
    path = translation_path(layout, document, target_lang)
    read_stamp = _file_stamp(path)
    if path.exists():
        tfile = TranslationFile.load(path)
        if not languages.same_language(tfile.lang, target_lang):
            raise TermwiseError(f"{path} holds a translation into {tfile.lang}, not {target_lang}")
        if tfile.lang == "zh-Hant" and target_lang != tfile.lang:
            # An older termwise's zh-TW (zh-HK, zh-MO) translation, renamed as it asks
            # (``layout.OldTranslationName``): the region is the file name's, and its
            # Language header says so from the next save on.
            tfile.lang = target_lang
        tfile.source_lang = languages.normalize(document.lang)
    else:
        tfile = TranslationFile(
            lang=target_lang,
            source_lang=document.lang,
            document_name=document.path.name if document.path else "",
        )
        tfile.path = path
    report = sync_with_document(tfile, document)
    report.read_stamp = read_stamp
    collected = _collected.get()
    if collected is not None and report.lines():
        collected.append((path, report))
    return tfile


def sync_with_document(tfile: TranslationFile, document: Document) -> SyncReport:
    """Rebuild ``tfile.units`` in document order, carrying earlier work over (see module doc)."""
    report = SyncReport()
    if _already_in_sync(tfile, document):
        # The usual case (the file was saved for this very document): nothing moves, and
        # a book opens without the matching passes below.
        report.by_id.extend(tfile.units)
        tfile.obsolete = [unit for unit in tfile.obsolete if unit.has_work()]
        report.mt_set_aside = _mt_over_held_parts(tfile.units)
        return report
    old_units = list(tfile.units.values())
    pool: list[TranslationUnit] = old_units + list(tfile.obsolete)
    claimed: set[int] = set()  # indexes into pool
    placed: dict[str, TranslationUnit] = {}
    segments = document.segments

    # Pass 1: same segment id. Ids are content hashes kept across termwise's own edits by
    # aliases, so an id match with other text is a source edit termwise made (a term fix):
    # the segment keeps its translation, but a translation of other words is not reviewed
    # for these words, so it goes back to needing review (fuzzy), the old source kept.
    by_id: dict[str, int] = {}
    for index, unit in enumerate(pool):
        by_id.setdefault(unit.segment_id, index)
    for segment in segments:
        found = by_id.get(segment.id)
        if found is None or found in claimed:
            continue
        unit = pool[found]
        claimed.add(found)
        if unit.source != segment.text and not _spaced_join(
            unit.source, segment.text, document.lang
        ):
            _source_changed(unit, segment.text, segment.id, report)
        unit.source = segment.text
        unit.segment_id = segment.id
        placed[segment.id] = unit
        report.by_id.append(segment.id)

    # Pass 2: identical source text (the sentence moved, or its repeat count changed).
    by_text: dict[str, list[int]] = {}
    for index, unit in enumerate(pool):
        if index not in claimed:
            by_text.setdefault(content_key(unit.source), []).append(index)
    for segment in segments:
        if segment.id in placed:
            continue
        candidates = [i for i in by_text.get(content_key(segment.text), []) if i not in claimed]
        if not candidates:
            continue
        # Prefer the candidate with the most work in it.
        index = max(candidates, key=lambda i: _work_rank(pool[i]))
        unit = pool[index]
        claimed.add(index)
        unit.segment_id = segment.id
        unit.source = segment.text
        placed[segment.id] = unit
        report.by_text.append(segment.id)

    # Pass 3: the same sentences cut otherwise (before the fuzzy pass: an exact match of
    # the whole outranks a close match of one part, which took a long sentence's first
    # part and left its short second part's translation obsolete).
    _carry_over_resegmented(
        pool, claimed, placed, segments, report, source_lang=document.lang, target_lang=tfile.lang
    )

    # Pass 4: close fuzzy match against the remaining units that hold a person's translation,
    # or a lock. Machine translation is not carried: it was made for other words, and a new
    # MT of the new words is better than the old one marked for review. A lock (another
    # tool's ``read-only``, an import's translate="no") is the project's decision about the
    # sentence, not about its words: it stays on the sentence reworded, whatever it holds
    # (no MT can replace a locked segment's), as Weblate keeps a read-only string read-only
    # when its source changes; left behind, the sentence was silently editable.
    remaining = _FuzzyIndex(
        [
            (i, pool[i].source)
            for i in range(len(pool))
            if i not in claimed
            and ((pool[i].target and pool[i].state in _HUMAN) or READ_ONLY_FLAG in pool[i].flags)
        ]
    )
    for segment in segments:
        if segment.id in placed or not remaining:
            continue
        best_index, best_ratio = remaining.best(segment.text)
        if best_index is None or best_ratio < FUZZY_THRESHOLD:
            continue
        old = pool[best_index]
        claimed.add(best_index)
        remaining.remove(best_index)
        lock = old.flags & {READ_ONLY_FLAG}
        carried = _reworded_unit(old, segment, flags=lock, comments=_lock_comments(old))
        # A plural entry's other forms come along, for review with the rest.
        carried.plural_source = old.plural_source
        carried.plural_forms = old.plural_forms
        carried.plural_index = old.plural_index
        placed[segment.id] = carried
        report.by_fuzzy.append(segment.id)
        if lock:
            report.locked_source_changed.append(segment.id)

    units: dict[str, TranslationUnit] = {}
    for segment in segments:
        kept = placed.get(segment.id)
        if kept is None:
            kept = TranslationUnit(segment_id=segment.id, source=segment.text)
            report.new.append(segment.id)
        units[segment.id] = kept
    obsolete: list[TranslationUnit] = []
    previously_obsolete = {id(unit) for unit in tfile.obsolete}
    for index, unit in enumerate(pool):
        if index in claimed or not unit.has_work():
            continue
        obsolete.append(unit)
        if id(unit) not in previously_obsolete:
            report.obsoleted.append(unit.segment_id)
    tfile.units = units
    tfile.obsolete = obsolete
    report.mt_set_aside = _mt_over_held_parts(units)
    return report


def _mt_over_held_parts(units: Mapping[str, TranslationUnit]) -> list[str]:
    """Take back the MT an older termwise (before c585aaf) put on a cut sentence's later
    part while the part before still held the whole sentence's translation: every edition
    printed that part twice. Return the parts' ids; their MT stays as a suggestion.

    Only what the file records makes a part one of them, so that nothing a person chose
    goes: the part holds untouched MT (nobody edited or reviewed it) and the carry-over's
    note naming the part before; the parts between wait for that part too; and that part
    holds a person's translation (edited or reviewed) that is longer than its own share by
    at least half the MT's length: it still holds the whole sentence's. A part a person
    already cut down to its share does not print the sentence twice, and its MT stays the
    part's text. Its ``#| msgid``, where it still has one, must be the whole old sentence;
    reviewing takes it away (the older workbench did, as Poedit does), and a reviewed part
    that still holds the whole sentence printed it twice just the same, so the length
    decides there. Setting the MT aside loses nothing: it stays the part's suggestion."""
    from termwise.project.units import same_text

    # Every command's sync asks this: the file's order is indexed only where a part waits.
    waiting = [
        (at, segment_id, unit, holder_id)
        for at, (segment_id, unit) in enumerate(units.items())
        if unit.state is SegmentState.MT
        and unit.notes
        and unit.target
        and (holder_id := waited_for(unit)) is not None
    ]
    if not waiting:
        return []
    order = list(units)
    position = {segment_id: at for at, segment_id in enumerate(order)}
    set_aside: list[str] = []
    for at, segment_id, unit, holder_id in waiting:
        if unit.mt is None or not same_text(unit.target, unit.mt):
            continue
        start = position.get(holder_id)
        if start is None or start >= at:
            continue
        holder = units[holder_id]
        if holder.state not in _HUMAN or not holder.target:
            continue
        between = [units[other] for other in order[start + 1 : at]]
        if any(waited_for(part) != holder_id for part in between):
            continue
        if holder.previous_source is not None and not _spelled_out_by(
            holder.previous_source, [holder.source, *(part.source for part in between), unit.source]
        ):
            continue
        share = len(unit.mt) * len(holder.source) / max(len(unit.source), 1)
        if len(holder.target) < share + len(unit.mt) / 2:
            continue
        unit.target = ""
        unit.state = SegmentState.NEW
        set_aside.append(segment_id)
    return set_aside


def _spelled_out_by(whole: str, parts: Sequence[str]) -> bool:
    """Whether ``whole`` begins with ``parts`` one after the other, whatever the spaces (a
    Chinese sentence's parts meet without one)."""
    squeezed = "".join(whole.split())
    return squeezed.startswith("".join("".join(part.split()) for part in parts))


# A person's translation: what the passes after the exact ones carry over.
_HUMAN = (SegmentState.EDITED, SegmentState.REVIEWED)


# Why a later part of a sentence the segmenter now cuts waits (``in_neighbour_note``), where
# the part before it holds the whole sentence's translation (``_carry_over_resegmented``).
_CARRIED_WHOLE = "carried over whole from before the segmenter cut its sentence here"


def _lock_comments(unit: TranslationUnit) -> tuple[str, ...]:
    """The comments of a read-only ``unit`` that go with its lock: each part of its
    sentence keeps the reason with the lock. Besides termwise's own (an import's
    translate="no", another tool's lock), the tool that set the flag says why in its words
    ("Locked in Weblate: legal text"), which no prefix tells from other comments, so every
    comment of a locked unit goes; the glossary lines are its MT's alone."""
    if READ_ONLY_FLAG not in unit.flags:
        # A lock lifted by hand (the flag is the lock) may leave its reason behind, which
        # is no reason for another part's lock.
        return ()
    return tuple(c for c in unit.comments if not c.startswith(GLOSSARY_COMMENT))


def _carry_over_resegmented(
    pool: Sequence[TranslationUnit],
    claimed: set[int],
    placed: dict[str, TranslationUnit],
    segments: Sequence[Segment],
    report: SyncReport,
    *,
    source_lang: str,
    target_lang: str,
) -> None:
    """Carry work over where the segmenter now cuts the same text otherwise: consecutive
    old units whose sources together are one new segment's text (joined), and one old
    unit whose source is consecutive new segments' texts (split).

    A join is made as the workbench's own join makes it (``join_units``): the translations
    joined, edited where a person wrote some of them, as the cut may have made the
    translator break a sentence where it reads badly and no one has reviewed the whole as
    one; MT stays MT. A locked part locks the joined sentence, with its reason. A split puts the whole translation on the first
    part, edited, and a note on the others, as the workbench's split does; recording a join
    in the document's segmentation instead would change every language's segments (the
    segmentation is the document's) and make read-only commands write it, and the
    segmenter's new cut is usually the right one. Joining the parts in the workbench gives
    the segment back its whole translation. A locked sentence's parts keep its lock and its
    reason whether it holds a person's translation, MT (kept as it is) or nothing.
    """

    spaced = bool(languages.sentence_glue(source_lang))
    free = {
        index: key
        for index, unit in enumerate(pool)
        if index not in claimed and not unit.is_plural and (key := content_key(unit.source))
    }
    open_segments = {
        index: content_key(segment.text)
        for index, segment in enumerate(segments)
        if segment.id not in placed
    }
    if not (len(free) >= 2 and open_segments) and not (free and len(open_segments) >= 2):
        return

    def human(index: int) -> bool:
        return persons_translation(pool[index])

    def locked(index: int) -> bool:
        return READ_ONLY_FLAG in pool[index].flags

    units_by_head = _HeadIndex(free)
    for segment_index, text in open_segments.items():
        segment = segments[segment_index]
        for start in units_by_head.starting(text):
            run = _covering(text, start, free, claimed, spaced)
            # A locked part is joined too, translated or not: left behind, its lock went
            # with it (to ``#~``, or nowhere where it held nothing), and the sentence was
            # editable.
            if run is None or len(run) < 2 or not any(human(i) or locked(i) for i in run):
                continue
            joined = _joined_unit(segment, [pool[i] for i in run], source_lang, target_lang)
            placed[segment.id] = joined
            claimed.update(run)
            report.joined.append((segment.id, tuple(pool[i].segment_id for i in run)))
            if joined.target:
                report.carried[segment.id] = sum(1 for i in run if pool[i].target)
            if READ_ONLY_FLAG in joined.flags:
                report.locked.append(segment.id)
                if joined.mt and not all(pool[i].mt for i in run):
                    report.locked_mt_kept.append(segment.id)
            break

    still_open = {i: key for i, key in open_segments.items() if segments[i].id not in placed}
    placed_now: set[int] = set()
    segments_by_head = _HeadIndex(still_open)
    for unit_index, text in free.items():
        # A locked sentence is cut too, translated or not: left behind, its lock went with
        # it (to ``#~``, or nowhere where it held nothing), and its parts were editable.
        if unit_index in claimed or not (human(unit_index) or locked(unit_index)):
            continue
        for start in segments_by_head.starting(text):
            parts = _covering(text, start, still_open, placed_now, spaced)
            if parts is None or len(parts) < 2:
                continue
            old = pool[unit_index]
            first, *rest = (segments[i] for i in parts)
            # A lock is the whole sentence's: on the first part alone, the later parts were
            # editable although the sentence was locked. Its reason goes with it.
            lock = old.flags & {READ_ONLY_FLAG}
            reason = _lock_comments(old) if lock else ()
            # A locked sentence's MT is kept as it is, whole on the first part: no MT of
            # the parts may replace it there.
            placed[first.id] = _reworded_unit(old, first, flags=old.flags, comments=reason)
            # The later parts wait only where the first holds their share.
            waits = in_neighbour_note(first.id, _CARRIED_WHOLE) if old.target else ""
            for segment in rest:
                placed[segment.id] = TranslationUnit(
                    segment_id=segment.id,
                    source=segment.text,
                    notes=waits,
                    flags=lock,
                    comments=reason,
                )
            claimed.add(unit_index)
            placed_now.update(parts)
            report.split.append((old.segment_id, tuple(segments[i].id for i in parts)))
            if old.target:
                report.carried[first.id] = 1
            if lock:
                report.locked.append(first.id)
            break


def _reworded_unit(
    old: TranslationUnit,
    segment: Segment,
    *,
    flags: frozenset[str],
    comments: tuple[str, ...],
) -> TranslationUnit:
    """``old``'s translation on ``segment``, whose words are not those it was made for (a
    close match, or the first part of its sentence cut): the one rule for what such a
    carried translation keeps."""
    persons = persons_translation(old)
    return TranslationUnit(
        segment_id=segment.id,
        source=segment.text,
        target=old.target,
        # A translation of other words is never reviewed for these words; a locked
        # sentence's MT stays as it is (fuzzy, with the old source to compare).
        state=SegmentState.EDITED if persons else old.state,
        mt=None if persons else old.mt,
        mt_engine=None if persons else old.mt_engine,
        mt_model=None if persons else old.mt_model,
        notes=old.notes,
        # What the translation was of; a sentence never translated had none.
        previous_source=old.source if old.target else None,
        flags=flags,
        comments=comments,
    )


def _joined_unit(
    segment: Segment, parts: Sequence[TranslationUnit], source_lang: str, target_lang: str
) -> TranslationUnit:
    """One new segment's unit made of the old units of its sentences (see the caller), as
    the workbench's join makes it (``join_units``): a part's lock locks the whole, with its
    reason."""
    flags: frozenset[str] = frozenset()
    for part in parts:
        flags |= part.flags
    reasons = dict.fromkeys(reason for part in parts for reason in _lock_comments(part))
    unit = TranslationUnit(
        segment_id=segment.id,
        source=segment.text,
        flags=flags,
        comments=tuple(reasons) if READ_ONLY_FLAG in flags else (),
    )
    join_units(unit, parts, lang=target_lang)
    if READ_ONLY_FLAG in flags and unit.mt is None and not persons_translation(*parts):
        _keep_locked_mt(unit, parts, target_lang)
    # The note a split left on a part is about a segmentation that is gone.
    unit.notes = "\n".join(filter(None, (without_wait(part.notes) for part in parts)))
    source = languages.join_sentences((part.source for part in parts), source_lang)
    if unit.target and source != segment.text:
        # What the translation was of, where it reads otherwise; a ``#| msgid`` equal to
        # the msgid tells Poedit's reader nothing changed, wrongly.
        unit.previous_source = source
    return unit


def _keep_locked_mt(
    unit: TranslationUnit, parts: Sequence[TranslationUnit], target_lang: str
) -> None:
    """Keep, as the locked ``unit``'s MT, the MT only some of its ``parts`` (none a
    person's) had, which ``join_units`` drops: MT of the whole comes from F2 or
    ``translate``, which leave a locked segment alone, so dropped it was gone for good (a
    locked sentence the segmenter cut, its MT whole on the first part, lost it when joined
    again). The MT the parts printed is the joined segment's text, as the file printed it;
    where none printed any, their MT stays a suggestion."""
    printed = [part for part in parts if part.target]
    # A part's MT kept as a suggestion beside a part that printed MT is that MT's share
    # (a part waiting for the one before): joined in, it printed the sentence twice.
    with_mt = [part for part in printed or parts if part.mt]
    if not with_mt:
        return
    unit.mt = languages.join_sentences((part.mt for part in with_mt if part.mt), target_lang)
    unit.mt_engine = next((part.mt_engine for part in with_mt if part.mt_engine), None)
    unit.mt_model = next((part.mt_model for part in with_mt if part.mt_model), None)
    unit.target = unit.mt if printed else ""
    unit.state = SegmentState.MT if printed else SegmentState.NEW


def persons_translation(*units: TranslationUnit) -> bool:
    """Whether one of ``units`` holds a person's translation (not only MT)."""
    return any(unit.target and unit.state in _HUMAN for unit in units)


def join_units(
    unit: TranslationUnit, parts: Sequence[TranslationUnit | None], *, lang: str
) -> None:
    """Make ``unit`` the joined segment of ``parts`` (None: a part with no unit, so nothing
    in it), the one rule for the workbench's join (F3), the later parts of a join split
    again, and sentences the segmenter now joins: the translations together; the MTs
    together where every part had MT, and none where one had none (the others' alone was
    saved as the MT of all their sentences), and then no translation either unless a
    person wrote some of it (MT of the whole comes from F2 or ``translate``); the waiting
    notes that still hold; and the state of a new sentence: MT where its text is the MT and
    some of it is MT nobody reviewed.

    The texts are joined as sentences of the translation's language ``lang``
    (``languages.join_sentences``): a fixed glue ran a sentence of Latin text into the next
    in Chinese."""
    present = [part for part in parts if part is not None]
    persons = persons_translation(*present)
    target = languages.join_sentences((part.target for part in present if part.target), lang)
    if len(present) == len(parts) and all(part.mt for part in present):
        unit.mt = languages.join_sentences((part.mt for part in present if part.mt), lang)
        unit.mt_engine = next((part.mt_engine for part in present if part.mt_engine), None)
        unit.mt_model = next((part.mt_model for part in present if part.mt_model), None)
    else:
        unit.mt = unit.mt_engine = unit.mt_model = None
        if not persons:
            target = ""
    if (
        unit.mt is not None
        and same_text(target, unit.mt)
        and all(part.state is SegmentState.REVIEWED for part in present)
    ):
        # Reviewed MT on every part, a person's translation: a PO file tells MT from one
        # only by the MT being the translation, so the unit read back would be MT, which the
        # next ``translate`` replaces; the MT says nothing the translation does not. (MT a
        # part still holds unreviewed keeps the whole MT.)
        unit.mt = unit.mt_engine = unit.mt_model = None
    unit.target = target
    unit.notes = joined_notes(
        (part.notes for part in present), unit.segment_id, translated=bool(unit.target)
    )
    if not unit.target:
        unit.state = SegmentState.NEW
    elif unit.target == unit.mt:
        unit.state = SegmentState.MT
    else:
        # Sentences put together are a new sentence: a person must look again.
        unit.state = SegmentState.EDITED


def _covering(
    text: str, start: int, keys: Mapping[int, str], taken: set[int], spaced: bool
) -> list[int] | None:
    """The consecutive indexes from ``start`` whose ``keys`` make up ``text`` exactly (a
    space between them, or in Chinese and Japanese none or one), or None."""
    run: list[int] = []
    position = 0
    index = start
    while position < len(text):
        key = keys.get(index)
        if key is None or index in taken:
            return None
        if position == 0 and text.startswith(key):
            at = 0
        elif position and text.startswith(" ", position) and text.startswith(key, position + 1):
            at = position + 1
        elif position and not spaced and text.startswith(key, position):
            at = position
        else:
            return None
        run.append(index)
        position = at + len(key)
        index += 1
    return run


class _HeadIndex:
    """Texts by their first characters, to find those a longer text starts with without
    trying every one (a book resegmented has tens of thousands on each side)."""

    HEAD = 16

    def __init__(self, keys: Mapping[int, str]) -> None:
        self._keys = keys
        self._by_head: dict[str, list[int]] = {}
        for index, key in keys.items():
            self._by_head.setdefault(key[: self.HEAD], []).append(index)

    def starting(self, text: str) -> Iterator[int]:
        """The indexes, in order, whose text ``text`` starts with and is longer than."""
        found: list[int] = []
        for length in range(1, min(self.HEAD, len(text)) + 1):
            for index in self._by_head.get(text[:length], ()):
                key = self._keys[index]
                if len(key) < len(text) and text.startswith(key):
                    found.append(index)
        yield from sorted(found)


def _source_changed(unit: TranslationUnit, text: str, segment_id: str, report: SyncReport) -> None:
    if READ_ONLY_FLAG in unit.flags:
        # The lock stays (the unit does), set for the old words: said, for a look.
        report.locked_source_changed.append(segment_id)
    if unit.target:
        if unit.previous_source is None:
            unit.previous_source = unit.source
        if unit.state is SegmentState.REVIEWED:
            unit.set_translation(unit.target)  # fuzzy again: edited (or MT, if it is the MT)
            report.reviewed_reopened.append(segment_id)
    unit.source = text
    report.source_changed.append(segment_id)


def _spaced_join(old: str, new: str, lang: str) -> bool:
    """Whether ``old`` is the text ``new`` of a joined segment as termwise joined Chinese
    and Japanese sentences before it followed ``languages.glue_after``: a space after a
    sentence of their writing ("第一句。 第二句。"). The same sentences, and no source edit:
    read as one, every reviewed join of such a project went back to review."""
    if not languages.is_cjk(lang) or len(old) <= len(new):
        return False
    at = 0
    for index, char in enumerate(old):
        if at < len(new) and char == new[at]:
            at += 1
        elif char != " " or languages.glue_after(old[:index], lang):
            return False
    return at == len(new)


def _already_in_sync(tfile: TranslationFile, document: Document) -> bool:
    """Whether the units are exactly the document's segments, in order, with their sources."""
    segments = document.segments
    if len(tfile.units) != len(segments):
        return False
    for segment, (segment_id, unit) in zip(segments, tfile.units.items(), strict=True):
        if segment_id != segment.id or unit.segment_id != segment.id or unit.source != segment.text:
            return False
    return True


def _work_rank(unit: TranslationUnit) -> int:
    order = {
        SegmentState.REVIEWED: 3,
        SegmentState.EDITED: 2,
        SegmentState.MT: 1,
        SegmentState.NEW: 0,
    }
    return order[unit.state]


GLOSSARY_COMMENT = "glossary: "


@dataclass
class StoredMT:
    """What storing machine translation did to a translation file."""

    # Segments whose translation the MT now is (state mt).
    filled: int = 0
    # Segments a person translated (edited or reviewed) whose stored MT a new one replaced,
    # their text left as it was: the old MT, shown beside it and taken by accepting MT, may
    # hold a rendering the glossary has since deprecated, and its glossary lines were false.
    refreshed: int = 0


def record_machine_translation(
    tfile: TranslationFile,
    results: Sequence[MTResult] | Mapping[str, MTResult],
    *,
    fills: Callable[[TranslationUnit], bool] | None = None,
) -> int:
    """Store MT (see ``store_machine_translation``); return how many segments it filled."""
    return store_machine_translation(tfile, results, fills=fills).filled


def store_machine_translation(
    tfile: TranslationFile,
    results: Sequence[MTResult] | Mapping[str, MTResult],
    *,
    fills: Callable[[TranslationUnit], bool] | None = None,
) -> StoredMT:
    """Store MT as the translation of segments that are new or hold only MT, and as the
    new suggestion beside a person's translation that was made from an earlier MT.

    A mapping is keyed by segment id; a sequence is matched by source text, so one result
    fills every segment with that text. Edited and reviewed translations are never touched,
    nor segments flagged read-only (not for translation); where such a translation has a
    stored MT, the new MT replaces it (``StoredMT.refreshed``). One made without MT gets
    none: an MT beside it would say its draft came from the engine.
    Where ``fills`` says no, or the empty translation is a decision (``confirmed_omission``:
    a sentence the translation leaves out, or a part whose translation the part before it
    holds), the MT is stored as a suggestion only and the translation stays empty (a
    sentence an existing translation leaves out is not filled in behind the translator's
    back, and one the translation before it holds is not printed twice).
    """

    pairs: list[tuple[TranslationUnit | None, MTResult]]
    if isinstance(results, Mapping):
        pairs = [(tfile.units.get(segment_id), result) for segment_id, result in results.items()]
    else:
        by_source: dict[str, list[TranslationUnit]] = {}
        for unit in tfile.units.values():
            by_source.setdefault(content_key(unit.source), []).append(unit)
        pairs = [
            (unit, result)
            for result in results
            for unit in by_source.get(content_key(result.source), [])
        ]
    stored = StoredMT()
    for entry, result in pairs:
        if entry is None or READ_ONLY_FLAG in entry.flags:
            continue  # not for translation (an imported file's translate="no")
        unit = entry
        text = result.target.strip()
        if not text:
            continue
        if unit.state not in MT_MAY_FILL:
            # A fuzzy PO entry whose text is its MT reads as MT: an edited translation that
            # the new MT spells out would lose its state, and the next run would replace it.
            if unit.mt is None or (
                unit.state is SegmentState.EDITED and same_text(unit.target, text)
            ):
                continue
            stored.refreshed += _store_mt(unit, result, text)
            continue
        _store_mt(unit, result, text)
        if confirmed_omission(unit) or (fills is not None and not fills(unit)):
            continue
        unit.target = text
        unit.state = SegmentState.MT
        stored.filled += 1
    return stored


def _store_mt(unit: TranslationUnit, result: MTResult, text: str) -> bool:
    """Put ``text`` (``result``'s) on ``unit`` as its MT; return whether anything changed."""
    # What glossary-constrained MT forced or left, one extracted comment per decision;
    # a new MT replaces the old MT's lines. Two occurrences decided alike are one line,
    # as a PO file keeps them: two made the unit differ from its file at every run, and
    # a translate that changed nothing rewrote the file.
    comments = tuple(c for c in unit.comments if not c.startswith(GLOSSARY_COMMENT)) + tuple(
        dict.fromkeys(GLOSSARY_COMMENT + d.describe() for d in result.terms)
    )
    before = (unit.mt, unit.comments, unit.mt_engine, unit.mt_model)
    unit.mt, unit.comments = text, comments
    unit.mt_engine, unit.mt_model = result.engine, result.model
    return before != (unit.mt, unit.comments, unit.mt_engine, unit.mt_model)


@dataclass
class Source:
    """A source document as its project sees it, and what made it so."""

    # With the id aliases of termwise's own source edits and the translator's joins and
    # splits applied: the segments the translation files are keyed by.
    document: Document
    # The same file before joins and splits.
    base: Document
    aliases: dict[str, str]
    resegmentation: Resegmentation


def open_source(
    layout: ProjectLayout,
    path: str | Path,
    *,
    lang: str | None = None,
    encoding: str | None = None,
    encoding_option: bool | str = False,
) -> Source:
    """Load a source document as its project sees it (see ``Source``): the one way every
    command and the review session read a source (``encoding_option``: what an error reading
    it advises, see ``document.encoding.read_text``)."""
    from termwise.document import load_document
    from termwise.document.editing import load_id_aliases
    from termwise.document.resegmentation import Resegmentation
    from termwise.project.layout import id_aliases_file, segmentation_overrides_file

    alias_path = id_aliases_file(layout, path)
    aliases = load_id_aliases(alias_path) if alias_path.exists() else {}
    base = load_document(
        path,
        lang=lang,
        encoding=encoding,
        id_aliases=aliases or None,
        encoding_option=encoding_option,
    )
    resegmentation = Resegmentation.load(segmentation_overrides_file(layout, path))
    return Source(resegmentation.apply(base), base, aliases, resegmentation)


def load_source(
    layout: ProjectLayout,
    path: str | Path,
    *,
    lang: str | None = None,
    encoding: str | None = None,
    encoding_option: bool | str = False,
) -> Document:
    """Load a source document as its project sees it: with the segment id aliases of
    termwise's own source edits and the translator's joins and splits, so that the
    segments' ids are the ones the project's translation files are keyed by."""
    return open_source(
        layout, path, lang=lang, encoding=encoding, encoding_option=encoding_option
    ).document
