"""A glossary command run below a project's folder says which project it works in, and where
that project's glossary fails to read, whose it is and how to work where you stand.

Finding the project from the current folder up let an unrelated ``glossary/`` higher up (a
home folder's) take over unseen: ``glossary add`` in ``~/Downloads`` stopped on
``~/glossary/notes.txt`` ("the glossary does not say its languages") naming no project nor
``--project``, and ``glossary import`` in a fresh ``~/newproj`` merged into
``~/glossary/`` without a word of why.
"""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise

NOTE = "note: project {}: the nearest folder above the current one with "


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    for folder in ("glossary", "Downloads", "newproj", "translations"):
        (home / folder).mkdir(parents=True)
    return home


def test_a_glossary_above_that_fails_to_read_is_named_with_the_way_out(tmp_path: Path) -> None:
    home = _home(tmp_path)
    (home / "glossary" / "notes.txt").write_text("hi\n", encoding="utf-8")
    downloads = home / "Downloads"
    result = termwise("glossary", "add", "wind turbine", "--lang", "en", cwd=downloads)
    assert result.returncode == 2, result.stderr
    assert NOTE.format(home) in result.stderr, result.stderr
    error = result.stderr.splitlines()[-1]
    assert error.startswith(f"termwise: error: {home / 'glossary' / 'notes.txt'}: "), error
    assert (
        f"(a file of the glossary of project {home}, found above the current folder; to work "
        "in the current folder instead: termwise --project . glossary add …)"
    ) in error, error
    # What it says works: the term goes where the translator stands.
    here = termwise(
        "--project", ".", "glossary", "add", "wind turbine", "--lang", "en", cwd=downloads
    )
    assert here.returncode == 0, here.stderr
    assert (downloads / "glossary" / "glossary.tbx").is_file()
    assert "note: project" not in here.stderr, here.stderr


def test_an_import_below_a_project_says_which_project_it_merges_into(tmp_path: Path) -> None:
    home = _home(tmp_path)
    glossary = tmp_path / "t.csv"
    glossary.write_text("en,es\nwind turbine,aerogenerador\n", encoding="utf-8")
    result = termwise("glossary", "import", str(glossary), cwd=home / "newproj")
    assert result.returncode == 0, result.stderr
    assert NOTE.format(home) in result.stderr, result.stderr
    assert (home / "glossary" / "t.tbx").is_file()


def test_no_note_in_the_projects_own_folder_or_outside_any(tmp_path: Path) -> None:
    home = _home(tmp_path)
    added = termwise("glossary", "add", "wind turbine", "--lang", "en", cwd=home)
    assert added.returncode == 0, added.stderr
    assert "note: project" not in added.stderr, added.stderr
    alone = tmp_path / "alone"
    alone.mkdir()
    shown = termwise("glossary", "add", "power grid", "--lang", "en", cwd=alone)
    assert shown.returncode == 0, shown.stderr
    assert "note: project" not in shown.stderr, shown.stderr


def test_an_error_of_a_file_outside_the_glossary_gets_no_project_story(tmp_path: Path) -> None:
    home = _home(tmp_path)
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif", encoding="utf-8")
    result = termwise("glossary", "import", str(broken), cwd=home / "newproj")
    assert result.returncode == 2, result.stderr
    assert NOTE.format(home) in result.stderr, result.stderr
    assert "found above the current folder" not in result.stderr, result.stderr
