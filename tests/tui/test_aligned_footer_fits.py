"""The footer of an aligned translation at 160 and 200 columns: the keys a review of its
groups goes by (Edit, F7, the unsure-groups filter, Alt+Up/Down, F8, F1) all on screen.
With every workbench key after the alignment keys, the footer ran past the screen's edge
at 200 columns, and Ctrl+L and F8 were in F1 only."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.keys_screen import KeysScreen

from .pilot import settle
from .test_alignment_keys_shown import _align

MOST_USED = {
    "Edit": "enter",
    "Confirm group": "f7",
    "Filter": "ctrl+l",
    "1st sentence up": "alt+up",
    "Last sentence down": "alt+down",
    "Issues": "f8",
    "Keys": "f1",
}


def wholly_shown(app: ReviewApp) -> dict[str, str]:
    """The footer's keys (description → key) that end before the palette's ^p, which the
    footer docks at its right edge over whatever runs on that far."""
    keys = list(app.main.query(FooterKey))
    palette = min((key.region.x for key in keys if key.key == "ctrl+p"), default=app.size.width)
    return {
        key.description: key.key
        for key in keys
        if key.key != "ctrl+p" and key.region.width and key.region.right <= palette
    }


@pytest.mark.parametrize("width", [160, 200])
async def test_the_most_used_alignment_keys_fit_in_the_footer(
    review_project: ProjectLayout, paper: Path, width: int
) -> None:
    _align(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False)
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(app, pilot)
        shown = wholly_shown(app)
        for description, key in MOST_USED.items():
            assert shown.get(description) == key, (description, shown)
        # In the editor, its own Escape stays on screen beside them.
        await pilot.press("enter")
        await settle(app, pilot)
        in_editor = wholly_shown(app)
        assert in_editor.get("Back to grid") == "escape", in_editor
        for description in ("Confirm group", "Filter", "Issues", "Keys"):
            assert description in in_editor, in_editor
        # What left the footer is in the keys list (F1).
        await pilot.press("escape", "f1")
        await settle(app, pilot)
        assert isinstance(app.screen, KeysScreen)
        listed = [description for _, description in (line or ("", "") for line in app.screen.lines)]
        for description in ("Accept MT", "Reviewed", "Confirm sure groups", "Glossary"):
            assert description in listed, listed
