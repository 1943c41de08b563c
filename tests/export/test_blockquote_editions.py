"""A Markdown source's block quotes stay quotes in every edition, and its lists stay apart.

A paper's quotation of a speech came out as the paper's own paragraphs (its heading as a
sentence "# The address …"); and "- a" then "* b", two lists in CommonMark, came out as one.
Each format is read back by what reads it (html.parser, markdown-it-py, python-docx).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import Project

PAPER = """# Speeches

The minister spoke at the opening.

> # The address
>
> Friends, we meet today
to open the port.
>
> > Build it, they said.
>
> - Trade grew.
> - Investment grew.
>
> | Year | Ships |
> |---|---|
> | 2020 | 12 |

After the speech, work began.

- Plan the routes.
- Build the ports.

* Open the lines.

1. First step.

1) Second list.
"""

TRANSLATIONS = {
    "Speeches": "Discursos",
    "The minister spoke at the opening.": "El ministro habló en la inauguración.",
    "The address": "La alocución",
    "Friends, we meet today to open the port.": "Amigos, nos reunimos hoy para abrir el puerto.",
    "Build it, they said.": "Constrúyanlo, dijeron.",
    "Trade grew.": "El comercio creció.",
    "Investment grew.": "La inversión creció.",
    "Year": "Año",
    "Ships": "Barcos",
    "2020": "2020",
    "12": "12",
    "After the speech, work began.": "Tras el discurso, empezó la obra.",
    "Plan the routes.": "Planificar las rutas.",
    "Build the ports.": "Construir los puertos.",
    "Open the lines.": "Abrir las líneas.",
    "First step.": "Primer paso.",
    "Second list.": "Segunda lista.",
}

# Each quoted text (source and translation) and how many quotes it stands in.
QUOTED = {
    "The address": 1,
    "La alocución": 1,
    "Friends, we meet today to open the port.": 1,
    "Amigos, nos reunimos hoy para abrir el puerto.": 1,
    "Build it, they said.": 2,
    "Constrúyanlo, dijeron.": 2,
    "Trade grew.": 1,
    "El comercio creció.": 1,
    "Year": 1,
    "Año": 1,
}
UNQUOTED = [
    "The minister spoke at the opening.",
    "El ministro habló en la inauguración.",
    "After the speech, work began.",
    "Tras el discurso, empezó la obra.",
    "Planificar las rutas.",
    "Abrir las líneas.",
]
TARGET_QUOTED = {text: depth for text, depth in QUOTED.items() if text not in TRANSLATIONS}


def make_project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "speech.en.md"
    paper.write_text(PAPER, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        # (Every segment has one; the reader before quotes were read gave other texts.)
        if unit.source in TRANSLATIONS:
            unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
    tfile.save()
    return Project(root=root, layout=layout, paper=paper, document=document)


def export(project: Project, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


@dataclass(frozen=True)
class Place:
    """Where a text stands: how many quotes deep, the element it is in, and the number of
    the list (in document order) it is an item of, the outermost quote's number."""

    depth: int
    tag: str
    list_number: int | None
    quote_number: int | None


# --- HTML -------------------------------------------------------------------------------------


class Places(HTMLParser):
    """Each text of the page with its place."""

    VOID = frozenset({"meta", "col", "br"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, int]] = []
        self.count = 0
        self.places: dict[str, Place] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.count += 1
            self.stack.append((tag, self.count))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop()[0] == tag

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if not text or not self.stack:
            return
        tags = [tag for tag, _ in self.stack]
        lists = [number for tag, number in self.stack if tag in ("ul", "ol")]
        quotes = [number for tag, number in self.stack if tag == "blockquote"]
        shown = [tag for tag in tags if tag not in ("span", "strong", "em", "code")]
        self.places.setdefault(
            text,
            Place(
                depth=tags.count("blockquote"),
                tag=shown[-1],
                list_number=lists[-1] if lists else None,
                quote_number=quotes[0] if quotes else None,
            ),
        )


def html_places(path: Path) -> dict[str, Place]:
    parser = Places()
    parser.feed(path.read_text(encoding="utf-8"))
    assert not parser.stack
    return parser.places


def test_html_bilingual_quotes_each_side_beside_the_other(tmp_path: Path) -> None:
    path = export(make_project(tmp_path), "speech.html")
    places = html_places(path)
    for text, depth in QUOTED.items():
        assert places[text].depth == depth, text
    for text in UNQUOTED:
        assert places[text].depth == 0, text
    # A quote's heading is a heading, in the quote; its list a list.
    assert places["The address"].tag.startswith("h")
    assert places["La alocución"].tag == places["The address"].tag
    assert places["Trade grew."].tag == places["El comercio creció."].tag == "li"
    assert places["Año"].tag == "th"
    # Each row holds one paragraph beside its translation, each in a quote of its own.
    rows = path.read_text(encoding="utf-8").split("<tr")
    row = next(row for row in rows if "Build it, they said." in row)
    assert "Constrúyanlo, dijeron." in row
    assert row.count("<blockquote>") == 4
    assert "blockquote {" in path.read_text(encoding="utf-8")


def test_html_lists_with_other_markers_stay_two_lists(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for extra in ((), ("--target-only",)):
        places = html_places(export(project, "speech.html", *extra))
        plan, built, lines = (
            places[text]
            for text in ("Planificar las rutas.", "Construir los puertos.", "Abrir las líneas.")
        )
        assert plan.list_number == built.list_number != lines.list_number
        assert places["Primer paso."].list_number != places["Segunda lista."].list_number


def test_html_translation_alone_prints_the_quotation_whole(tmp_path: Path) -> None:
    path = export(make_project(tmp_path), "speech.es.html", "--target-only")
    places = html_places(path)
    for text, depth in TARGET_QUOTED.items():
        assert places[text].depth == depth, text
    for text in UNQUOTED[1::2]:
        assert places[text].depth == 0, text
    assert "The address" not in places
    # One quotation: its heading, paragraphs, nested quote, list and table in one element.
    assert len({places[text].quote_number for text in TARGET_QUOTED}) == 1
    assert places["Amigos, nos reunimos hoy para abrir el puerto."].tag == "p"
    assert places["La alocución"].tag == "h2"
    assert places["Discursos"].depth == 0


# --- Markdown ---------------------------------------------------------------------------------


def markdown_places(path: Path) -> dict[str, Place]:
    """Each inline text as CommonMark (with GFM tables) reads the edition."""
    tokens = MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8"))
    places: dict[str, Place] = {}
    quotes: list[int] = []
    lists: list[int] = []
    parents: list[str] = []
    for count, token in enumerate(tokens):
        if token.type == "blockquote_open":
            quotes.append(count)
        elif token.type == "blockquote_close":
            quotes.pop()
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(count)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        if token.nesting == 1:
            parents.append(token.tag)
        elif token.nesting == -1:
            parents.pop()
        elif token.type == "inline" and token.content:
            tag = next((tag for tag in reversed(parents) if tag not in ("p",)), "p")
            if parents and parents[-1] in ("h1", "h2", "h3", "th", "td"):
                tag = parents[-1]
            places.setdefault(
                token.content.rstrip("†"),
                Place(
                    depth=len(quotes),
                    tag=tag,
                    list_number=lists[-1] if lists else None,
                    quote_number=quotes[0] if quotes else None,
                ),
            )
    return places


def test_markdown_bilingual_quotes_the_source_then_the_translation(tmp_path: Path) -> None:
    path = export(make_project(tmp_path), "speech.md")
    places = markdown_places(path)
    for text, depth in QUOTED.items():
        assert places[text].depth == depth, text
    for text in UNQUOTED:
        assert places[text].depth == 0, text
    assert places["The address"].tag == places["La alocución"].tag == "h2"
    assert places["Trade grew."].tag == places["El comercio creció."].tag == "li"
    assert places["Year"].tag == "th"
    # As a list's: the source's quotation whole, then the translation's, each one quote.
    source = {places[text].quote_number for text in QUOTED if text not in TARGET_QUOTED}
    target = {places[text].quote_number for text in TARGET_QUOTED}
    assert len(source) == len(target) == 1 and source != target
    text = path.read_text(encoding="utf-8")
    assert "> > Build it, they said.\n" in text
    assert "> - Trade grew.\n" in text


def test_markdown_translation_alone(tmp_path: Path) -> None:
    path = export(make_project(tmp_path), "speech.es.md", "--target-only")
    places = markdown_places(path)
    for text, depth in TARGET_QUOTED.items():
        assert places[text].depth == depth, text
    for text in UNQUOTED[1::2]:
        assert places[text].depth == 0, text
    assert len({places[text].quote_number for text in TARGET_QUOTED}) == 1
    # Two lists with nothing between them take two kinds of marker, or CommonMark reads one.
    plan, lines = places["Planificar las rutas."], places["Abrir las líneas."]
    assert plan.list_number != lines.list_number
    assert places["Primer paso."].list_number != places["Segunda lista."].list_number


def test_markdown_bilingual_keeps_the_lists_apart(tmp_path: Path) -> None:
    places = markdown_places(export(make_project(tmp_path), "speech.md"))
    lists = Counter(
        places[text].list_number
        for text in (
            "Plan the routes.",
            "Build the ports.",
            "Planificar las rutas.",
            "Construir los puertos.",
            "Open the lines.",
            "Abrir las líneas.",
            "First step.",
            "Primer paso.",
            "Second list.",
            "Segunda lista.",
        )
    )
    assert sorted(lists.values()) == [1, 1, 1, 1, 1, 1, 2, 2]


# --- plain text -------------------------------------------------------------------------------


def test_text_editions_mark_a_quote(tmp_path: Path) -> None:
    # Behind "> ", as e-mail quotes: four spaces are how plain text sets code apart.
    project = make_project(tmp_path)
    bilingual = export(project, "speech.txt").read_text(encoding="utf-8").split("\n")
    for text, depth in QUOTED.items():
        line = next(line for line in bilingual if line.lstrip("> ").lstrip("- ").startswith(text))
        assert line.startswith("> " * depth) and line[2 * depth] not in "> ", line
    assert "> - Trade grew." in bilingual
    for text in UNQUOTED[:4]:
        assert text in bilingual
    alone = export(project, "speech.es.txt", "--target-only").read_text(encoding="utf-8")
    # One quotation: its paragraphs apart by a bare ">", which keeps it one.
    assert "\n> La alocución\n>\n> Amigos, nos reunimos hoy para abrir el puerto.\n>\n" in alone
    assert "\n> > Constrúyanlo, dijeron.\n" in alone
    assert "Friends" not in alone


# --- Word -------------------------------------------------------------------------------------


def word_paragraphs(path: Path) -> dict[str, Any]:
    """Each paragraph of the edition (its table's cells' included) by its text."""
    word = docx.Document(str(path))
    found: dict[str, Any] = {}
    for paragraph in word.paragraphs:
        found.setdefault(paragraph.text, paragraph)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    found.setdefault(paragraph.text, paragraph)
    return found


def test_word_editions_set_a_quote_in_the_quote_style(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for extra in ((), ("--target-only",)):
        path = export(project, "speech.docx", *extra)
        paragraphs = word_paragraphs(path)
        for text in ("Amigos, nos reunimos hoy para abrir el puerto.", "La alocución"):
            assert paragraphs[text].style.name == "Quote", text
        # A quote's heading heads the quoted text, not a section of this document.
        assert all(run.bold for run in paragraphs["La alocución"].runs)
        nested = paragraphs["Constrúyanlo, dijeron."]
        assert nested.style.name == "Quote"
        assert nested.paragraph_format.left_indent > nested.style.paragraph_format.left_indent
        item = paragraphs["El comercio creció."]
        assert item.style.name == "List Bullet" and item.paragraph_format.left_indent
        for text in UNQUOTED[1::2]:
            assert paragraphs[text].style.name != "Quote", text
        if not extra:
            assert paragraphs["Friends, we meet today to open the port."].style.name == "Quote"
            assert paragraphs["The address"].style.name == "Quote"
        # Upright: Word's italics would hide the quoted text's own emphasis.
        assert docx.Document(str(path)).styles["Quote"].font.italic is False


def test_word_numbered_lists_with_other_delimiters_restart(tmp_path: Path) -> None:
    path = export(make_project(tmp_path), "speech.es.docx", "--target-only")
    paragraphs = word_paragraphs(path)
    first, second = (paragraphs[text] for text in ("Primer paso.", "Segunda lista."))
    numbers = [p._p.pPr.numPr.numId.val for p in (first, second)]
    assert numbers[0] != numbers[1]
