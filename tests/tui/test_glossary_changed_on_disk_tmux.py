"""End to end in a real terminal, the newcomer's walk-through: ``termwise review paper.txt --to
es`` open, ``termwise glossary add "gobernanza universal" --concept T21 --lang es`` in
another shell, then a term added to T21 in the workbench (F9, ``a``). ``key-terms.tbx`` was
rewritten from the workbench's copy in memory, and "gobernanza universal" was gone."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import termwise
from termwise.glossary import load_glossary

from .test_e2e_tmux import Terminal
from .test_glossary_changed_on_disk import other_shell

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


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
    terminal = Terminal(command, tmp_path, name="glossedit")
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
