"""Every command's exit status reaches the shell through the installed ``termwise`` script.

CliRunner calls the click group directly and so never sees what ``termwise.cli.main`` does
with a status; these tests run the console script pip installed, as a user's shell does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TERMWISE = Path(sys.executable).parent / "termwise"
MINI_GLOSSARY = REPO / "tests" / "data" / "project" / "mini-glossary.tbx"


def termwise(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not TERMWISE.exists():
        pytest.fail(f"the termwise console script is not installed at {TERMWISE}")
    env = dict(os.environ)
    # The script imports termwise from wherever the tests import it (a worktree's src/).
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__import__("termwise").__file__).parents[1]), env.get("PYTHONPATH", "")]
    )
    return subprocess.run(
        [str(TERMWISE), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "glossary").mkdir()
    shutil.copy(MINI_GLOSSARY, tmp_path / "glossary" / "mini.tbx")
    (tmp_path / "paper.txt").write_text(
        "China proposed the community of human destiny.\n", encoding="utf-8"
    )
    return tmp_path


def test_validate_exits_1_on_malformed_xml(project: Path) -> None:
    broken = project / "broken.tbx"
    broken.write_text('<tbx type="TBX-Basic"><text><body>', encoding="utf-8")
    result = termwise(project, "glossary", "validate", str(broken))
    assert result.returncode == 1, result
    assert "broken.tbx:1" in result.stdout
    assert "1 problem\n" in result.stderr


def test_validate_exits_1_on_a_well_formed_file_with_problems(project: Path) -> None:
    text = MINI_GLOSSARY.read_text(encoding="utf-8").replace(
        "deprecatedTerm-admn-sts", "forbiddenTerm-admn-sts"
    )
    bad = project / "bad-status.tbx"
    bad.write_text(text, encoding="utf-8")
    result = termwise(project, "glossary", "validate", str(bad))
    assert result.returncode == 1, result
    assert "forbiddenTerm-admn-sts" in result.stdout


def test_validate_exits_0_on_a_valid_file(project: Path) -> None:
    result = termwise(project, "glossary", "validate", str(MINI_GLOSSARY))
    assert result.returncode == 0, result
    assert "valid" in result.stdout


def test_usage_errors_exit_2(project: Path) -> None:
    assert termwise(project, "glossary", "validate", "missing.tbx").returncode == 2
    assert termwise(project, "no-such-command").returncode == 2
    assert termwise(project, "import", "paper.txt").returncode == 2  # no --doc, no --to


def test_input_errors_exit_2(project: Path) -> None:
    binary = project / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)
    result = termwise(project, "segments", str(binary))
    assert result.returncode == 2, result
    assert result.stderr.startswith("termwise: error: ")
    broken = project / "broken.xlf"
    broken.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    result = termwise(project, "import", str(broken), "--doc", "paper.txt", "--to", "es")
    assert result.returncode == 2, result
    assert "broken.xlf:1" in result.stderr


def test_check_exit_status_follows_fail_on(project: Path) -> None:
    failing = termwise(project, "check", "paper.txt", "--fail-on", "info")
    assert failing.returncode == 1, failing
    assert "community of human destiny" in failing.stdout
    passing = termwise(project, "check", "paper.txt", "--fail-on", "never")
    assert passing.returncode == 0, passing


def test_successful_commands_exit_0(project: Path) -> None:
    for args in (
        ["--version"],
        ["glossary", "show"],
        ["glossary", "find", "the community of human destiny"],
        ["segments", "paper.txt"],
    ):
        result = termwise(project, *args)
        assert result.returncode == 0, (args, result)
