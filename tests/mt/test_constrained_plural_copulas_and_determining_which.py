"""Glossary-constrained Apertium (run for real): a gerund or participle that describes a
plural term before "are" leaves the complement agreeing with the term ("Existing
cyberthreats are dangerous": "peligrosas", not the gerund phrase's "peligrosos"), and a
"which" that determines the noun after it stays the interrogative of an indirect question
("which option is best": "qué opción", not the relative "que la opción", that)."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    concepts = [
        ("C2", "cyberthreat", "ciberamenaza"),
        ("C3", "third party", "tercero interesado"),
        ("C4", "stakeholder", "parte interesada"),
    ]
    glossary = Glossary(
        [
            Concept(
                concept_id,
                all_terms=[Term(source, "en"), Term(target, "es", status=TermStatus.PREFERRED)],
            )
            for concept_id, source, target in concepts
        ]
    )
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


def _translate(engine: ConstrainedEngine, source: str) -> str:
    (result,) = engine.translate([source], "en", "es")
    return result.target


DESCRIBED = [
    ("Existing cyberthreats are dangerous.", "son peligrosas."),
    ("Growing cyberthreats are dangerous.", "son peligrosas."),
    ("Emerging cyberthreats are new.", "son nuevas."),
]


@pytest.mark.parametrize(("source", "ending"), DESCRIBED)
def test_a_plural_copula_agrees_with_the_term_a_gerund_describes(
    engine: ConstrainedEngine, source: str, ending: str
) -> None:
    target = _translate(engine, source)
    assert target.endswith(ending), target
    assert "las ciberamenazas" in target, target


def test_a_gerund_phrase_subject_still_takes_the_masculine_singular(
    engine: ConstrainedEngine,
) -> None:
    assert _translate(engine, "Collecting cyberthreats is expensive.") == (
        "Recogiendo las ciberamenazas es caro."
    )


def test_which_before_a_noun_stays_the_interrogative(engine: ConstrainedEngine) -> None:
    target = _translate(engine, "We asked the third party which option is best.")
    assert "el tercero interesado qué opción" in target, target


def test_which_before_a_plural_noun_is_not_the_relative(engine: ConstrainedEngine) -> None:
    target = _translate(engine, "Tell the stakeholder which guidelines are new.")
    assert "la parte interesada que" not in target, target
    assert "qué" in target or "cuál" in target, target


RELATIVES = [
    ("The third party who acts is new.", "El tercero interesado que obra "),
    ("The cyberthreat which grows is dangerous.", "La ciberamenaza que crece "),
    ("The stakeholder which acts is new.", "La parte interesada que obra "),
]


@pytest.mark.parametrize(("source", "start"), RELATIVES)
def test_which_or_who_before_a_verb_is_still_the_relative(
    engine: ConstrainedEngine, source: str, start: str
) -> None:
    target = _translate(engine, source)
    assert target.startswith(start), target
