"""Issue #18 in a real terminal: quitting from the first dialog, and an editor that shows it
has focus (tmux, as a new user meets them)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile

from .test_e2e_tmux import Terminal, termwise_command


def test_ctrl_q_quits_from_the_first_dialog_offline(
    review_project: ProjectLayout, paper: Path
) -> None:
    # No model for English → Chinese: the workbench opens on "No machine translation".
    command = termwise_command(review_project, paper).replace("--to es --no-mt", "--to zh")
    terminal = Terminal(command, review_project.root)
    try:
        terminal.wait_for(r"No machine translation installed for this pair")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0", timeout=20)
    finally:
        terminal.close()


def test_the_editor_shows_its_focus_and_keys(review_project: ProjectLayout, paper: Path) -> None:
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        assert "Back to grid" not in terminal.screen()
        terminal.keys("Enter")
        terminal.wait_for(r"─ Editing ─")
        screen = terminal.wait_for(r"Next segment\s+esc Back to grid").string
        assert "⏎ Edit " not in screen
        terminal.type("Escrito en el editor")
        terminal.keys("Escape")
        terminal.wait_for(r"⏎ Edit ")
        assert "─ Editing ─" not in terminal.screen()
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0", timeout=20)
    finally:
        terminal.close()
    tfile = TranslationFile.load(review_project.translation_file(paper, "es"))
    assert next(iter(tfile.units.values())).target == "Escrito en el editor"


def test_declining_mt_for_good_is_not_asked_again(
    review_project: ProjectLayout, paper: Path
) -> None:
    # No model for English → Chinese: the question came at every opening of the project.
    command = termwise_command(review_project, paper).replace("--to es --no-mt", "--to zh")
    config = review_project.root / "termwise.toml"
    assert not config.exists()
    terminal = Terminal(command, review_project.root)
    try:
        terminal.wait_for(r"do not ask again in this project")
        # Shown as written: markup took "[mt]" for a tag and printed "writes  on-opening".
        assert re.search(r"writes\s+\[mt\] on-opening = false", terminal.screen())
        terminal.keys("Down", "Enter")  # "this time" is highlighted; the next says never
        terminal.wait_for(r"\[mt\] on-opening = false\. F2")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0", timeout=20)
    finally:
        terminal.close()
    assert "[mt]\non-opening = false\n" in config.read_text(encoding="utf-8")
    terminal = Terminal(command, review_project.root)
    try:
        terminal.wait_for(r"English → Chinese .* 102 new")
        time.sleep(1.5)
        assert "No machine translation installed" not in terminal.screen()
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0", timeout=20)
    finally:
        terminal.close()
    # --mt asks again, whatever the project says.
    terminal = Terminal(command.replace("--to zh", "--to zh --mt"), review_project.root)
    try:
        terminal.wait_for(r"No machine translation installed for this pair")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0", timeout=20)
    finally:
        terminal.close()
