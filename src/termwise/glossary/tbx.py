"""TBX: TBX v3 (ISO 30042:2019; TBX-Basic, TBX-Min, TBX-Core; dca and dct styles) and TBX 2008.

termwise writes TBX-Basic v3 in the dca style, pretty-printed one element per line so that a
change to one term is a one-line diff. Fields TBX-Basic has no element for (matching
options, "used until", the date of a source, usage notes, "fix by hand") are written as
``note`` elements whose text starts with ``termwise:``, which keeps the file valid
TBX-Basic and lets other tools show them as ordinary notes.

Reading is deliberately lenient about structure: both styles, both TBX generations
(``martif``/``termEntry``/``langSet``/``tig``/``ntig`` and ``tbx``/``conceptEntry``/
``langSec``/``termSec``), with or without namespaces; data categories termwise has no field
for are kept in ``extra`` and written back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from termwise import languages
from termwise.glossary import multiterm
from termwise.glossary.model import (
    Concept,
    DataCategory,
    Glossary,
    Problem,
    Term,
    TermStatus,
)
from termwise.glossary.safe_xml import line_of, local_name, namespace, parse_xml, text_of
from termwise.glossary.tbx_basic import BASIC_CATEGORIES, basic_value, fits_basic
from termwise.glossary.tbx_status import (
    STATUS_CATEGORIES,
    dialect_of,
    most_cautious,
    read_status,
)
from termwise.xml_text import xml_safe

TBX_NS = "urn:iso:std:iso:30042:ed-2"
TBX_NAMESPACES = {TBX_NS, "urn:iso:std:iso:30042:ed:3.0", "urn:iso:std:iso:30042:ed-1"}
BASIC_NS = "http://www.tbxinfo.net/ns/basic"
MIN_NS = "http://www.tbxinfo.net/ns/min"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

TBX_BASIC_RNG = (
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    "TBXcoreStructV03_TBX-Basic_integrated.rng"
)
TBX_BASIC_SCH = (
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
)

NOTE_PREFIX = "termwise:"

# Which TBX element each data category uses in the dca style, and which module namespace it
# lives in for the dct style (the Min module's categories are also part of TBX-Basic).
_CATEGORY_ELEMENT = {
    "administrativeStatus": "termNote",
    "normativeAuthorization": "termNote",
    "partOfSpeech": "termNote",
    "termType": "termNote",
    "grammaticalGender": "termNote",
    "grammaticalNumber": "termNote",
    "termLocation": "termNote",
    "geographicalUsage": "termNote",
    "usageNote": "termNote",
    "subjectField": "descrip",
    "definition": "descrip",
    "context": "descrip",
    "source": "admin",
    "customerSubset": "admin",
    "projectSubset": "admin",
    "crossReference": "ref",
    "externalCrossReference": "xref",
    "xGraphic": "xref",
}
_MIN_CATEGORIES = {"administrativeStatus", "partOfSpeech", "customerSubset"}
# The elements whose type names a data category (and so must be one TBX-Basic has).
_CORE_CATEGORY_ELEMENTS = frozenset({"descrip", "admin", "termNote", "ref", "xref"})
# TBX-Basic's termNote types (LTAC's integrated RNG) have no grammaticalNumber: a term's
# number is written as a ``termwise:`` note so the file stays valid.
_DEMOTED_IN_BASIC = {"grammaticalNumber"}


@dataclass(frozen=True)
class TbxStyle:
    """How to write: dialect (``TBX-Basic``, ``TBX-Min``) and style (``dca``, ``dct``)."""

    dialect: str = "TBX-Basic"
    style: str = "dca"

    def __post_init__(self) -> None:
        if self.dialect not in ("TBX-Basic", "TBX-Min"):
            raise ValueError(f"unsupported TBX dialect {self.dialect!r}")
        if self.style not in ("dca", "dct"):
            raise ValueError(f"unsupported TBX style {self.style!r}")


# --------------------------------------------------------------------------- reading


# What ``made_up_id`` gives.
_MADE_UP_ID = re.compile(r"c[1-9][0-9]*")


def made_up_id(number: int) -> str:
    """The id the reader gives the ``number``-th entry where the file gives it none."""
    return f"c{number}"


def is_made_up_id(concept_id: str) -> bool:
    """Whether ``concept_id`` is one the reader makes up (``made_up_id``), for an id an
    edit wrote with its folder's prefix before it ("wind-c1")."""
    return _MADE_UP_ID.fullmatch(concept_id) is not None


def read_tbx(data: bytes, path: str | Path, id_prefix: str = "") -> Glossary:
    """Read TBX v3 (any dialect, dca or dct) or TBX 2008 (``martif``) from ``data``; a
    concept without an id is ``c<n>``, the n-th, with ``id_prefix`` before it
    (``ReadOptions.id_prefix``)."""
    return read_tbx_root(parse_xml(data, path).getroot(), path, id_prefix)


def read_tbx_root(root: etree._Element, path: str | Path, id_prefix: str = "") -> Glossary:
    """``read_tbx`` of a file parsed already: ``glossary validate`` checks the tree and then
    reads it, and parsing a 10,000-concept file twice was time for nothing."""
    return _Reader(str(path), id_prefix).read(root)


class _Reader:
    def __init__(self, path: str, id_prefix: str = "") -> None:
        self.path = path
        self.id_prefix = id_prefix
        self.glossary = Glossary()
        self.dialect: str | None = None
        # Fields that are no TBX data category, read as one (MultiTerm's "Status"...):
        # (field, what it was read as) → count; reported once, after the file.
        self.mapped: dict[tuple[str, str], int] = {}
        # Status values with no clear meaning: (field, value) → count.
        self.unclear: dict[tuple[str, str], int] = {}

    def problem(self, message: str, element: etree._Element | None) -> None:
        line = line_of(element) if element is not None else None
        self.glossary.problems.append(Problem(message, self.path, line))

    def read(self, root: etree._Element) -> Glossary:
        from termwise.errors import InputError

        name = local_name(root)
        if name == "mtf":
            raise InputError(
                "MultiTerm XML (<mtf>), not TBX: termwise does not read MultiTerm's own "
                "format; export the termbase from MultiTerm as TBX (File > Export, the "
                "TBX export definition) and import that",
                self.path,
                line=line_of(root),
            )
        if name not in ("tbx", "martif"):
            raise InputError(
                f"not a TBX file: the root element is <{name}>, expected <tbx> or <martif>",
                self.path,
                line=line_of(root),
            )
        self.dialect = dialect_of(name, root.get("type"))
        root_lang = root.get(XML_LANG) or root.get("lang")
        if root_lang:
            try:
                self.glossary.lang = languages.normalize(root_lang)
            except languages.LanguageError:
                self.problem(f"xml:lang {root_lang!r} is not a language tag", root)
        for element in root.iter():
            lname = local_name(element)
            if lname == "title" and self.glossary.title is None and element.text:
                self.glossary.title = element.text.strip()
            elif lname == "p" and _has_ancestor(element, "sourceDesc"):
                self.glossary.source_desc.append(_text(element))
        body = next((e for e in root.iter() if local_name(e) == "body"), None)
        if body is None:
            raise InputError("TBX file without a <text><body>", self.path, line=line_of(root))
        count = 0
        for entry in body:
            lname = local_name(entry)
            if lname in ("conceptEntry", "termEntry"):
                count += 1
                concept = self.read_concept(entry, count)
                if concept is not None:
                    self.glossary.concepts.append(concept)
            elif lname:
                self.problem(f"unexpected <{lname}> in <body>; skipped", entry)
        self.report_mapped()
        return self.glossary

    def report_mapped(self) -> None:
        if self.mapped:
            shown = ", ".join(
                f"{name!r} → {read_as} ({count}×)"
                for (name, read_as), count in sorted(self.mapped.items())
            )
            self.problem(
                "fields named as in MultiTerm, not as TBX data categories, read as TBX-Basic: "
                f"{shown}",
                None,
            )
        for (name, value), count in sorted(self.unclear.items()):
            self.problem(
                f"{name!r} value {value!r} ({count}×) is no term status termwise knows "
                "(preferred, admitted, forbidden, deprecated, obsolete...); kept as a note, "
                "the term has no status",
                None,
            )

    def read_concept(self, entry: etree._Element, number: int) -> Concept | None:
        concept = Concept(id=entry.get("id") or self.id_prefix + made_up_id(number))
        if not entry.get("id"):
            self.problem(f"concept without an id; called it {concept.id}", entry)
        # The concept's own data categories first (they come before its language sections
        # in a valid file), read together so that MultiTerm's "Created By" and "Created On"
        # become one transaction.
        found: list[tuple[DataCategory, etree._Element]] = []
        for child in entry:
            lname = local_name(child)
            if lname and lname not in ("langSec", "langSet"):
                found.extend((category, child) for category in self.categories(child))
        for category, child in self.transactions(found):
            self.concept_category(concept, category, child)
        for child in entry:
            if local_name(child) in ("langSec", "langSet"):
                self.read_language(child, concept)
        if not concept.all_terms:
            self.problem(f"concept {concept.id} has no terms", entry)
        return concept

    def read_language(self, section: etree._Element, concept: Concept) -> None:
        raw = section.get(XML_LANG) or section.get("lang")
        if not raw:
            self.problem(f"language section of {concept.id} without xml:lang; skipped", section)
            return
        try:
            lang = languages.normalize(raw)
        except languages.LanguageError:
            self.problem(f"xml:lang {raw!r} is not a language tag; section skipped", section)
            return
        found: list[tuple[DataCategory, etree._Element]] = []
        for child in section:
            lname = local_name(child)
            if lname in ("termSec", "tig", "ntig"):
                for term in self.read_terms(child, lang, concept):
                    concept.add(term)
            elif lname:
                found.extend((category, child) for category in self.categories(child))
        if found:
            for category, _child in self.transactions(found):
                if category.type == "definition":
                    concept.lang_definitions[lang] = category.value
                elif category.element == "note" and category.value.startswith(
                    f"{NOTE_PREFIX}definition:"
                ):
                    concept.lang_definitions[lang] = category.value.partition(":")[2][
                        len("definition:") :
                    ].strip()
                else:
                    category = _demoted(category.value) or category
                    concept.extra.append(
                        DataCategory(
                            f"langSec:{lang}:{category.element}",
                            category.type,
                            category.value,
                            category.target,
                            category.link,
                        )
                    )

    def read_terms(self, section: etree._Element, lang: str, concept: Concept) -> list[Term]:
        """The term of a term section (``termSec``, ``tig``, ``ntig``); a section that
        breaks the one-term rule gives each of its terms, reported, rather than drop one."""
        texts: list[str] = []
        categories: list[DataCategory] = []
        for child in section:
            lname = local_name(child)
            if lname == "term":
                texts.append(self.term_text(child))
            elif lname == "termGrp":
                for grandchild in child:
                    if local_name(grandchild) == "term":
                        texts.append(self.term_text(grandchild))
                    elif local_name(grandchild):
                        categories.extend(self.categories(grandchild))
            elif lname:
                categories.extend(self.categories(child))
        categories = [
            category for category, _ in self.transactions([(c, section) for c in categories])
        ]
        texts = [text for text in texts if text]
        if not texts:
            self.problem(f"term section of {concept.id} ({lang}) without a term; skipped", section)
            return []
        if len(texts) > 1:
            self.problem(
                f"term section of {concept.id} ({lang}) holds {len(texts)} terms "
                f"({', '.join(map(repr, texts))}); TBX allows one: each kept as a term "
                "with the section's data categories",
                section,
            )
        return [self.read_term(text, lang, categories, section) for text in texts]

    def term_text(self, term: etree._Element) -> str:
        """The text of a ``<term>``, its markup left out; what else it holds is reported
        (``stray_in_term``), the text read whole, as the file's author may have meant it."""
        for element, message in stray_in_term(term):
            self.problem(message, element)
        return _collapse(_text(term))

    def read_term(
        self, text: str, lang: str, categories: list[DataCategory], section: etree._Element
    ) -> Term:
        term = Term(text=text, lang=lang, status=TermStatus.UNSPECIFIED)
        statuses: list[TermStatus] = []
        for category in categories:
            if category.type in STATUS_CATEGORIES:
                found = self.term_status(term, category, section)
                if found is not None and found not in statuses:
                    statuses.append(found)
            else:
                self.term_category(term, category, section)
        # No status in the file: the term keeps none (the first of a language is not
        # thereby preferred). Statuses that disagree: the most cautious one.
        term.status = most_cautious(statuses)
        if len(statuses) > 1:
            self.problem(
                f"{term.text!r} ({lang}) has contradictory statuses "
                f"({', '.join(status.value for status in statuses)}); read as {term.status.value}",
                section,
            )
        return term

    def term_status(
        self, term: Term, category: DataCategory, element: etree._Element
    ) -> TermStatus | None:
        reading = read_status(self.dialect, category.type, category.value)
        if reading.complaint:
            self.problem(f"{term.text!r}: {reading.complaint}", element)
        if reading.status is None:
            term.extra.append(category)  # kept as it came, so a round trip loses nothing
        return reading.status

    def categories(self, element: etree._Element) -> list[DataCategory]:
        """The data categories an element carries. A group (``descripGrp``...) gives its
        head (the definition) as usual and the rest (its source, its note) tagged with the
        head they qualify (element ``descripGrp:definition>admin``): kept aside, and
        written back inside the group, never as facts of the concept or term itself."""
        lname = local_name(element)
        ns = namespace(element)
        if lname in ("descripGrp", "adminGrp", "termNoteGrp"):
            found: list[DataCategory] = []
            head: str | None = None
            for child in element:
                if not local_name(child):
                    continue
                for category in self.categories(child):
                    if head is None:
                        head = category.type or None
                        found.append(category)
                    else:
                        tag = f"{lname}:{head}>{category.element}"
                        found.append(replace(category, element=tag))
                if head is None:
                    head = ""  # a group led by something else: the rest stays flat
            return found
        if lname == "transacGrp":
            return [_transaction(element)]
        if ns is None or ns in TBX_NAMESPACES:
            if lname in ("descrip", "admin", "termNote", "xref", "ref"):
                kind = element.get("type", "")
                if lname != "ref" and lname != "xref" and kind not in _TBX_CATEGORIES:
                    mapped = self.foreign(kind, _text(element))
                    if mapped is not None:
                        return [mapped]
                return [DataCategory(lname, kind, _text(element), element.get("target"))]
            if lname == "note":
                return [DataCategory("note", "", _text(element))]
            if lname in ("termCompList", "hi", "foreign"):
                return []
            if lname == "termStatus":  # TBX-Min 2013: <tig><term/><termStatus>
                return [DataCategory("termNote", "termStatus", _text(element))]
            self.problem(f"unknown element <{lname}>; skipped", element)
            return []
        # dct style: the element name is the data category, the namespace its module.
        kind = _CATEGORY_ELEMENT.get(lname, "descrip")
        return [DataCategory(kind, lname, _text(element), element.get("target"))]

    def foreign(self, name: str, value: str) -> DataCategory | None:
        """A field that is no TBX data category (MultiTerm's ``Status``, ``Definition``,
        ``Created By``...) as the TBX-Basic one it is; None for a field of no known meaning."""
        category = multiterm.field_category(name)
        if category is None:
            return None
        if category == "administrativeStatus":
            status = multiterm.status_of(value)
            if status is None:
                self.unclear[(name, value)] = self.unclear.get((name, value), 0) + 1
                return DataCategory("note", "", f"{name}: {value}")
            self.count(name, "administrativeStatus")
            spelled = status.tbx_min if self.dialect == "TBX-Min" else status.tbx_basic
            return DataCategory("termNote", "administrativeStatus", spelled)
        if category == "note":
            self.count(name, "note")
            return DataCategory("note", "", value)
        if category in _TRANSACTION_FIELDS:
            kind, part = _TRANSACTION_FIELDS[category]
            return _Pending("transacGrp", kind, value, label=name, part=part)
        self.count(name, category)
        if category in ("partOfSpeech", "termType", "grammaticalGender"):
            value = basic_value(category, value) or value
        return DataCategory(_CATEGORY_ELEMENT[category], category, value)

    def count(self, name: str, read_as: str) -> None:
        self.mapped[(name, read_as)] = self.mapped.get((name, read_as), 0) + 1

    def transactions(
        self, found: list[tuple[DataCategory, etree._Element]]
    ) -> list[tuple[DataCategory, etree._Element]]:
        """MultiTerm's "Created By" and "Created On" fields of one level made into one
        transaction (TBX ``transacGrp``: origination by whom, when); so with "Modified".
        A transaction needs an ISO date: without one its fields are kept as notes."""
        if not any(isinstance(category, _Pending) for category, _ in found):
            return found
        groups: list[list[_Pending]] = []
        slots: list[tuple[DataCategory, etree._Element] | list[_Pending]] = []
        for category, element in found:
            if isinstance(category, _Pending) and ">" in category.element:
                # Inside a group (a definition's "Created By"): it qualifies the group's
                # head, so it stays there, as a note.
                self.count(category.label, "note")
                group_of = category.element.rpartition(">")[0]
                text = f"{category.label}: {category.value}"
                slots.append((DataCategory(f"{group_of}>note", "", text), element))
                continue
            if not isinstance(category, _Pending):
                slots.append((category, element))
                continue
            group = next(
                (
                    g
                    for g in groups
                    if g[0].type == category.type and all(p.part != category.part for p in g)
                ),
                None,
            )
            if group is None:
                group = [category]
                groups.append(group)
                slots.append(group)
            else:
                group.append(category)
        element = found[0][1]
        result: list[tuple[DataCategory, etree._Element]] = []
        for slot in slots:
            if isinstance(slot, tuple):
                result.append(slot)
                continue
            who = next((p for p in slot if p.part == "who"), None)
            when = next((p for p in slot if p.part == "date"), None)
            date = multiterm.iso_date(when.value) if when is not None else None
            if date is not None and when is not None:
                self.count(when.label, f"{when.type} date")
                if who is not None:
                    self.count(who.label, f"{who.type} responsibility")
                result.append(
                    (
                        DataCategory("transacGrp", when.type, date, who.value if who else None),
                        element,
                    )
                )
                continue
            for part in slot:
                self.count(part.label, "note (a transaction needs an ISO date)")
                result.append((DataCategory("note", "", f"{part.label}: {part.value}"), element))
        return result

    def concept_category(
        self, concept: Concept, category: DataCategory, element: etree._Element
    ) -> None:
        if ">" in category.element:
            concept.extra.append(category)  # qualifies another category of its group
        elif category.type == "subjectField":
            concept.subject_field = category.value
        elif category.type == "definition":
            concept.definition = category.value
        elif category.type == "source":
            concept.sources.append(category.value)
        elif category.element == "note" and category.value.startswith(NOTE_PREFIX):
            # Written by termwise for dialects without these elements (TBX-Min).
            key, _, rest = category.value[len(NOTE_PREFIX) :].partition(":")
            if key.strip() == "source":
                concept.sources.append(rest.strip())
            elif key.strip() == "definition":
                concept.definition = rest.strip()
            elif (restored := _demoted(category.value)) is not None:
                concept.extra.append(restored)
            else:
                self.problem(f"unknown termwise note {category.value!r}; kept as a note", element)
                concept.notes.append(category.value)
        elif category.element == "note":
            concept.notes.append(category.value)
        else:
            concept.extra.append(category)

    def term_category(self, term: Term, category: DataCategory, element: etree._Element) -> None:
        kind = category.type
        value = category.value
        if ">" in category.element:
            term.extra.append(category)  # qualifies another category of its group
        elif kind == "partOfSpeech":
            term.part_of_speech = value
        elif kind == "termType":
            term.term_type = value
        elif kind == "usageNote":
            term.usage_note = value
        elif kind == "context":
            term.context = value
        elif kind == "source" and term.source is None:
            term.source = value
        elif category.element == "note" and value.startswith(NOTE_PREFIX):
            self.termwise_note(term, value, element)
        elif category.element == "note":
            term.notes.append(value)
        else:
            term.extra.append(category)

    def termwise_note(self, term: Term, value: str, element: etree._Element) -> None:
        key, _, rest = value[len(NOTE_PREFIX) :].partition(":")
        key = key.strip()
        rest = rest.strip()
        if key == "case-sensitive":
            term.case_sensitive = rest.lower() in ("true", "yes", "1")
        elif key == "matching":
            term.exact = rest.lower() == "exact"
        elif key == "used-until":
            term.used_until = rest or None
        elif key == "fix-by-hand":
            term.fix_by_hand = rest or "see the usage note"
        elif key == "source-date":
            term.date = rest or None
        elif key == "usage-note":
            term.usage_note = rest or None
        elif key == "source":
            term.source = rest or None
        elif key == "term-type":
            term.term_type = rest or None
        elif key == "part-of-speech":
            term.part_of_speech = rest or None
        elif key == "context":
            term.context = rest or None
        elif (restored := _demoted(value)) is not None:
            term.extra.append(restored)
        else:
            self.problem(f"unknown termwise note {value!r}; kept as a note", element)
            term.notes.append(value)


_DEMOTED = re.compile(rf"^{NOTE_PREFIX}([a-z][A-Za-z]*): (.*?)(?: \[target: ([^\]]*)\])?$", re.S)


def _demoted(note: str) -> DataCategory | None:
    """A data category a TBX-Min export wrote as a ``termwise:`` note, restored."""
    found = _DEMOTED.match(note)
    if found is None:
        return None
    name, value, target = found.groups()
    return DataCategory(_CATEGORY_ELEMENT.get(name, "descrip"), name, value, target)


@dataclass(frozen=True)
class _Pending(DataCategory):
    """Half of a MultiTerm transaction (who, or when), until ``transactions`` pairs it."""

    label: str = field(default="", compare=False)
    part: str = field(default="", compare=False)


# MultiTerm's system fields → (TBX transaction type, which half).
_TRANSACTION_FIELDS = {
    "created-by": ("origination", "who"),
    "created-on": ("origination", "date"),
    "modified-by": ("modification", "who"),
    "modified-on": ("modification", "date"),
}

# Data category names TBX itself uses (dca ``type`` values); any other name is looked up
# among MultiTerm's fields.
_TBX_CATEGORIES = frozenset(_CATEGORY_ELEMENT) | STATUS_CATEGORIES


def _transaction(element: etree._Element) -> DataCategory:
    kind = ""
    date = ""
    who: str | None = None
    link: str | None = None
    for child in element:
        lname = local_name(child)
        if lname == "transac" and child.get("type") not in (None, "", "transactionType"):
            # MultiTerm: <transac type="origination">SUPERVISOR</transac>, the type in the
            # attribute and the user as the text.
            kind = str(child.get("type"))
            who = who or _text(child) or None
        elif lname in ("transac", "transactionType"):
            kind = _text(child)
        elif lname == "date":
            date = _text(child)
        elif lname in ("transacNote", "responsibility"):
            who = _text(child)
            link = child.get("target")
    return DataCategory("transacGrp", kind, date, who, link)


# What a <term> may hold besides its text: <hi> markup (TBX 2008's basicText, the TBX v3
# core structure's term).
_TERM_MARKUP = frozenset({"hi"})


def stray_in_term(term: etree._Element) -> list[tuple[etree._Element, str]]:
    """The elements inside ``term`` that TBX does not allow there, with what to say of each:
    one rule for the validator, which reports them, and the reader. A ``<term>`` pasted
    into a ``<term>`` passed validation and read as one term of both texts ("TSR TSR co"),
    which the import merged into the concept of "TSR"."""
    return [
        (
            element,
            f"<{name}> inside <term> {_collapse(text_of(term))!r}: a term holds only its text "
            "(and <hi> markup); one term per term section",
        )
        for element in term.iterdescendants()
        if (name := local_name(element)) and name not in _TERM_MARKUP
    ]


def _has_ancestor(element: etree._Element, name: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if local_name(parent) == name:
            return True
        parent = parent.getparent()
    return False


def _text(element: etree._Element) -> str:
    return text_of(element)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- writing


def write_tbx(glossary: Glossary, style: TbxStyle | None = None) -> tuple[bytes, list[Problem]]:
    """Serialise ``glossary`` as TBX v3; returns the bytes and what the dialect could not hold.

    TBX-Basic holds every field (some as ``termwise:`` notes). TBX-Min has no definition,
    context, source or term type; those are written as ``termwise:`` notes too and reported,
    so nothing is lost but a TBX-Min reader will see them only as notes.
    """
    chosen = style or TbxStyle()
    writer = _Writer(chosen)
    return writer.write(glossary), writer.problems


class _Writer:
    def __init__(self, style: TbxStyle) -> None:
        self.style = style
        self.problems: list[Problem] = []
        self.min = style.dialect == "TBX-Min"
        self.dct = style.style == "dct"
        self.demoted: dict[str, int] = {}
        # What TBX-Basic has no place for, written as plain notes: reason → count.
        self.unfit: dict[str, int] = {}

    def write(self, glossary: Glossary) -> bytes:
        nsmap: dict[str | None, str] = {None: TBX_NS}
        if self.dct:
            nsmap["min"] = MIN_NS
            if not self.min:
                nsmap["basic"] = BASIC_NS
        root = etree.Element(_q("tbx"), nsmap=nsmap)  # type: ignore[arg-type]
        root.set("type", self.style.dialect)
        root.set("style", self.style.style)
        root.set(XML_LANG, glossary.lang or (glossary.languages() or ["en"])[0])
        header = etree.SubElement(root, _q("tbxHeader"))
        file_desc = etree.SubElement(header, _q("fileDesc"))
        if glossary.title:
            title_stmt = etree.SubElement(file_desc, _q("titleStmt"))
            etree.SubElement(title_stmt, _q("title")).text = xml_safe(glossary.title)
        source_desc = etree.SubElement(file_desc, _q("sourceDesc"))
        for paragraph in glossary.source_desc or ["Written by termwise"]:
            etree.SubElement(source_desc, _q("p")).text = xml_safe(paragraph)
        body = etree.SubElement(etree.SubElement(root, _q("text")), _q("body"))
        for concept in glossary.concepts:
            self.concept(body, concept)
        _regroup(root)
        etree.indent(root, space="  ")
        declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
        models = b""
        if not self.min and not self.dct:
            models = (
                f'<?xml-model href="{TBX_BASIC_RNG}" type="application/xml" '
                'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                f'<?xml-model href="{TBX_BASIC_SCH}" type="application/xml" '
                'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
            ).encode()
        payload = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
        for reason, count in sorted(self.unfit.items()):
            self.problems.append(Problem(f"{reason} ({count}×); written as notes"))
        for field_name, count in sorted(self.demoted.items()):
            self.problems.append(
                Problem(
                    f"{self.style.dialect} has no element for {field_name} "
                    f"({count}×); written as termwise: notes"
                )
            )
        return declaration + models + payload + b"\n"

    def category(
        self, parent: etree._Element, name: str, value: str, target: str | None = None
    ) -> None:
        """Write data category ``name`` in the chosen style (``<descrip type=..>`` or ``<basic:..>``)."""
        if self.dct:
            module = MIN_NS if (self.min or name in _MIN_CATEGORIES) else BASIC_NS
            if name == "subjectField" and self.min:
                module = MIN_NS
            element = etree.SubElement(parent, f"{{{module}}}{name}")
        else:
            element = etree.SubElement(parent, _q(_CATEGORY_ELEMENT.get(name, "descrip")))
            element.set("type", name)
        if target:
            element.set("target", xml_safe(target))
        element.text = xml_safe(value)

    def note(self, parent: etree._Element, text: str) -> None:
        etree.SubElement(parent, _q("note")).text = xml_safe(text)

    def demote(
        self,
        parent: etree._Element,
        field_name: str,
        key: str,
        value: str,
        target: str | None = None,
    ) -> None:
        self.demoted[field_name] = self.demoted.get(field_name, 0) + 1
        where = f" [target: {target}]" if target else ""
        self.note(parent, f"{NOTE_PREFIX}{key}: {value}{where}")

    def extra(self, parent: etree._Element, item: DataCategory) -> None:
        member_of, _, member_element = item.element.rpartition(">")
        if member_of:
            # A group member (a definition's source): written here, moved into its group
            # beside its head once the whole entry is written (see ``_regroup``).
            before = len(parent)
            self.extra(parent, replace(item, element=member_element))
            if not self.min and len(parent) > before:
                parent[-1].set(_GROUP_MARK, member_of)
            return
        if not self.min and item.element in _CORE_CATEGORY_ELEMENTS:
            fitted = self.fit(item, local_name(parent))
            if fitted is None:
                where = f" [target: {item.target}]" if item.target else ""
                self.note(parent, f"{item.type or item.element}: {item.value}{where}")
                return
            item = fitted
        if item.element == "transacGrp" and not self.min:
            kind = basic_value("transactionType", item.type)
            if kind is None or not item.value:
                self.unfit_count(
                    f"transaction {item.type!r} is not a TBX-Basic transaction "
                    "(origination or modification, with a date)"
                )
                who = f" ({item.target})" if item.target else ""
                self.note(parent, f"transaction {item.type}: {item.value}{who}")
                return
            item = replace(item, type=kind)
        if item.element == "transacGrp":
            group = etree.SubElement(parent, _q("transacGrp"))
            if self.dct:
                etree.SubElement(group, f"{{{BASIC_NS}}}transactionType").text = xml_safe(item.type)
            else:
                transac = etree.SubElement(group, _q("transac"))
                transac.set("type", "transactionType")
                transac.text = xml_safe(item.type)
            etree.SubElement(group, _q("date")).text = xml_safe(item.value)
            if item.target:
                if self.dct:
                    note = etree.SubElement(group, f"{{{BASIC_NS}}}responsibility")
                else:
                    note = etree.SubElement(group, _q("transacNote"))
                    note.set("type", "responsibility")
                if item.link:
                    note.set("target", xml_safe(item.link))
                note.text = xml_safe(item.target)
        elif item.element == "note":
            self.note(parent, item.value)
        elif not self.min and item.element == "termNote" and item.type in _DEMOTED_IN_BASIC:
            # termwise's own convention for TBX-Basic, as source-date: nothing to report.
            where = f" [target: {item.target}]" if item.target else ""
            self.note(parent, f"{NOTE_PREFIX}{item.type}: {item.value}{where}")
        elif (
            self.min
            and item.type not in ("subjectField", *_MIN_CATEGORIES)
            # TBX-Min's dca schema allows ref and xref of any type, target and all.
            and (self.dct or item.element not in ("ref", "xref"))
        ):
            name = item.type or item.element
            self.demote(parent, name, name, item.value, item.target)
        elif self.dct:
            self.category(parent, item.type or item.element, item.value, item.target)
        else:
            element = etree.SubElement(parent, _q(item.element))
            if item.type:
                element.set("type", item.type)
            if item.target:
                element.set("target", xml_safe(item.target))
            element.text = xml_safe(item.value)

    def fit(self, item: DataCategory, level: str, *, count: bool = True) -> DataCategory | None:
        """``item`` as valid TBX-Basic at ``level`` (its value spelled as the picklist
        spells it), or None, counted with the reason, when TBX-Basic has no place for it."""
        name = item.type or item.element
        if item.element == "termNote" and item.type in _DEMOTED_IN_BASIC:
            return item
        value = basic_value(item.type, item.value)
        if value is not None and fits_basic(item.element, item.type, value, level):
            return replace(item, value=value)
        if not count:
            return None
        spec = BASIC_CATEGORIES.get(item.type)
        if spec is None:
            self.unfit_count(f"{name!r} is not a TBX-Basic data category")
        elif value is None:
            self.unfit_count(f"{item.value!r} is not a TBX-Basic value of {name}")
        elif spec[0] != item.element:
            self.unfit_count(f"{name!r} in <{item.element}> is not TBX-Basic (<{spec[0]}>)")
        else:
            self.unfit_count(f"TBX-Basic has no {name} at {level} level")
        return None

    def unfit_count(self, reason: str) -> None:
        self.unfit[reason] = self.unfit.get(reason, 0) + 1

    def concept(self, body: etree._Element, concept: Concept) -> None:
        entry = etree.SubElement(body, _q("conceptEntry"))
        entry.set("id", xml_safe(concept.id))
        if concept.subject_field:
            self.category(entry, "subjectField", concept.subject_field)
        if concept.definition:
            if self.min:
                self.demote(entry, "definition", "definition", concept.definition)
            else:
                self.category(entry, "definition", concept.definition)
        for source in concept.sources:
            if self.min:
                self.demote(entry, "source", "source", source)
            else:
                self.category(entry, "source", source)
        for note in concept.notes:
            self.note(entry, note)
        lang_extra: dict[str, list[DataCategory]] = {}
        for item in concept.extra:
            if item.element.startswith("langSec:"):
                _, lang, element = item.element.split(":", 2)
                lang_extra.setdefault(lang, []).append(
                    DataCategory(element, item.type, item.value, item.target, item.link)
                )
            else:
                self.extra(entry, item)
        langs = concept.languages()
        langs += [lang for lang in concept.lang_definitions if lang not in langs]
        for lang in langs:
            section = etree.SubElement(entry, _q("langSec"))
            section.set(XML_LANG, lang)
            definition = concept.lang_definitions.get(lang)
            if definition:
                if self.min:
                    self.demote(section, "definition", "definition", definition)
                else:
                    self.category(section, "definition", definition)
            for item in lang_extra.get(lang, []):
                self.extra(section, item)
            for term in concept.all_terms:
                if term.lang == lang:
                    self.term(section, term)

    def term(self, section: etree._Element, term: Term) -> None:
        term_sec = etree.SubElement(section, _q("termSec"))
        etree.SubElement(term_sec, _q("term")).text = xml_safe(term.text)
        if term.status is not TermStatus.UNSPECIFIED:
            value = term.status.tbx_min if self.min else term.status.tbx_basic
            self.category(term_sec, "administrativeStatus", value)
        # A value outside TBX-Basic's picklist is a termwise: note (read back as the field).
        own_notes: list[str] = []
        if term.part_of_speech:
            part_of_speech = basic_value("partOfSpeech", term.part_of_speech)
            if part_of_speech is not None:
                self.category(term_sec, "partOfSpeech", part_of_speech)
            else:
                self.unfit_count(
                    f"{term.part_of_speech!r} is not a TBX-Basic value of partOfSpeech"
                )
                own_notes.append(f"{NOTE_PREFIX}part-of-speech: {term.part_of_speech}")
        if term.term_type:
            term_type = None if self.min else basic_value("termType", term.term_type)
            if self.min:
                self.demote(term_sec, "term type", "term-type", term.term_type)
            elif term_type is not None:
                self.category(term_sec, "termType", term_type)
            else:
                self.unfit_count(f"{term.term_type!r} is not a TBX-Basic value of termType")
                own_notes.append(f"{NOTE_PREFIX}term-type: {term.term_type}")
        extras_after = []
        for item in term.extra:
            # A demoted category is a note, and notes follow every termNote.
            if (
                item.element == "termNote"
                and not self.min
                and item.type not in _DEMOTED_IN_BASIC
                and (fitted := self.fit(item, "termSec", count=False)) is not None
            ):
                self.extra(term_sec, fitted)
            else:
                extras_after.append(item)
        if term.context:
            if self.min:
                self.demote(term_sec, "context", "context", term.context)
            else:
                self.category(term_sec, "context", term.context)
        if term.source:
            if self.min:
                self.demote(term_sec, "source", "source", term.source)
            else:
                self.category(term_sec, "source", term.source)
        for item in extras_after:
            self.extra(term_sec, item)
        for note in term.notes:
            self.note(term_sec, note)
        for note in own_notes:
            self.note(term_sec, note)
        # termwise's own fields: notes with a prefix, so the file stays valid TBX-Basic.
        if term.date:
            self.note(term_sec, f"{NOTE_PREFIX}source-date: {term.date}")
        if term.usage_note:
            self.note(term_sec, f"{NOTE_PREFIX}usage-note: {term.usage_note}")
        if term.case_sensitive:
            self.note(term_sec, f"{NOTE_PREFIX}case-sensitive: true")
        if term.exact:
            self.note(term_sec, f"{NOTE_PREFIX}matching: exact")
        if term.used_until:
            self.note(term_sec, f"{NOTE_PREFIX}used-until: {term.used_until}")
        if term.fix_by_hand:
            self.note(term_sec, f"{NOTE_PREFIX}fix-by-hand: {term.fix_by_hand}")


_GROUP_MARK = "termwise-group"


def _regroup(root: etree._Element) -> None:
    """Put each marked group member back into a group with the category it qualifies."""
    for member in [element for element in root.iter() if element.get(_GROUP_MARK)]:
        group_name, _, head_type = str(member.attrib.pop(_GROUP_MARK)).partition(":")
        parent = member.getparent()
        if parent is None:
            continue
        head = next(
            (
                child
                for child in parent
                if child is not member
                and child.get(_GROUP_MARK) is None
                and _category_name(child) == head_type
            ),
            None,
        )
        group: etree._Element | None
        if head is not None:
            group = etree.Element(_q(group_name))
            head.addprevious(group)
            group.append(head)
        else:  # the head went into a group for an earlier member
            group = next(
                (
                    child
                    for child in parent
                    if local_name(child) == group_name
                    and len(child)
                    and _category_name(child[0]) == head_type
                ),
                None,
            )
            if group is None:
                continue  # no head written (another dialect): the member stands alone
        group.append(member)


def _category_name(element: etree._Element) -> str:
    if namespace(element) in (None, *TBX_NAMESPACES):
        return element.get("type") or ""
    return local_name(element)


def _q(name: str) -> str:
    return f"{{{TBX_NS}}}{name}"


def looks_like_tbx(head: bytes) -> bool:
    """Whether the first bytes of a file look like TBX (used by format detection)."""
    sample = head[:4096]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if sample.startswith(bom):
            sample = sample[2:].decode(codec, errors="ignore").encode()
    return b"<tbx" in sample or b"<martif" in sample
