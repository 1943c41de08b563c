"""F4 on a segment that was never joined (``ReviewSession.split`` without ``pairs``): the
first part keeps the whole translation, so the later part waits for its share as a
carry-over's split part does (``omissions.IN_NEIGHBOUR_NOTE``): MT leaves it a suggestion,
``check`` does not call it untranslated, an edition prints its sentence once. Undo and redo
keep the note in step; a split of a segment without a person's translation adds none; a
translation typed into the part makes it an ordinary segment."""

from __future__ import annotations

import json
from pathlib import Path

from support.apertium_project import translated
from support.command_line import termwise
from termwise.mt import open_engine
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import (
    IN_NEIGHBOUR_NOTE,
    confirmed_omission,
    translation_in_neighbour,
    waited_for,
)
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

SOURCE = (
    "The committee met in May; the project grew fast across the region.\n\nIt was a good year.\n"
)
SPANISH = "El comité se reunió en mayo; el proyecto creció rápido en la región."


def _waiting_lines(notes: str) -> list[str]:
    return [line for line in notes.splitlines() if line.startswith(IN_NEIGHBOUR_NOTE)]


def test_the_later_part_of_a_split_translation_waits_and_prints_once(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    first = session.rows[0].segment_id
    session.set_target(first, SPANISH)
    session.mark_reviewed(first)
    session.split(first, session.split_points(first)[0])
    part = session.rows[1].segment_id
    assert session.unit(first).target == SPANISH
    assert translation_in_neighbour(session.unit(part))
    assert waited_for(session.unit(part)) == first
    session.save()

    saved = TranslationFile.load(layout.translation_file(document, "es")).units
    assert translation_in_neighbour(saved[part]) and waited_for(saved[part]) == first

    # MT again: the part gets a suggestion, not a translation printed after the whole one.
    again = termwise("translate", "doc.txt", "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    units = TranslationFile.load(layout.translation_file(document, "es")).units
    assert units[part].target == "" and units[part].mt
    assert units[first].target == SPANISH
    edition = tmp_path / "doc.es.txt"
    exported = termwise(
        "export", "doc.txt", "--to", "es", "-o", str(edition), "--target-only",
        "--include-unreviewed", cwd=tmp_path,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    text = edition.read_text(encoding="utf-8")
    assert text.count("proyecto") == 1, text
    checked = termwise("check", "doc.txt", "--to", "es", "--format", "json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    issues = json.loads(checked.stdout)
    assert not [issue for issue in issues if issue["segment"] == part], issues


def test_undo_and_redo_keep_the_wait_and_a_typed_translation_ends_it(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    first = session.rows[0].segment_id
    session.set_target(first, SPANISH)
    session.split(first, session.split_points(first)[0])
    part = session.rows[1].segment_id

    session.undo()
    assert part not in session.tfile.units
    assert _waiting_lines(session.unit(first).notes) == []
    assert session.unit(first).target == SPANISH
    session.redo()
    assert translation_in_neighbour(session.unit(part))
    assert len(_waiting_lines(session.unit(part).notes)) == 1

    # F2 in the workbench keeps Apertium's MT a suggestion there too.
    (result,) = open_engine("apertium", "en", "es").translate(
        [session.source_text(part)], "en", "es"
    )
    session.record_mt({part: result})
    assert session.unit(part).target == "" and session.unit(part).mt
    assert confirmed_omission(session.unit(part))

    session.set_target(part, "el proyecto creció rápido en la región.")
    assert not translation_in_neighbour(session.unit(part))
    assert not confirmed_omission(session.unit(part))


def test_a_split_without_a_persons_translation_adds_no_note(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    first = session.rows[0].segment_id
    # Apertium's MT: MT of each part replaces it, so nothing waits.
    assert session.unit(first).state.value == "mt"
    session.split(first, session.split_points(first)[0])
    part = session.rows[1].segment_id
    assert _waiting_lines(session.unit(part).notes) == []
    assert not confirmed_omission(session.unit(part))

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "doc.txt").write_text(SOURCE, encoding="utf-8")
    untouched = ReviewSession(ProjectLayout.at(fresh), fresh / "doc.txt", "es")
    head = untouched.rows[0].segment_id
    untouched.split(head, untouched.split_points(head)[0])
    assert _waiting_lines(untouched.unit(untouched.rows[1].segment_id).notes) == []


def test_a_waiting_part_split_again_waits_for_the_same_segment(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text("We met in May; we spoke at length; we left in June.\n", encoding="utf-8")
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "es")
    first = session.rows[0].segment_id
    session.set_target(first, "Nos reunimos en mayo; hablamos mucho; nos fuimos en junio.")
    session.split(first, session.split_points(first)[0])
    part = session.rows[1].segment_id
    session.split(part, session.split_points(part)[0])
    later = session.rows[2].segment_id
    assert [waited_for(session.unit(i)) for i in (part, later)] == [first, first]
    assert all(translation_in_neighbour(session.unit(i)) for i in (part, later))
