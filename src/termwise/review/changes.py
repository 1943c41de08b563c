"""What undo and redo work with: one ``Change`` per step, and the history of them.

A change records the states of the segments it touched before and after (not a diff), and,
for a fix in the source or a join or split, the source file or the whole segmentation, so
that undo puts back exactly what was there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from termwise.project.units import SegmentState

if TYPE_CHECKING:
    from termwise.checks.ignores import IgnoredIssue
    from termwise.project.units import TranslationUnit


@dataclass(frozen=True)
class UnitState:
    """What undo restores of one segment's translation."""

    target: str
    state: str
    notes: str
    # An aligned group's confidence comment and flags, which moving a sentence rewrites.
    comments: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()


@dataclass
class Change:
    """One undoable step: segment states before and after, and the source file if it changed."""

    label: str
    before: dict[str, UnitState] = field(default_factory=dict)
    after: dict[str, UnitState] = field(default_factory=dict)
    source_before: str | None = None
    source_after: str | None = None
    aliases_before: dict[str, str] | None = None
    aliases_after: dict[str, str] | None = None
    # Typing in the editor extends one change per segment instead of one per keystroke.
    typing: str | None = None
    # A join or split: the overrides and every unit before and after.
    structure_before: Structure | None = None
    structure_after: Structure | None = None
    # An ignore (or "ignore all like it"): the project's ignores before and after, so that
    # Ctrl+Z takes it back instead of the edit before it.
    ignores_before: tuple[IgnoredIssue, ...] | None = None
    ignores_after: tuple[IgnoredIssue, ...] | None = None
    # A glossary edit (a term added, a status changed): the file's bytes before (None: it
    # did not exist) and after, so that Ctrl+Z takes a typo in the glossary back.
    glossary_file: Path | None = None
    glossary_before: bytes | None = None
    glossary_after: bytes | None = None
    # The segments the step is about where ``before`` and ``after`` do not name them (a join
    # or a split: the segment it reshaped; an ignore: the issue's segment), so that undo
    # and redo can show where they acted.
    places: tuple[str, ...] = ()

    @property
    def segments(self) -> list[str]:
        """The segments the step changed or is about, each once (in no set order)."""
        return list(dict.fromkeys([*self.before, *self.after, *self.places]))

    @property
    def back_to_review(self) -> list[str]:
        """The segments reviewed before the step and no longer after it (a fix rewrote
        their translation): what a summary of the step names, for a person to look again."""
        reviewed = SegmentState.REVIEWED.value
        return [
            segment_id
            for segment_id, before in self.before.items()
            if before.state == reviewed
            and segment_id in self.after
            and self.after[segment_id].state != reviewed
        ]

    @property
    def reshapes(self) -> bool:
        """Whether undoing or redoing it changes which rows there are or what their source
        says (a fix in the source, a join, a split), not only translations."""
        return self.source_before is not None or self.structure_before is not None


@dataclass(frozen=True)
class Structure:
    """Segmentation overrides and translation units at one moment (for undoing a join)."""

    splits: dict[str, list[int]]
    joins: list[tuple[str, str]]
    units: dict[str, TranslationUnit]
    # The units a join kept aside: a split takes them back (and reshapes the one it gives
    # its own segment again), so undo puts them back as they were.
    obsolete: list[TranslationUnit] = field(default_factory=list)
    # Which joins an alignment made, per language (``Resegmentation.aligned``): a split
    # forgets the aligner's join it cuts, so undo puts it back as the aligner's, not as the
    # translator's (which a later ``align`` would keep for ever).
    aligned: dict[str, list[tuple[str, str]]] | None = None


class History:
    """The undo and redo stacks. A new change forgets what was undone; the oldest steps go
    once ``limit`` are kept (a day of typing must not hold every keystroke's state)."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self.done: list[Change] = []
        self.undone: list[Change] = []

    def record(self, change: Change) -> None:
        self.done.append(change)
        self.undone.clear()
        if len(self.done) > self.limit:
            del self.done[0]

    def forget_touching(self, segment_ids: Iterable[str]) -> bool:
        """Forget every step if any could put back a translation of ``segment_ids`` (or all
        of them: a join's or a fix's step restores every unit): another program changed
        those on disk, and undoing an older step would silently put its old text back.
        Whether anything was forgotten."""
        ids = set(segment_ids)
        steps = [*self.done, *self.undone]
        if not ids or not steps:
            return False
        if any(
            change.reshapes or ids & change.before.keys() or ids & change.after.keys()
            for change in steps
        ):
            self.done.clear()
            self.undone.clear()
            return True
        return False

    @property
    def last(self) -> Change | None:
        """The step undo would take back next."""
        return self.done[-1] if self.done else None

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)
