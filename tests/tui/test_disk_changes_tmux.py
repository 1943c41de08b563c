"""In a real terminal (tmux): another program locks one entry of the open translation file
and rewrites another's translation; the workbench shows both, and says so, while nobody
presses a key (it showed them at the next cursor move, check run or save)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_disk_changes_seen import LOCKED_GLYPH, lock, other_program_saves
from .test_e2e_tmux import Terminal, termwise_command

THEIRS = "Traducción guardada por otro programa."


def test_a_lock_and_a_translation_saved_by_another_program_show_without_a_key(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    rows = session.rows[:3]
    for number, row in enumerate(rows, start=1):
        session.set_target(row.segment_id, f"Traducción número {number}.")
    po = session.save()
    second, third = rows[1].segment_id, rows[2].segment_id
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 3 edited")
        assert not re.search(rf"^{LOCKED_GLYPH}", terminal.screen(), re.MULTILINE)
        other_program_saves(po, lock(third), ("Traducción número 2.", THEIRS))
        started = time.monotonic()
        # No key from here on: the watch (every 2 s) finds the change and merges it.
        terminal.wait_for(re.escape(THEIRS), timeout=20)
        terminal.wait_for(r"#3: read-only now", timeout=5)
        seen = time.monotonic() - started
        screen = terminal.screen()
        locked = [line for line in screen.splitlines() if line.startswith(LOCKED_GLYPH)]
        assert len(locked) == 1 and "Traducción número 3." in locked[0], screen
        assert "The project file changed on disk" in screen
        assert seen < 10, seen
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    on_disk = TranslationFile.load(po)
    assert on_disk.units[second].target == THEIRS
    assert "read-only" in on_disk.units[third].flags
