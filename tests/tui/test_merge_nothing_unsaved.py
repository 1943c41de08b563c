"""A merge of another program's save that left the workbench holding what the file holds
(a header field changed, or only the other program's translations taken) leaves nothing
unsaved: the title said "unsaved" after every merge, and the workbench wrote the file again."""

from __future__ import annotations

from pathlib import Path

from termwise.tui.app import ReviewApp

from .test_disk_changes_seen import (
    SIZE,
    merge_toasts,
    other_program_saves,
    saved_session,
    settle,
)


def title(app: ReviewApp) -> str:
    return str(app.workbench._shown.get("#title", ""))


async def test_a_merge_that_brought_nothing_to_save_leaves_the_title_saved(
    tmp_path: Path,
) -> None:
    session, po = saved_session(tmp_path)
    # No autosave in the test's time: an "unsaved" title would stay.
    app = ReviewApp(session, auto_mt=False, autosave_delay=30, check_delay=30, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "unsaved" not in title(app)

        # Poedit saves it with its translator's name: no entry differs.
        other_program_saves(po, ("Last-Translator: termwise", "Last-Translator: Ana"))
        await settle(app, pilot)
        # Said as taken, and only that field: the file's other fields are as written here.
        assert merge_toasts(app)[-1] == (
            "Another program saved the file again; no segment differs.\n"
            "Took its header: Last-Translator."
        )
        assert not session.dirty
        assert "unsaved" not in title(app)

        # Its note on #2 taken whole: the session is the file. (A text of the translator's
        # that it rewrote would go into the note: something to save.)
        second = session.rows[1].segment_id
        entry = f'msgctxt "{second}"'
        other_program_saves(po, (entry, f"# Ana: revisado.\n{entry}"))
        await settle(app, pilot)
        assert "#2: the other program's version" in merge_toasts(app)[-1]
        assert session.unit(second).notes == "Ana: revisado."
        assert not session.dirty
        assert "unsaved" not in title(app)
        written = po.stat()

        # Typing is unsaved work again, and saved as ever.
        await pilot.press("enter", "end", *" Hoy", "escape")
        assert session.dirty and "unsaved" in title(app)
        await app.action_quit()
    assert po.stat().st_ino != written.st_ino
    assert "Hoy" in po.read_text(encoding="utf-8")
