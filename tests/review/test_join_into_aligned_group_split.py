"""F3 on an aligned group with no counterpart, which joins it with the group after it (one
translation for three sentences), then F4 inside that group: the translation stays whole on
the first part and the later part waits for it. The group's unit, kept aside whole by the
join, was carried over to the later part by the sync, and the same translation sat on two
segments (the sync's fuzzy carry-over: the later part's sentences are most of the group's
text). Also the other orders: F4 where the two groups meet, and a translated group
joined with an empty one after it; undo of each step gives the PO's bytes back. Projects
are written by align's own writer, saved and read back as the workbench leaves them."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import translation_in_neighbour, waited_for
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.review.session import ReviewSession

GROUP = "Creció, y los costes y el presupuesto del programa se duplicaron mientras el puente se retrasaba."
COUNCIL = "El consejo aprobó el plan."


def _aligned(tmp_path: Path) -> tuple[ReviewSession, list[str]]:
    """A 1-0 group, a 3-1 group, a 1-1 group and a 1-0 group, in one paragraph each pair;
    the session opened on it and saved."""
    document = tmp_path / "doc.txt"
    document.write_text(
        "The committee met in May. It grew. So did costs. The budget of the regional "
        "programme doubled in its first two years while the plan for the new bridge was "
        "late.\n\nThe council approved the plan. Nobody objected.\n",
        encoding="utf-8",
    )
    layout = ProjectLayout.at(tmp_path)
    source = load_source(layout, document, lang="en")
    beads = [
        Bead((0,), (), 0.97),
        Bead((1, 2, 3), (0,), 0.9),
        Bead((4,), (1,), 0.95),
        Bead((5,), (), 0.97),
    ]
    write_project(layout, document, source, [GROUP, COUNCIL], beads, "es")
    session = ReviewSession(layout, document, "es")
    session.save()
    return session, [row.segment_id for row in session.rows]


def _po(session: ReviewSession) -> bytes:
    return session.translation_path.read_bytes()


def _holding(session: ReviewSession, text: str) -> list[str]:
    """The segments whose translation is ``text``, in the session and in the file saved."""
    session.save()
    on_disk = TranslationFile.load(session.translation_path).units
    held = [i for i, u in session.tfile.units.items() if u.target == text]
    assert held == [i for i, u in on_disk.items() if u.target == text]
    return held


@pytest.mark.parametrize("point", [1, 2])
def test_a_split_inside_the_group_joined_leaves_its_translation_on_the_first_part(
    tmp_path: Path, point: int
) -> None:
    session, (first, group, council, _) = _aligned(tmp_path)
    assert session.unit(first).target == "" and session.unit(group).target == GROUP
    opened = _po(session)

    session.join_with_next(first)
    session.save()
    joined = _po(session)
    points = session.split_points(first)
    assert len(points) == 3
    session.split(first, points[point])

    assert _holding(session, GROUP) == [first]
    later = session.rows[1].segment_id
    assert later not in (first, group, council)
    assert session.unit(later).target == ""
    assert translation_in_neighbour(session.unit(later))
    assert waited_for(session.unit(later)) == first
    assert waited_for(TranslationFile.load(session.translation_path).units[later]) == first
    assert session.rows[2].segment_id == council

    session.undo()
    session.save()
    assert _po(session) == joined
    session.undo()
    session.save()
    assert _po(session) == opened
    session.redo()
    session.redo()
    assert _holding(session, GROUP) == [first]


def test_split_again_where_the_groups_met_hands_the_wait_to_the_group(tmp_path: Path) -> None:
    session, (first, group, _, _) = _aligned(tmp_path)
    session.join_with_next(first)
    session.split(first, session.split_points(first)[1])
    later = session.rows[1].segment_id
    session.split(first, session.split_points(first)[0])

    assert [row.segment_id for row in session.rows[:3]] == [first, group, later]
    assert _holding(session, GROUP) == [group]
    assert session.unit(first).target == ""
    assert waited_for(session.unit(later)) == group


def test_a_split_where_the_groups_meet_gives_the_group_its_translation_back(
    tmp_path: Path,
) -> None:
    session, (first, group, council, _) = _aligned(tmp_path)
    opened = _po(session)
    session.join_with_next(first)
    session.save()
    joined = _po(session)
    session.split(first, session.split_points(first)[0])

    assert [row.segment_id for row in session.rows[:3]] == [first, group, council]
    assert _holding(session, GROUP) == [group]
    assert session.unit(first).target == ""
    assert waited_for(session.unit(group)) is None

    session.undo()
    session.save()
    assert _po(session) == joined
    session.undo()
    session.save()
    assert _po(session) == opened


def test_a_translated_group_joined_with_an_empty_one_after_it_splits_back(
    tmp_path: Path,
) -> None:
    session, (_, _, council, last) = _aligned(tmp_path)
    opened = _po(session)
    session.join_with_next(council)
    assert _holding(session, COUNCIL) == [council]
    joined = _po(session)
    session.split(council, session.split_points(council)[0])

    assert _holding(session, COUNCIL) == [council]
    assert session.unit(last).target == ""
    assert waited_for(session.unit(last)) is None

    session.undo()
    session.save()
    assert _po(session) == joined
    session.undo()
    session.save()
    assert _po(session) == opened
