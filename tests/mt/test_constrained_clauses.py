"""Glossary-constrained Apertium (run for real): the verb of a subordinate or relative
clause is not the main clause's, so the noun after a term that the sentence needs as its
verb is still read as one ("Economic globalization drives growth that must be shared.");
a modal of the term's own clause still keeps the noun after it a noun ("Global governance
reforms must continue.")."""

from __future__ import annotations

import pytest

from support.constrained_apertium import curated_apertium_engine
from termwise.mt.constrained.engine import ConstrainedEngine


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return curated_apertium_engine()


# Each garbled by a verb in the clause after the noun: a modal since 1de1528 ("El
# crecimiento de paseos de la globalización económica que tiene que ser compartido."), any
# other verb before it ("Los asuntos de gobernanza global porque los países son socios.").
AFTER = [
    (
        "Economic globalization drives growth that must be shared.",
        "La globalización económica conduce crecimiento que tiene que ser compartido.",
    ),
    (
        "Economic globalization drives growth that we must share.",
        "La globalización económica conduce crecimiento que tenemos que compartir.",
    ),
    (
        "Global governance matters because countries must act together.",
        "La gobernanza global importa porque los países tienen que obrar juntos.",
    ),
    (
        "Economic globalization drives growth that is shared.",
        "La globalización económica conduce crecimiento que está compartido.",
    ),
    (
        "Global governance matters because countries are partners.",
        "La gobernanza global importa porque los países son socios.",
    ),
    (
        "Economic globalization drives growth, which is shared.",
        "La globalización económica conduce crecimiento, el cual está compartido.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), AFTER)
def test_a_verb_in_a_later_clause_leaves_the_noun_the_verb(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target


def test_a_verb_in_a_clause_before_the_term_is_not_its_clauses(
    engine: ConstrainedEngine,
) -> None:
    # A fronted clause closed by a comma, and a main clause before "that": neither holds
    # the verb of the term's clause ("Porque los países tienen que obrar, asuntos de
    # gobernanza global."; "Sabemos que asuntos de gobernanza global.").
    fronted, modal, that = engine.translate(
        [
            "Because countries are partners, global governance matters.",
            "Because countries must act, global governance matters.",
            "We know that global governance matters.",
        ],
        "en",
        "es",
    )
    assert fronted.target == "Porque los países son socios, la gobernanza global importa."
    assert modal.target == "Porque los países tienen que obrar, la gobernanza global importa."
    assert that.target == "Sabemos que la gobernanza global importa.", that.target


def test_the_main_clauses_verb_after_a_clause_keeps_the_noun_a_noun(
    engine: ConstrainedEngine,
) -> None:
    # The clause's own verb is passed over, the main clause's after it counts: "reforms"
    # is the subject's noun, "must" the verb.
    must, between, relative = engine.translate(
        [
            "Global governance reforms must continue.",
            "Global governance reforms, although they are slow, must continue.",
            "Common prosperity goals matter because countries must act.",
        ],
        "en",
        "es",
    )
    assert must.target == "Las reformas de gobernanza global tienen que continuar."
    assert between.target.startswith("Las reformas de gobernanza global, "), between.target
    assert relative.target == (
        "Los goles de prosperidad común importan porque los países tienen que obrar."
    ), relative.target


def test_a_preposition_tagged_as_a_conjunction_opens_no_clause(
    engine: ConstrainedEngine,
) -> None:
    # Apertium's tagger reads "as well as" and "before 2020" as conjunctions: read as
    # clauses, "reforms" would lose its verb and become one ("La gobernanza global
    # reforma así como…").
    results = engine.translate(
        [
            "Global governance reforms as well as trade must continue.",
            "Global governance reforms before 2020 must continue.",
        ],
        "en",
        "es",
    )
    for result in results:
        assert result.target.startswith("Las reformas de gobernanza global "), result.target
