"""In a real terminal: Down, Down, Down and ``s`` sent at once in the glossary's search
field (F9) open the status picker of the third term, on its status, and Down and Enter sent
at once after it change that term's status. The Downs after the first went to the search
field, and the ``s`` was typed into the search."""

from __future__ import annotations

import time
from pathlib import Path

from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal, termwise_command
from .test_glossary_status_picker import ADMITTED, status_of


def test_a_burst_of_keys_picks_the_third_terms_status(
    review_project: ProjectLayout, paper: Path
) -> None:
    terminal = Terminal(termwise_command(review_project, paper), review_project.root, name="tui6")
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys("F9")
        terminal.wait_for(r"Search the glossary")
        # One send-keys: the keys reach the workbench together, as a fast typist's do.
        terminal._tmux("send-keys", "-t", "0", "Down", "Down", "Down", "s")
        terminal.wait_for(rf"Status of '{ADMITTED}' \(T01\)", timeout=10)
        terminal._tmux("send-keys", "-t", "0", "Down", "Enter")
        deadline = time.monotonic() + 10
        while status_of(review_project, ADMITTED) == "admitted":
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.2)
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    assert status_of(review_project, ADMITTED) == "deprecated"
