"""Glossary-constrained Apertium (run for real): "must" after a singular term is the modal,
not the noun "mosto" ("El tercero interesado tiene que obrar", was "La tercero interesado
ley de mosto"); a singular verbatim term whose words show a gender takes articles and
complements in it ("La interesada pertinente es nueva"); "which" without a comma is the
relative "que", not the interrogative; in "of which many are new" the quantifier, verb and
adjective agree with the term ("de las cuales muchas son nuevas", was "muchos es nuevo");
and a gerund phrase whose object is the term keeps its complement in the masculine
singular ("Recogiendo los datos es caro", was "caros")."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

_PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")
_MASCULINE = DataCategory("termNote", "grammaticalGender", "masculine")


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    concepts = [
        ("C1", "data", "datos", [_PLURAL, _MASCULINE]),
        ("C2", "cyberthreat", "ciberamenaza", []),  # feminine by its noun "amenaza"
        ("C3", "third party", "tercero interesado", []),  # "tercero": an adjective, masculine
        ("C4", "stakeholder", "interesada pertinente", []),  # "interesada": feminine
    ]
    glossary = Glossary(
        [
            Concept(
                concept_id,
                all_terms=[
                    Term(source, "en"),
                    Term(target, "es", status=TermStatus.PREFERRED, extra=extra),
                ],
            )
            for concept_id, source, target, extra in concepts
        ]
    )
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


def _translate(engine: ConstrainedEngine, source: str) -> str:
    (result,) = engine.translate([source], "en", "es")
    return result.target


MODALS = [
    ("The third party must act.", "El tercero interesado tiene que obrar."),
    ("The cyberthreat must grow.", "La ciberamenaza tiene que crecer."),
    ("We know the third party must act.", "Sabemos el tercero interesado tiene que obrar."),
]


@pytest.mark.parametrize(("source", "expected"), MODALS)
def test_must_after_a_singular_term_is_the_modal(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    assert _translate(engine, source) == expected


SHOWN_GENDERS = [
    ("The third party is important.", "El tercero interesado es importante."),
    ("The stakeholder is new.", "La interesada pertinente es nueva."),
    ("A stakeholder must act.", "Una interesada pertinente tiene que obrar."),
    ("A third party matters.", "Un tercero interesado importa."),
]


@pytest.mark.parametrize(("source", "expected"), SHOWN_GENDERS)
def test_a_singular_verbatim_term_takes_the_gender_its_words_show(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
    assert [t.mechanism for t in result.terms] == ["apertium-verbatim"], result.terms


RESTRICTIVE = [
    ("The data which was lost matters.", "Los datos que "),
    ("The cyberthreat which grows is dangerous.", "La ciberamenaza que crece "),
    ("We study the cyberthreats which grow.", "Estudiamos las ciberamenazas que crecen."),
]


@pytest.mark.parametrize(("source", "expected"), RESTRICTIVE)
def test_which_without_a_comma_is_the_relative_que(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    target = _translate(engine, source)
    assert target.startswith(expected), target
    assert "qué" not in target and "cuál" not in target, target


QUANTIFIERS_AFTER = [
    (
        "The number of cyberthreats, of which many are new, is growing.",
        "El número de ciberamenazas, de las cuales muchas son nuevas, está creciendo.",
    ),
    (
        "Cyberthreats, of which many are new, are dangerous.",
        "Las ciberamenazas, de las cuales muchas son nuevas, son peligrosas.",
    ),
    (
        "The cyberthreats, of which one is new, grow.",
        "Las ciberamenazas, de las cuales una es nueva, crecen.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), QUANTIFIERS_AFTER)
def test_a_quantifier_after_the_relative_agrees_with_the_term(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    assert _translate(engine, source) == expected


VERBAL_SUBJECTS = [
    ("Collecting data is expensive.", "Recogiendo los datos es caro."),
    ("Collecting cyberthreats is expensive.", "Recogiendo las ciberamenazas es caro."),
    ("To collect data is expensive.", "Para recoger los datos es caro."),
    (
        "Collecting data is expensive, but storing data is cheap.",
        "Recogiendo los datos es caro, pero almacenando los datos es barato.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), VERBAL_SUBJECTS)
def test_a_gerund_subject_keeps_its_complement_singular(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    assert _translate(engine, source) == expected


def test_a_term_that_is_the_subject_still_agrees(engine: ConstrainedEngine) -> None:
    assert _translate(engine, "The data is expensive.") == "Los datos son caros."
    assert _translate(engine, "Data is lost.") == "Los datos están perdidos."
