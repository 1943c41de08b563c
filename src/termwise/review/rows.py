"""What the grid shows of one segment: texts, state, issue count and highlight marks.

A ``Row`` is plain data so that the grid can be benchmarked and tested without a project,
and so that the review session (which owns the translation file) decides what a row says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from termwise.project.units import SegmentState

# A row's state is the value of the unit's ``SegmentState`` (a str Enum): a plain string, so
# that the grid draws rows without looking at units.
STATES = tuple(state.value for state in SegmentState)

MarkKind = Literal["official", "deprecated", "search"]


@dataclass(frozen=True)
class Mark:
    """A highlighted span of a row's text (character offsets into that text)."""

    start: int
    end: int
    kind: MarkKind
    concept: str = ""


@dataclass(eq=False, slots=True)
class Row:
    """One segment as shown in the grid; ``version`` changes whenever what is shown changes."""

    segment_id: str
    source: str
    mt: str = ""
    target: str = ""
    state: str = "new"
    heading: bool = False
    # Flagged read-only (not for translation, locked in another tool): shown as locked.
    locked: bool = False
    issues: int = 0
    # An aligned group to confirm (unsure, or changed in review): marked with or without
    # the filter of unsure groups on.
    to_confirm: bool = False
    source_marks: tuple[Mark, ...] = ()
    mt_marks: tuple[Mark, ...] = ()
    target_marks: tuple[Mark, ...] = ()
    version: int = field(default=0)
    # Whether the marks have been computed: matching every row of a book up front would cost
    # seconds, so rows are marked when first shown (see ``SegmentGrid.decorate``).
    marked: bool = False

    def touch(self) -> None:
        """Invalidate the grid's cached rendering of this row."""
        self.version += 1
