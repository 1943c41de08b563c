"""A Word source's footnote stays a footnote in every edition: a mark after the sentence
that refers to it and its text in a note (Word's own in a Word edition, numbered notes at
the end elsewhere), where it came out as one more paragraph at the end, its mark gone.
Beside the reader, the export opens the source file once for what the Word edition takes
from it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from termwise.cli import cli
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TRANSLATIONS = {
    "Quarterly results": "Resultados trimestrales",
    "Sales grew in every region.": "Las ventas crecieron en todas las regiones.",
    "Costs fell.": "Los costes bajaron.",
    "See the annual report.": "Véase el informe anual.",
}


def _source(path: Path, *, referred: bool = True) -> None:
    """A report whose first paragraph refers to a footnote, as Word writes one."""
    word = docx.Document()
    word.add_heading("Quarterly results", level=1)
    paragraph = word.add_paragraph("Sales grew in every region.")
    if referred:
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), "1")
        paragraph.add_run()._r.append(reference)
    paragraph.add_run(" Costs fell.")
    notes = parse_xml(
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> See the annual report.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = XmlPart(
        PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, notes, word.part.package
    )
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    word.save(str(path))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return _project(tmp_path)


def _project(tmp_path: Path, *, referred: bool = True) -> Path:
    root = tmp_path / "proj"
    path = root / "report.docx"
    root.mkdir()
    _source(path, referred=referred)
    document = load_document(path)
    tfile = open_translation(ProjectLayout.at(root), document, "es")
    for unit in tfile.units.values():
        unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
    tfile.save()
    return path


def _export(source: Path, name: str, *extra: str) -> tuple[Path, str]:
    root = source.parent
    out = root / name
    args = ["--project", str(root), "export", str(source), "--to", "es", "-o", str(out), *extra]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out, result.output


def test_the_reader_gives_the_note_its_own_segments(source: Path) -> None:
    texts = [segment.text for segment in load_document(source).segments]
    assert texts[-1] == "See the annual report."


def test_markdown_translation_has_a_footnote(source: Path) -> None:
    out, _ = _export(source, "report.es.md", "--target-only")
    text = out.read_text(encoding="utf-8")
    assert "Las ventas crecieron en todas las regiones.[^1] Los costes bajaron." in text
    assert text.count("Véase el informe anual.") == 1
    assert "[^1]: Véase el informe anual." in text


def test_bilingual_markdown_holds_both_notes_in_one_footnote(source: Path) -> None:
    text = _export(source, "report.md")[0].read_text(encoding="utf-8")
    assert "Sales grew in every region.[^1] Costs fell." in text
    assert "Las ventas crecieron en todas las regiones.[^1] Los costes bajaron." in text
    assert "[^1]: See the annual report.\n\n    Véase el informe anual.\n" in text


def test_plain_text_numbers_the_note_and_prints_it_at_the_end(source: Path) -> None:
    text = _export(source, "report.txt")[0].read_text(encoding="utf-8")
    assert "Sales grew in every region.[1] Costs fell." in text
    assert "Las ventas crecieron en todas las regiones.[1] Los costes bajaron." in text
    notes = text.split("\n----\n", 1)[1]
    assert "[1] See the annual report.\n    Véase el informe anual." in notes


def test_html_marks_link_to_the_notes(source: Path) -> None:
    html = _export(source, "report.es.html", "--target-only")[0].read_text(encoding="utf-8")
    mark = '<sup class="note-ref"><a href="#note-1">1</a></sup>'
    assert f"regiones.{mark}</span>" in html
    body, notes = html.split('<section class="notes">', 1)
    assert "Véase el informe anual." not in body
    assert '<li value="1" id="note-1">' in notes and "Véase el informe anual." in notes


def _parts(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml").decode("utf-8")
        notes = (
            archive.read("word/footnotes.xml").decode("utf-8")
            if ("word/footnotes.xml" in names)
            else ""
        )
    return body, notes


def test_word_translation_has_a_real_footnote(source: Path) -> None:
    out, _ = _export(source, "report.es.docx", "--target-only")
    body, notes = _parts(out)
    assert "Véase el informe anual." not in body
    assert "Véase el informe anual." in notes
    edition = docx.Document(str(out))
    (paragraph,) = [p for p in edition.paragraphs if "ventas" in p.text]
    references = paragraph._p.findall(f".//{qn('w:footnoteReference')}")
    assert len(references) == 1
    # Word's reader (and termwise's) finds the note where Word keeps it.
    assert [s.text for s in load_document(out).segments][-1] == "Véase el informe anual."


def test_bilingual_word_edition_refers_to_a_note_in_each_column(source: Path) -> None:
    out, _ = _export(source, "report.en-es.docx")
    body, notes = _parts(out)
    assert body.count('w:customMarkFollows="1"') == 2
    assert "See the annual report." in notes and "Véase el informe anual." in notes
    assert "annual report" not in body and "informe anual" not in body


def test_a_note_without_a_reference_stays_a_paragraph_and_is_said(tmp_path: Path) -> None:
    source = _project(tmp_path, referred=False)
    out, output = _export(source, "report.es.md", "--target-only")
    text = out.read_text(encoding="utf-8")
    assert "[^1]" not in text and "Véase el informe anual." in text
    assert "1 note of the source has no reference mark" in output


def test_the_export_opens_the_word_source_once(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    real = docx.Document

    def counting(path: object = None) -> object:
        opened.append(str(path))
        return real(path)

    monkeypatch.setattr(docx, "Document", counting)
    _export(source, "report.es.docx")
    # The reader's opening, and the one the edition's emphasis, notes and headers and the
    # export's notes on them share (each of those opened it again).
    assert opened.count(str(source)) == 2
