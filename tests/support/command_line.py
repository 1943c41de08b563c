"""Running termwise as a user does, in a child process, for the tests of a command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``termwise ARGS`` run in ``cwd`` with this interpreter (and so this termwise)."""
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        # As CI runs it: no terminal to read from (a command waiting on one hangs no test).
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
