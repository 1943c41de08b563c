"""Tables and lists of the source stay tables and lists in every edition.

Each cell of a table and each list item is a segment of its own, and was printed as a
paragraph of its own: a paper's table of figures came out as a column of loose phrases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import docx
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import DATA, Project

PAPER = """# Figures

The Belt and Road Initiative connects many countries.

| Period | Programme | Partners |
|---|---|---|
| Since 2013 | The Belt and Road Initiative | 138 countries \\| regions |

- Trade grew.
- Investment grew.
  - Ports were built.

1. Plan the routes.
2. Build the ports.
"""

# source -> (translation, reviewed); a source missing here has no translation at all.
TRANSLATIONS = {
    "Figures": ("Cifras", True),
    "The Belt and Road Initiative connects many countries.": (
        "La Iniciativa de la Franja y la Ruta conecta muchos países.",
        True,
    ),
    "Period": ("Periodo", True),
    "Programme": ("Programa", True),
    "Partners": ("Socios", True),
    "Since 2013": ("Desde 2013", True),
    "The Belt and Road Initiative": ("La Iniciativa de la Franja y la Ruta", True),
    "138 countries \\| regions": ("138 países \\| regiones", True),
    "Trade grew.": ("El comercio creció.", True),
    "Investment grew.": ("La inversión creció.", False),
    "Ports were built.": ("Se construyeron puertos.", True),
    "Plan the routes.": ("Planificar las rutas.", True),
}


def make_structured_project(tmp_path: Path, paper_name: str = "paper.en.md") -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / paper_name
    if paper_name.endswith(".md"):
        paper.write_text(PAPER, encoding="utf-8")
    else:
        write_word_paper(paper)
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        found = TRANSLATIONS.get(unit.source)
        if found is not None:
            text, reviewed = found
            unit.set_translation(text, reviewed=reviewed)
    tfile.save()
    (root / "glossary").mkdir()
    (root / "glossary" / "mini.tbx").write_bytes((DATA / "mini-glossary.tbx").read_bytes())
    return Project(root=root, layout=layout, paper=paper, document=document)


def write_word_paper(path: Path) -> None:
    """The same paper as a Word author writes it: a table and a numbered list."""
    word = docx.Document()
    word.add_heading("Figures", level=1)
    word.add_paragraph("The Belt and Road Initiative connects many countries.")
    table = word.add_table(rows=2, cols=3)
    for column, text in enumerate(["Period", "Programme", "Partners"]):
        table.cell(0, column).text = text
    for column, text in enumerate(["Since 2013", "The Belt and Road Initiative", "138 countries"]):
        table.cell(1, column).text = text
    word.add_paragraph("Plan the routes.", style="List Number")
    word.add_paragraph("Build the ports.", style="List Number")
    word.save(str(path))


def export(project: Project, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


# --- reading HTML back into a tree ------------------------------------------------------------


@dataclass
class Node:
    tag: str
    attributes: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        parts = [child if isinstance(child, str) else child.text() for child in self.children]
        return " ".join("".join(parts).split())

    def find_all(self, tag: str, css: str | None = None) -> list[Node]:
        found: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                classes = (child.attributes.get("class") or "").split()
                if child.tag == tag and (css is None or css in classes):
                    found.append(child)
                found.extend(child.find_all(tag, css))
        return found

    def elements(self) -> list[Node]:
        return [child for child in self.children if isinstance(child, Node)]


class TreeBuilder(HTMLParser):
    VOID = frozenset({"meta", "col", "br"})

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        node = self.stack.pop()
        assert node.tag == tag, f"</{tag}> closes <{node.tag}>"

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def html_tree(path: Path) -> Node:
    builder = TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def grid(table: Node) -> list[list[str]]:
    """A table's rows of cell texts, header row included (its own cells, no nested ones)."""
    rows: list[list[str]] = []
    for section in table.elements():
        for row in section.elements() if section.tag in ("thead", "tbody") else [section]:
            rows.append([cell.text() for cell in row.elements() if cell.tag in ("td", "th")])
    return rows


def items(listing: Node) -> list[str]:
    """The texts of a list's own items, each without the lists nested in it."""
    texts = []
    for item in listing.elements():
        own = Node("li", {}, [c for c in item.children if isinstance(c, str) or c.tag == "span"])
        texts.append(own.text())
    return texts


def top_lists(markdown: str) -> list[list[str]]:
    """The items of each list at the top of ``markdown``, as CommonMark reads it: two lists
    it would read as one come out as one here."""
    builder = TreeBuilder()
    builder.feed(MarkdownIt("commonmark").render(markdown))
    return [items(node) for node in builder.root.elements() if node.tag in ("ul", "ol")]


# --- Markdown source --------------------------------------------------------------------------

SOURCE_GRID = [
    ["Period", "Programme", "Partners"],
    ["Since 2013", "The Belt and Road Initiative", "138 countries | regions"],
]
TARGET_GRID = [
    ["Periodo", "Programa", "Socios"],
    ["Desde 2013", "La Iniciativa de la Franja y la Ruta", "138 países | regiones"],
]


def test_html_bilingual_prints_the_table_and_the_lists_side_by_side(tmp_path: Path) -> None:
    project = make_structured_project(tmp_path)
    page = html_tree(export(project, "paper.html"))
    table_row = page.find_all("tr", "table")
    assert len(table_row) == 1
    source_cell, target_cell = table_row[0].elements()
    assert (source_cell.attributes["lang"], target_cell.attributes["lang"]) == ("en", "es")
    assert grid(source_cell.find_all("table", "cells")[0]) == SOURCE_GRID
    assert grid(target_cell.find_all("table", "cells")[0]) == TARGET_GRID
    # A Markdown table's first row is its header row.
    assert [th.text() for th in source_cell.find_all("th")] == SOURCE_GRID[0]

    bullets, numbers = page.find_all("tr", "list")
    source_list = bullets.elements()[0].elements()[0]
    target_list = bullets.elements()[1].elements()[0]
    assert source_list.tag == target_list.tag == "ul"
    assert items(source_list) == ["Trade grew.", "Investment grew."]
    # Unreviewed MT stays out, as in a paragraph.
    assert items(target_list) == ["El comercio creció.", "[untranslated]"]
    nested = target_list.elements()[1].find_all("ul")
    assert [items(listing) for listing in nested] == [["Se construyeron puertos."]]
    source_numbers = numbers.elements()[0].elements()[0]
    target_numbers = numbers.elements()[1].elements()[0]
    assert source_numbers.tag == target_numbers.tag == "ol"
    assert "start" not in target_numbers.attributes
    assert items(source_numbers) == ["Plan the routes.", "Build the ports."]
    assert items(target_numbers) == ["Planificar las rutas.", "[untranslated]"]


def test_html_marks_terms_and_unreviewed_translations_inside_cells_and_items(
    tmp_path: Path,
) -> None:
    project = make_structured_project(tmp_path)
    page = html_tree(export(project, "paper.html", "--include-unreviewed"))
    source_cell, target_cell = page.find_all("tr", "table")[0].elements()
    source_terms = source_cell.find_all("span", "term")
    target_terms = target_cell.find_all("span", "term")
    assert [(t.attributes["data-concept"], t.text()) for t in source_terms] == [
        ("T08", "Belt and Road Initiative")
    ]
    assert [(t.attributes["data-concept"], t.text()) for t in target_terms] == [
        ("T08", "Iniciativa de la Franja y la Ruta")
    ]
    target_list = page.find_all("tr", "list")[0].elements()[1]
    unreviewed = target_list.find_all("span", "unreviewed")
    assert [span.text() for span in unreviewed] == ["La inversión creció.†"]


def test_html_target_only_prints_the_target_table_and_lists(tmp_path: Path) -> None:
    project = make_structured_project(tmp_path)
    page = html_tree(export(project, "es.html", "--target-only"))
    main = page.find_all("main")[0]
    assert [node.tag for node in main.elements()] == ["p", "table", "ul", "ol"]
    assert grid(main.find_all("table", "cells")[0]) == TARGET_GRID
    assert items(main.find_all("ol")[0]) == ["Planificar las rutas.", "[untranslated]"]


def test_markdown_edition_has_pipe_tables_and_lists_with_markers(tmp_path: Path) -> None:
    project = make_structured_project(tmp_path)
    lines = export(project, "paper.es.md").read_text(encoding="utf-8").splitlines()
    table = lines.index("| Period | Programme | Partners |")
    assert lines[table : table + 3] == [
        "| Period | Programme | Partners |",
        "| --- | --- | --- |",
        "| Since 2013 | The Belt and Road Initiative | 138 countries \\| regions |",
    ]
    target = lines.index("| Periodo | Programa | Socios |")
    assert lines[target + 2] == (
        "| Desde 2013 | La Iniciativa de la Franja y la Ruta | 138 países \\| regiones |"
    )
    bullets = lines.index("- Trade grew.")
    assert lines[bullets : bullets + 3] == [
        "- Trade grew.",
        "- Investment grew.",
        "  - Ports were built.",
    ]
    # The source's markers, with a comment between the lists, or CommonMark would join the
    # two lists into one.
    assert lines[bullets + 3 : bullets + 9] == [
        "",
        "<!-- -->",
        "",
        "- El comercio creció.",
        "- [untranslated]",
        "  - Se construyeron puertos.",
    ]
    numbers = lines.index("1. Plan the routes.")
    assert lines[numbers : numbers + 7] == [
        "1. Plan the routes.",
        "2. Build the ports.",
        "",
        "<!-- -->",
        "",
        "1. Planificar las rutas.",
        "2. [untranslated]",
    ]
    assert top_lists("\n".join(lines)) == [
        ["Trade grew.", "Investment grew."],
        ["El comercio creció.", "[untranslated]"],
        ["Plan the routes.", "Build the ports."],
        ["Planificar las rutas.", "[untranslated]"],
    ]

    target_only = export(project, "es.md", "--target-only").read_text(encoding="utf-8")
    assert "| Periodo | Programa | Socios |\n| --- | --- | --- |\n" in target_only
    assert "- El comercio creció.\n- [untranslated]\n  - Se construyeron puertos.\n" in target_only
    assert "1. Planificar las rutas.\n2. [untranslated]\n" in target_only


def test_text_edition_prints_rows_and_markers(tmp_path: Path) -> None:
    project = make_structured_project(tmp_path)
    text = export(project, "paper.txt").read_text(encoding="utf-8")
    assert "Period | Programme | Partners\nSince 2013 | The Belt and Road Initiative |" in text
    assert "Periodo | Programa | Socios\nDesde 2013 | La Iniciativa" in text
    assert "- Trade grew.\n- Investment grew.\n  - Ports were built.\n" in text
    assert "1. Planificar las rutas.\n2. [untranslated]\n" in text


def test_docx_edition_has_word_tables_and_list_styles(tmp_path: Path) -> None:
    project = make_structured_project(tmp_path)
    word = docx.Document(str(export(project, "paper.docx")))
    edition = word.tables[0]
    table_row = next(row for row in edition.rows if row.cells[0].tables)
    source, target = (cell.tables[0] for cell in table_row.cells)
    assert [[c.text for c in row.cells] for row in source.rows] == SOURCE_GRID
    assert [[c.text for c in row.cells] for row in target.rows] == TARGET_GRID
    styled = [
        (p.style.name, p.text)
        for row in edition.rows
        for cell in row.cells
        for p in cell.paragraphs
        if p.style.name.startswith("List")
    ]
    assert ("List Bullet", "Trade grew.") in styled
    assert ("List Bullet 2", "Se construyeron puertos.") in styled
    assert ("List Number", "Plan the routes.") in styled
    assert ("List Number", "Planificar las rutas.") in styled

    target_only = docx.Document(str(export(project, "es.docx", "--target-only")))
    assert [[c.text for c in row.cells] for row in target_only.tables[0].rows] == TARGET_GRID
    assert [
        (p.style.name, p.text) for p in target_only.paragraphs if p.style.name.startswith("List")
    ] == [
        ("List Bullet", "El comercio creció."),
        ("List Bullet", "[untranslated]"),
        ("List Bullet 2", "Se construyeron puertos."),
        ("List Number", "Planificar las rutas."),
        ("List Number", "[untranslated]"),
    ]


def test_each_numbered_list_of_a_docx_edition_counts_from_its_own_start(tmp_path: Path) -> None:
    # Word counts every "List Number" paragraph of a document on from the last: without a
    # numbering of its own, the translation's list would go on from the source's 1, 2 at 3.
    project = make_structured_project(tmp_path)
    word = docx.Document(str(export(project, "paper.docx")))
    numbered = [
        p._p.pPr.numPr.numId.val
        for p in (p for row in word.tables[0].rows for c in row.cells for p in c.paragraphs)
        if p.style.name == "List Number"
    ]
    assert len(numbered) == 4 and len(set(numbered)) == 2
    numbering = word.part.numbering_part.element
    for num_id in set(numbered):
        overrides = numbering.num_having_numId(num_id).lvlOverride_lst
        assert [o.startOverride.val for o in overrides] == [1]


# --- Word source ------------------------------------------------------------------------------

WORD_SOURCE_GRID = [
    ["Period", "Programme", "Partners"],
    ["Since 2013", "The Belt and Road Initiative", "138 countries"],
]


def test_editions_of_a_word_source_keep_its_table_and_numbered_list(tmp_path: Path) -> None:
    project = make_structured_project(tmp_path, "paper.docx")
    page = html_tree(export(project, "paper.html"))
    source_cell, target_cell = page.find_all("tr", "table")[0].elements()
    # A Word table's rows are all rows: python-docx keeps no header row.
    assert grid(source_cell.find_all("table", "cells")[0]) == WORD_SOURCE_GRID
    assert grid(target_cell.find_all("table", "cells")[0])[1][1] == (
        "La Iniciativa de la Franja y la Ruta"
    )
    assert target_cell.find_all("span", "term")[0].text() == "Iniciativa de la Franja y la Ruta"
    numbers = page.find_all("tr", "list")[0].elements()
    assert [items(cell.elements()[0]) for cell in numbers] == [
        ["Plan the routes.", "Build the ports."],
        ["Planificar las rutas.", "[untranslated]"],
    ]
    assert numbers[0].elements()[0].tag == "ol"

    lines = export(project, "paper.es.md").read_text(encoding="utf-8").splitlines()
    assert "| Since 2013 | The Belt and Road Initiative | 138 countries |" in lines
    assert top_lists("\n".join(lines)) == [
        ["Plan the routes.", "Build the ports."],
        ["Planificar las rutas.", "[untranslated]"],
    ]

    word = docx.Document(str(export(project, "es.docx", "--target-only")))
    assert [c.text for c in word.tables[0].rows[0].cells] == ["Periodo", "Programa", "Socios"]
    assert [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("List")] == [
        ("List Number", "Planificar las rutas."),
        ("List Number", "[untranslated]"),
    ]


def test_a_confirmed_omission_in_a_cell_is_an_empty_cell(tmp_path: Path) -> None:
    project = make_structured_project(tmp_path)
    tfile = open_translation(project.layout, project.document, "es")
    unit = next(u for u in tfile.units.values() if u.source == "Since 2013")
    unit.set_translation("")
    unit.comments = ("align: confidence 0.90, confirmed in review",)
    tfile.save()
    page = html_tree(export(project, "paper.html"))
    target_cell = page.find_all("tr", "table")[0].elements()[1]
    assert grid(target_cell.find_all("table", "cells")[0])[1][0] == ""
