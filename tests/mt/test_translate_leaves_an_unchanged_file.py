"""A command that saves a translation file in which nothing changed leaves the file as it
was, as msgmerge leaves an up-to-date file: ``translate`` run again with the same engine
bumped PO-Revision-Date and replaced the file (a new time stamp and ``~`` backup: make,
rsync and version control saw an edit that was not there); ``import`` of what the file
already holds did the same. Real Apertium, real files, the ``termwise`` command itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "The cat sleeps on the mat. The dog barks at night.\n\nGeneva is a city in Switzerland.\n"
# An earlier run's date and time stamp, so that any rewrite shows in the bytes and mtime.
EARLIER_DATE = "PO-Revision-Date: 2020-01-02 03:04+0000"
EARLIER_NS = 1_577_934_240_000_000_000


def termwise(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    """doc.txt translated by Apertium, its file dated and stamped as of an earlier day."""
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    first = termwise(tmp_path, "translate", "doc.txt", "--to", "es", "--engine", "apertium")
    assert first.returncode == 0, first.stderr
    path = tmp_path / "translations" / "doc.es.po"
    text = path.read_text(encoding="utf-8")
    start = text.index("PO-Revision-Date: ")
    path.write_text(text[:start] + EARLIER_DATE + text[text.index("\\n", start) :], "utf-8")
    (tmp_path / "translations" / "doc.es.po~").unlink(missing_ok=True)
    os.utime(path, ns=(EARLIER_NS, EARLIER_NS))
    return path


def assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == EARLIER_NS
    assert not path.with_name(path.name + "~").exists()


def test_translating_again_with_the_same_engine_leaves_the_file_as_it_was(
    translated: Path,
) -> None:
    before = translated.read_bytes()
    assert EARLIER_DATE.encode() in before
    again = termwise(
        translated.parents[1], "translate", "doc.txt", "--to", "es", "--engine", "apertium"
    )
    assert again.returncode == 0, again.stderr
    assert_untouched(translated, before)
    assert f"{translated} already holds these machine translations: left as it was" in (
        again.stderr
    )
    assert "Saved" not in again.stderr


def test_importing_what_the_file_holds_and_fixing_nothing_leave_it_as_it_was(
    translated: Path, tmp_path: Path
) -> None:
    before = translated.read_bytes()
    copy = tmp_path / "copy.po"
    shutil.copy(translated, copy)
    imported = termwise(tmp_path, "import", str(copy), "--doc", "doc.txt", "--to", "es")
    assert imported.returncode == 0, imported.stderr
    assert "already the same:       3" in imported.stdout
    assert_untouched(translated, before)
    fixed = termwise(tmp_path, "fix", "doc.txt", "--to", "es", "--everywhere")
    assert "Nothing to fix" in fixed.stdout, fixed.stderr
    assert_untouched(translated, before)


def test_a_change_is_still_saved_with_a_new_revision_date(translated: Path) -> None:
    folder = translated.parents[1]
    (folder / "doc.txt").write_text(TEXT + "\nThe committee approved the report.\n", "utf-8")
    again = termwise(folder, "translate", "doc.txt", "--to", "es", "--engine", "apertium")
    assert again.returncode == 0, again.stderr
    text = translated.read_text(encoding="utf-8")
    assert "El comité aprobó el informe." in text
    assert EARLIER_DATE not in text and "PO-Revision-Date: " in text
    assert translated.stat().st_mtime_ns != EARLIER_NS
    assert "Saved 4 machine translations" in again.stderr


def test_a_concept_forced_twice_in_one_segment_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    # Two occurrences decided alike gave the unit two equal glossary comments, which the
    # file keeps as one: the unit differed from its file at every run, which rewrote it.
    shutil.copytree(Path(__file__).parents[2] / "glossary", tmp_path / "glossary")
    (tmp_path / "doc.txt").write_text(
        "The level of global governance covers global governance and regional governance.\n",
        encoding="utf-8",
    )
    first = termwise(tmp_path, "translate", "doc.txt", "--to", "es", "--engine", "apertium")
    assert first.returncode == 0, first.stderr
    path = tmp_path / "translations" / "doc.es.po"
    assert path.read_text(encoding="utf-8").count("#. glossary: T21") == 1
    os.utime(path, ns=(EARLIER_NS, EARLIER_NS))
    before = path.read_bytes()
    again = termwise(tmp_path, "translate", "doc.txt", "--to", "es", "--engine", "apertium")
    assert again.returncode == 0, again.stderr
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == EARLIER_NS
