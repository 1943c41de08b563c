"""A Spanish agent noun in -tor, -sor, -dor is found in its other gender.

Keyed apart from the same stem plus a vowel ("valor" is not "valora"), "director" no longer
met "directora", which the stemmer keys as the bare stem: the target "La directora del
museo habló." lacked the term "director" in ``check --to es``.
"""

from __future__ import annotations

import pytest

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def _matcher(*terms: str) -> TermMatcher:
    concepts = [
        Concept(f"C{number}", all_terms=[Term(term, "es")]) for number, term in enumerate(terms)
    ]
    return TermMatcher(Glossary(concepts=concepts), "es")


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("director", "La directora del museo habló."),
        ("director", "Las directoras llegaron."),
        ("traductor", "La traductora revisó el texto."),
        ("profesor", "Habló la profesora."),
        ("jugador", "Las jugadoras ganaron."),
        ("directora", "El director del museo habló."),
        ("directora", "Los directores llegaron."),
    ],
)
def test_an_agent_noun_is_found_in_its_other_gender(term: str, text: str) -> None:
    found = _matcher(term).find(text)
    assert [match.term.text for match in found] == [term], text


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("valor", "Se valora el trabajo."),
        ("razón", "Ella razona bien."),
        ("control", "Él controla."),
    ],
)
def test_a_noun_in_a_consonant_is_still_no_verb(term: str, text: str) -> None:
    assert _matcher(term).find(text) == [], text
