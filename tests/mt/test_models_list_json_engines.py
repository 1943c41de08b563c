"""`termwise models list --format json` lists what the text listing lists: the Argos
packages and the installed Apertium pairs, each entry naming its engine. The JSON held only
the Argos packages, so a script reading it found no MT on a machine that translates en → es
with Apertium, the default engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from termwise.mt.apertium import installed_modes


def listed(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", "models", "list", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )


def test_json_names_the_engine_of_each_model_apertium_pairs_included(
    installed_argos_package: Path, argos_env: Path
) -> None:
    assert "eng-spa" in installed_modes(), "the tests need Apertium en → es (apertium-eng-spa)"
    result = listed("--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["engine"] for row in rows} == {"argos", "apertium"}
    argos = [row for row in rows if row["engine"] == "argos"]
    assert [(row["from"], row["to"], row["version"]) for row in argos] == [("en", "es", "1.0")]
    assert argos[0]["path"] == str(argos_env / "translate-en_es-1_0")
    apertium = [row for row in rows if row["engine"] == "apertium"]
    assert [row["mode"] for row in apertium] == list(installed_modes())
    assert {
        "engine": "apertium",
        "from": "en",
        "to": "es",
        "from_name": "English",
        "to_name": "Spanish",
        "mode": "eng-spa",
    } in apertium
    # The Argos packages first, as the text listing has them.
    assert rows.index(argos[0]) == 0


def test_json_without_argos_lists_the_apertium_pairs(argos_env: Path) -> None:
    result = listed("--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(row["engine"] == "apertium" for row in rows)
    # Every pair the text listing names, in the same order.
    text = listed().stdout.splitlines()
    shown = [line for line in text if "(Apertium " in line]
    assert [line.rsplit("(Apertium ", 1)[1].rstrip(")") for line in shown] == [
        row["mode"] for row in rows
    ]
