"""A workbench killed (``kill -9``) reopens where its work was last saved, in a real terminal.

The walk through the aligned Bible: after ``kill -9`` the workbench reopened at #1 of 9,467
segments, for the place to reopen at was kept only on a clean quit. It is kept with each
save now.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession
from termwise.tui.position import last_position

from .test_e2e_tmux import Terminal, termwise_command


class WorkbenchTerminal(Terminal):
    """``Terminal`` that finds the workbench's process, to kill it."""

    def program_pid(self) -> int:
        """The process the pane's shell runs: the workbench."""
        shell = self._tmux("list-panes", "-t", "0", "-F", "#{pane_pid}").strip()
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", shell], capture_output=True, text=True, check=True
        ).stdout.split()
        assert len(children) == 1, children
        return int(children[0])


def test_a_killed_workbench_reopens_at_the_segment_of_its_last_save(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = [row.segment_id for row in ReviewSession(review_project, paper, "es").rows]
    command = termwise_command(review_project, paper)
    terminal = WorkbenchTerminal(command, review_project.root, name="tuijoin_x")
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys(*["Down"] * 6, "Enter", "C-a")
        terminal.wait_for(rf"#7 {ids[6]}")
        terminal.type("Séptima frase.")
        terminal.keys("Escape")
        po_path = review_project.translation_file(paper, "es")
        deadline = time.monotonic() + 30
        while not (
            po_path.exists() and TranslationFile.load(po_path).units[ids[6]].target
        ):  # the autosave, two seconds after typing
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.2)
        os.kill(terminal.program_pid(), signal.SIGKILL)
        terminal.wait_for(r"termwise exited 137")
    finally:
        terminal.close()

    assert last_position(paper, "es") == ids[6]
    terminal = WorkbenchTerminal(command, review_project.root, name="tuijoin_x")
    try:
        terminal.wait_for(r"English → Spanish .* 1 edited")
        terminal.keys("Enter")
        terminal.wait_for(rf"#7 {ids[6]}")
    finally:
        terminal.close()
