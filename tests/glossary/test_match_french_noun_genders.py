"""A French noun term matches its own gender's forms only, whatever Snowball stems alike.

"capitale" (a capital city) and "capital" (money), "morale" (ethics) and "moral" (spirits)
are two nouns each, but Snowball gives each pair one stem, so the one term matched the
other noun; "public" and "publique", which it stems apart, were already kept apart. A term
the glossary records as an adjective has no head noun, and keeps matching both genders, as
an adjective inside a term does ("santé publique" in "un système de santé public").
"""

from __future__ import annotations

import pytest

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def _found(term: Term, text: str, *, accent_insensitive: bool = False) -> list[str]:
    glossary = Glossary([Concept("T1", all_terms=[term])])
    matcher = TermMatcher(glossary, "fr", accent_insensitive=accent_insensitive)
    return [match.text for match in matcher.find(text)]


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("capitale", "Le capital de la banque."),
        ("capitale", "Les capitaux étrangers."),
        ("capital", "La capitale de la France."),
        ("capital", "Les capitales européennes."),
        ("morale", "Le moral des troupes."),
        ("moral", "La morale publique."),
        # The head of a term of several words is its noun.
        ("capitale européenne", "Le capital européen."),
        ("capitaux", "La capitale recule."),
    ],
)
def test_a_noun_term_is_not_the_other_nouns_form(term: str, text: str) -> None:
    assert _found(Term(term, "fr"), text) == []


def test_without_accents_too() -> None:
    assert _found(Term("capitale", "fr"), "Le capital.", accent_insensitive=True) == []


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("capitale", "Les capitales européennes.", ["capitales"]),
        ("capital", "Les capitaux étrangers.", ["capitaux"]),
        ("morale", "Les morales.", ["morales"]),
        ("capitale européenne", "Les capitales européennes.", ["capitales européennes"]),
    ],
)
def test_a_noun_term_keeps_its_own_forms(term: str, text: str, found: list[str]) -> None:
    assert _found(Term(term, "fr"), text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [("Un rôle capital.", ["capital"]), ("Une peine capitale.", ["capitale"])],
)
def test_an_adjective_term_matches_both_genders(text: str, found: list[str]) -> None:
    term = Term("capital", "fr", part_of_speech="adjective")
    assert _found(term, text) == found


def test_the_part_of_speech_in_any_spelling() -> None:
    term = Term("moral", "fr", part_of_speech="Adjective")
    assert _found(term, "Une autorité morale.") == ["morale"]


def test_an_adjective_inside_a_noun_term_still_matches_both_genders() -> None:
    assert _found(Term("fonds moral", "fr"), "Un fonds morale.") == ["fonds morale"]
