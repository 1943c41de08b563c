"""Glossary-constrained Apertium (run for real): a coordinating conjunction where a new
subject starts ends a clause, so the noun after a term that its clause needs as its verb is
still read as one, whatever verb the other clause has ("The economy grows and global
governance matters."). Where "and" may join two noun phrases, the compound stays."""

from __future__ import annotations

import pytest

from support.constrained_apertium import curated_apertium_engine
from termwise.mt.constrained.engine import ConstrainedEngine


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return curated_apertium_engine()


# Each lost its verb to the other clause's: "La economía crece y asuntos de gobernanza
# global.", "Los asuntos de gobernanza global y el comercio crece."
COORDINATED = [
    (
        "The economy grows and global governance matters.",
        "La economía crece y la gobernanza global importa.",
    ),
    (
        "The economy grows, and global governance matters.",
        "La economía crece, y la gobernanza global importa.",
    ),
    (
        "The economy grows but global governance matters.",
        "La economía crece pero la gobernanza global importa.",
    ),
    (
        "The economy is strong and global governance matters.",
        "La economía es fuerte y la gobernanza global importa.",
    ),
    (
        "Trade grows and communities of human destiny matter.",
        "El comercio crece y las comunidades de futuro compartido de la humanidad importan.",
    ),
    (
        "Trade grows and the community with a shared future for mankind matters.",
        "El comercio crece y la comunidad de futuro compartido de la humanidad importa.",
    ),
    (
        "Global governance matters and trade grows.",
        "La gobernanza global importa y el comercio crece.",
    ),
    (
        "Common prosperity increases and trade grows.",
        "La prosperidad común aumenta y el comercio crece.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), COORDINATED)
def test_a_coordinated_clause_has_its_own_verb(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target


def test_and_between_two_noun_phrases_keeps_the_compound(engine: ConstrainedEngine) -> None:
    # "trade and global governance matters" may be what was discussed: nothing says a new
    # subject starts, so the compound stays as it was.
    (result,) = engine.translate(["We discussed trade and global governance matters."], "en", "es")
    assert result.target == "Hablamos comercio y asuntos de gobernanza global.", result.target
