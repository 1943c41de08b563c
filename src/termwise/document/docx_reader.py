"""Reading Word (.docx) files with python-docx.

A .docx has no plain text of its own, so the document's ``text`` is its paragraphs (body,
table cells and content controls in document order, then footnotes and endnotes) joined by
newlines: "line" N is paragraph N (a text box's paragraphs after the paragraph it is
anchored in). Paragraph styles say what is a heading (``Title``,
``Heading 1``..``Heading 9`` and styles based on them). A paragraph's text is what Word shows
with tracked changes accepted: insertions in, deletions out. Where a paragraph stands in a
table, and its list marker (``docx_lists``), are kept beside the text for the editions; the
marker itself is no part of the text, as it is no part of what Word stores as the text.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termwise.document.model import ListItem, TableCell
from termwise.errors import InputError


@dataclass
class DocxParagraphs:
    """What a .docx gives: its paragraphs' text, one a line, and what each paragraph is,
    by its 0-based number."""

    text: str
    headings: dict[int, int] = field(default_factory=dict)  # depth, 1 the top
    cells: dict[int, TableCell] = field(default_factory=dict)
    list_items: dict[int, ListItem] = field(default_factory=dict)


def read_docx(path: Path) -> tuple[str, dict[int, int]]:
    """Return ``(text, heading_lines)``: paragraphs joined by newlines, and the 0-based
    numbers of the heading paragraphs with their depths (1 the top)."""
    paragraphs = read_docx_paragraphs(path)
    return paragraphs.text, paragraphs.headings


def read_docx_paragraphs(path: Path) -> DocxParagraphs:
    """The paragraphs of the .docx at ``path``, with their headings, table cells and list
    items."""
    import docx  # python-docx; imported here so that the CLI starts fast

    _check_expanded_size(path)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"not a readable .docx file ({error})", path) from error
    except Exception as error:  # lxml and python-docx raise several unrelated types
        raise InputError(
            f"not a readable .docx file ({type(error).__name__}: {error})", path
        ) from error
    from docx.text.paragraph import Paragraph

    from termwise.document.docx_lists import ListNumbering

    lines: list[str] = []
    result = DocxParagraphs(text="")
    numbering = ListNumbering.of(document)
    heading_levels = _HeadingLevels()
    for element, cell in _paragraph_elements(document):
        paragraph = Paragraph(element, document.part)
        number = len(lines)
        level = heading_levels.of(paragraph)
        if level:
            result.headings[number] = level
        elif (item := numbering.list_item(element, paragraph)) is not None:
            # A heading's number is its outline's ("2.1"), not a list's.
            result.list_items[number] = item
        if cell is not None:
            result.cells[number] = cell
        lines.append(_paragraph_text(element))
    result.text = "\n".join(lines)
    return result


# A part larger than this is a zip bomb, not a document: a 50,000-sentence book's
# word/document.xml is tens of MB. python-docx inflates each part whole in memory.
MAX_PART_BYTES = 128 * 1024 * 1024


def _check_expanded_size(path: Path) -> None:
    """Refuse a .docx whose parts would inflate past ``MAX_PART_BYTES`` before reading any."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(f"not a readable .docx file ({error})", path) from error
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise InputError(
                f"not a readable .docx file: part {info.filename!r} inflates to "
                f"{info.file_size / 1e6:,.0f} MB from {info.compress_size / 1e6:,.1f} MB "
                f"(more than {MAX_PART_BYTES // (1024 * 1024)} MiB; a zip bomb?)",
                path,
            )


def _paragraph_elements(document: Any) -> list[tuple[Any, TableCell | None]]:
    """The ``w:p`` elements a reader sees, in order: the body's (inside tables and content
    controls too: python-docx's own walk skips a ``w:sdt``, and a journal template's abstract
    in one was lost), then the footnotes' and endnotes'; each with the table cell it is in."""
    found: list[tuple[Any, TableCell | None]] = []
    tables = 0

    def walk(container: Any, table: _Table | None, cell: TableCell | None) -> None:
        nonlocal tables
        for child in container.iterchildren():
            tag = _local(child.tag)
            if tag == "p":
                found.append((child, cell))
                for box in _text_boxes(child):
                    # A text box's paragraphs follow the paragraph it is anchored in.
                    walk(box, None, cell)
            elif tag == "tbl" and cell is None:
                tables += 1
                walk(child, _Table(tables), None)
            elif tag == "tr" and table is not None:
                table.row += 1
                table.column = _grid_before(child)
                walk(child, table, None)
            elif tag == "tc" and table is not None:
                place = TableCell(table.table, table.row, table.column)
                table.column += _grid_span(child)
                walk(child, None, place)
            elif tag in _CONTAINERS:
                # A table inside a cell comes here too: its paragraphs are read into the
                # outer cell, which keeps the outer grid whole (an edition has no nested grid).
                walk(child, table, cell)

    walk(document.element.body, None, None)
    for part in _note_parts(document):
        for note in part.iterchildren():
            # Separators are the line above the notes, not text.
            if _local(note.tag) in ("footnote", "endnote") and note.get(_w("type")) in (
                None,
                "normal",
            ):
                walk(note, None, None)
    return found


def _text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes (``w:txbxContent``) anchored in ``paragraph``: a pull quote, a sidebar,
    a caption, text to translate like any other. Not those nested in another box (its own
    paragraphs find them), and not the fallback copy Word writes beside the drawing."""
    boxes: list[Any] = []
    if next(paragraph.iter(_w("txbxContent")), None) is None:
        return boxes  # most paragraphs: one search in lxml instead of a walk in Python

    def search(element: Any) -> None:
        for child in element.iterchildren():
            tag = _local(child.tag)
            if tag == "txbxContent":
                boxes.append(child)
            elif tag not in ("Fallback", "del", "moveFrom"):
                search(child)

    search(paragraph)
    return boxes


@dataclass
class _Table:
    """The table being walked: its number, and the row and grid column reached in it."""

    table: int
    row: int = -1
    column: int = 0


def _grid_span(cell: Any) -> int:
    """How many grid columns a ``w:tc`` spans (``w:gridSpan``), at least one."""
    return max(_int_property(cell, "tcPr", "gridSpan") or 1, 1)


def _grid_before(row: Any) -> int:
    """The grid columns a ``w:tr`` leaves empty before its first cell (``w:gridBefore``)."""
    return max(_int_property(row, "trPr", "gridBefore") or 0, 0)


def _int_property(element: Any, properties: str, name: str) -> int | None:
    value = element.find(f"{_w(properties)}/{_w(name)}")
    if value is None:
        return None
    try:
        return int(value.get(_w("val"), ""))
    except ValueError:
        return None


def _note_parts(document: Any) -> list[Any]:
    """The root elements of the footnotes and endnotes parts, if the document has them."""
    from docx.oxml.parser import parse_xml

    roots: list[Any] = []
    for relationship in document.part.rels.values():
        if relationship.is_external or not relationship.reltype.endswith(
            ("/footnotes", "/endnotes")
        ):
            continue
        # python-docx's parser: entities not resolved, nothing fetched.
        roots.append(parse_xml(relationship.target_part.blob))
    return roots


def _paragraph_text(paragraph: Any) -> str:
    """The paragraph's text as Word shows it with tracked changes accepted.

    python-docx reads only the paragraph's own runs and hyperlinks, so a tracked insertion
    (``w:ins``), a field's result (``w:fldSimple``) and an inline content control were lost.
    Text boxes are left out: they are anchored in a paragraph but are not part of its text
    (``_text_boxes`` reads them as paragraphs of their own).
    """
    pieces: list[str] = []

    def walk(element: Any) -> None:
        for child in element.iterchildren():
            tag = _local(child.tag)
            if tag in _HIDDEN:
                continue
            if tag == "t":
                pieces.append(child.text or "")
            elif tag == "tab":
                pieces.append("\t")
            elif tag in ("br", "cr"):
                # Soft line breaks inside a paragraph are not paragraph ends.
                pieces.append(" ")
            elif tag == "noBreakHyphen":
                pieces.append("-")
            else:
                walk(child)

    walk(paragraph)
    return "".join(pieces).replace("\r", " ").replace("\n", " ").replace("\x0b", " ")


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Elements whose paragraphs belong to the text around them.
_CONTAINERS = {"tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"}
# Elements inside a paragraph whose text Word does not show as the paragraph's: deleted and
# moved-away text, a text box's own paragraphs, and the fallback copy of alternate content.
_HIDDEN = {"del", "moveFrom", "txbxContent", "Fallback", "pPr", "rPr", "instrText", "delText"}


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _local(tag: object) -> str:
    """An element's name without its namespace (comments and processing instructions: "")."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _HeadingLevels:
    """Each paragraph style's heading depth, looked up once per document.

    python-docx finds a paragraph's style by searching every style of the document (the
    default style by testing each one's attributes), which took 6 of a 3,060-paragraph
    file's 7.6 s; a document uses a handful of styles, so each style id is looked up once.
    """

    def __init__(self) -> None:
        self._levels: dict[str | None, int] = {}

    def of(self, paragraph: Any) -> int:
        """The depth ``_heading_level`` gives the paragraph's style (its id; ``None``: the
        default style, as python-docx reads it)."""
        style_id: str | None = paragraph._p.style
        level = self._levels.get(style_id)
        if level is None:
            level = self._levels[style_id] = _heading_level(paragraph)
        return level


def _heading_level(paragraph: Any) -> int:
    """The heading depth its style (or a style it is based on) gives: Title 1, Subtitle 2,
    Heading N N; 0 for a paragraph that is no heading."""
    style = paragraph.style
    while style is not None:
        name = (style.name or "").lower()
        if name == "title":
            return 1
        if name == "subtitle":
            return 2
        if name.startswith("heading"):
            digits = "".join(char for char in name if char.isdigit())
            return min(int(digits), 9) if digits else 1
        style = style.base_style
    return 0
