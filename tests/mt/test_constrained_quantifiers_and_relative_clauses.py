"""Glossary-constrained Apertium (run for real): a quantifier the tagger reads as a pronoun
agrees with a lexical term past an adjective outside it ("Muchas ciberamenazas nuevas",
once "Muchos las ciberamenazas nuevas"), and a term subject keeps its verb's agreement past
a relative clause set off by commas ("Las ciberamenazas, …, son peligrosas", once "…, es
peligroso", as plain Apertium says)."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

_PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    glossary = Glossary(
        [
            Concept(
                "C1",
                all_terms=[
                    Term("cyberthreats", "en"),
                    Term("ciberamenazas", "es", status=TermStatus.PREFERRED, extra=[_PLURAL]),
                ],
            ),
            Concept(
                "C2",
                all_terms=[
                    Term("peaceful development", "en"),
                    Term("desarrollo pacífico", "es", status=TermStatus.PREFERRED),
                ],
            ),
        ]
    )
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


# "appear" is "parecer" in Apertium's dictionary, with termwise or without.
QUANTIFIED = [
    ("Many new cyberthreats appear every day.", "Muchas ciberamenazas nuevas parecen"),
    ("Some new cyberthreats appear every day.", "Algunas ciberamenazas nuevas parecen"),
    ("All new cyberthreats appear every day.", "Todas las ciberamenazas nuevas parecen"),
    ("These new cyberthreats appear every day.", "Estas ciberamenazas nuevas parecen"),
]


@pytest.mark.parametrize(("source", "expected"), QUANTIFIED)
def test_a_quantifier_before_an_adjective_outside_the_term_is_its_determiner(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target.startswith(expected), result.target
    assert [t.mechanism for t in result.terms] == ["apertium-lexical"], result.terms


RELATIVES = [
    (
        "Cyberthreats, which grow every day, are dangerous.",
        "Las ciberamenazas, las cuales crecen todos los días, son peligrosas.",
    ),
    (
        "Cyberthreats, which grow every day, must be stopped.",
        "Las ciberamenazas, las cuales crecen todos los días, tienen que ser paradas.",
    ),
    # "which" read as a determiner by the tagger; a singular term takes its article too.
    (
        "Peaceful development, which China wants, is good.",
        "El desarrollo pacífico, qué China quiere, es bien.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), RELATIVES)
def test_the_verb_after_a_relative_clause_agrees_with_the_term(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
    assert [t.mechanism for t in result.terms] == ["apertium-lexical"], result.terms


def test_a_clause_set_aside_keeps_its_place_among_segments(engine: ConstrainedEngine) -> None:
    # Two clauses set aside in one document run go back each to its own sentence, and a
    # clause that no verb follows stays where transfer reads it.
    first, second, third = engine.translate(
        [
            "Cyberthreats, which grow every day, are dangerous.",
            "We fight cyberthreats, which grow every day, and win.",
            "Peaceful development, which China wants, is good.",
        ],
        "en",
        "es",
    )
    assert first.target.endswith(", son peligrosas."), first.target
    assert "ciberamenazas, las cuales crecen todos los días, y" in second.target, second.target
    assert third.target.startswith("El desarrollo pacífico, qué China"), third.target
