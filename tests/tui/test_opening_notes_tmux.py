"""In a real terminal (tmux): the workbench says what opening the translation did to earlier
work. The command line prints it on standard error, which the workbench hides, so a German
note whose English an older termwise cut at "Anm. d." opened with two translations joined
into one segment, marked for review, and not a word about it."""

from __future__ import annotations

import sys
from pathlib import Path

from review.test_opening_notes import JOINED, OLD_PO, note_project
from termwise.project.layout import ProjectLayout

from .test_e2e_tmux import Terminal


def _toasts(screen: str) -> str:
    """The notifications' text as one line: each of their lines is what follows the
    toast's left edge ("▌ "), wrapped wherever the toast's width ends."""
    return " ".join(
        line.rpartition("▌ ")[2].strip() for line in screen.splitlines() if "▌ " in line
    )


def test_the_workbench_says_two_translations_were_joined(tmp_path: Path) -> None:
    document = note_project(tmp_path)
    executable = Path(sys.executable).with_name("termwise")
    program = str(executable) if executable.exists() else f"{sys.executable} -m termwise.cli"
    command = f"{program} --project {tmp_path} review note.txt --to en --from de --no-mt"
    terminal = Terminal(command, tmp_path)
    try:
        terminal.wait_for(r"German → English .* 1 edited")
        terminal.wait_for(r"note\.en\.po: 2 translations")
        assert JOINED in _toasts(terminal.screen())
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    # Nothing was edited: the file stays as the older termwise wrote it, and says so again
    # at the next opening.
    path = ProjectLayout.at(tmp_path).translation_file(document, "en")
    assert path.read_text(encoding="utf-8") == OLD_PO
