"""A project of one plain-text document (``doc.txt``) that ``termwise translate`` translated
into Spanish with Apertium, and its translated edition: what the tests of the workbench's
joins and splits over real MT share."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.project.layout import ProjectLayout


def translated(folder: Path, source: str) -> tuple[ProjectLayout, Path]:
    """``source`` as ``doc.txt`` in a project at ``folder``, each segment Apertium's MT
    (fuzzy), as ``termwise translate`` leaves it; the project and the document."""
    document = folder / "doc.txt"
    document.write_text(source, encoding="utf-8")
    done = termwise("translate", "doc.txt", "--to", "es", "--engine", "apertium", cwd=folder)
    assert done.returncode == 0, done.stderr
    return ProjectLayout.at(folder), document


def target_edition(folder: Path) -> str:
    """The Spanish plain-text edition of ``doc.txt``, the translation alone, unreviewed
    segments included."""
    edition = folder / "doc.es.txt"
    exported = termwise(
        "export", "doc.txt", "--to", "es", "-o", str(edition), "--target-only",
        "--include-unreviewed", cwd=folder,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    return edition.read_text(encoding="utf-8")
