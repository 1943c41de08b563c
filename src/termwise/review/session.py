"""The review session: one document, its translation into one language, and the glossary.

Everything the workbench *does* lives here, without Textual: editing a translation, accepting
MT, marking reviewed, notes, undo and redo, terminology fixes in the target or in the source
file, ignores, search and filters, saving. The Textual app only turns keys into these calls
and shows the result, so the behaviour is testable without a terminal and the UI thread never
holds state of its own that could be lost.
"""

from __future__ import annotations

import copy
import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from termwise import languages
from termwise.atomic import backup_path, keep_original, original_path, write_atomic
from termwise.document.resegmentation import Resegmentation
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout, id_aliases_file
from termwise.project.omissions import (
    confirmed_omission,
    in_neighbour_note,
    notes_taken_back,
    set_aside_notes,
    translation_in_neighbour,
    waited_for,
    without_wait,
)
from termwise.project.translations import join_units, persons_translation
from termwise.project.units import MT_MAY_FILL, READ_ONLY_FLAG, SegmentState
from termwise.review.alignment import (
    aligned_join,
    filled_in_review,
    joins_across_paragraphs,
    mark_confirmed,
    needs_check,
    regroup,
    regroup_new_parts,
)
from termwise.review.changes import Change, History, Structure, UnitState
from termwise.review.fixes import FixPlan, FixScope, apply_all, keeping_line_breaks, plan_fix
from termwise.review.rows import STATES, Mark, Row

if TYPE_CHECKING:
    from termwise.checks.context import PluralForms
    from termwise.checks.ignores import IgnoredIssue, IgnoreStore
    from termwise.checks.incremental import IncrementalChecker
    from termwise.checks.issue import Issue
    from termwise.document.model import Document, Segment
    from termwise.glossary.matcher import TermMatch, TermMatcher
    from termwise.glossary.model import Concept, Glossary, Term, TermStatus
    from termwise.mt.constrained.plan import GlossaryConstraints
    from termwise.mt.engine import MTResult
    from termwise.project.store import MergeReport, Snapshot
    from termwise.project.translation_file import TranslationFile
    from termwise.project.translations import SyncReport
    from termwise.project.units import TranslationUnit
    from termwise.terms.recording import Tell

# Why a part's sentence's translation is in the segment before (``in_neighbour_note``).
_SPLIT_HERE = "kept whole there when the workbench split its sentence here"
# Why, for the later part of a join split again whose translation was rewritten as one.
_WRITTEN_WHOLE = "written as one there while the workbench had them joined"
# The note that keeps a part's own translation from before a join whose translation was
# then rewritten as one: a suggestion, which the part no longer holds.
_BEFORE_THE_JOIN = "termwise: translated before the join as: "
# The note of the copy a join keeps aside of a first part with no translation, where the
# second brings none either (``_before_join``): whatever the join's translation becomes is
# written while joined, for both.
_NOTHING_BEFORE_JOIN = "termwise: no translation before the join"

FilterName = Literal["all", "untranslated", "unreviewed", "issues", "concept", "unsure"]
# Files as they are on disk: path, modification and change times (ns), size, inode.
FileStamps = tuple[tuple[str, int, int, int, int], ...]


class ReadOnlySegment(TermwiseError):
    """A change asked of a segment flagged read-only (an imported file's translate="no", a
    memoQ or Trados lock): refused, saying why."""


@dataclass(frozen=True)
class SaveSnapshot:
    """The units to save and the change generation they are as of (see ``save_snapshot``)."""

    units: Snapshot
    generation: int


class GlossaryChangedOnDisk(TermwiseError):
    """An undo or redo of a glossary edit refused: another program changed the file since,
    and putting the step's bytes back would take that program's change back too."""


class GlossaryUnreadable(TermwiseError):
    """An undo or redo of a glossary edit not made, nothing written: a file of the glossary
    cannot be read (another program wrote it half, or broken), so the file put back could
    not be read in, and the marks and checks would show what disk no longer holds. The step
    stays where it was, to be made once the glossary reads again."""


@dataclass(frozen=True)
class GlossaryReload:
    """Another program's change of the glossary files, read in (``reload_glossary``)."""

    # The files it changed, added or removed.
    files: tuple[Path, ...]
    # The files whose glossary edits undo forgot: their bytes no longer follow on disk.
    undo_forgotten: tuple[Path, ...]


class ChangedSinceChecked(TermwiseError):
    """A fix asked of a segment whose text changed since the check run that found the issue
    (typing, an undo, a merge from disk, another fix there): its offsets no longer hold."""


@dataclass(frozen=True)
class CheckedTexts:
    """The texts a check run was handed (``check_inputs``): its issues' offsets are offsets
    into these, and into no other text of their segment."""

    segments: tuple[Segment, ...]
    targets: Mapping[str, str]

    @cached_property
    def sources(self) -> dict[str, str]:
        # Built at the first fix asked, not per run: a run starts at every pause in typing.
        return {segment.id: segment.text for segment in self.segments}

    def text(self, side: str, segment_id: str) -> str | None:
        """The text checked on ``side`` (None: no such segment was checked)."""
        if side == "source":
            return self.sources.get(segment_id)
        # ``targets()`` leaves untranslated segments out: they were checked as empty.
        return self.targets.get(segment_id, "")


class ReviewSession:
    """The state of one review: document, translation file, glossary, issues and history."""

    def __init__(
        self,
        layout: ProjectLayout,
        document_path: str | Path,
        target_lang: str | None,
        *,
        source_lang: str | None = None,
        engine: str | None = None,
        glossary_path: str | Path | None = None,
    ) -> None:
        # Opening a book builds a few hundred thousand objects, none of them garbage: the
        # cyclic collector would rescan the growing heap again and again (a third of the
        # opening time). Afterwards they are frozen out of its reach, so that its full
        # collections, which would walk them all, do not pause the UI for a tenth of a
        # second now and then while the translator types.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._open(layout, document_path, target_lang, source_lang, engine, glossary_path)
        finally:
            if collecting:
                gc.enable()
        gc.freeze()

    def _open(
        self,
        layout: ProjectLayout,
        document_path: str | Path,
        target_lang: str | None,
        source_lang: str | None,
        engine: str | None,
        glossary_path: str | Path | None,
    ) -> None:
        from termwise.checks.config import CheckConfig
        from termwise.checks.ignores import IgnoreStore
        from termwise.project.translations import (
            collecting_sync_reports,
            open_source,
            open_translation,
        )

        self.layout = layout
        self.path = Path(document_path)
        # None: the source alone is reviewed (``termwise fix`` without ``--to``); the
        # translation is then one into the source's own language, and never saved.
        self.target_lang = languages.normalize(target_lang) if target_lang else ""
        self.source_only = not target_lang
        # As asked for (None: detected from the text), which is what keys the preview.
        self.requested_source_lang = source_lang
        self.engine_name = engine
        self.aliases_path = id_aliases_file(layout, self.path)
        source = open_source(
            layout, self.path, lang=languages.normalize(source_lang) if source_lang else None
        )
        self.aliases: dict[str, str] = source.aliases
        self.resegmentation: Resegmentation = source.resegmentation
        self.base_document: Document = source.base
        self.document: Document = source.document
        self.source_lang = self.document.lang
        self.target_lang = self.target_lang or self.source_lang
        # Taken before the file is read: one written meanwhile is read again for its locks.
        own_stamps = () if self.source_only else self._translation_stamps([self.target_lang])
        with collecting_sync_reports() as synced:
            self.tfile: TranslationFile = open_translation(layout, self.document, self.target_lang)
        # What the command line would print on opening (work the sync moved, a file under an
        # older termwise's name): the workbench hides standard error, so it shows these.
        self.opening_notes: list[str] = [
            f"{path.name if path else self.path.name}: {line}"
            for path, report in synced
            for line in report.lines()
        ]
        old_name = None if self.source_only else layout.old_name_note(self.path, self.target_lang)
        if old_name is not None:
            self.opening_notes.append(old_name)
        self.glossary_path = Path(glossary_path) if glossary_path else layout.glossary_dir
        self.glossary: Glossary | None = None
        self.glossary_files: dict[str, Path] = {}
        # Each glossary file's bytes as the session last read or wrote them: a file that
        # differs was changed by another program (``reload_glossary``).
        self._glossary_read: dict[Path, bytes] = {}
        self._source_matcher: TermMatcher | None = None
        self._target_matcher: TermMatcher | None = None
        # The checker keeps what it found under one glossary: a new glossary, a new checker.
        self.glossary_version = 0
        self._checker: IncrementalChecker | None = None
        self._checker_version = -1
        self.load_glossary()
        self.config = CheckConfig.from_settings(layout.settings(), path=layout.config_path)
        self.ignores: IgnoreStore = IgnoreStore.for_document(layout, self.path)
        # The confirmed omissions of the last snapshot taken for a check run.
        self._left_out: frozenset[str] = frozenset()
        self._read_only: frozenset[str] = frozenset()
        self._entries: tuple[dict[str, PluralForms], dict[str, frozenset[str]]] = ({}, {})
        # The parts whose sentence's translation another segment holds, with that segment
        # (``checks.entries.waiting_on``): the holder is checked against their sources too.
        self._waiting: dict[str, str] = {}
        # The read-only segments of the document's translations, as of their files' stamps
        # (``_locked_in_translations``).
        self._locked: tuple[FileStamps, dict[str, str]] | None = None
        # The target language's file as this session last read or wrote it: locks another
        # program adds there while the workbench is open are read from it when it differs
        # (``_locked_on_disk``), as of its stamps.
        self._own_stamps: FileStamps = own_stamps
        self._own_locks: tuple[FileStamps, dict[str, str]] | None = None
        # The segments those locks hold that the rows show as locked (``row.locked``), and
        # the locks they were read from; ``disk_locks_version`` is bumped when they change,
        # so that the grid draws them as soon as a lock is read, not at the next merge.
        self._disk_locks_shown: frozenset[str] = frozenset()
        self._disk_locks_read: dict[str, str] | None = None
        self.disk_locks_version = 0
        # The other languages' work, as of their files' stamps (``_work_in_other_languages``).
        self._others_work: tuple[FileStamps, dict[str, tuple[str, Path]]] | None = None
        self.issues: list[Issue] = []
        self.issue_generation = 0
        # The texts handed to the last run started (``check_inputs``), and those ``issues``
        # were found in (``set_issues``; None before any run): a fix is made only where its
        # segment still reads as it was checked.
        self._checking: CheckedTexts | None = None
        self._checked: CheckedTexts | None = None
        self.rows: list[Row] = []
        self.row_index: dict[str, int] = {}
        self._counts: dict[str, int] = {}
        self.history = History()
        # How the translation followed the last source rewrite (a fix): which reviewed
        # translations went back to review.
        self.last_source_sync: SyncReport | None = None
        self._dirty = False
        # Bumped by every change: a save only clears ``dirty`` when nothing changed while it
        # was writing (saves run in a worker thread while the translator keeps typing).
        self.change_generation = 0
        self._lock = threading.Lock()
        # One write at a time (the worker's and the last one at quitting). Writes read a
        # snapshot, never the units, so edits, joins and splits need not wait for them.
        self._save_lock = threading.Lock()
        self._build_rows()

    # --- loading ----------------------------------------------------------------------

    def load_glossary(self) -> None:
        """Read the project's glossary (``glossary.load_glossary``); remember which file each
        concept came from, so that an edit of it is written back there."""
        from termwise.glossary.matcher import TermMatcher

        origins: dict[str, Path] = {}
        # Taken before the files are parsed: one written in between differs from these, and
        # is read again at the next look rather than missed.
        read = self._glossary_bytes()
        # Where a file cannot be read, the session keeps the glossary it had, and the bytes
        # it was read from: the next look tries again rather than taking them as read.
        self.glossary = self._read_glossary(origins)
        self._glossary_read = read
        self.glossary_version += 1
        self.glossary_files = origins
        if self.glossary is not None and self.glossary.concepts:
            self._source_matcher = TermMatcher(self.glossary, self.source_lang)
            self._target_matcher = TermMatcher(self.glossary, self.target_lang)
        else:
            self._source_matcher = self._target_matcher = None

    def _read_glossary(self, origins: dict[str, Path] | None = None) -> Glossary | None:
        """The glossary as its files are on disk now (None: there is none); an
        ``InputError`` where one of them cannot be read."""
        from termwise.glossary.formats import glossary_files, load_glossary

        folder = self.glossary_path
        if folder.is_dir():
            return load_glossary(folder, origins=origins) if glossary_files(folder) else None
        if folder.exists():
            return load_glossary(folder, origins=origins)
        return None

    def _build_rows(self) -> None:
        from termwise.document.model import SegmentKind

        # Enum ``.value`` is a descriptor call; a book has 50,000 rows to build at open.
        state_value = {state: state.value for state in SegmentState}
        heading = SegmentKind.HEADING
        units = self.tfile.units
        rows = []
        mt_state = SegmentState.MT
        locked_on_disk = self._disk_locks_shown
        for segment in self.document.segments:
            unit = units[segment.id]
            if unit.state is mt_state:
                _keep_line_breaks_apart(unit)
            rows.append(
                Row(
                    segment.id,
                    segment.text,
                    unit.mt or "",
                    unit.target,
                    state_value[unit.state],
                    segment.kind is heading,
                    locked=READ_ONLY_FLAG in unit.flags or segment.id in locked_on_disk,
                    # Only an aligned group has comments to read (and a book has 50,000).
                    to_confirm=bool(unit.comments) and needs_check(unit),
                )
            )
        self.rows = rows
        self.row_index = {row.segment_id: index for index, row in enumerate(rows)}
        self._counts = dict.fromkeys(STATES, 0)
        for row in rows:
            self._counts[row.state] += 1

    # --- glossary highlighting --------------------------------------------------------

    def source_matches(self, text: str) -> list[TermMatch]:
        return self._source_matcher.find(text) if self._source_matcher and text else []

    def target_matches(self, text: str) -> list[TermMatch]:
        return self._target_matcher.find(text) if self._target_matcher and text else []

    def mark_all(self) -> None:
        """Forget every row's marks (the glossary changed); rows are marked again on demand."""
        for row in self.rows:
            row.marked = False
            row.touch()

    def ensure_marked(self, row: Row) -> None:
        """Compute a row's glossary marks if it has none yet (the grid calls this on draw)."""
        if not row.marked:
            self.mark_row(row)

    def mark_row(self, row: Row) -> None:
        row.source_marks = _marks(self.source_matches(row.source))
        row.mt_marks = _marks(self.target_matches(row.mt))
        row.target_marks = _marks(self.target_matches(row.target))
        row.marked = True
        row.touch()

    def concepts_of(self, segment_id: str) -> list[Concept]:
        """Concepts found in a segment's source and translation, in order of appearance."""
        if self.glossary is None:
            return []
        row = self.rows[self.row_index[segment_id]]
        self.ensure_marked(row)
        seen: list[str] = []
        for mark in (*row.source_marks, *row.target_marks):
            if mark.concept and mark.concept not in seen:
                seen.append(mark.concept)
        return [self.glossary.concept(concept_id) for concept_id in seen]

    # --- reading ----------------------------------------------------------------------

    def unit(self, segment_id: str) -> TranslationUnit:
        return self.tfile.units[segment_id]

    def row(self, segment_id: str) -> Row:
        return self.rows[self.row_index[segment_id]]

    def source_text(self, segment_id: str) -> str:
        return self.document.segment(segment_id).text

    def targets(self) -> dict[str, str]:
        return {unit.segment_id: unit.target for unit in self.tfile.units.values() if unit.target}

    def counts(self) -> dict[str, int]:
        """Segments per state (kept up to date row by row: the title shows it per keystroke)."""
        return dict(self._counts)

    def read_only_reason(self, segment_id: str) -> str | None:
        """Why a segment is read-only (the comment its import wrote: ``Not for translation
        (translate="no" in doc.xlf): keep the text as it is``); None where it is not."""
        from termwise.project.importing import read_only_reason

        if self.source_only:
            # The source alone: a segment one of the project's translations locks keeps its
            # source too (`termwise fix` without --to rewrote a translate="no" segment's).
            return self._locked_in_translations().get(segment_id)
        reason = read_only_reason(self.unit(segment_id))
        if reason is None:
            # Another program (an import, Weblate) may have locked it in the file since.
            reason = self._locked_on_disk().get(segment_id)
        return reason

    def _locked_on_disk(self) -> dict[str, str]:
        """The read-only segments of the translation file under review as it is on disk,
        where it changed since this session last read or wrote it (none otherwise: the
        units are then what is there). Read again only when its stamps change, synced with
        the document as ``_locked_in_translations`` reads the others."""
        stamps = self._translation_stamps([self.target_lang])
        if not stamps or stamps == self._own_stamps:
            locked: dict[str, str] = {}
        else:
            if self._own_locks is None or self._own_locks[0] != stamps:
                try:
                    self._own_locks = (stamps, self._locks_in_file(self.translation_path))
                except (TermwiseError, OSError):
                    # Half written (an editor that writes in place): the locks last read
                    # hold, and it is read again when it next changes. A keypress there
                    # ended the workbench, the text just typed with it.
                    return self._own_locks[1] if self._own_locks is not None else {}
            locked = self._own_locks[1]
        self._show_locks_on_disk(locked)
        return locked

    def _show_locks_on_disk(self, locked: dict[str, str]) -> None:
        """Show the rows ``locked`` (the file's locks, ``_locked_on_disk``) holds as locked,
        and those a lock there no longer holds as their units say: the lock was enforced,
        but the grid's marker came only with the next merge."""
        if locked is self._disk_locks_read or not (locked or self._disk_locks_shown):
            return
        self._disk_locks_read = locked
        shown = frozenset(locked)
        changed = shown ^ self._disk_locks_shown
        if not changed:
            return
        self._disk_locks_shown = shown
        for segment_id in changed:
            index = self.row_index.get(segment_id)
            if index is not None:
                row = self.rows[index]
                row.locked = self._row_locked(segment_id)
                row.touch()
        self.disk_locks_version += 1

    def _row_locked(self, segment_id: str) -> bool:
        """Whether the grid shows ``segment_id`` as locked: its unit's flag, or a lock
        another program has added to the file since (as ``read_only_reason`` reads it)."""
        return READ_ONLY_FLAG in self.unit(segment_id).flags or segment_id in self._disk_locks_shown

    def _locked_in_translations(self) -> dict[str, str]:
        """The read-only segments of every translation of the document, with the reason;
        read again where one of those files changed on disk, as ``_work_in_other_languages``
        does (another program took or released a lock, an import locked segments).

        Each file is synced with the document (in memory, never saved), as that work is: a
        lock saved under the ids of a segmentation since changed (a sentence the segmenter
        now cuts or joins) is on the segments it carries over to only once synced."""
        from termwise.project.progress import project_languages

        langs = project_languages(self.layout, self.path)
        # Taken before the files are read: one that changes while they are read is read
        # again next time, never kept as it was.
        stamps = self._translation_stamps(langs)
        if self._locked is None or self._locked[0] != stamps:
            locked: dict[str, str] = {}
            for lang in langs:
                path = self.layout.translation_file(self.path, lang)
                if not path.exists():
                    continue
                try:
                    in_file = self._locks_in_file(path)
                except (TermwiseError, OSError):
                    # Half written by another program: as ``_locked_on_disk`` does.
                    return self._locked[1] if self._locked is not None else {}
                for segment_id, reason in in_file.items():
                    locked.setdefault(segment_id, f"{reason} ({lang})")
            self._locked = (stamps, locked)
        return self._locked[1]

    def _locks_in_file(self, path: Path) -> dict[str, str]:
        """The read-only segments of the translation file at ``path`` as it is on disk, with
        the reason, synced with the document in memory (never saved): a lock saved under the
        ids of a segmentation since changed is on the segments it carries over to."""
        from termwise.project.importing import read_only_reason
        from termwise.project.translation_file import TranslationFile
        from termwise.project.translations import sync_with_document

        tfile = TranslationFile.load(path)
        sync_with_document(tfile, self.document)
        return {
            segment_id: reason
            for segment_id, unit in tfile.units.items()
            if (reason := read_only_reason(unit)) is not None
        }

    def refuse_read_only(self, segment_ids: Iterable[str], what: str) -> None:
        """Raise ``ReadOnlySegment`` if one of ``segment_ids`` is read-only: ``what`` (an
        edit, accepting MT, a join...) is refused, with the reason the import gave."""
        for segment_id in segment_ids:
            reason = self.read_only_reason(segment_id)
            if reason is not None:
                place = self.row_index.get(segment_id)
                where = f"#{place + 1}" if place is not None else segment_id
                raise ReadOnlySegment(
                    f"{where} is read-only, so {what} is refused: {reason.rstrip('.')}."
                )

    # --- editing ----------------------------------------------------------------------

    def _snapshot(self, segment_id: str) -> UnitState:
        unit = self.unit(segment_id)
        return UnitState(unit.target, unit.state.value, unit.notes, unit.comments, unit.flags)

    def _restore(self, segment_id: str, state: UnitState) -> None:
        unit = self.unit(segment_id)
        unit.target = state.target
        unit.state = SegmentState(state.state)
        unit.notes = state.notes
        unit.comments = state.comments
        unit.flags = state.flags
        self._sync_row(segment_id)

    def _sync_row(self, segment_id: str) -> None:
        self._show_unit(segment_id)
        self.dirty = True

    def _show_unit(self, segment_id: str) -> None:
        """The row shows its unit as it is now (which a change that leaves nothing to save,
        a merge that took the other program's work, need not mark unsaved)."""
        unit = self.unit(segment_id)
        _keep_line_breaks_apart(unit)  # a merge, MT or an undo may have said "MT"
        row = self.row(segment_id)
        row.target = unit.target
        row.mt = unit.mt or ""
        row.locked = self._row_locked(segment_id)
        row.to_confirm = bool(unit.comments) and needs_check(unit)
        if row.state != unit.state.value:
            self._counts[row.state] -= 1
            self._counts[unit.state.value] += 1
            row.state = unit.state.value
        if row.marked:
            row.target_marks = _marks(self.target_matches(row.target))
        row.touch()

    def _record(self, change: Change) -> None:
        self.history.record(change)

    def _edit(self, label: str, segment_ids: Iterable[str], action: Callable[[], None]) -> Change:
        ids = list(dict.fromkeys(segment_ids))
        before = {segment_id: self._snapshot(segment_id) for segment_id in ids}
        action()
        for segment_id in ids:
            _keep_line_breaks_apart(self.unit(segment_id))
        change = Change(
            label, before, {segment_id: self._snapshot(segment_id) for segment_id in ids}
        )
        for segment_id in ids:
            self._sync_row(segment_id)
        if change.before != change.after:
            # A step that changed nothing (Ctrl+R on a reviewed segment) took an undo to pass.
            self._record(change)
        return change

    def set_target(self, segment_id: str, text: str) -> None:
        """The translator typed: consecutive typing in one segment is one undo step."""
        unit = self.unit(segment_id)
        if unit.target == text:
            return
        self.refuse_read_only([segment_id], "editing")
        last = self.history.last
        if last is not None and last.typing == segment_id and not self.history.can_redo:
            _translate(unit, text)
            last.after[segment_id] = self._snapshot(segment_id)
            self._sync_row(segment_id)
            return
        change = self._edit("edit", [segment_id], lambda: _translate(unit, text))
        change.typing = segment_id

    def seal_typing(self) -> None:
        """End the current typing step (the cursor left the segment)."""
        if self.history.last is not None:
            self.history.last.typing = None

    def accept_mt(self, segment_id: str) -> bool:
        unit = self.unit(segment_id)
        self.refuse_read_only([segment_id], "accepting MT")
        if not unit.mt:
            return False
        mt = unit.mt
        self._edit("accept MT", [segment_id], lambda: _translate(unit, mt))
        return True

    def mark_reviewed(self, segment_id: str) -> bool:
        """Ctrl+R: the translation is done. An aligned group so marked is confirmed, as F7
        confirms it (``alignment.mark_confirmed``: the aligner's doubt goes too); one step
        of undo. False where there is no translation to mark."""
        unit = self.unit(segment_id)
        if not unit.target:
            return False
        self._edit("mark reviewed", [segment_id], lambda: mark_confirmed(unit))
        return True

    def set_note(self, segment_id: str, note: str) -> None:
        unit = self.unit(segment_id)

        def write() -> None:
            unit.notes = note.strip()

        self._edit("note", [segment_id], write)

    def record_mt(self, results: Mapping[str, MTResult]) -> int:
        """Store machine translation (never over edited or reviewed work); not undoable."""
        from termwise.align.output import comment_confidence
        from termwise.project.translations import record_machine_translation

        # Another program may have locked some of them in the file since MT was asked for
        # (the units' flags do not say so until a merge): their text there is to be kept.
        locked = {} if self.source_only else self._locked_on_disk()
        results = {key: result for key, result in results.items() if key not in locked}
        # In an aligned translation, a sentence without a translation is one the translation
        # leaves out (or that the translator confirmed as such): MT is a suggestion there,
        # not its translation, for the gap is part of the translation under review.
        filled = record_machine_translation(
            self.tfile, results, fills=lambda unit: comment_confidence(unit.comments) is None
        )
        for segment_id in results:
            if segment_id in self.row_index:
                row = self.row(segment_id)
                self._sync_row(segment_id)
                if row.marked:
                    row.mt_marks = _marks(self.target_matches(row.mt))
        return filled

    def mt_constraints(self) -> GlossaryConstraints | None:
        """The glossary renderings MT must use for this pair, as ``termwise translate`` does;
        None where the glossary has none in the target language."""
        from termwise.mt.constrained.plan import GlossaryConstraints
        from termwise.project.settings import MTSettings

        if self.glossary is None or not self.glossary.concepts:
            return None
        chosen = MTSettings.from_settings(self.layout.settings()).terms
        constraints = GlossaryConstraints(
            self.glossary, self.source_lang, self.target_lang, chosen=chosen
        )
        return constraints if constraints.active else None

    def glossary_decisions(self, segment_id: str) -> list[str]:
        """What glossary-constrained MT forced or left in this segment's MT, one line each."""
        from termwise.project.translations import GLOSSARY_COMMENT

        unit = self.unit(segment_id)
        return [c[len(GLOSSARY_COMMENT) :] for c in unit.comments if c.startswith(GLOSSARY_COMMENT)]

    def needs_mt(self) -> list[str]:
        """Segments without machine translation whose translation MT may still fill: not
        those locked, in the units or by another program in the file since it was read."""
        locked = {} if self.source_only else self._locked_on_disk()
        return [
            unit.segment_id
            for unit in self.tfile.units.values()
            if not unit.mt
            and unit.state in MT_MAY_FILL
            and READ_ONLY_FLAG not in unit.flags
            and unit.segment_id not in locked
        ]

    # --- undo -------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.history.can_redo

    def undo(self) -> Change | None:
        if not self.history.done:
            return None
        change = self.history.done.pop()
        try:
            self._apply_change(change, reverse=True)
        except GlossaryUnreadable:
            self.history.done.append(change)  # nothing was changed: it is still to undo
            raise
        self.history.undone.append(change)
        return change

    def redo(self) -> Change | None:
        if not self.history.undone:
            return None
        change = self.history.undone.pop()
        try:
            self._apply_change(change, reverse=False)
        except GlossaryUnreadable:
            self.history.undone.append(change)  # nothing was changed: it is still to redo
            raise
        self.history.done.append(change)
        return change

    def places_of(self, change: Change) -> list[str]:
        """The segments of this document a step changed or is about, in document order
        (a join undone: the segment it made; gone segments left out)."""
        here = [segment_id for segment_id in change.segments if segment_id in self.row_index]
        return sorted(here, key=self.row_index.__getitem__)

    def _apply_change(self, change: Change, *, reverse: bool) -> None:
        change.typing = None
        if change.glossary_file is not None:
            self._restore_glossary(change, reverse=reverse)
            return
        ignores = change.ignores_before if reverse else change.ignores_after
        if ignores is not None:
            self.ignores.restore(ignores)
            self.ignores.save()
            return
        structure = change.structure_before if reverse else change.structure_after
        if structure is not None:
            self._restore_structure(structure)
            return
        source = change.source_before if reverse else change.source_after
        aliases = change.aliases_before if reverse else change.aliases_after
        if source is not None and aliases is not None:
            self._write_source(source, aliases)
        for segment_id, state in (change.before if reverse else change.after).items():
            if segment_id in self.tfile.units:
                self._restore(segment_id, state)

    # --- terminology fixes ------------------------------------------------------------

    def plan_fix(self, issue: Issue, scope: FixScope = "here") -> FixPlan:
        """The issues one fix would resolve: this one ("here"), every one with the same text
        ("everywhere"), or every form of the same concept the same check flagged on the same
        side ("variants": a concept with six variant forms is fixed in one step).

        A fix leaves read-only segments alone, in the translation and in the source (the
        text it must keep is the source's): one asked there is refused (``ReadOnlySegment``),
        and one "everywhere" passes them over. So with segments changed since the check run
        that found their issues (``checked_as_now``): one asked there is refused
        (``ChangedSinceChecked``), and one "everywhere" passes them over."""
        what = "fixing its translation" if issue.side == "target" else "fixing its source"
        self.refuse_read_only([issue.segment_id], what)
        if scope == "here":
            self.refuse_changed([issue])
        plan = plan_fix(issue, self.issues, scope)
        unlocked = tuple(
            other for other in plan.issues if self.read_only_reason(other.segment_id) is None
        )
        return self.without_changed(FixPlan(unlocked, plan.side))

    def without_changed(self, plan: FixPlan) -> FixPlan:
        """``plan`` less the issues whose segments changed since they were checked
        (``checked_as_now``), which it names in ``changed`` so that the fix can say how many
        it left out; refused (``ChangedSinceChecked``) when that leaves nothing to fix."""
        fresh = tuple(issue for issue in plan.issues if self.checked_as_now(issue))
        if not fresh:
            self.refuse_changed(plan.issues)
        gone = tuple(issue for issue in plan.issues if not self.checked_as_now(issue))
        return FixPlan(fresh, plan.side, (*plan.changed, *gone))

    def checked_as_now(self, issue: Issue) -> bool:
        """Whether ``issue``'s segment reads, on its side, as it did for the check run that
        found it: its offsets hold in that text alone.

        The whole segment is compared, not the flagged span: an edit before the span (a word
        typed, a fix of another issue there) moves it, and the old offsets may then hold the
        same characters by chance ("de" two places on) while the fix lands in a word. An
        issue of no run (made by hand) has nothing to compare with: it is taken as found in
        the text as it is."""
        if self._checked is None:
            return True
        checked = self._checked.text(issue.side, issue.segment_id)
        return checked is not None and checked == self._text_now(issue.side, issue.segment_id)

    def _text_now(self, side: str, segment_id: str) -> str | None:
        """A segment's text on ``side`` now (None: a join or a split took the segment)."""
        if side == "source":
            try:
                return self.source_text(segment_id)
            except KeyError:
                return None
        unit = self.tfile.units.get(segment_id)
        return None if unit is None else unit.target

    def refuse_changed(self, issues: Iterable[Issue]) -> None:
        """Raise ``ChangedSinceChecked`` for the first of ``issues`` whose segment changed
        since it was checked: a fix there would land at offsets into another text."""
        for issue in issues:
            if not self.checked_as_now(issue):
                place = self.row_index.get(issue.segment_id)
                where = f"#{place + 1}" if place is not None else issue.segment_id
                side = "translation" if issue.side == "target" else "source"
                raise ChangedSinceChecked(
                    f"the {side} of {where} changed since it was checked; the checks run "
                    "again: fix it once its issues are back"
                )

    def fix_preview(self, plan: FixPlan) -> list[tuple[str, str, str]]:
        """(segment id, text before, text after) for each segment ``plan`` changes."""
        if plan.side == "source":
            return plan.edits(self.source_text)
        return plan.edits(lambda segment_id: self.unit(segment_id).target)

    def apply_fix(self, plan: FixPlan) -> Change:
        """Apply a planned fix as one undoable step.

        A segment changed since the plan was made (a merge from disk while its preview was
        open) is left out (``checked_as_now``); when that leaves nothing, the fix is
        refused."""
        plan = self.without_changed(plan)
        if plan.side == "target":
            self.refuse_read_only(plan.by_segment(), "fixing its translation")
            by_segment = plan.by_segment()

            def write() -> None:
                for segment_id, issues in by_segment.items():
                    unit = self.unit(segment_id)
                    fixed = apply_all(unit.target, issues)
                    if fixed != unit.target:
                        # Approved was the text as it read: a reviewed translation the fix
                        # rewrites goes back to review (``Change.back_to_review``), as one
                        # whose source a fix rewrites does.
                        unit.set_translation(fixed)

            change = self._edit(fix_label(plan.issues), by_segment, write)
        else:
            self.refuse_read_only(plan.by_segment(), "fixing its source")
            change = self._fix_source(plan.issues)
        fixed = {id(issue) for issue in plan.issues}
        self.issues = [issue for issue in self.issues if id(issue) not in fixed]
        return change

    def source_after(self, issues: Sequence[Issue]) -> tuple[str, dict[str, str]]:
        """The source file's text with ``issues``' fixes made, and the id aliases that keep
        the edited segments' ids (nothing is written)."""
        from termwise.document.editing import SourceEdit, apply_source_edits

        if self.document.fmt not in ("text", "markdown"):
            raise TermwiseError(
                f"termwise cannot rewrite {self.document.fmt} files; fix the source in its editor"
            )
        edits: list[SourceEdit] = []
        for issue in issues:
            fix = issue.fix
            if fix is None:
                continue
            segment = self.document.segment(issue.segment_id)
            start, end = segment.to_source(fix.start, fix.end)
            replacement = keeping_line_breaks(
                self.document.text[start:end], segment.text[fix.start : fix.end], fix.replacement
            )
            edits.append(SourceEdit(issue.segment_id, fix.start, fix.end, replacement))
        return apply_source_edits(self.document, edits)

    def _fix_source(self, issues: Sequence[Issue]) -> Change:
        new_text, new_aliases = self.source_after(issues)
        old_text = self.document.text
        old_aliases = dict(self.aliases)
        aliases = {**old_aliases, **new_aliases}
        ids = list(dict.fromkeys(issue.segment_id for issue in issues if issue.fix is not None))
        before = {segment_id: self._snapshot(segment_id) for segment_id in ids}
        self._write_source(new_text, aliases)
        change = Change(
            fix_label(issues, "source"),
            before,
            {segment_id: self._snapshot(segment_id) for segment_id in ids},
            source_before=old_text,
            source_after=new_text,
            aliases_before=old_aliases,
            aliases_after=aliases,
        )
        self._record(change)
        return change

    def source_fix_files(self) -> tuple[Path, ...]:
        """Every file a fix of the source writes (``_write_source``): the source, its backup
        and original, the id aliases and their backup. A command that must take its fix
        back (``termwise fix``, whose translations could not follow) puts these back."""
        return (
            self.path,
            backup_path(self.path),
            original_path(self.path),
            self.aliases_path,
            backup_path(self.aliases_path),
        )

    def _write_source(self, text: str, aliases: Mapping[str, str]) -> None:
        """Rewrite the source file (backup kept) and re-read it; segments keep their ids."""
        from termwise.document.editing import save_id_aliases
        from termwise.project.translations import open_source, sync_with_document

        encoding = self.document.encoding or "utf-8"
        save_id_aliases(self.aliases_path, aliases)
        keep_original(self.path)
        write_atomic(self.path, text, encoding=encoding, backup=True)
        source = open_source(self.layout, self.path, lang=self.document.lang, encoding=encoding)
        self.aliases = source.aliases
        self.base_document = source.base
        self.document = self.resegmentation.apply(self.base_document)
        self.last_source_sync = sync_with_document(self.tfile, self.document)
        self.dirty = True
        for segment in self.document.segments:
            index = self.row_index.get(segment.id)
            if index is not None and self.rows[index].source != segment.text:
                self.rows[index].source = segment.text
                self.rows[index].marked = False
                self.rows[index].touch()
                if segment.id in self.tfile.units:
                    self._sync_row(segment.id)  # a reviewed translation is fuzzy again
        if [row.segment_id for row in self.rows] != [s.id for s in self.document.segments]:
            # A fix that changed the segmentation itself: show the document as it now is.
            self._build_rows()

    def ignore(self, issue: Issue, reason: str) -> None:
        before = self.ignores.snapshot()
        self.ignores.add(issue, reason, lang=self.target_lang)
        self._ignores_changed("ignore", before, [issue.segment_id])
        self.issues = [other for other in self.issues if other is not issue]

    def _ignores_changed(
        self, label: str, before: tuple[IgnoredIssue, ...], places: Iterable[str] = ()
    ) -> None:
        """Save the ignores and make the change an undo step of its own: Ctrl+Z after an
        ignore undid the fix before it, and the ignore stayed."""
        self.ignores.save()
        self._record(
            Change(
                label,
                ignores_before=before,
                ignores_after=self.ignores.snapshot(),
                places=tuple(dict.fromkeys(places)),
            )
        )

    def issues_like(self, issue: Issue) -> list[Issue]:
        """The issues of the same check on the same text, on the same side, of the same
        concept, across the document: a word the spelling dictionary lacks is reported 44
        times. (The concept: "term-missing" flags no text, and "I" on one concept's dismissed
        every concept's.)"""
        return [
            other
            for other in self.issues
            if (other.check, other.side, other.text.casefold(), other.concept)
            == (issue.check, issue.side, issue.text.casefold(), issue.concept)
        ]

    def disable_check(self, check_id: str) -> None:
        """Turn ``check_id`` off for the project (``[checks] disable`` in termwise.toml, which
        every command reads): a check that only makes noise on this project's texts. The
        next check run leaves it out; its issues go at once."""
        from termwise.checks.config import CheckConfig
        from termwise.project.settings import disable_check

        path = self.layout.config_path
        disable_check(path, check_id)
        with self._lock:
            self.config = CheckConfig.from_settings(self.layout.settings(), path=path)
            self._checker = None  # it runs the checks it was made with
        self.issues = [issue for issue in self.issues if issue.check != check_id]

    def ignore_all(self, issue: Issue, reason: str) -> int:
        """Dismiss every issue like ``issue`` (``issues_like``) with one reason; how many."""
        alike = self.issues_like(issue)
        before = self.ignores.snapshot()
        for other in alike:
            self.ignores.add(other, reason, lang=self.target_lang)
        self._ignores_changed("ignore all like it", before, [other.segment_id for other in alike])
        gone = {id(other) for other in alike}
        self.issues = [other for other in self.issues if id(other) not in gone]
        return len(alike)

    # --- joining and splitting -------------------------------------------------------

    def _structure(self) -> Structure:
        return Structure(
            {key: list(value) for key, value in self.resegmentation.splits.items()},
            list(self.resegmentation.joins),
            copy.deepcopy(self.tfile.units),
            copy.deepcopy(self.tfile.obsolete),
            copy.deepcopy(self.resegmentation.aligned),
        )

    def _restore_structure(self, structure: Structure) -> None:
        from termwise.project.translations import sync_with_document

        self.resegmentation.splits = {k: list(v) for k, v in structure.splits.items()}
        self.resegmentation.joins = list(structure.joins)
        self.resegmentation.aligned = copy.deepcopy(structure.aligned)
        self.resegmentation.save()
        self.document = self.resegmentation.apply(self.base_document)
        self.tfile.units = copy.deepcopy(structure.units)
        # The units kept aside as they were then: a unit a join kept aside is back in place
        # (no obsolete copy of it stays), and one a later split reshaped is itself again.
        # (A segment's copy from before its join, ``_before_join``, has the id of a segment
        # in place but its own source: it stays.)
        self.tfile.obsolete = [
            u
            for u in copy.deepcopy(structure.obsolete)
            if u.segment_id not in structure.units
            or u.source != structure.units[u.segment_id].source
        ]
        sync_with_document(self.tfile, self.document)
        self._build_rows()
        self.dirty = True

    def _restructure(
        self,
        label: str,
        edit: Callable[[], None],
        place: str,
        settle: Callable[[Set[str]], None] | None = None,
    ) -> Change:
        """Make a join or split (``edit``) and sync the translation with the segments it
        leaves; ``settle`` then sees the units as synced (and the ids there were before),
        so that what it does to the new parts is in the step undo and redo restore."""
        from termwise.project.translations import sync_with_document

        before = self._structure()
        known = set(self.tfile.units)
        edit()
        self.resegmentation.save()
        self.document = self.resegmentation.apply(self.base_document)
        sync_with_document(self.tfile, self.document)
        # The parts a split made are new units: in an aligned translation they are changed
        # groups, listed until confirmed, like the part that kept the id.
        regroup_new_parts(self.tfile.units, known)
        if settle is not None:
            settle(known)
        self._build_rows()
        self.dirty = True
        change = Change(
            label, structure_before=before, structure_after=self._structure(), places=(place,)
        )
        self._record(change)
        return change

    def join_with_next(self, segment_id: str) -> Change:
        """Merge a segment with the next one; the first keeps its id, translations are joined."""
        position = self.row_index[segment_id]
        if position + 1 >= len(self.rows):
            raise TermwiseError("this is the last segment; there is nothing to join it with")
        next_id = self.rows[position + 1].segment_id
        self.refuse_read_only([segment_id, next_id], "joining")
        if self.rows[position].heading or self.rows[position + 1].heading:
            # A heading joined to the sentence after it printed the sentence as a heading in
            # every edition, on both sides.
            raise TermwiseError("a heading is not joined with another segment")
        first, second = self.unit(segment_id), self.unit(next_id)
        if self.document.segment(segment_id).paragraph != self.document.segment(
            next_id
        ).paragraph and not joins_across_paragraphs(first, second):
            # The joined sentence went into the first paragraph, in every edition: the second
            # lost its first sentence, on both sides. (Trados and OmegaT refuse it too.) An
            # aligned translation's groups are the aligner's to make, and it crosses them.
            raise TermwiseError(
                "a segment is not joined across a paragraph's end; to give a translation's "
                "sentence to the segment before, move the sentence instead"
            )
        self.refuse_others_work([segment_id, next_id])

        def edit() -> None:
            before = _before_join(first, second)
            join_units(first, [first, second], lang=self.target_lang)
            first.source = languages.join_sentences((first.source, second.source), self.source_lang)
            if first.previous_source == first.source:
                # A carry-over's first part, its old sentence whole again: a ``#| msgid``
                # equal to the msgid tells a PO editor that nothing changed, wrongly.
                first.previous_source = None
            regroup(first, second)
            del self.tfile.units[next_id]
            # Kept aside (an obsolete entry), so that splitting the join again gives the
            # second segment back its own translation and MT.
            if second.has_work():
                second.notes = set_aside_notes(second.notes)
                # Its own copy from before an earlier join (of a shorter sentence, under
                # its id) goes: only a segment in place keeps one, sync taking an obsolete
                # unit back by id, the first it meets.
                self.tfile.obsolete = [
                    u
                    for u in self.tfile.obsolete
                    if u.segment_id != next_id
                    or not _joined_after(second.source, u.source, self.source_lang)
                ]
                self.tfile.obsolete.append(second)
            if before is not None:
                self.tfile.obsolete.append(before)
            self.resegmentation.joins.append((segment_id, next_id))

        return self._restructure("join", edit, segment_id)

    def refuse_others_work(self, segment_ids: Sequence[str], action: str = "join") -> None:
        """Refuse a join (or a split) of segments that a translation into another language
        has work in: the segmentation is the document's, which every language shares, so a
        join would take the second segment's id (and its translation there) away, and either
        would give a segment a source its translation there no longer matches, under that
        translator's feet (a split left the French of three sentences on the first two)."""
        work = self._work_in_other_languages()
        owners = [work[segment_id] for segment_id in segment_ids if segment_id in work]
        if not owners:
            return
        lang, path = owners[0]
        held = [
            f"#{self.row_index[segment_id] + 1}"
            for segment_id in segment_ids
            if work.get(segment_id) == (lang, path)
        ]
        raise TermwiseError(
            f"{' and '.join(held)} {'has' if len(held) == 1 else 'have'} a "
            f"{languages.display_name(lang)} translation ({path}): a {action} is the "
            "document's, for every language, and would change those segments under it, so it "
            "is refused"
        )

    def _work_in_other_languages(self) -> dict[str, tuple[str, Path]]:
        """``work_in_other_languages``, read again only where one of those files changed on
        disk (another translator's workbench saved it) or one came or went: each F3 and F4
        asks, and a book's translations take a while to read. (Kept across this session's
        own joins and splits: those are refused where another language has work, so they
        move none of it.)"""
        from termwise.project.translations import work_in_other_languages

        # Taken before the files are read: one that changes while they are read is read
        # again next time, never kept as it was.
        stamps = self._other_translation_stamps()
        if self._others_work is None or self._others_work[0] != stamps:
            work = work_in_other_languages(self.layout, self.path, self.target_lang, self.document)
            self._others_work = (stamps, work)
        return self._others_work[1]

    def _other_translation_stamps(self) -> FileStamps:
        """The stamps of the other languages' translation files (``_translation_stamps``)."""
        return self._translation_stamps(
            lang
            for lang in self.layout.translation_languages(self.path)
            if not languages.same_language(lang, self.target_lang)
        )

    def _translation_stamps(self, langs: Iterable[str]) -> FileStamps:
        """What tells whether the translation files into ``langs`` changed: each one's
        path, modification and change times, size and inode (a save replaces the file)."""
        stamps = []
        for lang in langs:
            path = self.layout.translation_file(self.path, lang)
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            stamps.append(
                (str(path), stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)
            )
        return tuple(stamps)

    def _joined_parts(self, segment_id: str) -> tuple[list[str], list[tuple[str, str]]]:
        """The segments (as the document has them without joins) that ``segment_id`` is made
        of, in order, and the joins that make it; one part and no join where it is none."""
        import dataclasses

        plain = dataclasses.replace(self.resegmentation, joins=[]).apply(self.base_document)
        groups = [[segment.id] for segment in plain.segments]
        made: list[list[tuple[str, str]]] = [[] for _ in groups]
        # As ``Resegmentation.apply`` applies them: in order, each where both ends meet.
        for first, second in self.resegmentation.joins:
            for index in range(len(groups) - 1):
                if groups[index][0] == first and groups[index + 1][0] == second:
                    groups[index : index + 2] = [groups[index] + groups[index + 1]]
                    made[index : index + 2] = [[*made[index], *made[index + 1], (first, second)]]
                    break
        for parts, pairs in zip(groups, made, strict=True):
            if parts[0] == segment_id:
                return parts, pairs
        return [segment_id], []

    def split_points(self, segment_id: str) -> list[int]:
        """Offsets where the segment could be split: where the parts of a join meet (it is
        split nowhere else), else sentence boundaries, else ; or :."""
        from termwise.document.reading import spans_kept_whole
        from termwise.document.segmentation import split_sentences

        parts, pairs = self._joined_parts(segment_id)
        if pairs:
            return languages.sentence_starts(self._part_texts(parts), self.source_lang)[1:]
        text = self.source_text(segment_id)
        # No reader sees a Markdown comment, a code span is code and a link's target is one
        # address: a cut in one would leave half of it in each segment, so none is offered
        # there, read as the segmenter reads them (it makes none).
        hidden: list[tuple[int, int]] = []
        code: list[tuple[int, int]] = []
        labels = self.document.link_labels()
        if labels is not None:
            hidden, code = spans_kept_whole(text, labels)
        spans = split_sentences(text, self.source_lang, hidden, code)
        cuts = [start for start, _ in spans[1:]]
        if not cuts:
            kept = [*hidden, *code]
            cuts = [
                i + 1
                for i, char in enumerate(text[:-1])
                if char in ";:；："
                and text[i + 1 :].strip()
                and not any(start <= i < end for start, end in kept)
            ]
        return cuts

    def _part_texts(self, parts: Sequence[str]) -> list[str]:
        import dataclasses

        plain = dataclasses.replace(self.resegmentation, joins=[]).apply(self.base_document)
        return [plain.segment(part).text for part in parts]

    def _unjoin(self, parts: list[str], pairs: list[tuple[str, str]], offset: int) -> Change:
        """Split a joined segment where two of its parts meet (anywhere else is refused),
        into two segments: the parts before the cut, still joined under the first's id, and
        those after it, joined under the first of them. A segment of three sentences split
        once is two segments, as one of two is (F4 made all three sentences at once).

        The later parts take their translations back where the first's still ends with
        them; where the translator rewrote the join's translation as one, the first keeps
        it whole and the later parts wait for their share (their own translations kept as
        suggestions), as they do after an aligned group's split: printed again, they were
        printed twice."""
        texts = self._part_texts(parts)
        starts = languages.sentence_starts(texts, self.source_lang)
        # Where a part ends or, after the space between them, the next starts.
        cut = next(
            (
                k
                for k in range(len(texts) - 1)
                if offset in (starts[k] + len(texts[k]), starts[k + 1])
            ),
            None,
        )
        if cut is None:
            raise TermwiseError("this segment is a join: it can only be split where its parts meet")
        head, tail = parts[: cut + 1], parts[cut + 1 :]
        lang = self.target_lang
        # Read before the edit: saving the segmentation forgets the aligner's joins undone.
        aligned = any(
            aligned_join(self.resegmentation, self.target_lang, pair)
            for pair in pairs
            if pair[1] == tail[0]
        )
        rewritten = False

        def edit() -> None:
            nonlocal rewritten
            unit = self.unit(parts[0])
            unit.source = languages.join_sentences(texts[: cut + 1], self.source_lang)
            if unit.previous_source == unit.source:
                unit.previous_source = None
            # The later parts' own units come back from the obsolete entries (by their ids,
            # when the document is synced); their translations and MT leave the first's
            # again, where the join put them and nobody changed them since.
            kept_aside = {u.segment_id: u for u in self.tfile.obsolete}
            aside = [kept_aside[part] for part in tail if part in kept_aside]
            for part in aside:
                part.notes = notes_taken_back(part.notes)
            tail_target = languages.join_sentences((u.target for u in aside if u.target), lang)
            tail_mt = languages.join_sentences((u.mt for u in aside if u.mt), lang)
            self._cut_aside_copies(parts, texts, cut, kept_aside)
            if tail_target and unit.target:
                shorter = _without_tail(unit.target, tail_target, lang)
                rewritten = shorter == unit.target
                unit.target = shorter
                if not rewritten:
                    self._hand_waits_over(parts[0], tail[0])
            elif not tail_target and not any(translation_in_neighbour(u) for u in aside):
                # The later parts bring nothing back: the translation holds their share only
                # where a person wrote it while they were joined.
                rewritten = self._rewritten_alone(unit)
            if unit.mt is not None and tail_mt:
                # MT that was only the later parts' is no MT of the first (no empty #. mt:).
                unit.mt = _without_tail(unit.mt, tail_mt, lang) or None
                if unit.mt is None:
                    unit.mt_engine = unit.mt_model = None
            elif not tail_mt:
                # No MT of theirs to take off (an aligned group's later sentences never had
                # units of their own): MT made while joined is every part's, and stayed on
                # the first, the later sentences' MT shown twice.
                _without_whole_mt(unit)
            if not unit.target:
                unit.state = SegmentState.NEW
            elif unit.mt is not None and unit.target == unit.mt:
                unit.state = SegmentState.MT
            elif unit.state is SegmentState.REVIEWED:
                # Reviewed as the translation of the whole join, not of this part alone.
                unit.state = SegmentState.EDITED
            self._back_as_before_join(unit, rewritten)
            if len(tail) > 1:
                self._rejoin_tail(tail, texts[cut + 1 :], kept_aside)
            regroup(unit)
            at = min(self.resegmentation.joins.index(pair) for pair in pairs)
            joins = [pair for pair in self.resegmentation.joins if pair not in pairs]
            again = [(head[0], part) for part in head[1:]] + [(tail[0], part) for part in tail[1:]]
            joins[at:at] = again
            self.resegmentation.joins = joins

        def settle(known: Set[str]) -> None:
            if rewritten:
                self._wait_for_rewrite(parts[0], tail[0])
            elif aligned and not self.unit(tail[0]).target:
                # The aligned group's translation is the whole group's: it stays on the
                # first part, which holds the later part's share.
                self._wait_for_holder(parts[0], [tail[0]])

        return self._restructure("split", edit, parts[0], settle)

    def _cut_aside_copies(
        self,
        parts: Sequence[str],
        texts: Sequence[str],
        cut: int,
        kept_aside: Mapping[str, TranslationUnit],
    ) -> None:
        """Cut at ``cut`` the kept-aside units of the parts before it that reach past it:
        a group joined whole to the segment before (F3 on a 1-0 group, then the 5-1 group
        after it) set its unit aside with the whole group's sentences, and a split inside
        the group left that copy's source holding the later parts' sentences, so the sync
        carried its translation over to them: the translation sat on both segments. Each
        such copy keeps its share of the sentences, and of the translation what is not the
        later parts' own (kept aside, where the join put them at its end); the aligner's
        group had one translation for all, which stays whole, and the later part waits."""
        for index in range(1, cut + 1):
            unit = kept_aside.get(parts[index])
            if unit is None:
                continue
            share = languages.join_sentences(texts[index : cut + 1], self.source_lang)
            ends = [
                end
                for end in range(cut + 2, len(parts) + 1)
                if unit.source == languages.join_sentences(texts[index:end], self.source_lang)
            ]
            if not ends:
                continue
            later = [kept_aside[part] for part in parts[cut + 1 : ends[0]] if part in kept_aside]
            unit.source = share
            if unit.previous_source == share:
                unit.previous_source = None
            lang = self.target_lang
            later_target = languages.join_sentences((u.target for u in later if u.target), lang)
            unit.target = _without_tail(unit.target, later_target, lang)
            if not unit.target:
                unit.state = SegmentState.NEW
            if unit.mt is not None:
                later_mt = languages.join_sentences((u.mt for u in later if u.mt), lang)
                unit.mt = _without_tail(unit.mt, later_mt, lang) or None
                if unit.mt is None:
                    unit.mt_engine = unit.mt_model = None

    def _hand_waits_over(self, holder: str, taker: str) -> None:
        """The segments after ``holder`` that wait for their share of its translation wait
        for ``taker``'s, which a split gave back the end of that translation: their share
        is there (a group's later sentences split off, then the group joined to the segment
        before and split off again), and they named a segment left with none of it."""
        after = self.row_index[holder]
        for unit in self.tfile.units.values():
            if waited_for(unit) == holder and self.row_index.get(unit.segment_id, -1) > after:
                unit.notes = "\n".join(
                    filter(None, (without_wait(unit.notes), in_neighbour_note(taker, _SPLIT_HERE)))
                )

    def _rewritten_alone(self, unit: TranslationUnit) -> bool:
        """Whether ``unit``, the first part of a join split again whose later parts had no
        translation, holds a person's translation other than the one it had before the join
        (the copy ``_before_join`` kept under its source), so written while joined, for the
        later parts too: without this the later part came back new, and MT printed its
        sentence a second time.

        A join with no copy kept was saved by a termwise that kept none there (before
        ``_NOTHING_BEFORE_JOIN``), and the file cannot say whether the translation is the
        first part's own or written while joined: the later part waits only where the
        translation visibly holds more than one sentence. Made to wait wrongly, a part
        keeps its sentence out of every edition; left new, MT of it is only printed twice
        where the translator merged two sentences into one."""
        from termwise.document.segmentation import split_sentences

        if not persons_translation(unit):
            return False
        before = next(
            (
                u
                for u in self.tfile.obsolete
                if u.segment_id == unit.segment_id and u.source == unit.source
            ),
            None,
        )
        if before is not None:
            return unit.target != before.target
        return len(split_sentences(unit.target, self.target_lang)) > 1

    def _back_as_before_join(self, unit: TranslationUnit, rewritten: bool) -> None:
        """The first part of a join split again, back in the shape it had before the join
        (``unit.source``): where its translation is again exactly the one it had then, it
        is again as it was (reviewed, or MT with its MT), from the copy ``_before_join``
        kept aside. Copies of shapes the split cut apart go: no split brings those back."""
        copies = [
            u
            for u in self.tfile.obsolete
            if u.segment_id == unit.segment_id
            and (u.source == unit.source or _joined_after(u.source, unit.source, self.source_lang))
        ]
        if not copies:
            return
        self.tfile.obsolete = [u for u in self.tfile.obsolete if all(u is not c for c in copies)]
        before = next((u for u in copies if u.source == unit.source), None)
        if before is None or rewritten or not unit.target or unit.target != before.target:
            # Written otherwise while joined: a person must look again.
            return
        unit.state = before.state
        unit.mt, unit.mt_engine, unit.mt_model = before.mt, before.mt_engine, before.mt_model

    def _wait_for_rewrite(self, holder: str, part_id: str) -> None:
        """The later part of a join split again waits for its share of the translation
        ``holder`` keeps, rewritten as one while they were joined; the part's own
        translation from before the join stays a suggestion: its MT, or a note."""
        part = self.unit(part_id)
        before = part.target
        lines = without_wait(part.notes).splitlines()
        if before and before != part.mt:
            lines.append(_BEFORE_THE_JOIN + before)
        lines.append(in_neighbour_note(holder, _WRITTEN_WHOLE))
        part.target = ""
        part.state = SegmentState.NEW
        part.notes = "\n".join(lines)

    def _rejoin_tail(
        self,
        tail: Sequence[str],
        texts: Sequence[str],
        kept_aside: Mapping[str, TranslationUnit],
    ) -> None:
        """The later parts of a split join stay joined, under the first of them: its unit
        (kept aside by the join) holds their translations together, as a join makes it."""
        from termwise.project.units import TranslationUnit

        aside = [kept_aside[part] for part in tail if part in kept_aside]
        if not aside:
            return
        unit = kept_aside.get(tail[0])
        if unit is None:
            unit = TranslationUnit(segment_id=tail[0], source="")
            self.tfile.obsolete.append(unit)
        unit.source = languages.join_sentences(texts, self.source_lang)
        # A part the join did not keep aside had nothing (``join_units``: no MT of them all).
        later = [kept_aside.get(part) for part in tail[1:]]
        join_units(unit, [unit, *later], lang=self.target_lang)

    def split(self, segment_id: str, offset: int) -> Change:
        """Split a segment at ``offset`` of its text; the first part keeps its id and a
        person's translation (the later parts wait for their share), while MT of the whole
        goes, for MT of each part to replace."""
        self.refuse_read_only([segment_id], "splitting")
        self.refuse_others_work([segment_id], "split")
        parts, pairs = self._joined_parts(segment_id)
        if pairs:
            return self._unjoin(parts, pairs, offset)
        text = self.source_text(segment_id)
        if not 0 < offset < len(text):
            raise TermwiseError("a split must fall inside the segment")
        base_id = segment_id.split(".s")[0]
        base_text = next(
            (seg.text for seg in self.base_document.segments if seg.id == base_id), None
        )
        if base_text is None:
            raise TermwiseError(f"segment {segment_id} is not in the document")
        start_in_base = base_text.find(text)
        if start_in_base < 0:
            raise TermwiseError(f"segment {segment_id} no longer matches the document")

        def edit() -> None:
            unit = self.unit(segment_id)
            cuts = self.resegmentation.splits.setdefault(base_id, [])
            cuts.append(start_in_base + offset)
            cuts.sort()
            unit.source = text[:offset].strip()
            _without_whole_mt(unit)
            if unit.state is SegmentState.REVIEWED:
                # Its translation is the whole segment's, now longer than its source: to
                # review again (the translation kept, for the translator to cut), not
                # exported as the reviewed translation of the first part.
                unit.state = SegmentState.EDITED
            regroup(unit)

        def settle(known: Set[str]) -> None:
            self._wait_for_holder(segment_id, [i for i in self.tfile.units if i not in known])

        return self._restructure("split", edit, segment_id, settle)

    def _wait_for_holder(self, segment_id: str, parts: Sequence[str]) -> None:
        """Mark the new ``parts`` of a split of ``segment_id`` as waiting for their share of
        the translation it kept whole, with the note a carry-over's split leaves: without
        it MT filled them and every edition printed their sentences twice (``termwise
        translate`` and F2 keep MT a suggestion there, ``check`` does not call them
        untranslated). A person's translation kept on the first part is what holds them;
        MT is not (MT of the parts replaces it), and a split of a part that waits itself
        waits for the same segment."""
        unit = self.unit(segment_id)
        if persons_translation(unit):
            holder: str | None = segment_id
        elif translation_in_neighbour(unit):
            holder = waited_for(unit)
        else:
            return
        if holder is None:
            return
        note = in_neighbour_note(holder, _SPLIT_HERE)
        for part_id in parts:
            part = self.unit(part_id)
            if part.state not in MT_MAY_FILL:
                # A person's own translation of the part came back with it (by its id).
                continue
            # MT an earlier split's part kept stays a suggestion (as ``translate`` leaves it).
            part.target = ""
            part.state = SegmentState.NEW
            part.notes = "\n".join(filter(None, (without_wait(part.notes), note)))

    # --- checks -----------------------------------------------------------------------

    def check_inputs(self) -> tuple[Document, dict[str, str], int]:
        """A consistent snapshot for a check run in another thread."""
        self.issue_generation += 1
        targets = self.targets()
        self._checking = CheckedTexts(tuple(self.document.segments), targets)
        # Taken with the targets: a run checks the omissions confirmed when it was asked for.
        self._left_out = frozenset(
            unit.segment_id for unit in self.tfile.units.values() if confirmed_omission(unit)
        )
        # With the locks another program added to the file since (the rows show them now).
        self._read_only = frozenset(
            unit.segment_id for unit in self.tfile.units.values() if READ_ONLY_FLAG in unit.flags
        ) | frozenset(() if self.source_only else self._locked_on_disk())
        from termwise.checks.entries import entry_data, waiting_on

        # Plural forms and PO flags (c-format...), for the placeholders and plural checks.
        self._entries = entry_data(self.tfile)
        self._waiting = waiting_on(self.tfile)
        return self.document, targets, self.issue_generation

    def compute_issues(self, document: Document, targets: Mapping[str, str]) -> list[Issue]:
        """Run the checks (safe in a worker thread: reads only the snapshot given).

        Only segments changed since the last run are checked again (``IncrementalChecker``),
        so a check after each pause in typing costs little even on a book.
        """
        from termwise.checks.incremental import IncrementalChecker

        with self._lock:
            glossary_version = self.glossary_version
            checker = self._checker
            if checker is None or self._checker_version != glossary_version:
                checker = IncrementalChecker(
                    source_lang=document.lang,
                    target_lang=self.target_lang,
                    glossary=self.glossary,
                    config=self.config,
                )
            plurals, flags = self._entries
            issues = checker.run(
                document,
                targets,
                self.ignores,
                self._left_out,
                self._read_only,
                plurals=plurals,
                flags=flags,
                waiting=self._waiting,
            )
            self._checker, self._checker_version = checker, glossary_version
        # What the checker keeps (a pair and term matches per segment) lives as long as the
        # session: out of the cyclic collector's reach, as the book is (see ``__init__``).
        gc.freeze()
        return issues

    def set_issues(self, issues: list[Issue], generation: int) -> bool:
        """Take a check run's result unless a newer run has started since.

        A segment edited after the run took its texts is not caught here (an edit starts no
        run until a pause in typing): its issues are shown till the next run, and a fix of
        them is refused (``checked_as_now``)."""
        if generation != self.issue_generation:
            return False
        self.issues = issues
        self._checked = self._checking
        counts: dict[str, int] = {}
        for issue in issues:
            counts[issue.segment_id] = counts.get(issue.segment_id, 0) + 1
        for row in self.rows:
            count = counts.get(row.segment_id, 0)
            if row.issues != count:
                row.issues = count
                row.touch()
        return True

    @property
    def issues_in(self) -> bool:
        """Whether a check run's issues are in: until the first is, ``issues`` is empty for
        want of a run, not for want of issues (the panel said "0 issue(s)" while checking)."""
        return self._checked is not None

    def issues_of(self, segment_id: str) -> list[Issue]:
        return [issue for issue in self.issues if issue.segment_id == segment_id]

    # --- navigation -------------------------------------------------------------------

    def filtered(self, name: FilterName, concept: str | None = None) -> list[Row]:
        if name == "all":
            return list(self.rows)
        if name == "untranslated":
            return [row for row in self.rows if not row.target]
        if name == "unreviewed":
            return [row for row in self.rows if row.state != SegmentState.REVIEWED]
        if name == "issues":
            return [row for row in self.rows if row.issues]
        if name == "unsure":
            from termwise.review.alignment import low_confidence_rows

            return low_confidence_rows(self)
        wanted = (concept or "").strip()
        ids = self.find_concepts(wanted)
        for row in self.rows:
            self.ensure_marked(row)
        return [
            row
            for row in self.rows
            if any(m.concept in ids for m in (*row.source_marks, *row.target_marks))
        ]

    def find_concepts(self, query: str) -> set[str]:
        """Concept ids whose id or any term contains ``query`` (case-insensitive)."""
        if self.glossary is None or not query:
            return set()
        folded = query.casefold()
        return {
            concept.id
            for concept in self.glossary.concepts
            if concept.id.casefold() == folded
            or any(folded in term.text.casefold() for term in concept.terms())
        }

    def search(self, query: str, rows: Sequence[Row], *, where: str = "both") -> list[int]:
        """Indexes into ``rows`` whose source and/or translation contain ``query``."""
        folded = query.casefold()
        if not folded:
            return []
        hits = []
        for index, row in enumerate(rows):
            if (where in ("both", "source") and folded in row.source.casefold()) or (
                where in ("both", "target") and folded in row.target.casefold()
            ):
                hits.append(index)
        return hits

    # --- saving -----------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet written to the project file."""
        return self._dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        if value:
            self.change_generation += 1
        self._dirty = value

    def save(
        self, on_merge: Callable[[MergeReport, bool], None] | None = None, *, merge: bool = True
    ) -> Path:
        """Write the project file now, in this thread. Where another program changed it
        since: with ``merge`` (the workbench's saves), merge first and tell ``on_merge`` what
        the merge did (its report, and whether undo forgot its steps); without (a command
        such as ``termwise fix``), refuse (``ConcurrentModificationError``), writing
        nothing. A command has no translator to keep a text for: its merge kept its own
        text over the other program's as "yours", without a word. Refused, the other
        program's version stays on disk, and the command run again works on top of it.
        (The workbench saves in a worker thread: ``save_snapshot``, ``write``, ``saved``.)"""
        from termwise.project.store import ConcurrentModificationError

        snapshot = self.save_snapshot()
        try:
            path = self.write(snapshot)
        except ConcurrentModificationError:
            if not merge:
                raise
            report, forgotten = self.merge_from_disk()
            if on_merge is not None:
                on_merge(report, forgotten)
            snapshot = self.save_snapshot()
            path = self.write(snapshot)
        self.saved(snapshot)
        return path

    # Saving in a worker thread while the translator types: the rows and the units change
    # on the UI thread only. The UI thread takes a snapshot of the units (their keys), the
    # worker writes it, and the UI thread takes note of what was saved or, when another
    # program changed the file, merges it and saves again.

    def save_snapshot(self) -> SaveSnapshot:
        """What a save writes, as it is now (on the thread that changes the units)."""
        from termwise.project.store import Snapshot

        return SaveSnapshot(Snapshot.of(self.tfile), self.change_generation)

    def write(self, snapshot: SaveSnapshot) -> Path:
        """Write ``snapshot`` atomically (any thread: it reads no unit and no row). Raises
        ``ConcurrentModificationError`` when another program changed the file."""
        with self._save_lock:
            # The file as written holds the units' locks and no others. (A save refused,
            # the file being another program's now, leaves the stamps: its locks are read.)
            path = self.tfile.save(snapshot=snapshot.units)
            if not self.source_only:
                self._own_stamps = self._written_stamps()
            return path

    def _written_stamps(self) -> FileStamps:
        """The stamps (as ``_translation_stamps`` takes them) of the file the last save
        left, from that file's own stat: a stat of the path after the save took another
        program's save made in between for ours, and its locks were never read."""
        stat = self.tfile.written_stat
        if stat is None:
            return self._translation_stamps([self.target_lang])
        path = self.layout.translation_file(self.path, self.target_lang)
        return ((str(path), stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino),)

    def saved(self, snapshot: SaveSnapshot) -> None:
        """``snapshot`` is on disk: nothing is left to save unless something changed since."""
        if self.change_generation == snapshot.generation:
            self._dirty = False

    def merge_from_disk(self) -> tuple[MergeReport, bool]:
        """Bring in what another program saved to the project file (a three-way merge that
        loses neither side's work); the rows show the result, and the next save writes it.
        Returns the merge's report and whether undo forgot its steps: an older step could
        have put back what the other program replaced."""
        report = self.tfile.merge_from_disk()
        # The units now hold the file's locks (the merge took them, or the release of one).
        self._disk_locks_shown = frozenset()
        self._disk_locks_read = None
        # Only where the session now differs from the file is there something to save: a
        # merge that took the other program's work, or found nothing new, left it as the
        # file is (and marked unsaved, the workbench wrote the same file again).
        unsaved = report.differs_from_disk
        for segment_id, unit in self.tfile.units.items():
            if segment_id in self.row_index:
                state = unit.state
                self._show_unit(segment_id)  # may call an MT with other line breaks edited
                unsaved = unsaved or unit.state is not state
        forgotten = self.history.forget_touching(report.changed)
        if unsaved:
            self.dirty = True
        return report, forgotten

    @property
    def translation_path(self) -> Path:
        assert self.tfile.path is not None
        return self.tfile.path

    # --- glossary edits ---------------------------------------------------------------

    def glossary_paths(self) -> list[Path]:
        """The glossary files as they are on disk now (what ``reload_glossary`` compares)."""
        from termwise.glossary.formats import glossary_files

        folder = self.glossary_path
        if folder.is_dir():
            return glossary_files(folder)
        return [folder] if folder.is_file() else []

    def _glossary_bytes(self) -> dict[Path, bytes]:
        found = {}
        for path in self.glossary_paths():
            try:
                found[path] = path.read_bytes()
            except FileNotFoundError:
                continue  # removed since the folder was listed: it is not there
        return found

    def reload_glossary(self) -> GlossaryReload | None:
        """Read the glossary again where another program changed its files since the
        session last read or wrote them (``termwise glossary add`` in another shell); None
        where none did. Undo forgets the glossary edits whose file it changed: their bytes
        put back would take that program's change back too."""
        now = self._glossary_bytes()
        if now == self._glossary_read:
            return None
        changed = sorted(
            path
            for path in now.keys() | self._glossary_read.keys()
            if now.get(path) != self._glossary_read.get(path)
        )
        self._reread_glossary()
        return GlossaryReload(tuple(changed), tuple(self._forget_outdated_glossary_steps()))

    @contextmanager
    def editing_glossary(self, label: str) -> Iterator[None]:
        """One undo step for the glossary edits made in the block, each of them an operation
        on the file as it is on disk now (``termwise.terms.recording``, as the command line
        makes them); the glossary is read again after it, so that marks and checks follow.

        A copy held in memory written back over the file took back what another program
        had saved there meanwhile (a term ``glossary add`` recorded was gone)."""
        # Where a file of the folder cannot be read, refused before anything is written:
        # the edit could not be read in after it, and the marks and checks would show a
        # glossary other than the one on disk.
        self._read_glossary()
        before = self._glossary_bytes()
        if before != self._glossary_read:
            # Another program's change not yet seen, which this edit is made on top of: the
            # steps before it would put back bytes without that change.
            self._forget_outdated_glossary_steps()
        try:
            yield
        finally:
            after = self._glossary_bytes()
            for path in sorted(after.keys() | before.keys()):
                if after.get(path) != before.get(path):
                    self._record(
                        Change(
                            label,
                            glossary_file=path,
                            glossary_before=before.get(path),
                            glossary_after=after.get(path),
                        )
                    )
            self._reread_glossary()

    def default_term_status(self, concept_id: str, lang: str) -> TermStatus:
        """The status a term added to ``concept_id`` in ``lang`` gets unless the translator
        gives another (``recording.default_status``, as ``glossary add`` gives it)."""
        from termwise.terms.recording import default_status

        concept = self.glossary.get(concept_id.strip()) if self.glossary is not None else None
        return default_status(concept, languages.normalize(lang))

    def add_term(
        self, concept_id: str, lang: str, status: str, text: str, tell: Tell | None = None
    ) -> Path:
        """Add a term to a concept (a new id makes a new concept) in the glossary file as it
        is on disk now; returns the file written. An empty ``status`` is the default one.
        What the edit has to say (another preferred term beside this one) goes to ``tell``."""
        from termwise.glossary.model import TermStatus
        from termwise.terms.recording import record_term

        concept_id, text = concept_id.strip(), text.strip()
        if not concept_id or not text:
            raise TermwiseError("a term needs a concept id and a text")
        tag = languages.normalize(lang)
        lines = tell or _say_nothing
        known = self.glossary is not None and self.glossary.get(concept_id) is not None
        with self.editing_glossary(f"glossary: {concept_id}"):
            path, _, given = record_term(
                self.glossary_path,
                text,
                tag,
                concept_id=concept_id if known else None,
                new_id=None if known else concept_id,
                status=TermStatus.parse(status) if status.strip() else None,
                tell=lines,
            )
        if given is TermStatus.PREFERRED:
            self._warn_other_preferred(concept_id, text, tag, lines)
        return path

    def set_term_status(
        self, concept: Concept, term: Term, status: str, tell: Tell | None = None
    ) -> Path:
        """Give ``term`` of ``concept`` ``status`` in the glossary file as it is on disk now;
        returns the file written."""
        from termwise.glossary.model import TermStatus
        from termwise.terms.recording import change_status

        lines = tell or _say_nothing
        wanted = TermStatus.parse(status)
        with self.editing_glossary(f"glossary: {concept.id}"):
            changed = change_status(
                self.glossary_path, term.text, term.lang, concept.id, wanted, tell=lines
            )
        if changed is None:
            raise TermwiseError(
                f"{term.text!r} is no longer a term of {concept.id} in {self.glossary_path} "
                "(another program changed the glossary); the glossary was read again"
            )
        if wanted is TermStatus.PREFERRED:
            self._warn_other_preferred(concept.id, term.text, term.lang, lines)
        return changed[0]

    def _warn_other_preferred(self, concept_id: str, text: str, lang: str, tell: Tell) -> None:
        from termwise.terms.recording import other_preferred

        concept = self.glossary.get(concept_id) if self.glossary is not None else None
        others = other_preferred(concept, text, lang)
        if others:
            shown = ", ".join(repr(other) for other in others)
            tell(
                f"warning: {concept_id} has another preferred {lang} term, {shown}: MT forces "
                "the first it meets, and the checks call the other inconsistent; give one of "
                "them another status"
            )

    def _restore_glossary(self, change: Change, *, reverse: bool) -> None:
        """Put a glossary file back as the step found it (undo) or left it (redo), and read
        the glossary again: its terms mark the rows and drive the checks. Refused where the
        file is no longer as the step left it (or found it): another program changed it
        since, and the step's bytes put back would take that change back too."""
        path = change.glossary_file
        assert path is not None
        data, expected = (
            (change.glossary_before, change.glossary_after)
            if reverse
            else (change.glossary_after, change.glossary_before)
        )
        if _bytes_of(path) != expected:
            self._reread_glossary()
            self._forget_outdated_glossary_steps()
            raise GlossaryChangedOnDisk(
                f"{'undo' if reverse else 'redo'} of {change.label!r} refused: another program "
                f"changed {path} since; the glossary was read again as it is now"
            )
        try:
            # The file is as the step expects, and was read with the step's bytes before:
            # where the folder reads now, it reads with them put back.
            self._read_glossary()
        except TermwiseError as error:
            doing = "undo" if reverse else "redo"
            raise GlossaryUnreadable(
                f"{doing} of {change.label!r} not made: the glossary cannot be read ({error}); "
                f"{path.name} is left as it is, and the step waits to {doing} until it can"
            ) from error
        if data is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, data)
        self._reread_glossary()

    def _forget_outdated_glossary_steps(self) -> list[Path]:
        """Forget the glossary edits of every file that is no longer as the last of them
        left it (or as the next redo found it); returns those files."""
        history = self.history
        steps = [*history.done, *history.undone]
        outdated = []
        for path in sorted({c.glossary_file for c in steps if c.glossary_file is not None}):
            now = _bytes_of(path)
            undo = next((c for c in reversed(history.done) if c.glossary_file == path), None)
            redo = next((c for c in reversed(history.undone) if c.glossary_file == path), None)
            if (undo is not None and undo.glossary_after != now) or (
                redo is not None and redo.glossary_before != now
            ):
                outdated.append(path)
        if outdated:
            history.done[:] = [c for c in history.done if c.glossary_file not in outdated]
            history.undone[:] = [c for c in history.undone if c.glossary_file not in outdated]
        return outdated

    def _reread_glossary(self) -> None:
        self.load_glossary()
        self._rebuild_matchers()

    def _rebuild_matchers(self) -> None:
        from termwise.glossary.matcher import TermMatcher

        with self._lock:
            # The checker keeps what it found under the glossary as it was (its terms'
            # statuses, its matches): a term added or a status changed needs a new one.
            self.glossary_version += 1
        if self.glossary is not None:
            self._source_matcher = TermMatcher(self.glossary, self.source_lang)
            self._target_matcher = TermMatcher(self.glossary, self.target_lang)
        self.mark_all()


def _say_nothing(_line: str) -> None:
    """Where a glossary edit's notes go when the caller asks for none (a test, a script)."""


def _bytes_of(path: Path) -> bytes | None:
    """A file's bytes (None: no file there), as a glossary undo step records them."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _marks(matches: Sequence[TermMatch]) -> tuple[Mark, ...]:
    return tuple(
        Mark(
            match.start,
            match.end,
            "official" if match.status.is_official else "deprecated",
            match.concept_id,
        )
        for match in matches
    )


def _translate(unit: TranslationUnit, text: str) -> None:
    """The translator's own translation (typed, or the MT taken) for ``unit``."""
    unit.set_translation(text)
    _keep_line_breaks_apart(unit)
    filled_in_review(unit)


def _keep_line_breaks_apart(unit: TranslationUnit) -> None:
    """A translation that differs from its MT in its line breaks is the translator's, not
    the MT: "edited". (The state reading ignores whitespace, so that an MT comment another
    tool re-wrapped still matches; it took "larga\n\nque" for the MT "larga que", and the
    workbench offered it as untouched MT.) A re-wrap joins comment lines with a space, so an
    MT's own line breaks survive it: spaces within a line still do not count."""
    mt = unit.mt
    if (
        unit.state is SegmentState.MT
        and mt is not None
        and unit.target != mt
        and _line_shape(unit.target) != _line_shape(mt)
    ):
        unit.state = SegmentState.EDITED


def _line_shape(text: str) -> list[str]:
    return ["".join(line.split()) for line in text.split("\n")]


def _before_join(first: TranslationUnit, second: TranslationUnit) -> TranslationUnit | None:
    """A copy of ``first`` as it is, to keep aside (an obsolete ``#~`` entry, under its id
    and its own source) while it is joined with ``second``, where the join loses what a
    split cannot work out again from the texts: its approval (the joined sentence is new,
    to review), or its MT where ``second`` has none (``join_units``), or, where ``second``
    brings no translation of its own, which translation was ``first``'s alone: one written
    as one while joined holds ``second``'s share (``_rewritten_alone``). A PO keeps an
    obsolete entry's flags and MT, so the copy survives a save, a reopen and other editors;
    the second part's own unit is kept aside the same way. Where neither part has a
    translation, the copy's note (``_NOTHING_BEFORE_JOIN``) is all it keeps: an entry with
    nothing in it is not saved, and a join saved with no copy reads as one from a termwise
    that kept none (``_rewritten_alone``)."""
    # A waiting part waits again when split off, whatever the join's translation became.
    brings_none = not second.target and not translation_in_neighbour(second)
    if not first.target:
        if not brings_none:
            return None
        before = copy.copy(first)
        before.notes = "\n".join(filter(None, (set_aside_notes(first.notes), _NOTHING_BEFORE_JOIN)))
        return before
    if (
        first.state is not SegmentState.REVIEWED
        and not (first.mt is not None and not second.mt)
        and not brings_none
    ):
        return None
    before = copy.copy(first)
    before.notes = set_aside_notes(first.notes)
    return before


def _without_whole_mt(unit: TranslationUnit) -> None:
    """Drop the MT of a whole segment from ``unit``, now only its first part: kept, the
    workbench and an edition showed the later parts' sentences twice, and F2 (which fills
    only an empty MT) could not make it again; MT of each part replaces it. Where the
    translation is that MT it goes too; a person's translation (which keeps the whole
    until it is shared out) keeps its MT beside it, as nothing would make it again."""
    if persons_translation(unit):
        return
    unit.mt = unit.mt_engine = unit.mt_model = None
    if unit.state is SegmentState.MT:
        unit.target = ""
        unit.state = SegmentState.NEW


def _without_tail(text: str, tail: str, lang: str) -> str:
    """``text`` without ``tail`` where a join put it at the end (unchanged otherwise): the
    head that ``languages.join_sentences`` joins to ``tail`` into ``text``, so that in
    Chinese "It works. 我们同意。" gives back "It works.", not "It works. " (the glue is
    ``glue_after`` the head: a space after Latin text, none after Chinese)."""
    if not tail or not text.endswith(tail):
        return text
    if text == tail:
        return ""
    head = text[: len(text) - len(tail)]
    trimmed = head[:-1] if head.endswith(" ") else head
    if trimmed and languages.join_sentences((trimmed, tail), lang) == text:
        return trimmed
    # A join saved when one glue served the whole language ("It works.我们同意。").
    flat = languages.sentence_glue(lang)
    if head.endswith(flat) and len(head) > len(flat):
        return head[: len(head) - len(flat)]
    return text


def _joined_after(text: str, head: str, lang: str) -> bool:
    """Whether ``text`` is ``head`` with more sentences of ``lang`` joined after it (a
    join's source, ``languages.join_sentences``)."""
    return len(text) > len(head) and text.startswith(head + languages.glue_after(head, lang))


def fix_label(issues: Sequence[Issue], side: str = "target") -> str:
    """What undo calls a fix: "fix term" for a glossary term, else the checks that asked
    for it ("fix typography"): Ctrl+Z after fixing quotes everywhere said "Undone: fix term"."""
    terms = all(issue.concept is not None for issue in issues)
    checks = ", ".join(dict.fromkeys(issue.check for issue in issues)) or "term"
    what = "term" if terms else checks
    return f"fix source {what}" if side == "source" else f"fix {what}"
