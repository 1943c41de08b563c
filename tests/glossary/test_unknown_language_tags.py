"""A glossary language tag that names no language ("sp" typed for Spanish) is reported:
it passed validation, and its terms then served no ``--to es`` (no term checks, no forced
MT) while ``--to sp`` was refused, without a word from any command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.glossary.validate import validate_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


@pytest.fixture
def project(tmp_path: Path, argos_env: Path) -> Path:
    """The seed paper and the curated glossary, its Spanish sections tagged "sp" (in a home
    of its own: translate writes its MT cache there)."""
    shutil.copy(SEED, tmp_path / "paper.txt")
    (tmp_path / "glossary").mkdir()
    tbx = (ROOT / "glossary" / "key-terms.tbx").read_text(encoding="utf-8")
    assert 'xml:lang="es"' in tbx
    (tmp_path / "glossary" / "key-terms.tbx").write_text(
        tbx.replace('xml:lang="es"', 'xml:lang="sp"'), encoding="utf-8"
    )
    return tmp_path


def test_validate_reports_each_unknown_tag_with_its_line(project: Path) -> None:
    path = project / "glossary" / "key-terms.tbx"
    lines = path.read_text(encoding="utf-8").splitlines()
    tagged = [number for number, line in enumerate(lines, 1) if 'xml:lang="sp"' in line]
    problems = validate_file(path)
    assert [problem.line for problem in problems] == tagged
    assert all("'sp' is not a known language" in problem.message for problem in problems)
    result = termwise(project, "glossary", "validate", str(path))
    assert result.returncode == 1
    assert f"{path}:{tagged[0]}: xml:lang 'sp' is not a known language" in result.stdout
    # The curated glossary as it is stays valid.
    assert validate_file(ROOT / "glossary" / "key-terms.tbx") == []


def test_commands_that_load_the_glossary_warn_once(project: Path) -> None:
    glossary = project / "glossary" / "key-terms.tbx"
    for args in (("glossary", "show"), ("check", "paper.txt")):
        result = termwise(project, *args)
        assert result.returncode == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if "'sp'" in line]
        assert warnings == [
            f"termwise: warning: {glossary}: language tag 'sp' (26 terms) is not a known "
            "language; no translation uses those terms (termwise glossary validate lists where)"
        ]


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Apertium (en-es)")
def test_translate_says_why_the_glossary_forced_nothing(project: Path) -> None:
    (project / "termwise.toml").write_text('[mt]\nengine = "apertium"\n', encoding="utf-8")
    result = termwise(project, "translate", "paper.txt", "--to", "es")
    assert result.returncode == 0, result.stderr
    assert "language tag 'sp' (26 terms) is not a known language" in result.stderr
