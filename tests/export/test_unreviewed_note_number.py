"""The export note on translations not reviewed yet agrees in number with its count."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("text", "edition", "memory"),
    [
        (
            "The agreement covers agriculture.\n",
            "1 translated segment is not reviewed yet and stands as [untranslated]; "
            "--include-unreviewed prints it, marked †",
            "1 translated segment is not reviewed yet and is left out; "
            "--include-unreviewed writes it with its state",
        ),
        (
            "The agreement covers agriculture. It covers industry too.\n",
            "2 translated segments are not reviewed yet and stand as [untranslated]; "
            "--include-unreviewed prints them, marked †",
            "2 translated segments are not reviewed yet and are left out; "
            "--include-unreviewed writes them with their state",
        ),
    ],
)
def test_one_segment_or_several(tmp_path: Path, text: str, edition: str, memory: str) -> None:
    (tmp_path / "report.md").write_text(text, encoding="utf-8")
    # Apertium's MT (Debian's apertium-eng-spa): a translation nobody reviewed yet.
    made = termwise("translate", "report.md", "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    shown = termwise("export", "report.md", "--to", "es", "-o", "report.es.md", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert f"note: {edition}\n" in shown.stderr
    kept = termwise("export", "report.md", "--to", "es", "-o", "report.es.tmx", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    assert f"note: {memory}\n" in kept.stderr
