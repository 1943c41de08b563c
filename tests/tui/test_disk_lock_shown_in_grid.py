"""The grid marks a segment locked as soon as the workbench reads a lock another program
added to the open translation (``#, read-only``): moving the cursor reads the file again
where it changed (``ReviewSession.read_only_reason``), and every row it locks shows the
mark, the one under the cursor or not. The mark came only with the next merge."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp

SIZE = (160, 45)
LOCKED_GLYPH = "⊘"  # the grid's mark of a read-only segment, in the state's place
SOURCE = "The committee met in May.\n\nThe file was saved.\n\nIt was a good year.\n"
SPANISH = ("El comité se reunió en mayo.", "El archivo se guardó.", "Fue un buen año.")


async def settle(app: ReviewApp, pilot: Pilot[None]) -> None:
    for _ in range(2):
        await pilot.pause(0.2)
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
    await pilot.pause()


def locked_lines(app: ReviewApp) -> list[str]:
    grid = app.grid
    lines = [grid.render_line(y).text for y in range(grid.size.height)]
    return [line for line in lines if line.startswith(LOCKED_GLYPH)]


async def test_a_lock_added_on_disk_is_marked_when_the_cursor_moves(tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_text(SOURCE, encoding="utf-8")
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "es")
    for row, text in zip(session.rows, SPANISH, strict=True):
        session.set_target(row.segment_id, text)
    path = session.save()
    last = session.rows[2].segment_id
    app = ReviewApp(session, auto_mt=False, autosave_delay=30, check_delay=30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert locked_lines(app) == []

        # Another program locks the last sentence (Weblate's flag on its entry).
        text = path.read_text(encoding="utf-8")
        entry = f'msgctxt "{last}"'
        path.write_text(text.replace(entry, f"#, read-only\n{entry}"), encoding="utf-8")
        await pilot.press("down")  # onto #2: the last row is not the one looked at
        await pilot.pause()
        assert app.grid.cursor == 1
        (marked,) = locked_lines(app)
        assert "good year" in marked
        assert not app.editor.read_only

        # Released again: the mark goes with it.
        path.write_text(path.read_text(encoding="utf-8").replace("#, read-only\n", ""), "utf-8")
        await pilot.press("up")
        await pilot.pause()
        assert locked_lines(app) == []
