"""In a real terminal: ``a`` in the glossary's list and a new term typed at once, as a fast
typist or a paste gives them. The letters after ``a`` were on their way through the list
when the dialog opened, and its Term field got the focus after them: the first letters were
lost, and an ``s`` among them opened the status dialog of the list's term."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal, termwise_command

TERM = "gobernanza sostenible"


def test_a_term_typed_with_the_key_that_opens_its_dialog_goes_into_its_field(
    review_project: ProjectLayout, paper: Path
) -> None:
    terminal = Terminal(termwise_command(review_project, paper), review_project.root, name="tui5")
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys("F9")
        terminal.wait_for(r"Search the glossary")
        terminal.keys("Down")
        terminal.type("a" + TERM)
        terminal.wait_for(r"Add a term to the glossary")
        # The whole term in the Term field, the first field, and no other dialog on top.
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
        if "gobernanza" in term.text
    ]
    assert added == [("T01", TERM)]
