"""Ctrl+F7 confirms the sure groups still holding the published text, never a hand edit."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.review.alignment import confirm_sure, sure_groups
from termwise.review.session import ReviewSession


def test_a_group_edited_by_hand_is_not_confirmed_with_the_sure_ones(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The audit (issue 13): the third group, typed into, was among "Mark 38 sure aligned
    # group(s) reviewed?" and saved reviewed, its text no longer the published one.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]

    session = ReviewSession(review_project, paper, "es")
    assert sure_groups(session) == ids
    session.set_target(ids[2], "Frase número 2. ESTO ES UN ERROR.")
    session.seal_typing()
    # Edited and put back as it was published: the aligner's text again, sure as before.
    session.set_target(ids[3], "Frase número 3 cambiada.")
    session.seal_typing()
    session.set_target(ids[3], "Frase número 3.")
    session.seal_typing()

    assert ids[2] not in sure_groups(session)
    assert confirm_sure(session) == count - 1
    session.save()

    on_disk = TranslationFile.load(session.translation_path)
    edited = on_disk.units[ids[2]]
    assert edited.state.value == "edited"
    assert edited.target == "Frase número 2. ESTO ES UN ERROR."
    assert on_disk.units[ids[3]].state.value == "reviewed"
    assert all(on_disk.units[i].state.value == "reviewed" for i in ids if i != ids[2])
    # Still left for the translator to confirm with F7, by hand.
    assert sure_groups(session) == []
