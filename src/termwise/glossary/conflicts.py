"""Terms of two concepts that a text cannot tell apart.

The matcher finds a term in a text by its words' keys (stems, case, quotes and dashes
aside), and a span whose key two concepts have belongs to neither: constrained MT leaves it
to the engine ("the source form is shared with c2") and the checks cannot tell which
concept's rendering the translation owes it. So two concepts with one term ("wind turbine"
in c1 and c2), or with terms the matcher takes for the same words ("worlds peace" beside
"world peace"), are told here, by asking the matcher itself: a copy of its normalisation
would drift from it. One term of two concepts in the glossary's own language is a fault
(``glossary add`` refuses it, ``glossary validate`` fails it, ``glossary import`` refuses
the file). In another language it is a homonym ("seguridad" for security and safety), which
termbases hold as a matter of course and the checks read as the concept the source names:
a warning, as are two terms the matcher cannot tell apart, being two terms someone may mean
as they are.

The matcher is asked only about terms that could be another concept's at all: those whose
words start alike (``_rough_key``). A matcher over all 10,000 concepts of a TBX made
``glossary validate`` six times slower, though almost every term shares its first letters
with no other concept's.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from termwise import languages
from termwise.glossary.inflection import strip_accents
from termwise.glossary.matcher import TermMatcher, same_form
from termwise.glossary.model import Concept, Glossary, Term

# A word as the matcher's tokens part it: letters and digits, an underscore being a mark.
_WORD = re.compile(r"[^\W_]+")
# Languages whose Snowball stemmer changes a word's end only, and whose words the matcher
# parts by spaces: two words it keys alike start alike (``_rough_key``).
_SUFFIX_STEMMED = frozenset(
    ("en", "es", "fr", "de", "ru", "it", "pt", "nl", "sv", "da", "nb", "no", "fi", "ro")
    + ("hu", "tr", "ca")
)


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

    def describe(self, where: str = "", other_where: str = "", *, homonym: bool = False) -> str:
        """What is wrong and what to do; ``where`` and ``other_where`` say where each term
        stands (" (line 7)", " in client.tbx"), as the caller knows it. ``homonym``: the
        shared term is in a target language (``is_fault`` is false), where it is no fault."""
        if self.same_term and homonym:
            return (
                f"{self.term.text!r} ({self.lang}) is a term of {self.other.id}{other_where} "
                f"and of {self.concept.id}{where}: a homonym, which the checks read as the "
                "concept the source names; if it is a slip, keep it in one of them"
            )
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
        terms = glossary.terms(lang)
        order = {id(term): index for index, (_, term) in enumerate(terms)}
        suspects = _alike(terms, lang)
        if not suspects:
            continue
        finder = _Finder(glossary, lang, suspects)
        first: dict[int, Clash] = {}
        for concept, term in suspects:
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


def is_fault(clash: Clash, own_lang: str | None) -> bool:
    """Whether ``clash`` breaks a glossary whose own language is ``own_lang``: one term of two
    concepts in that language (in any, where it names none). In another language it is a
    homonym ("seguridad" for safety and security), which termbases hold as a matter of
    course and the checks read as the concept the source names: a warning."""
    if not clash.same_term:
        return False
    return own_lang is None or languages.primary(clash.lang) == languages.primary(own_lang)


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
    wanted = _rough_key(text, lang)
    suspects = [(c, t) for c, t in glossary.terms(lang) if _rough_key(t.text, lang) == wanted]
    if not suspects:
        return []
    return _Finder(glossary, lang, suspects).clashes(concept, term)


@lru_cache(maxsize=256)
def _parts_words(lang: str) -> bool:
    """Whether ``_rough_key`` can tell ``lang``'s terms apart (``_SUFFIX_STEMMED``)."""
    return languages.primary(lang) in _SUFFIX_STEMMED


def _rough_key(text: str, lang: str) -> tuple[str, ...]:
    """What two terms the matcher finds over each other's text have alike: as many words,
    each starting with the same two letters (case, width and accents aside; "y" as "i",
    Snowball's "dying" being "die"). The matcher keys a word by its stem, which Snowball
    makes by changing its end only, and joins a French adjective's genders, which share
    their start too. In another language (Chinese, Japanese: no words to part; Arabic,
    whose stemmer takes articles off the start) every term has one key."""
    if not _parts_words(lang):
        return ()
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    starts = (word[:2] for word in _WORD.findall(folded))
    if not folded.isascii():
        starts = (strip_accents(start) for start in starts)
    return tuple(start.replace("y", "i") for start in starts)


def _alike(terms: list[tuple[Concept, Term]], lang: str) -> list[tuple[Concept, Term]]:
    """The ``terms`` whose ``_rough_key`` a term of another concept has too: the only ones
    the matcher may find another concept over."""
    concepts: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    keys = [_rough_key(term.text, lang) for _, term in terms]
    for (concept, _), key in zip(terms, keys, strict=True):
        concepts[key].add(concept.id)
    return [pair for pair, key in zip(terms, keys, strict=True) if len(concepts[key]) > 1]


class _Finder:
    """One language's matcher, asked which concepts it finds over a term's whole text."""

    def __init__(self, glossary: Glossary, lang: str, suspects: list[tuple[Concept, Term]]) -> None:
        """``suspects``: the terms of ``glossary`` in ``lang`` it may be asked about."""
        # The first concept of each id, as ``Glossary.get`` gives it, without its search.
        self.concepts: dict[str, Concept] = {}
        for concept in glossary.concepts:
            self.concepts.setdefault(concept.id, concept)
        self.lang = languages.normalize(lang)
        self.matcher = TermMatcher(_suspects_glossary(suspects), self.lang)
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


def _suspects_glossary(suspects: list[tuple[Concept, Term]]) -> Glossary:
    """The ``suspects`` as a glossary of their own, whose matcher finds among them what the
    whole glossary's would: it keys a word alike with the words of the glossary that share
    its stem, or are its other gender ("publique" of "public"), each of which a suspect
    holding it has beside it."""
    held: dict[str, Concept] = {}
    for concept, term in suspects:
        held.setdefault(concept.id, Concept(concept.id)).add(term)
    return Glossary(list(held.values()))
