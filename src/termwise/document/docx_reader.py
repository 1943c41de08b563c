"""Reading Word (.docx) files with python-docx.

A .docx has no plain text of its own, so the document's ``text`` is its paragraphs (body,
table cells and content controls in document order, then footnotes and endnotes) joined by
newlines: "line" N is paragraph N. Paragraph styles say what is a heading (``Title``,
``Heading 1``..``Heading 9`` and styles based on them). A paragraph's text is what Word shows
with tracked changes accepted: insertions in, deletions out.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from termwise.errors import InputError


def read_docx(path: Path) -> tuple[str, dict[int, int]]:
    """Return ``(text, heading_lines)``: paragraphs joined by newlines, and the 0-based
    numbers of the heading paragraphs with their depths (1 the top)."""
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

    lines: list[str] = []
    headings: dict[int, int] = {}
    for element in _paragraph_elements(document):
        level = _heading_level(Paragraph(element, document.part))
        if level:
            headings[len(lines)] = level
        lines.append(_paragraph_text(element))
    return "\n".join(lines), headings


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


def _paragraph_elements(document: Any) -> list[Any]:
    """The ``w:p`` elements a reader sees, in order: the body's (inside tables and content
    controls too: python-docx's own walk skips a ``w:sdt``, and a journal template's abstract
    in one was lost), then the footnotes' and endnotes'."""
    found: list[Any] = []

    def walk(container: Any) -> None:
        for child in container.iterchildren():
            tag = _local(child.tag)
            if tag == "p":
                found.append(child)
            elif tag in _CONTAINERS:
                walk(child)

    walk(document.element.body)
    for part in _note_parts(document):
        for note in part.iterchildren():
            # Separators are the line above the notes, not text.
            if _local(note.tag) in ("footnote", "endnote") and note.get(_w("type")) in (
                None,
                "normal",
            ):
                walk(note)
    return found


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
    Text boxes are left out: they are anchored in a paragraph but are not part of its text.
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
