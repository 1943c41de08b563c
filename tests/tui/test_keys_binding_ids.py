"""The ids that remap keys, where the keys are listed: F1's list shows each key's binding id
beside it and the keymap file's path above it, and the palette (Ctrl+P) names a command's
key and id in its help. Remapping meant guessing ids such as ``review.issues``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandPalette

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.keys_screen import KeysScreen

SIZE = (160, 50)


def app_of(layout: ProjectLayout, paper: Path, keymap: dict[str, str] | None = None) -> ReviewApp:
    session = ReviewSession(layout, paper, "es")
    return ReviewApp(session, keymap=keymap, auto_mt=False, autosave_delay=60, check_delay=60)


def screen_text(app: ReviewApp) -> str:
    return app.export_screenshot().replace("&#160;", " ")


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


async def test_f1_lists_each_keys_binding_id_and_the_keymap_file(
    review_project: ProjectLayout, paper: Path, config_home: Path
) -> None:
    app = app_of(review_project, paper, {"review.issues": "f5"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause(0.2)
        assert isinstance(app.screen, KeysScreen)
        console = Console(width=70, record=True, file=io.StringIO())
        console.print(app.screen.keys_table())
        listed = console.export_text().splitlines()
        # On one line: the key as the keymap moved it, what it does, and the id.
        issues = [line.split() for line in listed if "Issues" in line]
        assert issues == [["f5", "Issues", "review.issues"]], listed
        accept = [line.split() for line in listed if "Accept MT" in line]
        assert accept == [["^t", "Accept", "MT", "review.accept_mt"]], listed
        file_line = str(app.screen.query_one("#keys-file").render())
        assert file_line == "Remap by id in ~/.config/termwise/keymap.toml"


async def test_the_palette_names_each_commands_key_and_id(
    review_project: ProjectLayout, paper: Path, config_home: Path
) -> None:
    app = app_of(review_project, paper, {"review.issues": "f5"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"show issues")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        shown = [line for line in screen_text(app).splitlines() if "issues panel" in line]
        assert shown and "The issues panel · F5 · review.issues" in shown[0], shown
