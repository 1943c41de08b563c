"""``termwise fix``: the workbench's fixes from the command line, on the seed paper.

The paper and the project's curated glossary are real: T01 appears in the paper under six
deprecated forms, one of them inflected ("destiny communities") and one the glossary says
to fix by hand.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.review_project import SEED, write_test_glossary
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

REPOSITORY = Path(__file__).resolve().parents[2]


def make_project(root: Path, *, curated: bool = True) -> Path:
    (root / "seeds").mkdir(parents=True)
    paper = root / "seeds" / SEED.name
    shutil.copy(SEED, paper)
    if curated:
        shutil.copytree(REPOSITORY / "glossary", root / "glossary")
    else:
        write_test_glossary(root / "glossary")
    return paper


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY / "src")}
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
    )


def t01_source_issues(session: ReviewSession) -> list[tuple[str, str, bool]]:
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    return [
        (issue.segment_id, issue.text, issue.fix is not None)
        for issue in session.issues
        if issue.concept == "T01" and issue.side == "source"
    ]


def test_fix_concept_everywhere_equals_the_workbench_v(tmp_path: Path, argos_env: Path) -> None:
    # What V does in the workbench, through the review session it drives.
    by_v = make_project(tmp_path / "workbench")
    session = ReviewSession(ProjectLayout.at(tmp_path / "workbench"), by_v, "es")
    t01_source_issues(session)
    first = next(
        issue
        for issue in session.issues
        if issue.concept == "T01" and issue.side == "source" and issue.fix is not None
    )
    session.apply_fix(session.plan_fix(first, "variants"))

    # The same from the command line, in a project with a reviewed translation.
    root = tmp_path / "cli"
    paper = make_project(root)
    before = ReviewSession(ProjectLayout.at(root), paper, "es")
    ids = [row.segment_id for row in before.rows]
    reviewed = next(i for i, text, _ in t01_source_issues(before) if text == "destiny communities")
    before.set_target(reviewed, "Una traducción revisada.")
    before.mark_reviewed(reviewed)
    before.save()
    original = paper.read_text(encoding="utf-8")

    result = termwise(root, "fix", str(paper), "--concept", "T01", "--everywhere")

    assert result.returncode == 1, result.stderr  # two forms are left to fix by hand
    assert paper.read_text(encoding="utf-8") == by_v.read_text(encoding="utf-8")
    assert (paper.parent / (paper.name + "~")).read_text(encoding="utf-8") == original
    assert re.search(
        r"left source-variant T01: #\d+ \w+: “destiny communities”: inflected here", result.stdout
    )
    assert "“community consciousness of human destiny”: no automatic fix: it says more" in (
        result.stdout
    )
    after = ReviewSession(ProjectLayout.at(root), paper, "es")
    assert [row.segment_id for row in after.rows] == ids
    assert {(text, fixable) for _, text, fixable in t01_source_issues(after)} == {
        ("destiny communities", False),
        ("community consciousness of human destiny", False),
    }
    unit = TranslationFile.load(before.translation_path).units[reviewed]
    assert (unit.target, unit.state) == ("Una traducción revisada.", SegmentState.REVIEWED)
    assert after.unit(reviewed).state is SegmentState.REVIEWED


def test_dry_run_diff_writes_nothing_and_exits_1(tmp_path: Path, argos_env: Path) -> None:
    paper = make_project(tmp_path)
    original = paper.read_text(encoding="utf-8")
    result = termwise(
        tmp_path,
        "fix",
        str(paper),
        "--concept",
        "T01",
        "--everywhere",
        "--dry-run",
        "--format",
        "diff",
    )
    assert result.returncode == 1, result.stderr
    assert paper.read_text(encoding="utf-8") == original
    assert not (paper.parent / (paper.name + "~")).exists()
    name = f"seeds/{SEED.name}"
    assert result.stdout.startswith(f"--- a/{name}\n+++ b/{name}\n")
    # It applies where the command ran, as a patch does.
    applied = subprocess.run(
        ["patch", "-p1", "--dry-run"], input=result.stdout, text=True, cwd=tmp_path,
        capture_output=True,
    )  # fmt: skip
    assert applied.returncode == 0, applied.stdout + applied.stderr
    removed = [
        line for line in result.stdout.splitlines() if line.startswith("-") and "destiny" in line
    ]
    assert removed
    assert "+ Abstract: China's construction of the community with a shared future for mankind" in (
        result.stdout
    )
    # What the diff cannot show (what is left to fix by hand) is said beside it.
    assert result.stderr.startswith("Would make ") and "left to fix by hand" in result.stderr


def test_without_everywhere_one_fix_like_x(tmp_path: Path, argos_env: Path) -> None:
    paper = make_project(tmp_path)
    result = termwise(tmp_path, "fix", str(paper), "--concept", "T25", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [item["text"] for item in report["fixed"]] == ["responsible big country"]
    assert report["remaining"] == [] and report["skipped"] == []
    # The paper wraps the variant ("responsible big" at a line's end): the break stays.
    assert "responsible major\ncountry" in paper.read_text(encoding="utf-8")

    result = termwise(tmp_path, "fix", str(paper), "--concept", "T01", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert len(report["fixed"]) == 1 and len(report["remaining"]) > 1
    assert {item["reason"][:14] for item in report["skipped"]} == {
        "inflected here",
        "no automatic f",
    }


def test_fix_in_the_translation_sends_review_back_and_keeps_backup(
    tmp_path: Path, argos_env: Path
) -> None:
    paper = make_project(tmp_path, curated=False)
    session = ReviewSession(ProjectLayout.at(tmp_path), paper, "es")
    segment = session.rows[0].segment_id
    session.set_target(segment, "Resumen: la comunidad de destino de la humanidad de China.")
    session.mark_reviewed(segment)
    session.save()
    saved = session.translation_path.read_bytes()

    result = termwise(tmp_path, "fix", str(paper), "--to", "es", "--concept", "T01", "--everywhere")

    assert result.returncode == 0, result.stdout + result.stderr
    unit = TranslationFile.load(session.translation_path).units[segment]
    assert unit.target == ("Resumen: la comunidad de futuro compartido de la humanidad de China.")
    # Reviewed was the text before the fix (test_fix_target_reviewed).
    assert unit.state is SegmentState.EDITED
    assert Path(str(session.translation_path) + "~").read_bytes() == saved
    assert paper.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_a_diff_of_the_translation_applies_where_the_command_ran(
    tmp_path: Path, argos_env: Path
) -> None:
    # Its file was named by its absolute path ("a//tmp/…"), which `patch -p1` cannot find.
    paper = make_project(tmp_path, curated=False)
    session = ReviewSession(ProjectLayout.at(tmp_path), paper, "es")
    segment = session.rows[0].segment_id
    session.set_target(segment, "Resumen: la comunidad de destino de la humanidad de China.")
    session.save()
    result = termwise(
        tmp_path, "fix", str(paper), "--to", "es", "--concept", "T01", "--everywhere",
        "--dry-run", "--format", "diff",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    name = f"translations/{SEED.stem}.es.po"
    assert result.stdout.startswith(f"--- a/{name}\n+++ b/{name}\n")
    applied = subprocess.run(
        ["patch", "-p1"], input=result.stdout, text=True, cwd=tmp_path, capture_output=True
    )
    assert applied.returncode == 0, applied.stdout + applied.stderr
    unit = TranslationFile.load(session.translation_path).units[segment]
    assert unit.target == "Resumen: la comunidad de futuro compartido de la humanidad de China."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--concept", "T99"), "concept(s) not in the glossary: T99"),
        (("--check", "no-such-check"), "unknown check(s): no-such-check"),
        (("--to", "de"), "no translation of"),
    ],
)
def test_unknown_concept_or_check_exits_2(
    tmp_path: Path, argos_env: Path, args: tuple[str, ...], message: str
) -> None:
    paper = make_project(tmp_path)
    result = termwise(tmp_path, "fix", str(paper), *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_check_turned_off_in_the_project_is_named_not_silently_skipped(
    tmp_path: Path, argos_env: Path
) -> None:
    # It said "Nothing to fix; nothing left." and exited 0: the check had not run.
    paper = make_project(tmp_path)
    (tmp_path / "termwise.toml").write_text(
        '[checks]\ndisable = ["source-variant"]\n', encoding="utf-8"
    )
    result = termwise(tmp_path, "fix", str(paper), "--check", "source-variant")
    assert result.returncode == 2
    assert "check(s) turned off in" in result.stderr and "source-variant" in result.stderr
    assert paper.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_the_original_source_outlives_a_second_fix(tmp_path: Path, argos_env: Path) -> None:
    # name~ holds the version before the last fix: after fixing T01 and then T02, the
    # client's original was in no file.
    paper = make_project(tmp_path)
    original = paper.read_bytes()
    for concept in ("T01", "T02"):
        result = termwise(tmp_path, "fix", str(paper), "--concept", concept, "--everywhere")
        assert result.returncode in (0, 1), result.stderr  # 1: some left to fix by hand
    assert paper.with_name(paper.name + ".orig").read_bytes() == original
    assert paper.read_bytes() != original
    assert f"the original as {paper}.orig" in result.stdout + result.stderr
