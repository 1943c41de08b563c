"""In a real terminal (tmux): another program deletes an entry of the open translation file
(its segment still in the document). The workbench keeps the segment's translation and
writes the entry back, and its toast now says so; it said "nothing in it differs from the
workbench's version, and nothing here changed", and the entry came back unannounced."""

from __future__ import annotations

import re
import time
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_disk_changes_seen import other_program_saves
from .test_e2e_tmux import Terminal, termwise_command


def test_an_entry_deleted_by_another_program_is_announced_and_written_back(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    rows = session.rows[:3]
    for number, row in enumerate(rows, start=1):
        session.set_target(row.segment_id, f"Traducción número {number}.")
    po = session.save()
    second = rows[1].segment_id
    text = po.read_text(encoding="utf-8")
    start = text.index(f'msgctxt "{second}"')
    entry = text[start : text.index("\n\n", start) + 2]
    assert "Traducción número 2." in entry
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 3 edited")
        other_program_saves(po, (entry, ""))
        assert second not in TranslationFile.load(po).units
        # No key: the watch (every 2 s) merges it in and says what happened.
        terminal.wait_for(r"#2: removed in the other program's file", 20)
        screen = terminal.screen()
        # The toast's lines (it wraps them), after its left edge.
        toast = " ".join(line.split("▌")[-1].strip() for line in screen.splitlines() if "▌" in line)
        assert "#2: removed in the other program's file; kept here and saved back." in toast, screen
        assert "nothing in it differs" not in toast, screen
        deadline = time.monotonic() + 20
        while second not in TranslationFile.load(po).units:
            assert time.monotonic() < deadline, "the entry was never written back"
            time.sleep(0.2)
        assert re.search(r"English → Spanish .* 3 edited", terminal.screen())
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    assert TranslationFile.load(po).units[second].target == "Traducción número 2."
