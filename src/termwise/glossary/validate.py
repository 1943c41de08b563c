"""Checking a TBX file the way a translator needs: every violation with its line.

Three layers, reported together so one run lists everything to fix: well-formedness (the
XML parser), the TBX core structure (header, body, entries, language sections, one term per
term section, element order) and the TBX-Basic dialect (which data categories may appear at
which level, and their picklist values, from the TBX-Basic v3 schematron). A TBX 2008
(``martif``) file gets the same checks under its own element names (and TBX-Basic's data
categories where it says it is TBX-Basic): it is a readable TBX that ``glossary import``
takes, so being TBX 2008 is no problem in itself.

A concept with two preferred terms in one language is valid TBX, but MT forces the first it
meets and the checks call the other inconsistent: said as a warning (``Problem.warning``) at
the second term's line, which neither makes the file invalid nor stops an import.

Valid TBX too, but of no use in a text: one term of two concepts, a fault, and two concepts'
terms the matcher takes for the same words, a warning (``conflicts``), each at the later
term's line, naming the other's. ``glossary import`` refused one only against a file the
project had; two concepts of the imported file itself went through, and MT then left the
term to the engine.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from termwise import languages
from termwise.errors import InputError, TermwiseError
from termwise.glossary.conflicts import clashes, is_fault
from termwise.glossary.model import Problem, TermStatus
from termwise.glossary.safe_xml import line_of, local_name, namespace, parse_xml, text_of
from termwise.glossary.tbx import TBX_NAMESPACES, XML_LANG, read_tbx_root, stray_in_term
from termwise.glossary.tbx_basic import BASIC_CATEGORIES, BASIC_PICKLISTS
from termwise.glossary.tbx_status import (
    MIN_VALUES,
    STATUS_CATEGORIES,
    TBX2008_ADMN_VALUES,
    TBX2008_NORMATIVE_VALUES,
    dialect_of,
    most_cautious,
    read_status,
)
from termwise.input_files import read_input

# Header elements whose content is text.
_HEADER_TEXT = {"p", "title", "note", "hi", "foreign", "date"}
# What each group is for: its first child, the only one of its kind.
_GROUP_HEAD = {"descripGrp": "descrip", "adminGrp": "admin", "termNoteGrp": "termNote"}

_AUX = {"descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"}

# TBX-Basic: data category → (element in dca style, levels where it may appear), and picklists.
_BASIC_CATEGORIES = BASIC_CATEGORIES
_PICKLISTS = BASIC_PICKLISTS

# TBX-Min v3 (LTAC's integrated RNG and schematron): four data categories; ref, xref and
# transactions are free.
_MIN_CATEGORIES: dict[str, tuple[str, set[str]]] = {
    "administrativeStatus": ("termNote", {"termSec"}),
    "partOfSpeech": ("termNote", {"termSec"}),
    "customerSubset": ("admin", {"termSec"}),
    "subjectField": ("descrip", {"conceptEntry"}),
}
_MIN_FREE = {"ref", "xref", "transac", "transacNote", "transactionType", "responsibility"}
_MIN_PICKLISTS: dict[str, frozenset[str] | set[str]] = {
    "administrativeStatus": MIN_VALUES,
    "partOfSpeech": {"noun", "verb", "adjective", "adverb", "other"},
}
# TBX 2008 has no dialect schematron termwise checks against, but its status picklists are
# part of the default data category set: a wrong status changes what a term may be used for.
_TBX2008_PICKLISTS: dict[str, frozenset[str] | set[str]] = {
    "administrativeStatus": TBX2008_ADMN_VALUES,
    "normativeAuthorization": TBX2008_NORMATIVE_VALUES,
}


def validate_file(path: str | Path) -> list[Problem]:
    """All violations in a TBX file (an empty list when it is valid TBX-Basic or TBX core)."""
    target = Path(path)
    data = read_input(target)
    try:
        tree = parse_xml(data, target)
    except InputError as error:
        return [Problem(error.message, str(target), error.line, error.column)]
    validator = _Validator(str(target))
    return validator.run(tree.getroot()) + validator.clashes(tree.getroot())


class _Validator:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.basic = False
        self.min = False
        self.martif = False
        self.dct = False
        # The dialect as the reader names it, so that a status reads here as it does there.
        self.dialect: str | None = None
        # The current concept's preferred terms: language -> their <term> elements.
        self.preferred: dict[str, list[etree._Element]] = {}
        self.concept_id: str | None = None
        # Each term's line by (concept id, language, text) as the reader gives them, for
        # what is judged on the glossary read (``clashes``).
        self.lines: dict[tuple[str, str, str], int] = {}

    def report(self, element: etree._Element, message: str) -> None:
        self.problems.append(Problem(message, self.path, line_of(element)))

    def warn(self, element: etree._Element, message: str) -> None:
        self.problems.append(Problem(message, self.path, line_of(element), warning=True))

    def run(self, root: etree._Element) -> list[Problem]:
        name = local_name(root)
        self.dialect = dialect_of(name, root.get("type"))
        if name == "martif":
            self.martif = True
            self.basic = root.get("type") == "TBX-Basic"
            self.entries(root, entry="termEntry", lang_sec="langSet", term_secs={"tig", "ntig"})
            return self.problems
        if name == "mtf":
            self.report(
                root,
                "MultiTerm XML (<mtf>), not TBX: export the termbase from MultiTerm as TBX "
                "and check that",
            )
            return self.problems
        if name != "tbx":
            self.report(root, f"root element is <{name}>, expected <tbx>")
            return self.problems
        ns = namespace(root)
        if ns not in TBX_NAMESPACES:
            self.report(
                root,
                f"<tbx> is not in the TBX namespace (found {ns!r}; "
                "expected urn:iso:std:iso:30042:ed-2)",
            )
        dialect = root.get("type")
        style = root.get("style")
        if not dialect:
            self.report(root, "<tbx> has no type attribute naming the dialect")
        if style not in ("dca", "dct"):
            self.report(root, f"<tbx> style must be 'dca' or 'dct', not {style!r}")
        if not root.get(XML_LANG):
            self.report(root, "<tbx> has no xml:lang")
        else:
            self.lang_tag(root)
        self.basic = dialect == "TBX-Basic"
        self.min = dialect == "TBX-Min"
        self.dct = style == "dct"
        children = [c for c in root if local_name(c)]
        if [local_name(c) for c in children] != ["tbxHeader", "text"]:
            self.report(root, "<tbx> must contain <tbxHeader> then <text>")
        header = next((c for c in children if local_name(c) == "tbxHeader"), None)
        if header is not None and not any(local_name(c) == "fileDesc" for c in header):
            self.report(header, "<tbxHeader> must contain <fileDesc>")
        self.entries(root, entry="conceptEntry", lang_sec="langSec", term_secs={"termSec"})
        return self.problems

    def header_and_text(self, root: etree._Element) -> None:
        """Header text only inside its text elements; ``<text>`` holds ``<body>``, ``<back>``."""
        for header in (c for c in root if local_name(c) in ("tbxHeader", "martifHeader")):
            for element in header.iter():
                name = local_name(element)
                if not name or name in _HEADER_TEXT:
                    continue
                stray = [element.text or ""] + [
                    child.tail or "" for child in element if local_name(child) not in _HEADER_TEXT
                ]
                stray += [child.tail or "" for child in element if not local_name(child)]
                if any(part.strip() for part in stray):
                    self.report(element, f"text directly in <{name}>; header text belongs in <p>")
        for text in (c for c in root if local_name(c) == "text"):
            names = [local_name(c) for c in text if local_name(c)]
            for child in text:
                name = local_name(child)
                if name and name not in ("body", "back"):
                    self.report(
                        child, f"<{name}> directly in <text>; only <body> and <back> go there"
                    )
            if names.count("body") != 1:
                self.report(text, "<text> must hold exactly one <body>")

    def entries(
        self, root: etree._Element, *, entry: str, lang_sec: str, term_secs: set[str]
    ) -> None:
        self.header_and_text(root)
        body = next((e for e in root.iter() if local_name(e) == "body"), None)
        if body is None:
            self.report(root, "no <text><body>")
            return
        seen_ids: dict[str, int] = {}
        for concept in body:
            lname = local_name(concept)
            if not lname:
                continue
            if lname != entry:
                self.report(concept, f"<{lname}> in <body>; expected <{entry}>")
                continue
            concept_id = concept.get("id")
            if not concept_id:
                self.report(concept, f"<{entry}> without an id")
            elif concept_id in seen_ids:
                self.report(
                    concept, f"duplicate id {concept_id!r} (first on line {seen_ids[concept_id]})"
                )
            else:
                seen_ids[concept_id] = line_of(concept) or 0
            self.concept(concept, lang_sec, term_secs)

    def concept(self, concept: etree._Element, lang_sec: str, term_secs: set[str]) -> None:
        sections = 0
        self.preferred = {}
        self.concept_id = concept.get("id")
        for child in concept:
            lname = local_name(child)
            if not lname:
                continue
            if lname == lang_sec:
                sections += 1
                self.language(child, term_secs)
            elif sections:
                self.report(
                    child,
                    f"<{lname}> after a language section; data categories of "
                    "the concept come before its language sections",
                )
            else:
                self.category(child, "conceptEntry")
        if not sections:
            self.report(concept, f"concept {concept.get('id')!r} has no language section")
        for lang, (first, *later) in self.preferred.items():
            if not later:
                continue
            # One warning a language, at the second term: the file's first place to change.
            what = (
                f"a second preferred {lang} term"
                if len(later) == 1
                else f"{len(later)} more preferred {lang} terms"
            )
            others = "the other" if len(later) == 1 else "the others"
            self.warn(
                later[0],
                f"concept {concept.get('id')!r} has {what}, "
                f"{', '.join(repr(text_of(term)) for term in later)}, beside "
                f"{text_of(first)!r} (line {line_of(first)}): MT forces the first it meets "
                f"and the checks call {others} inconsistent; give {others} another status "
                "(admitted)",
            )

    def language(self, section: etree._Element, term_secs: set[str]) -> None:
        lang = section.get(XML_LANG)
        if not lang:
            self.report(section, "language section without xml:lang")
        else:
            self.lang_tag(section)
        terms = 0
        # As the reader keys the section's terms; once a section, not once a term.
        tag = _normalized(lang) if lang else None
        for child in section:
            lname = local_name(child)
            if not lname:
                continue
            if lname in term_secs:
                terms += 1
                self.term(child)
                term = next(
                    (e for e in child.iter() if local_name(e) == "term" and text_of(e)), None
                )
                if tag is not None and term is not None:
                    self.note_preferred(child, term, tag)
                    self.note_line(term, tag)
            elif terms:
                self.report(child, f"<{lname}> after a term section in a language section")
            else:
                self.category(child, "langSec")
        if not terms:
            self.report(section, "language section without any term section")

    def note_preferred(self, term_sec: etree._Element, term: etree._Element, tag: str) -> None:
        """Keep ``term``, of ``term_sec``, aside when its status, read as the reader reads
        it (``read_status``, the most cautious of several), is preferred."""
        statuses = [
            status
            for kind, value in _status_notes(term_sec)
            if (status := read_status(self.dialect, kind, value).status) is not None
        ]
        if statuses and most_cautious(statuses) is TermStatus.PREFERRED:
            self.preferred.setdefault(tag, []).append(term)

    def note_line(self, term: etree._Element, tag: str) -> None:
        if self.concept_id is None:
            return
        key = (self.concept_id, tag, " ".join(text_of(term).split()))
        self.lines.setdefault(key, line_of(term) or 0)

    def clashes(self, root: etree._Element) -> list[Problem]:
        """Terms of two concepts the matcher cannot tell apart (``conflicts``), read from
        ``root`` as every command reads the file: a fault where one term is two concepts',
        a warning where two terms are the same words to the matcher."""
        try:
            glossary = read_tbx_root(root, self.path)
        except TermwiseError:
            # What keeps the reader from it, the structure's checks have said.
            return []
        found = []
        for clash in clashes(glossary):
            line = self.lines.get((clash.concept.id, clash.term.lang, clash.term.text))
            other = self.lines.get((clash.other.id, clash.other_term.lang, clash.other_term.text))
            warning = not is_fault(clash, glossary.lang)
            message = clash.describe(
                other_where=f" (line {other})" if other else "", homonym=warning
            )
            found.append(Problem(message, self.path, line, warning=warning))
        return found

    def lang_tag(self, element: etree._Element) -> None:
        """An ``xml:lang`` that names no language ("sp" for Spanish) is valid XML, but its
        terms serve no ``--to``: a translation into es found none and MT forced nothing.
        The tag is judged as ``--to`` judges it (``languages.known``)."""
        tag = element.get(XML_LANG) or ""
        try:
            languages.known(tag)
        except languages.LanguageError:
            self.report(
                element,
                f"xml:lang {tag!r} is not a known language (BCP 47, as --to takes: es, "
                "zh, pt-BR); no command uses the terms under it",
            )

    def stray(self, term: etree._Element) -> None:
        for element, message in stray_in_term(term):
            self.report(element, message)

    def term(self, term_sec: etree._Element) -> None:
        children = [c for c in term_sec if local_name(c)]
        names = [local_name(c) for c in children]
        if local_name(term_sec) == "ntig":
            if not names or names[0] != "termGrp":
                self.report(term_sec, "<ntig> must start with <termGrp>")
                return
            group = [c for c in children[0] if local_name(c)]
            if [local_name(c) for c in group].count("term") != 1:
                self.report(children[0], "a <termGrp> must hold exactly one <term>")
            for child in group:
                if local_name(child) == "term":
                    self.stray(child)
            for child in group:
                if local_name(child) not in ("term", "termCompList"):
                    self.category(child, "termSec")
            for child in children[1:]:
                self.category(child, "termSec")
            return
        if names.count("term") != 1 or not names or names[0] != "term":
            self.report(term_sec, "a term section must start with exactly one <term>")
        elif not text_of(children[0]):
            self.report(children[0], "empty <term>")
        else:
            self.stray(children[0])
        seen_aux = False
        for child in children[1:]:
            lname = local_name(child)
            is_term_note = lname in ("termNote", "termNoteGrp") or (
                self.dct and _BASIC_CATEGORIES.get(lname, ("", set()))[0] == "termNote"
            )
            if is_term_note and seen_aux:
                self.report(
                    child, "term notes must come right after <term>, before other data categories"
                )
            if not is_term_note:
                seen_aux = True
            self.category(child, "termSec")

    def category(self, element: etree._Element, level: str) -> None:
        lname = local_name(element)
        if lname in ("descripGrp", "adminGrp", "termNoteGrp"):
            self.group(element)
            for child in element:
                if local_name(child):
                    self.category(child, level)
            return
        if lname == "transacGrp":
            for child in element:
                if local_name(child) in (
                    "transac",
                    "transacNote",
                    "transactionType",
                    "responsibility",
                ):
                    self.category(child, "transacGrp")
            return
        ns = namespace(element)
        in_core = ns is None or ns in TBX_NAMESPACES
        if in_core:
            if lname == "termNote" and level != "termSec":
                self.report(element, "<termNote> is only allowed in a term section")
            if lname not in _AUX | {"termNote", "transac", "transacNote", "date"}:
                self.report(element, f"<{lname}> is not a TBX element here")
                return
            kind = element.get("type")
            if lname in ("note", "date"):
                return
            if not kind:
                self.report(element, f"<{lname}> without a type attribute")
                return
            if self.dct and lname in ("descrip", "admin", "termNote", "xref", "ref"):
                self.report(element, f"<{lname} type=...> (dca style) in a dct-style file")
        else:
            if not self.dct:
                self.report(element, f"<{element.tag}> (dct style) in a dca-style file")
            kind = lname
        self.dialect_category(element, kind, level, lname if in_core else None)

    def dialect_category(
        self, element: etree._Element, kind: str, level: str, core_element: str | None
    ) -> None:
        """Whether the dialect has data category ``kind``, at this level, with this value."""
        if self.martif:
            if self.basic:
                self.in_dialect(
                    element, kind, level, core_element, "TBX-Basic", _BASIC_CATEGORIES, _PICKLISTS
                )
            elif kind in STATUS_CATEGORIES - set(_TBX2008_PICKLISTS):
                self.report(
                    element, f"{kind!r} is not a TBX 2008 data category for a term's status"
                )
            else:
                self.check_value(element, kind, _TBX2008_PICKLISTS)
            return
        if self.basic:
            self.in_dialect(
                element, kind, level, core_element, "TBX-Basic", _BASIC_CATEGORIES, _PICKLISTS
            )
        elif self.min:
            if kind in _MIN_FREE or (core_element in _MIN_FREE and kind not in STATUS_CATEGORIES):
                return
            self.in_dialect(
                element, kind, level, core_element, "TBX-Min", _MIN_CATEGORIES, _MIN_PICKLISTS
            )

    def in_dialect(
        self,
        element: etree._Element,
        kind: str,
        level: str,
        core_element: str | None,
        dialect: str,
        categories: dict[str, tuple[str, set[str]]],
        picklists: dict[str, frozenset[str] | set[str]],
    ) -> None:
        spec = categories.get(kind)
        if spec is None:
            self.report(element, f"{kind!r} is not a {dialect} data category")
            return
        expected_element, levels = spec
        if core_element is not None and core_element != expected_element:
            self.report(element, f"{kind!r} belongs in <{expected_element}>, not <{core_element}>")
        if level not in levels:
            allowed = " or ".join(sorted(levels))
            self.report(element, f"{kind!r} may appear only at {allowed} level, not {level}")
        self.check_value(element, kind, picklists)

    def check_value(
        self,
        element: etree._Element,
        kind: str,
        picklists: dict[str, frozenset[str] | set[str]],
    ) -> None:
        value = text_of(element)
        allowed_values = picklists.get(kind)
        if allowed_values is not None and value not in allowed_values:
            self.report(
                element,
                f"{value!r} is not a permitted value of {kind!r} "
                f"({', '.join(sorted(allowed_values))})",
            )

    def group(self, element: etree._Element) -> None:
        """A group (``descripGrp``...) qualifies one data category: exactly one, and first."""
        name = local_name(element)
        head = _GROUP_HEAD[name]
        children = [child for child in element if local_name(child)]
        # In the dct style the head is the namespaced category itself (<basic:definition>).
        heads = [
            child
            for child in children
            if local_name(child) == head
            or (
                namespace(child) not in (None, *TBX_NAMESPACES)
                and _BASIC_CATEGORIES.get(local_name(child), ("descrip", set()))[0] == head
            )
        ]
        if len(heads) != 1:
            self.report(element, f"<{name}> must hold exactly one <{head}> (found {len(heads)})")
        elif children[0] is not heads[0]:
            self.report(element, f"<{name}> must start with its <{head}>")


def _status_notes(term_sec: etree._Element) -> list[tuple[str, str]]:
    """A term section's status data categories as (category, value), in either style:
    ``<termNote type="administrativeStatus">`` or ``<min:administrativeStatus>``."""
    found: list[tuple[str, str]] = []
    for element in term_sec.iter():
        name = local_name(element)
        kind = element.get("type") if name == "termNote" else name
        if kind is not None and kind in STATUS_CATEGORIES:
            found.append((kind, text_of(element)))
    return found


def _normalized(lang: str) -> str:
    """``lang`` as the reader keys terms by it, or as written where it names no language."""
    try:
        return languages.normalize(lang)
    except languages.LanguageError:
        return lang
