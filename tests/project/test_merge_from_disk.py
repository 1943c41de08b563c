"""Merging another program's save into the translation in memory: a save never loses its
edit. The merge is three-way and part by part (text, state, notes, MT, comments, flags):
each part comes from the side that changed it, and only a part both changed differently is
a conflict.

The file is the one ``termwise translate doc.txt --to es --engine apertium`` writes (Babel);
"the other program" is polib, as Poedit-like scripts use it, or translate-toolkit, each
saving the file the way it writes PO files (polib re-wraps long comment lines, say).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from translate.storage import po as ttk_po

from termwise.project.store import MergeReport
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

# As `termwise translate doc.txt --to es --engine apertium` writes it (ids shortened).
APERTIUM_PO = """\
# Translation of doc.txt into Spanish.
msgid ""
msgstr ""
"Project-Id-Version: doc.txt\\n"
"Language: es\\n"
"Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Generated-By: Babel 2.19.0\\n"
"X-Source-Language: en\\n"

#. mt: Los sueños de gato en la estera.
#. mt-engine: apertium
#. mt-model: eng-spa
#, fuzzy
msgctxt "s1"
msgid "The cat sleeps on the mat."
msgstr "Los sueños de gato en la estera."

#. mt: Geneva es una ciudad en Suiza.
#. mt-engine: apertium
#. mt-model: eng-spa
#, fuzzy
msgctxt "s2"
msgid "Geneva is a city in Switzerland."
msgstr "Geneva es una ciudad en Suiza."

#. mt: Los ladridos de perro por la noche.
#. mt-engine: apertium
#. mt-model: eng-spa
#, fuzzy
msgctxt "s3"
msgid "The dog barks at night."
msgstr "Los ladridos de perro por la noche."

#. mt: El comité aprobó el informe.
#. mt-engine: apertium
#. mt-model: eng-spa
#, fuzzy
msgctxt "s4"
msgid "The committee approved the report."
msgstr "El comité aprobó el informe."

#. mt: Cumpliremos otra vez mañana.
#. mt-engine: apertium
#. mt-model: eng-spa
#, fuzzy
msgctxt "s5"
msgid "We will meet again tomorrow."
msgstr "Cumpliremos otra vez mañana."
"""

BASE_S2 = "Geneva es una ciudad en Suiza."


@pytest.fixture
def po(tmp_path: Path) -> Path:
    path = tmp_path / "translations" / "doc.es.po"
    path.parent.mkdir()
    path.write_text(APERTIUM_PO, encoding="utf-8")
    return path


def polib_edit(path: Path, segment_id: str, change: Callable[[polib.POEntry], None]) -> None:
    """Another program (a polib script, as Poedit-like tools do) saves an edit of one entry."""
    catalog = polib.pofile(str(path), wrapwidth=78)
    change(next(entry for entry in catalog if entry.msgctxt == segment_id))
    catalog.save(str(path))


def approve(entry: polib.POEntry) -> None:
    entry.flags.remove("fuzzy")


def polib_entry(path: Path, segment_id: str) -> polib.POEntry:
    return next(entry for entry in polib.pofile(str(path)) if entry.msgctxt == segment_id)


def merge_and_save(ours: TranslationFile) -> tuple[TranslationFile, MergeReport]:
    report = ours.merge_from_disk()
    ours.save()  # no longer refused: the merge is what goes on disk
    assert ours.path is not None
    return TranslationFile.load(ours.path), report


def test_a_note_here_and_an_approval_there_are_both_kept(po: Path) -> None:
    # The auditor's case: a note typed on #4 in the workbench; meanwhile the other program
    # approves #4 (removes fuzzy). The merge wrote fuzzy back and called it a conflict.
    ours = TranslationFile.load(po)
    ours.units["s4"].notes = "Check 'approved' against the minutes."
    polib_edit(po, "s4", approve)

    report = ours.merge_from_disk()
    assert (report.conflicts, report.combined) == ([], ["s4"])
    unit = ours.units["s4"]
    assert unit.state is SegmentState.REVIEWED
    assert unit.notes == "Check 'approved' against the minutes."
    assert report.details["s4"] == ["state: reviewed (by the other program)", "notes: yours"]
    ours.save()
    entry = polib_entry(po, "s4")
    assert "fuzzy" not in entry.flags
    assert entry.tcomment == "Check 'approved' against the minutes."
    # The other segments are as they were: nothing else was touched or reported.
    assert report.taken_from_disk == report.superseded == report.reviews_dropped == []


def test_a_comment_added_there_survives_a_text_rewritten_here(po: Path) -> None:
    ours = TranslationFile.load(po)
    ours.units["s2"].set_translation("Ginebra es una ciudad de Suiza.")
    polib_edit(
        po, "s2", lambda entry: setattr(entry, "tcomment", "REVIEWER: Ginebra confirmed by client")
    )

    merged, report = merge_and_save(ours)
    unit = merged.units["s2"]
    assert unit.target == "Ginebra es una ciudad de Suiza."
    assert unit.notes == "REVIEWER: Ginebra confirmed by client"
    assert unit.state is SegmentState.EDITED
    assert report.conflicts == []
    assert report.details["s2"] == ["text: yours", "notes: the other program's"]
    assert BASE_S2 not in po.read_text(encoding="utf-8").split("#. mt: ")[0]


def test_an_approval_of_the_text_replaced_here_goes_without_quoting_the_old_text(
    po: Path,
) -> None:
    # The other program only approved #2 as it was; the translator rewrote it. The old
    # text is what the translator replaced, not something the other program wrote: it must
    # not come back as "Other version on disk". The approval was of that old text.
    ours = TranslationFile.load(po)
    ours.units["s2"].set_translation("Ginebra es una ciudad de Suiza.")
    polib_edit(po, "s2", approve)

    merged, report = merge_and_save(ours)
    unit = merged.units["s2"]
    assert (unit.target, unit.state, unit.notes) == (
        "Ginebra es una ciudad de Suiza.",
        SegmentState.EDITED,
        "",
    )
    assert report.conflicts == [] and report.reviews_dropped == ["s2"]
    assert "Other version" not in po.read_text(encoding="utf-8")


def test_both_rewrote_the_text_yours_stays_and_theirs_is_quoted_beside_its_comment(
    po: Path,
) -> None:
    ours = TranslationFile.load(po)
    ours.units["s2"].set_translation("Ginebra es una ciudad de Suiza.")

    def rewrite(entry: polib.POEntry) -> None:
        entry.msgstr = "Ginebra es una ciudad suiza."
        entry.tcomment = "REVIEWER: Ginebra confirmed by client"
        approve(entry)

    polib_edit(po, "s2", rewrite)
    merged, report = merge_and_save(ours)
    unit = merged.units["s2"]
    assert unit.target == "Ginebra es una ciudad de Suiza."
    assert unit.state is SegmentState.EDITED  # its approval was of its own text
    assert unit.notes.splitlines() == [
        "REVIEWER: Ginebra confirmed by client",
        "Other version on disk (reviewed): Ginebra es una ciudad suiza.",
    ]
    assert report.conflicts == ["s2"]
    assert BASE_S2 not in unit.notes


def test_a_flag_added_there_and_a_note_here_are_both_kept(po: Path) -> None:
    # Neither rewrote the text: there is no text to quote, and the state stays as it was.
    ours = TranslationFile.load(po)
    ours.units["s1"].notes = "mine"
    polib_edit(po, "s1", lambda entry: setattr(entry, "flags", ["fuzzy", "no-wrap"]))
    merged, report = merge_and_save(ours)
    assert merged.units["s1"].notes == "mine"
    assert merged.units["s1"].flags == frozenset({"no-wrap"})
    assert merged.units["s1"].state is SegmentState.MT
    assert "Other version" not in po.read_text(encoding="utf-8")


def test_notes_changed_on_both_sides_keep_the_lines_of_both(po: Path) -> None:
    ours = TranslationFile.load(po)
    ours.units["s3"].notes = "Mine: perro o can?"
    polib_edit(po, "s3", lambda entry: setattr(entry, "tcomment", "Theirs: check the style guide"))
    merged, report = merge_and_save(ours)
    assert merged.units["s3"].notes.splitlines() == [
        "Mine: perro o can?",
        "Theirs: check the style guide",
    ]
    assert report.details["s3"] == ["notes: both kept"]


def test_a_line_the_other_program_deleted_stays_deleted(po: Path) -> None:
    first = TranslationFile.load(po)
    first.units["s3"].notes = "old remark\nkeep this"
    first.save()
    ours = TranslationFile.load(po)
    ours.units["s3"].notes = "old remark\nkeep this\nnew remark"
    polib_edit(po, "s3", lambda entry: setattr(entry, "tcomment", "keep this"))
    merged, _ = merge_and_save(ours)
    assert merged.units["s3"].notes.splitlines() == ["keep this", "new remark"]


def test_comments_rewrapped_by_polib_are_not_a_change(po: Path) -> None:
    # polib wraps comment lines at 78 columns: a long note and a long MT come back in
    # pieces. That is no edit; the approval given along with it is.
    long_note = "A long note " + "about the terminology of this sentence " * 3
    first = TranslationFile.load(po)
    first.units["s4"].notes = long_note.strip()
    first.units["s4"].mt = first.units["s4"].target = "El comité " + "muy " * 30 + "aprobó."
    first.save()
    ours = TranslationFile.load(po)
    ours.units["s4"].notes = long_note.strip() + "\nsecond thought"
    polib_edit(po, "s4", approve)
    assert len(polib_entry(po, "s4").tcomment.splitlines()) > 1  # polib did re-wrap it

    merged, report = merge_and_save(ours)
    unit = merged.units["s4"]
    assert unit.notes == long_note.strip() + "\nsecond thought"
    assert unit.state is SegmentState.REVIEWED
    assert unit.mt == "El comité " + "muy " * 30 + "aprobó."
    assert report.combined == ["s4"]


def test_an_approval_here_of_a_text_rewritten_there_goes(po: Path) -> None:
    ours = TranslationFile.load(po)
    ours.units["s5"].mark_reviewed()
    ours.units["s5"].notes = "OK"
    polib_edit(po, "s5", lambda entry: setattr(entry, "msgstr", "Nos veremos mañana."))
    merged, report = merge_and_save(ours)
    unit = merged.units["s5"]
    assert (unit.target, unit.state, unit.notes) == (
        "Nos veremos mañana.",
        SegmentState.EDITED,
        "OK",
    )
    assert report.superseded == ["s5"] and report.reviews_dropped == ["s5"]


def test_a_review_asked_for_there_stands_over_an_approval_here(po: Path) -> None:
    first = TranslationFile.load(po)
    first.units["s5"].mark_reviewed()
    first.save()
    ours = TranslationFile.load(po)
    ours.units["s5"].set_translation("Nos veremos mañana.", reviewed=True)
    polib_edit(po, "s5", lambda entry: entry.flags.append("fuzzy"))
    merged, report = merge_and_save(ours)
    unit = merged.units["s5"]
    assert (unit.target, unit.state) == ("Nos veremos mañana.", SegmentState.EDITED)
    assert report.details["s5"] == [
        "text: yours",
        "state: needs review (set by the other program)",
    ]


def test_a_new_machine_translation_there_and_a_text_here(po: Path) -> None:
    # translate-toolkit (pofilter, Pootle) writes a fresh MT comment; the translator typed
    # the text. Both stay, and the translator's text is not quoted back at them.
    ours = TranslationFile.load(po)
    ours.units["s1"].set_translation("El gato duerme en la alfombra.")
    store = ttk_po.pofile.parsefile(str(po))
    for unit in store.units:
        if unit.getcontext() == "s1":
            unit.automaticcomments = [
                "#. mt: El gato duerme sobre la estera.\n",
                "#. mt-engine: apertium\n",
                "#. mt-model: eng-spa\n",
            ]
    store.savefile(str(po))

    merged, report = merge_and_save(ours)
    unit = merged.units["s1"]
    assert unit.target == "El gato duerme en la alfombra."
    assert unit.mt == "El gato duerme sobre la estera."
    assert unit.notes == ""
    assert report.details["s1"] == ["text: yours", "machine translation: the other program's"]
    # Nothing undo restores changed here: undo may keep its steps.
    assert report.changed == []


def test_what_changed_here_is_what_undo_must_forget(po: Path) -> None:
    ours = TranslationFile.load(po)
    ours.units["s4"].notes = "mine"
    ours.units["s2"].set_translation("Ginebra es una ciudad de Suiza.")
    polib_edit(po, "s4", approve)
    polib_edit(po, "s2", lambda entry: setattr(entry, "msgstr", ""))  # emptied there
    report = ours.merge_from_disk()
    # s4 took the approval (undoing the note would put fuzzy back); s2 kept ours whole.
    assert report.changed == ["s4"]
    assert report.conflicts == ["s2"]
    assert ours.units["s2"].notes == ""
    assert report.details["s2"] == ["text: yours (the other program had emptied it)"]


def test_a_segment_only_the_other_program_changed_is_taken_whole(po: Path) -> None:
    ours = TranslationFile.load(po)

    def rewrite_and_approve(entry: polib.POEntry) -> None:
        entry.msgstr = "El perro ladra de noche."
        approve(entry)

    polib_edit(po, "s3", rewrite_and_approve)
    report = ours.merge_from_disk()
    assert report.taken_from_disk == ["s3"]
    assert (ours.units["s3"].target, ours.units["s3"].state) == (
        "El perro ladra de noche.",
        SegmentState.REVIEWED,
    )
