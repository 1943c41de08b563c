"""F4 on a 2-1 group ``termwise align`` made, as the translator meets it: undone (Ctrl+Z),
the group is the aligner's join again, in ``aligned_joins`` as well as ``joins`` (else a
later ``align`` kept it as the translator's for ever), and redo cuts it again; the later
part confirmed (F7) as having no counterpart waits for no share of the group's
translation, in the PO or the status line. Projects are written by align's own writer."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.document.resegmentation import Resegmentation
from termwise.project.layout import ProjectLayout, segmentation_overrides_file
from termwise.project.omissions import (
    CONFIRMED,
    IN_NEIGHBOUR_NOTE,
    comment_notes,
    confirmed_omission,
    translation_in_neighbour,
)
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.review.alignment import aligned_join, confirm
from termwise.review.session import ReviewSession
from termwise.tui.workbench import shown_notes

GROUP_TRANSLATION = "El comité se reunió en mayo y el proyecto creció rápido en la región."


def _aligned(tmp_path: Path) -> tuple[ProjectLayout, Path]:
    """A project whose first two source sentences the aligner joined into one group."""
    document = tmp_path / "doc.txt"
    document.write_text(
        "The committee met in May. The project grew fast across the region.\n\n"
        "The council approved the plan.\n",
        encoding="utf-8",
    )
    layout = ProjectLayout.at(tmp_path)
    source = load_source(layout, document, lang="en")
    targets = [GROUP_TRANSLATION, "El consejo aprobó el plan."]
    beads = [Bead((0, 1), (0,), 0.9), Bead((2,), (1,), 0.95)]
    write_project(layout, document, source, targets, beads, "es")
    return layout, document


def test_undoing_a_split_of_an_aligned_group_gives_the_aligner_its_join_back(
    tmp_path: Path,
) -> None:
    layout, document = _aligned(tmp_path)
    overrides = segmentation_overrides_file(layout, document)
    written = overrides.read_bytes()
    session = ReviewSession(layout, document, "es")
    group = session.rows[0].segment_id
    pair = session.resegmentation.joins[0]
    assert aligned_join(session.resegmentation, "es", pair)

    session.split(group, session.split_points(group)[0])
    session.save()
    assert pair not in Resegmentation.load(overrides).joins

    session.undo()
    session.save()
    assert overrides.read_bytes() == written
    reopened = ReviewSession(layout, document, "es")
    assert aligned_join(reopened.resegmentation, "es", pair)

    # Redo cuts it again, for every language; undone again, it is the aligner's again.
    session.redo()
    session.save()
    cut = Resegmentation.load(overrides)
    assert pair not in cut.joins
    assert not aligned_join(cut, "es", pair)
    session.undo()
    session.save()
    assert overrides.read_bytes() == written


def test_a_split_part_confirmed_without_counterpart_no_longer_waits(tmp_path: Path) -> None:
    layout, document = _aligned(tmp_path)
    session = ReviewSession(layout, document, "es")
    group = session.rows[0].segment_id
    session.split(group, session.split_points(group)[0])
    part = session.rows[1].segment_id
    assert translation_in_neighbour(session.unit(part))

    assert confirm(session, part)
    unit = session.unit(part)
    assert CONFIRMED in comment_notes(unit.comments)
    assert not translation_in_neighbour(unit) and confirmed_omission(unit)
    held, _ = shown_notes(session, unit, "F3")
    assert held == ""
    session.save()
    po = layout.translation_file(document, "es")
    assert IN_NEIGHBOUR_NOTE not in po.read_text(encoding="utf-8")
    saved = TranslationFile.load(po).units[part]
    assert CONFIRMED in comment_notes(saved.comments) and confirmed_omission(saved)
    assert session.unit(group).target == GROUP_TRANSLATION

    # Undo puts the wait back with the unconfirmed group, redo takes it off again.
    session.undo()
    assert translation_in_neighbour(session.unit(part))
    assert CONFIRMED not in comment_notes(session.unit(part).comments)
    session.redo()
    assert not translation_in_neighbour(session.unit(part))


def test_a_part_confirmed_while_it_still_waited_is_confirmed_again(tmp_path: Path) -> None:
    """A PO saved by a termwise that kept the wait beside the confirmation: F7 takes the
    note off, instead of saying there is nothing to confirm."""
    layout, document = _aligned(tmp_path)
    session = ReviewSession(layout, document, "es")
    group = session.rows[0].segment_id
    session.split(group, session.split_points(group)[0])
    part = session.rows[1].segment_id
    unit = session.unit(part)
    unit.comments = tuple(
        f"{c}, {CONFIRMED}" if c.startswith("align: ") else c for c in unit.comments
    )
    session.save()
    reopened = ReviewSession(layout, document, "es")
    assert translation_in_neighbour(reopened.unit(part))
    assert confirm(reopened, part)
    assert not translation_in_neighbour(reopened.unit(part))
    assert confirmed_omission(reopened.unit(part))
