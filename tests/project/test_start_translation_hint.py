"""The way to start a missing translation that a read-only command gives works: ``translate``
where an engine serves the pair, else ``review`` (a translation made by hand)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termwise.mt import available_engines

REPORT = "# Trade report\n\nThe agreement covers agriculture and industry.\n"


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_stats_names_review_where_no_engine_serves_the_pair(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_text(REPORT, encoding="utf-8")
    # A language no engine here translates English into (Apertium has eng-spa, not these).
    unserved = next(
        (lang for lang in ("fr", "fi", "cy", "eu") if not available_engines("en", lang)), None
    )
    if unserved is None:
        pytest.skip("an MT engine serves every candidate pair here")
    result = termwise("stats", "report.md", "--to", unserved, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        f"no machine translation for en → {unserved} is installed, so start one by hand "
        f"with: termwise review report.md --to {unserved} (or install a model for termwise "
        f"translate: termwise models install en {unserved}), or bring in" in result.stderr
    ), result.stderr
    assert "start one with: termwise translate" not in result.stderr
    # Where Apertium serves the pair, MT is the way to start.
    assert available_engines("en", "es"), "Debian's apertium-eng-spa is needed"
    served = termwise("stats", "report.md", "--to", "es", cwd=tmp_path)
    assert "start one with: termwise translate report.md --to es, or" in served.stderr
