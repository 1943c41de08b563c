"""Reading Word (.docx) files with python-docx.

A .docx has no plain text of its own, so the document's ``text`` is its paragraphs (body and
table cells, in document order) joined by newlines: "line" N is paragraph N. Paragraph styles
say what is a heading (``Title``, ``Heading 1``..``Heading 9`` and styles based on them).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from termwise.errors import InputError


def read_docx(path: Path) -> tuple[str, set[int]]:
    """Return ``(text, heading_lines)``: paragraphs joined by newlines and the 0-based
    numbers of the heading paragraphs."""
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
    lines: list[str] = []
    headings: set[int] = set()
    for paragraph in _paragraphs(document):
        # Soft line breaks inside a paragraph are not paragraph ends.
        text = paragraph.text.replace("\r", " ").replace("\n", " ").replace("\x0b", " ")
        if _is_heading(paragraph):
            headings.add(len(lines))
        lines.append(text)
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


def _paragraphs(document: Any) -> list[Any]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found: list[Any] = []

    def walk(container: Any) -> None:
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                found.append(item)
            elif isinstance(item, Table):
                for row in item.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        # Merged cells repeat the same cell object across the row.
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)

    walk(document)
    return found


def _is_heading(paragraph: Any) -> bool:
    style = paragraph.style
    while style is not None:
        name = (style.name or "").lower()
        if name == "title" or name == "subtitle" or name.startswith("heading"):
            return True
        style = style.base_style
    return False
