"""``glossary import --replace`` of a file whose glossary is already there as it would write it
leaves that file alone: no rewrite, no new ``~`` backup, and the summary says so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

STATUS_CSV = """en,es,status
wind turbine,aerogenerador,preferred
solar panel,panel solar,preferred
"""


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


def test_the_same_import_again_writes_nothing_and_says_unchanged(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    source = tmp_path / "status.csv"
    source.write_text(STATUS_CSV, encoding="utf-8")
    args = ("glossary", "import", str(source), "--from", "en", "--to", "es", "--replace")
    first = termwise(tmp_path, *args)
    assert first.returncode == 0, first.stderr
    target = glossary / "status.tbx"
    written = target.read_bytes()
    stamp = target.stat().st_mtime_ns
    for _ in range(2):
        again = termwise(tmp_path, *args)
        assert again.returncode == 0, again.stderr
        assert sorted(path.name for path in glossary.iterdir()) == ["status.tbx"]
        assert target.stat().st_mtime_ns == stamp, "status.tbx was rewritten"
        assert target.read_bytes() == written
        assert f"{target} unchanged" in again.stdout, again.stdout
        assert "wrote" not in again.stdout


def test_a_changed_file_is_still_replaced_with_a_backup(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    source = tmp_path / "status.csv"
    source.write_text(STATUS_CSV, encoding="utf-8")
    args = ("glossary", "import", str(source), "--from", "en", "--to", "es", "--replace")
    assert termwise(tmp_path, *args).returncode == 0
    source.write_text(STATUS_CSV + "heat pump,bomba de calor,preferred\n", encoding="utf-8")
    again = termwise(tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert "kept as status.tbx~" in again.stdout, again.stdout
    assert "bomba de calor" in (glossary / "status.tbx").read_text(encoding="utf-8")
    assert "bomba de calor" not in (glossary / "status.tbx~").read_text(encoding="utf-8")


def test_a_second_replace_that_changes_the_file_keeps_the_first_backup(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    source = tmp_path / "status.csv"
    args = ("glossary", "import", str(source), "--from", "en", "--to", "es", "--replace")
    # The file the first replace backs up, then two imports that each change it.
    curated = b"<martif/>\n"
    (glossary / "status.tbx").write_bytes(curated)
    source.write_text(STATUS_CSV, encoding="utf-8")
    assert termwise(tmp_path, *args).returncode == 0
    source.write_text(STATUS_CSV + "heat pump,bomba de calor,preferred\n", encoding="utf-8")
    again = termwise(tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert "kept as status.tbx.~2~" in again.stdout, again.stdout
    assert (glossary / "status.tbx~").read_bytes() == curated
