"""In a real terminal: a bracketed paste into the editor goes in once, and once is saved.

The editor's paste handler called TextArea's after its own check of a read-only segment, and
Textual runs every class's handler down the hierarchy as well: each paste went in twice
("abc def" became "abc defabc def"), and the doubled text was saved to the PO file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile

from .test_e2e_tmux import Terminal, termwise_command


class PastingTerminal(Terminal):
    """A terminal whose user pastes on its own, as a terminal sends a clipboard's text."""

    def paste(self, text: str) -> None:
        self._tmux("set-buffer", "-b", "pasted", text)
        self._tmux("paste-buffer", "-p", "-b", "pasted", "-t", "0")


@pytest.mark.parametrize("text", ["该网站由团队用Python 3编写。", "abc def"])
def test_a_paste_into_the_editor_is_saved_once(
    review_project: ProjectLayout, paper: Path, text: str
) -> None:
    terminal = PastingTerminal(
        termwise_command(review_project, paper), review_project.root, name="tui8_paste"
    )
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys("Enter")
        terminal.wait_for(r"Editing")
        terminal.keys("C-a", "BSpace")
        terminal.paste(text)
        terminal.wait_for(re.escape(text[:6]))
        terminal.keys("Escape", "C-s")
        terminal.wait_for(r"Saved\s|Everything is saved")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    tfile = TranslationFile.load(review_project.translation_file(paper, "es"))
    first = next(iter(tfile.units.values()))
    assert first.target == text
