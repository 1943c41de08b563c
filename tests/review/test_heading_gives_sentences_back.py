"""A heading's group holding a body sentence beside its own translation gives it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.review.alignment import move_first_to_previous, move_last_to_next
from termwise.review.session import ReviewSession

NOTE = "*Nota del traductor: «red» traduce «grid».*"


def heading_with_a_note(layout: ProjectLayout, paper: Path) -> tuple[list[str], int]:
    """The paper aligned so that a heading's group (after a paragraph, before one) holds its
    own translation, "Capítulo", and a translator's note; its ids, the heading's place."""
    document = load_source(layout, paper, lang="en")
    kinds = [segment.kind.value for segment in document.segments]
    heading = next(
        k
        for k in range(1, len(kinds) - 1)
        if kinds[k] == "heading" and kinds[k - 1] != "heading" and kinds[k + 1] != "heading"
    )
    targets = [f"Frase número {j}." for j in range(len(kinds))]
    targets[heading] = "Capítulo"  # a heading's translation has no full stop
    targets.insert(heading + 1, NOTE)
    beads = [Bead((k,), (k,), 0.95) for k in range(heading)]
    beads.append(Bead((heading,), (heading, heading + 1), 0.95))
    beads += [Bead((k,), (k + 1,), 0.95) for k in range(heading + 1, len(kinds))]
    write_project(layout, paper, document, targets, beads, "es")
    return [segment.id for segment in document.segments], heading


def saved_targets(session: ReviewSession, ids: list[str]) -> list[str]:
    session.save()
    units = TranslationFile.load(session.translation_path).units
    return [units[segment_id].target for segment_id in ids]


def test_alt_up_on_a_heading_moves_the_note_not_the_headings_own_line(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Alt+Up moved "Capítulo" into the paragraph before and left the note as the heading.
    ids, at = heading_with_a_note(review_project, paper)
    before, heading, after = ids[at - 1], ids[at], ids[at + 1]
    session = ReviewSession(review_project, paper, "es")
    assert session.row(heading).heading
    assert session.unit(heading).target == f"Capítulo {NOTE}"

    move_first_to_previous(session, heading)
    assert session.unit(heading).target == "Capítulo"
    assert session.unit(before).target == f"Frase número {at - 1}. {NOTE}"
    assert saved_targets(session, [before, heading]) == [
        f"Frase número {at - 1}. {NOTE}",
        "Capítulo",
    ]
    # Its own line alone stays, either way.
    with pytest.raises(TermwiseError, match="heading's own translation"):
        move_first_to_previous(session, heading)
    with pytest.raises(TermwiseError, match="heading's own translation"):
        move_last_to_next(session, heading)

    session.undo()
    assert session.unit(heading).target == f"Capítulo {NOTE}"
    assert session.unit(before).target == f"Frase número {at - 1}."
    assert saved_targets(session, [before, heading, after]) == [
        f"Frase número {at - 1}.",
        f"Capítulo {NOTE}",
        f"Frase número {at + 1}.",
    ]


def test_alt_down_on_a_heading_moves_the_note_to_the_paragraph_after(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids, at = heading_with_a_note(review_project, paper)
    heading, after = ids[at], ids[at + 1]
    session = ReviewSession(review_project, paper, "es")

    move_last_to_next(session, heading)
    assert session.unit(heading).target == "Capítulo"
    assert session.unit(after).target == f"{NOTE} Frase número {at + 1}."
    assert saved_targets(session, [heading, after]) == [
        "Capítulo",
        f"{NOTE} Frase número {at + 1}.",
    ]
    # The translated heading takes nothing back; the note stays where it went.
    with pytest.raises(TermwiseError, match="heading"):
        move_first_to_previous(session, after)

    session.undo()
    assert saved_targets(session, [heading, after]) == [
        f"Capítulo {NOTE}",
        f"Frase número {at + 1}.",
    ]
