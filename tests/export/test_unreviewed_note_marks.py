"""The notes of a Word source whose referring sentences are not all reviewed, in the
editions of its translation; its endnotes numbered on their own.

A sentence left out as "[untranslated]" lost its note's mark: the Word edition dropped the
note, the Markdown one printed "[^2]: …" with no "[^2]" in the text, the text and HTML
ones a note nothing pointed to. Its mark now follows "[untranslated]", as it would follow
the sentence's translation, in every edition. Endnotes were numbered on from the footnotes
(5, 6) everywhere but the Word edition of the translation, where Word counts them on their
own (i, ii): every edition now numbers them so, in a list of their own after the footnotes.

The sentences are machine-translated by Apertium (Debian's apertium-eng-spa).
"""

from __future__ import annotations

import re
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
UNREVIEWED = "Sales grew in every region."
FOOTNOTES = ["The heading note.", "See the annual report.", "Measured in winter.", "In the cell."]
ENDNOTES = ["First endnote text.", "Second endnote text."]


def _refer(paragraph: Any, kind: str, note_id: int) -> None:
    reference = OxmlElement(f"w:{kind}Reference")
    reference.set(qn("w:id"), str(note_id))
    paragraph.add_run()._r.append(reference)


def _notes_part(word: Any, kind: str, texts: list[str]) -> None:
    notes = "".join(
        f'<w:{kind} w:id="{number}"><w:p><w:r><w:{kind}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>'
        for number, text in enumerate(texts, 1)
    )
    root = parse_xml(
        f'<w:{kind}s xmlns:w="{W}"><w:{kind} w:type="separator" w:id="-1"><w:p><w:r>'
        f"<w:separator/></w:r></w:p></w:{kind}>{notes}</w:{kind}s>"
    )
    footnotes = kind == "footnote"
    content = CONTENT_TYPE.WML_FOOTNOTES if footnotes else CONTENT_TYPE.WML_ENDNOTES
    part = XmlPart(PackURI(f"/word/{kind}s.xml"), content, root, word.part.package)
    relation = RELATIONSHIP_TYPE.FOOTNOTES if footnotes else RELATIONSHIP_TYPE.ENDNOTES
    word.part.relate_to(part, relation)


def _report(path: Path) -> None:
    """Footnotes on a heading, on two sentences and in a table's cell; two endnotes."""
    word = docx.Document()
    _refer(word.add_heading("Wind power results", level=1), "footnote", 1)
    paragraph = word.add_paragraph(UNREVIEWED)
    _refer(paragraph, "footnote", 2)
    paragraph.add_run(" Costs fell.")
    _refer(word.add_paragraph("The rotor turns slowly."), "footnote", 3)
    table = word.add_table(rows=1, cols=2)
    cell = table.cell(0, 0).paragraphs[0]
    cell.add_run("The blade is long.")
    _refer(cell, "footnote", 4)
    table.cell(0, 1).paragraphs[0].add_run("The tower is tall.")
    _refer(word.add_paragraph("Power output doubled."), "endnote", 1)
    _refer(word.add_paragraph("Maintenance is cheap."), "endnote", 2)
    _notes_part(word, "footnote", FOOTNOTES)
    _notes_part(word, "endnote", ENDNOTES)
    word.save(str(path))


def _termwise(root: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The report machine-translated, every sentence reviewed but ``UNREVIEWED``; with the
    translations, by source."""
    root = tmp_path_factory.mktemp("notes")
    source = root / "report.docx"
    _report(source)
    _termwise(root, "translate", str(source), "--to", "es", "--engine", "apertium")
    tfile = open_translation(ProjectLayout.at(root), load_document(source), "es")
    for unit in tfile.units.values():
        assert unit.target, unit.source
        if unit.source != UNREVIEWED:
            unit.set_translation(unit.target, reviewed=True)
    tfile.save()
    return source, {unit.source: unit.target for unit in tfile.units.values()}


def _export(source: Path, name: str, *extra: str) -> Path:
    out = source.parent / name
    _termwise(source.parent, "export", str(source), "--to", "es", "-o", str(out), *extra)
    return out


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def _note_texts(xml: str, kind: str) -> dict[str, str]:
    """A Word notes part's notes' texts, by id (the separators left out)."""
    root = parse_xml(xml.encode("utf-8"))
    return {
        note.get(qn("w:id")): "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
        for note in root.findall(qn(f"w:{kind}"))
        if note.get(qn("w:type")) is None
    }


def test_the_mark_follows_untranslated_in_markdown(project: tuple[Path, dict[str, str]]) -> None:
    source, translations = project
    text = _export(source, "x.md", "--target-only").read_text(encoding="utf-8")
    assert "[untranslated][^2] " in text, text
    body, _, notes = text.partition("\n[^1]: ")
    # Each note printed is referred to from the text, once.
    defined = re.findall(r"^\[\^(\w+)\]: ", "[^1]: " + notes, flags=re.MULTILINE)
    assert sorted(re.findall(r"\[\^(\w+)\]", body)) == sorted(defined), text
    assert f"[^2]: {translations['See the annual report.']}\n" in text


def test_the_mark_follows_untranslated_in_plain_text(
    project: tuple[Path, dict[str, str]],
) -> None:
    source, translations = project
    text = _export(source, "x.txt", "--target-only").read_text(encoding="utf-8")
    assert "[untranslated][2] " in text, text
    assert f"\n[2] {translations['See the annual report.']}\n" in text


def test_the_mark_follows_untranslated_in_html(project: tuple[Path, dict[str, str]]) -> None:
    source, translations = project
    html = _export(source, "x.html", "--target-only").read_text(encoding="utf-8")
    mark = '<sup class="note-ref"><a href="#note-2">2</a></sup>'
    assert f'<span class="missing">[untranslated]</span>{mark}' in html, html
    body, notes = html.split('<section class="notes">', 1)
    # Each note is linked to from the text.
    assert sorted(re.findall(r'href="#(note-\w+)"', body)) == sorted(
        re.findall(r'id="(note-\w+)"', notes)
    )
    assert translations["See the annual report."] in notes


def test_the_word_edition_keeps_the_note(project: tuple[Path, dict[str, str]]) -> None:
    source, translations = project
    out = _export(source, "x.docx", "--target-only")
    footnotes = _note_texts(_xml(out, "word/footnotes.xml"), "footnote")
    assert sorted(footnotes.values()) == sorted(translations[text] for text in FOOTNOTES)
    edition = docx.Document(str(out))
    (paragraph,) = [p for p in edition.paragraphs if p.text.startswith("[untranslated] ")]
    (reference,) = paragraph._p.findall(f".//{qn('w:footnoteReference')}")
    assert footnotes[reference.get(qn("w:id"))] == translations["See the annual report."]
    # Word numbers it 2, as the other editions do: the second reference in the document.
    body = _xml(out, "word/document.xml")
    order = re.findall(r'<w:footnoteReference w:id="(\d+)"', body)
    assert len(order) == 4 and order[1] == reference.get(qn("w:id"))


def test_the_bilingual_word_edition_marks_both_columns(
    project: tuple[Path, dict[str, str]],
) -> None:
    source, translations = project
    out = _export(source, "bi.docx")
    footnotes = _note_texts(_xml(out, "word/footnotes.xml"), "footnote")
    # Each note in each column, the source's and its translation, after the mark it shows.
    assert sorted(footnotes.values()) == sorted(
        f"{number} {text}"
        for number, note in enumerate(FOOTNOTES, 1)
        for text in (note, translations[note])
    )


def test_endnotes_are_numbered_on_their_own_everywhere(
    project: tuple[Path, dict[str, str]],
) -> None:
    source, translations = project
    first, second = (translations[text] for text in ENDNOTES)
    markdown = _export(source, "x.md", "--target-only").read_text(encoding="utf-8")
    assert f"[^4]: {translations[FOOTNOTES[3]]}\n\n[^i]: {first}\n\n[^ii]: {second}\n" in markdown
    assert markdown.count("[^i]") == 2 and "[^5]" not in markdown
    text = _export(source, "x.txt", "--target-only").read_text(encoding="utf-8")
    assert f"[4] {translations[FOOTNOTES[3]]}\n\n[i] {first}\n\n[ii] {second}\n" in text
    assert text.count("[ii]") == 2 and "[5]" not in text
    html = _export(source, "x.html", "--target-only").read_text(encoding="utf-8")
    notes = html.split('<section class="notes">', 1)[1]
    # The footnotes' list, then the endnotes' own.
    assert re.findall(r"<ol[^>]*>", notes) == ["<ol>", '<ol type="i">']
    assert notes.index(translations[FOOTNOTES[3]]) < notes.index('<ol type="i">')
    assert notes.index('<ol type="i">') < notes.index(first) < notes.index(second)
    assert '<a href="#note-ii">ii</a>' in html and ">5<" not in html
    # The Word edition of the translation numbers them so, and says it.
    word = _export(source, "x.docx", "--target-only")
    assert '<w:endnotePr><w:numFmt w:val="lowerRoman"/>' in _xml(word, "word/settings.xml")
    assert sorted(_note_texts(_xml(word, "word/endnotes.xml"), "endnote").values()) == sorted(
        [first, second]
    )
    # The bilingual one shows the same marks, written out.
    bilingual = _export(source, "bi.docx")
    endnotes = _note_texts(_xml(bilingual, "word/endnotes.xml"), "endnote")
    assert sorted(endnotes.values()) == sorted(
        [f"i {ENDNOTES[0]}", f"i {first}", f"ii {ENDNOTES[1]}", f"ii {second}"]
    )
    bilingual_html = _export(source, "bi.html").read_text(encoding="utf-8")
    assert bilingual_html.count('<a href="#note-i">i</a>') == 2 and ">5<" not in bilingual_html
