"""Running termwise as a user does, in a child process, for the tests of a command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``termwise ARGS`` run in ``cwd`` with this interpreter (and so this termwise)."""
    return _python("from termwise.cli import main; main()", *args, cwd=cwd)


# termwise as a user runs it, but for another program that rewrites a translation file (sed
# replacing argv[1] by argv[2]) the moment the command's save of it has checked the file and
# is about to put its own in place (``swap.BEFORE_SWAP``), once.
_RACED = """
import subprocess, sys
from termwise.project import swap
old, new = sys.argv[1], sys.argv[2]

def other_program_saves(target):
    if target.suffix != ".po":
        return
    swap.BEFORE_SWAP.remove(other_program_saves)
    subprocess.run(["sed", "-i", f"s/{old}/{new}/", str(target)], check=True)

swap.BEFORE_SWAP.append(other_program_saves)
sys.argv[1:] = sys.argv[3:]
from termwise.cli import main
main()
"""


def termwise_raced(old: str, new: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``termwise ARGS``, with ``old`` rewritten to ``new`` in the PO file it saves by another
    program between the save's last check and its swap."""
    return _python(_RACED, old, new, *args, cwd=cwd)


def _python(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        # As CI runs it: no terminal to read from (a command waiting on one hangs no test).
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
