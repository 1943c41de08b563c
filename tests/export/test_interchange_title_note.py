"""``export --title``/``--title-lang`` on an interchange file (TMX, XLIFF, CSV, PO): accepted,
but said to have no effect. Accepted silently, they left the user believing the file had a
title in it somewhere."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .sample_project import Project

TITLE = "Una comunidad de futuro compartido"


def termwise(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project.root), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def notes_about_title(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "--title" in line]


@pytest.mark.parametrize(("name", "suffix"), [("tmx", "tmx"), ("xliff", "xlf"), ("csv", "csv")])
def test_an_interchange_export_says_the_title_has_no_effect(
    project: Project, name: str, suffix: str
) -> None:
    out = project.root / f"paper.{suffix}"
    base = ["export", str(project.paper), "--to", "es", "--format", name, "-o", str(out)]
    result = termwise(project, *base, "--title", TITLE, "--title-lang", "es")
    assert result.returncode == 0, result.stderr
    assert notes_about_title(result.stderr) == [
        f"note: --title and --title-lang have no effect on a {name} export: it holds the "
        "segments, not an edition with a title"
    ]
    assert out.exists() and TITLE not in out.read_text(encoding="utf-8")


def test_a_po_export_says_so_of_the_title_alone_and_nothing_without_it(
    project: Project,
) -> None:
    out = project.root / "paper.es.po"
    base = ["export", str(project.paper), "--to", "es", "--format", "po", "-o", str(out)]
    titled = termwise(project, *base, "--title", TITLE)
    assert titled.returncode == 0, titled.stderr
    [note] = notes_about_title(titled.stderr)
    assert note.startswith("note: --title has no effect on a po export")
    assert TITLE not in out.read_text(encoding="utf-8")
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(out)], check=True)
    plain = termwise(project, *base)
    assert plain.returncode == 0 and notes_about_title(plain.stderr) == []


def test_an_edition_says_nothing_of_a_title_it_writes(project: Project) -> None:
    out = project.root / "paper.html"
    base = ["export", str(project.paper), "--to", "es", "-o", str(out)]
    result = termwise(project, *base, "--title", TITLE, "--title-lang", "es")
    assert result.returncode == 0 and notes_about_title(result.stderr) == []
    assert TITLE in out.read_text(encoding="utf-8")
