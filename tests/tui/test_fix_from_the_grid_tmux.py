"""In a real terminal: F8, Enter on a typography issue (into the grid), `x` fixes it there.
The key did nothing, without a word, while the panel still showed "[x: fix]"."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile

from .test_e2e_tmux import Terminal, termwise_command


def test_enter_on_an_issue_then_x_fixes_it_in_the_grid(
    review_project: ProjectLayout, paper: Path
) -> None:
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        # The second segment, translated with straight quotes (Spanish wants «…»).
        terminal.keys("Down", "Enter")
        terminal.type('La "comunidad" humana.')
        terminal.keys("Escape")
        # Both issues of the finished text: its straight quotes and its length (a check run
        # at a pause in typing may count one of them, before the closing quote is typed).
        terminal.wait_for(r"#2 \w+ .*2 issue\(s\)")
        # F8 opens on the segment's issue; Enter goes to it, into the grid.
        terminal.keys("F8")
        terminal.wait_for(r"straight quotes")
        terminal.keys("Enter", "x")
        terminal.wait_for(r"Fixed 1 segment\(s\)", timeout=10)
        terminal.wait_for(r"La «comunidad» humana\.")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    tfile = TranslationFile.load(review_project.translation_file(paper, "es"))
    assert "La «comunidad» humana." in {unit.target for unit in tfile.units.values()}
