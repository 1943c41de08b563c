"""Bilingual and translated editions: HTML, Markdown, .docx, text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import docx

from .sample_project import Project

REVIEWED_SENTENCE = "China propuso la comunidad de futuro compartido de la humanidad."
MT_SENTENCE = "Es un concepto de vida."
EDITED_SENTENCE = "El comercio creció un 5 % y más en 2020."


def export(project: Project, fmt: str, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run(
        "export", str(project.paper), "--to", "es", "--format", fmt, "-o", str(out), *extra
    )
    assert result.exit_code == 0, result.output
    return out


VOID = {"meta", "col", "br", "link"}


class Collector(HTMLParser):
    """Records the structure a browser would build, to check it without string matching."""

    def __init__(self) -> None:
        super().__init__()
        # One entry per open element: its tag, attributes and the text inside it so far.
        self.stack: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.rows: list[list[str]] = []
        self.terms: list[tuple[str, str, str]] = []  # (class, concept, text)
        self.headings: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if tag == "tr":
            self.rows.append([])
        self.stack.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        open_tag, attributes, parts = self.stack.pop()
        if open_tag != tag:
            self.errors.append(f"</{tag}> closes <{open_tag}>")
        text = " ".join("".join(parts).split())
        if self.stack:
            self.stack[-1][2].append("".join(parts))
        classes = (attributes.get("class") or "").split()
        if "term" in classes:
            self.terms.append((" ".join(classes), attributes.get("data-concept") or "", text))
        if tag == "td" and self.rows:
            self.rows[-1].append(text)
        if tag == "h2":
            self.headings.append(text)

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][2].append(data)


def parse_html(path: Path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    assert not collector.stack, "unclosed elements"
    return collector


def test_html_bilingual_edition(project: Project) -> None:
    out = export(project, "html", "paper.html")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "@media print" in html and "http" not in html.split("<body>")[0].replace(
        'content="width=device-width', ""
    )
    doc = parse_html(out)
    assert not doc.errors
    body_rows = [row for row in doc.rows if row]
    # One row per heading or paragraph, source left and target right.
    assert body_rows[0] == ["Community of Destiny", "Comunidad de destino"]
    assert (
        body_rows[1][0] == "China proposed the community of human destiny. It is a concept of life."
    )
    # Unreviewed MT is left out by default.
    assert body_rows[1][1] == f"{REVIEWED_SENTENCE} [untranslated]"
    assert MT_SENTENCE not in html and EDITED_SENTENCE not in html
    assert "Cooperation brings &lt;win-win&gt; results." in html  # escaped, never markup
    # The title's row is the page's title, in both columns; the header does not repeat it.
    assert html.count("<h1>") == 2
    assert doc.headings[:2] == ["Conclusion", "Conclusión"]


def test_html_marks_glossary_terms(project: Project) -> None:
    doc = parse_html(export(project, "html", "paper.html"))
    assert ("term deprecated", "T01", "community of human destiny") in doc.terms
    assert ("term preferred", "T08", "Belt and Road Initiative") in doc.terms
    assert ("term preferred", "T01", "comunidad de futuro compartido de la humanidad") in doc.terms
    assert ("term preferred", "T08", "Iniciativa de la Franja y la Ruta") in doc.terms


def test_html_include_unreviewed_marks_it(project: Project) -> None:
    out = export(project, "html", "all.html", "--include-unreviewed")
    html = out.read_text(encoding="utf-8")
    assert (
        f'data-state="mt" title="not reviewed (mt)">{MT_SENTENCE}<span class="unreviewed-mark">†</span>'
        in html
    )
    assert 'data-state="edited"' in html
    assert "† machine translation or draft, not yet reviewed" in html


def test_a_bilingual_html_edition_is_in_the_language_of_its_title(project: Project) -> None:
    # It said lang="es" above the English title and termwise's English subtitle.
    html = export(project, "html", "both.html", "--include-unreviewed").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert '<p lang="en">English – Spanish, bilingual edition</p>' in html
    assert '<td lang="es">' in html


def test_html_target_only(project: Project) -> None:
    out = export(project, "html", "es.html", "--target-only", "--include-unreviewed")
    html = out.read_text(encoding="utf-8")
    assert '<html lang="es">' in html
    assert '<p lang="es">español · <span lang="en">Community of Destiny</span></p>' in html
    assert "China proposed" not in html
    assert '<h1><span class="seg" data-seg=' in html and "Comunidad de destino</span></h1>" in html
    doc = parse_html(out)
    assert doc.headings == ["Conclusión"]  # the title is the h1, not a heading again


def test_markdown_editions(project: Project) -> None:
    text = export(project, "md", "paper.md.out", "--include-unreviewed").read_text(encoding="utf-8")
    lines = text.splitlines()
    # The title's row is the title, printed once.
    assert lines[:2] == ["# Community of Destiny", "# Comunidad de destino"]
    assert lines.count("# Community of Destiny") == 1
    assert "| English | Spanish |" in lines
    assert (
        f"| China proposed the community of human destiny. It is a concept of life. | {REVIEWED_SENTENCE} {MT_SENTENCE}† |"
        in lines
    )
    assert "| Cooperation brings \\<win-win\\> results. | [untranslated] |" in lines
    target = export(project, "md", "es.md", "--target-only").read_text(encoding="utf-8")
    assert target.splitlines()[0] == "# Comunidad de destino"
    assert "## Comunidad de destino" not in target.splitlines()
    assert "China proposed" not in target


def test_docx_two_column_table(project: Project) -> None:
    out = export(project, "docx", "paper.docx")
    document = docx.Document(str(out))
    table = document.tables[0]
    assert len(table.columns) == 2
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["English", "Spanish"]
    assert cells[1] == ["Community of Destiny", "Comunidad de destino"]
    assert cells[2][1] == f"{REVIEWED_SENTENCE} [untranslated]"
    # Word shows these as the file's author and dates: not python-docx's, in 2013.
    properties = document.core_properties
    assert properties.author == "" and "python-docx" not in (properties.comments or "")
    assert properties.created is not None and properties.created.year >= 2026
    assert properties.title == "Community of Destiny" and properties.language == "es"
    target_only = docx.Document(str(export(project, "docx", "es.docx", "--target-only")))
    assert not target_only.tables
    texts = [p.text for p in target_only.paragraphs]
    assert "Comunidad de destino" in texts and "Conclusión" in texts


def test_text_editions(project: Project) -> None:
    bilingual = export(project, "txt", "paper.txt").read_text(encoding="utf-8")
    assert bilingual.startswith("Community of Destiny\nComunidad de destino\n\n")
    target = export(project, "txt", "es.txt", "--target-only", "--include-unreviewed").read_text(
        encoding="utf-8"
    )
    assert target.splitlines()[:3] == [
        "Comunidad de destino",
        "",
        f"{REVIEWED_SENTENCE} {MT_SENTENCE}†",
    ]
    assert target.rstrip().endswith("not yet reviewed")


def test_a_run_of_untranslated_sentences_is_marked_once(project: Project) -> None:
    # Without --include-unreviewed the second paragraph has two unreviewed sentences in a row.
    text = export(project, "txt", "es.txt", "--target-only").read_text(encoding="utf-8")
    assert text.splitlines()[2] == f"{REVIEWED_SENTENCE} [untranslated]"
    assert (
        text.splitlines()[4]
        == "La Iniciativa de la Franja y la Ruta conecta muchos países. [untranslated]"
    )
    html = export(project, "html", "es.html", "--target-only").read_text(encoding="utf-8")
    assert html.count("[untranslated]") == 4  # three passages and the footer legend


def test_docx_holds_page_breaks_and_control_characters(tmp_path: Path) -> None:
    # PDF-extracted text keeps a form feed where a page broke inside a sentence, and a
    # translation edited elsewhere may hold a backspace: python-docx raised ValueError
    # ("All strings must be XML compatible") and no Word edition was written.
    from termwise.document import load_document
    from termwise.project.layout import ProjectLayout
    from termwise.project.translations import open_translation

    from .sample_project import Project

    paper = tmp_path / "paper.txt"
    paper.write_text("The community of human destiny is a\fconcept of China.\n", encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    document = load_document(paper)
    assert "\f" in document.segments[0].text
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation("La comunidad\fde destino es un\bconcepto.", reviewed=True)
    tfile.save()
    project = Project(root=tmp_path, layout=layout, paper=paper, document=document)
    cells = [
        [cell.text for cell in row.cells]
        for row in docx.Document(str(export(project, "docx", "paper.docx"))).tables[0].rows
    ]
    assert cells[1] == [
        "The community of human destiny is a concept of China.",
        "La comunidad de destino es un\\u0008concepto.",
    ]
