"""A sentence the translation leaves out on purpose keeps its note's mark.

A translator may confirm that the translation leaves a sentence out (the ``align:`` comment
"confirmed in review"); an edition prints nothing for it, and so printed no mark of the note
it refers to: the note's text stood unreferenced at the end, and the Word edition, which
writes a note where its mark is, dropped it. The mark follows the sentence before it in the
same paragraph (there is no text of its own to follow), else the one after it, and the
source's column keeps it after its own sentence.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

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
CONFIRMED = (
    "align: confidence 1.00, group 1-0, no counterpart in the translation, confirmed in review"
)
TRANSLATIONS = {
    "Quarterly results": "Resultados trimestrales",
    "Costs fell.": "Los costes bajaron.",
    "Prices rose.": "Los precios subieron.",
    "The rotor turns slowly.": "El rotor gira despacio.",
    "See the annual report.": "Véase el informe anual.",
    "Measured in winter.": "Medido en invierno.",
}
# Left out: the first of its paragraph's sentences, and the last.
LEFT_OUT = {"Sales grew in every region.", "Wages stayed."}


def _refer(paragraph: Any, note_id: int) -> None:
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(note_id))
    paragraph.add_run()._r.append(reference)


def _report(path: Path) -> None:
    word = docx.Document()
    word.add_heading("Quarterly results", level=1)
    paragraph = word.add_paragraph("Sales grew in every region.")
    _refer(paragraph, 1)
    paragraph.add_run(" Costs fell.")
    paragraph = word.add_paragraph("Prices rose. Wages stayed.")
    _refer(paragraph, 2)
    word.add_paragraph("The rotor turns slowly.")
    notes = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for number, text in enumerate(["See the annual report.", "Measured in winter."], 1)
    )
    root = parse_xml(
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
        f"<w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"
    )
    part = XmlPart(
        PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, root, word.part.package
    )
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    word.save(str(path))


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("left_out")
    path = root / "report.docx"
    _report(path)
    tfile = open_translation(ProjectLayout.at(root), load_document(path), "es")
    for unit in tfile.units.values():
        if unit.source in LEFT_OUT:
            unit.comments = (CONFIRMED,)
        else:
            unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
    tfile.save()
    return path


def _export(source: Path, name: str, *extra: str) -> Path:
    out = source.parent / name
    result = CliRunner().invoke(
        cli,
        ["--project", str(source.parent), "export", str(source), "--to", "es", "-o", str(out)]
        + list(extra),
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out


def test_markdown_and_text_keep_the_marks(source: Path) -> None:
    markdown = _export(source, "t.md", "--target-only").read_text("utf-8")
    assert "Los costes bajaron.[^1]" in markdown
    assert "Los precios subieron.[^2]" in markdown
    assert "[^1]: Véase el informe anual." in markdown
    assert "[^2]: Medido en invierno." in markdown
    text = _export(source, "t.txt", "--target-only").read_text("utf-8")
    assert "Los costes bajaron.[1]" in text and "Los precios subieron.[2]" in text
    bilingual = _export(source, "b.md").read_text("utf-8")
    # The source's column: after its own sentence; the translation's: as above.
    assert "Sales grew in every region.[^1] Costs fell." in bilingual
    assert "Los costes bajaron.[^1]" in bilingual


def test_html_keeps_the_marks(source: Path) -> None:
    html = _export(source, "t.html", "--target-only").read_text("utf-8")
    assert html.count('class="note-ref"') == 2, html
    assert "Los costes bajaron.<sup" in html


def test_the_word_edition_keeps_the_notes(source: Path) -> None:
    for extra in ((), ("--target-only",)):
        out = _export(source, f"e{len(extra)}.docx", *extra)
        with zipfile.ZipFile(out) as archive:
            notes = archive.read("word/footnotes.xml").decode("utf-8")
        assert "Véase el informe anual." in notes, extra
        assert "Medido en invierno." in notes, extra
