"""Every way of regrouping a confirmed aligned group (split, join split again, join, moving a
sentence) puts it back among the groups to confirm: not reviewed, listed by the filter,
exported as fuzzy. (A split left the first part "reviewed" with both parts' translation.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from termwise.project.layout import ProjectLayout
from termwise.project.units import SegmentState
from termwise.review.alignment import (
    confirm,
    low_confidence_rows,
    move_first_to_previous,
    move_last_to_next,
    needs_check,
)
from termwise.review.session import ReviewSession

from .test_alignment_review import aligned_project


def _splittable(session: ReviewSession, ids: list[str]) -> str:
    """A sure group (after the unsure third) whose source can be split."""
    return next(i for i in ids[4:] if session.split_points(i))


def _joinable(session: ReviewSession, ids: list[str]) -> str:
    """A sure group joined with the next one can be (same paragraph, both sentences)."""
    segments = {segment.id: segment for segment in session.document.segments}
    return next(
        ids[k]
        for k in range(4, len(ids) - 1)
        if segments[ids[k]].paragraph == segments[ids[k + 1]].paragraph
        and not session.rows[k].heading
        and not session.rows[k + 1].heading
    )


def _split(session: ReviewSession, ids: list[str]) -> list[str]:
    segment_id = _splittable(session, ids)
    assert confirm(session, segment_id)
    session.split(segment_id, session.split_points(segment_id)[0])
    return [segment_id]


def _split_a_join(session: ReviewSession, ids: list[str]) -> list[str]:
    segment_id = _joinable(session, ids)
    first = session.source_text(segment_id)
    session.join_with_next(segment_id)
    assert confirm(session, segment_id)
    session.split(segment_id, len(first) + 1)
    return [segment_id]


def _join(session: ReviewSession, ids: list[str]) -> list[str]:
    segment_id = _joinable(session, ids)
    position = session.row_index[segment_id]
    assert confirm(session, segment_id)
    assert confirm(session, session.rows[position + 1].segment_id)
    session.join_with_next(segment_id)
    return [segment_id]


def _move(session: ReviewSession, ids: list[str]) -> list[str]:
    segment_id = _joinable(session, ids)
    after = session.rows[session.row_index[segment_id] + 1].segment_id
    for confirmed in (segment_id, after):
        assert confirm(session, confirmed)
    move_last_to_next(session, segment_id)  # Alt+Down: the next group has both sentences
    move_first_to_previous(session, after)  # Alt+Up: and gives the first one back
    return [segment_id, after]


@pytest.mark.parametrize(
    "regroup",
    [_split, _split_a_join, _join, _move],
    ids=["split", "split-a-join", "join", "move"],
)
def test_a_confirmed_group_regrouped_is_to_confirm_again(
    review_project: ProjectLayout,
    paper: Path,
    regroup: Callable[[ReviewSession, list[str]], list[str]],
) -> None:
    ids = aligned_project(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    changed = regroup(session, ids)
    listed = [row.segment_id for row in low_confidence_rows(session)]
    for segment_id in changed:
        unit = session.unit(segment_id)
        assert unit.state is not SegmentState.REVIEWED, segment_id
        assert unit.fuzzy and needs_check(unit)
        assert segment_id in listed
    session.save()
    again = ReviewSession(review_project, paper, "es")
    for segment_id in changed:
        assert again.unit(segment_id).state is SegmentState.EDITED
        assert segment_id in [row.segment_id for row in low_confidence_rows(again)]


def test_undo_of_a_split_gives_the_confirmation_back(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = aligned_project(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    (segment_id,) = _split(session, ids)
    assert session.unit(segment_id).state is SegmentState.EDITED
    session.undo()
    assert session.unit(segment_id).state is SegmentState.REVIEWED
    assert segment_id not in [row.segment_id for row in low_confidence_rows(session)]
