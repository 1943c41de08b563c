"""What an edition of a Word source takes from the source file beyond the text the reader gives.

The reader (``termwise.document.docx_reader``) gives each paragraph's text alone: a run's
bold or italic is lost there, and page headers and footers are no segments (they are the
page's, like a PDF's running headers). An edition is read as the source's counterpart, so
this module goes back to the file for them: ``source_emphasis`` says where each segment is
bold or italic, which the bilingual Word edition's source column shows as the source has it;
a translation is plain text, which says where none of it goes, so only emphasis over a whole
segment reaches the translation, and ``unplaced_emphasis`` counts the segments whose
emphasis an edition cannot place, for the export to say so instead of dropping it unsaid.
``copy_headers_and_footers`` gives a Word edition the source's page headers and footers, as
written (untranslated text is better than a page without the "CONFIDENTIAL" it had). The
reader reads a footnote's or endnote's text as paragraphs after the body, without the mark
that refers to it: ``SourceNote`` says which paragraphs are which note's and which segment
holds its reference, for every edition to print notes as notes. ``read_word_source`` reads
all of it in one opening of the file, for the export to hand to the edition.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from termwise.document.model import Document, Segment
from termwise.export import markdown_inline

BOLD = 1
ITALIC = 2
# Values of a toggle property (w:b, w:i) that turn it off.
_OFF = frozenset({"0", "false", "off"})
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Emphasis:
    """Bold and italic over a segment's text: ``flags[i]`` holds ``BOLD`` and ``ITALIC`` for
    its ``i``-th character, ``ink[i]`` whether that character shows ink (spaces between a
    bold word and the next may go either way, and say nothing)."""

    flags: tuple[int, ...]
    ink: tuple[bool, ...]

    @property
    def whole(self) -> int:
        """The emphasis every character that shows ink has."""
        shown = self._shown()
        whole = BOLD | ITALIC
        for flag in shown:
            whole &= flag
        return whole if shown else 0

    @property
    def partial(self) -> bool:
        """Whether some of the text has emphasis the rest has not: a translation cannot
        tell where that goes."""
        whole = self.whole
        return any(flag & ~whole for flag in self._shown())

    def _shown(self) -> list[int]:
        return [flag for flag, ink in zip(self.flags, self.ink, strict=True) if ink]

    def nodes(self, text: str) -> list[markdown_inline.Node]:
        """``text`` as inline nodes whose spans are its bold and italic runs, so that an
        edition lays them out as it lays out a Markdown source's emphasis."""
        nodes: list[markdown_inline.Node] = []
        start = 0
        for end in range(1, len(text) + 1):
            if end < len(text) and self.flags[end] == self.flags[start]:
                continue
            node: markdown_inline.Node = markdown_inline.Text(
                start, end, text[start:end], literal=True
            )
            if self.flags[start] & ITALIC:
                node = markdown_inline.Span("em", [node])
            if self.flags[start] & BOLD:
                node = markdown_inline.Span("strong", [node])
            nodes.append(node)
            start = end
        return nodes


@dataclass(frozen=True)
class SourceNote:
    """A footnote or endnote of a Word source: the document's lines (0-based paragraphs)
    that hold its text, and the segment whose text holds its reference mark (None where no
    reference to it was found)."""

    kind: str  # "footnote" or "endnote"
    lines: frozenset[int]
    reference: str | None


@dataclass(frozen=True)
class WordSource:
    """What an edition of a Word source takes from the file beyond the reader's text, read
    in one opening of it: its emphasis, its notes, and the file itself (python-docx's
    document), from which the Word edition copies the page headers and footers."""

    emphasis: Mapping[str, Emphasis]
    notes: tuple[SourceNote, ...]
    original: Any


def read_word_source(document: Document) -> WordSource | None:
    """The Word file ``document`` was read from, as ``WordSource``; None for another source
    or a file that cannot be read. Emphasis and notes are left out (empty) where the file is
    no longer as the document was read: its paragraphs are not the document's lines."""
    import docx

    if document.fmt != "docx" or document.path is None or not document.path.is_file():
        return None
    try:
        original = docx.Document(str(document.path))
    except Exception:  # lxml and python-docx raise several unrelated types
        return None
    paragraphs = _read_paragraphs(original)
    lines = document.text.split("\n")
    if [len(paragraph.flags) for paragraph in paragraphs] != [len(x) for x in lines]:
        return WordSource({}, (), original)
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    flags = [paragraph.flags for paragraph in paragraphs]
    emphasis: dict[str, Emphasis] = {}
    for segment in document.segments:
        found = tuple(_segment_flags(segment, starts, flags))
        if any(found):
            emphasis[segment.id] = Emphasis(found, tuple(not c.isspace() for c in segment.text))
    return WordSource(emphasis, _notes(document, paragraphs, starts), original)


def source_emphasis(document: Document) -> Mapping[str, Emphasis]:
    """Segment id → where it is bold or italic, for each segment of a Word ``document`` that
    has any; empty for another source, or a file no longer as the document was read. (The
    export reads the file once, ``read_word_source``, and passes what it read on.)"""
    source = read_word_source(document)
    return source.emphasis if source is not None else {}


def unplaced_emphasis(emphasis: Mapping[str, Emphasis], *, whole_placed: bool) -> int:
    """How many segments of a Word source's ``emphasis`` have bold or italic that an
    edition's translation cannot show: those with it over part of their text, and where the
    edition does not place emphasis at all (``whole_placed`` False) those with it throughout
    too."""
    return sum(1 for found in emphasis.values() if found.partial or not whole_placed)


def _segment_flags(
    segment: Segment, starts: list[int], paragraphs: list[list[int]]
) -> Iterator[int]:
    offsets = segment.offsets or range(segment.start, segment.start + len(segment.text))
    for offset in offsets:
        paragraph = bisect.bisect_right(starts, offset) - 1
        column = offset - starts[paragraph]
        flags = paragraphs[paragraph]
        yield flags[column] if 0 <= column < len(flags) else 0


@dataclass
class _Paragraph:
    """One paragraph the reader reads: each character's emphasis, the note whose text it
    is (kind and id) if any, and the references to notes in it, with their offsets in its
    text."""

    flags: list[int]
    note: tuple[str, str] | None
    references: list[tuple[str, str, int]]


def _read_paragraphs(source: Any) -> list[_Paragraph]:
    """Each paragraph the reader reads from python-docx's ``source``, in its order."""
    # The reader's own walk and text, so that paragraph N and its characters are the
    # reader's: a copy of them here would drift from it.
    from termwise.document.docx_reader import _paragraph_elements, _paragraph_text

    result: list[_Paragraph] = []
    emphasis = _RunEmphasis(source.part)
    for element, _cell in _paragraph_elements(source):
        flags: list[int] = []
        references: list[tuple[str, str, int]] = []
        for run in _shown_runs(element):
            for reference in run.iterchildren(_NOTE_REFERENCES):
                kind = _tag(reference).removesuffix("Reference")
                references.append((kind, reference.get(f"{{{_W}}}id", ""), len(flags)))
            flags.extend([emphasis(run)] * len(_paragraph_text(run)))
        if len(flags) != len(_paragraph_text(element)):
            # Text outside a run the reader counts: where each run's is, is not known.
            flags = [0] * len(_paragraph_text(element))
            references = [(kind, id_, 0) for kind, id_, _ in references]
        result.append(_Paragraph(flags, _note_of(element), references))
    return result


_NOTE_REFERENCES = (f"{{{_W}}}footnoteReference", f"{{{_W}}}endnoteReference")


def _note_of(paragraph: Any) -> tuple[str, str] | None:
    """The footnote or endnote whose text ``paragraph`` is: its kind and id."""
    for above in paragraph.iterancestors(f"{{{_W}}}footnote", f"{{{_W}}}endnote"):
        return _tag(above), above.get(f"{{{_W}}}id", "")
    return None


def _notes(
    document: Document, paragraphs: list[_Paragraph], starts: list[int]
) -> tuple[SourceNote, ...]:
    """The notes of a Word ``document``, in the order their text stands in it, each with
    the segment that holds its reference: the last one that starts at or before it, as a
    mark follows the word or sentence it annotates."""
    segment_starts = [segment.start for segment in document.segments]
    referring: dict[tuple[str, str], str] = {}
    lines: dict[tuple[str, str], set[int]] = {}
    for number, paragraph in enumerate(paragraphs):
        if paragraph.note is not None:
            lines.setdefault(paragraph.note, set()).add(number)
            continue  # (a note's reference in another note's text: no place in the body)
        for kind, id_, offset in paragraph.references:
            index = bisect.bisect_right(segment_starts, starts[number] + offset) - 1
            if index >= 0:
                referring.setdefault((kind, id_), document.segments[index].id)
    return tuple(
        SourceNote(key[0], frozenset(numbers), referring.get(key)) for key, numbers in lines.items()
    )


# What the reader leaves out of a paragraph's text (its ``_HIDDEN``), a run in them too.
_HIDDEN = frozenset({"del", "moveFrom", "txbxContent", "Fallback"})


def _shown_runs(paragraph: Any) -> Iterator[Any]:
    """The ``w:r`` elements whose text is the paragraph's, in order."""
    for child in paragraph.iterchildren():
        tag = _tag(child)
        if tag in _HIDDEN:
            continue
        if tag == "r":
            yield child
        else:
            yield from _shown_runs(child)


class _RunEmphasis:
    """``BOLD`` and ``ITALIC`` as a run shows them: its own formatting, else its character
    style's (Word's "Strong", "Emphasis"); each style looked up once, as a book has many
    runs and few styles."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self.styles: dict[str | None, tuple[bool | None, bool | None]] = {}

    def __call__(self, run: Any) -> int:
        # Read as XML: a math run (``m:r``) is no python-docx run.
        properties = run.find(f"{{{_W}}}rPr")
        style = None if properties is None else properties.find(f"{{{_W}}}rStyle")
        style_id = None if style is None else style.get(f"{{{_W}}}val")
        if style_id not in self.styles:
            self.styles[style_id] = self._style_emphasis(style_id)
        flags = 0
        for flag, own, styled in zip(
            (BOLD, ITALIC),
            (_toggle(properties, "b"), _toggle(properties, "i")),
            self.styles[style_id],
            strict=True,
        ):
            if own if own is not None else styled:
                flags |= flag
        return flags

    def _style_emphasis(self, style_id: str | None) -> tuple[bool | None, bool | None]:
        from docx.enum.style import WD_STYLE_TYPE

        style = self.part.get_style(style_id, WD_STYLE_TYPE.CHARACTER)
        found: list[bool | None] = []
        for name in ("bold", "italic"):
            value, base = None, style
            while value is None and base is not None:
                value = getattr(base.font, name)
                base = base.base_style
            found.append(value)
        return found[0], found[1]


def _toggle(properties: Any, name: str) -> bool | None:
    """A run's own toggle property (``w:b``, ``w:i``): on, off, or None where unset."""
    if properties is None:
        return None
    element = properties.find(f"{{{_W}}}{name}")
    if element is None:
        return None
    return element.get(f"{{{_W}}}val", "true").lower() not in _OFF


def copy_headers_and_footers(original: Any, edition: Any) -> list[Any]:
    """Gives the Word document ``edition`` the page headers and footers of the first section
    of the Word source ``original`` (python-docx's document, ``WordSource.original``: the
    first page's and even pages' too, where it has them),
    as written there; returns the runs copied, for the edition to mark their language.

    What refers to another part of the source (a picture, a link) is left out of them, its
    text kept: the relationship it names is the source's, not the edition's. The export
    says so (``headers_left_out``)."""
    copied: list[Any] = []
    theirs, ours = original.sections[0], edition.sections[0]
    if theirs.different_first_page_header_footer:
        ours.different_first_page_header_footer = True
    if original.settings.odd_and_even_pages_header_footer:
        edition.settings.odd_and_even_pages_header_footer = True
    for name, part in _own_headers_and_footers(original, theirs):
        if not _shows_something(part._element):
            continue
        target = getattr(ours, name)
        target.is_linked_to_previous = False
        copied.extend(_copy_content(part._element, target._element))
    return copied


@dataclass(frozen=True)
class HeadersLeftOut:
    """What of a Word source's page headers and footers its Word edition has not."""

    objects: int  # pictures and embedded objects in the first section's, left out
    sections: int  # the source's sections
    other_sections: int  # those after the first whose headers or footers print otherwise


def headers_left_out(original: Any) -> HeadersLeftOut:
    """What ``copy_headers_and_footers`` leaves out of the page headers and footers of the
    Word source ``original`` (``WordSource.original``), for the export to say: the pictures
    and objects in the first section's, and the later sections' own ones (the edition is one
    section, with the first's)."""
    sections = list(original.sections)
    first = sections[0]
    # Counted as the copy leaves them out: on a copy of each part, by the same rule.
    objects = sum(
        _drop_relationships(copy.deepcopy(part._element))
        for _name, part in _own_headers_and_footers(original, first)
    )
    printed = _printed_headers(original, first)
    other = sum(1 for section in sections[1:] if _printed_headers(original, section) != printed)
    return HeadersLeftOut(objects, len(sections), other)


def _own_headers_and_footers(original: Any, section: Any) -> Iterator[tuple[str, Any]]:
    """``section``'s headers and footers that pages print (the first page's where it sets
    one apart, even pages' where the document does) and that it defines itself, by name."""
    for name in _printed_names(original, section):
        part = getattr(section, name)
        if not part.is_linked_to_previous:
            yield name, part


def _printed_names(original: Any, section: Any) -> list[str]:
    """The names of ``section``'s headers and footers that its pages print."""
    names = ["header", "footer"]
    if section.different_first_page_header_footer:
        names += ["first_page_header", "first_page_footer"]
    if original.settings.odd_and_even_pages_header_footer:
        names += ["even_page_header", "even_page_footer"]
    return names


def _printed_headers(original: Any, section: Any) -> tuple[tuple[str, str], ...]:
    """What ``section``'s pages print in their headers and footers, by name: their text and
    fields; a part linked to the section before is that section's (python-docx's
    ``_element`` follows the link)."""
    printed: list[tuple[str, str]] = []
    for name in _printed_names(original, section):
        element = getattr(section, name)._element
        texts = [found.text or "" for found in element.iter(f"{{{_W}}}t", f"{{{_W}}}instrText")]
        texts += [found.get(f"{{{_W}}}instr", "") for found in element.iter(f"{{{_W}}}fldSimple")]
        printed.append((name, " ".join(" ".join(texts).split())))
    return tuple(printed)


def _shows_something(element: Any) -> bool:
    """Whether a header or footer prints anything: text, or a field (a page number)."""
    if any((text.text or "").strip() for text in element.iter(f"{{{_W}}}t")):
        return True
    return next(element.iter(f"{{{_W}}}fldSimple", f"{{{_W}}}fldChar"), None) is not None


def _copy_content(source: Any, target: Any) -> list[Any]:
    """``source``'s paragraphs and tables in place of ``target``'s; returns their runs."""
    for child in list(target):
        target.remove(child)
    runs: list[Any] = []
    for child in source.iterchildren():
        element = copy.deepcopy(child)
        _drop_relationships(element)
        runs.extend(element.iter(f"{{{_W}}}r"))
        target.append(element)
    return runs


# The elements that hold a picture or an embedded object whole (w:drawing, VML's w:pict,
# an OLE w:object), and markup compatibility's alternatives of one (mc:Choice, mc:Fallback).
_OBJECTS = frozenset({"drawing", "pict", "object"})
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATIVES = frozenset({f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"})


def _drop_relationships(element: Any) -> int:
    """Leaves out of ``element`` what names a relationship of the source's part: a link's
    runs stay, unlinked; a picture or an embedded object goes whole (its frame without the
    image printed an empty box); returns how many pictures and objects went."""
    dropped = 0
    for found in list(element.iter()):
        if not any(name.startswith(f"{{{_R}}}") for name in found.attrib):
            continue
        if not _within(found, element):
            continue  # in an object already left out
        parent = found.getparent()
        if _tag(found) == "hyperlink":
            index = parent.index(found)
            for offset, inner in enumerate(list(found)):
                parent.insert(index + offset, inner)
            parent.remove(found)
            continue
        gone = _whole_object(found, element)
        # A Fallback's picture is the other rendering of one counted in its Choice.
        if not any(above.tag == f"{{{_MC}}}Fallback" for above in gone.iterancestors()):
            dropped += 1
        gone.getparent().remove(gone)
    return dropped


def _tag(element: Any) -> str:
    """An element's name without its namespace ("" for a comment)."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _within(found: Any, root: Any) -> bool:
    """Whether ``found`` is still inside ``root`` (not in a part of it taken out)."""
    return any(above is root for above in found.iterancestors())


def _whole_object(found: Any, root: Any) -> Any:
    """The element to leave out for ``found`` (below ``root``): the innermost picture or
    object holding it, with the alternatives around that (each a rendering of it); else
    ``found`` alone."""
    for above in found.iterancestors():
        if above is root:
            break
        if above.tag.startswith(f"{{{_W}}}") and _tag(above) in _OBJECTS:
            holder = above.getparent()
            if holder is not None and holder.tag in _ALTERNATIVES:
                return holder.getparent()
            return above
    return found


def emphasis_style(emphasis: Mapping[str, Emphasis], segment_id: str) -> tuple[bool, bool]:
    """(bold, italic) for a translation of segment ``segment_id``: the emphasis its source
    has throughout, which the whole translation takes."""
    found = emphasis.get(segment_id)
    whole = found.whole if found is not None else 0
    return bool(whole & BOLD), bool(whole & ITALIC)
