"""``scripts/setup`` re-runs pip only when something is missing or changed.

Each case runs the real script in a copy of the repository whose ``.venv`` is a real virtual
environment created without pip: where the script decides to install, pip is missing and it
fails ("No module named pip"); where it decides all is in place, it succeeds without pip.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts/setup", tmp_path / "scripts/setup")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", ".venv"], cwd=tmp_path, check=True
    )
    # What `pip install -e .` leaves behind that the script looks for: the console script.
    entry = tmp_path / ".venv/bin/termwise"
    entry.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    entry.chmod(0o755)
    return tmp_path


def write_stamp(clone: Path, mode: str = "base", path: Path | None = None) -> None:
    digest = hashlib.sha256(
        (clone / "scripts/setup").read_bytes() + (clone / "pyproject.toml").read_bytes()
    ).hexdigest()
    (clone / ".venv/.termwise-setup").write_text(
        f"{digest} {mode} {path or clone}\n", encoding="utf-8"
    )


def setup(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "scripts/setup", *args], cwd=clone, capture_output=True, text=True, timeout=120
    )


def ran_pip(result: subprocess.CompletedProcess[str]) -> bool:
    return result.returncode != 0 and "No module named pip" in result.stderr


def test_a_set_up_clone_skips_pip(clone: Path) -> None:
    write_stamp(clone)
    result = setup(clone)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_clone_without_stamp_installs(clone: Path) -> None:
    assert ran_pip(setup(clone))


def test_a_changed_pyproject_installs_again(clone: Path) -> None:
    write_stamp(clone)
    with (clone / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write("\n# a new dependency\n")
    assert ran_pip(setup(clone))


def test_a_missing_console_script_installs_again(clone: Path) -> None:
    write_stamp(clone)
    (clone / ".venv/bin/termwise").unlink()
    assert ran_pip(setup(clone))


def test_a_moved_clone_installs_again(clone: Path) -> None:
    # An editable install points at the clone's old path.
    write_stamp(clone, path=clone.parent / "elsewhere")
    assert ran_pip(setup(clone))


def test_the_test_extras_are_installed_once_asked_for(clone: Path) -> None:
    write_stamp(clone, mode="base")
    assert ran_pip(setup(clone, "--test"))
    write_stamp(clone, mode="test")
    assert setup(clone).returncode == 0
