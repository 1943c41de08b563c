"""`termwise models list` names the installed Apertium pairs too: Apertium is the default
engine, and a list that said "No translation models installed" (exit 0) on a machine with
Apertium en → es told a newcomer there was no MT at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from termwise.mt.apertium import installed_modes


def termwise(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )


def test_apertium_pairs_are_listed_beside_no_argos_model(argos_env: Path) -> None:
    assert "eng-spa" in installed_modes(), "the tests need Apertium en → es (apertium-eng-spa)"
    listed = termwise("models", "list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert "en → es     English → Spanish  (Apertium eng-spa)" in [line.strip() for line in lines]
    for mode in installed_modes():
        assert any(line.endswith(f"(Apertium {mode})") for line in lines), mode
    assert "No translation models installed" not in listed.stdout
    assert f"No Argos Translate models installed in {argos_env}." in listed.stdout


def test_argos_packages_are_listed_as_before_with_apertium_after(
    argos_env: Path, argos_package: Path
) -> None:
    assert termwise("models", "install", "--file", str(argos_package)).returncode == 0
    lines = termwise("models", "list").stdout.splitlines()
    argos = [line for line in lines if "(version 1.0)" in line]
    assert argos == [
        f"    en → es     English → Spanish  (version 1.0)  {argos_env / 'translate-en_es-1_0'}"
    ]
    assert lines.index(argos[0]) == 0
    assert any(line.endswith("(Apertium eng-spa)") for line in lines[1:])
    assert not any("No Argos" in line for line in lines)
    # The JSON lists the Argos packages first, as it did (then the Apertium pairs).
    rows = json.loads(termwise("models", "list", "--format", "json").stdout)
    assert rows[0]["engine"] == "argos"
    rows = [row for row in rows if row["engine"] == "argos"]
    assert [(row["from"], row["to"], row["version"]) for row in rows] == [("en", "es", "1.0")]
