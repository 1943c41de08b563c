"""What a new user tripped over in the workbench (issue #18), each driven by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.tui.dialogs import AskText, Choose

from .test_app import SIZE, make_app, settle

# --- Ctrl+Q quits from every screen and dialog, saving what was typed --------------------


@pytest.mark.parametrize(
    ("key", "dialog"),
    [("ctrl+o", AskText), ("ctrl+f", AskText), ("ctrl+l", Choose), ("ctrl+p", CommandPalette)],
    ids=["note", "search", "filter", "palette"],
)
async def test_quit_works_while_a_dialog_is_open_and_saves(
    review_project: ProjectLayout, paper: Path, key: str, dialog: type
) -> None:
    app = make_app(review_project, paper, autosave_delay=60.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"antes de salir", key)
        await pilot.pause()
        assert isinstance(app.screen, dialog)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0
    segment_id = app.session.rows[0].segment_id
    assert TranslationFile.load(app.session.translation_path).units[segment_id].target == (
        "antes de salir"
    )


async def test_quit_works_from_the_first_dialog_offline(
    review_project: ProjectLayout, paper: Path
) -> None:
    # No model for en → zh: the workbench opens with "No machine translation installed".
    app = make_app(review_project, paper, lang="zh", auto_mt=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, Choose)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0
