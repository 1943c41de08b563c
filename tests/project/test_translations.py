"""Opening a translation and carrying work over when the source document changes."""

from __future__ import annotations

from termwise.mt.engine import MTResult
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import (
    open_translation,
    record_machine_translation,
    sync_with_document,
)
from termwise.project.units import SegmentState

from .papers import PAPER, make_document


def mt(source: str, target: str) -> MTResult:
    return MTResult(source=source, target=target, engine="apertium", model="apertium-eng-spa")


def reviewed_project(layout: ProjectLayout) -> TranslationFile:
    document = make_document()
    tfile = open_translation(layout, document, "es")
    results = [mt(segment.text, f"ES<{segment.text}>") for segment in document.segments]
    assert record_machine_translation(tfile, results) == len(document.segments)
    for unit in tfile.units.values():
        if "Belt and Road" in unit.source:
            unit.set_translation(
                "La Iniciativa de la Franja y la Ruta conecta muchos países.", reviewed=True
            )
        if unit.source.startswith("China proposed"):
            unit.set_translation("China propuso la comunidad de destino.", reviewed=True)
        if unit.source.startswith("Cooperation"):
            unit.set_translation("La cooperación trae resultados.")
    tfile.save()
    return tfile


def test_open_creates_a_project_in_document_order(layout: ProjectLayout) -> None:
    document = make_document()
    tfile = open_translation(layout, document, "es-ES")
    assert tfile.path == layout.translations_dir / "paper.es-ES.po"
    assert list(tfile.units) == [segment.id for segment in document.segments]
    assert all(unit.state is SegmentState.NEW for unit in tfile.units.values())
    assert not tfile.path.exists()  # opening writes nothing


def test_machine_translation_fills_only_new_and_mt(layout: ProjectLayout) -> None:
    tfile = reviewed_project(layout)
    document = make_document()
    again = open_translation(layout, document, "es")
    filled = record_machine_translation(
        again, {segment.id: mt(segment.text, "NEW MT") for segment in document.segments}
    )
    states = [unit.state for unit in again.units.values()]
    assert filled == states.count(SegmentState.MT)
    assert filled == len(document.segments) - 3
    for unit in again.units.values():
        if unit.state is SegmentState.MT:
            assert unit.target == unit.mt == "NEW MT"
        else:
            assert unit.target != "NEW MT"
            assert unit.target == tfile.units[unit.segment_id].target


def test_changed_paragraph_keeps_reviewed_work_elsewhere(layout: ProjectLayout) -> None:
    before = reviewed_project(layout)
    changed = PAPER.replace("It is a concept of life.", "It is, above all, a concept of life.")
    changed = changed.replace(
        "Trade grew by 5% in 2020.", "Trade grew by five percent in the year 2020 and beyond."
    )
    document = make_document(changed)
    tfile = open_translation(layout, document, "es")
    report = sync_with_document(tfile, document)  # a second sync changes nothing
    assert report.new == [] and report.obsoleted == []

    by_source = {unit.source: unit for unit in tfile.units.values()}
    belt = by_source["The Belt and Road Initiative connects many countries."]
    assert belt.state is SegmentState.REVIEWED
    assert belt.target == "La Iniciativa de la Franja y la Ruta conecta muchos países."
    coop = by_source["Cooperation brings win-win results."]
    assert coop.state is SegmentState.EDITED
    # Close fuzzy match: carried over, but needs review, with the old source kept.
    concept = by_source["It is, above all, a concept of life."]
    assert concept.state is SegmentState.NEW  # ratio below the threshold: not a close match
    grew = by_source["Trade grew by five percent in the year 2020 and beyond."]
    assert grew.state is SegmentState.NEW
    new_ids = [unit.segment_id for unit in tfile.units.values() if unit.state is SegmentState.NEW]
    assert set(new_ids) == {concept.segment_id, grew.segment_id}
    # The MT of the vanished sentences is kept as obsolete entries, not deleted.
    obsolete_sources = {unit.source for unit in tfile.obsolete}
    assert obsolete_sources == {"It is a concept of life.", "Trade grew by 5% in 2020."}
    assert len(tfile.units) == len(before.units)


def test_close_fuzzy_match_is_carried_as_edited(layout: ProjectLayout) -> None:
    reviewed_project(layout)
    changed = PAPER.replace("connects many countries.", "connects many countries!")
    document = make_document(changed)
    tfile = open_translation(layout, document, "es")
    unit = next(u for u in tfile.units.values() if u.source.startswith("The Belt and Road"))
    assert unit.state is SegmentState.EDITED
    assert unit.target == "La Iniciativa de la Franja y la Ruta conecta muchos países."
    assert unit.previous_source == "The Belt and Road Initiative connects many countries."
    tfile.save()
    text = tfile.path.read_text(encoding="utf-8") if tfile.path else ""
    assert '#| msgid "The Belt and Road Initiative connects many countries."' in text
    assert tfile.obsolete == []  # the reviewed unit found its new home


def test_identical_text_carries_over_when_id_changes(layout: ProjectLayout) -> None:
    reviewed_project(layout)
    # Moving a paragraph keeps the text; identical text brings the work along.
    reordered = PAPER.replace("# Conclusion\n\nCooperation brings win-win results.\n", "").replace(
        "# Community of Destiny\n",
        "# Community of Destiny\n\nCooperation brings win-win results.\n",
    )
    document = make_document(reordered)
    tfile = open_translation(layout, document, "es")
    by_source = {unit.source: unit for unit in tfile.units.values()}
    assert (
        by_source["Cooperation brings win-win results."].target == "La cooperación trae resultados."
    )
    # The vanished heading had only MT; it is kept as obsolete rather than dropped.
    assert [unit.source for unit in tfile.obsolete] == ["Conclusion"]


def test_obsolete_entries_come_back_when_the_sentence_returns(layout: ProjectLayout) -> None:
    reviewed_project(layout)
    without = PAPER.replace("The Belt and Road Initiative connects many countries. ", "")
    tfile = open_translation(layout, make_document(without), "es")
    tfile.save()
    assert any(
        u.source.startswith("The Belt and Road") for u in TranslationFile.load(tfile.path).obsolete
    )  # type: ignore[arg-type]
    restored = open_translation(layout, make_document(), "es")
    unit = next(u for u in restored.units.values() if u.source.startswith("The Belt and Road"))
    assert unit.state is SegmentState.REVIEWED
    assert not any(u.source.startswith("The Belt and Road") for u in restored.obsolete)


def test_sequence_results_fill_repeated_sentences(layout: ProjectLayout) -> None:
    document = make_document("One.\n\nTwo.\n\nOne.\n", name="rep.txt")
    tfile = open_translation(layout, document, "es")
    assert record_machine_translation(tfile, [mt("One.", "Uno."), mt("Two.", "Dos.")]) == 3
    assert [unit.target for unit in tfile.units.values()] == ["Uno.", "Dos.", "Uno."]
