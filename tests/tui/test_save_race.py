"""Saving never races the screen: rows change on the UI thread only, while saves run in a
worker thread and the translator types, joins, splits and scrolls."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from textual.worker import WorkerCancelled

from termwise import atomic
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.rows import Row
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import Choose


async def test_typing_joins_splits_and_scrolling_while_saves_loop(
    review_project: ProjectLayout, paper: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = ReviewSession(review_project, paper, "es")
    session.save()
    # Another program (Poedit, say) saves the file too: the workbench's next save finds it
    # changed on disk and merges it, which changes rows.
    other = TranslationFile.load(session.translation_path)
    last_id = list(other.units)[-1]
    other.units[last_id].notes = "checked in Poedit"
    other.save()

    # Every change to a row, and the thread that made it.
    off_the_ui_thread: list[str] = []
    touch = Row.touch

    def recording_touch(row: Row) -> None:
        if threading.current_thread() is not threading.main_thread():
            off_the_ui_thread.append(f"{row.segment_id} in {threading.current_thread().name}")
        touch(row)

    monkeypatch.setattr(Row, "touch", recording_touch)
    # Writes slow enough that each of the edits below happens while one is under way.
    write = atomic.write_atomic

    def slow_write(*args: Any, **kwargs: Any) -> None:
        time.sleep(0.03)
        write(*args, **kwargs)

    monkeypatch.setattr(atomic, "write_atomic", slow_write)

    app = ReviewApp(session, auto_mt=False, autosave_delay=0.001, check_delay=0.05)
    typed = {1: "Hola mundo", 2: "Segunda frase", 3: "Tercera"}
    async with app.run_test(size=(120, 40)) as pilot:
        for index, text in typed.items():
            app.grid.move_cursor(index)
            await pilot.press("enter", *text, "escape")
        count = len(app.grid.rows)
        # Join rows 7 and 8 while a save runs (row 6 is a heading, which joins nothing).
        await pilot.press("down", "down", "down", "down", "f3")
        assert len(app.grid.rows) == count - 1
        await pilot.press("f4")
        assert isinstance(app.screen, Choose)
        await pilot.press("enter")  # and split them again
        assert len(app.grid.rows) == count
        await pilot.press("pagedown", "pagedown", "pageup", "end", "home")
        app.grid.move_cursor(4)
        await pilot.press("enter", *"Cuarta", "escape")
        typed[4] = "Cuarta"
        for _ in range(50):  # until the last change is written
            await pilot.pause(0.05)
            with contextlib.suppress(WorkerCancelled):
                await app.workers.wait_for_complete()
            if not app.session.dirty:
                break
        assert not app.session.dirty
        ids = {index: app.grid.rows[index].segment_id for index in typed}

    assert off_the_ui_thread == []
    saved = TranslationFile.load(session.translation_path)
    assert {index: saved.units[ids[index]].target for index in typed} == typed
    assert saved.units[last_id].notes == "checked in Poedit"
    assert app.saves >= 3
