"""The aligner's ``align-check`` flag in the file on disk after the translator's changes.

A group the translator confirmed is done with: it carried the flag on in the PO (Poedit and
Weblate showed a reviewed group as still unsure), after F7, and after F7 on a group they had
moved a sentence into, joined or split. A group the translator changed and has not
confirmed is still listed to check. Undo of a confirmation puts the flag back.
"""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import CHECK_FLAG, write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.review.alignment import (
    confirm,
    low_confidence_rows,
    move_last_to_next,
    needs_check,
)
from termwise.review.session import ReviewSession


def _aligned(layout: ProjectLayout, paper: Path) -> list[str]:
    """Group 2 unsure (it took the 3rd sentence too), group 4 a sentence left out."""
    document = load_source(layout, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count + 1)]
    beads = [Bead((0,), (0,), 0.99), Bead((1,), (1,), 0.98), Bead((2,), (2, 3), 0.3)]
    beads += [Bead((3,), (4,), 0.95), Bead((4,), (), 0.6)]
    beads += [Bead((k,), (k,), 0.95) for k in range(5, count)]
    write_project(layout, paper, document, targets, beads, "es")
    return [segment.id for segment in document.segments]


def _flagged_on_disk(session: ReviewSession) -> set[str]:
    session.save()
    units = TranslationFile.load(session.translation_path).units
    return {segment_id for segment_id, unit in units.items() if CHECK_FLAG in unit.flags}


def test_a_confirmed_group_carries_no_check_flag_on_disk_and_undo_puts_it_back(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _aligned(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    assert _flagged_on_disk(session) == {ids[2], ids[4]}

    assert confirm(session, ids[2])  # a group with its translation: reviewed
    assert confirm(session, ids[4])  # a sentence left out: confirmed as such
    assert _flagged_on_disk(session) == set()
    assert low_confidence_rows(session) == []
    again = ReviewSession(review_project, paper, "es")
    assert low_confidence_rows(again) == []
    assert again.unit(ids[2]).state.value == "reviewed"

    session.undo()
    session.undo()
    assert _flagged_on_disk(session) == {ids[2], ids[4]}
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2], ids[4]]


def test_groups_changed_are_listed_until_confirmed_then_carry_no_flag(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _aligned(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    # A move: the unsure group gives its last sentence to a sure one.
    move_last_to_next(session, ids[2])
    assert needs_check(session.unit(ids[2])) and needs_check(session.unit(ids[3]))
    # A join of two sure groups (6 is a heading), and a split of it again.
    session.join_with_next(ids[7])
    assert needs_check(session.unit(ids[7]))
    session.split(ids[7], session.split_points(ids[7])[0])
    # Split again, both parts are groups the translator changed, listed until confirmed
    # (see test_split_join_parts_alike.py).
    assert needs_check(session.unit(ids[7])) and needs_check(session.unit(ids[8]))
    changed = [ids[2], ids[3], ids[7], ids[8]]
    listed = [row.segment_id for row in low_confidence_rows(session)]
    assert listed == [ids[2], ids[3], ids[4], ids[7], ids[8]]

    for segment_id in [*changed, ids[4]]:
        assert confirm(session, segment_id)
    assert _flagged_on_disk(session) == set()
    assert low_confidence_rows(session) == []
    on_disk = TranslationFile.load(session.translation_path).units
    assert all(on_disk[segment_id].state.value == "reviewed" for segment_id in changed)

    # Changed again after it was confirmed: to confirm again, as before.
    move_last_to_next(session, ids[2])
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2], ids[3]]
