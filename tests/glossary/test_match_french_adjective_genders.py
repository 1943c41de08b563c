"""A French adjective inside a term is found in the gender another noun gives it.

Snowball stems some masculine and feminine adjectives apart ("public" and "publique",
"actif" and "active", "étranger" and "étrangère"), so "un système de santé public" (the
adjective agrees with "système") held no "santé publique". The other gender's form is the
term's word wherever the term has an adjective; where it has a noun with such an ending,
the form is another word ("manière" and "manier").
"""

from __future__ import annotations

import pytest

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def _found(terms: list[str], text: str, *, accent_insensitive: bool = False) -> list[str]:
    glossary = Glossary(
        [Concept(f"T{index}", all_terms=[Term(term, "fr")]) for index, term in enumerate(terms)]
    )
    matcher = TermMatcher(glossary, "fr", accent_insensitive=accent_insensitive)
    return [match.text for match in matcher.find(text)]


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("santé publique", "Un système de santé public.", ["santé public"]),
        ("bien public", "Une politique de bien publique.", ["bien publique"]),
        (
            "investissement étranger",
            "Une loi d'investissement étrangère.",
            ["investissement étrangère"],
        ),
        ("politique étrangère", "Un ministère de la politique étranger.", ["politique étranger"]),
        ("choix collectif", "Une théorie du choix collective.", ["choix collective"]),
        (
            "aide publique au développement",
            "Des aides publiques au développement.",
            ["aides publiques au développement"],
        ),
    ],
)
def test_an_adjective_is_found_in_the_other_gender(term: str, text: str, found: list[str]) -> None:
    assert _found([term], text) == found


def test_both_genders_in_the_glossary_share_the_word() -> None:
    # "public" and "publique" were two codes: the one a text's "public" took was "bien
    # public"'s, which "santé publique" never matched.
    terms = ["bien public", "santé publique"]
    assert _found(terms, "Un système de santé public.") == ["santé public"]
    assert _found(terms, "Les biens publics et la santé publique.") == [
        "biens publics",
        "santé publique",
    ]


def test_without_accents_too() -> None:
    assert _found(["santé publique"], "Un systeme de sante public.", accent_insensitive=True) == [
        "sante public"
    ]


@pytest.mark.parametrize(
    ("term", "text"),
    [
        # A noun with an adjective's ending keeps its gender: the other form is another word
        # ("étrangère", a foreign woman; "active", the labour force).
        ("étrangère", "Un étranger."),
        ("publique", "Le public."),
        ("active", "Un actif."),
    ],
)
def test_a_noun_keeps_its_gender(term: str, text: str) -> None:
    assert _found([term], text) == []


def test_a_word_sharing_a_joined_stem_is_not_the_other_gender() -> None:
    # "actif" and "active" share a code here; "activez" stems as "active" does, and so
    # reached "actif" too, whose gender is its own (a noun at the term's head).
    glossary = Glossary(
        [
            Concept("T1", all_terms=[Term("actif", "fr")]),
            Concept("T2", all_terms=[Term("active", "fr")]),
        ]
    )
    matches = TermMatcher(glossary, "fr").find("Activez le mode.")
    assert [(match.concept_id, match.also) for match in matches] == [("T2", ())]
