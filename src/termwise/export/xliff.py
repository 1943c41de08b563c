"""XLIFF 2.1 and 1.2: handing a translation to another CAT tool and taking it back.

Every segment goes out, with its state in the vocabulary of each version, so a translator can
carry on in another tool where termwise left off; the machine translation travels along (a
note in 2.1, an ``alt-trans`` in 1.2) as the suggestion it is. What the source's side said
goes along too: a read-only segment (not for translation, locked in another tool) as
``translate="no"``, the comments for the translator (PO ``#.``) as developer's notes and, in
1.2, the source references (``#:``) as a ``location`` context group, as translate-toolkit's
po2xliff writes them; ``termwise import`` reads each back once.
"""

from __future__ import annotations

import re

from termwise import __version__
from termwise.document.model import Document, SegmentKind
from termwise.project.importing import own_machine_line
from termwise.project.interchange import MT_NOTE_CATEGORY, XLIFF2_NS, XLIFF12_NS, XML_NS
from termwise.project.states import to_xliff2, to_xliff12
from termwise.project.translation_file import TranslationFile
from termwise.project.units import READ_ONLY_FLAG, SegmentState, TranslationUnit
from termwise.xml_text import xml_safe

_NMTOKEN = re.compile(r"^[\w.\-:]+$")


def xliff2_bytes(document: Document, tfile: TranslationFile) -> bytes:
    """XLIFF 2.1 (core namespace ``urn:oasis:names:tc:xliff:document:2.0``)."""
    from lxml import etree

    def q(name: str) -> str:
        return f"{{{XLIFF2_NS}}}{name}"

    root = etree.Element(q("xliff"), nsmap={None: XLIFF2_NS})  # type: ignore[dict-item]
    root.set("version", "2.1")
    root.set("srcLang", tfile.source_lang)
    root.set("trgLang", tfile.lang)
    file_el = etree.SubElement(root, q("file"), id="f1")
    file_el.set(
        "original", document.path.name if document.path else tfile.document_name or "document"
    )
    for index, segment in enumerate(document.segments, start=1):
        unit = tfile.units.get(segment.id) or TranslationUnit(segment.id, segment.text)
        unit_el = etree.SubElement(file_el, q("unit"))
        unit_el.set("id", segment.id if _NMTOKEN.match(segment.id) else f"u{index}")
        unit_el.set("name", segment.id)
        if segment.kind is SegmentKind.HEADING:
            unit_el.set("type", "termwise:heading")
        if READ_ONLY_FLAG in unit.flags:
            unit_el.set("translate", "no")
        notes = [("developer", comment) for comment in source_comments(unit)]
        notes += _note_texts(unit)
        if notes:
            notes_el = etree.SubElement(unit_el, q("notes"))
            for category, text in notes:
                note = etree.SubElement(notes_el, q("note"), category=category)
                note.text = xml_safe(text)
        state, sub_state = to_xliff2(unit.state if unit.target else SegmentState.NEW)
        seg_el = etree.SubElement(unit_el, q("segment"), id="s1", state=state)
        if sub_state:
            seg_el.set("subState", sub_state)
        source = etree.SubElement(seg_el, q("source"))
        source.set(f"{{{XML_NS}}}space", "preserve")
        source.text = xml_safe(segment.text)
        if unit.target:
            target = etree.SubElement(seg_el, q("target"))
            target.set(f"{{{XML_NS}}}space", "preserve")
            target.text = xml_safe(unit.target)
    payload: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return payload


def xliff12_bytes(document: Document, tfile: TranslationFile) -> bytes:
    """XLIFF 1.2, valid against the strict schema."""
    from lxml import etree

    def q(name: str) -> str:
        return f"{{{XLIFF12_NS}}}{name}"

    root = etree.Element(q("xliff"), nsmap={None: XLIFF12_NS})  # type: ignore[dict-item]
    root.set("version", "1.2")
    file_el = etree.SubElement(root, q("file"))
    file_el.set(
        "original", document.path.name if document.path else tfile.document_name or "document"
    )
    file_el.set("source-language", tfile.source_lang)
    file_el.set("target-language", tfile.lang)
    file_el.set("datatype", "plaintext")
    header = etree.SubElement(file_el, q("header"))
    etree.SubElement(
        header,
        q("tool"),
        {"tool-id": "termwise", "tool-name": "termwise", "tool-version": __version__},
    )
    body = etree.SubElement(file_el, q("body"))
    for segment in document.segments:
        unit = tfile.units.get(segment.id) or TranslationUnit(segment.id, segment.text)
        state, qualifier, approved = to_xliff12(unit.state if unit.target else SegmentState.NEW)
        parent = body
        pieces = [(segment.id, segment.text, unit.target)]
        if unit.plural_source is not None:
            # A gettext plural entry as translate-toolkit's po2xliff writes one: a group with
            # one trans-unit per form, the singular source on the first, the plural on the rest.
            parent = etree.SubElement(body, q("group"), id=segment.id)
            parent.set("restype", "x-gettext-plurals")
            forms = unit.all_forms(tfile.plural_rule()[0])
            pieces = [
                (f"{segment.id}[{index}]", segment.text if index == 0 else unit.plural_source, form)
                for index, form in enumerate(forms)
            ]
        for index, (tu_id, source_text, target_text) in enumerate(pieces):
            tu = etree.SubElement(parent, q("trans-unit"), id=tu_id)
            tu.set(f"{{{XML_NS}}}space", "preserve")
            if approved is not None:
                tu.set("approved", approved)
            if READ_ONLY_FLAG in unit.flags:
                tu.set("translate", "no")
            if segment.kind is SegmentKind.HEADING:
                tu.set("restype", "x-heading")
            etree.SubElement(tu, q("source")).text = xml_safe(source_text)
            if target_text:
                target = etree.SubElement(tu, q("target"))
                target.text = xml_safe(target_text)
                if state:
                    target.set("state", state)
                if qualifier:
                    target.set("state-qualifier", qualifier)
            if index > 0:
                continue  # the MT and the notes belong to the entry: on its first unit
            for file_name, line_number in unit.locations:
                # No name: a context group's is unique in a file (the strict schema), and
                # translate-toolkit finds the references by their purpose.
                group = etree.SubElement(tu, q("context-group"), purpose="location")
                context = etree.SubElement(group, q("context"), {"context-type": "sourcefile"})
                context.text = xml_safe(file_name)
                if line_number is not None:
                    number = etree.SubElement(group, q("context"), {"context-type": "linenumber"})
                    number.text = str(line_number)
            if unit.mt:
                alt = etree.SubElement(tu, q("alt-trans"))
                alt.set("origin", " ".join(filter(None, [unit.mt_engine, unit.mt_model])) or "mt")
                alt.set("alttranstype", "proposal")
                etree.SubElement(alt, q("target")).text = xml_safe(unit.mt)
            for comment in source_comments(unit):
                etree.SubElement(tu, q("note"), {"from": "developer"}).text = xml_safe(comment)
            for line in unit.notes.splitlines():
                if line.strip():
                    etree.SubElement(tu, q("note"), {"from": "translator"}).text = xml_safe(line)
    payload: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return payload


def source_comments(unit: TranslationUnit) -> list[str]:
    """The unit's comments for the translator from the source's side (PO ``#.``: a
    developer's, an imported file's note, why the segment is read-only), without termwise's
    own (``project.importing.own_machine_line``: the project file keeps them, another tool
    has no use for them), each once."""
    return [
        comment
        for comment in dict.fromkeys(unit.comments)
        if comment.strip() and not own_machine_line(comment)
    ]


def _note_texts(unit: TranslationUnit) -> list[tuple[str, str]]:
    notes = [("translator", line) for line in unit.notes.splitlines() if line.strip()]
    if unit.mt:
        origin = ", ".join(filter(None, [unit.mt_engine, unit.mt_model]))
        notes.append(
            (MT_NOTE_CATEGORY, f"MT ({origin}): {unit.mt}" if origin else f"MT: {unit.mt}")
        )
    return notes
