"""``glossary import --replace`` of a file again counts the concepts that the file it replaces
holds as they are as unchanged, not new: the summary called them "2 new concept(s)" on
every run, and right after said the file was unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise

STATUS_CSV = """en,es,status
wind turbine,aerogenerador,preferred
solar panel,panel solar,preferred
"""
# No statuses, no ids: the reader gives them, the same on every run.
PLAIN_CSV = "en,es\nwind turbine,aerogenerador\nwind turbine,turbina eólica\n"


@pytest.mark.parametrize("text", [STATUS_CSV, PLAIN_CSV], ids=["statuses", "plain"])
def test_the_same_file_again_is_unchanged_not_new(tmp_path: Path, text: str) -> None:
    (tmp_path / "glossary").mkdir()
    source = tmp_path / "terms.csv"
    source.write_text(text, encoding="utf-8")
    args = ("glossary", "import", str(source), "--from", "en", "--to", "es", "--replace")
    first = termwise(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "nothing new" not in first.stdout, first.stdout
    again = termwise(*args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    concepts = len({line.split(",")[0] for line in text.splitlines()[1:]})
    assert "nothing new: " in again.stdout, again.stdout
    assert (
        "0 new concept(s), 0 merged into concepts of the glossary, 0 in conflict (preferred "
        f"terms differ), {concepts} unchanged in the file it replaces"
    ) in again.stdout, again.stdout


def test_a_new_row_is_the_only_new_concept(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    source = tmp_path / "terms.csv"
    source.write_text(STATUS_CSV, encoding="utf-8")
    args = ("glossary", "import", str(source), "--from", "en", "--to", "es", "--replace")
    assert termwise(*args, cwd=tmp_path).returncode == 0
    source.write_text(STATUS_CSV + "heat pump,bomba de calor,preferred\n", encoding="utf-8")
    again = termwise(*args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "1 new concept(s), 0 merged" in again.stdout, again.stdout
    assert "2 unchanged in the file it replaces" in again.stdout, again.stdout
    assert "wrote 3 concepts" in again.stdout, again.stdout


def test_a_changed_concept_is_not_unchanged(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    source = tmp_path / "terms.csv"
    source.write_text(STATUS_CSV, encoding="utf-8")
    args = ("glossary", "import", str(source), "--from", "en", "--to", "es", "--replace")
    assert termwise(*args, cwd=tmp_path).returncode == 0
    source.write_text(
        STATUS_CSV.replace("panel solar,preferred", "panel solar,admitted"), encoding="utf-8"
    )
    again = termwise(*args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "1 unchanged in the file it replaces" in again.stdout, again.stdout
