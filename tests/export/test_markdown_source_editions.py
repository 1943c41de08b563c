"""Editions of a Markdown source show what its inline markup means, never the markers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import DATA, Project

PAPER = """# Title of the *paper*

This is **important** and [documented](https://example.org/doc?a=1&b=2). Run `a < b` here.

The **Belt and Road Initiative** connects _many_ countries. Raw <script>alert(1)</script> stays.

See [the trick](javascript:alert(1)) and [a file](notes.md) and <https://example.org/x>.

| Period | Figure |
|---|---|
| Since *1978* | 40 years. |
"""

TRANSLATIONS = {
    "Title of the *paper*": "Título del *artículo*",
    "This is **important** and [documented](https://example.org/doc?a=1&b=2).": (
        "Esto es **importante** y está [documentado](https://example.org/doc?a=1&b=2)."
    ),
    "Run `a < b` here.": "Ejecute `a < b` aquí.",
    "The **Belt and Road Initiative** connects _many_ countries.": (
        "La **Iniciativa de la Franja y la Ruta** conecta _muchos_ países."
    ),
    "Raw <script>alert(1)</script> stays.": "El <script>alert(1)</script> crudo se queda.",
    "See [the trick](javascript:alert(1)) and [a file](notes.md) and <https://example.org/x>.": (
        "Vea [el truco](javascript:alert(1)) y [un archivo](notes.md) y <https://example.org/x>."
    ),
    "Period": "Periodo",
    "Figure": "Cifra",
    "Since *1978*": "Desde *1978*",
    "40 years.": "40 años.",
}


def make_markdown_project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "paper.en.md"
    paper.write_text(PAPER, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
    tfile.save()
    (root / "glossary").mkdir()
    (root / "glossary" / "mini.tbx").write_bytes((DATA / "mini-glossary.tbx").read_bytes())
    return Project(root=root, layout=layout, paper=paper, document=document)


def export(project: Project, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


class Elements(HTMLParser):
    """Every element with its attributes and its text, and every nesting error."""

    VOID = frozenset({"meta", "col", "br"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.found: list[tuple[str, dict[str, str | None], str]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        open_tag, attributes, parts = self.open.pop()
        if open_tag != tag:
            self.errors.append(f"</{tag}> closes <{open_tag}>")
        text = "".join(parts)
        if self.open:
            self.open[-1][2].append(text)
        self.found.append((tag, attributes, " ".join(text.split())))

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][2].append(data)

    def texts(self, tag: str) -> list[str]:
        return [text for found, _, text in self.found if found == tag]


def parse(path: Path) -> Elements:
    elements = Elements()
    elements.feed(path.read_text(encoding="utf-8"))
    assert not elements.open and not elements.errors
    return elements


def test_html_edition_renders_inline_markup_in_both_columns(tmp_path: Path) -> None:
    project = make_markdown_project(tmp_path)
    out = export(project, "paper.html")
    html = out.read_text(encoding="utf-8")
    page = parse(out)
    assert page.texts("title") == ["Title of the paper"]
    # The title's row is the page's one title, in both languages, markup kept.
    assert page.texts("h1") == ["Title of the paper", "Título del artículo"]
    assert re.search(r"<h1><span [^>]*>Title of the <em>paper</em></span></h1>", html)
    assert {"important", "importante", "paper", "artículo", "many", "muchos"} <= set(
        page.texts("strong") + page.texts("em")
    )
    assert page.texts("code") == ["a < b", "a < b"]
    links = [(attributes.get("href"), text) for tag, attributes, text in page.found if tag == "a"]
    assert links == [
        ("https://example.org/doc?a=1&b=2", "documented"),
        ("https://example.org/doc?a=1&b=2", "documentado"),
        ("https://example.org/x", "https://example.org/x"),
        ("https://example.org/x", "https://example.org/x"),
    ]
    # A table is a table on each side, and the markup in its cells is rendered too.
    assert page.texts("th")[-4:] == ["Period", "Figure", "Periodo", "Cifra"]
    assert {"Since 1978", "Desde 1978"} <= set(page.texts("td"))
    for marker in ("**", "*paper*", "_many_", "](", "`"):
        assert marker not in html.split("<body>")[1], marker


def test_html_edition_of_markdown_stays_safe(tmp_path: Path) -> None:
    project = make_markdown_project(tmp_path)
    html = export(project, "paper.html").read_text(encoding="utf-8")
    page = parse(project.root / "paper.html")
    assert "script" not in {tag for tag, _, _ in page.found}
    assert "Raw &lt;script&gt;alert(1)&lt;/script&gt; stays." in html
    # Only http(s) and mailto targets become links; the others are their text.
    assert "javascript:" not in html and "notes.md" not in html
    assert "See the trick and a file and" in " ".join(page.texts("td"))


def test_html_marks_glossary_terms_inside_markup(tmp_path: Path) -> None:
    project = make_markdown_project(tmp_path)
    html = export(project, "paper.html").read_text(encoding="utf-8")
    assert (
        '<strong><span class="term preferred" data-concept="T08" '
        'title="T08: preferred">Belt and Road Initiative</span></strong>'
    ) in html
    assert 'title="T08: preferred">Iniciativa de la Franja y la Ruta</span></strong>' in html


def test_markdown_edition_keeps_the_markup_of_a_markdown_source(tmp_path: Path) -> None:
    project = make_markdown_project(tmp_path)
    text = export(project, "paper.es.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:2] == ["# Title of the *paper*", "# Título del *artículo*"]
    assert lines.count("# Title of the *paper*") == 1
    assert (
        "| This is **important** and [documented](https://example.org/doc?a=1&b=2). "
        "Run `a < b` here. | Esto es **importante** y está "
        "[documentado](https://example.org/doc?a=1&b=2). Ejecute `a < b` aquí. |"
    ) in lines
    assert "| Since *1978* | 40 years. |" in lines
    assert "| Desde *1978* | 40 años. |" in lines
    # Raw HTML shows as text, as in the HTML edition.
    assert "Raw \\<script\\>alert(1)\\</script\\> stays." in text
    target = export(project, "es.md", "--target-only").read_text(encoding="utf-8")
    assert target.startswith("# Título del *artículo*\n\nEsto es **importante** y está ")


def test_docx_edition_shows_text_without_markers(tmp_path: Path) -> None:
    project = make_markdown_project(tmp_path)
    word = docx.Document(str(export(project, "paper.docx")))
    assert word.core_properties.title == "Title of the paper"
    rows = [[cell.text for cell in row.cells] for row in word.tables[0].rows]
    # The title once, in the first row beside its translation: no heading above the table.
    assert rows[1] == ["Title of the paper", "Título del artículo"]
    assert word.tables[0].rows[1].cells[0].paragraphs[0].style.name == "Heading 1"
    assert not any(paragraph.text == "Title of the paper" for paragraph in word.paragraphs)
    assert rows[2] == [
        "This is important and documented. Run a < b here.",
        "Esto es importante y está documentado. Ejecute a < b aquí.",
    ]
    # The table: a Word table on each side of its row.
    source_table = word.tables[0].rows[-1].cells[0].tables[0]
    target_table = word.tables[0].rows[-1].cells[1].tables[0]
    assert [cell.text for cell in source_table.rows[-1].cells] == ["Since 1978", "40 years."]
    assert [cell.text for cell in target_table.rows[-1].cells] == ["Desde 1978", "40 años."]
    target_cell = word.tables[0].rows[2].cells[1].paragraphs[0]
    assert [run.text for run in target_cell.runs if run.bold] == ["importante"]
    assert [run.text for run in target_cell.runs if run.font.name == "Consolas"] == ["a < b"]
