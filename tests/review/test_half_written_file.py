"""A keypress while another program is half-way through writing the translation file in
place (an editor that truncates and writes) ended the workbench: the edit asks whether the
segment is locked on disk, and reading the half-written file raised. The locks last read
hold until the file reads again."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession

SOURCE = "The committee met in May.\n\nThe project grew fast across the region.\n"


def test_an_edit_while_the_file_is_half_written_is_kept(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(SOURCE, encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    ReviewSession(layout, document, "es").save()
    session = ReviewSession(layout, document, "es")
    first, second = (row.segment_id for row in session.rows)
    whole = session.translation_path.read_bytes()
    cut = whole.index(b'msgid "The project') + len(b'msgid "The pro')
    session.translation_path.write_bytes(whole[:cut])

    session.set_target(first, "El comité se reunió en mayo.")
    assert session.unit(first).target == "El comité se reunió en mayo."
    assert session.needs_mt() == [second]

    # Written whole again, with #2 locked: the lock is read and enforced.
    locked = whole.replace(b'msgid "The project', b'#, read-only\nmsgid "The project')
    session.translation_path.write_bytes(locked)
    assert session.read_only_reason(second) is not None
    assert session.needs_mt() == []
