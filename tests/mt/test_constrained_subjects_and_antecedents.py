"""Glossary-constrained Apertium (run for real): a plural term of a singular source phrase
("data": "datos") makes plural only the verb it is the subject of; "el cual" after a term
that is another noun's complement agrees with the noun the English clause's number points
to; a relative's own verb agrees with it; a loan compound takes its plural on its last word
("think tanks"); a term made singular by transfer after "no" is singular throughout."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints, pluralised

_PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")
_MASCULINE = DataCategory("termNote", "grammaticalGender", "masculine")


def _engine(*concepts: tuple[str, str, list[DataCategory]]) -> ConstrainedEngine:
    glossary = Glossary(
        [
            Concept(
                f"C{number}",
                all_terms=[
                    Term(source, "en"),
                    Term(target, "es", status=TermStatus.PREFERRED, extra=extra),
                ],
            )
            for number, (source, target, extra) in enumerate(concepts)
        ]
    )
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return _engine(
        ("data", "datos", [_PLURAL, _MASCULINE]),
        ("cyberthreat", "ciberamenaza", []),
        ("think tank", "think tank", [_MASCULINE]),
    )


NOT_SUBJECTS = [
    ("The minister who leaked data is gone.", " está ido."),
    ("A company that sells data was fined.", " estuvo multado."),
    ("Collecting data is expensive.", " los datos es "),
    ("The man who owns the data was fined.", " estuvo multado."),
    ("The report on data is late.", " es tarde."),
]


@pytest.mark.parametrize(("source", "expected"), NOT_SUBJECTS)
def test_a_plural_term_that_is_no_subject_leaves_the_verb_singular(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert expected in result.target, result.target


SUBJECTS = [
    ("Data is collected.", "Los datos están recogidos."),
    ("Big data is changing the economy.", " están cambiando "),
    ("The data shows that the economy is growing.", "Los datos asoman "),
    ("If data is missing, we stop.", "Si los datos faltan, "),
    ("We ask whether data exists.", "si los datos existen."),
    ("Where data is missing, we stop.", " los datos faltan, "),
    ("Data was lost and data is missing.", " y los datos faltan."),
]


@pytest.mark.parametrize(("source", "expected"), SUBJECTS)
def test_a_plural_term_that_opens_its_clause_makes_its_verb_plural(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert expected in result.target, result.target


ANTECEDENTS = [
    # "which is" after a plural term: the head noun is the antecedent.
    ("The cost of cyberthreats, which is high, worries the government.", "amenazas, el cual es"),
    ("The loss of cyberthreats, which is rare, is good.", "ciberamenazas, la cual es rara"),
    ("The number of cyberthreats, of which many are new, is rising.", "de las cuales muchas son"),
    ("Cyberthreats, which grow every day, are dangerous.", "Las ciberamenazas, las cuales"),
    ("Most cyberthreats, some of which are new, are known.", "algunas de las cuales son"),
]


@pytest.mark.parametrize(("source", "expected"), ANTECEDENTS)
def test_el_cual_after_a_complement_agrees_with_the_noun_its_clause_points_to(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert expected in result.target, result.target


def test_a_complement_of_the_same_number_leaves_el_cual_as_transfer_made_it() -> None:
    engine = _engine(("economic globalization", "globalización económica", []))
    (result,) = engine.translate(
        ["The future of economic globalization, which is uncertain, worries the government."],
        "en",
        "es",
    )
    assert "globalización económica, el cual es incierto" in result.target, result.target


def test_the_verb_of_a_relative_agrees_with_it(engine: ConstrainedEngine) -> None:
    (result,) = engine.translate(["Data, which was lost, matters."], "en", "es")
    assert "los cuales estuvieron perdidos" in result.target, result.target


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Think tanks must act.", "Los think tanks tienen que obrar."),
        ("Think tanks are influential.", "Los think tanks son influyentes."),
    ],
)
def test_a_loan_compound_takes_its_plural_on_its_last_word(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target


def test_a_carried_loan_compound_takes_its_plural_on_its_last_word() -> None:
    engine = _engine(("think tank", "think tank", []))  # no gender: carried verbatim
    (result,) = engine.translate(["Think tanks must act."], "en", "es")
    assert result.target == "Think tanks tienen que obrar.", result.target


def test_a_spanish_noun_phrase_keeps_its_head_first_plural() -> None:
    assert pluralised("think tank", "es") == "think tanks"
    assert pluralised("política exterior", "es") == "políticas exteriores"


def test_a_plural_term_made_singular_after_no_is_singular_throughout() -> None:
    engine = _engine(("stakeholders", "partes interesadas", [_PLURAL]))
    (result,) = engine.translate(["No stakeholders were consulted."], "en", "es")
    assert result.target == "Ninguna parte interesada estuvo consultada.", result.target
