"""Glossary-constrained Apertium (run for real): a singular occurrence of a plural term
whose head Apertium does not know ("ciberamenazas") gets the plan's singular
("ciberamenaza"), its article agreeing where the glossary or the suffix rule gives its
gender. Apertium's generator makes no singular of a word it does not know: "A cyber threat
is dangerous." came out "Unas ciberamenazas es peligrosas.", and "Un ciberamenazas es
peligroso." without a gender."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")
FEMININE = DataCategory("termNote", "grammaticalGender", "feminine")


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    rows = [
        ("cyber threats", "ciberamenazas", [PLURAL, FEMININE]),
        ("smart cyber threats", "ciberamenazas inteligentes", [PLURAL, FEMININE]),
        # Feminine by -ción (the suffix rule), recorded as plural only.
        ("nanostations", "nanoestaciones", [PLURAL]),
        # No gender from anywhere: written verbatim.
        ("cyber risks", "criptorriesgos", [PLURAL]),
        # Apertium knows "amenaza".
        ("threats", "amenazas", [PLURAL]),
    ]
    glossary = Glossary(
        [
            Concept(
                f"C{index}",
                all_terms=[
                    Term(source, "en"),
                    Term(target, "es", status=TermStatus.PREFERRED, extra=list(extra)),
                ],
            )
            for index, (source, target, extra) in enumerate(rows)
        ]
    )
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("A cyber threat is dangerous.", "Una ciberamenaza es peligrosa."),
        ("A smart cyber threat is dangerous.", "Una ciberamenaza inteligente es peligrosa."),
        ("A nanostation is small.", "Una nanoestación es pequeña."),
        # The plural occurrences stay as they were.
        ("Cyber threats are dangerous.", "Las ciberamenazas son peligrosas."),
        (
            "The smart cyber threats are dangerous.",
            "Las ciberamenazas inteligentes son peligrosas.",
        ),
        ("The nanostations are small.", "Las nanoestaciones son pequeñas."),
    ],
)
def test_a_singular_occurrence_of_an_unknown_plural_head_is_singular(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
    assert [d.mechanism for d in result.terms] == ["apertium-lexical"], result.terms


def test_a_verbatim_term_is_written_in_the_plans_singular(engine: ConstrainedEngine) -> None:
    # No gender, so no agreement: still the singular noun, not "Un criptorriesgos".
    (result,) = engine.translate(["A cyber risk is small."], "en", "es")
    assert result.target == "Un criptorriesgo es pequeño.", result.target
    (decision,) = result.terms
    assert decision.mechanism == "apertium-verbatim", decision


def test_a_one_word_term_in_the_singular_is_found_in_the_output(
    engine: ConstrainedEngine,
) -> None:
    # The output has the injected "amenaza", not the term "amenazas": the decision said
    # "Apertium lost the injected 'amenazas'" and left the occurrence to the engine.
    (result,) = engine.translate(["A threat is dangerous."], "en", "es")
    assert result.target == "Una amenaza es peligrosa.", result.target
    assert [d.mechanism for d in result.terms] == ["apertium-lexical"], result.terms
