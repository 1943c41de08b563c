"""Each review state survives export and import again, and other tools read ours as meant."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

from .sample_project import TRANSLATIONS, Project

BIN = Path(sys.executable).parent


def exported(project: Project, fmt: str, name: str) -> Path:
    out = project.root / name
    result = project.run(
        "export",
        str(project.paper),
        "--to",
        "es",
        "--format",
        fmt,
        "-o",
        str(out),
        "--include-unreviewed",
    )
    assert result.exit_code == 0, result.output
    return out


def states(root: Path) -> dict[str, SegmentState]:
    tfile = TranslationFile.load(root / "translations" / "paper.es.po")
    return {unit.source: unit.state for unit in tfile.units.values()}


@pytest.mark.parametrize(
    ("fmt", "name"), [("xliff", "p.xlf"), ("xliff12", "p.xlf12"), ("tmx", "p.tmx")]
)
def test_states_round_trip(project: Project, tmp_path: Path, fmt: str, name: str) -> None:
    out = exported(project, fmt, name)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(project.paper, other / "paper.md")
    result = CliRunner().invoke(
        cli,
        [
            "--project",
            str(other),
            "import",
            str(out),
            "--doc",
            str(other / "paper.md"),
            "--to",
            "es",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "states read cautiously: 0" in result.output
    expected = states(project.root)
    assert {state for state in expected.values()} == set(SegmentState)  # all four are tested
    assert states(other) == expected
    for source, (_, state) in TRANSLATIONS.items():
        assert states(other)[source] is state


def test_translate_toolkit_reads_our_xliff12_states(project: Project, tmp_path: Path) -> None:
    out = exported(project, "xliff12", "p.xlf12")
    xlf = tmp_path / "p.xlf"
    shutil.copy(out, xlf)
    po = tmp_path / "p.po"
    subprocess.run([str(BIN / "xliff2po"), str(xlf), str(po)], check=True, capture_output=True)
    entries = {entry.msgid: entry for entry in polib.pofile(str(po))}
    for source, (_, state) in TRANSLATIONS.items():
        fuzzy = "fuzzy" in entries[source].flags
        assert fuzzy is (state is not SegmentState.REVIEWED), (source, state)
    assert entries["Cooperation brings <win-win> results."].msgstr == ""
