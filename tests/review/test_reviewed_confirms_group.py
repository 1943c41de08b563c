"""Ctrl+R (``ReviewSession.mark_reviewed``) on a group ``termwise align`` flagged as unsure.

F7 (``alignment.confirm``) takes the aligner's ``align-check`` flag off the group it
confirms; Ctrl+R marked the group reviewed and left the flag in the PO, so Poedit and
Weblate showed a group the translator had accepted as still unsure, and a group reviewed
one way carried the flag where one reviewed the other way did not. Marking an aligned group
reviewed is confirming it (the translator looked at it and accepts it): the flag goes, in
the file on disk too, and undo puts it back.
"""

from __future__ import annotations

from pathlib import Path

from termwise.align.output import CHECK_FLAG
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.alignment import confirm, low_confidence_rows
from termwise.review.session import ReviewSession

from .test_alignment_check_flag import _aligned, _flagged_on_disk


def test_marking_an_unsure_group_reviewed_takes_its_check_flag_off(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _aligned(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    assert _flagged_on_disk(session) == {ids[2], ids[4]}

    assert session.mark_reviewed(ids[2])
    assert CHECK_FLAG not in session.unit(ids[2]).flags
    assert _flagged_on_disk(session) == {ids[4]}
    on_disk = TranslationFile.load(session.translation_path).units[ids[2]]
    assert on_disk.state is SegmentState.REVIEWED
    # Listed no more, and confirmed already as F7 would have: nothing left to confirm.
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[4]]
    assert not confirm(session, ids[2])

    session.undo()
    assert _flagged_on_disk(session) == {ids[2], ids[4]}
    assert session.unit(ids[2]).state is not SegmentState.REVIEWED
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2], ids[4]]
    session.redo()
    assert _flagged_on_disk(session) == {ids[4]}


def test_both_keys_leave_the_same_group_on_disk(review_project: ProjectLayout, paper: Path) -> None:
    ids = _aligned(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    assert confirm(session, ids[2])
    session.save()
    confirmed = TranslationFile.load(session.translation_path).units[ids[2]]
    session.undo()
    assert session.mark_reviewed(ids[2])
    session.save()
    reviewed = TranslationFile.load(session.translation_path).units[ids[2]]
    assert reviewed.key() == confirmed.key()


def test_a_group_reviewed_elsewhere_with_its_flag_left_on_loses_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    """Reviewed in another tool that kept the flag: Ctrl+R there takes it off, as F7 does
    (it did nothing, and the flag stayed)."""
    ids = _aligned(review_project, paper)
    first = ReviewSession(review_project, paper, "es")
    first.save()
    po = first.translation_path
    tfile = TranslationFile.load(po)
    tfile.units[ids[2]].mark_reviewed()
    tfile.save()
    session = ReviewSession(review_project, paper, "es")
    assert CHECK_FLAG in session.unit(ids[2]).flags
    assert session.mark_reviewed(ids[2])
    assert _flagged_on_disk(session) == {ids[4]}
    session.undo()
    assert _flagged_on_disk(session) == {ids[2], ids[4]}
