"""An older copy of the file saved back over the translator's saved work is no edit.

The walk-through's case: the workbench has ``translations/paper.es.po`` open, and a
colleague's editor holds the file as it was before. The translator edits #6 and approves it
(each autosaved); then the colleague saves the old copy with #7 changed. The merge took #6
for the other program's change (it "changed" the base, the translator's save, back to the
MT), put the old MT text and state back, and the reviewed text was in no file: not in the
translation, not in ``paper.es.po~``. What the colleague wrote back of #6 is what the
translator's save replaced: the translator's text stays, the older one goes into the note,
and #7 is taken. A text the other program really wrote over #6 is taken as before, and the
translator's replaced version then goes into #6's note.

The files are written as a text editor saves its copy (the old bytes, one entry edited) and
as Poedit-like tools save (polib, holding the catalog read before the translator's saves).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

SENTENCES = [
    ("p1", "Introduction", "Introducción"),
    ("p2", "The cat sleeps on the mat.", "Los sueños de gato en la estera."),
    ("p3", "Geneva is a city in Switzerland.", "Geneva es una ciudad en Suiza."),
    ("p4", "The dog barks at night.", "Los ladridos de perro por la noche."),
    ("p5", "The committee approved the report.", "El comité aprobó el informe."),
    ("p6", "We will meet again tomorrow.", "Cumpliremos otra vez mañana."),
    ("p7", "The river floods every spring.", "Las inundaciones de río cada primavera."),
]


def apertium_po() -> str:
    """The file as ``termwise translate paper.txt --to es --engine apertium`` writes it."""
    entries = "".join(
        f"\n#. mt: {mt}\n#. mt-engine: apertium\n#. mt-model: eng-spa\n#, fuzzy\n"
        f'msgctxt "{segment_id}"\nmsgid "{source}"\nmsgstr "{mt}"\n'
        for segment_id, source, mt in SENTENCES
    )
    return (
        "# Translation of paper.txt into Spanish.\n"
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: paper.txt\\n"\n'
        '"Language: es\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        '"Generated-By: Babel 2.19.0\\n"\n'
        '"X-Source-Language: en\\n"\n' + entries
    )


MT_6, MT_7 = SENTENCES[5][2], SENTENCES[6][2]
TYPED_6 = "Nos volveremos a reunir mañana."
COLLEAGUE_7 = "El río se desborda cada primavera."
COLLEAGUE_6 = "Mañana nos reunimos de nuevo."
# The note line that keeps a text of the translator's which the merge replaced.
REPLACED_NOTE = "Your text before the other program's change: "

# An out-of-date copy saved back: given the file, the edits, as ``(segment, msgstr)``.
OldCopy = Callable[[Path, list[tuple[str, str]]], None]


def text_editor_copy(path: Path) -> OldCopy:
    """A text editor that opened ``path`` now: it saves its bytes, edited, later."""
    held = path.read_text(encoding="utf-8")

    def save(target: Path, edits: list[tuple[str, str]]) -> None:
        text = held
        for segment_id, new in edits:
            old = next(mt for sid, _, mt in SENTENCES if sid == segment_id)
            at = text.index(f'msgctxt "{segment_id}"')
            text = text[:at] + text[at:].replace(f'msgstr "{old}"', f'msgstr "{new}"', 1)
        target.write_text(text, encoding="utf-8")

    return save


def poedit_copy(path: Path) -> OldCopy:
    """A Poedit-like tool (polib) that read ``path`` now: it saves its catalog later."""
    catalog = polib.pofile(str(path), wrapwidth=78)

    def save(target: Path, edits: list[tuple[str, str]]) -> None:
        for segment_id, new in edits:
            entry = next(entry for entry in catalog if entry.msgctxt == segment_id)
            entry.msgstr = new
        catalog.save(str(target))

    return save


COPIES = {"text editor": text_editor_copy, "poedit": poedit_copy}


@pytest.fixture
def paper_po(tmp_path: Path) -> Path:
    path = tmp_path / "translations" / "paper.es.po"
    path.parent.mkdir()
    path.write_text(apertium_po(), encoding="utf-8")
    return path


def translator_reviews_6(path: Path, *, autosave_between: bool = True) -> TranslationFile:
    """The workbench: #6 typed (autosaved, or not yet), then Ctrl+R (autosaved)."""
    ours = TranslationFile.load(path)
    ours.units["p6"].set_translation(TYPED_6)
    if autosave_between:
        ours.save()
    ours.units["p6"].mark_reviewed()
    ours.save()
    return ours


@pytest.mark.parametrize("autosave_between", [True, False], ids=["two saves", "one save"])
@pytest.mark.parametrize("editor", COPIES)
def test_an_old_copy_saved_back_keeps_the_reviewed_text_and_takes_the_other_edit(
    paper_po: Path, editor: str, autosave_between: bool
) -> None:
    colleague = COPIES[editor](paper_po)
    ours = translator_reviews_6(paper_po, autosave_between=autosave_between)
    colleague(paper_po, [("p7", COLLEAGUE_7)])

    report = ours.merge_from_disk()
    six = ours.units["p6"]
    assert (six.target, six.state) == (TYPED_6, SegmentState.REVIEWED)
    assert report.conflicts == ["p6"]
    assert "p6" not in report.taken_from_disk
    assert "p6" not in report.reviews_dropped
    assert report.details["p6"][0] == (
        "text: yours (the other program wrote back an older text, which your save had "
        "replaced; it is in the note)"
    )
    # The older text is in the note, as a conflict's other version is.
    assert six.notes == f"Other version on disk (mt): {MT_6}"
    # The colleague's real change is taken.
    assert report.taken_from_disk == ["p7"]
    assert ours.units["p7"].target == COLLEAGUE_7
    assert report.differs_from_disk

    ours.save()
    on_disk = TranslationFile.load(paper_po)
    assert (on_disk.units["p6"].target, on_disk.units["p6"].state) == (
        TYPED_6,
        SegmentState.REVIEWED,
    )
    assert on_disk.units["p7"].target == COLLEAGUE_7
    # The older text is not lost either: it is in the note; the translator's is the text.
    assert report.yours_in_note == []


def test_the_same_old_copy_saved_twice_is_merged_the_same(paper_po: Path) -> None:
    # The colleague saves again without reloading: its #6 is still the older text, which
    # the save after the first merge replaced once more; the note is not repeated.
    colleague = poedit_copy(paper_po)
    ours = translator_reviews_6(paper_po)
    colleague(paper_po, [("p7", COLLEAGUE_7)])
    ours.merge_from_disk()
    ours.save()
    colleague(paper_po, [("p7", COLLEAGUE_7 + " Siempre.")])

    report = ours.merge_from_disk()
    six = ours.units["p6"]
    assert (six.target, six.state) == (TYPED_6, SegmentState.REVIEWED)
    assert six.notes == f"Other version on disk (mt): {MT_6}"
    assert report.conflicts == ["p6"]
    assert ours.units["p7"].target == COLLEAGUE_7 + " Siempre."


def test_an_approval_alone_written_back_as_fuzzy_stays(paper_po: Path) -> None:
    # The translator approved the MT of #5 as it is (Ctrl+R, saved); the old copy has it
    # fuzzy: the approval stands, and the colleague's #7 is taken.
    colleague = text_editor_copy(paper_po)
    ours = TranslationFile.load(paper_po)
    ours.units["p5"].mark_reviewed()
    ours.save()
    colleague(paper_po, [("p7", COLLEAGUE_7)])

    report = ours.merge_from_disk()
    assert ours.units["p5"].state is SegmentState.REVIEWED
    assert report.conflicts == ["p5"]
    assert report.details["p5"] == ["state: yours (the other program wrote back the older one)"]
    assert report.taken_from_disk == ["p7"]


@pytest.mark.parametrize("editor", COPIES)
def test_a_new_text_of_the_other_program_is_taken_and_the_reviewed_one_kept_in_the_note(
    paper_po: Path, editor: str
) -> None:
    colleague = COPIES[editor](paper_po)
    ours = translator_reviews_6(paper_po)
    colleague(paper_po, [("p6", COLLEAGUE_6), ("p7", COLLEAGUE_7)])

    report = ours.merge_from_disk()
    # The other program's own text of #6 is its edit: taken whole, as before.
    assert report.taken_from_disk == ["p6", "p7"]
    assert report.conflicts == []
    assert ours.units["p6"].target == COLLEAGUE_6
    assert ours.units["p6"].state is not SegmentState.REVIEWED
    # The translator's reviewed text is in the note, and goes into the file with it.
    assert ours.units["p6"].notes == REPLACED_NOTE + TYPED_6
    assert report.yours_in_note == ["p6"]
    assert report.differs_from_disk

    # Later saves keep it, as any note: it is in no backup that a save writes over.
    ours.save()
    ours.units["p2"].set_translation("El gato duerme en la alfombra.")
    ours.save()
    ours.units["p3"].set_translation("Ginebra es una ciudad de Suiza.")
    ours.save()
    assert TranslationFile.load(paper_po).units["p6"].notes == REPLACED_NOTE + TYPED_6


def test_a_new_text_over_unsaved_typing_is_a_conflict_as_before(paper_po: Path) -> None:
    # The translator typed on #6 after the save; the old copy has a new text of its own:
    # both rewrote it, the translator's stays and the other goes into the note.
    colleague = poedit_copy(paper_po)
    ours = translator_reviews_6(paper_po)
    ours.units["p6"].set_translation(TYPED_6 + " Sin falta.")
    colleague(paper_po, [("p6", COLLEAGUE_6), ("p7", COLLEAGUE_7)])

    report = ours.merge_from_disk()
    assert report.conflicts == ["p6"]
    assert ours.units["p6"].target == TYPED_6 + " Sin falta."
    assert ours.units["p6"].notes == f"Other version on disk (edited): {COLLEAGUE_6}"
    assert report.details["p6"][0] == "text: yours (the other program's is in the note)"
    assert report.taken_from_disk == ["p7"]
    assert report.yours_in_note == []
