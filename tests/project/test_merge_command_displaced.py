"""A command that read the translation before the workbench's save, and saved after it,
took the translator's text for "the other program's": its merge kept its own text (``fix``
adding a full stop) and put the translator's into the note, and the workbench then took
that whole, the translator's words in a note and the segment no longer theirs. The
workbench's merge now keeps the translator's text, the command's in the note, as where the
command had saved first.

And a text the other program only punctuated (a full stop, other quotes) is taken without a
note "Your text before the other program's change": every segment ``fix --everywhere``
touched had one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.apertium_project import translated
from termwise.project.store import ConcurrentModificationError, MergeReport
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

SOURCE = (
    "The river floods every spring.\n\n"
    "The committee approved the report.\n\n"
    "We will meet again tomorrow.\n"
)
SAVED = "WB10 texto"
TYPED = "WB10 texto WB2"
FIXED = "WB10 texto."


@pytest.fixture
def po(tmp_path: Path) -> Path:
    layout, document = translated(tmp_path, SOURCE)
    return layout.translation_file(document, "es")


def ids(path: Path) -> list[str]:
    return list(TranslationFile.load(path).units)


def command_saves(command: TranslationFile) -> None:
    """What a command's save does where the file changed since it read it
    (``ReviewSession.save``): merge the file on disk in, then write."""
    with pytest.raises(ConcurrentModificationError):
        command.save()
    command.merge_from_disk()
    command.save()


def read_after_save(po: Path, saved: str) -> tuple[str, TranslationFile, TranslationFile]:
    """The workbench saved ``saved`` in the first translated segment, and a command read the
    file after that save: the segment's id, the workbench and the command."""
    first = ids(po)[1]
    workbench = TranslationFile.load(po)
    workbench.units[first].set_translation(saved)
    workbench.save()
    return first, workbench, TranslationFile.load(po)


def merged_over(po: Path, typed: str, theirs: str) -> tuple[str, TranslationFile, MergeReport]:
    """The other program saved ``theirs`` over the workbench's saved ``typed``, and the
    workbench merged that in: the segment's id, the workbench and its merge's report."""
    first, workbench, command = read_after_save(po, typed)
    command.units[first].set_translation(theirs)
    command.save()
    return first, workbench, workbench.merge_from_disk()


def test_a_command_that_saved_after_the_workbench_leaves_the_translators_text(po: Path) -> None:
    # The command reads the file, the workbench saves what was typed since, the command
    # (a fix adding the full stop) saves after it.
    first, workbench, command = read_after_save(po, SAVED)
    workbench.units[first].set_translation(TYPED)
    workbench.save()
    command.units[first].set_translation(FIXED)
    command_saves(command)
    # The command's merge kept its own text, the translator's in the note.
    assert TranslationFile.load(po).units[first].target == FIXED

    report = workbench.merge_from_disk()
    unit = workbench.units[first]
    assert unit.target == TYPED
    assert unit.notes == f"Other version on disk (edited): {FIXED}"
    assert report.conflicts == [first]
    assert report.taken_from_disk == []
    assert report.yours_in_note == []
    assert report.details[first][0].startswith("text: yours (the other program had moved it")
    workbench.save()
    on_disk = TranslationFile.load(po).units[first]
    assert (on_disk.target, on_disk.notes) == (TYPED, unit.notes)


def test_the_translators_approval_stays_with_the_text(po: Path) -> None:
    first = ids(po)[1]
    workbench = TranslationFile.load(po)
    command = TranslationFile.load(po)
    workbench.units[first].set_translation(TYPED)
    workbench.units[first].mark_reviewed()
    workbench.save()
    command.units[first].set_translation(FIXED)
    command_saves(command)

    report = workbench.merge_from_disk()
    unit = workbench.units[first]
    assert (unit.target, unit.state) == (TYPED, SegmentState.REVIEWED)
    assert report.reviews_dropped == []


def test_typing_since_the_save_stays_too(po: Path) -> None:
    first = ids(po)[1]
    workbench = TranslationFile.load(po)
    command = TranslationFile.load(po)
    workbench.units[first].set_translation(TYPED)
    workbench.save()
    command.units[first].set_translation(FIXED)
    command_saves(command)
    workbench.units[first].set_translation(TYPED + " WB3")

    workbench.merge_from_disk()
    unit = workbench.units[first]
    assert unit.target == TYPED + " WB3"
    # The line that held the saved text as the "other version" is gone with the story.
    assert unit.notes == f"Other version on disk (edited): {FIXED}"


def test_two_workbenches_settle_on_one_text(po: Path) -> None:
    # Two translators, each the other's "other program": each merge keeps its own text
    # once, then the text saved first stays; neither takes its text back for ever.
    first = ids(po)[1]
    one, two = TranslationFile.load(po), TranslationFile.load(po)
    one.units[first].set_translation("Texto de una.")
    one.save()
    two.units[first].set_translation("Texto de otra.")
    two.merge_from_disk()
    two.save()
    one.merge_from_disk()
    assert one.units[first].target == "Texto de una."
    one.save()
    two.merge_from_disk()
    assert two.units[first].target == "Texto de una."
    assert not two.changed_on_disk()
    one.merge_from_disk()
    assert one.units[first].target == "Texto de una."


@pytest.mark.parametrize(
    ("typed", "theirs"),
    [
        (SAVED, FIXED),
        ('El "núcleo" de la idea', "El «núcleo» de la idea."),
        ("Dos  espacios y  coma", "Dos espacios y coma."),
    ],
)
def test_a_text_only_punctuated_elsewhere_needs_no_note(po: Path, typed: str, theirs: str) -> None:
    first, workbench, report = merged_over(po, typed, theirs)
    assert workbench.units[first].target == theirs
    assert workbench.units[first].notes == ""
    assert report.taken_from_disk == [first]
    assert report.yours_in_note == []


def test_a_word_the_other_program_changed_still_keeps_the_text(po: Path) -> None:
    first, workbench, report = merged_over(po, SAVED, "WB10 textos.")
    assert workbench.units[first].notes == f"Your text before the other program's change: {SAVED}"
    assert report.yours_in_note == [first]


@pytest.mark.parametrize(
    ("typed", "theirs"),
    [
        ("Hace -5 grados.", "Hace 5 grados."),
        ("Pagó 10.000 euros.", "Pagó 10,000 euros."),
        ("Le di 3/4.", "Le di 3 4."),
        ("Paz y bien.", "paz y bien."),
        ("Vamos.", "¿Vamos?"),
        ("No, gracias.", "No gracias."),
        ("El Wi-Fi", "El Wi Fi"),
    ],
)
def test_a_sign_a_mark_or_a_capital_changed_elsewhere_keeps_the_text(
    po: Path, typed: str, theirs: str
) -> None:
    first, workbench, report = merged_over(po, typed, theirs)
    assert workbench.units[first].target == theirs
    assert workbench.units[first].notes == f"Your text before the other program's change: {typed}"
    assert report.yours_in_note == [first]
