"""After "y", "e", "o", "u" the Spanish "no" contrasts two nouns unless it forms a fixed one.

"Queremos cooperación y no confrontación" (cooperation, not confrontation) names the term
"confrontación", a stock phrase of diplomatic texts; "soberanía y no injerencia" names
non-interference, a compound of international-relations language. Only such fixed
compounds (``inflection._NO_COMPOUNDS``) and those the glossary itself records make the
"no" a prefix there; the prefix never takes a plural ("y no comunidades": not
communities). After an article the "no" stays the prefix ("la no confrontación").
"""

from __future__ import annotations

import pytest

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def _found(terms: list[Term], text: str) -> list[tuple[str, str]]:
    glossary = Glossary(
        [Concept(f"T{index}", all_terms=[term]) for index, term in enumerate(terms)]
    )
    return [(match.concept_id, match.text) for match in TermMatcher(glossary, "es").find(text)]


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("confrontación", "Queremos cooperación y no confrontación.", "confrontación"),
        ("cooperación", "Proponen diálogo y no cooperación forzada.", "cooperación"),
        ("confrontación", "Diálogo o no confrontación armada.", "confrontación"),
        # A plural is never the prefix's noun, even of a fixed compound.
        ("comunidad", "Una comunidad y no comunidades separadas.", "comunidades"),
        ("injerencia", "Cooperación y no injerencias.", "injerencias"),
    ],
)
def test_a_noun_after_a_coordinator_and_no_is_the_term(term: str, text: str, found: str) -> None:
    assert found in [seen for _, seen in _found([Term(term, "es")], text)]


def test_both_nouns_of_a_contrast_are_found() -> None:
    text = "Una comunidad y no comunidades separadas."
    assert [seen for _, seen in _found([Term("comunidad", "es")], text)] == [
        "comunidad",
        "comunidades",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Soberanía y no injerencia.",
        "Desarme y no proliferación.",
        "Paz y no violencia.",
        "Igualdad y no discriminación.",
        "Respeto mutuo y no agresión.",
        "Asilo y no devolución.",
        "Soberanía y No Intervención.",
    ],
)
def test_a_fixed_compound_after_a_coordinator_is_negated(text: str) -> None:
    noun = text.rstrip(".").split()[-1].lower()
    assert _found([Term(noun, "es")], text) == []


def test_a_compound_the_glossary_records_wins_over_its_noun() -> None:
    terms = [Term("confrontación", "es"), Term("no confrontación", "es")]
    text = "Queremos cooperación y no confrontación."
    assert _found(terms, text) == [("T1", "no confrontación")]


def test_after_an_article_the_no_stays_the_prefix() -> None:
    assert _found([Term("confrontación", "es")], "Rechazan la no confrontación.") == []
