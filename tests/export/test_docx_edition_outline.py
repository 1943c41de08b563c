"""The Word edition's outline and glossary marks.

Its bilingual table held headings as bold runs in Normal paragraphs, which Word's navigation
pane and a table of contents do not see; and it marked no glossary term, where the HTML
edition marks every one.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import Project

# Word's outline level of body text: in no outline.
BODY_TEXT = 9


def outline_level(paragraph: Any) -> int:
    """The outline level Word gives ``paragraph`` (0 for a top-level heading): its own,
    else its style's, else the style's base style's, and so on."""
    properties = paragraph._p.pPr
    found = None if properties is None else properties.find(qn("w:outlineLvl"))
    style = paragraph.style
    while found is None and style is not None:
        style_properties = style.element.pPr
        if style_properties is not None:
            found = style_properties.find(qn("w:outlineLvl"))
        style = style.base_style
    return BODY_TEXT if found is None else int(found.get(qn("w:val")))


def reading_order(document: Any) -> list[Any]:
    """Every paragraph of the body, those in table cells included, in the order they stand."""
    paragraphs = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs.append(docx.text.paragraph.Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            table = docx.table.Table(child, document)
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
    return paragraphs


def headed_project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    root.mkdir()
    paper = root / "paper.md"
    paper.write_text(
        "# The Paper\n\nIntro.\n\n## One\n\nText one.\n\n### One point one\n\nText two.\n\n"
        "#### Deep\n\nText three.\n\n## Two\n\nText four.\n",
        encoding="utf-8",
    )
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation(f"ES {unit.source}", reviewed=True)
    tfile.save()
    return Project(root, layout, paper, document)


def export(project: Project, name: str, *options: str) -> Any:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *options)
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


def test_bilingual_docx_headings_are_in_the_outline_once(tmp_path: Path) -> None:
    word = export(headed_project(tmp_path), "paper.docx")
    outline = [
        (paragraph.text, outline_level(paragraph))
        for paragraph in reading_order(word)
        if outline_level(paragraph) != BODY_TEXT
    ]
    # What the navigation pane lists: the title (the heading above the table, not its row
    # again), then the source column's headings at their levels, the translations' not
    # a second time.
    assert outline == [
        ("The Paper", 0),
        ("One", 1),
        ("One point one", 2),
        ("Deep", 3),
        ("Two", 1),
    ]
    cells = {
        paragraph.text: paragraph
        for row in word.tables[0].rows
        for cell in row.cells
        for paragraph in cell.paragraphs
    }
    assert cells["One"].style.name == "Heading 2"
    assert cells["One point one"].style.name == "Heading 3"
    assert cells["Deep"].style.name == "Heading 4"
    # The translation's heading looks as its source's does: a style based on the same one.
    for source, level in (("One", 2), ("One point one", 3), ("Deep", 4)):
        translated = cells[f"ES {source}"]
        assert translated.style.base_style.name == f"Heading {level}"
        assert outline_level(translated) == BODY_TEXT
    assert cells["Intro."].style.name == "Normal"
    # A page's space above a heading (24 pt for Heading 1) is too much above a table row.
    assert cells["One"].paragraph_format.space_before.pt <= 6


def test_bilingual_docx_title_row_enters_the_outline_under_another_title(
    tmp_path: Path,
) -> None:
    word = export(headed_project(tmp_path), "paper.docx", "--title", "Proceedings")
    outline = [
        paragraph.text for paragraph in reading_order(word) if outline_level(paragraph) != BODY_TEXT
    ]
    assert outline[:3] == ["Proceedings", "The Paper", "One"]


def runs_in_cells(word: Any) -> list[Any]:
    return [
        run
        for row in word.tables[0].rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]


def underline(run: Any) -> tuple[str | None, str | None]:
    """The run's underline and its colour, as its XML says."""
    properties = run._r.rPr
    mark = None if properties is None else properties.find(qn("w:u"))
    if mark is None:
        return None, None
    return mark.get(qn("w:val")), mark.get(qn("w:color"))


def texts(word: Any) -> tuple[list[str], list[str]]:
    """The texts of the body's paragraphs, and of the edition table's cells."""
    paragraphs = [paragraph.text for paragraph in word.paragraphs]
    return paragraphs, [cell.text for row in word.tables[0].rows for cell in row.cells]


def test_docx_marks_preferred_and_deprecated_terms_apart(project: Project) -> None:
    # The glossary given with --glossary, the project having none of its own.
    glossary = project.root.parent / "glossary.tbx"
    shutil.move(str(project.root / "glossary" / "mini.tbx"), glossary)
    plain = export(project, "plain.docx", "--include-unreviewed")
    marked = export(project, "marked.docx", "--include-unreviewed", "--glossary", str(glossary))
    runs = {run.text: run for run in runs_in_cells(marked)}
    deprecated = underline(runs["community of human destiny"])
    preferred = underline(runs["Belt and Road Initiative"])
    assert preferred[0] is not None and deprecated[0] is not None
    assert preferred != deprecated and preferred[0] != deprecated[0]
    assert underline(runs["comunidad de futuro compartido de la humanidad"]) == preferred
    assert underline(runs["Iniciativa de la Franja y la Ruta"]) == preferred
    # Only the terms: the words around them keep their look.
    assert underline(runs["China proposed the "]) == (None, None)
    # The texts are what they were, the legend of the marks added after the table.
    plain_paragraphs, plain_cells = texts(plain)
    marked_paragraphs, marked_cells = texts(marked)
    assert marked_cells == plain_cells
    assert marked_paragraphs[: len(plain_paragraphs)] == plain_paragraphs
    legend = marked_paragraphs[len(plain_paragraphs) :]
    assert len(legend) == 1 and "deprecated" in legend[0] and "preferred" in legend[0]
    legend_marks = {
        underline(run) for run in marked.paragraphs[-1].runs if underline(run) != (None, None)
    }
    assert legend_marks == {preferred, deprecated}
    if hasattr(marked, "comments"):
        # python-docx 1.2 and later: the official rendering in a comment on the term.
        notes = [comment.text for comment in marked.comments]
        assert notes == ["T01: deprecated; official: community with a shared future for mankind"]
    assert not any(underline(run) != (None, None) for run in runs_in_cells(plain))


def test_translated_docx_marks_its_terms_from_the_project_glossary(project: Project) -> None:
    word = export(project, "es.docx", "--target-only", "--term-marks")
    runs = {run.text: run for paragraph in word.paragraphs for run in paragraph.runs}
    assert underline(runs["comunidad de futuro compartido de la humanidad"])[0] == "dotted"
    assert word.paragraphs[-1].text.startswith("Glossary terms")
    help_text = project.run("export", "--help").output
    assert "HTML and Word editions" in " ".join(help_text.split())
