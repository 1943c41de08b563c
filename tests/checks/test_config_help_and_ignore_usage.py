"""``check --config-help`` (the ``[checks]`` keys of termwise.toml), the issue id in the HTML
report, and ``--ignore`` without ``--reason`` refused as every other usage error is."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.glossary import save_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "paper.txt").write_text(
        "Building a community of human destiny is the goal.\n", encoding="utf-8"
    )
    glossary = Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("community with a shared future for mankind", "en"),
                    Term("community of human destiny", "en", TermStatus.DEPRECATED),
                ],
            )
        ]
    )
    (tmp_path / "glossary").mkdir()
    save_glossary(glossary, tmp_path / "glossary" / "terms.tbx")
    return tmp_path


def test_config_help_lists_every_checks_key_with_type_default_and_effect(project: Path) -> None:
    result = termwise(project, "check", "--config-help")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    tolerance = next(line for line in lines if line.startswith("length-ratio.tolerance "))
    assert re.search(r"number over 1\s+2\.5\s+length-ratio reports", tolerance), tolerance
    ignore_case = next(line for line in lines if line.startswith("consistency.ignore-case "))
    assert re.search(r"boolean\s+false\s+case alone", ignore_case), ignore_case
    side = next(line for line in lines if line.startswith("[[regex]].side "))
    assert '"target"' in side
    rows = json.loads(termwise(project, "check", "--config-help", "--format", "json").stdout)
    assert {"disable", "enable", "spelling.words", "[[regex]].pattern"} <= {r["key"] for r in rows}
    assert {row["key"]: row["default"] for row in rows}["consistency.ignore-whitespace"] == "true"


def test_config_help_works_where_termwise_toml_does_not_validate(project: Path) -> None:
    # The help is what a user reads to mend the file it refuses.
    (project / "termwise.toml").write_text("[checks]\ndisable = ['no-such-check']\n")
    assert termwise(project, "check", "paper.txt").returncode == 2
    result = termwise(project, "check", "--config-help")
    assert result.returncode == 0 and "disable" in result.stdout


def test_the_html_report_labels_the_id_that_ignore_takes(project: Path) -> None:
    issues = json.loads(termwise(project, "check", "paper.txt", "--format", "json").stdout)
    issue_id = issues[0]["id"]
    result = termwise(project, "check", "paper.txt", "--format", "html")
    assert result.returncode == 0, result.stderr
    text = html.unescape(re.sub(r"<[^>]+>", " ", result.stdout))
    assert f"issue id {issue_id} (for --ignore)" in text
    assert f"source id {issue_id}" not in " ".join(text.split())


def test_ignore_without_reason_is_refused_in_the_projects_style(project: Path) -> None:
    issues = json.loads(termwise(project, "check", "paper.txt", "--format", "json").stdout)
    result = termwise(project, "check", "paper.txt", "--ignore", issues[0]["id"])
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "termwise: error: --ignore needs --reason: say why it is a false alarm"
    ]
