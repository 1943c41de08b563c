"""In a real terminal (tmux, a private socket): with the issues panel open beside the grid,
typing in a segment marks its issues "changed since checked" at once, and the mark goes
once the check run at the pause in typing is in. They stayed listed as found until then,
and a fix of one was refused with a reason the list had not shown."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_e2e_tmux import Terminal

FORBIDDEN = "La comunidad de destino de la humanidad."
MARK = "changed since checked"


def review_command(layout: ProjectLayout, paper: Path) -> str:
    """``python -m termwise``, with this Python and its PYTHONPATH (the checkout's ``src``)."""
    relative = paper.relative_to(layout.root)
    return f"{sys.executable} -m termwise --project {layout.root} review {relative} --to es --no-mt"


def test_typing_marks_the_segments_issues_until_they_are_checked_again(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first = session.rows[0].segment_id
    session.set_target(first, FORBIDDEN)
    po = session.save()
    terminal = Terminal(review_command(review_project, paper), review_project.root, name="tui4")
    try:
        terminal.wait_for(r"English → Spanish .* 1 edited")
        terminal.keys("F8")
        terminal.wait_for(r"\d+ issue\(s\) in \d+ check")
        terminal.wait_for(r"#1 target: comunidad de destino")
        assert MARK not in terminal.screen()
        # Enter: to the segment, into the grid (the panel stays beside it); Enter: editing.
        terminal.keys("Enter", "Enter", "C-End")
        # A word typed a key at a time, looking at the screen after each: the check run
        # waits for a pause in typing, so the mark must be there before it.
        seen = []
        for key in " mismo":
            terminal._tmux("send-keys", "-t", "0", "-l", key)
            time.sleep(0.1)
            seen.append(terminal.screen())
        marked = next((screen for screen in seen if f"#1 {MARK}" in screen), None)
        assert marked is not None, "never marked; last screen:\n" + seen[-1]
        assert re.search(rf"; \d+ {MARK}", marked), marked
        # Checked again at the pause: the same issue, found in the new text, unmarked.
        deadline = time.monotonic() + 20
        while MARK in terminal.screen():
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.2)
        terminal.wait_for(r"#1 target: comunidad de destino")
        terminal.keys("Escape", "C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    assert TranslationFile.load(po).units[first].target == FORBIDDEN + " mismo"
