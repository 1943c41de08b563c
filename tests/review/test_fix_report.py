"""What ``termwise fix`` prints: places a translator can open, one line per change.

The audit's complaints, each pinned: a translation's fixes were printed at the PO file's
path with the source file's line and column (a header line of the PO); two checks that
flagged one span printed and counted two fixes for one replacement; a missing term was
"left" as empty quotes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import termwise as package
from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession

from .test_fix_command import make_project

FORBIDDEN = "comunidad de destino de la humanidad"
OFFICIAL = "comunidad de futuro compartido de la humanidad"

# Another check of the project's own that asks for the same replacement on the same span.
SAME_SPAN_RULE = f"""\
[[checks.regex]]
id = "old-name"
pattern = "{FORBIDDEN}"
replacement = "{OFFICIAL}"
side = "target"
message = "the old name"
"""


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command run from the termwise these tests import (not always this checkout's)."""
    source = Path(package.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
    )


def translated_first_segment(root: Path, target: str) -> tuple[Path, str]:
    """The seed paper with its first segment translated as ``target``: (paper, segment id)."""
    paper = make_project(root, curated=False)
    session = ReviewSession(ProjectLayout.at(root), paper, "es")
    segment = session.rows[0].segment_id
    session.set_target(segment, target)
    session.save()
    return paper, segment


def check_lines(root: Path, paper: Path) -> list[str]:
    return termwise(root, "check", str(paper), "--to", "es").stdout.splitlines()


def test_translation_fixes_point_where_check_does(tmp_path: Path, argos_env: Path) -> None:
    paper, segment = translated_first_segment(tmp_path, f"Resumen: la {FORBIDDEN} de China.")

    result = termwise(tmp_path, "fix", str(paper), "--to", "es", "--concept", "T01", "--dry-run")

    fixes = [line for line in result.stdout.splitlines() if ": would fix " in line]
    assert len(fixes) == 1, result.stdout
    # The source file's place and the segment (the PO entry's msgctxt, the workbench's #1),
    # never the PO file's path with a line of the source file.
    assert fixes[0].startswith(f"{paper}:"), fixes[0]
    assert f": #1 {segment}: target, col 13: “{FORBIDDEN}” → “{OFFICIAL}”" in fixes[0]
    assert ".po:" not in result.stdout
    # `check` names the same place and segment for the same issue.
    flagged = next(line for line in check_lines(tmp_path, paper) if ": term-forbidden: " in line)
    place = fixes[0].split(": would fix ")[0]
    assert flagged.startswith(f"{place}: term-forbidden: error: #1 {segment}: target, col ")
    report = json.loads(
        termwise(
            tmp_path, "fix", str(paper), "--to", "es", "--concept", "T01", "--format", "json"
        ).stdout
    )
    assert report["source_file"] == str(paper)
    assert [(c["segment"], c["position"]) for c in report["changes"]] == [(segment, 1)]


def test_one_line_and_one_count_per_change(tmp_path: Path, argos_env: Path) -> None:
    paper, segment = translated_first_segment(tmp_path, f"Resumen: la {FORBIDDEN} de China.")
    (tmp_path / "termwise.toml").write_text(SAME_SPAN_RULE, encoding="utf-8")
    both = ("--check", "term-forbidden", "--check", "old-name")

    result = termwise(tmp_path, "fix", str(paper), "--to", "es", "--everywhere", "--dry-run")

    fixes = [line for line in result.stdout.splitlines() if ": would fix " in line]
    assert len(fixes) == 1, result.stdout
    named = re.fullmatch(
        rf"{re.escape(str(paper))}:1:2: would fix (.+) T01: #1 (\w+): target, col 13: (.+)",
        fixes[0],
    )
    assert named is not None, fixes[0]
    assert set(named[1].split(", ")) == {"term-forbidden", "old-name"}
    assert (named[2], named[3]) == (segment, f"“{FORBIDDEN}” → “{OFFICIAL}”")
    assert "Would make 1 change(s) in 1 segment(s) of " in result.stdout
    assert "more fixable" not in result.stdout

    # Without --everywhere one change is made, as `x` makes it: the span is fixed for every
    # check that flagged it, so nothing selected is left. The project's own check is one
    # `--check` knows, as `check` does.
    done = termwise(tmp_path, "fix", str(paper), "--to", "es", *both)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"Made 1 change\(s\) in 1 segment\(s\) of .*; nothing left\.", done.stdout)


def test_a_missing_term_says_what_is_missing(tmp_path: Path, argos_env: Path) -> None:
    paper, segment = translated_first_segment(tmp_path, "Resumen: la construcción de China.")

    result = termwise(tmp_path, "fix", str(paper), "--to", "es", "--concept", "T01")

    assert result.returncode == 1
    left = [line for line in result.stdout.splitlines() if ": left term-missing " in line]
    assert len(left) == 1, result.stdout
    assert (
        f"left term-missing T01: #1 {segment}: target: the source has “community of human destiny”"
        in (left[0])
    )
    assert OFFICIAL in left[0] and "“”" not in left[0]
