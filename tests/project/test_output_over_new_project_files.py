"""``-o`` refuses the project's own file names before they exist: an edition written as
``../termwise.toml`` or ``termwise.toml`` was read as settings, and every later command
stopped on it as invalid TOML; one in translations/ is read with the translations."""

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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "report.md").write_text("The agreement covers agriculture.\n", encoding="utf-8")
    made = termwise("translate", "report.md", "--to", "es", "--engine", "apertium", cwd=folder)
    assert made.returncode == 0, made.stderr
    return folder


@pytest.mark.parametrize(
    ("output", "says"),
    [
        ("termwise.toml", "is the project's settings file"),
        ("../termwise.toml", "is named as a project's settings file"),
        ("translations/report.es.md", "is one of the project's files (in translations/)"),
    ],
)
def test_a_project_file_to_come_is_refused(project: Path, output: str, says: str) -> None:
    args = ["export", "report.md", "--to", "es", "--include-unreviewed", "--format", "md"]
    result = termwise(*args, "-o", output, cwd=project)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"termwise: error: {output}: {says}"), result.stderr
    assert "write the output elsewhere" in result.stderr
    assert not (project / output).exists()
    # The project reads as it did: no edition taken for its settings.
    checked = termwise("check", "report.md", "--to", "es", cwd=project)
    assert checked.returncode == 0, checked.stderr


def test_an_edition_from_a_subfolder_is_refused_as_the_projects_settings(project: Path) -> None:
    (project / "sub").mkdir()
    args = ["export", "../report.md", "--to", "es", "--include-unreviewed", "--format", "md"]
    result = termwise(*args, "-o", "../termwise.toml", cwd=project / "sub")
    assert result.returncode == 2, result.stderr
    assert "is the project's settings file" in result.stderr
    assert not (project / "termwise.toml").exists()
