"""The workbench notices what another program saves to the open translation file without a
keypress: it looks at the file every couple of seconds (``ReviewApp._look_at_disk``) and
merges a change in as a save would, the rows, the editor and a toast showing it. A lock
(``#, read-only``) or another program's translation showed only at the next cursor move,
check run or save; a save of that other program made just after the workbench's own was
taken for the workbench's (the store's stat came after the rename) and written over."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from termwise.project import swap
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp, lock_lines
from termwise.tui.watching import FileWatch

SIZE = (160, 45)
LOCKED_GLYPH = "⊘"  # the grid's mark of a read-only segment, in the state's place
SOURCE = "The committee met in May.\n\nThe file was saved.\n\nIt was a good year.\n"
SPANISH = ("El comité se reunió en mayo.", "El archivo se guardó.", "Fue un buen año.")
MERGE_TITLE = "The project file changed on disk"

# Another program's save, as an editor or a sync script makes it: the file read, changed,
# written to a temporary file and renamed over it. Arguments: the file, then pairs of
# (old, new) replacements.
OTHER_PROGRAM = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path

    po = Path(sys.argv[1])
    text = po.read_text(encoding="utf-8")
    for old, new in zip(sys.argv[2::2], sys.argv[3::2]):
        assert old in text, old
        text = text.replace(old, new, 1)
    temporary = po.with_name(po.name + ".other")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, po)
    """
)


def other_program_saves(po: Path, *replacements: tuple[str, str]) -> None:
    pairs = [text for pair in replacements for text in pair]
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(po), *pairs], check=True)


def lock(segment_id: str) -> tuple[str, str]:
    """The replacement that locks ``segment_id``'s entry (Weblate's flag)."""
    entry = f'msgctxt "{segment_id}"'
    return entry, f"#, read-only\n{entry}"


def grid_lines(app: ReviewApp) -> list[str]:
    grid = app.grid
    return [grid.render_line(y).text for y in range(grid.size.height)]


def locked_lines(app: ReviewApp) -> list[str]:
    return [line for line in grid_lines(app) if line.startswith(LOCKED_GLYPH)]


def merge_toasts(app: ReviewApp) -> list[str]:
    return [str(note.message) for note in app._notifications if note.title == MERGE_TITLE]


async def settle(app: ReviewApp, pilot: Pilot[None], seconds: float = 0.6) -> None:
    """Time passes, no key is pressed: the watch looks at the file a few times."""
    await pilot.pause(seconds)
    with contextlib.suppress(WorkerCancelled):
        await app.workers.wait_for_complete()
    await pilot.pause()


def saved_session(root: Path) -> tuple[ReviewSession, Path]:
    document = root / "d.txt"
    document.write_text(SOURCE, encoding="utf-8")
    session = ReviewSession(ProjectLayout.at(root), document, "es")
    for row, text in zip(session.rows, SPANISH, strict=True):
        session.set_target(row.segment_id, text)
    return session, session.save()


async def test_another_programs_lock_and_translation_show_without_a_key(tmp_path: Path) -> None:
    session, po = saved_session(tmp_path)
    second, third = session.rows[1].segment_id, session.rows[2].segment_id
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.05, check_delay=30, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert locked_lines(app) == []
        assert merge_toasts(app) == []

        other_program_saves(po, lock(third), (SPANISH[1], "El archivo quedó guardado."))
        await settle(app, pilot)

        (marked,) = locked_lines(app)
        assert "good year" in marked
        assert any("quedó guardado" in line for line in grid_lines(app))
        assert app.grid.cursor == 0  # nobody moved
        (toast,) = merge_toasts(app)
        assert "#3: read-only now" in toast
        assert "#2" in toast
        # Enforced, not only drawn: the unit holds the lock, and the merge was saved with it.
        assert session.read_only_reason(third) is not None
        on_disk = TranslationFile.load(po)
        assert on_disk.units[second].target == "El archivo quedó guardado."
        assert "read-only" in on_disk.units[third].flags

        # Released again by the other program: the mark goes, without a key either.
        other_program_saves(po, ("#, read-only\n", ""))
        await settle(app, pilot)
        assert locked_lines(app) == []
        assert "#3: editable again" in merge_toasts(app)[-1]
        await app.action_quit()
    assert app._disk_timer is None  # the watch stops with the app


async def test_what_is_being_typed_is_kept(tmp_path: Path) -> None:
    session, po = saved_session(tmp_path)
    second, third = session.rows[1].segment_id, session.rows[2].segment_id
    # No autosave while typing: the typed text is only in the editor and the session.
    app = ReviewApp(session, auto_mt=False, autosave_delay=30, check_delay=30, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter", "end", *" Ya", "space", *"casi")
        typed = app.editor.text
        assert typed == f"{SPANISH[1]} Ya casi"
        assert app.editor.has_focus

        # The other program rewrites the segment being typed in, and locks the next one.
        other_program_saves(po, (SPANISH[1], "Texto de Poedit."), lock(third))
        await settle(app, pilot)

        # Both rewrote the text: the translator's stays, in the editor and the session, and
        # the other program's is kept in the notes (the merge's rule).
        assert app.editor.text == typed
        assert app.editor.has_focus and not app.editor.read_only
        unit = session.unit(second)
        assert unit.target == typed
        assert "Texto de Poedit." in unit.notes
        (marked,) = locked_lines(app)
        assert "good year" in marked
        # Typing goes on where it was.
        await pilot.press(*"!")
        assert session.unit(second).target == typed + "!"


async def test_the_workbenchs_own_saves_are_not_merged(tmp_path: Path) -> None:
    session, po = saved_session(tmp_path)
    app = ReviewApp(
        session, auto_mt=False, autosave_delay=0.01, check_delay=30, watch_interval=0.05
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for word in ("uno", "dos", "tres"):
            await pilot.press("enter", "end", *word, "escape")
            await settle(app, pilot, 0.3)
        assert app.saves >= 3
        assert not session.dirty
        assert merge_toasts(app) == []
    assert TranslationFile.load(po).units[session.rows[0].segment_id].target.endswith("tres")


async def test_another_programs_save_right_after_ours_is_seen_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, po = saved_session(tmp_path)
    first, third = session.rows[0].segment_id, session.rows[2].segment_id
    install = swap.install
    raced: list[Path] = []

    def install_then_other_program_saves(*args: Any) -> None:
        install(*args)
        # Between the workbench's rename and anything it does after: the other program's
        # save (a real process, its own rename), once.
        if not raced:
            raced.append(po)
            other_program_saves(po, lock(third))

    monkeypatch.setattr(swap, "install", install_then_other_program_saves)
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.01, check_delay=30, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "end", *" Hoy", "escape")
        await settle(app, pilot)
        assert raced
        (marked,) = locked_lines(app)
        assert "good year" in marked
        # Another edit, saved: the other program's lock stays in the file (it was written
        # over, the file taken for the workbench's own).
        await pilot.press("enter", "end", *"!", "escape")
        await settle(app, pilot)
        assert not session.dirty
    on_disk = TranslationFile.load(po)
    assert on_disk.units[first].target == f"{SPANISH[0]} Hoy!"
    assert "read-only" in on_disk.units[third].flags


def test_a_look_at_an_unchanged_file_reports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.po"
    path.write_text("one\n", encoding="utf-8")
    watch = FileWatch(path)
    assert [watch.changed() for _ in range(3)] == [False, False, False]
    # Same size, the time put back: the change time still tells.
    stat = path.stat()
    path.write_text("two\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert watch.changed()
    assert not watch.changed()  # told once
    path.unlink()
    assert watch.changed()
    assert not watch.changed()
    path.write_text("three\n", encoding="utf-8")
    assert watch.changed()


def test_a_merge_that_locks_many_rows_names_a_few() -> None:
    places = {f"s{index}": index for index in range(10)}
    before = {"s0", "s1"}
    after = {"s1", *(f"s{index}" for index in range(3, 10)), "obsolete"}
    assert lock_lines(before, after, places) == [
        "#4, #5, #6, #7 and 3 more: read-only now (locked in the other program's file).",
        "#1: editable again (the other program's lock is gone).",
    ]
