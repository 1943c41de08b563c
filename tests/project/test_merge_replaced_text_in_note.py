"""The translator's text that a merge replaces stays in the file, and a deliberate revert
by a colleague who read the file after the translator's save is taken as the edit it is.

A merge that took another program's text over one the translator wrote kept the
translator's in the backup (``paper.es.po~``), which the next merge replacing another
segment wrote over, and which the first save after reopening the file replaced: the text was
then in no file. It goes into the segment's note instead, as a conflict's other version does.

A colleague whose tool read the file after a save of the translator's, and set one of the
segments that save changed back to its MT, was told it "wrote back an older text", and the
translator's text stayed: the copy holds what the same save wrote in another segment, which
shows that it was read afterwards.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

from .test_merge_written_back import (
    COLLEAGUE_7,
    MT_6,
    REPLACED_NOTE,
    TYPED_6,
    apertium_po,
    text_editor_copy,
)

TYPED_5 = "El comité ya aprobó el informe."


@pytest.fixture
def paper_po(tmp_path: Path) -> Path:
    path = tmp_path / "translations" / "paper.es.po"
    path.parent.mkdir()
    path.write_text(apertium_po(), encoding="utf-8")
    return path


def colleague_sets(path: Path, segment_id: str, msgstr: str, *, fuzzy: bool = False) -> None:
    """A Poedit-like tool (polib) reads the file now, changes one entry and saves."""
    catalog = polib.pofile(str(path), wrapwidth=78)
    entry = next(entry for entry in catalog if entry.msgctxt == segment_id)
    entry.msgstr = msgstr
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    catalog.save(str(path))


def review(tfile: TranslationFile, segment_id: str, text: str) -> None:
    tfile.units[segment_id].set_translation(text)
    tfile.units[segment_id].mark_reviewed()


def notes_on_disk(path: Path) -> dict[str, str]:
    return {sid: unit.notes for sid, unit in TranslationFile.load(path).units.items()}


def test_each_merge_keeps_the_replaced_text_in_the_file(paper_po: Path) -> None:
    ours = TranslationFile.load(paper_po)
    review(ours, "p6", "Texto A del traductor.")
    ours.save()
    colleague_sets(paper_po, "p6", "Colega uno.")
    first = ours.merge_from_disk()
    ours.save()

    review(ours, "p7", "Texto B del traductor.")
    ours.save()
    colleague_sets(paper_po, "p7", "Colega dos.")
    second = ours.merge_from_disk()
    ours.save()

    on_disk = TranslationFile.load(paper_po)
    assert (on_disk.units["p6"].target, on_disk.units["p7"].target) == (
        "Colega uno.",
        "Colega dos.",
    )
    # Both of the translator's texts are in the file, the first after the second merge too.
    assert on_disk.units["p6"].notes == REPLACED_NOTE + "Texto A del traductor."
    assert on_disk.units["p7"].notes == REPLACED_NOTE + "Texto B del traductor."
    assert (first.yours_in_note, second.yours_in_note) == (["p6"], ["p7"])


def test_the_replaced_text_outlives_a_reopening_and_its_saves(paper_po: Path) -> None:
    ours = TranslationFile.load(paper_po)
    review(ours, "p6", "Texto A del traductor.")
    ours.save()
    colleague_sets(paper_po, "p6", "Colega uno.")
    ours.merge_from_disk()
    ours.save()

    # The workbench closed; a later session (or a command) opens the file and saves twice.
    again = TranslationFile.load(paper_po)
    again.units["p2"].set_translation("El gato duerme en la alfombra.")
    again.save()
    again.units["p3"].set_translation("Ginebra es una ciudad de Suiza.")
    again.save()
    assert notes_on_disk(paper_po)["p6"] == REPLACED_NOTE + "Texto A del traductor."


def test_a_revert_to_mt_by_a_colleague_who_read_the_save_is_taken(paper_po: Path) -> None:
    # One save holds #5 and #6; the colleague's tool reads the file after it (its copy has
    # the translator's #5) and sets #6 back to its MT, fuzzy: its edit, not an old copy.
    ours = TranslationFile.load(paper_po)
    review(ours, "p5", TYPED_5)
    review(ours, "p6", TYPED_6)
    ours.save()
    colleague_sets(paper_po, "p6", MT_6, fuzzy=True)

    report = ours.merge_from_disk()
    six = ours.units["p6"]
    assert (six.target, six.state) == (MT_6, SegmentState.MT)
    assert report.taken_from_disk == ["p6"]
    assert report.conflicts == []
    assert not any("wrote back" in line for line in report.details["p6"])
    # The translator's text is not lost: it is in the note.
    assert six.notes == REPLACED_NOTE + TYPED_6
    assert report.yours_in_note == ["p6"]
    assert ours.units["p5"].target == TYPED_5

    ours.save()
    on_disk = TranslationFile.load(paper_po)
    assert (on_disk.units["p6"].target, on_disk.units["p6"].notes) == (
        MT_6,
        REPLACED_NOTE + TYPED_6,
    )


def test_a_revert_read_after_a_later_save_is_taken_too(paper_po: Path) -> None:
    # #5 and #6 saved together, then #5 rewritten in a later save: the colleague's copy
    # holds the later #5 only, and was read after both saves.
    ours = TranslationFile.load(paper_po)
    review(ours, "p5", TYPED_5)
    review(ours, "p6", TYPED_6)
    ours.save()
    ours.units["p5"].set_translation(TYPED_5 + " Por fin.")
    ours.save()
    colleague_sets(paper_po, "p6", MT_6, fuzzy=True)

    report = ours.merge_from_disk()
    assert ours.units["p6"].target == MT_6
    assert report.taken_from_disk == ["p6"]
    assert ours.units["p6"].notes == REPLACED_NOTE + TYPED_6


def test_a_copy_read_before_the_save_of_two_segments_still_writes_back(paper_po: Path) -> None:
    # The same save of #5 and #6, but the colleague's editor holds the file from before it
    # and saves it with #7 changed: its #5 and #6 are the old ones, written back.
    colleague = text_editor_copy(paper_po)
    ours = TranslationFile.load(paper_po)
    review(ours, "p5", TYPED_5)
    review(ours, "p6", TYPED_6)
    ours.save()
    colleague(paper_po, [("p7", COLLEAGUE_7)])

    report = ours.merge_from_disk()
    assert (ours.units["p5"].target, ours.units["p6"].target) == (TYPED_5, TYPED_6)
    assert ours.units["p6"].state is SegmentState.REVIEWED
    assert sorted(report.conflicts) == ["p5", "p6"]
    assert "wrote back an older text" in report.details["p6"][0]
    assert report.taken_from_disk == ["p7"]
