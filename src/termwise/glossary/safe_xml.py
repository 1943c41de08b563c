"""Parsing XML that comes from outside without letting it reach the network or expand entities.

Glossaries arrive from other tools and other people. A TBX file must never make termwise
fetch a DTD, read a local file through an external entity, or blow up memory with nested
entities ("billion laughs"), and a malformed file must be reported with file, line and column.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from lxml import etree

from termwise.document.encoding import decode_bytes
from termwise.errors import InputError

_UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(data: bytes, path: str | Path) -> etree._ElementTree:
    """Parse untrusted XML bytes; ``InputError`` with file, line and column when it is not XML."""
    if not data.strip():
        raise InputError("empty file; expected XML", path, line=1, column=1)
    if not data.startswith(_UNICODE_BOMS) and b"\x00" in data:
        # Let the shared decoder phrase the "binary file" error with its byte offset.
        decode_bytes(data, path)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = error.msg or str(error)
        if line is not None and column is not None:
            line, column = _where_it_broke(data, line, column)
        # libxml2 reports its own limits ("Detected an entity reference loop") the same way.
        raise InputError(f"malformed XML: {message}", path, line=line, column=column) from error
    refuse_entities(data, tree, path)
    return tree


def _where_it_broke(data: bytes, line: int, column: int) -> tuple[int, int]:
    """The position of a syntax error as the writer of the file sees it: libxml2 skips the
    blanks after a tag it cannot finish before it gives up, so ``</term`` without its ``>``
    on line 1547 was reported at 1548:13, the next tag. Where only blanks lie between the
    last character before the reported one and it, the error is put just after that
    character."""
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    lines = data.decode(encoding or "utf-8", errors="replace").split("\n")
    if not 1 < line <= len(lines) or lines[line - 1][: column - 1].strip():
        return line, column
    before = line - 1
    while before > 1 and not lines[before - 1].strip():
        before -= 1
    text = lines[before - 1].rstrip()
    return (before, len(text) + 1) if text else (line, column)


def refuse_entities(data: bytes, tree: etree._ElementTree, path: str | Path) -> None:
    """Refuse a document that declares entities: expanding them is refused (memory, local
    files), and leaving them out would silently drop their text from what is read."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[attr-defined]
        text = data.decode(tree.docinfo.encoding or "utf-8", errors="replace")
        found = text.find("<!ENTITY")
        line = text.count("\n", 0, found) + 1 if found >= 0 else None
        raise InputError(
            "the file declares XML entities; termwise does not expand them "
            "(they can be used to exhaust memory or read local files)",
            path,
            line=line,
        )


def line_of(element: etree._Element) -> int | None:
    """The element's line in its file (lxml's stubs type it loosely)."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def text_of(element: etree._Element) -> str:
    """All text inside an element, stripped."""
    if not len(element):
        # Most elements of a glossary hold text alone: no walk for it.
        return (element.text or "").strip()
    return "".join(str(piece) for piece in element.itertext()).strip()


def local_name(element: etree._Element) -> str:
    """The tag without its namespace (``{urn:...}termSec`` → ``termSec``); '' for comments."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def namespace(element: etree._Element) -> str | None:
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].partition("}")[0]
    return None
