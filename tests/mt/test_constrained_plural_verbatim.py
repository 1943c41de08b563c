"""Glossary-constrained Apertium (run for real) with a term no gender is known for, which
goes in verbatim: in the plural ("third parties") it is written in the plural and its verb
agrees with it ("Terceros interesados tienen que obrar", not "tiene que"); made singular, an
adjective is cut short only before a noun ("tercero interesado": "interesado" is a
participle after the noun "tercero", not "tercer interesado")."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints, singularised

_PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")


def _engine(source: str, target: str, extra: list[DataCategory]) -> ConstrainedEngine:
    glossary = Glossary(
        [
            Concept(
                "C1",
                all_terms=[
                    Term(source, "en"),
                    Term(target, "es", status=TermStatus.PREFERRED, extra=extra),
                ],
            )
        ]
    )
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


def test_a_participle_after_the_head_leaves_it_whole() -> None:
    # Apertium's analyser reads "interesados" as a participle: "terceros" is the noun.
    assert singularised("terceros interesados", "es") == "tercero interesado"
    assert singularised("terceros países", "es") == "tercer país"


def test_a_singular_occurrence_of_a_plural_verbatim_term() -> None:
    engine = _engine("interested third parties", "terceros interesados", [_PLURAL])
    (placement,) = engine.constraints.plan("An interested third party must act.")
    assert placement.rendering == "tercero interesado"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Interested third parties must act.", "Terceros interesados tienen que obrar."),
        ("Interested third parties are important.", "Terceros interesados son importantes."),
        ("Interested third parties matter.", "Terceros interesados importan."),
        ("We support interested third parties.", "Apoyamos terceros interesados."),
    ],
)
def test_a_plural_verbatim_term_takes_a_plural_verb(source: str, expected: str) -> None:
    engine = _engine("interested third parties", "terceros interesados", [_PLURAL])
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
    assert [t.mechanism for t in result.terms] == ["apertium-verbatim"], result.terms


def test_a_plural_occurrence_of_a_singular_verbatim_term() -> None:
    # Written in the plural the plan makes of the term, with a plural verb; it once stood
    # as the glossary writes it, with a singular verb ("Tercero interesado tiene que obrar.").
    engine = _engine("third party", "tercero interesado", [])
    first, second = engine.translate(
        ["Third parties must act.", "The third parties must act."], "en", "es"
    )
    assert first.target == "Terceros interesados tienen que obrar.", first.target
    assert second.target == "Los terceros interesados tienen que obrar.", second.target
