"""The concept-oriented termbase: concepts, their terms per language, and what each term is for.

The model follows TBX (ISO 30042) because that is what translators exchange: a concept carries
language-independent facts (subject field, definition, notes, sources), and each term carries
its own status (preferred, admitted, deprecated, superseded, as in TBX-Basic), grammar,
provenance and the matching options termwise needs (case sensitivity, exact vs inflected).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePath

from termwise import languages
from termwise.errors import location
from termwise.glossary.gender import GenderFact, head_gender


class TermStatus(str, Enum):
    """TBX-Basic ``administrativeStatus``; the value is what termwise shows and writes in JSON.

    ``UNSPECIFIED`` is a term whose file gave it no status: termwise never guesses one from
    the term's position, and never writes one for it.
    """

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"
    UNSPECIFIED = "unspecified"

    @property
    def tbx_basic(self) -> str:
        """The TBX-Basic picklist value (``preferredTerm-admn-sts``)."""
        if self is TermStatus.UNSPECIFIED:
            raise ValueError("a term without a status has no TBX-Basic value")
        return f"{self.value}Term-admn-sts"

    @property
    def tbx_min(self) -> str:
        """The TBX-Min picklist value (TBX-Min has ``notRecommended`` and ``obsolete``)."""
        if self is TermStatus.UNSPECIFIED:
            raise ValueError("a term without a status has no TBX-Min value")
        return _TO_MIN[self]

    @property
    def is_official(self) -> bool:
        """Whether the term may be used: preferred, admitted, or no status at all.

        A term the glossary gives no status is not flagged: nothing says to avoid it.
        Deprecated and superseded terms should not be used.
        """
        return self not in (TermStatus.DEPRECATED, TermStatus.SUPERSEDED)

    @property
    def caution(self) -> int:
        """How strongly the status warns against the term; a contradictory file keeps the highest."""
        return _CAUTION[self]

    @classmethod
    def parse(cls, value: str) -> TermStatus:
        """Accept TBX-Basic, TBX-Min, TBX 2008 and plain spellings (``deprecatedTerm-admn-sts``)."""
        key = value.strip().lower().replace("_", "").replace(" ", "").replace("-", "")
        # ``deprecatedTerm-admn-sts`` (TBX-Basic), ``deprecatedTerm`` (TBX 2008's
        # normativeAuthorization) and ``deprecated`` all mean the same.
        for suffix in ("termadmnsts", "admnsts", "term"):
            if key.endswith(suffix):
                key = key[: -len(suffix)]
        found = _STATUS_ALIASES.get(key)
        if found is None:
            raise ValueError(f"unknown administrative status {value!r}")
        return found


_TO_MIN = {
    TermStatus.PREFERRED: "preferred",
    TermStatus.ADMITTED: "admitted",
    TermStatus.DEPRECATED: "notRecommended",
    TermStatus.SUPERSEDED: "obsolete",
}

_CAUTION = {
    TermStatus.UNSPECIFIED: 0,
    TermStatus.PREFERRED: 1,
    TermStatus.ADMITTED: 2,
    TermStatus.SUPERSEDED: 3,
    TermStatus.DEPRECATED: 4,
}

_STATUS_ALIASES = {
    "unspecified": TermStatus.UNSPECIFIED,
    "none": TermStatus.UNSPECIFIED,
    # TBX 2008's picklist: legal and regulated terms are prescribed (by law, by a regulator).
    "legal": TermStatus.PREFERRED,
    "regulated": TermStatus.PREFERRED,
    "preferred": TermStatus.PREFERRED,
    "pref": TermStatus.PREFERRED,
    "standardized": TermStatus.PREFERRED,
    "admitted": TermStatus.ADMITTED,
    "allowed": TermStatus.ADMITTED,
    "permitted": TermStatus.ADMITTED,
    "deprecated": TermStatus.DEPRECATED,
    "notrecommended": TermStatus.DEPRECATED,
    "forbidden": TermStatus.DEPRECATED,
    "superseded": TermStatus.SUPERSEDED,
    "obsolete": TermStatus.SUPERSEDED,
    "legacy": TermStatus.SUPERSEDED,
}


@dataclass(frozen=True)
class DataCategory:
    """A TBX data category termwise has no field for, kept so that a round trip loses nothing.

    ``element`` is the TBX element (``descrip``, ``admin``, ``termNote``, ``xref``, ``ref``,
    ``transacGrp``), ``type`` its ``type`` attribute and ``value`` its text; ``target`` is the
    ``target`` attribute of ``xref``/``ref``. A ``transacGrp`` keeps its transaction type
    in ``type``, its date in ``value``, its ``transacNote`` (who) in ``target`` and that
    note's own ``target`` (the person's id) in ``link``.
    """

    element: str
    type: str
    value: str
    target: str | None = None
    link: str | None = None


# TBX termType values of short forms.
SHORT_FORM_TYPES = frozenset(("acronym", "abbreviation", "shortForm", "initialism", "clippedTerm"))


@dataclass
class Term:
    """One rendering of a concept in one language."""

    text: str
    lang: str
    status: TermStatus = TermStatus.PREFERRED
    part_of_speech: str | None = None
    term_type: str | None = None
    usage_note: str | None = None
    source: str | None = None
    date: str | None = None
    case_sensitive: bool = False
    exact: bool = False
    used_until: str | None = None
    # Why a fix must replace this rendering by hand (it says more than the concept, say),
    # or None: checks may then replace it by the official term.
    fix_by_hand: str | None = None
    notes: list[str] = field(default_factory=list)
    context: str | None = None
    extra: list[DataCategory] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lang = languages.normalize(self.lang)
        if not isinstance(self.status, TermStatus):
            self.status = TermStatus.parse(str(self.status))

    def _term_note(self, kind: str) -> str | None:
        return next(
            (d.value for d in self.extra if d.element == "termNote" and d.type == kind), None
        )

    @property
    def gender(self) -> str | None:
        """TBX ``grammaticalGender`` (masculine, feminine, neuter, other), when recorded:
        what glossary-constrained MT makes the words around the term agree with."""
        return self._term_note("grammaticalGender")

    @property
    def gender_fact(self) -> GenderFact | None:
        """The recorded gender (source "glossary"), else the one its head noun's suffix
        gives ("gobernanza global": feminine, by -anza): for agreement where no analyser
        knows the head, which a translator's own glossary rarely records."""
        if self.gender is not None:
            return GenderFact(self.gender, "glossary")
        return head_gender(self.text, self.lang)

    @property
    def number(self) -> str | None:
        """``grammaticalNumber`` (singular, plural, ...), when recorded. TBX-Basic has no such
        termNote, so the file holds it as a ``termwise:grammaticalNumber`` note."""
        return self._term_note("grammaticalNumber")

    @property
    def is_short_form(self) -> bool:
        """An acronym, abbreviation or other short form (TBX ``termType``): it stands beside
        the full form ("Banco Asiático … (BAII)"), not instead of it."""
        return self.term_type in SHORT_FORM_TYPES


@dataclass
class Concept:
    """A concept: language-independent facts and its terms in every language."""

    id: str
    subject_field: str | None = None
    definition: str | None = None
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    all_terms: list[Term] = field(default_factory=list)
    # Definitions written inside one language section (TBX allows both levels).
    lang_definitions: dict[str, str] = field(default_factory=dict)
    extra: list[DataCategory] = field(default_factory=list)

    def terms(self, lang: str | None = None) -> list[Term]:
        """The terms in ``lang`` (all terms when ``None``): its own tag's first, then those
        of the tags serving it, each in file order."""
        if lang is None:
            return list(self.all_terms)
        return terms_serving(self.all_terms, languages.normalize(lang))

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in ``lang``; else an admitted one, else one without a status."""
        return preferred_among(self.terms(lang))

    def rendering(self, lang: str, chosen: Mapping[str, str]) -> Term | None:
        """The rendering this project uses in ``lang``: see ``project_rendering``."""
        return project_rendering(self.id, self.terms(lang), chosen)

    def languages(self) -> list[str]:
        """The languages this concept has terms in, in first-seen order."""
        seen: dict[str, None] = {}
        for term in self.all_terms:
            seen.setdefault(term.lang, None)
        return list(seen)

    def add(self, term: Term) -> Term:
        self.all_terms.append(term)
        return term


@dataclass
class Problem:
    """Something a reader skipped or a writer could not keep: file, line and what happened."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    # A remark on a file that is valid and imports as it is (a second preferred term in one
    # language): ``glossary validate`` shows it without calling it a problem, and import
    # does not refuse the file for it.
    warning: bool = False

    def __str__(self) -> str:
        said = f"warning: {self.message}" if self.warning else self.message
        return f"{location(self.path, self.line, self.column)}: {said}"


@dataclass
class Disagreement(Problem):
    """Two files of a glossary folder give one term of a concept different statuses, and the
    earlier file's holds (``Glossary.extend``): the folder's problem, not either file's, so
    that ``glossary validate`` of the folder tells it apart from what it finds in each."""


@dataclass
class Glossary:
    """A termbase: an ordered list of concepts plus what reading it reported."""

    concepts: list[Concept] = field(default_factory=list)
    title: str | None = None
    source_desc: list[str] = field(default_factory=list)
    # The main language of the file (``xml:lang`` on the TBX root), when it says one.
    lang: str | None = None
    # Lines or entries a reader had to skip; never compared, never written.
    problems: list[Problem] = field(default_factory=list, compare=False, repr=False)
    # The other ids that a reader's made-up ids (an id-less CSV row's "r3") had or would
    # have as the files of one folder come and go, each with what every file holding it
    # calls it now: "r3" → {"glossary/client.csv": "client-r3", ...} while two files make
    # up "r3", "client-r3" → {"glossary/client.csv": "r3"} while one does
    # (``read_folder_files``). What ``no_concept`` tells a reference written before.
    renamed: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)

    def concept(self, concept_id: str) -> Concept:
        """The concept with this id; ``KeyError`` when there is none."""
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(concept_id)

    def get(self, concept_id: str) -> Concept | None:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        return None

    def no_concept(self, concept_id: str) -> str:
        """That the glossary has no concept ``concept_id``, and where the id was one a reader
        made up that files of the folder now call otherwise, which ids to write instead:
        adding a second id-less CSV renamed the first one's "r3" to "client-r3", and
        "[mt.terms] r3" then failed without saying why; removing it again gave "client-r3"
        its "r3" back, as silently."""
        said = f"the glossary has no concept {concept_id}"
        by_file = self.renamed.get(concept_id)
        if not by_file:
            return said
        folder = PurePath(next(iter(by_file))).parent
        choose = "write the one you mean" if len(by_file) > 1 else "write that"
        # "r3" itself, which every file's new id ends with: the files' rows clash now.
        if all(new.endswith(f"-{concept_id}") for new in by_file.values()):
            ids = ", ".join(by_file[file] for file in sorted(by_file))
            return (
                f"{said}: id-less glossary files in {folder}/ now name their rows by file "
                f"({ids}); {choose}"
            )
        now = ", ".join(f"{PurePath(file).name}'s is {by_file[file]}" for file in sorted(by_file))
        return (
            f"{said}: the rows of id-less glossary files in {folder}/ have their file's name "
            f"in their ids only while another file's rows would clash with them ({now} now); "
            f"{choose}"
        )

    def languages(self) -> list[str]:
        """Every language with at least one term, in first-seen order."""
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for lang in concept.languages():
                seen.setdefault(lang, None)
        return list(seen)

    def terms(self, lang: str) -> list[tuple[Concept, Term]]:
        """Every (concept, term) pair in ``lang``."""
        # The tag is normalised once here, not once per term (a 10,000-concept glossary).
        want = languages.normalize(lang)
        return [
            (concept, term)
            for concept in self.concepts
            for term in terms_serving(concept.all_terms, want)
        ]

    def extend(self, other: Glossary, origin: str | None = None) -> None:
        """Add ``other``'s concepts; a concept id seen before has its terms merged into it.

        A term the concept already has is not added twice: the first file's status holds,
        and a different status in ``origin`` (the file ``other`` was read from) is reported.
        Two statuses for one term made the matcher's choice depend on the order it met them.
        """
        by_id = {concept.id: concept for concept in self.concepts}
        for concept in other.concepts:
            existing = by_id.get(concept.id)
            if existing is None:
                self.concepts.append(concept)
                by_id[concept.id] = concept
            else:
                held = {(term.lang, term.text): term for term in existing.all_terms}
                for term in concept.all_terms:
                    first = held.get((term.lang, term.text))
                    if first is None:
                        existing.all_terms.append(term)
                        held[(term.lang, term.text)] = term
                    elif first.status is not term.status:
                        self.problems.append(
                            Disagreement(
                                f"{concept.id}: {term.text!r} ({term.lang}) is "
                                f"{term.status.value} here but {first.status.value} in an "
                                f"earlier file of the folder; {first.status.value} holds",
                                origin,
                            )
                        )
                existing.notes.extend(n for n in concept.notes if n not in existing.notes)
                existing.sources.extend(s for s in concept.sources if s not in existing.sources)
                existing.subject_field = existing.subject_field or concept.subject_field
                existing.definition = existing.definition or concept.definition
        self.problems.extend(other.problems)
        for made_up, by_file in other.renamed.items():
            self.renamed.setdefault(made_up, {}).update(by_file)


def preferred_among(terms: Sequence[Term]) -> Term | None:
    """The preferred term among ``terms``, else an admitted one, else one without a status."""
    for wanted in (TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.UNSPECIFIED):
        for term in terms:
            if term.status is wanted:
                return term
    return None


def chosen_term(concept_id: str, terms: Sequence[Term], chosen: Mapping[str, str]) -> Term | None:
    """The term of ``terms`` (one language's) that the project chose for the concept, or None.

    ``chosen`` is ``termwise.toml``'s ``[mt.terms]``: concept id → a rendering's text. It
    names a text, not a language, so it chooses in the language whose official terms hold
    that text and leaves every other language to its preferred term. A deprecated or
    superseded term is never chosen: the glossary says not to use it.
    """
    wanted = chosen.get(concept_id)
    if wanted is None:
        return None
    return next((t for t in terms if t.text == wanted and t.status.is_official), None)


def project_rendering(
    concept_id: str, terms: Sequence[Term], chosen: Mapping[str, str]
) -> Term | None:
    """The rendering the project uses for a concept among ``terms`` (one language's): the
    one it chose (``chosen_term``), else the glossary's preferred one (``preferred_among``).

    The one rule that MT, the checks, their fixes and the workbench follow: each deciding
    for itself put the preferred term back over the project's choice.
    """
    return chosen_term(concept_id, terms, chosen) or preferred_among(terms)


def terms_serving(terms: Sequence[Term], want: str) -> list[Term]:
    """The terms serving the already normalised tag ``want`` (see ``lang_matches``): those
    of the tag itself first, then those of the tags serving it, so that ``preferred_among``
    and the matcher take zh-Hant's own term before zh-TW's or zh-HK's, and zh-TW's own
    before zh-Hant's, whatever the order of the file."""
    own = [term for term in terms if term.lang == want]
    return own + [
        term for term in terms if term.lang != want and languages.same_language(term.lang, want)
    ]


def lang_matches(term_lang: str, wanted: str) -> bool:
    """Whether a term tagged ``term_lang`` serves ``wanted`` (``en`` serves ``en-GB`` and back).

    Simplified and traditional Chinese stay apart: they are different written languages.
    """
    want = languages.normalize(wanted)
    return term_lang == want or languages.same_language(term_lang, want)
