"""A Word edition's footnotes and endnotes: Word's own, so that a reader finds each note
at the foot of its page (or at the end), where the source had it.

python-docx makes neither part, so this makes them as the first note needs one, with the
separators Word draws above the notes. The translation alone numbers its notes as Word
does, by itself; in the bilingual edition each column refers to a note of its own, in its
language, so each mark shows the edition's label as written (``w:customMarkFollows``):
Word's count would make the source's first note 1 and its translation's 2.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from termwise.export.edition import NOTE_NUMBERING, EditionBlock, EditionNote

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Notes are set smaller than the text, as Word's "Footnote Text" style sets them.
NOTE_SIZE_PT = 10

# Fills a paragraph of a note with one side (the source's or the translation's) of a block.
FillNote = Callable[[Any, EditionBlock], None]


class WordNotes:
    """The notes of one Word edition (``Edition.notes``), added as the marks that refer to
    them are."""

    def __init__(self, document: Any, notes: list[EditionNote], *, custom_marks: bool) -> None:
        self.document = document
        self.notes = {note.label: note for note in notes}
        self.custom_marks = custom_marks
        self.roots: dict[str, Any] = {}
        self.next_id: dict[str, int] = {}

    def refer(self, paragraph: Any, label: str, fill: FillNote) -> None:
        """A mark at the end of ``paragraph`` that refers to a new note holding note
        ``label``'s text, each of its paragraphs as ``fill`` gives it."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt
        from docx.text.paragraph import Paragraph

        note = self.notes[label]
        kind = note.kind
        root = self._root(kind)
        note_id = self.next_id[kind]
        self.next_id[kind] = note_id + 1
        reference = OxmlElement(f"w:{kind}Reference")
        reference.set(qn("w:id"), str(note_id))
        if self.custom_marks:
            reference.set(qn("w:customMarkFollows"), "1")
        _superscript(paragraph.add_run())._r.append(reference)
        if self.custom_marks:
            _superscript(paragraph.add_run(label))
        element = OxmlElement(f"w:{kind}")
        element.set(qn("w:id"), str(note_id))
        root.append(element)
        for index, block in enumerate(note.blocks or [None]):
            # (Typed Any: python-docx's stubs call it any element, Paragraph wants its CT_P.)
            text: Any = OxmlElement("w:p")
            element.append(text)
            # (Its parent is the mark's, for the part a run's comment or style is found in.)
            note_paragraph = Paragraph(text, paragraph._parent)
            note_paragraph.paragraph_format.space_after = Pt(0)
            if index == 0:
                if self.custom_marks:
                    _superscript(note_paragraph.add_run(label))
                else:
                    own_mark = OxmlElement(f"w:{kind}Ref")
                    _superscript(note_paragraph.add_run())._r.append(own_mark)
                note_paragraph.add_run(" ")
            if block is not None:
                fill(note_paragraph, block)
            for run in note_paragraph.runs:
                run.font.size = Pt(NOTE_SIZE_PT)

    def _root(self, kind: str) -> Any:
        """The ``w:footnotes`` or ``w:endnotes`` element, its part made the first time."""
        if kind in self.roots:
            return self.roots[kind]
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml.parser import parse_xml

        separators = "".join(
            f'<w:{kind} w:type="{name}" w:id="{note_id}"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:r><w:{name}/></w:r></w:p></w:{kind}>"
            for note_id, name in ((-1, "separator"), (0, "continuationSeparator"))
        )
        root = parse_xml(f'<w:{kind}s xmlns:w="{_W}" xmlns:r="{_R}">{separators}</w:{kind}s>')
        content_type = (
            CONTENT_TYPE.WML_FOOTNOTES if kind == "footnote" else CONTENT_TYPE.WML_ENDNOTES
        )
        relationship = (
            RELATIONSHIP_TYPE.FOOTNOTES if kind == "footnote" else RELATIONSHIP_TYPE.ENDNOTES
        )
        document_part = self.document.part
        part = XmlPart(PackURI(f"/word/{kind}s.xml"), content_type, root, document_part.package)
        document_part.relate_to(part, relationship)
        self._name_separators(kind)
        self.roots[kind] = root
        self.next_id[kind] = 1
        return root

    def _name_separators(self, kind: str) -> None:
        """The settings' ``w:footnotePr`` (``w:endnotePr``), which name the separator notes,
        as Word writes them: before ``w:compat``, the footnotes' before the endnotes'; with
        the numbering the other editions' marks show (``NOTE_NUMBERING``), said, not left
        to the reader's default."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        settings = self.document.settings.element
        properties = OxmlElement(f"w:{kind}Pr")
        numbering = OxmlElement("w:numFmt")
        numbering.set(qn("w:val"), NOTE_NUMBERING[kind])
        properties.append(numbering)
        for note_id in ("-1", "0"):
            separator = OxmlElement(f"w:{kind}")
            separator.set(qn("w:id"), note_id)
            properties.append(separator)
        after = ("endnotePr", "compat") if kind == "footnote" else ("compat",)
        following = next(
            (found for name in after if (found := settings.find(qn(f"w:{name}"))) is not None),
            None,
        )
        if following is not None:
            following.addprevious(properties)
        else:
            settings.append(properties)


def _superscript(run: Any) -> Any:
    """``run`` raised as a note's mark is."""
    run.font.superscript = True
    return run
