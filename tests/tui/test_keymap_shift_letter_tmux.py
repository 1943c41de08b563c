"""In a real terminal: Shift+A reaches the workbench as ``A``, so a keymap.toml binding on
``shift+a`` passed the key check and then never fired. It is refused, naming the key to
write (``A``), and that key works."""

from __future__ import annotations

import os
from pathlib import Path

from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal, termwise_command


def _keymap(text: str) -> Path:
    # The tests' own configuration folder (tests/conftest.py), which the terminal inherits.
    keymap = Path(os.environ["XDG_CONFIG_HOME"]) / "termwise" / "keymap.toml"
    keymap.parent.mkdir(parents=True, exist_ok=True)
    keymap.write_text(text)
    return keymap


def test_shift_and_a_letter_is_refused_naming_the_capital(
    review_project: ProjectLayout, paper: Path
) -> None:
    keymap = _keymap('"review.note" = "shift+a"\n')
    terminal = Terminal(
        termwise_command(review_project, paper), review_project.root, name="tui8_shift"
    )
    try:
        terminal.wait_for(r"termwise exited \d+", timeout=30)
        # Lines the pane wrapped joined again (-J): the message runs past its edge.
        screen = terminal._tmux("capture-pane", "-p", "-J", "-t", "0")
    finally:
        terminal.close()
    assert "termwise exited 2" in screen, screen
    assert f"{keymap}:1: review.note: 'shift+a' is not a key name;" in screen, screen
    assert "arrives as that character: write 'A'" in screen, screen


def test_the_capital_written_instead_fires_on_shift_and_the_letter(
    review_project: ProjectLayout, paper: Path
) -> None:
    _keymap('"review.note" = "A"\n')
    terminal = Terminal(
        termwise_command(review_project, paper), review_project.root, name="tui8_capital"
    )
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys("A")  # tmux sends Shift+A as a terminal does: the letter "A"
        terminal.wait_for(r"Note for ")
        terminal.keys("Escape", "C-q")
        terminal.wait_for(r"termwise exited 0", timeout=20)
    finally:
        terminal.close()
