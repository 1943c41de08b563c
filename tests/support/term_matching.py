"""What the glossary matching tests share: a matcher of a few terms in one language, each a
concept of its own, and the texts it finds."""

from __future__ import annotations

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def term_matcher(lang: str, *terms: str, accent_insensitive: bool = False) -> TermMatcher:
    """A matcher of ``terms`` in ``lang``, each the only term of its concept (T0, T1, …)."""
    return TermMatcher(
        Glossary([Concept(f"T{i}", all_terms=[Term(t, lang)]) for i, t in enumerate(terms)]),
        lang,
        accent_insensitive=accent_insensitive,
    )


def found(matcher: TermMatcher, text: str) -> list[str]:
    """The texts ``matcher`` finds in ``text``, in order."""
    return [match.text for match in matcher.find(text)]


def found_term(lang: str, term: str, text: str, *, accent_insensitive: bool = False) -> list[str]:
    """The texts a glossary of ``term`` alone finds in ``text``."""
    return found(term_matcher(lang, term, accent_insensitive=accent_insensitive), text)
