"""Writing TMX 1.4b: the translation-memory format every CAT tool imports (OmegaT, Trados,
memoQ). ``interchange`` reads it; the export writes it, and so does the import (the units it
could not place go to an unmatched TMX beside the translation).

Inline codes that came in with an imported unit go back out as ``<ph>`` elements at their
place, carrying the original code as their content, so nothing a tool put there is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from termwise import __version__, languages
from termwise.project.interchange import XML_NS, InlineCode, InterchangeUnit
from termwise.xml_text import xml_safe

if TYPE_CHECKING:
    from lxml import etree

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def tmx_bytes(units: Iterable[InterchangeUnit], source_lang: str) -> bytes:
    """A TMX 1.4b document (UTF-8) holding ``units``; each needs a target language."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    header = {
        "creationtool": "termwise",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "termwise PO",
        "adminlang": "en",
        "srclang": languages.normalize(source_lang),
        "datatype": "plaintext",
    }
    etree.SubElement(root, "header", header)
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu")
        if unit.id:
            tu.set("tuid", unit.id)
        for line in (unit.notes or "").splitlines():
            if line.strip():
                etree.SubElement(tu, "note").text = xml_safe(line)
        for prop_type, value in unit.properties.items():
            prop = etree.SubElement(tu, "prop", type=prop_type)
            prop.text = xml_safe(value)
        for side, text, lang in (
            ("source", unit.source, unit.source_lang or source_lang),
            ("target", unit.target, unit.target_lang),
        ):
            if not lang:
                raise ValueError("a TMX unit needs the target language")
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(f"{{{XML_NS}}}lang", languages.normalize(lang))
            seg = etree.SubElement(tuv, "seg")
            _fill_seg(seg, text, [code for code in unit.inline_codes if code.side == side])
    # Indent the structure, never a segment: pretty-printing puts line breaks into a
    # <seg> that holds only codes (<seg><ph/></seg>), and they would become its text.
    contents = [(seg, seg.text, [child.tail for child in seg]) for seg in root.iter("seg")]
    etree.indent(root, space="  ")
    for seg, seg_text, tails in contents:
        seg.text = seg_text
        for child, tail in zip(seg, tails, strict=True):
            child.tail = tail
    payload: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=DOCTYPE)
    return payload + b"\n"


def _fill_seg(seg: etree._Element, text: str, codes: list[InlineCode]) -> None:
    from lxml import etree

    position = 0
    last: etree._Element | None = None
    for code in sorted(codes, key=lambda code: code.offset):
        chunk = xml_safe(text[position : code.offset])
        _append_text(seg, last, chunk)
        ph = etree.SubElement(seg, "ph")
        if code.code_id and code.code_id.isdigit():
            ph.set("x", code.code_id)
        ph.set("type", f"x-{code.kind.strip('/') or 'code'}")
        ph.text = xml_safe(code.native)
        last = ph
        position = max(position, code.offset)
    _append_text(seg, last, xml_safe(text[position:]))


def _append_text(seg: etree._Element, last: etree._Element | None, chunk: str) -> None:
    if not chunk:
        return
    if last is None:
        seg.text = (seg.text or "") + chunk
    else:
        last.tail = (last.tail or "") + chunk
