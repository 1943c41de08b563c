"""The note that keeps a text a merge replaced calls it the translator's only where the
translator wrote it in this session: a colleague's text the file held when it was opened,
or that an earlier merge took, was "Your text before the other program's change", which
told the translator they had written what a colleague had."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.project.translation_file import TranslationFile

from .test_merge_replaced_text_in_note import colleague_sets, review
from .test_merge_written_back import apertium_po

REPLACED_NOTE = "Your text before the other program's change: "
REPLACED_FILE_TEXT_NOTE = "The text before the other program's change: "
COLLEAGUE_ONE = "Volveremos a vernos mañana."
COLLEAGUE_TWO = "Mañana nos reunimos de nuevo."
TYPED = "Nos volveremos a reunir mañana."


@pytest.fixture
def paper_po(tmp_path: Path) -> Path:
    path = tmp_path / "translations" / "paper.es.po"
    path.parent.mkdir()
    path.write_text(apertium_po(), encoding="utf-8")
    return path


def test_a_colleague_s_text_the_file_held_is_not_called_yours(paper_po: Path) -> None:
    colleague_sets(paper_po, "p6", COLLEAGUE_ONE)
    ours = TranslationFile.load(paper_po)
    colleague_sets(paper_po, "p6", COLLEAGUE_TWO)
    report = ours.merge_from_disk()
    assert ours.units["p6"].target == COLLEAGUE_TWO
    assert ours.units["p6"].notes == REPLACED_FILE_TEXT_NOTE + COLLEAGUE_ONE
    assert "notes: the replaced text added" in report.details["p6"]


def test_a_text_an_earlier_merge_took_is_not_called_yours(paper_po: Path) -> None:
    ours = TranslationFile.load(paper_po)
    colleague_sets(paper_po, "p6", COLLEAGUE_ONE)
    ours.merge_from_disk()
    # A save of other work in between: it writes the colleague's text as the file has it.
    review(ours, "p5", "El comité ya aprobó el informe.")
    ours.save()
    colleague_sets(paper_po, "p6", COLLEAGUE_TWO)
    ours.merge_from_disk()
    assert ours.units["p6"].notes == REPLACED_FILE_TEXT_NOTE + COLLEAGUE_ONE


def test_the_translator_s_saved_text_is_still_called_theirs(paper_po: Path) -> None:
    colleague_sets(paper_po, "p6", COLLEAGUE_ONE)
    ours = TranslationFile.load(paper_po)
    review(ours, "p6", TYPED)
    ours.save()
    colleague_sets(paper_po, "p6", COLLEAGUE_TWO)
    report = ours.merge_from_disk()
    assert ours.units["p6"].notes == REPLACED_NOTE + TYPED
    assert "notes: your replaced text added" in report.details["p6"]
