"""In a real terminal: ``a`` in the glossary's list and a term pasted right after it (a
bracketed paste, as a terminal sends a paste). Only keys were held while the add dialog
opened: the paste went to the list, and the dialog opened with an empty Term field."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal, termwise_command

TERM = "desarrollo pacífico"


def test_a_term_pasted_after_the_key_that_opens_its_dialog_goes_into_its_field(
    review_project: ProjectLayout, paper: Path
) -> None:
    terminal = Terminal(termwise_command(review_project, paper), review_project.root, name="tui7")
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys("F9")
        terminal.wait_for(r"Search the glossary")
        terminal.keys("Down")
        # One tmux command: ``a`` and the bracketed paste reach the workbench together.
        terminal._tmux("set-buffer", TERM)
        terminal._tmux("send-keys", "-t", "0", "a", ";", "paste-buffer", "-p", "-t", "0")
        terminal.wait_for(r"Add a term to the glossary")
        terminal.wait_for(rf"Term\s.*\n.*\n.*▊  {TERM}\s+▎", timeout=10)
        # To the concept (the segment's), the language (es), the status (offered), add.
        terminal.keys("Enter", "Enter", "Enter", "Enter")
        terminal.wait_for(rf"Added '{TERM}'", timeout=10)
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    added = [
        (concept.id, term.text)
        for concept in load_glossary(review_project.glossary_dir).concepts
        for term in concept.terms("es")
        if term.text == TERM
    ]
    assert added == [("T01", TERM)]
