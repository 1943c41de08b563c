"""Terms of two concepts that a text cannot tell apart.

The matcher finds a term in a text by its words' keys (stems, case, quotes and dashes
aside), and a span whose key two concepts have belongs to neither: constrained MT leaves it
to the engine ("the source form is shared with c2") and the checks take it for the first
concept's alone (a translation using it for the second is "missing" its term). So two
concepts with one term ("wind turbine" in c1 and c2), or with terms the matcher takes for
the same words ("worlds peace" beside "world peace"), are told here, by asking the matcher
itself: a copy of its normalisation would drift from it. One term of two concepts is a
fault (``glossary add`` refuses it, ``glossary validate`` fails it, ``glossary import``
refuses the file); two terms the matcher cannot tell apart are a warning, being two terms
someone may mean as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from termwise import languages
from termwise.glossary.matcher import TermMatcher, same_form
from termwise.glossary.model import Concept, Glossary, Term


@dataclass(frozen=True)
class Clash:
    """``term`` of ``concept`` is found wherever ``other_term`` of ``other`` is (or is it)."""

    lang: str
    concept: Concept
    term: Term
    other: Concept
    other_term: Term

    @property
    def same_term(self) -> bool:
        """One term of two concepts, not two terms the matcher cannot tell apart."""
        return same_form(self.term.text, self.other_term.text)

    def describe(self, where: str = "", other_where: str = "") -> str:
        """What is wrong and what to do; ``where`` and ``other_where`` say where each term
        stands (" (line 7)", " in client.tbx"), as the caller knows it."""
        if self.same_term:
            return (
                f"{self.term.text!r} ({self.lang}) is a term of {self.other.id}{other_where} "
                f"and of {self.concept.id}{where}: a term of two concepts belongs to neither "
                "in a text (neither MT nor the checks can tell which concept it names there); "
                "keep it in one of them"
            )
        return (
            f"{self.term.text!r} ({self.lang}) of {self.concept.id}{where} and "
            f"{self.other_term.text!r} of {self.other.id}{other_where} are the same words to "
            "the matcher (inflection aside): wherever one stands in a text, so does the other, "
            "and neither MT nor the checks can tell which concept it names there; give one "
            "of them another term, or make them one concept"
        )


def clashes(glossary: Glossary, langs: Iterable[str] | None = None) -> list[Clash]:
    """The terms of ``glossary`` that the matcher cannot tell from an earlier term of
    another concept, in ``langs`` (default: all the glossary's languages): each told once,
    at itself, against the first such term (one it is the same term as before one it is
    only the same words as), so that a term five concepts share is four clashes, not ten."""
    found: list[Clash] = []
    told: set[int] = set()
    for lang in langs if langs is not None else glossary.languages():
        finder = _Finder(glossary, lang)
        terms = glossary.terms(lang)
        order = {id(term): index for index, (_, term) in enumerate(terms)}
        first: dict[int, Clash] = {}
        for concept, term in terms:
            for clash in finder.clashes(concept, term):
                if order[id(clash.term)] < order[id(clash.other_term)]:
                    # The matcher may find one term over the other's text and not back.
                    clash = Clash(lang, clash.other, clash.other_term, clash.concept, clash.term)
                known = first.get(id(clash.term))
                if known is None or _rank(clash, order) < _rank(known, order):
                    first[id(clash.term)] = clash
        for clash in sorted(first.values(), key=lambda clash: order[id(clash.term)]):
            # A term serving two tags (en and en-GB) is told under the first.
            if id(clash.term) not in told:
                told.add(id(clash.term))
                found.append(clash)
    return found


def _rank(clash: Clash, order: dict[int, int]) -> tuple[bool, int]:
    return not clash.same_term, order[id(clash.other_term)]


def clashes_of(glossary: Glossary, concept_id: str, text: str, lang: str) -> list[Clash]:
    """The terms of concepts other than ``concept_id`` that the matcher cannot tell from
    ``text`` in ``lang`` (the term ``glossary add`` records, in the glossary or not yet)."""
    concept = glossary.get(concept_id) or Concept(concept_id)
    term = next(
        (t for t in concept.terms(lang) if same_form(t.text, text)),
        Term(text=text, lang=lang),
    )
    return _Finder(glossary, lang).clashes(concept, term)


class _Finder:
    """One language's matcher, asked which concepts it finds over a term's whole text."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        # The first concept of each id, as ``Glossary.get`` gives it, without its search.
        self.concepts: dict[str, Concept] = {}
        for concept in glossary.concepts:
            self.concepts.setdefault(concept.id, concept)
        self.lang = languages.normalize(lang)
        self.matcher = TermMatcher(glossary, self.lang)
        self._found: dict[str, set[str]] = {}

    def found_over(self, text: str) -> set[str]:
        """The concepts the matcher finds over all of ``text``'s words."""
        known = self._found.get(text)
        if known is not None:
            return known
        letters = [i for i, char in enumerate(text) if char.isalnum()]
        concepts: set[str] = set()
        if letters:
            for match in self.matcher.find(text):
                if match.start <= letters[0] and match.end > letters[-1]:
                    concepts.update((match.concept_id, *match.also))
        self._found[text] = concepts
        return concepts

    def clashes(self, concept: Concept, term: Term) -> list[Clash]:
        found = []
        for other_id in sorted(self.found_over(term.text) - {concept.id}):
            other = self.concepts.get(other_id)
            if other is None:
                continue
            own = other.terms(self.lang)
            # The other concept's term the matcher takes this one for: the same one where it
            # has it, else one whose text it finds this concept over.
            other_term = next((t for t in own if same_form(t.text, term.text)), None) or next(
                (t for t in own if concept.id in self.found_over(t.text)), None
            )
            if other_term is not None:
                found.append(Clash(self.lang, concept, term, other, other_term))
        return found
