"""``termwise fix --everywhere`` where two fixes of one segment overlap.

A quotation in straight quotes around a superseded term gets a typography fix (the whole
quotation) and a term fix (the term inside it). Both were counted while only the term fix
was made: the report said "Made 4 change(s)", the next run found the quotes again. In the
translation the term fix goes first and the quotes are found again in its result and fixed
in the same run; in the source file, which a second pass would rewrite twice, the fix that
overlaps is left and named.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_fix_command import make_project
from .test_fix_report import FORBIDDEN, OFFICIAL, termwise

QUOTED = f'La idea de "{FORBIDDEN}" es central.'
APART = f'Otra frase con "comillas" y la {FORBIDDEN}.'

# The project's own check of the source, whose span lies inside a glossary fix's span.
INSIDE_A_TERM = """\
[[checks.regex]]
id = "destiny"
pattern = "human destiny"
replacement = "shared future"
side = "source"
message = "say shared future"
"""


def translated(root: Path) -> tuple[Path, list[str]]:
    """The seed paper with two segments translated: one quotes the superseded term, one has
    a quotation and the term apart. (paper, the two segment ids)."""
    paper = make_project(root, curated=False)
    session = ReviewSession(ProjectLayout.at(root), paper, "es")
    ids = [session.rows[2].segment_id, session.rows[3].segment_id]
    session.set_target(ids[0], QUOTED)
    session.set_target(ids[1], APART)
    session.save()
    return paper, ids


def test_a_quotation_around_a_term_gets_both_fixes_in_one_run(
    tmp_path: Path, argos_env: Path
) -> None:
    paper, ids = translated(tmp_path)
    selected = ("--check", "term-forbidden", "--check", "typography")

    dry = termwise(
        tmp_path,
        "fix",
        str(paper),
        "--to",
        "es",
        "--everywhere",
        "--dry-run",
        "--format",
        "json",
        *selected,
    )
    report = json.loads(dry.stdout)
    assert sorted(change["replacement"] for change in report["changes"]) == sorted(
        [OFFICIAL, f"«{OFFICIAL}»", OFFICIAL, "«comillas»"]
    )
    assert report["overlapping"] == []

    done = termwise(tmp_path, "fix", str(paper), "--to", "es", "--everywhere", *selected)
    assert done.returncode == 0, done.stdout + done.stderr
    fixed = [line for line in done.stdout.splitlines() if ": fixed " in line]
    assert len(fixed) == 4, done.stdout
    assert re.search(r"Made 4 change\(s\) in 2 segment\(s\) of .*; nothing left\.", done.stdout)
    units = TranslationFile.load(ProjectLayout.at(tmp_path).translation_file(paper, "es")).units
    assert units[ids[0]].target == f"La idea de «{OFFICIAL}» es central."
    assert units[ids[1]].target == f"Otra frase con «comillas» y la {OFFICIAL}."

    # What was counted was made: nothing is found again.
    again = termwise(tmp_path, "fix", str(paper), "--to", "es", "--everywhere", *selected)
    assert again.returncode == 0, again.stdout
    assert "Nothing to fix; nothing left." in again.stdout


def test_a_source_fix_inside_another_is_left_and_named_not_counted(
    tmp_path: Path, argos_env: Path
) -> None:
    paper = make_project(tmp_path, curated=False)
    (tmp_path / "termwise.toml").write_text(INSIDE_A_TERM, encoding="utf-8")
    selected = ("--check", "source-variant", "--check", "destiny")

    done = termwise(tmp_path, "fix", str(paper), "--everywhere", *selected)
    # It stopped with a traceback ("source edits overlap") and wrote nothing.
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stdout + done.stderr
    fixed = [line for line in done.stdout.splitlines() if ": fixed " in line]
    left = [line for line in done.stdout.splitlines() if "overlaps the change of" in line]
    assert left and all(": left destiny: " in line for line in left), done.stdout
    made = re.search(r"Made (\d+) change\(s\)", done.stdout)
    assert made is not None and int(made[1]) == len(fixed), done.stdout
    assert f"; {len(left)} overlapping another change (run fix again)." in done.stdout
    text = paper.read_text(encoding="utf-8")
    assert "community of human destiny" not in text

    # The run after checks them anew: the term fix took their words away.
    again = termwise(tmp_path, "fix", str(paper), "--everywhere", *selected)
    assert "overlaps" not in again.stdout, again.stdout
