"""Reading translation units that other tools wrote: TMX 1.1/1.4b, XLIFF 1.2/2.x and PO.

Every reader returns plain-text source and target plus the inline codes it took out of them
(a bold run, a placeholder, a tag from the original format). termwise's documents are plain
text, so codes cannot go into a translation; they are returned as ``InlineCode`` objects with
their position, so the importer can report them and keep them in the unmatched file, never
drop them silently.

XML comes from outside: it is parsed with entity resolution, network and DTD loading off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from termwise import languages
from termwise.errors import InputError

if TYPE_CHECKING:
    from lxml import etree

    from termwise.project.states import StateReading
    from termwise.project.units import Location, SegmentState

XML_NS = "http://www.w3.org/XML/1998/namespace"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF22_NS = "urn:oasis:names:tc:xliff:document:2.2"


@dataclass(frozen=True)
class InlineCode:
    """A formatting code or placeholder taken out of a segment's text.

    ``offset`` is where it stood in the plain text; ``native`` is the original code when
    the file carried it (TMX ``<bpt>&lt;b&gt;</bpt>``), else a readable stand-in such as
    ``{g id=1}``.
    """

    side: str  # "source" | "target"
    kind: str  # element name: bpt, ept, ph, it, x, bx, ex, g, pc, sc, ec, ...
    offset: int
    native: str
    code_id: str | None = None


@dataclass(frozen=True)
class PluralEntry:
    """A gettext plural entry as read: the plural source, every form, which form is the
    singular's (``InterchangeUnit.target``), and the file's Plural-Forms header (None: the
    file had none, so Babel's rule for its language indexed the forms)."""

    source: str
    forms: tuple[str, ...]
    singular_index: int
    rule: str | None


@dataclass
class InterchangeUnit:
    """One translation unit read from an interchange file."""

    id: str | None
    source: str
    target: str
    source_lang: str | None
    target_lang: str | None
    notes: str = ""
    inline_codes: list[InlineCode] = field(default_factory=list)
    # None when the format does not say (TMX); else whether the file marks it final.
    reviewed: bool | None = None
    line: int | None = None
    # TMX ``<prop>`` values and the like (``x-context``, ``x-state``), by type.
    properties: dict[str, str] = field(default_factory=dict)
    # The file's state in termwise's terms (``project.states``); None when not read.
    state: SegmentState | None = None
    # Why the state was read cautiously: the file contradicted itself.
    state_conflict: str | None = None
    # The file says the unit is not reviewed (``StateReading.says_unreviewed``): only then
    # does the import send a segment reviewed in the project back to review.
    says_unreviewed: bool = False
    # The target is a placeholder (XLIFF 1.2 needs-translation copy of the source).
    placeholder: bool = False
    # A PO plural entry: all its forms (``target`` is the singular's).
    plural: PluralEntry | None = None
    # The machine translation the file keeps beside the translation (XLIFF 1.2 alt-trans,
    # termwise's XLIFF 2 MT note, a TMX unit in state mt), and what made it.
    mt: str | None = None
    mt_engine: str | None = None
    mt_model: str | None = None
    # The source the translation was made for, when the file says the source has changed
    # since (gettext's ``#| msgid``, an XLIFF 1.2 ``<alt-trans origin="previous">``).
    previous_source: str | None = None
    # The plural source the previous source had (gettext's ``#| msgid_plural``); it belongs
    # to ``previous_source`` and goes where that goes.
    previous_plural_source: str | None = None
    # The context the previous source had (gettext's ``#| msgctxt``); it goes with it too.
    previous_context: str | None = None
    # Comments for the translator from whoever wrote the source (PO ``#.`` other than
    # termwise's MT lines, an XLIFF developer's note, an ITS localization note): the project
    # file keeps them as extracted comments (``#.``), apart from the translators' notes.
    comments: tuple[str, ...] = ()
    # A PO entry's flags other than fuzzy (``c-format``, ``no-wrap``, ...) and its source
    # references (``#: src/main.c:42``): the project file keeps them.
    flags: frozenset[str] = frozenset()
    locations: tuple[Location, ...] = ()
    # False: the file marks the unit not for translation (XLIFF ``translate="no"``, on it or
    # on a group or file around it). ``target`` is then the text to keep (the source when
    # the file gives none) and the unit is in ``UnitList.not_for_translation``.
    translate: bool = True
    # How another tool locked the unit (``memoQ mq:locked="locked"``, ``Trados sdl:seg
    # locked="true"``), None where none did: the import marks the segments it matches
    # read-only, as it does those not for translation, but it is otherwise read as any unit.
    locked: str | None = None

    def read_state(self, reading: StateReading) -> None:
        """Take ``reading`` as this unit's state (and ``reviewed`` with it)."""
        from termwise.project.units import SegmentState

        self.state = reading.state
        self.state_conflict = reading.conflict
        self.placeholder = reading.placeholder
        self.reviewed = reading.state is SegmentState.REVIEWED
        self.says_unreviewed = reading.says_unreviewed


class UnitList(list[InterchangeUnit]):
    """The units a file holds for translation, and those it holds that are not.

    A list, so that every caller of ``read_units`` reads it as before; the import summary
    also says what was left out (a count of units nobody asked about read as lost ones).
    """

    # PO obsolete entries (``#~``): a translation of a source that is gone.
    obsolete: int = 0
    # A PO file's comment above its header (translators' credits, a licence), each line
    # with its end; None: the file has none, or is no PO file.
    header_comment: str | None = None

    def __init__(self, units: Iterable[InterchangeUnit] = ()) -> None:
        super().__init__(units)
        # Units marked not for translation (XLIFF ``translate="no"``): not among the units
        # to translate; the import marks the segments they match read-only.
        self.not_for_translation: list[InterchangeUnit] = []

    @property
    def not_translatable(self) -> int:
        return len(self.not_for_translation)


# Files a user may take for importable ones: an edition, a spreadsheet, the CSV export.
_DOCUMENTS = frozenset((".md", ".txt", ".docx"))
_NOT_INTERCHANGE = frozenset((".csv", ".tsv", ".xlsx", ".ods")) | _DOCUMENTS


def read_units(
    path: str | Path, *, target_lang: str | None = None, source_lang: str | None = None
) -> UnitList:
    """Read every unit of a TMX, XLIFF or PO file; the format is recognised from the content.

    ``source_lang``/``target_lang`` pick the variants of a multilingual TMX; by default the
    header's source language and the first other language.
    """
    file_path = Path(path)
    from termwise.input_files import read_input

    data = read_input(file_path)
    if not data.strip():
        raise InputError("empty file; expected TMX, XLIFF or PO", file_path, line=1)
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    looks_xml = (
        head.startswith(b"<") or head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")
    )
    suffix = file_path.suffix.lower()
    if suffix in _NOT_INTERCHANGE and not looks_xml:
        # Read as PO, a CSV export said "not PO syntax: 'id,kind,source,…'".
        advice = (
            "a translated document comes in with `termwise align SOURCE TARGET`"
            if suffix in _DOCUMENTS
            else "termwise's CSV export is for spreadsheets; `export --format xliff` or "
            "`--format po` make a file that comes back"
        )
        raise InputError(
            f"{suffix[1:].upper()} is not a format termwise imports: import takes TMX, XLIFF "
            f"or PO ({advice})",
            file_path,
            line=1,
        )
    if not looks_xml or suffix in (".po", ".pot"):
        return _read_po(data, file_path)
    root = parse_xml(data, file_path)
    local = _local(root.tag)
    if local == "tmx":
        return UnitList(_read_tmx(root, file_path, target_lang, source_lang))
    if local == "xliff":
        namespace = _namespace(root.tag)
        version = root.get("version", "")
        if namespace in (XLIFF2_NS, XLIFF22_NS) or version.startswith("2"):
            return _read_xliff2(root, file_path)
        return _read_xliff12(root, file_path)
    raise InputError(
        f"root element <{local}> is neither TMX nor XLIFF", file_path, line=_line(root)
    )


def parse_xml(data: bytes, path: Path) -> etree._Element:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        raise InputError(
            f"not well-formed XML: {error.msg}", path, line=line, column=column
        ) from error
    except ValueError as error:
        raise InputError(f"cannot parse XML: {error}", path) from error
    from termwise.glossary.safe_xml import refuse_entities

    refuse_entities(data, root.getroottree(), path)
    return root


# -- inline content ----------------------------------------------------------------------


_TEXT_KEEPING = {"g", "pc", "mrk", "hi", "sub"}  # codes that wrap translatable text


def flatten_inline(
    element: etree._Element, side: str, original_data: dict[str, str] | None = None
) -> tuple[str, list[InlineCode]]:
    """Plain text of a ``<seg>``/``<source>``/``<target>`` and the codes taken out of it.

    ``original_data`` is an XLIFF 2 unit's ``<originalData>``: codes that point into it by
    ``dataRef`` are reported with the original code itself.
    """
    data = original_data or {}
    parts: list[str] = []
    codes: list[InlineCode] = []

    def offset() -> int:
        return sum(len(part) for part in parts)

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):  # comments, processing instructions
                if child.tail:
                    parts.append(child.tail)
                continue
            kind = _local(child.tag)
            code_id = child.get("id") or child.get("i") or child.get("x") or child.get("rid")
            if kind == "cp":  # XLIFF 2: a character XML cannot carry
                character = _code_point(child.get("hex", ""))
                if character is not None:
                    parts.append(character)
                else:
                    codes.append(InlineCode(side, kind, offset(), _describe(child), code_id))
            elif kind in _TEXT_KEEPING:
                # A ``mrk`` that only marks a segment (XLIFF 1.2 seg-source) is no code.
                quiet = kind == "mrk" and child.get("mtype") == "seg"
                opening = data.get(child.get("dataRefStart") or "") or _describe(child)
                closing = data.get(child.get("dataRefEnd") or "") or f"{{/{kind}}}"
                if not quiet:
                    codes.append(InlineCode(side, kind, offset(), opening, code_id))
                walk(child)
                if not quiet:
                    codes.append(InlineCode(side, f"/{kind}", offset(), closing, code_id))
            else:
                native = "".join(str(part) for part in child.itertext())
                native = native or data.get(child.get("dataRef") or "") or _describe(child)
                codes.append(InlineCode(side, kind, offset(), native, code_id))
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts), codes


def _describe(element: etree._Element) -> str:
    attributes = " ".join(
        f"{_local(name)}={value!s}" for name, value in sorted(element.attrib.items())
    )
    name = _local(element.tag)
    return f"{{{name} {attributes}}}" if attributes else f"{{{name}}}"


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1] if "}" in text else text


def _namespace(tag: object) -> str:
    text = str(tag)
    return text[1:].split("}", 1)[0] if text.startswith("{") else ""


def _lang_of(element: etree._Element) -> str | None:
    value = element.get(f"{{{XML_NS}}}lang") or element.get("lang")
    return value or None


def _norm_lang(tag: str | None) -> str | None:
    if not tag:
        return None
    try:
        return languages.normalize(tag)
    except languages.LanguageError:
        return tag


def _notes(elements: Iterator[etree._Element]) -> str:
    texts = (_plain_text(note) for note in elements)
    return "\n".join(text for text in texts if text)


def _plain_text(element: etree._Element) -> str:
    """An element's text, its whitespace collapsed (a note, an alt-trans target)."""
    return " ".join("".join(str(p) for p in element.itertext()).split())


ITS_NS = "http://www.w3.org/2005/11/its"

# Who wrote an XLIFF note (1.2 ``from``, 2.x ``category``) when it is a comment from the
# source's side: translate-toolkit's po2xliff writes a PO extracted comment (``#.``) as
# ``from="developer"``, Angular's extractor ``from="description"`` and ``from="meaning"``.
_SOURCE_SIDE_AUTHORS = frozenset({"developer", "programmer", "source code"})
_SOURCE_SIDE_LABELS = frozenset({"description", "meaning", "context"})
_TRANSLATOR_AUTHORS = frozenset({"", "translator", "po-translator"})


def _read_notes(notes: Iterable[etree._Element]) -> tuple[str, tuple[str, ...]]:
    """XLIFF notes as a unit's ``notes`` (the translators') and ``comments`` (from the
    source's side, as PO keeps them apart: ``#`` and ``#.``).

    A note is a comment when its author is a developer (see ``_SOURCE_SIDE_AUTHORS``) or
    when, with no author, it is about the source (1.2 ``annotates="source"``, 2.x
    ``appliesTo="source"``: Okapi's note from the source document). A note by an author
    other than a translator keeps the name (``reviewer: Use the passive``).
    """
    texts: list[str] = []
    comments: list[str] = []
    for note in notes:
        text = _plain_text(note)
        if not text:
            continue
        author = (note.get("from") or note.get("category") or "").strip()
        about = note.get("annotates") or note.get("appliesTo")
        kind = author.lower()
        if kind in _SOURCE_SIDE_LABELS:
            comments.append(f"{author}: {text}")
        elif kind in _SOURCE_SIDE_AUTHORS or (not kind and about == "source"):
            comments.append(text)
        else:
            texts.append(text if kind in _TRANSLATOR_AUTHORS else f"{author}: {text}")
    return _without_repeats(texts, comments)


def _without_repeats(notes: list[str], comments: list[str]) -> tuple[str, tuple[str, ...]]:
    """Each line once: a note that repeats a comment (or another note) is dropped."""
    kept_comments = tuple(dict.fromkeys(map(_not_as_termwises, comments)))
    lines = (line for note in notes for line in note.split("\n") if line)
    kept = [line for line in dict.fromkeys(lines) if line not in kept_comments]
    return "\n".join(kept), kept_comments


# What an XLIFF note that begins as termwise's own lines do is labelled with.
_THEIR_NOTE = "note: "


def _not_as_termwises(comment: str) -> str:
    """``comment`` as the project file can keep it without reading it back as one of
    termwise's own lines: a developer's "mt: the city council, not the EU's" went into the
    PO file as ``#. mt: …`` and came back as the segment's machine translation. termwise's
    XLIFF exports never write those lines as notes (``export.xliff``), so a note that
    begins as one does is another tool's or a person's, and keeps its words behind a
    label."""
    from termwise.project.importing import own_machine_line

    return _THEIR_NOTE + comment if own_machine_line(comment) else comment


def _its_loc_notes(element: etree._Element) -> list[str]:
    """The ITS 2.0 localization notes for a unit: ``its:locNote`` (or ``its:locNoteRef``) on
    it or, inherited, on the nearest group or file around it that has one, and the
    ``<its:locNote>`` elements in it. An alert (``its:locNoteType="alert"``) says so."""
    found: list[str] = []
    for holder in chain([element], element.iterancestors()):
        note = holder.get(f"{{{ITS_NS}}}locNote")
        reference = holder.get(f"{{{ITS_NS}}}locNoteRef")
        if note is None and reference is None:
            continue
        text = " ".join((note or "").split()) or f"see {reference}"
        alert = holder.get(f"{{{ITS_NS}}}locNoteType") == "alert"
        found.append(f"Alert: {text}" if alert else text)
        break
    for child in element:
        if isinstance(child.tag, str) and child.tag == f"{{{ITS_NS}}}locNote":
            text = _plain_text(child)
            if text:
                alert = child.get("locNoteType") == "alert"
                found.append(f"Alert: {text}" if alert else text)
    return found


def _unit_notes(
    element: etree._Element, notes: Iterable[etree._Element]
) -> tuple[str, tuple[str, ...]]:
    """A unit's notes and comments: its XLIFF notes and ITS localization notes."""
    texts, comments = _read_notes(notes)
    return _without_repeats([texts], [*comments, *_its_loc_notes(element)])


def _translatable(element: etree._Element) -> bool:
    """Whether a unit is for translation: XLIFF's ``translate`` (or ITS ``its:translate``) on
    it, else on the nearest group or file around it that says (``yes`` by default)."""
    for holder in chain([element], element.iterancestors()):
        value = holder.get("translate") or holder.get(f"{{{ITS_NS}}}translate")
        if value in ("yes", "no"):
            return value == "yes"
    return True


def _not_for_translation(unit: InterchangeUnit) -> InterchangeUnit:
    """A unit the file marks not for translation, read as what it is: the text stays as it
    is. Without a target, or with a copy of the source, the source is that text, and it is
    final (there is nothing to review); a target of its own keeps the file's state."""
    unit.translate = False
    return _kept_as_it_is(unit)


def _locked(unit: InterchangeUnit, how: str | None) -> InterchangeUnit:
    """A unit another tool locked (``how``, see ``_memoq_lock``, ``_trados_lock``): its text
    stays as it is, read as that of a unit not for translation (``_not_for_translation``),
    but matched to the document as any unit is."""
    if how is None:
        return unit
    unit.locked = how
    return _kept_as_it_is(unit)


def _memoq_lock(tu: etree._Element) -> str | None:
    """memoQ's lock of a trans-unit (``mq:locked="locked"``, in an .mqxliff)."""
    value = (tu.get(f"{{{_MEMOQ_NS}}}locked") or "").strip().lower()
    return 'memoQ mq:locked="locked"' if value in ("locked", "true", "yes", "1") else None


def _trados_lock(tu: etree._Element, mid: str | None) -> str | None:
    """Trados Studio's lock of a segment (``<sdl:seg ... locked="true">``, in an .sdlxliff)."""
    seg = _trados_segment(tu, mid)
    if seg is None or (seg.get("locked") or "").strip().lower() not in ("true", "1"):
        return None
    return 'Trados sdl:seg locked="true"'


def _kept_as_it_is(unit: InterchangeUnit) -> InterchangeUnit:
    """A unit whose text is to stay as it is: without a target, or with a copy of the
    source, the source is that text, and final; a target of its own keeps the file's state."""
    from termwise.document.ids import content_key
    from termwise.project.units import SegmentState

    if unit.placeholder or content_key(unit.target) in ("", content_key(unit.source)):
        unit.target = unit.target if unit.target.strip() else unit.source
        unit.state, unit.reviewed = SegmentState.REVIEWED, True
        unit.placeholder, unit.state_conflict, unit.says_unreviewed = False, None, False
    return unit


# The note termwise's XLIFF 2 export carries a unit's MT in: "MT (engine, model): text".
MT_NOTE_CATEGORY = "termwise:mt"
_MT_NOTE = re.compile(r"MT(?: \(([^)]*)\))?: (.*)", re.DOTALL)


MtNote = tuple[str, str | None, str | None]  # the MT, its engine and model


def _split_mt_note(notes: list[etree._Element]) -> tuple[MtNote | None, list[etree._Element]]:
    """termwise's MT note among ``notes`` (a round trip made it a translator's note, one more
    on every trip), read as the MT and what made it; and the other notes."""
    found_mt: MtNote | None = None
    kept = []
    for note in notes:
        found = _MT_NOTE.fullmatch(_plain_text(note))
        if note.get("category") != MT_NOTE_CATEGORY or found is None:
            kept.append(note)
            continue
        origin = [part.strip() for part in (found[1] or "").split(",") if part.strip()]
        found_mt = (found[2], origin[0] if origin else None, origin[1] if len(origin) > 1 else None)
    return found_mt, kept


# -- TMX ---------------------------------------------------------------------------------


def _read_tmx(
    root: etree._Element, path: Path, target_lang: str | None, source_lang: str | None
) -> list[InterchangeUnit]:
    from termwise.project import states
    from termwise.project.units import SegmentState

    header = _child(root, "header")
    body = _child(root, "body")
    if body is None:
        raise InputError("TMX file has no <body>", path, line=_line(root))
    src_lang = _norm_lang(header.get("srclang") if header is not None else None)
    if src_lang == "*all*":
        src_lang = None
    wanted = _norm_lang(target_lang)
    units: list[InterchangeUnit] = []
    for tu in body:
        if not isinstance(tu.tag, str) or _local(tu.tag) != "tu":
            continue
        variants: list[tuple[str | None, etree._Element, etree._Element]] = []
        for tuv in tu:
            if not isinstance(tuv.tag, str) or _local(tuv.tag) != "tuv":
                continue
            seg = _child(tuv, "seg")
            if seg is None:
                raise InputError("<tuv> without <seg>", path, line=_line(tuv))
            variants.append((_norm_lang(_lang_of(tuv)), tuv, seg))
        if not variants:
            continue
        unit_src = _norm_lang(source_lang) or _norm_lang(tu.get("srclang")) or src_lang
        source = _pick_variant(variants, unit_src) or variants[0]
        others = [v for v in variants if v is not source]
        target = _pick_variant(others, wanted) if wanted else (others[0] if others else None)
        source_text, source_codes = flatten_inline(source[2], "source")
        if target is not None:
            target_text, target_codes = flatten_inline(target[2], "target")
        else:
            target_text, target_codes = "", []
        notes = _notes(iter(_children(tu, "note")))
        properties = {prop.get("type", ""): prop.text or "" for prop in _children(tu, "prop")}
        unit = InterchangeUnit(
            id=tu.get("tuid"),
            source=source_text,
            target=target_text,
            source_lang=source[0],
            target_lang=target[0] if target is not None else wanted,
            notes=notes,
            inline_codes=source_codes + target_codes,
            line=_line(tu),
            properties=properties,
        )
        unit.read_state(states.from_tmx(target=target_text, properties=properties))
        unit.mt_engine = properties.get("x-mt-engine") or None
        unit.mt_model = properties.get("x-mt-model") or None
        unit.mt = properties.get("x-mt") or None
        if unit.state is SegmentState.MT:
            unit.mt = target_text
        units.append(unit)
    return units


def _pick_variant(
    variants: list[tuple[str | None, etree._Element, etree._Element]], lang: str | None
) -> tuple[str | None, etree._Element, etree._Element] | None:
    if not lang:
        return None
    for variant in variants:
        if variant[0] and variant[0].lower() == lang.lower():
            return variant
    base = lang.split("-")[0].lower()
    for variant in variants:
        if variant[0] and variant[0].split("-")[0].lower() == base:
            return variant
    return None


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if isinstance(child.tag, str) and _local(child.tag) == name:
            return child
    return None


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str) and _local(c.tag) == name]


# -- XLIFF 1.2 ---------------------------------------------------------------------------


def _read_xliff12(root: etree._Element, path: Path) -> UnitList:
    units: list[InterchangeUnit] = []
    read_from: dict[etree._Element, InterchangeUnit] = {}
    not_for_translation: list[InterchangeUnit] = []
    files = [el for el in root.iter() if isinstance(el.tag, str) and _local(el.tag) == "file"]
    if not files:
        raise InputError("XLIFF file has no <file>", path, line=_line(root))
    for file_el in files:
        src_lang = _norm_lang(file_el.get("source-language"))
        tgt_lang = _norm_lang(file_el.get("target-language"))
        tools = _tools(file_el)
        for tu in file_el.iter():
            if not isinstance(tu.tag, str) or _local(tu.tag) != "trans-unit":
                continue
            if tu.get("restype") == "x-gettext-domain-header":
                continue  # po2xliff's copy of the PO header: no unit of the document
            translate = _translatable(tu)
            source_el = _child(tu, "source")
            if source_el is None:
                raise InputError("<trans-unit> without <source>", path, line=_line(tu))
            target_el = _child(tu, "target")
            notes, comments = _unit_notes(tu, _children(tu, "note"))
            seg_source = _child(tu, "seg-source")
            if seg_source is not None and _segment_marks(seg_source):
                segments = _xliff12_segments(
                    tu, seg_source, target_el, src_lang, tgt_lang, notes, comments
                )
                if translate:
                    units.extend(segments)
                else:
                    not_for_translation.extend(map(_not_for_translation, segments))
                continue
            source_text, source_codes = flatten_inline(source_el, "source")
            if target_el is not None:
                target_text, target_codes = flatten_inline(target_el, "target")
            else:
                target_text, target_codes = "", []
            unit = InterchangeUnit(
                id=tu.get("id"),
                source=source_text,
                target=target_text,
                source_lang=src_lang,
                target_lang=_target_lang(target_el, tgt_lang),
                notes=notes,
                inline_codes=source_codes + target_codes,
                line=_line(tu),
                comments=comments,
                locations=_xliff12_locations(tu),
            )
            unit.read_state(_xliff12_state(tu, target_el, source_text, target_text))
            _read_alt_trans(unit, tu, tools)
            _locked(unit, _memoq_lock(tu) or _trados_lock(tu, None))
            if not translate:
                not_for_translation.append(_not_for_translation(unit))
                continue
            units.append(unit)
            read_from[tu] = unit
    found = UnitList(_join_plural_groups(units, root, read_from))
    found.not_for_translation = not_for_translation
    return found


def _tools(file_el: etree._Element) -> dict[str, str]:
    """The ``<tool>`` elements of a ``<file>``'s header: tool-id → tool-name. An
    ``<alt-trans tool-id="…">`` names its tool by id only."""
    header = _child(file_el, "header")
    tools = _children(header, "tool") if header is not None else []
    return {tool.get("tool-id", ""): tool.get("tool-name", "") for tool in tools}


# Words in an alt-trans origin, tool-id or tool name that say machine translation made it: MT
# itself, engines and services by name. A word ending in "mt" is one too (ModernMT, KantanMT,
# Okapi's "ApertiumMT" connector). Anything else is a translation memory's match or a person's.
_MT_WORDS = frozenset(
    {
        *("mt", "nmt", "smt", "rbmt", "llm", "gpt", "chatgpt", "openai", "gemini", "claude"),
        *("apertium", "argos", "argostranslate", "deepl", "google", "bing", "systran"),
        *("yandex", "baidu", "papago", "youdao", "lingvanex", "libretranslate", "nllb"),
        *("watson", "promt", "tilde", "globalese"),
    }
)
_MT_PHRASES = (
    "machine translat",
    "microsoft translator",
    "azure translator",
    "amazon translate",
    "language weaver",
    "languageweaver",
)
# XLIFF 1.2's qualifiers for a target machine translation made.
_MT_QUALIFIERS = frozenset({"mt-suggestion", "leveraged-mt"})


def _names_mt(name: str) -> bool:
    lowered = name.lower()
    if any(phrase in lowered for phrase in _MT_PHRASES):
        return True
    words = re.findall(r"[a-z0-9]+", lowered)
    return any(word in _MT_WORDS or (len(word) > 3 and word.endswith("mt")) for word in words)


def _is_machine_translation(
    alt: etree._Element, target: etree._Element, tools: dict[str, str]
) -> bool:
    """Whether an ``<alt-trans>`` proposal says machine translation made it: a target
    qualified ``mt-suggestion``/``leveraged-mt``, Okapi's ``okp:matchType="MT"``, an origin
    or tool naming MT or an engine; every one termwise wrote (it writes only its MT there).
    A proposal without any of these is a translation memory's or a person's, not MT."""
    if "termwise" in tools or target.get("state-qualifier") in _MT_QUALIFIERS:
        return True
    if any(_local(name) == "matchType" and value == "MT" for name, value in alt.attrib.items()):
        return True
    tool_id = alt.get("tool-id") or ""
    names = (alt.get("origin") or "", tool_id, tools.get(tool_id, ""))
    return any(_names_mt(name) for name in names if name)


def _read_alt_trans(unit: InterchangeUnit, tu: etree._Element, tools: dict[str, str]) -> None:
    """What the ``<alt-trans>`` elements of ``tu`` hold, each for what it is.

    Machine translation of this very source becomes the unit's MT (termwise writes a unit's
    MT as a proposal, its origin "engine model"). A previous version (translate-toolkit's
    po2xliff writes gettext's ``#| msgid`` as ``origin="previous"``) gives the previous
    source, and its translation a note when it is not the one in use. Anything else, a
    translation memory's match above all, is kept as a note saying where it came from: never
    as MT, which it is not, and never dropped.
    """
    from termwise.document.ids import content_key

    notes: list[str] = []
    for alt in _children(tu, "alt-trans"):
        target = _child(alt, "target")
        text = _plain_text(target) if target is not None else ""
        source_el = _child(alt, "source")
        source = flatten_inline(source_el, "source")[0] if source_el is not None else None
        # An alternative for another source (a fuzzy match, an older version of the
        # sentence) is no translation of this one.
        other_source = source is not None and content_key(source) != content_key(unit.source)
        kind = alt.get("alttranstype", "proposal")
        origin = alt.get("origin") or ""
        # termwise writes nothing but a unit's MT there, whatever its engine is called.
        previous = kind == "previous-version" or origin.lower() == "previous"
        if previous and "termwise" not in tools:
            if other_source and unit.previous_source is None:
                unit.previous_source = source
            if text and content_key(text) != content_key(unit.target):
                notes.append(f"Previous translation: {text}")
            continue
        if target is None or not text:
            continue
        if (
            kind == "proposal"
            and not other_source
            and unit.mt is None
            and _is_machine_translation(alt, target, tools)
        ):
            unit.mt = text
            if "termwise" in tools:
                words = origin.split()
                unit.mt_engine = words[0] if words and words[0] != "mt" else None
                unit.mt_model = " ".join(words[1:]) or None
            else:
                tool_id = alt.get("tool-id") or ""
                named = origin or tools.get(tool_id) or tool_id
                unit.mt_engine = named if named and named.lower() != "mt" else None
            continue
        notes.append(_alternative_note(alt, text, source if other_source else None))
    if notes:
        unit.notes = "\n".join([unit.notes, *notes]).strip()


def _alternative_note(alt: etree._Element, text: str, source: str | None) -> str:
    """An ``<alt-trans>`` that is neither MT nor a previous version, as a note."""
    kind = alt.get("alttranstype", "proposal")
    about = [
        "alt-trans" if kind == "proposal" else f"alt-trans {kind}",
        *([f"origin {alt.get('origin')}"] if alt.get("origin") else []),
        *([f"match {alt.get('match-quality')}"] if alt.get("match-quality") else []),
    ]
    note = f"Alternative translation ({', '.join(about)}): {text}"
    return f"{note} [of the source: {source}]" if source is not None else note


# translate-toolkit's po2xliff (and Okapi) write a gettext plural entry as a group of
# trans-units, one per form: ``<group restype="x-gettext-plurals">``, ids ``N[0]``, ``N[1]``...
_PLURAL_ID = re.compile(r"^(.*)\[(\d+)\]$")
_HEX = re.compile(r"[0-9A-Fa-f]{1,6}")


def _code_point(hex_value: str) -> str | None:
    """The character of a ``<cp hex="…">``, or None when the value names none: int() would
    also take "+A" or "0_A", and chr() of "00A00A00A0…" overflows."""
    if _HEX.fullmatch(hex_value) is None or int(hex_value, 16) > 0x10FFFF:
        return None
    return chr(int(hex_value, 16))


def _join_plural_groups(
    units: list[InterchangeUnit],
    root: etree._Element,
    read_from: dict[etree._Element, InterchangeUnit],
) -> list[InterchangeUnit]:
    """One unit per plural group, holding every form (see ``PluralEntry``)."""
    groups = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and _local(el.tag) == "group"
        and el.get("restype") == "x-gettext-plurals"
    ]
    if not groups:
        return units
    from termwise.project.po_format import plural_rule, singular_index
    from termwise.project.units import SegmentState

    dropped: set[int] = set()
    for group in groups:
        members = [read_from[tu] for tu in group if tu in read_from]
        if len(members) < 2 or not all(_PLURAL_ID.match(m.id or "") for m in members):
            continue
        forms = tuple(member.target for member in members)
        lang = members[0].target_lang or "en"
        rule = _guess_plural_rule(len(forms), lang)
        if rule is None:
            continue  # no rule with this many forms: the forms stay separate units
        index = singular_index(plural_rule(rule, lang)[1])
        first = members[0]
        plural_id = _PLURAL_ID.match(first.id or "")
        first.id = plural_id.group(1) if plural_id else first.id
        first.target = forms[index] if index < len(forms) else first.target
        first.plural = PluralEntry(members[1].source, forms, index, rule)
        # po2xliff writes the entry's comments on the group (and again on a form's unit):
        # a PO import keeps them, so this one does too, once each.
        group_notes, group_comments = _unit_notes(group, _children(group, "note"))
        first.notes, first.comments = _without_repeats(
            [first.notes, group_notes, *(member.notes for member in members[1:])],
            [*first.comments, *group_comments, *(c for m in members[1:] for c in m.comments)],
        )
        rank = [SegmentState.NEW, SegmentState.MT, SegmentState.EDITED, SegmentState.REVIEWED]
        worked = [m for m in members if m.state is not None and m.target]
        if worked:
            lowest = min(worked, key=lambda m: rank.index(m.state or SegmentState.NEW))
            first.state, first.reviewed = lowest.state, lowest.state is SegmentState.REVIEWED
            first.says_unreviewed = any(m.says_unreviewed for m in worked)
            first.state_conflict = next(
                (m.state_conflict for m in members if m.state_conflict), None
            )
        dropped.update(id(member) for member in members[1:])
    return [unit for unit in units if id(unit) not in dropped]


def _guess_plural_rule(count: int, lang: str) -> str | None:
    """XLIFF carries no Plural-Forms: Babel's rule when it has ``count`` forms, else the
    gettext rule every two-form (or one-form) language file uses."""
    from termwise.project.po_format import plural_rule

    babel_count, expression = plural_rule(None, lang)
    if babel_count == count:
        return f"nplurals={count}; plural={expression};"
    if count == 2:
        return "nplurals=2; plural=(n != 1);"
    if count == 1:
        return "nplurals=1; plural=0;"
    return None


_MEMOQ_NS = "MQXliff"
_SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"


def _xliff12_state(
    tu: etree._Element,
    target_el: etree._Element | None,
    source: str,
    target: str,
    mid: str | None = None,
) -> StateReading:
    """The unit's XLIFF state, else memoQ's or Trados Studio's own status of the segment
    (``mid``: the segment of a segmented unit, as Trados numbers its ``sdl:seg``)."""
    from termwise.project import states

    state = target_el.get("state") if target_el is not None else None
    if state is None and tu.get("approved") is None:
        memoq = tu.get(f"{{{_MEMOQ_NS}}}status")
        if memoq:
            return states.from_tool_status(target=target, status=memoq, tool="memoQ")
        seg = _trados_segment(tu, mid)
        if seg is not None and seg.get("conf"):
            return states.from_tool_status(
                target=target,
                status=seg.get("conf", ""),
                tool="Trados",
                machine=seg.get("origin") == "mt",
            )
    return states.from_xliff12(
        source=source,
        target=target,
        state=target_el.get("state") if target_el is not None else None,
        qualifier=target_el.get("state-qualifier") if target_el is not None else None,
        approved=tu.get("approved"),
    )


def _trados_segment(tu: etree._Element, mid: str | None) -> etree._Element | None:
    """Trados Studio's record of a segment: the ``sdl:seg`` of ``mid`` in the unit's
    ``sdl:seg-defs`` (the only one, for a unit not cut in segments)."""
    segs = [el for el in tu.iter(f"{{{_SDL_NS}}}seg")]
    if mid is None:
        return segs[0] if len(segs) == 1 else None
    return next((seg for seg in segs if seg.get("id") == mid), None)


def _xliff12_locations(tu: etree._Element) -> tuple[Location, ...]:
    """A trans-unit's source references: its ``<context-group purpose="location">``, each a
    ``sourcefile`` and maybe a ``linenumber`` (as translate-toolkit's po2xliff writes a PO
    entry's ``#:`` lines, and termwise's export)."""
    found: list[Location] = []
    for group in _children(tu, "context-group"):
        if "location" not in (group.get("purpose") or "").split():
            continue
        contexts = {el.get("context-type"): _plain_text(el) for el in _children(group, "context")}
        name = contexts.get("sourcefile")
        if not name:
            continue
        line = contexts.get("linenumber") or ""
        found.append((name, int(line) if line.isdigit() else None))
    return tuple(dict.fromkeys(found))


def _target_lang(target_el: etree._Element | None, default: str | None) -> str | None:
    declared = target_el.get(f"{{{XML_NS}}}lang") if target_el is not None else None
    return _norm_lang(declared) if declared else default


def _segment_marks(element: etree._Element) -> list[etree._Element]:
    return [
        el
        for el in element.iter()
        if isinstance(el.tag, str) and _local(el.tag) == "mrk" and el.get("mtype") == "seg"
    ]


def _xliff12_segments(
    tu: etree._Element,
    seg_source: etree._Element,
    target_el: etree._Element | None,
    src_lang: str | None,
    tgt_lang: str | None,
    notes: str,
    comments: tuple[str, ...],
) -> list[InterchangeUnit]:
    targets = {m.get("mid"): m for m in _segment_marks(target_el)} if target_el is not None else {}
    units = []
    for mark in _segment_marks(seg_source):
        mid = mark.get("mid")
        source_text, source_codes = flatten_inline(mark, "source")
        target_mark = targets.get(mid)
        if target_mark is not None:
            target_text, target_codes = flatten_inline(target_mark, "target")
        else:
            target_text, target_codes = "", []
        unit = InterchangeUnit(
            id=f"{tu.get('id')!s}:{mid!s}",
            source=source_text,
            target=target_text,
            source_lang=src_lang,
            target_lang=tgt_lang,
            notes=notes,
            inline_codes=source_codes + target_codes,
            line=_line(mark),
            comments=comments,
            locations=_xliff12_locations(tu),
        )
        unit.read_state(_xliff12_state(tu, target_el, source_text, target_text, mid))
        units.append(_locked(unit, _memoq_lock(tu) or _trados_lock(tu, mid)))
    return units


# -- XLIFF 2.x ---------------------------------------------------------------------------


def _read_xliff2(root: etree._Element, path: Path) -> UnitList:
    from termwise.project import states

    src_lang = _norm_lang(root.get("srcLang"))
    tgt_lang = _norm_lang(root.get("trgLang"))
    units = UnitList()
    found_file = False
    for unit in root.iter():
        if not isinstance(unit.tag, str):
            continue
        local = _local(unit.tag)
        if local == "file":
            found_file = True
        if local != "unit":
            continue
        translate = _translatable(unit)
        notes_el = _child(unit, "notes")
        mt_note, other_notes = _split_mt_note(
            _children(notes_el, "note") if notes_el is not None else []
        )
        notes, comments = _unit_notes(unit, other_notes)
        data_el = _child(unit, "originalData")
        original = {
            str(item.get("id")): "".join(str(part) for part in item.itertext())
            for item in (_children(data_el, "data") if data_el is not None else [])
        }
        segments = _children(unit, "segment")
        for index, segment in enumerate(segments, start=1):
            source_el = _child(segment, "source")
            if source_el is None:
                raise InputError("<segment> without <source>", path, line=_line(segment))
            target_el = _child(segment, "target")
            source_text, source_codes = flatten_inline(source_el, "source", original)
            if target_el is not None:
                target_text, target_codes = flatten_inline(target_el, "target", original)
            else:
                target_text, target_codes = "", []
            unit_id = unit.get("id") or ""
            if len(segments) > 1:
                unit_id = f"{unit_id}/{segment.get('id') or index}"
            read = InterchangeUnit(
                id=unit.get("name") if unit.get("name") and len(segments) == 1 else unit_id,
                source=source_text,
                target=target_text,
                source_lang=src_lang,
                target_lang=tgt_lang,
                notes=notes,
                inline_codes=source_codes + target_codes,
                line=_line(segment),
                comments=comments,
            )
            if mt_note is not None:
                read.mt, read.mt_engine, read.mt_model = mt_note
            # No state is the specification's default, ``initial``: never reviewed.
            read.read_state(
                states.from_xliff2(
                    target=target_text,
                    state=segment.get("state"),
                    sub_state=segment.get("subState"),
                )
            )
            if translate:
                units.append(read)
            else:
                units.not_for_translation.append(_not_for_translation(read))
    if not found_file:
        raise InputError("XLIFF file has no <file>", path, line=_line(root))
    return units


# -- PO ----------------------------------------------------------------------------------


def _read_po(data: bytes, path: Path) -> UnitList:
    from termwise.project import states
    from termwise.project.po_format import (
        file_plural_forms,
        header_comment,
        plural_rule,
        read_catalog,
        singular_index,
        unit_from_message,
    )

    catalog, raw_header = read_catalog(data, path)
    header = {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(":") for line in raw_header.splitlines())
    }
    target_lang = _norm_lang(header.get("language"))
    source_lang = _norm_lang(header.get("x-source-language"))
    # As the project reads its own files: one without Plural-Forms is ruled by its entries'
    # form count, not by its language's rule (which would drop or invent a form).
    rule_header = file_plural_forms(catalog, raw_header)
    count, expression = plural_rule(rule_header, target_lang or "en")
    singular = singular_index(expression)
    units = UnitList()
    units.obsolete = len(catalog.obsolete)
    units.header_comment = header_comment(data) or None
    for message in catalog:
        if not message.id:
            continue
        unit = unit_from_message(message, singular)
        read = InterchangeUnit(
            id=message.context,
            source=unit.source,
            target=unit.target,
            source_lang=source_lang,
            target_lang=target_lang,
            notes=unit.notes,
            line=message.lineno,
            # What the project file holds beside the translation, read as it reads its own
            # entries: the MT termwise's export writes (``#. mt:``, ``#. mt-engine:``), the
            # source before it changed (``#| msgid``), the developer's comments (``#.``).
            mt=unit.mt,
            mt_engine=unit.mt_engine,
            mt_model=unit.mt_model,
            previous_source=unit.previous_source,
            previous_plural_source=unit.previous_plural_source,
            previous_context=unit.previous_context,
            comments=unit.comments,
            flags=unit.flags,
            locations=unit.locations,
        )
        if unit.plural_source is not None:
            read.plural = PluralEntry(
                unit.plural_source, unit.all_forms(count), unit.plural_index, rule_header
            )
        read.read_state(
            states.from_po(
                target=unit.target or next((form for form in unit.plural_forms if form), ""),
                fuzzy="fuzzy" in message.flags,
                mt=unit.mt,
            )
        )
        units.append(read)
    return units
