"""In a real terminal: a keymap.toml that moves Accept MT to a key no terminal sends
(``ctrl+enterr``) stops ``termwise review`` before the workbench opens, with the file, the
line and the key meant. The workbench used to open with ``^enterr Accept MT`` in its footer,
and Ctrl+T did nothing."""

from __future__ import annotations

import os
from pathlib import Path

from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal, termwise_command


def test_a_key_no_terminal_sends_stops_the_workbench_with_the_key_meant(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The tests' own configuration folder (tests/conftest.py), which the terminal inherits.
    keymap = Path(os.environ["XDG_CONFIG_HOME"]) / "termwise" / "keymap.toml"
    keymap.parent.mkdir(parents=True, exist_ok=True)
    keymap.write_text('"review.note" = "ctrl+o"\n"review.accept_mt" = "ctrl+enterr"\n')
    terminal = Terminal(termwise_command(review_project, paper), review_project.root, name="tui6")
    try:
        terminal.wait_for(r"termwise exited \d+", timeout=30)
        # Lines the pane wrapped joined again (-J): the message runs past its edge.
        screen = terminal._tmux("capture-pane", "-p", "-J", "-t", "0")
    finally:
        terminal.close()
    assert "termwise exited 2" in screen, screen
    assert (
        f"{keymap}:2: review.accept_mt: 'ctrl+enterr' is not a key name; did you mean 'ctrl+enter'?"
    ) in screen, screen
    assert "Accept MT" not in screen
