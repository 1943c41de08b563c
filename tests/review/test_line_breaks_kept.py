"""A translation's line breaks are the translator's: the session keeps them exactly, and a
translation that differs from its MT only by a line break is not taken for the MT."""

from __future__ import annotations

from pathlib import Path

import polib

from termwise.project.layout import ProjectLayout
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

BROKEN = "La segunda frase es más larga\n\nque la primera."
MT = "La segunda frase es más larga que la primera."


def saved_with(layout: ProjectLayout, paper: Path, target: str, mt: str | None) -> str:
    """Save the first segment with ``target`` (fuzzy) and ``mt``; its id."""
    session = ReviewSession(layout, paper, "es")
    segment_id = session.rows[0].segment_id
    unit = session.unit(segment_id)
    unit.mt = mt
    unit.set_translation(target)
    session.dirty = True
    session.save()
    return segment_id


def msgstr(session: ReviewSession, segment_id: str) -> str:
    entry = next(e for e in polib.pofile(str(session.translation_path)) if e.msgctxt == segment_id)
    return str(entry.msgstr)


def test_marking_reviewed_keeps_the_line_breaks(review_project: ProjectLayout, paper: Path) -> None:
    segment_id = saved_with(review_project, paper, BROKEN, None)
    session = ReviewSession(review_project, paper, "es")
    assert session.unit(segment_id).target == BROKEN
    assert session.mark_reviewed(segment_id)
    session.save()
    assert msgstr(session, segment_id) == BROKEN
    assert session.row(segment_id).target == BROKEN


def test_a_translation_differing_from_its_mt_by_a_line_break_is_edited(
    review_project: ProjectLayout, paper: Path
) -> None:
    segment_id = saved_with(review_project, paper, BROKEN, MT)
    session = ReviewSession(review_project, paper, "es")
    unit = session.unit(segment_id)
    assert (unit.target, unit.mt) == (BROKEN, MT)
    assert unit.state is SegmentState.EDITED
    assert session.row(segment_id).state == "edited"
    assert session.counts()["mt"] == 0
    assert session.mark_reviewed(segment_id)
    session.save()
    assert msgstr(session, segment_id) == BROKEN


def test_typing_a_line_break_into_the_mt_makes_it_edited(
    review_project: ProjectLayout, paper: Path
) -> None:
    segment_id = saved_with(review_project, paper, MT, MT)
    session = ReviewSession(review_project, paper, "es")
    assert session.unit(segment_id).state is SegmentState.MT
    session.set_target(segment_id, "La segunda frase es más larga\nque la primera.")
    assert session.unit(segment_id).state is SegmentState.EDITED
    session.undo()
    assert session.unit(segment_id).state is SegmentState.MT
    session.redo()
    assert session.unit(segment_id).state is SegmentState.EDITED
    # Spaces within a line still do not count (an MT comment another tool re-wrapped).
    session.set_target(segment_id, "La segunda frase es  más larga que la primera.")
    assert session.unit(segment_id).state is SegmentState.MT
