"""A Word edition of a Word source whose page header holds a logo beside its text, or whose
later sections have headers of their own: the edition keeps the first section's text and
says, once, what it leaves out, instead of an empty picture frame and silence."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from termwise.cli import cli
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

TRANSLATIONS = {
    "Quarterly results": "Resultados trimestrales",
    "Sales grew in every region.": "Las ventas crecieron en todas las regiones.",
    "Costs fell.": "Los costes bajaron.",
}


def png() -> bytes:
    """A one-pixel PNG, written with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def project(tmp_path: Path, word: docx.document.Document) -> Path:
    """``word`` saved as the project's source, every segment translated and reviewed."""
    root = tmp_path / "proj"
    source = root / "client" / "report.docx"
    source.parent.mkdir(parents=True)
    word.save(str(source))
    document = load_document(source)
    tfile = open_translation(ProjectLayout.at(root), document, "es")
    for unit in tfile.units.values():
        unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
    tfile.save()
    return source


def report(*, logo: bool, sections: int = 1) -> docx.document.Document:
    word = docx.Document()
    word.add_heading("Quarterly results", level=1)
    word.add_paragraph("Sales grew in every region.")
    header = word.sections[0].header.paragraphs[0]
    if logo:
        header.add_run().add_picture(io.BytesIO(png()))
    header.add_run(" ACME Corporation")
    for number in range(2, sections + 1):
        section = word.add_section(WD_SECTION.NEW_PAGE)
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = f"Annex {number}"
    word.add_paragraph("Costs fell.")
    return word


def export(source: Path, *extra: str) -> tuple[Path, Result]:
    root = source.parents[1]
    out = root / "report.es.docx"
    args = ["--project", str(root), "export", str(source), "--to", "es", "-o", str(out)]
    result = CliRunner().invoke(cli, args + list(extra), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out, result


@pytest.mark.parametrize("extra", [("--target-only",), ()])
def test_a_logo_in_the_header_is_said_left_out_and_leaves_no_frame(
    tmp_path: Path, extra: tuple[str, ...]
) -> None:
    source = project(tmp_path, report(logo=True))
    out, result = export(source, *extra)
    header = docx.Document(str(out)).sections[0].header
    assert header.paragraphs[0].text == " ACME Corporation"
    # The picture whole, not its frame without the image: that printed an empty box.
    assert list(header._element.iter(qn("w:drawing"))) == []
    note = (
        "note: the source's page headers and footers held 1 picture or object that the "
        "edition leaves out (their text is kept)"
    )
    assert note in result.stderr, result.stderr
    assert result.stderr.count("page headers and footers") == 1


def test_a_header_of_text_alone_says_nothing(tmp_path: Path) -> None:
    source = project(tmp_path, report(logo=False))
    _, result = export(source, "--target-only")
    assert "header" not in result.stderr, result.stderr


def test_only_a_word_edition_copies_headers_so_only_it_says_so(tmp_path: Path) -> None:
    source = project(tmp_path, report(logo=True))
    root = source.parents[1]
    out = root / "report.es.html"
    args = ["--project", str(root), "export", str(source), "--to", "es", "-o", str(out)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "header" not in result.stderr, result.stderr


def test_later_sections_with_their_own_headers_are_said_in_the_same_note(
    tmp_path: Path,
) -> None:
    source = project(tmp_path, report(logo=True, sections=3))
    out, result = export(source, "--target-only")
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == " ACME Corporation"
    lines = [line for line in result.stderr.splitlines() if "headers and footers" in line]
    assert lines == [
        "note: the source's page headers and footers held 1 picture or object that the "
        "edition leaves out (their text is kept); the edition has the first section's "
        "headers and footers only, and 2 of the source's 3 sections have others"
    ], result.stderr


def test_later_sections_that_repeat_the_first_header_say_nothing(tmp_path: Path) -> None:
    word = report(logo=False)
    # A new section linked to the one before: its pages print the same header.
    word.add_section(WD_SECTION.NEW_PAGE)
    word.add_paragraph("Costs fell.")
    source = project(tmp_path, word)
    _, result = export(source, "--target-only")
    assert "header" not in result.stderr, result.stderr
