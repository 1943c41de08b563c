"""The "No machine translation" dialog comes from a worker, not from a key: under a busy
machine it surfaced while keys typed for the grid were still queued, and an Enter meant to
open the editor chose "Install the Argos model (download)". A key typed before the dialog
opened is not an answer to it; one typed after it opened is."""

from __future__ import annotations

from pathlib import Path

from textual import events

from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import Choose

from .pilot import SIZE, make_app, settle, toasts, until


async def test_a_key_typed_before_the_no_mt_dialog_opened_does_not_answer_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    # No model for en → zh: F2's worker fails and opens the dialog.
    app = make_app(review_project, paper, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # Typed right after F2, and queued (a busy UI) until the dialog was up.
        typed_blind = events.Key("enter", None)
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, Choose))
        dialog = app.screen
        app.post_message(typed_blind)
        await settle(app, pilot)
        assert app.screen is dialog, toasts(app)
        assert not any("Model not installed" in toast for toast in toasts(app))
        # Keys typed once it is up answer it: Enter takes the highlighted "this time",
        # which closes it, nothing installed.
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, Choose)
        assert not any("Model not installed" in toast for toast in toasts(app))
