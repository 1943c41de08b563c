"""A lock another program adds to the open translation (``#, read-only`` written by an
import, Weblate) is enforced as soon as the session reads it (``_locked_on_disk``); the
rows now show it as locked then too (``row.locked``, the grid's marker), not only after
the next merge, and show it released when the other program takes it off again."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReadOnlySegment, ReviewSession

SOURCE = "The committee met in May.\n\nThe file was saved.\n\nIt was a good year.\n"
SPANISH = ("El comité se reunió en mayo.", "El archivo se guardó.", "Fue un buen año.")


def locked_in_translation(tmp_path: Path) -> tuple[ReviewSession, Path]:
    """A session over a saved translation, the file then locked on its last sentence by
    another program (Weblate's flag put on the entry)."""
    document = tmp_path / "d.txt"
    document.write_text(SOURCE, encoding="utf-8")
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "es")
    for row, text in zip(session.rows, SPANISH, strict=True):
        session.set_target(row.segment_id, text)
    path = session.save()
    last = session.rows[2].segment_id
    text = path.read_text(encoding="utf-8")
    entry = f'msgctxt "{last}"'
    assert text.count(entry) == 1
    path.write_text(text.replace(entry, f"#, read-only\n{entry}"), encoding="utf-8")
    return session, path


def test_a_lock_read_from_disk_shows_on_its_row_at_once(tmp_path: Path) -> None:
    session, path = locked_in_translation(tmp_path)
    first, _second, last = (row.segment_id for row in session.rows)
    assert not session.rows[2].locked
    version = session.rows[2].version

    # Asked about another segment: the file is read, and every lock in it shows.
    assert session.read_only_reason(first) is None
    assert session.rows[2].locked and session.rows[2].version > version
    assert [row.locked for row in session.rows[:2]] == [False, False]
    with pytest.raises(ReadOnlySegment, match="#3 is read-only"):
        session.set_target(last, "Otro año.")
    # A change elsewhere redraws its row, and keeps the lock shown.
    session.set_target(first, "El comité se reunió en junio.")
    session.undo()
    assert session.rows[2].locked

    # Released: the row is editable, and shown so.
    path.write_text(path.read_text(encoding="utf-8").replace("#, read-only\n", ""), "utf-8")
    assert session.read_only_reason(last) is None
    assert not session.rows[2].locked
    session.set_target(last, "Fue un año muy bueno.")


def test_the_checks_read_the_lock_and_the_merge_keeps_it_shown(tmp_path: Path) -> None:
    session, _path = locked_in_translation(tmp_path)
    # The checks' snapshot (taken on the UI thread after a pause in typing) reads it too.
    session.check_inputs()
    assert session.rows[2].locked
    session.set_target(session.rows[0].segment_id, "El comité se reunió en junio.")
    session.save()  # a merge with the other program's file: the unit takes the lock
    assert session.rows[2].locked
    assert "read-only" in session.unit(session.rows[2].segment_id).flags
