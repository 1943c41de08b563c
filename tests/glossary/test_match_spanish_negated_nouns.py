"""A Spanish "no" between an article or preposition and a noun makes the noun's opposite.

"la no injerencia" (non-interference) and "el Tratado de No Proliferación Nuclear" held the
terms "injerencia" and "proliferación nuclear", as "non-interference" would hold
"interference" if the hyphen were not read; the verb's negation ("que no aplica", "de no
intervenir") leaves the term there. The negation never inflects: "las no injerencias" is the
plural of "no injerencia".
"""

from __future__ import annotations

import pytest

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def _found(terms: list[str], text: str) -> list[tuple[str, str]]:
    glossary = Glossary(
        [Concept(f"T{index}", all_terms=[Term(term, "es")]) for index, term in enumerate(terms)]
    )
    return [(match.concept_id, match.text) for match in TermMatcher(glossary, "es").find(text)]


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("injerencia", "Defendemos la no injerencia."),
        ("injerencia", "El principio de no injerencia en los asuntos internos."),
        ("intervención", "Una política de no intervención."),
        ("proliferación nuclear", "El Tratado de No Proliferación Nuclear."),
        ("alineados", "Los no alineados."),
    ],
)
def test_a_noun_after_a_negating_no_is_not_the_term(term: str, text: str) -> None:
    assert _found([term], text) == []


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("aplica", "La norma que no aplica.", "aplica"),
        ("intervenir", "La decisión de no intervenir.", "intervenir"),
        ("injerencia", "La injerencia extranjera.", "injerencia"),
    ],
)
def test_the_verbs_negation_leaves_the_term(term: str, text: str, found: str) -> None:
    assert _found([term], text) == [("T0", found)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("La no injerencia.", "no injerencia"),
        ("Las no injerencias.", "no injerencias"),
        ("El principio de no injerencia.", "no injerencia"),
    ],
)
def test_the_negated_term_is_found_in_either_number(text: str, found: str) -> None:
    assert _found(["no injerencia", "injerencia"], text) == [("T0", found)]
