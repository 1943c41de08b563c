"""In a real terminal (tmux): another program saves the open translation file while a dialog
is open. The merge waits for the dialog (the rows changed under it, and a fix previewed on a
segment that program had just rewritten was applied to its new text), and comes right after
the dialog closes, without another key."""

from __future__ import annotations

import re
import time
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_disk_changes_seen import MERGE_TITLE, other_program_saves
from .test_e2e_tmux import Terminal, termwise_command

THEIRS = "Traducción guardada por otro programa."
FORBIDDEN = "la comunidad de destino de la humanidad"


def test_a_save_by_another_program_waits_for_the_open_dialog(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    rows = session.rows[:3]
    for number, row in enumerate(rows, start=1):
        session.set_target(row.segment_id, f"Traducción número {number}.")
    po = session.save()
    second = rows[1].segment_id
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 3 edited")
        terminal.keys("C-o")  # a note for the first segment: a dialog
        terminal.wait_for(r"Note for ")
        terminal.type("revisar con el cliente")
        other_program_saves(po, ("Traducción número 2.", THEIRS))
        # Three looks at the file (every 2 s) while the dialog is open: nothing merged.
        time.sleep(6.5)
        screen = terminal.screen()
        assert THEIRS not in screen and MERGE_TITLE not in screen, screen
        assert "Note for " in screen
        terminal.keys("Enter")  # the note is saved, the dialog closes
        started = time.monotonic()
        terminal.wait_for(re.escape(THEIRS), timeout=10)
        terminal.wait_for(MERGE_TITLE, timeout=5)
        # Right after it closed, not at the next look.
        assert time.monotonic() - started < 1.9
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    on_disk = TranslationFile.load(po)
    assert on_disk.units[second].target == THEIRS
    assert on_disk.units[rows[0].segment_id].notes == "revisar con el cliente"
