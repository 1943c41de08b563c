"""F1's keys list at 80x24: it went past the foot of the screen, and no key scrolled it.
Now the arrow keys and PgUp/PgDn scroll it, and its last line says how much is below."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp

SMALL = (80, 24)


def app_of(layout: ProjectLayout, paper: Path, keymap: dict[str, str] | None = None) -> ReviewApp:
    session = ReviewSession(layout, paper, "es")
    return ReviewApp(session, keymap=keymap, auto_mt=False, autosave_delay=60, check_delay=60)


def screen_text(app: ReviewApp) -> str:
    return app.export_screenshot().replace("&#160;", " ")


async def scroll_of(app: ReviewApp, pilot: Pilot[None]) -> float:
    await pilot.pause()
    return float(app.screen.query_one("#keys-list").scroll_y)


async def test_f1_scrolls_with_the_keyboard_and_says_there_is_more(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = app_of(review_project, paper)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause(0.2)
        more = str(app.screen.query_one("#keys-more").render())
        assert "more lines: Down/PgDn" in more and "Escape: close" in more
        assert "Save" not in screen_text(app)  # the last key is below the fold
        start = await scroll_of(app, pilot)
        await pilot.press("down")
        assert await scroll_of(app, pilot) == start + 1
        await pilot.press("pagedown")
        paged = await scroll_of(app, pilot)
        assert paged > start + 5
        await pilot.press("pageup")
        assert await scroll_of(app, pilot) < paged
        await pilot.press("end")
        await pilot.pause(0.2)
        assert "Save" in screen_text(app)
        assert "end of the list" in str(app.screen.query_one("#keys-more").render())
        # The grid under the list stayed where it was.
        assert app.grid.cursor == 0
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is app.main


async def test_the_keys_list_follows_the_keymap(review_project: ProjectLayout, paper: Path) -> None:
    keymap = {"keys.page_down": "ctrl+j", "keys.close": "q", "review.help": "f11"}
    app = app_of(review_project, paper, keymap)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f11")
        await pilot.pause(0.2)
        more = str(app.screen.query_one("#keys-more").render())
        assert "Down/Ctrl+J" in more and "q: close" in more
        start = await scroll_of(app, pilot)
        await pilot.press("ctrl+j")
        assert await scroll_of(app, pilot) > start
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is app.main
        await pilot.press("f11")
        await pilot.pause()
        assert app.screen is not app.main
        await pilot.press("f11")  # the help key closes it as well
        await pilot.pause()
        assert app.screen is app.main


async def test_f1_in_the_editor_lists_the_editors_keys(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = app_of(review_project, paper)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter", "f1")
        await pilot.pause(0.2)
        assert "Select all" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main
        assert app.focused is app.editor  # Escape closed the list only
