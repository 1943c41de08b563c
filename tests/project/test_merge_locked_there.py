"""A save's merge of an entry another program locked (``#, read-only``, Weblate's flag, as
an imported ``translate="no"``) while the workbench held unsaved text for it.

The merge wrote the workbench's text under the lock ("text: yours; flags: the other
program's"). A lock says "do not change this": the entry keeps the other program's text,
and the translator's text is kept in a note on it, told as a conflict.

The file is the one ``termwise translate doc.txt --to es --engine apertium`` writes; the
other program is a polib script (as Poedit-like tools are), saving the file its way.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from termwise.project.store import ConcurrentModificationError
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

TEXT = "The cat sleeps on the mat. The dog barks at night.\n"
TYPED = "El gato duerme en la alfombra."
NOTE = f"termwise: not saved, the segment was locked by another program: {TYPED}"


@pytest.fixture
def po(tmp_path: Path, argos_env: Path) -> Path:
    """The translation file of a two-sentence document, as Apertium's MT made it."""
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "translate", "doc.txt", "--to", "es"]
        + ["--engine", "apertium", "--no-glossary"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "translations" / "doc.es.po"


def first_id(path: Path) -> str:
    return next(iter(TranslationFile.load(path).units))


def polib_edit(path: Path, segment_id: str, change: Callable[[polib.POEntry], None]) -> None:
    catalog = polib.pofile(str(path), wrapwidth=78)
    change(next(entry for entry in catalog if entry.msgctxt == segment_id))
    catalog.save(str(path))


def lock(entry: polib.POEntry) -> None:
    entry.flags.append("read-only")


def test_a_lock_added_there_keeps_its_text_and_yours_goes_into_a_note(po: Path) -> None:
    segment_id = first_id(po)
    ours = TranslationFile.load(po)
    mt = ours.units[segment_id].target
    ours.units[segment_id].set_translation(TYPED)
    polib_edit(po, segment_id, lock)
    with pytest.raises(ConcurrentModificationError):
        ours.save()  # not over the other program's save: merged first

    report = ours.merge_from_disk()
    assert report.conflicts == [segment_id]
    assert report.details[segment_id] == [
        "text: the other program's (it locked the segment; yours is in the note)",
        "flags: the other program's",
    ]
    assert report.changed == [segment_id]  # undo must not bring the text back under the lock
    ours.save()

    saved = TranslationFile.load(po).units[segment_id]
    assert saved.target == mt and saved.state is SegmentState.MT
    assert "read-only" in saved.flags
    assert saved.notes == NOTE
    entry = next(e for e in polib.pofile(str(po)) if e.msgctxt == segment_id)
    assert (entry.msgstr, entry.tcomment) == (mt, NOTE)
    # Nothing else in the file moved: the other segment is as the MT left it.
    other = [u for u in TranslationFile.load(po).units.values() if u.segment_id != segment_id]
    assert [u.state for u in other] == [SegmentState.MT]


def test_a_text_rewritten_and_locked_there_stands_over_an_approval_here(po: Path) -> None:
    segment_id = first_id(po)
    ours = TranslationFile.load(po)
    ours.units[segment_id].set_translation(TYPED, reviewed=True)
    ours.units[segment_id].notes = "mine"

    def rewrite_and_lock(entry: polib.POEntry) -> None:
        entry.msgstr = "El gato duerme sobre la estera."
        entry.flags = ["read-only"]  # approved and locked, as a client's final text

    polib_edit(po, segment_id, rewrite_and_lock)
    report = ours.merge_from_disk()
    unit = ours.units[segment_id]
    assert (unit.target, unit.state) == ("El gato duerme sobre la estera.", SegmentState.REVIEWED)
    assert unit.notes.splitlines() == ["mine", NOTE]
    assert "Other version on disk" not in unit.notes  # the other version is the text now
    assert report.conflicts == [segment_id]
    assert report.details[segment_id][0] == (
        "text: the other program's (it locked the segment; yours is in the note)"
    )


def test_a_lock_there_over_a_segment_you_only_annotated_is_no_conflict(po: Path) -> None:
    segment_id = first_id(po)
    ours = TranslationFile.load(po)
    ours.units[segment_id].notes = "mine"
    polib_edit(po, segment_id, lock)
    report = ours.merge_from_disk()
    assert report.conflicts == [] and report.combined == [segment_id]
    assert ours.units[segment_id].notes == "mine"
    assert "read-only" in ours.units[segment_id].flags
