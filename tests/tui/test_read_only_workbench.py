"""The workbench shows a read-only segment (an imported file's translate="no", a memoQ or
Trados lock) as locked and refuses to change its translation, saying why: typing, accepting
MT, inserting a term, joining, splitting and fixing; undo is unaffected."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from review.read_only_project import QUOTED, make_read_only_project
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import Choose
from termwise.tui.panels import IssuesPanel

SIZE = (160, 45)
REASON = 'Not for translation (translate="no" in in.xlf): keep the text as it is'
LOCKED_GLYPH = "⊘"  # the grid's mark of a read-only segment, in the state's place
QUOTED_TARGET = "La comunidad de destino de la humanidad es la meta."


def messages(app: ReviewApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def settle(app: ReviewApp, pilot: Pilot[None]) -> None:
    for _ in range(2):
        await pilot.pause(0.2)
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_read_only_segment_is_shown_locked_and_not_edited(
    tmp_path: Path, argos_env: Path
) -> None:
    layout, document = make_read_only_project(tmp_path)
    session = ReviewSession(layout, document, "es")
    quoted = session.rows[1].segment_id
    session.unit(quoted).mt = "La comunidad es la meta."  # MT from before the import
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.15, check_delay=0.15)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        grid = app.grid
        lines = [grid.render_line(y).text for y in range(grid.size.height)]
        locked = [line for line in lines if line.startswith(LOCKED_GLYPH)]
        assert len(locked) == 2 and QUOTED[:20] in locked[0]  # the mark, on both
        assert not any(line.startswith(LOCKED_GLYPH) for line in lines if "We build" in line)

        # Typing into it: nothing changes, and the translator is told why, once.
        await pilot.press("down")
        dock = str(app.query_one("#dock-label").render())
        assert "read-only" in dock and REASON in dock
        await pilot.press("enter")
        assert app.editor.has_focus and app.editor.read_only
        await pilot.press(*"xyz", "backspace")
        await settle(app, pilot)
        assert app.session.unit(quoted).target == QUOTED_TARGET
        assert app.editor.text == QUOTED_TARGET
        said = [m for m in messages(app) if "read-only" in m]
        assert said == [f"#2 is read-only, so editing is refused: {REASON}."]  # not per key

        # The next segment is free again: typing works there.
        await pilot.press("enter")
        assert not app.editor.read_only
        await pilot.press(*"No pasó nada más.")
        await settle(app, pilot)
        assert app.grid.rows[2].target == "No pasó nada más."
        await pilot.press("escape", "up")
        assert app.grid.cursor == 1

        for key, what in (
            ("ctrl+t", "accepting MT"),
            ("ctrl+g", "inserting a term"),
            ("f3", "joining"),
            ("f4", "splitting"),
        ):
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert f"#2 is read-only, so {what} is refused: {REASON}." in messages(app), key
            assert not isinstance(app.screen, Choose)  # F4 asks nowhere to split
        assert app.session.unit(quoted).target == QUOTED_TARGET
        assert [row.segment_id for row in app.grid.rows][1] == quoted

        # A fix of the term in it is refused; the same fix in a free segment works.
        panel = app.query_one(IssuesPanel)
        term = [i for i in app.session.issues if i.check == "term-forbidden"]
        on_locked = next(issue for issue in term if issue.segment_id == quoted)
        app._notifications.clear()
        panel.fix(on_locked, "here")
        await pilot.pause()
        assert any("fixing its translation is refused" in m for m in messages(app))
        assert app.session.unit(quoted).target == QUOTED_TARGET

        # Undo takes back the last edit there was, in the free segment.
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert app.grid.rows[2].target == ""
        assert app.session.unit(quoted).target == QUOTED_TARGET


async def test_typing_on_into_a_read_only_segment_says_why_at_the_first_key(
    tmp_path: Path, argos_env: Path
) -> None:
    layout, document = make_read_only_project(tmp_path)
    session = ReviewSession(layout, document, "es")
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.15, check_delay=0.15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # into the editor, and on to #2 (Enter moves on)
        assert app.grid.cursor == 1 and app.editor.has_focus and app.editor.read_only
        assert not [m for m in messages(app) if "read-only" in m]
        await pilot.press(*"Otra", "ctrl+v")
        await settle(app, pilot)
        assert app.session.unit(app.grid.rows[1].segment_id).target == QUOTED_TARGET
        said = [m for m in messages(app) if "read-only" in m]
        assert said == [f"#2 is read-only, so editing is refused: {REASON}."]


async def test_an_issue_without_a_fix_on_a_read_only_segment_says_it_is_read_only(
    tmp_path: Path, argos_env: Path
) -> None:
    # "numbers: no automatic fix; edit the text." sent the translator to a segment that
    # then refused editing.
    from termwise.checks.issue import Issue, Severity

    layout, document = make_read_only_project(tmp_path)
    session = ReviewSession(layout, document, "es")
    locked = next(u.segment_id for u in session.tfile.units.values() if u.source == QUOTED)
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.15, check_delay=0.15)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        issue = Issue("numbers", Severity.ERROR, locked, "target", 0, 2, "La", "number 2 missing")
        app.query_one(IssuesPanel).fix(issue, "here")
        await pilot.pause()
        assert f"numbers: the segment is read-only: {REASON}" in messages(app)
        assert not [m for m in messages(app) if "edit the text" in m]
