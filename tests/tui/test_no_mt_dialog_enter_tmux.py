"""In a real terminal: the workbench opens on a pair no engine serves (English → Chinese, no
Argos model, no Apertium pair), and its MT on opening asks what to do. An Enter there, the
one a translator presses without reading, goes on without MT: it started the model's
download (a toast said "Model not installed" where, as here, the index was out of reach)."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal, termwise_command


def test_enter_on_the_no_mt_dialog_reviews_without_mt(
    review_project: ProjectLayout, paper: Path
) -> None:
    # As the tests' command line has it, for Chinese, with MT on opening.
    command = termwise_command(review_project, paper).replace("--to es --no-mt", "--to zh")
    terminal = Terminal(command, review_project.root, name="tuifix_no_mt")
    try:
        terminal.wait_for(r"No machine translation installed for this pair")
        terminal.keys("Enter")
        # Back in the grid: Enter opens the editor, Ctrl+R marks what was typed reviewed.
        terminal.keys("Enter")
        terminal.type("人类命运共同体")
        terminal.keys("C-r")
        terminal.wait_for(r"1/102 segments reviewed")
        screen = terminal.screen()
        assert "Model not installed" not in screen, screen
        assert "No machine translation installed for this pair" not in screen, screen
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    # Not "do not ask again" either: the project's settings were not written.
    assert not review_project.config_path.exists()
