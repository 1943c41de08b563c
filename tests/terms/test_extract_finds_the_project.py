"""``terms extract`` in a project's subfolder reads the project's glossary, as the glossary
commands do: it read none there, and ``--new-only`` and the glossary status took every
term for new ("wind turbines (new)" for the glossary's own T01)."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise

PAPER = (
    "Wind turbines convert wind energy into electricity. A wind turbine has blades. "
    "Offshore wind turbines are larger than onshore wind turbines. The power grid carries "
    "electricity from wind farms. Wind farms feed the power grid.\n"
)


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    (project / "work").mkdir(parents=True)
    (project / "work" / "paper.txt").write_text(PAPER, encoding="utf-8")
    added = termwise("glossary", "add", "wind turbine", "--lang", "en", "--id", "T01", cwd=project)
    assert added.returncode == 0, added.stderr
    return project


def test_extract_in_a_subfolder_knows_the_projects_glossary(tmp_path: Path) -> None:
    project = _project(tmp_path)
    work = project / "work"
    listed = termwise("terms", "extract", "paper.txt", "--lang", "en", cwd=work)
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if "wind turbines" in line)
    assert "(T01 preferred)" in line, listed.stdout
    assert (
        f"note: project {project}: the nearest folder above the current one with " in listed.stderr
    ), listed.stderr
    new_only = termwise("terms", "extract", "paper.txt", "--lang", "en", "--new-only", cwd=work)
    assert new_only.returncode == 0, new_only.stderr
    assert "wind turbines" not in new_only.stdout, new_only.stdout
    assert sorted(path.name for path in work.iterdir()) == ["paper.txt"]


def test_extract_in_the_projects_folder_says_no_note(tmp_path: Path) -> None:
    project = _project(tmp_path)
    listed = termwise("terms", "extract", "work/paper.txt", "--lang", "en", cwd=project)
    assert listed.returncode == 0, listed.stderr
    assert "(T01 preferred)" in listed.stdout, listed.stdout
    assert "note: project" not in listed.stderr, listed.stderr
