"""Glossary-constrained Apertium (run for real): the words Apertium's transfer makes agree
with the source rather than with the injected term. A plural term of a singular source
("data": "datos") takes a plural verb ("Los datos están recogidos", was "está recogido");
after "no" transfer makes a carried verbatim term's determiner and verb singular, and the
term is written in the singular the glossary records ("Ningún think tank estuvo
consultado", was "Ningún thinkes tankes"); "el cual" takes the gender and number of the
term it refers to ("las ciberamenazas, las cuales", was "los cuales")."""

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
        ("C2", "policy institute", "think tank", []),  # no gender: verbatim, carried
        ("C3", "cyberthreat", "ciberamenaza", []),  # feminine by its noun "amenaza"
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


PLURAL_VERBS = [
    ("Data is collected.", "Los datos están recogidos."),
    ("The data was collected.", "Los datos estuvieron recogidos."),
    ("Data also has limits.", "Los datos también tienen límites."),
    ("Data, which is new, is collected.", "Los datos, los cuales son nuevos, están recogidos."),
]


@pytest.mark.parametrize(("source", "expected"), PLURAL_VERBS)
def test_a_plural_term_of_a_singular_source_takes_a_plural_verb(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
    assert [t.mechanism for t in result.terms] == ["apertium-lexical"], result.terms


def test_a_plural_source_verb_stays() -> None:
    engine = ConstrainedEngine(
        ApertiumEngine(),
        GlossaryConstraints(
            Glossary(
                [
                    Concept(
                        "C1",
                        all_terms=[
                            Term("data", "en"),
                            Term("datos", "es", status=TermStatus.PREFERRED, extra=[_PLURAL]),
                        ],
                    )
                ]
            ),
            "en",
            "es",
        ),
    )
    (result,) = engine.translate(["Data are collected."], "en", "es")
    assert result.target == "Los datos están recogidos.", result.target


NO_DETERMINER = [
    ("No policy institutes were consulted.", "Ningún think tank estuvo consultado."),
    ("We consulted no policy institutes.", "No consultamos ningún think tank."),
]


@pytest.mark.parametrize(("source", "expected"), NO_DETERMINER)
def test_a_carried_term_after_no_is_written_in_the_singular(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
    assert [t.mechanism for t in result.terms] == ["apertium-verbatim"], result.terms


RELATIVES = [
    (
        "Cyberthreats, which grow every day, are dangerous.",
        "Las ciberamenazas, las cuales crecen todos los días, son peligrosas.",
    ),
    (
        "The cyberthreat, which grows, is dangerous.",
        "La ciberamenaza, la cual crece, es peligrosa.",
    ),
    (
        "We study the cyberthreat of which we spoke.",
        "Estudiamos la ciberamenaza de la cual hablamos.",
    ),
    ("We study the cyberthreats of which we spoke.", "Estudiamos las ciberamenazas de las cuales"),
    (
        "We fight the cyberthreats, some of which are new.",
        "las ciberamenazas, algunas de las cuales",
    ),
]


@pytest.mark.parametrize(("source", "expected"), RELATIVES)
def test_el_cual_agrees_with_the_term_it_refers_to(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert expected in result.target, result.target


def test_an_unknown_plural_term_leaves_the_modal_after_it_a_verb() -> None:
    # "stakeholders" is unknown to Apertium's English analyser, and the tagger read "must"
    # after it as a noun (plain Apertium too): "La ley de mosto de las partes interesadas."
    glossary = Glossary(
        [
            Concept(
                "C1",
                all_terms=[
                    Term("stakeholder", "en"),
                    Term("parte interesada", "es", status=TermStatus.PREFERRED),
                ],
            )
        ]
    )
    engine = ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))
    first, second = engine.translate(
        ["Stakeholders must act.", "Relevant stakeholders must act."], "en", "es"
    )
    assert first.target == "Las partes interesadas tienen que obrar.", first.target
    assert second.target == "Las partes interesadas pertinentes tienen que obrar.", second.target


def test_without_no_a_carried_term_and_its_verb_stay_plural(engine: ConstrainedEngine) -> None:
    (result,) = engine.translate(["Policy institutes were consulted."], "en", "es")
    # An English compound taken as it is takes its plural on its last word ("think tanks").
    assert result.target == "Think tanks estuvieron consultados.", result.target
    assert [t.mechanism for t in result.terms] == ["apertium-verbatim"], result.terms
