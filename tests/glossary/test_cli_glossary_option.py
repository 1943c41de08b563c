"""``glossary show`` and ``glossary export`` take ``--glossary``, as every other command
that reads a glossary does (``show --glossary FILE`` was "No such option"); the positional
PATH they took first still works."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from support.command_line import termwise

CURATED = Path(__file__).resolve().parents[2] / "glossary" / "key-terms.tbx"


def test_show_takes_the_glossary_option(tmp_path: Path) -> None:
    shutil.copy2(CURATED, tmp_path / "terms.tbx")
    # The current folder has no glossary/: only the file named is read.
    by_option = termwise(
        "glossary", "show", "--glossary", "terms.tbx", "--format", "json", cwd=tmp_path
    )
    assert by_option.returncode == 0, by_option.stderr
    by_path = termwise("glossary", "show", "terms.tbx", "--format", "json", cwd=tmp_path)
    assert by_path.returncode == 0, by_path.stderr
    assert by_option.stdout == by_path.stdout
    assert json.loads(by_option.stdout)["concepts"]


def test_export_takes_the_glossary_option(tmp_path: Path) -> None:
    shutil.copy2(CURATED, tmp_path / "terms.tbx")
    args = ["--format", "csv", "-o", "terms.csv"]
    result = termwise("glossary", "export", "--glossary", "terms.tbx", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "terms.csv").read_text(encoding="utf-8").count("\n") > 1


def test_a_path_and_another_glossary_option_are_refused(tmp_path: Path) -> None:
    shutil.copy2(CURATED, tmp_path / "terms.tbx")
    shutil.copy2(CURATED, tmp_path / "other.tbx")
    result = termwise("glossary", "show", "terms.tbx", "--glossary", "other.tbx", cwd=tmp_path)
    assert result.returncode == 2
    assert "PATH (terms.tbx) and --glossary (other.tbx): name one" in result.stderr
