"""In a real terminal: ``a`` in the glossary's list and a new term right after it, typed at
once as a fast typist gives it, or pasted (a bracketed paste, as a terminal sends one).

The letters after ``a`` were on their way through the list when the dialog opened, and its
Term field got the focus after them: the first letters were lost, and an ``s`` among them
opened the status dialog of the list's term. Then only keys were held while the dialog
opened: a paste went to the list, and the dialog opened with an empty Term field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal, termwise_command

TYPED = "gobernanza sostenible"
PASTED = "desarrollo pacífico"


def _add_term(
    review_project: ProjectLayout,
    paper: Path,
    name: str,
    term: str,
    send: Callable[[Terminal], None],
) -> list[tuple[str, str]]:
    """The glossary's Spanish terms after ``send`` gave ``a`` and ``term`` to the glossary's
    list and the dialog that opened added it."""
    terminal = Terminal(termwise_command(review_project, paper), review_project.root, name=name)
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys("F9")
        terminal.wait_for(r"Search the glossary")
        terminal.keys("Down")
        send(terminal)
        terminal.wait_for(r"Add a term to the glossary")
        # The whole term in the Term field, the first field, and no other dialog on top.
        terminal.wait_for(rf"Term\s.*\n.*\n.*▊  {term}\s+▎", timeout=10)
        # To the concept (the segment's), the language (es), the status (offered), add.
        terminal.keys("Enter", "Enter", "Enter", "Enter")
        terminal.wait_for(rf"Added '{term}'", timeout=10)
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    return [
        (concept.id, entry.text)
        for concept in load_glossary(review_project.glossary_dir).concepts
        for entry in concept.terms("es")
    ]


def test_a_term_typed_with_the_key_that_opens_its_dialog_goes_into_its_field(
    review_project: ProjectLayout, paper: Path
) -> None:
    terms = _add_term(
        review_project, paper, "tui5", TYPED, lambda terminal: terminal.type("a" + TYPED)
    )
    added = [(concept, text) for concept, text in terms if "gobernanza" in text]
    assert added == [("T01", TYPED)]


def test_a_term_pasted_after_the_key_that_opens_its_dialog_goes_into_its_field(
    review_project: ProjectLayout, paper: Path
) -> None:
    terms = _add_term(
        review_project, paper, "tui7", PASTED, lambda terminal: terminal.key_then_paste("a", PASTED)
    )
    added = [(concept, text) for concept, text in terms if text == PASTED]
    assert added == [("T01", PASTED)]
