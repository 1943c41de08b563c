"""A "!" right after "<" ("<!--", "<!DOCTYPE") is markup's, not an exclamation's: a
Markdown comment left unclosed stays in Apertium's Spanish as written, and the typography
check said "Spanish opens with ¡ what ends with !" and offered to insert "¡"."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _termwise(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=300,
    )


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium not installed")
def test_an_unclosed_comment_is_no_exclamation(tmp_path: Path) -> None:
    source = tmp_path / "c.md"
    source.write_text(
        "An arrow <!-- is not closed here and it follows.\n\nWhat a day it was!\n",
        encoding="utf-8",
    )
    translated = _termwise(
        tmp_path, "translate", "c.md", "--to", "es", "--engine", "apertium", "--no-cache"
    )
    assert translated.returncode == 0, translated.stderr
    assert "<!--" in (tmp_path / "translations" / "c.es.po").read_text(encoding="utf-8")
    checked = _termwise(tmp_path, "check", "c.md", "--to", "es")
    assert checked.returncode == 0, checked.stderr
    lines = [line for line in checked.stdout.splitlines() if "¡" in line]
    # The real exclamation of the second paragraph is still found, the comment is not.
    assert len(lines) == 1, checked.stdout
    assert "<!" not in lines[0]
