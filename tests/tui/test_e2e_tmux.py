"""End to end in a real terminal: tmux runs ``termwise review`` on the seed paper.

Keys go in through ``tmux send-keys`` and the screen comes back through ``capture-pane``,
so this exercises the real driver, the real key parsing and the real process exit; the
test then reads what the process left on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polib

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile


class Terminal:
    """A tmux session on a private socket (``tmux -L <name>_…``, a name of the test's own
    where one is given), sized like a real terminal."""

    def __init__(
        self,
        command: str,
        cwd: Path,
        size: tuple[int, int] = (160, 50),
        *,
        name: str = "termwise-test",
    ) -> None:
        assert shutil.which("tmux"), "README command (b) installs tmux: these tests need it"
        self.socket = f"{name}_{os.getpid()}_{time.monotonic_ns()}"
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

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return result.stdout

    def keys(self, *keys: str, pause: float = 0.3) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "0", key)
            time.sleep(pause)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "0", "-l", text)
        time.sleep(0.3)

    def key_then_paste(self, key: str, text: str) -> None:
        """``key`` and a bracketed paste of ``text`` in one tmux command, so that they reach
        the program together, as a terminal sends a paste right after a key."""
        self._tmux("set-buffer", text)
        self._tmux("send-keys", "-t", "0", key, ";", "paste-buffer", "-p", "-t", "0")

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "0")

    def wait_for(self, pattern: str, timeout: float = 60.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while True:
            found = re.search(pattern, self.screen())
            if found:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never appeared; screen:\n{self.screen()}")
            time.sleep(0.2)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def wrapped(words: str) -> re.Pattern[str]:
    """``words`` as a wrapped text file may hold them: a line break for any space."""
    return re.compile(r"\s+".join(map(re.escape, words.split(" "))))


def termwise_command(layout: ProjectLayout, paper: Path) -> str:
    executable = Path(sys.executable).with_name("termwise")
    program = str(executable) if executable.exists() else f"{sys.executable} -m termwise.cli"
    relative = paper.relative_to(layout.root)
    return f"{program} --project {layout.root} review {relative} --to es --no-mt"


def test_review_in_tmux_translate_edit_fix_quit(
    review_project: ProjectLayout, paper: Path, installed_argos_package: Path
) -> None:
    original = paper.read_text(encoding="utf-8")
    # The paper wraps some occurrences over two lines: the fix must find those too.
    variant = wrapped("community of human destiny")
    variants = len(variant.findall(original))
    assert variants > 5
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        # Translate with the small real Argos package (F2), in a worker with a progress bar.
        terminal.keys("F2")
        terminal.wait_for(r"102 MT\s+·\s+0 new", timeout=120)
        # Edit the first translation: Enter opens the editor, Ctrl+A selects all of it.
        terminal.keys("Enter", "C-a")
        terminal.type("Resumen revisado por el traductor.")
        terminal.keys("Escape", "C-r")
        terminal.wait_for(r"1/102 segments reviewed")
        # Issues panel: it opens on this segment's source variant; fix it everywhere.
        terminal.keys("F8")
        terminal.wait_for(r"issue\(s\) in \d+ check")
        terminal.keys("X")
        terminal.wait_for(r"Replace 'community of human destiny' by 'community with a shared")
        terminal.keys("y")
        # The notice, not the new words: those wrap wherever the grid's columns end.
        terminal.wait_for(r"Source file changed")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()

    # The source file: every variant replaced, the original kept as a backup.
    fixed = paper.read_text(encoding="utf-8")
    assert not variant.search(fixed)
    # Where the file wraps a variant, the replacement keeps the line break.
    assert len(wrapped("community with a shared future for mankind").findall(fixed)) == variants
    assert paper.with_name(paper.name + "~").read_text(encoding="utf-8") == original
    # The project file: the edit is there, on the segment's old id, and back to needing
    # review: it was reviewed for the words the fix replaced (issue #18).
    po_path = review_project.translation_file(paper, "es")
    tfile = TranslationFile.load(po_path)
    first = next(iter(tfile.units.values()))
    assert first.target == "Resumen revisado por el traductor."
    assert first.state.value == "edited"
    assert first.previous_source and variant.search(first.previous_source)
    assert first.source.startswith(
        "Abstract: China's construction of the community with a shared future for mankind"
    )
    others = list(tfile.units.values())[1:]
    assert all(unit.mt and unit.mt_engine == "argos" for unit in others)
    assert all(unit.state.value == "mt" for unit in others)
    # polib reads the same file the same way.
    entry = next(e for e in polib.pofile(str(po_path)) if e.msgctxt == first.segment_id)
    assert entry.msgstr == first.target and "fuzzy" in entry.flags
    assert entry.previous_msgid and variant.search(entry.previous_msgid)


def test_a_closed_terminal_keeps_what_was_typed(review_project: ProjectLayout, paper: Path) -> None:
    """Closing the terminal (SIGHUP) quits as Ctrl+Q does: the last keys, typed before the
    autosave's debounce ran out, are written, and the process exits cleanly."""
    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    po_path = review_project.translation_file(paper, "es")
    try:
        terminal.wait_for(r"English → Spanish .* 102 new")
        terminal.keys("Enter")
        terminal.type("Escrito justo antes de cerrar")
        before_autosave = po_path.read_text(encoding="utf-8") if po_path.exists() else ""
        assert "Escrito justo antes de cerrar" not in before_autosave
    finally:
        terminal.close()  # the terminal goes away: SIGHUP to termwise
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if po_path.exists() and "Escrito justo antes" in po_path.read_text(encoding="utf-8"):
            break
        time.sleep(0.2)
    tfile = TranslationFile.load(po_path)
    first = next(iter(tfile.units.values()))
    assert first.target == "Escrito justo antes de cerrar"
    # And it leaves: with its terminal gone, Textual's shutdown could hang for good (about
    # one time in three), leaving the process behind.
    marker = f"--project {review_project.root} review"
    deadline = time.monotonic() + 40
    while _running(marker) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _running(marker), f"termwise ({marker}) still runs after its terminal closed"


def _running(marker: str) -> bool:
    """Whether a process whose command line contains ``marker`` runs (read from /proc)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker in cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                return True
        except OSError:
            continue  # it ended while we looked
    return False
