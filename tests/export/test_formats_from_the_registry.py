"""``export`` offers the formats its registry holds: a format registered with ``@exporter``
after the command was declared is a ``--format`` choice and named in its messages, as the
registry promises ("a new format is one more @exporter here or in a module that imports it").
The command kept its own list of the names beside the registry, and the editions' names
twice more by hand, so such a format was refused by click as no choice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from termwise.document.model import Document
from termwise.errors import InputError
from termwise.export.formats import FORMATS, ExportOptions, exporter
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

from .sample_project import Project


def _reviewed_lines(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    """A plain list of the reviewed translations, one a line."""
    lines = [
        unit.target
        for segment in document.segments
        if (unit := tfile.units.get(segment.id)) is not None and unit.state is SegmentState.REVIEWED
    ]
    return "\n".join(lines).encode("utf-8")


@pytest.fixture
def registered() -> Iterator[None]:
    exporter("lines", "list of reviewed lines", (".lines",))(_reviewed_lines)
    exporter("slides", "slide edition", (".slides",), edition=True)(_reviewed_lines)
    try:
        yield
    finally:
        del FORMATS["lines"], FORMATS["slides"]


def test_a_format_registered_later_is_a_format_choice(project: Project, registered: None) -> None:
    out = project.root.parent / "out.txt"
    result = project.run(
        "export", str(project.paper), "--to", "es", "--format", "lines", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert "Wrote list of reviewed lines to" in result.output
    assert "Comunidad de destino" in out.read_text(encoding="utf-8")


def test_the_messages_name_the_registered_formats(project: Project, registered: None) -> None:
    out = str(project.root.parent / "out.unknown")
    # (One line, as every command refuses a suffix: the CLI's ``main`` prints it.)
    with pytest.raises(InputError) as unknown:
        project.run("export", str(project.paper), "--to", "es", "-o", out)
    assert "give --format (html, md, docx, txt, tmx, xliff, xliff12, csv, po, lines, slides)" in (
        str(unknown.value)
    )
    not_an_edition = project.run(
        "export", str(project.paper), "--to", "es", "--format", "lines", "--target-only", "-o", out
    )
    assert not_an_edition.exit_code == 2
    assert "--target-only applies to editions: html, md, docx, txt, slides" in not_an_edition.output
