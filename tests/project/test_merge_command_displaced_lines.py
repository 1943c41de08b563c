"""A translator's text of several lines that another termwise's merge moved into the note
is taken back, as a text of one line is (``test_merge_command_displaced``).

The note keeps a text line by line (``# Other version on disk (edited): first`` then
``# second``), and the store looked for the displacing note one line at a time, comparing
it with the whole text: a text with a line break was never found, the command's text stayed
and the translator's remained in the note.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.apertium_project import translated
from termwise.project.store import ConcurrentModificationError
from termwise.project.translation_file import TranslationFile

SOURCE = "The river floods every spring.\n\nThe committee approved the report.\n"
# Not Apertium's MT in other lines: each is the translator's, or the command's, own text.
SAVED = "El comité dio su visto bueno\nal informe"
TYPED = SAVED + " anual"
FIXED = SAVED + "."
OTHER_NOTE = f"Other version on disk (edited): {FIXED}"


@pytest.fixture
def po(tmp_path: Path) -> Path:
    layout, document = translated(tmp_path, SOURCE)
    return layout.translation_file(document, "es")


def _displaced(po: Path) -> tuple[TranslationFile, str]:
    """The workbench saved its text; a command that read the file before that save merged
    it in and saved its own, the workbench's in its note. The workbench, and the segment."""
    segment_id = list(TranslationFile.load(po).units)[1]
    workbench = TranslationFile.load(po)
    command = TranslationFile.load(po)
    workbench.units[segment_id].set_translation(SAVED)
    workbench.save()
    command.units[segment_id].set_translation(FIXED)
    with pytest.raises(ConcurrentModificationError):
        command.save()
    command.merge_from_disk()
    command.save()
    on_disk = TranslationFile.load(po).units[segment_id]
    assert (on_disk.target, on_disk.notes) == (FIXED, f"Other version on disk (edited): {SAVED}")
    return workbench, segment_id


def test_a_text_of_several_lines_is_taken_back(po: Path) -> None:
    workbench, segment_id = _displaced(po)

    report = workbench.merge_from_disk()

    unit = workbench.units[segment_id]
    assert (unit.target, unit.notes) == (SAVED, OTHER_NOTE)
    assert report.conflicts == [segment_id]
    assert report.yours_in_note == []
    workbench.save()
    on_disk = TranslationFile.load(po).units[segment_id]
    assert (on_disk.target, on_disk.notes) == (SAVED, OTHER_NOTE)
    # Merged again, nothing moves and the note is not written twice.
    assert not workbench.changed_on_disk()


def test_typed_since_the_save_and_merged_twice(po: Path) -> None:
    workbench, segment_id = _displaced(po)
    workbench.units[segment_id].set_translation(TYPED)

    workbench.merge_from_disk()
    workbench.merge_from_disk()

    unit = workbench.units[segment_id]
    assert (unit.target, unit.notes) == (TYPED, OTHER_NOTE)
