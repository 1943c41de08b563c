"""A save that fails never loses what the translator typed (in a real terminal, via tmux).

The project's ``translations`` folder is made unwritable for real: ``chattr +i`` (the tests
run as root, for whom ``chmod`` changes nothing), or, where that attribute cannot be set
(tmpfs, no chattr), the folder is moved away and a plain file put in its place. Either way
the workbench's save meets a real error from the file system.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_e2e_tmux import Terminal, termwise_command


class Unwritable:
    """Makes a folder refuse new files, and gives it back; ``restore`` is safe to repeat."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.away = folder.with_name(folder.name + ".away")
        self.how: str | None = None

    def block(self) -> None:
        if shutil.which("chattr"):
            done = subprocess.run(["chattr", "+i", str(self.folder)], capture_output=True)
            if done.returncode == 0 and not self._writable():
                self.how = "chattr"
                return
            subprocess.run(["chattr", "-i", str(self.folder)], capture_output=True)
        # No immutable flag here: a file where the folder was fails every save as well.
        self.folder.rename(self.away)
        self.folder.write_text("not a folder\n", encoding="utf-8")
        self.how = "file"

    def restore(self) -> None:
        if self.how == "chattr":
            subprocess.run(["chattr", "-i", str(self.folder)], check=True)
        elif self.how == "file":
            self.folder.unlink()
            self.away.rename(self.folder)
        self.how = None

    def _writable(self) -> bool:
        probe = self.folder / ".probe"
        try:
            probe.write_text("", encoding="utf-8")
        except OSError:
            return False
        probe.unlink()
        return True


def joined_screen(terminal: Terminal) -> str:
    """The screen with wrapped lines joined (a long path wraps at the terminal's edge)."""
    return terminal._tmux("capture-pane", "-p", "-J", "-t", "0")


def test_a_failed_save_keeps_the_work_until_a_save_works_or_a_recovery_file_has_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first, second = session.rows[0].segment_id, session.rows[1].segment_id
    session.set_target(second, "Ya traducida.")
    session.save()
    po_path = session.translation_path
    folder = Unwritable(po_path.parent)
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 1 edited")
        folder.block()
        terminal.keys("Enter", "C-a")
        terminal.type("Texto uno.")
        terminal.keys("Escape")
        terminal.wait_for(r"Not saved:")
        told = terminal.screen()
        # Said once ("Not saved: …po: not saved: …" said it twice), and no advice the
        # workbench cannot follow: it has no Save-as.
        assert told.lower().count("not saved") == 1, told
        assert "elsewhere" not in told
        assert re.search(r"press\s+Ctrl\+S", told), told
        terminal.keys("C-q")
        terminal.wait_for(r"press Ctrl\+Q again")
        # The folder is writable again: the save key writes the edit (it said "Everything
        # is saved" and wrote nothing, and the next quit dropped the edit).
        folder.restore()
        terminal.keys("C-s")
        terminal.wait_for(r"\bSaved\b")
        assert TranslationFile.load(po_path).units[first].target == "Texto uno."
        # Broken again, and the translator leaves anyway (the quit key twice): the work
        # goes to a recovery file, the exit says where, and its status is not 0.
        folder.block()
        terminal.keys("Down", "Enter", "C-a")
        terminal.type("Texto dos.")
        terminal.keys("Escape")
        terminal.wait_for(r"Not saved:")
        terminal.keys("C-q")
        terminal.wait_for(r"press Ctrl\+Q again")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited [1-9]")
        told = joined_screen(terminal)
    finally:
        folder.restore()
        terminal.close()

    recovered_folder = Path(os.environ["XDG_STATE_HOME"]) / "termwise" / "recovered"
    recovered = sorted(recovered_folder.glob("*.po"))
    assert len(recovered) == 1
    assert str(recovered[0]) in told
    assert f"cp '{recovered[0]}' '{po_path}'" in told
    kept = TranslationFile.load(recovered[0]).units
    assert kept[first].target == "Texto uno."
    assert kept[second].target == "Texto dos."
    # The project file was not touched by the failed saves.
    assert TranslationFile.load(po_path).units[second].target == "Ya traducida."


def test_a_recovery_file_goes_beside_the_project_file_when_the_state_folder_fails(
    review_project: ProjectLayout, paper: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from termwise.tui.running import keep_unsaved

    session = ReviewSession(review_project, paper, "es")
    session.save()
    segment = session.rows[0].segment_id
    session.set_target(segment, "Sin guardar.")
    blocked = tmp_path / "state-is-a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    first = keep_unsaved(session)
    again = keep_unsaved(session)
    assert first is not None and again is not None
    assert first.parent == session.translation_path.parent
    # A second recovery never replaces the first.
    assert first != again
    assert TranslationFile.load(first).units[segment].target == "Sin guardar."
    # Not a translation of the project: the workbench and `check` see Spanish only.
    assert review_project.translation_languages(paper) == ["es"]
