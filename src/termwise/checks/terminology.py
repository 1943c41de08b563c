"""Terminology checks: the glossary's verdict on the source and on the translation.

``source-variant`` is the check no other QA tool has: it finds the non-official renderings
of a concept in the *source* (the paper's "community of human destiny") and links each to the
official term. The target checks follow Xbench and CheckMate: a term translated without the
glossary's rendering, with a deprecated one, or in different ways across the document.

The matches themselves come from ``termwise.glossary.matcher.TermMatcher``; this module only
judges them. Replacements keep the matched text's capitalisation ("Human Destiny Community"
in a heading becomes "Community with a Shared Future for Mankind") and replace exactly the
matched span, so articles around it ("the", "a") stay as the author wrote them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termwise import languages
from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register
from termwise.glossary.matcher import TermMatch, same_form, words_said_already
from termwise.glossary.model import (
    chosen_term,
    preferred_among,
    project_rendering,
    terms_serving,
)

if TYPE_CHECKING:
    from termwise.glossary.model import Concept, Glossary, Term

# Words a title-cased heading leaves in lower case.
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "nor",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "et",
        "du",
        "des",
        "le",
        "les",
        "pour",
        "à",
        "en",
    ]
)


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation pattern of ``original``.

    ALL CAPS stays all caps, Title Case (a heading) becomes title case with small words in
    lower case, an initial capital stays an initial capital; otherwise the glossary's own
    spelling is kept (it may hold proper nouns such as "Chinese").
    """
    letters = [char for char in original if char.isalpha()]
    if not letters or not replacement:
        return replacement
    if len(letters) > 1 and all(char.isupper() for char in letters):
        if " " in replacement and " " not in original.strip():
            # An acronym ("BAII") says nothing of how its full form is written.
            return replacement
        return replacement.upper()
    words = original.split()
    significant = [word for word in words if word.lower() not in _SMALL_WORDS]
    if len(significant) > 1 and all(word[:1].isupper() for word in significant):
        out = []
        for index, word in enumerate(replacement.split(" ")):
            if index and word.lower() in _SMALL_WORDS:
                out.append(word)
            else:
                out.append(word[:1].upper() + word[1:])
        return " ".join(out)
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# Why a message names an admitted rendering over the glossary's preferred one.
_CHOSEN = " (the project's choice: [mt.terms] in termwise.toml)"

_INFLECTED = " (inflected here, so no automatic fix: edit it by hand)"

# Words that already give a noun phrase its determiner: no article goes before it then.
_DETERMINERS = frozenset(
    (
        *("a", "an", "the", "this", "that", "these", "those", "its", "our", "their", "his"),
        *("her", "my", "your", "whose", "every", "each", "any", "no", "such", "one"),
        *("another", "either", "neither"),
    )
)
_WORDS_BEFORE = re.compile(r"[\w'’]+")
# The words that open a noun's post-modifier ("community with …", "community of …"): an
# official rendering so made is a countable noun phrase that needs a determiner.
_POST_MODIFIERS = frozenset(("with", "of", "for", "in", "on", "to", "from", "between", "among"))


def _needs_article(text: str, match: TermMatch, official: str) -> bool:
    """Whether the official rendering needs "a" where it replaces ``match``: the paper's
    compound "human destiny community" stood bare ("the idea of human destiny community"),
    and its official "community with a shared future for mankind" cannot ("the idea of
    community with …"). Only where the variant is such a compound whose head noun the
    official rendering opens with and hangs a phrase on ("with …", "of …"), after a word
    that is no determiner (nor, one word
    further, before an adjective: "the new human destiny community"), and not in quotes
    or at a segment's start (a name, a heading)."""
    variant = match.text.lower().split()
    words = official.lower().split()
    if len(variant) < 2 or len(words) < 2 or variant[-1] != words[0]:
        return False
    if words[1] not in _POST_MODIFIERS:
        # "win-win cooperation" for "cooperation and win-win": its first word is no noun
        # a phrase hangs on, and the phrase takes no article.
        return False
    before = text[: match.start].rstrip()
    if not before or before[-1] in "\"“‘'«(":
        return False
    previous = [word.lower() for word in _WORDS_BEFORE.findall(before[-60:])][-2:]
    if not previous or previous[-1].endswith(("'s", "’s")):
        return False
    return not any(word in _DETERMINERS for word in previous)


def fix_note(match: TermMatch) -> str:
    """Why the official term cannot simply replace this match ("" when it can)."""
    if match.term.fix_by_hand:
        return f" (no automatic fix: {match.term.fix_by_hand})"
    return "" if written_as_in_glossary(match) else _INFLECTED


def repeat_note(text: str, match: TermMatch, replacement: str) -> str:
    """Why ``replacement`` cannot simply replace ``match`` in ``text``: it would repeat what
    the sentence says already ("" when it would not; see ``words_said_already``)."""
    said = words_said_already(text, match.start, match.end, replacement)
    if not said:
        return ""
    return f" (no automatic fix: the sentence says “{' '.join(said)}” already)"


def written_as_in_glossary(match: TermMatch) -> bool:
    """Whether the text found is the glossary's form of the term, not an inflected one.

    The matcher also finds inflected forms ("destiny communities" for "destiny
    community"); replacing one of those by the official term's base form would break the
    sentence ("are interdependent community with a shared future"), so it is no fix.
    """
    return same_form(match.text, match.term.text)


@dataclass
class _ConceptFacts:
    """What the checks need to know about one concept, looked up once per run."""

    concept: Concept
    label: str
    source_official: Term | None
    target_official: Term | None
    target_allowed: frozenset[str]
    target_has_terms: bool
    # Whether ``target_official`` is the project's choice ([mt.terms]), not the glossary's
    # preferred term: a message that says "use X" says why X.
    target_chosen: bool = False


class TermIndex:
    """Per-run lookup from concept id to the facts the checks need (the glossary is a list)."""

    def __init__(
        self,
        glossary: Glossary,
        source_lang: str,
        target_lang: str | None,
        chosen: Mapping[str, str] | None = None,
    ) -> None:
        """``chosen``: the renderings the project chose (``CheckConfig.chosen_terms``)."""
        self._concepts = {concept.id: concept for concept in glossary.concepts}
        self._chosen = dict(chosen or {})
        self._source_lang = languages.normalize(source_lang)
        self._target_lang = languages.normalize(target_lang) if target_lang else None
        self._facts: dict[str, _ConceptFacts] = {}

    def facts(self, concept_id: str) -> _ConceptFacts:
        found = self._facts.get(concept_id)
        if found is None:
            concept = self._concepts[concept_id]
            target_terms = terms_in(concept, self._target_lang) if self._target_lang else []
            # A concept is labelled by its Chinese term where it has one: that is what the
            # translator knows it by (人类命运共同体), and by its id otherwise.
            zh = preferred_in(terms_in(concept, "zh"))
            label = f"{concept.id} {zh.text}" if zh is not None else concept.id
            found = _ConceptFacts(
                concept=concept,
                label=label,
                source_official=project_rendering(
                    concept.id, terms_in(concept, self._source_lang), self._chosen
                ),
                target_official=project_rendering(concept.id, target_terms, self._chosen),
                target_allowed=frozenset(
                    term.text for term in target_terms if term.status.is_official
                ),
                target_has_terms=bool(target_terms),
                target_chosen=chosen_term(concept.id, target_terms, self._chosen) is not None,
            )
            self._facts[concept_id] = found
        return found

    def target_term(self, concept_id: str, text: str) -> Term | None:
        """``concept_id``'s target term written as ``text``: a term it shares with another
        concept ("seguridad"), with its own status there."""
        if self._target_lang is None:
            return None
        terms = terms_in(self.facts(concept_id).concept, self._target_lang)
        return next((term for term in terms if same_form(term.text, text)), None)


def terms_in(concept: Concept, lang: str) -> list[Term]:
    """``Concept.terms(lang)`` for an already normalised ``lang``, without re-normalising it
    for every term (that dominated a 10,000-concept run): ``languages.same_language`` is
    cached."""
    return terms_serving(concept.all_terms, lang)


def preferred_in(terms: list[Term]) -> Term | None:
    """The preferred term among ``terms``, else an admitted one, else one without a status
    (as ``Concept.preferred``)."""
    return preferred_among(terms)


def _index(context: CheckContext) -> TermIndex:
    # Cached on the context so that all terminology checks of a run share one index.
    index = context.cache.get("term-index")
    if not isinstance(index, TermIndex):
        assert context.glossary is not None
        index = TermIndex(
            context.glossary,
            context.source_lang,
            context.target_lang,
            context.config.chosen_terms,
        )
        context.cache["term-index"] = index
    return index


def meant_target_terms(context: CheckContext, pair: Pair) -> list[TermMatch]:
    """The target's term matches, each as the concept it stands for in ``pair``: a term two
    concepts share ("seguridad" for security and safety) is the one the source names, with
    that concept's own status; where the source names several, one no other term of the
    target renders ("Safety and security" → "seguridad y protección": safety); where it
    names none, the matcher's first. Taken for the first concept alone, "seguridad"
    translating "safety" was a second rendering of security, and safety's "inocuidad"
    beside it no inconsistency."""
    matches = context.target_terms(pair)
    if not any(match.also for match in matches):
        return matches
    named = {concept for match in context.source_terms(pair) for concept in match.concepts}
    rendered = {match.concept_id for match in matches if not match.also}
    index = _index(context)
    return [_as_meant(match, named, rendered, index) if match.also else match for match in matches]


def _as_meant(
    match: TermMatch, named: Collection[str], rendered: Collection[str], index: TermIndex
) -> TermMatch:
    """``match`` as the concept of its own that ``named`` holds (see
    ``meant_target_terms``); as it is where that is its first concept, or where the concept
    has no term written as the matched one (a term the matcher only keys alike)."""
    meant = [concept for concept in match.concepts if concept in named]
    unrendered = [concept for concept in meant if concept not in rendered]
    chosen = (unrendered or meant or [match.concept_id])[0]
    if chosen == match.concept_id:
        return match
    own = index.target_term(chosen, match.term.text)
    if own is None:
        return match
    others = tuple(concept for concept in match.concepts if concept != chosen)
    return match._replace(concept_id=chosen, term=own, status=own.status, also=others)


def _unofficial(
    context: CheckContext, matches: Sequence[TermMatch]
) -> Iterator[tuple[TermMatch, _ConceptFacts]]:
    """The matches whose rendering is not official, each with its concept's facts: what
    source-variant reports on the source and term-forbidden on the target, by one rule."""
    if not matches:
        return
    index = _index(context)
    for match in matches:
        if not match.status.is_official:
            yield match, index.facts(match.concept_id)


def _each_concept(
    context: CheckContext, matches: Sequence[TermMatch], skip: Collection[str] = ()
) -> Iterator[tuple[TermMatch, _ConceptFacts]]:
    """Each concept of ``matches`` once, at its first match, with its facts (those in
    ``skip`` left out): term-missing and term-no-target speak of a concept, not of every
    place it occurs."""
    if not matches:
        return
    index = _index(context)
    seen = set(skip)
    for match in matches:
        if match.concept_id in seen:
            continue
        seen.add(match.concept_id)
        yield match, index.facts(match.concept_id)


@register(
    "source-variant",
    Severity.WARNING,
    "The source uses a deprecated or superseded rendering of a concept; names the official term.",
    Scope.SOURCE,
    fixable=True,
    needs_glossary=True,
    category="terminology",
)
def source_variant(context: CheckContext, pair: Pair) -> Iterator[Issue]:
    for match, facts in _unofficial(context, context.source_terms(pair)):
        official = facts.source_official
        status = match.status.value
        if match.term.used_until:
            # A rendering that was official once ("community of common destiny", to 2016).
            status += f" (official until {match.term.used_until})"
        if official is None:
            message = (
                f"“{match.text}” is a {status} rendering of {facts.label}; "
                "no official rendering is known"
            )
            yield context.issue(
                pair,
                "source",
                match.start,
                match.end,
                message,
                concept=match.concept_id,
            )
            continue
        replacement = match_case(official.text, match.text)
        if context.source_base == "en" and _needs_article(pair.source, match, official.text):
            replacement = f"{'an' if replacement[:1].lower() in 'aeiou' else 'a'} {replacement}"
        by_hand = fix_note(match) or repeat_note(pair.source, match, official.text)
        yield context.issue(
            pair,
            "source",
            match.start,
            match.end,
            f"“{match.text}” is a {status} rendering of {facts.label}; "
            f"the official term is “{official.text}”{by_hand}",
            concept=match.concept_id,
            term=official.text,
            suggestion=replacement,
            fixable=not by_hand,
        )


@register(
    "term-forbidden",
    Severity.ERROR,
    "The target uses a deprecated or superseded rendering of a concept.",
    Scope.PAIR,
    fixable=True,
    needs_glossary=True,
    category="terminology",
)
def term_forbidden(context: CheckContext, pair: Pair) -> Iterator[Issue]:
    for match, facts in _unofficial(context, meant_target_terms(context, pair)):
        official = facts.target_official
        message = f"“{match.text}” is a {match.status.value} rendering of {facts.label}"
        by_hand = fix_note(match)
        if official is not None:
            by_hand = by_hand or repeat_note(pair.target or "", match, official.text)
            message += f"; use “{official.text}”{by_hand}"
        yield context.issue(
            pair,
            "target",
            match.start,
            match.end,
            message,
            concept=match.concept_id,
            term=official.text if official is not None else None,
            suggestion=match_case(official.text, match.text) if official is not None else None,
            fixable=official is not None and not by_hand,
        )


@register(
    "term-missing",
    Severity.WARNING,
    "A source term's concept has target renderings, but the target uses none of them.",
    Scope.PAIR,
    needs_glossary=True,
    category="terminology",
)
def term_missing(context: CheckContext, pair: Pair) -> Iterator[Issue]:
    source_matches = context.source_terms(pair)
    if not source_matches:
        return
    # Used in the target, officially or not; a deprecated rendering there is
    # term-forbidden's business, and reporting it twice only adds noise.
    # A term two concepts share is the one the source names ("seguridad" translating
    # "safety"), and one use of it renders one of them: "Security and safety" → "La
    # seguridad" still lacks a concept.
    used = {match.concept_id for match in meant_target_terms(context, pair)}
    nested: set[str] | None = None
    for match, facts in _each_concept(context, source_matches, skip=used):
        concept_id = match.concept_id
        official = facts.target_official
        if official is None or not facts.target_allowed:
            continue
        if nested is None:
            # Inside a longer concept's term (命运共同体 in 亚洲命运共同体) the term is there,
            # though the longest match gave the longer concept alone; looked for only here,
            # where a concept seems missing, since most pairs have none.
            nested = _nested_concepts(context, pair)
        if concept_id in nested:
            continue
        yield context.issue(
            pair,
            "target",
            0,
            0,
            f"the source has “{match.text}” ({facts.label}), "
            f"but the target has none of its renderings: “{official.text}”",
            concept=concept_id,
            term=official.text,
            suggestion=official.text,
        )


def _nested_concepts(context: CheckContext, pair: Pair) -> set[str]:
    """The concepts whose target terms stand inside a longer term of the target; a term two
    concepts share is either's there ("seguridad" in "seguridad alimentaria"). The target's
    own matches are left to ``term_missing``'s reading of them, by the concept the source
    names, one concept a use."""
    if context.target_lang is None or not pair.target:
        return set()
    found = context.matcher(context.target_lang).find_nested(pair.target)
    top = {(match.start, match.end) for match in context.target_terms(pair)}
    return {
        concept
        for match in found
        if (match.start, match.end) not in top
        for concept in match.concepts
    }


@register(
    "term-no-target",
    Severity.INFO,
    "A concept found in the source has no rendering in the target language.",
    Scope.PAIR,
    needs_glossary=True,
    category="terminology",
)
def term_no_target(context: CheckContext, pair: Pair) -> Iterator[Issue]:
    for match, facts in _each_concept(context, context.source_terms(pair)):
        if facts.target_allowed:
            continue
        yield context.issue(
            pair,
            "source",
            match.start,
            match.end,
            f"{facts.label} has no official rendering in {context.target_lang}; "
            "the glossary cannot check its translation",
            concept=match.concept_id,
        )


@register(
    "term-inconsistent",
    Severity.WARNING,
    "One concept is rendered in different ways across the target segments.",
    Scope.DOCUMENT,
    fixable=True,
    needs_glossary=True,
    category="terminology",
)
def term_inconsistent(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    """Renderings of one concept that differ from the standard one (``_standard``). A
    deprecated or superseded rendering is left to ``term-forbidden``, which reports and
    fixes it the same way: reported twice, it was fixed twice."""
    index = _index(context)
    uses: dict[str, list[tuple[Pair, TermMatch]]] = defaultdict(list)
    for pair in pairs:
        if not pair.target:
            continue
        for match in meant_target_terms(context, pair):
            # "El Banco … (BAII)": an acronym or short form beside its full form is no
            # second way of writing the concept (the fix wrote the full form in its place).
            if not match.term.is_short_form:
                uses[match.concept_id].append((pair, match))
    for concept_id, occurrences in uses.items():
        counts = Counter(match.term.text for _, match in occurrences)
        if len(counts) < 2:
            continue
        facts = index.facts(concept_id)
        official = facts.target_official.text if facts.target_official else None
        standard = _standard(counts, [match for _, match in occurrences], official)
        others = ", ".join(f"“{term}” ({count}×)" for term, count in counts.most_common())
        for pair, match in occurrences:
            if match.term.text == standard or not match.status.is_official:
                continue
            by_hand = fix_note(match) or repeat_note(pair.target or "", match, standard)
            yield context.issue(
                pair,
                "target",
                match.start,
                match.end,
                f"{facts.label} is rendered in {len(counts)} ways in the target: {others}; "
                f"use “{standard}”{_CHOSEN if facts.target_chosen else ''}{by_hand}",
                concept=concept_id,
                term=official,
                suggestion=match_case(standard, match.text),
                fixable=not by_hand,
            )


def _standard(counts: Counter[str], matches: Sequence[TermMatch], official: str | None) -> str:
    """The rendering the others are made consistent with: the glossary's official one where
    it names one, else the most used rendering the glossary allows.

    Not simply the most used: in a published translation that was the superseded rendering,
    and the fix put it over the official one.
    """
    if official is not None:
        return official
    allowed = {match.term.text for match in matches if match.status.is_official}
    return max(counts, key=lambda term: (term in allowed, counts[term]))


# --- variation report -----------------------------------------------------------------------


@dataclass
class Rendering:
    """One term of a concept as found in the document: how often and in which segments."""

    term: str
    lang: str
    status: str
    count: int = 0
    segments: list[str] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)


@dataclass
class ConceptVariation:
    """Every rendering of one concept found in the document, source and target."""

    concept: str
    label: str
    official: dict[str, str]
    renderings: list[Rendering]

    @property
    def varies(self) -> bool:
        """More than one rendering in one language, or any non-official one."""
        per_lang = Counter(rendering.lang for rendering in self.renderings)
        return any(count > 1 for count in per_lang.values()) or any(
            rendering.status in ("deprecated", "superseded") for rendering in self.renderings
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "concept": self.concept,
            "label": self.label,
            "official": self.official,
            "renderings": [
                {
                    "term": rendering.term,
                    "lang": rendering.lang,
                    "status": rendering.status,
                    "count": rendering.count,
                    "segments": rendering.segments,
                    "forms": dict(rendering.forms),
                }
                for rendering in self.renderings
            ],
        }


def variation_report(context: CheckContext, pairs: Iterable[Pair]) -> list[ConceptVariation]:
    """For each concept found, every rendering in source and target with count and status."""
    if context.glossary is None:
        return []
    index = _index(context)
    found: dict[str, dict[tuple[str, str], Rendering]] = {}
    order: list[str] = []
    for pair in pairs:
        sides = [(context.source_lang, context.source_terms(pair))]
        if context.target_lang is not None and pair.target:
            sides.append((context.target_lang, meant_target_terms(context, pair)))
        for lang, matches in sides:
            for match in matches:
                renderings = found.get(match.concept_id)
                if renderings is None:
                    renderings = found[match.concept_id] = {}
                    order.append(match.concept_id)
                key = (lang, match.term.text)
                rendering = renderings.get(key)
                if rendering is None:
                    rendering = renderings[key] = Rendering(
                        term=match.term.text, lang=lang, status=match.status.value
                    )
                rendering.count += 1
                if not rendering.segments or rendering.segments[-1] != pair.segment_id:
                    rendering.segments.append(pair.segment_id)
                rendering.forms[" ".join(match.text.split())] += 1
    report = []
    for concept_id in order:
        facts = index.facts(concept_id)
        official = {}
        if facts.source_official is not None:
            official[context.source_lang] = facts.source_official.text
        if facts.target_official is not None and context.target_lang is not None:
            official[context.target_lang] = facts.target_official.text
        ordered = sorted(
            found[concept_id].values(),
            key=lambda r: (r.lang != context.source_lang, -r.count, r.term),
        )
        report.append(ConceptVariation(concept_id, facts.label, official, ordered))
    return report
