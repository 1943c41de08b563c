"""A Word list numbered "a.", "b." or "i.", "ii." keeps its numbering in every edition.

Every ordered list was printed in digits: a paper whose text refers to "item (b)" printed
"2." there.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.document.model import ListItem
from termwise.export.layout import number_label
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import Project

ITEMS = {
    "Plan the routes.": "Planificar las rutas.",
    "Build the ports.": "Construir los puertos.",
    "Open the lines.": "Abrir las líneas.",
    "First principle.": "Primer principio.",
    "Second principle.": "Segundo principio.",
}


def _numbered(word: docx.Document, fmt: str, text: str = "%1.") -> int:
    """A numbering instance of its own, copied from "List Number"'s, writing ``fmt``."""
    import copy

    numbering = word.part.numbering_part.element
    style_num = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(style_num).abstractNumId.val
    abstract = next(
        element
        for element in numbering.iterchildren(qn("w:abstractNum"))
        if element.get(qn("w:abstractNumId")) == str(abstract_id)
    )
    new_abstract = copy.deepcopy(abstract)
    new_id = str(
        max(int(e.get(qn("w:abstractNumId"))) for e in numbering.iterchildren(qn("w:abstractNum")))
        + 1
    )
    new_abstract.set(qn("w:abstractNumId"), new_id)
    for level in new_abstract.iterchildren(qn("w:lvl")):
        level.find(qn("w:numFmt")).set(qn("w:val"), fmt)
        depth = int(level.get(qn("w:ilvl"))) + 1
        level.find(qn("w:lvlText")).set(qn("w:val"), text.replace("%1", f"%{depth}"))
    for child in list(new_abstract):
        if child.tag in (qn("w:nsid"), qn("w:numStyleLink"), qn("w:styleLink")):
            new_abstract.remove(child)
    numbering.insert(0, new_abstract)
    return int(numbering.add_num(int(new_id)).numId)


def write_lettered_paper(path: Path) -> None:
    word = docx.Document()
    word.add_heading("Steps", level=1)
    letters = _numbered(word, "lowerLetter")
    roman = _numbered(word, "upperRoman")
    for text, num_id in (
        ("Plan the routes.", letters),
        ("Build the ports.", letters),
        ("Open the lines.", letters),
        ("First principle.", roman),
        ("Second principle.", roman),
    ):
        paragraph = word.add_paragraph(text, style="List Paragraph")
        properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        properties.get_or_add_ilvl().val = 0
        properties.get_or_add_numId().val = num_id
    word.save(str(path))


def make_project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "steps.docx"
    write_lettered_paper(paper)
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation(ITEMS.get(unit.source, "Pasos"), reviewed=True)
    tfile.save()
    return Project(root=root, layout=layout, paper=paper, document=document)


def export(project: Project, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def test_word_numbering_formats_are_read(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    items = [segment.list_item for segment in project.document.segments]
    assert items[1:] == [
        ListItem(True, 1, 1, "lowerLetter", "."),
        ListItem(True, 2, 1, "lowerLetter", "."),
        ListItem(True, 3, 1, "lowerLetter", "."),
        ListItem(True, 1, 1, "upperRoman", "."),
        ListItem(True, 2, 1, "upperRoman", "."),
    ]


def test_number_labels() -> None:
    assert [number_label(n, "lowerLetter") for n in (1, 2, 26, 27, 28)] == [
        "a", "b", "z", "aa", "bb",
    ]  # fmt: skip
    assert [number_label(n, "upperRoman") for n in (1, 4, 9, 14, 40, 1994)] == [
        "I", "IV", "IX", "XIV", "XL", "MCMXCIV",
    ]  # fmt: skip
    assert number_label(7, "lowerRoman") == "vii"
    assert number_label(0, "lowerLetter") == "0"
    assert number_label(3, "decimal") == "3"


def test_html_edition_writes_letters_and_roman_numerals(tmp_path: Path) -> None:
    html = export(make_project(tmp_path), "steps.html").read_text(encoding="utf-8")
    # The two lists stay two lists, each in its own numbering, in both columns.
    assert html.count('<ol type="a">') == 2
    assert html.count('<ol type="I">') == 2
    assert "<ol>" not in html


def test_text_and_markdown_editions_write_the_labels(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    text = export(project, "steps.txt", "--target-only").read_text(encoding="utf-8")
    assert "a. Planificar las rutas.\nb. Construir los puertos.\nc. Abrir las líneas." in text
    assert "I. Primer principio.\nII. Segundo principio." in text
    markdown = export(project, "steps.md", "--target-only").read_text(encoding="utf-8")
    # CommonMark numbers in digits only: a bullet item that starts with the label.
    assert "- a. Planificar las rutas.\n- b. Construir los puertos." in markdown
    # The roman list is a list of its own: with the same bullets as the lettered one just
    # before it and nothing between them, CommonMark read one list of five items.
    assert "\n\n<!-- -->\n\n- I. Primer principio.\n- II. Segundo principio." in markdown
    html = MarkdownIt("commonmark").render(markdown)
    assert html.count("<ul>") == 2 and html.count("<li>") == 5


def test_word_edition_numbers_its_lists_as_the_source(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for extra in ((), ("--target-only",)):
        edition = export(project, "steps.es.docx", *extra)
        items = [
            segment.list_item
            for segment in load_document(edition).segments
            if segment.list_item is not None
        ]
        numberings = [(item.numbering, item.number) for item in items]
        letters = [("lowerLetter", n) for n in (1, 2, 3)]
        roman = [("upperRoman", n) for n in (1, 2)]
        # Bilingual: each list's row holds the source's list, then the translation's.
        copies = 1 if extra else 2
        assert numberings == letters * copies + roman * copies


def test_a_lists_delimiter_is_kept(tmp_path: Path) -> None:
    # A Word list numbered "a)" came out as "a." in every edition.
    word = docx.Document()
    word.add_heading("Steps", level=1)
    letters = _numbered(word, "lowerLetter", "%1)")
    for text in ("Plan the routes.", "Build the ports."):
        paragraph = word.add_paragraph(text, style="List Paragraph")
        properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        properties.get_or_add_ilvl().val = 0
        properties.get_or_add_numId().val = letters
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "steps.docx"
    word.save(str(paper))
    document = load_document(paper)
    assert [segment.list_item.marker for segment in document.segments[1:]] == [")", ")"]
    tfile = open_translation(ProjectLayout.at(root), document, "es")
    for unit in tfile.units.values():
        unit.set_translation(ITEMS.get(unit.source, "Pasos"), reviewed=True)
    tfile.save()
    project = Project(root=root, layout=ProjectLayout.at(root), paper=paper, document=document)
    text = export(project, "steps.txt", "--target-only").read_text(encoding="utf-8")
    assert "a) Planificar las rutas.\nb) Construir los puertos." in text
    markdown = export(project, "steps.md", "--target-only").read_text(encoding="utf-8")
    assert "- a) Planificar las rutas." in markdown
    edition = export(project, "steps.es.docx", "--target-only")
    items = [s.list_item for s in load_document(edition).segments if s.list_item is not None]
    assert [(item.numbering, item.number, item.marker) for item in items] == [
        ("lowerLetter", 1, ")"),
        ("lowerLetter", 2, ")"),
    ]


def test_a_markdown_lists_delimiter_is_kept_in_the_translation(tmp_path: Path) -> None:
    # The published "1) Llamar…" came out as "1. Llamar…".
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "steps.md"
    paper.write_text("# Steps\n\n1) Plan the routes.\n2) Build the ports.\n", encoding="utf-8")
    document = load_document(paper)
    tfile = open_translation(ProjectLayout.at(root), document, "es")
    for unit in tfile.units.values():
        unit.set_translation(ITEMS.get(unit.source, "Pasos"), reviewed=True)
    tfile.save()
    project = Project(root=root, layout=ProjectLayout.at(root), paper=paper, document=document)
    markdown = export(project, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert "1) Planificar las rutas.\n2) Construir los puertos." in markdown
