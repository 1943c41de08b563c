"""F4 on a group ``termwise align`` made of two source sentences, with real Apertium MT: MT
made while the sentences were one group is the MT of both, so the first part no longer
keeps it (the workbench showed "two sentences' MT" beside its one sentence, and where the
translator had taken the MT, printed the later sentence twice); each part gets MT of its
own sentence afresh. A translator's text stays. And a sentence moved (Alt+Down) into the
part that waited for its share of the group's translation ends the wait: the status line
said "translation was held by #2" though #2 held only its own sentence.
Projects are written by align's own writer."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.mt import open_engine
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import IN_NEIGHBOUR_NOTE, translation_in_neighbour
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.project.units import SegmentState
from termwise.review.alignment import move_last_to_next
from termwise.review.session import ReviewSession
from termwise.tui.workbench import shown_notes

FIRST = "The committee met in May."
SECOND = "The project grew fast across the region."
GROUP_SENTENCES = ["El comité se reunió en mayo.", "El proyecto creció rápido en la región."]


def _aligned(tmp_path: Path) -> tuple[Path, Path]:
    """A project whose first two source sentences the aligner made one 2-2 group."""
    document = tmp_path / "doc.txt"
    document.write_text(f"{FIRST} {SECOND}\n\nThe council approved the plan.\n", encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    source = load_source(layout, document, lang="en")
    targets = [*GROUP_SENTENCES, "El consejo aprobó el plan."]
    beads = [Bead((0, 1), (0, 1), 0.9), Bead((2,), (2,), 0.95)]
    write_project(layout, document, source, targets, beads, "es")
    return tmp_path, document


def _machine_translate(session: ReviewSession) -> None:
    """MT for every segment that needs it, as the workbench gives it on opening and after
    a split, with the real Apertium engine."""
    ids = session.needs_mt()
    if not ids:
        return
    engine = open_engine("apertium", "en", "es")
    results = engine.translate([session.source_text(i) for i in ids], "en", "es")
    session.record_mt(dict(zip(ids, results, strict=True)))


def _apertium(text: str) -> str:
    return open_engine("apertium", "en", "es").translate([text], "en", "es")[0].target.strip()


def test_the_first_part_of_a_split_group_taken_as_mt_gets_its_own_mt(tmp_path: Path) -> None:
    folder, document = _aligned(tmp_path)
    layout = ProjectLayout.at(folder)
    session = ReviewSession(layout, document, "es", engine="apertium")
    group = session.rows[0].segment_id
    # The translator threw the aligned text away and took the MT of the whole group.
    session.set_target(group, "")
    _machine_translate(session)
    whole = session.unit(group).mt
    assert whole and "proyecto" in whole
    assert session.accept_mt(group)
    assert session.unit(group).state is SegmentState.MT

    session.split(group, session.split_points(group)[0])
    part = session.rows[1].segment_id
    assert session.source_text(part) == SECOND
    first = session.unit(group)
    # Neither as its MT nor as its translation: the later sentence's MT was shown twice.
    assert first.mt is None, first
    assert first.target == "" and first.state is SegmentState.NEW

    _machine_translate(session)
    assert session.unit(group).mt == _apertium(FIRST)
    assert session.unit(part).mt == _apertium(SECOND)
    session.save()
    saved = TranslationFile.load(layout.translation_file(document, "es")).units[group]
    assert saved.mt == _apertium(FIRST) and "proyecto" not in (saved.mt or "")

    # Undo gives the group its MT back, as it was.
    session.undo()
    assert session.unit(group).mt == whole and session.unit(group).target == whole


def test_a_translators_text_on_the_first_part_stays(tmp_path: Path) -> None:
    folder, document = _aligned(tmp_path)
    session = ReviewSession(ProjectLayout.at(folder), document, "es", engine="apertium")
    group = session.rows[0].segment_id
    session.set_target(group, "")
    _machine_translate(session)
    assert session.unit(group).mt
    written = "El comité se reunió en mayo; el proyecto creció."
    session.set_target(group, written)

    session.split(group, session.split_points(group)[0])
    first = session.unit(group)
    assert first.target == written and first.state is SegmentState.EDITED
    # The later part waits for its share of it.
    assert translation_in_neighbour(session.unit(session.rows[1].segment_id))


def test_a_sentence_moved_into_the_waiting_part_ends_its_wait(tmp_path: Path) -> None:
    folder, document = _aligned(tmp_path)
    layout = ProjectLayout.at(folder)
    session = ReviewSession(layout, document, "es", engine="apertium")
    group = session.rows[0].segment_id
    session.split(group, session.split_points(group)[0])
    part = session.rows[1].segment_id
    assert translation_in_neighbour(session.unit(part))
    assert shown_notes(session, session.unit(part), "F3")[0].startswith("translation held by #1")

    move_last_to_next(session, group)  # Alt+Down: the group's second sentence is the part's
    assert session.unit(group).target == GROUP_SENTENCES[0]
    moved = session.unit(part)
    assert moved.target == GROUP_SENTENCES[1]
    # #1 holds only its own sentence now: nothing is held for #2 there.
    assert shown_notes(session, moved, "F3") == ("", "")
    session.save()
    saved = layout.translation_file(document, "es").read_text(encoding="utf-8")
    assert IN_NEIGHBOUR_NOTE not in saved

    # Undone, the part waits again; redone, it does not.
    session.undo()
    assert translation_in_neighbour(session.unit(part))
    session.redo()
    assert shown_notes(session, session.unit(part), "F3") == ("", "")
