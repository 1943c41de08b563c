"""A Markdown table's column alignment (its delimiter row's colons) stays in every edition:
a Markdown one prints the delimiter row as the source wrote it (both tables of a bilingual
one), an HTML one aligns the cells as a Markdown renderer does, a Word one aligns their
paragraphs. Every edition printed "| --- |", and figures lost their right alignment."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import Project

PAPER = """# Prices

| Item | Price | Note |
|:-----|-----------:|:---:|
| Tea | Three euros. | Hot. |

> |  | Share |
> |---|--:|
> | Exports | Ten percent. |
"""

TRANSLATIONS = {
    "Prices": "Precios",
    "Item": "Artículo",
    "Price": "Precio",
    "Note": "Nota",
    "Tea": "Té",
    "Three euros.": "Tres euros.",
    "Hot.": "Caliente.",
    "Share": "Cuota",
    "Exports": "Exportaciones",
    "Ten percent.": "Diez por ciento.",
}


def _project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "prices.en.md"
    paper.write_text(PAPER, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
    tfile.save()
    return Project(root=root, layout=layout, paper=paper, document=document)


def _export(project: Project, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def _aligned(html: str) -> dict[str, str]:
    """Each cell's text with the alignment its style gives it ("" for none)."""
    cells = re.findall(r'<t[hd](?: style="text-align: ?(\w+)")?>(.*?)</t[hd]>', html)
    return {re.sub("<[^>]*>", "", text): alignment for alignment, text in cells}


def test_a_markdown_edition_keeps_the_delimiter_rows(tmp_path: Path) -> None:
    project = _project(tmp_path)
    text = _export(project, "prices.es.md").read_text(encoding="utf-8")
    assert text.count("| :----- | -----------: | :---: |") == 2, text
    assert text.count("> | --- | --: |") == 2, text
    rendered = _aligned(MarkdownIt("gfm-like").render(text))
    for cell in ("Price", "Precio", "Three euros.", "Tres euros.", "Ten percent.", "Cuota"):
        assert rendered[cell] == "right", (cell, rendered)
    assert rendered["Caliente."] == "center"
    assert rendered["Té"] == "left"
    assert rendered["Exportaciones"] == ""


def test_a_target_only_markdown_edition_keeps_them(tmp_path: Path) -> None:
    project = _project(tmp_path)
    text = _export(project, "prices.es.md", "--target-only").read_text(encoding="utf-8")
    rendered = _aligned(MarkdownIt("gfm-like").render(text))
    assert rendered["Tres euros."] == "right", text
    assert rendered["Nota"] == "center", text
    assert rendered["Diez por ciento."] == "right", text


def test_an_html_edition_aligns_the_cells(tmp_path: Path) -> None:
    project = _project(tmp_path)
    for extra in ((), ("--target-only",)):
        page = _aligned(_export(project, "prices.es.html", *extra).read_text(encoding="utf-8"))
        assert page["Tres euros."] == "right", page
        assert page["Precio"] == "right", page
        assert page["Caliente."] == "center", page
        assert page["Té"] == "left", page
        assert page["Diez por ciento."] == "right", page
        assert page["Exportaciones"] == "", page


def test_a_word_edition_aligns_the_cell_paragraphs(tmp_path: Path) -> None:
    project = _project(tmp_path)
    word = docx.Document(str(_export(project, "prices.es.docx", "--target-only")))
    alignments = {
        paragraph.text: paragraph.alignment
        for table in word.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
    }
    assert alignments["Tres euros."] == WD_ALIGN_PARAGRAPH.RIGHT, alignments
    assert alignments["Caliente."] == WD_ALIGN_PARAGRAPH.CENTER, alignments
    assert alignments["Té"] == WD_ALIGN_PARAGRAPH.LEFT, alignments
    assert alignments["Exportaciones"] is None, alignments
