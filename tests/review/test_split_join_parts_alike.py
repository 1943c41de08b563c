"""F4 on a join of aligned groups: both parts are groups the translator changed.

Split again, a join of two groups ``termwise align`` made (F3 in review) gave its later part
back its own aligner state: "group 1-1" and sure, or reviewed where it had been confirmed
before the join, so off the list of groups to check, while the first part was "regrouped in
review" and listed. Both parts are regrouped alike now (the later part's ``#. align:``
comment says "regrouped in review", with the lowest confidence of the join, as a split's
new part gets it), both listed until confirmed, in the file on disk as in the session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.align.output import CHECK_FLAG, REGROUPED, comment_confidence
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit
from termwise.review.alignment import confirm, low_confidence_rows, needs_check
from termwise.review.session import ReviewSession

from .test_alignment_check_flag import _aligned


def _regrouped(unit: TranslationUnit) -> bool:
    return any(REGROUPED in comment for comment in unit.comments)


@pytest.mark.parametrize("later_confirmed", [False, True], ids=["sure", "confirmed"])
def test_both_parts_of_a_split_join_are_listed_until_confirmed(
    review_project: ProjectLayout, paper: Path, later_confirmed: bool
) -> None:
    ids = _aligned(review_project, paper)  # 2 unsure, 4 left out, the rest sure (0.95)
    session = ReviewSession(review_project, paper, "es")
    first, later = ids[7], ids[8]
    if later_confirmed:
        assert confirm(session, later)
    session.join_with_next(first)
    session.split(first, session.split_points(first)[0])
    assert [row.segment_id for row in session.rows] == ids

    for segment_id in (first, later):
        unit = session.unit(segment_id)
        assert _regrouped(unit) and needs_check(unit), segment_id
        assert unit.state is SegmentState.EDITED
        assert comment_confidence(unit.comments) == pytest.approx(0.95)
    listed = [row.segment_id for row in low_confidence_rows(session)]
    assert listed == [ids[2], ids[4], first, later]

    session.save()
    on_disk = TranslationFile.load(session.translation_path).units
    for segment_id in (first, later):
        assert _regrouped(on_disk[segment_id]) and on_disk[segment_id].fuzzy
    again = ReviewSession(review_project, paper, "es")
    assert [row.segment_id for row in low_confidence_rows(again)] == listed

    for segment_id in (first, later):
        assert confirm(session, segment_id)
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2], ids[4]]
    session.save()
    on_disk = TranslationFile.load(session.translation_path).units
    assert on_disk[later].state is SegmentState.REVIEWED

    # Undone back to before the join: the later group is the aligner's again.
    session.undo()
    session.undo()
    session.undo()
    session.undo()
    unit = session.unit(later)
    assert not _regrouped(unit)
    assert (unit.state is SegmentState.REVIEWED) is later_confirmed


def test_a_split_join_with_an_unsure_part_flags_both(
    review_project: ProjectLayout, paper: Path
) -> None:
    """The join took the unsure group's doubt in (``regroup``); split, both parts keep it:
    the later part's own group was sure, but it was half of an unsure join."""
    ids = _aligned(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    first, later = ids[2], ids[3]  # 2 unsure (0.30, flagged), 3 sure
    session.join_with_next(first)
    session.split(first, session.split_points(first)[0])
    session.save()
    on_disk = TranslationFile.load(session.translation_path).units
    for segment_id in (first, later):
        unit = on_disk[segment_id]
        assert _regrouped(unit) and CHECK_FLAG in unit.flags, segment_id
        assert comment_confidence(unit.comments) == pytest.approx(0.3)
    for segment_id in (first, later):
        assert confirm(session, segment_id)
    session.save()
    on_disk = TranslationFile.load(session.translation_path).units
    assert not any(CHECK_FLAG in on_disk[segment_id].flags for segment_id in (first, later))
