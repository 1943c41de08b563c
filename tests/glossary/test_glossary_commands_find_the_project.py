"""Glossary commands find the project from a subfolder, as the document commands do, and a
failed one creates nothing: ``glossary add --concept T99`` in ``work/`` left an empty
``work/glossary/`` behind, which made ``work/`` a project of its own for every later
command (``stats`` and ``translate`` there then ignored the real project)."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise


def _project(tmp_path: Path) -> Path:
    """A project with one concept, T01, and a subfolder ``work/`` holding a document."""
    project = tmp_path / "proj"
    (project / "work").mkdir(parents=True)
    (project / "work" / "paper.txt").write_text(
        "The wind turbine turns.\n\nThe power grid hums.\n", encoding="utf-8"
    )
    added = termwise("glossary", "add", "wind turbine", "--lang", "en", "--id", "T01", cwd=project)
    assert added.returncode == 0, added.stderr
    return project


def test_a_failed_add_in_a_subfolder_creates_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    work = project / "work"
    result = termwise("glossary", "add", "x y z", "--concept", "T99", "--lang", "es", cwd=work)
    assert result.returncode == 2, result.stderr
    assert f"no concept 'T99' in {project / 'glossary'}" in result.stderr, result.stderr
    assert sorted(path.name for path in work.iterdir()) == ["paper.txt"]


def test_a_failed_add_outside_any_project_creates_no_glossary_folder(tmp_path: Path) -> None:
    result = termwise("glossary", "add", "x", "--concept", "T99", "--lang", "es", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_show_add_and_remove_in_a_subfolder_use_the_projects_glossary(tmp_path: Path) -> None:
    project = _project(tmp_path)
    work = project / "work"
    added = termwise(
        "glossary", "add", "aerogenerador", "--concept", "T01", "--lang", "es", cwd=work
    )
    assert added.returncode == 0, added.stderr
    assert str(project / "glossary" / "glossary.tbx") in added.stdout, added.stdout
    shown = termwise("glossary", "show", "--format", "json", cwd=work)
    assert shown.returncode == 0, shown.stderr
    concepts = json.loads(shown.stdout)["concepts"]
    assert [(c["id"], sorted(c["languages"])) for c in concepts] == [("T01", ["en", "es"])]
    found = termwise("glossary", "find", "a wind turbine", cwd=work)
    assert "T01 preferred: 'wind turbine'" in found.stdout, found.stdout
    removed = termwise("glossary", "remove", "aerogenerador", "--concept", "T01", cwd=work)
    assert removed.returncode == 0, removed.stderr
    assert sorted(path.name for path in work.iterdir()) == ["paper.txt"]


def test_add_from_a_document_of_another_project_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    other = tmp_path / "other"
    (other / "glossary").mkdir(parents=True)
    document = project / "work" / "paper.txt"
    result = termwise(
        "glossary", "add", "power grid", "--from", str(document), "--lang", "en", cwd=other
    )
    assert result.returncode == 2, result.stderr
    assert (
        f"paper.txt's project is {project} (the nearest folder above it with " in result.stderr
    ), result.stderr
    assert f"but the current folder's is {other}" in result.stderr, result.stderr
    assert list((other / "glossary").iterdir()) == []
    # Named, it goes where it is told.
    named = termwise(
        "--project", str(project), "glossary", "add", "power grid", "--from", str(document),
        "--lang", "en", cwd=other,
    )  # fmt: skip
    assert named.returncode == 0, named.stderr
    assert str(project / "glossary" / "glossary.tbx") in named.stdout, named.stdout


def test_add_from_a_document_outside_any_project_goes_to_its_project(tmp_path: Path) -> None:
    project = _project(tmp_path)
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    document = project / "work" / "paper.txt"
    result = termwise(
        "glossary", "add", "power grid", "--from", str(document), "--lang", "en", cwd=elsewhere
    )
    assert result.returncode == 0, result.stderr
    assert str(project / "glossary" / "glossary.tbx") in result.stdout, result.stdout
    assert list(elsewhere.iterdir()) == []
