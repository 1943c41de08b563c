"""The Spanish "no" that negates a noun, told from the noun "no" and from the verb's.

"un no rotundo" (a flat refusal) holds the noun "no" and an adjective, which that "no"
negates no more than "rotundo" in "un rechazo rotundo"; the noun is masculine and singular,
so after "la" or "los" the "no" is still the negation ("los no alineados"). After a
coordinating conjunction, "soberanía y no injerencia" is the noun "non-interference", as
"la no injerencia" is, where "no injerencia" is a fixed compound; a verb there keeps its
term ("y no aplica"), and so does any other noun (``test_match_spanish_no_contrast``).
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
    "text",
    ["Respondió con un no rotundo.", "El no rotundo de los votantes.", "Su no rotundo."],
)
def test_an_adjective_after_the_noun_no_is_the_term(text: str) -> None:
    term = Term("rotundo", "es", part_of_speech="adjective")
    assert _found([term], text) == [("T0", "rotundo")]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # The noun "no" takes no plural or feminine article: here it is the negation.
        ("Los no alineados.", Term("alineados", "es", part_of_speech="adjective")),
        ("Las no gubernamentales.", Term("gubernamentales", "es", part_of_speech="adjective")),
        # A noun after a masculine article: "el no pago" is non-payment.
        ("El no pago de la deuda.", Term("pago", "es", part_of_speech="noun")),
        ("El no pago de la deuda.", Term("pago", "es")),
    ],
)
def test_the_negation_after_an_article_still_negates(text: str, term: Term) -> None:
    assert _found([term], text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Soberanía y no injerencia.",
        "El respeto mutuo y no injerencia en los asuntos internos.",
        "Coexistencia pacífica o no injerencia.",
    ],
)
def test_a_noun_after_a_conjunction_and_no_is_negated(text: str) -> None:
    assert _found([Term("injerencia", "es")], text) == []
    assert _found([Term("no injerencia", "es")], text) == [("T0", "no injerencia")]
    both = [Term("no injerencia", "es"), Term("injerencia", "es")]
    assert _found(both, text) == [("T0", "no injerencia")]


def test_a_compound_the_glossary_records_is_found_after_a_conjunction() -> None:
    # "no uso de la fuerza" is no fixed compound of the language, but of this glossary:
    # the longest match finds it, and its noun is not reported inside it.
    compound = Term("no uso de la fuerza", "es", part_of_speech="noun")
    term = Term("uso de la fuerza", "es", part_of_speech="noun")
    found = _found([term, compound], "La paz y no uso de la fuerza.")
    assert found == [("T1", "no uso de la fuerza")]


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("aplica", "La norma existe y no aplica.", "aplica"),
        ("intervenir", "Decidió esperar y no intervenir.", "intervenir"),
        # "pero no" contrasts: the term is named, and refused.
        ("injerencia", "Cooperación pero no injerencia.", "injerencia"),
    ],
)
def test_the_verbs_negation_after_a_conjunction_leaves_the_term(
    term: str, text: str, found: str
) -> None:
    assert _found([Term(term, "es")], text) == [("T0", found)]
