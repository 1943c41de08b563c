"""Another program's saves around the workbench's own reads and writes (through the session,
with real files): a save landing right after the workbench's read or write is seen as the
other program's, a merge that brought nothing to save leaves nothing unsaved, and an entry
the other program deleted is reported and written back.

Where a race is needed, the other program's save (a temporary file renamed over the PO
file, as Poedit and scripts do) runs right after the workbench's read or write returns."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termwise import input_files
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReadOnlySegment, ReviewSession

SOURCE = "The committee met in May.\n\nThe file was saved.\n\nIt was a good year.\n"
SPANISH = ("El comité se reunió en mayo.", "El archivo se guardó.", "Fue un buen año.")


def other_program_saves(po: Path, old: str, new: str) -> None:
    text = po.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    temporary = po.with_name(po.name + ".other")
    temporary.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(temporary, po)


def lock(segment_id: str) -> tuple[str, str]:
    """The replacement that locks ``segment_id``'s entry (Weblate's flag)."""
    entry = f'msgctxt "{segment_id}"'
    return entry, f"#, read-only\n{entry}"


def saved_session(tmp_path: Path) -> tuple[ReviewSession, Path, Path]:
    document = tmp_path / "d.txt"
    document.write_text(SOURCE, encoding="utf-8")
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "es")
    for row, text in zip(session.rows, SPANISH, strict=True):
        session.set_target(row.segment_id, text)
    return session, document, session.save()


def test_a_save_landing_while_the_session_reads_the_file_is_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, document, po = saved_session(tmp_path)
    real = input_files.read_input

    def read_then_other_save(path: str | Path) -> bytes:
        data = real(path)
        if Path(path) == po:
            monkeypatch.setattr(input_files, "read_input", real)
            other_program_saves(po, "Fue un buen año.", "Fue un gran año.")  # same size
        return data

    monkeypatch.setattr(input_files, "read_input", read_then_other_save)
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "es")
    first, _, last = (row.segment_id for row in session.rows)
    assert session.unit(last).target == "Fue un buen año."  # read before the other save
    session.set_target(first, "El comité se reunió en junio.")
    session.save()
    on_disk = TranslationFile.load(po)
    assert on_disk.units[last].target == "Fue un gran año."
    assert on_disk.units[first].target == "El comité se reunió en junio."


def test_a_lock_saved_right_after_the_workbench_saves_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _, po = saved_session(tmp_path)
    first, _, last = (row.segment_id for row in session.rows)
    real_save = session.tfile.save

    def save_then_other_lock(*args: object, **options: object) -> Path:
        path = real_save(*args, **options)  # type: ignore[arg-type]
        monkeypatch.setattr(session.tfile, "save", real_save)
        other_program_saves(po, *lock(last))
        return path

    monkeypatch.setattr(session.tfile, "save", save_then_other_lock)
    session.set_target(first, "El comité se reunió en junio.")
    session.save()
    assert "read-only" in TranslationFile.load(po).units[last].flags
    # The file on disk is the other program's: its lock holds here at once.
    assert session.read_only_reason(last) is not None
    with pytest.raises(ReadOnlySegment):
        session.set_target(last, "Fue un año excelente.")
    assert session.rows[2].locked


def test_a_merge_that_brought_nothing_to_save_leaves_nothing_unsaved(tmp_path: Path) -> None:
    session, _, po = saved_session(tmp_path)
    first, second, _ = (row.segment_id for row in session.rows)
    # Poedit saves it with its translator's name: no entry differs.
    other_program_saves(po, "Last-Translator: termwise", "Last-Translator: Ana")
    assert session.tfile.changed_on_disk()
    report, _ = session.merge_from_disk()
    assert not session.dirty
    assert not report.changed and not report.differs_from_disk

    # The other program's note taken whole: the session is the file; nothing to save. (A
    # text of the translator's it rewrote would go into the note: something to save.)
    other_program_saves(po, f'msgctxt "{second}"', f'# Ana: revisado.\nmsgctxt "{second}"')
    report, _ = session.merge_from_disk()
    assert report.taken_from_disk == [second]
    assert session.unit(second).notes == "Ana: revisado."
    assert not session.dirty

    # Work only this side has stays unsaved.
    session.set_target(first, "El comité se reunió en junio.")
    other_program_saves(po, "El archivo se guardó.", "El archivo quedó guardado.")
    session.merge_from_disk()
    assert session.dirty
    session.save()
    on_disk = TranslationFile.load(po)
    assert on_disk.units[first].target == "El comité se reunió en junio."
    assert on_disk.units[second].target == "El archivo quedó guardado."


def test_an_entry_the_other_program_deleted_is_reported_and_written_back(
    tmp_path: Path,
) -> None:
    session, _, po = saved_session(tmp_path)
    _, second, _ = (row.segment_id for row in session.rows)
    text = po.read_text(encoding="utf-8")
    start = text.index(f'msgctxt "{second}"')
    end = text.index("\n\n", start) + 2
    other_program_saves(po, text[start:end], "")
    assert second not in TranslationFile.load(po).units

    report, _ = session.merge_from_disk()
    assert report.removed_on_disk == [second]
    assert report.differs_from_disk and session.dirty
    assert session.unit(second).target == "El archivo se guardó."
    session.save()
    assert TranslationFile.load(po).units[second].target == "El archivo se guardó."
