"""End to end in a real terminal, the newcomer's walk-through: ``termwise review paper.txt --to
es`` open, ``termwise glossary add "gobernanza universal" --concept T21 --lang es`` in
another shell, then a term added to T21 in the workbench (F9, ``a``). ``key-terms.tbx`` was
rewritten from the workbench's copy in memory, and "gobernanza universal" was gone."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import termwise
from termwise.glossary import load_glossary

from .test_e2e_tmux import Terminal
from .test_glossary_changed_on_disk import other_shell

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


class PrivateTerminal(Terminal):
    """``Terminal`` on a socket of this test's own name (``tmux -L glossedit_…``)."""

    def __init__(self, command: str, cwd: Path, size: tuple[int, int] = (160, 50)) -> None:
        assert shutil.which("tmux"), "README command (b) installs tmux: these tests need it"
        self.socket = f"glossedit_{os.getpid()}_{time.monotonic_ns()}"
        env = {**os.environ, "TERM": "xterm-256color"}
        self._tmux(
            "new-session",
            "-d",
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            "-c",
            str(cwd),
            f"{command}; echo termwise exited $?; sleep 60",
            env=env,
        )


def test_a_term_added_in_another_shell_survives_a_term_added_in_the_workbench(
    tmp_path: Path, argos_env: Path
) -> None:
    from termwise.project.layout import ProjectLayout

    (tmp_path / "glossary").mkdir()
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", tmp_path / "glossary" / "key-terms.tbx")
    shutil.copy(SEED, tmp_path / "paper.txt")
    layout = ProjectLayout.at(tmp_path)
    source = Path(termwise.__file__).parents[1]
    command = f"PYTHONPATH={source} {sys.executable} -m termwise review paper.txt --to es --no-mt"
    terminal = PrivateTerminal(command, tmp_path)
    try:
        terminal.wait_for(r"English → Spanish")
        other_shell(
            layout, "glossary", "add", "gobernanza universal", "--concept", "T21", "--lang", "es"
        )
        terminal.wait_for(r"Glossary changed on disk: reloaded", timeout=20)
        terminal.keys("F9")
        terminal.type("gobernanza universal")
        terminal.keys("Down", "a")
        terminal.wait_for(r"Add a term to the glossary")
        terminal.type("gobernanza del mundo")
        # To the concept (T21, the term's), the language (es), the status (offered), add.
        terminal.keys("Enter", "Enter", "Enter", "Enter")
        terminal.wait_for(r"Added 'gobernanza del mundo'")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    terms = {
        term.text: term.status.value
        for term in load_glossary(layout.glossary_dir).concept("T21").terms("es")
    }
    assert "gobernanza universal" in terms
    # A further variant, as `glossary add` would give it.
    assert terms["gobernanza del mundo"] == "deprecated"
