"""A Word export draws a progress bar on a terminal, as ``translate`` does.

A book's Word edition takes a while and said nothing until it was written. In a real
terminal (tmux on a private socket) the export now draws the bar ``translate`` draws on
standard error; with standard error not a terminal (a pipe, a log), it draws nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .cjk_project import make_project

SENTENCES = [f"Turbine {number} was checked in May." for number in range(1, 301)]
SPANISH = {sentence: sentence.replace("Turbine", "La turbina") for sentence in SENTENCES}
LABEL = "Writing the Word edition"


def _paper(tmp_path: Path) -> Path:
    paragraphs = [" ".join(SENTENCES[start : start + 3]) for start in range(0, 300, 3)]
    return make_project(tmp_path / "proj", "\n\n".join(paragraphs) + "\n", "en", "es", SPANISH)


def _in_terminal(command: str, cwd: Path) -> str:
    """The screen ``command`` leaves in a tmux terminal once it has exited."""
    assert shutil.which("tmux"), "README command (b) installs tmux: these tests need it"
    socket = f"editions_progress_{os.getpid()}_{time.monotonic_ns()}"

    def tmux(*args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", socket, *args], capture_output=True, text=True, check=True
        ).stdout

    tmux(
        "new-session", "-d", "-x", "150", "-y", "20", "-c", str(cwd),
        f"{command}; echo exited $?; sleep 60",
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while "exited" not in (screen := tmux("capture-pane", "-p", "-t", "0")):
            assert time.monotonic() < deadline, screen
            time.sleep(0.2)
        return screen
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def test_a_word_export_draws_a_bar_on_a_terminal(tmp_path: Path) -> None:
    paper = _paper(tmp_path)
    path = os.environ.get("PYTHONPATH", "")
    command = (
        f"PYTHONPATH={path} {sys.executable} -m termwise export {paper.name} --to es "
        "-o paper.es.docx"
    )
    screen = _in_terminal(command, paper.parent)
    assert "exited 0" in screen, screen
    assert LABEL in screen and "100%" in screen, screen


def test_a_word_export_draws_nothing_into_a_pipe(tmp_path: Path) -> None:
    paper = _paper(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "termwise", "export", paper.name, "--to", "es", "-o", "x.docx"],
        cwd=paper.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert LABEL not in done.stderr and "%" not in done.stderr, done.stderr
