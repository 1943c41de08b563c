"""Glossary-constrained Apertium (run for real): a gerund or an infinitive before "and" is
the object of the verb before it, not the end of a clause, so a compound noun after "and"
keeps its head ("…y reformas de gobernanza global", not "…y la gobernanza global reforma");
a finite verb before "and" still ends a clause."""

from __future__ import annotations

import pytest

from support.constrained_apertium import curated_apertium_engine
from termwise.mt.constrained.engine import ConstrainedEngine


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return curated_apertium_engine()


# Each once made the compound's head a verb: "y la gobernanza global reforma", "y la
# gobernanza global estudia", "y la prosperidad común programa", "y el desarrollo pacífico
# proyecta".
GERUND_OBJECTS = [
    (
        "The project needs funding and global governance reforms.",
        "El proyecto necesita financiar y reformas de gobernanza global.",
    ),
    (
        "We enjoy reading and global governance studies.",
        "Gozamos leer y estudios de gobernanza global.",
    ),
    (
        "She likes swimming and common prosperity programs.",
        "Le gusta nadar y programas de prosperidad común.",
    ),
    (
        "The plan covers training and peaceful development projects.",
        "El plan cubre entrenar y proyectos de desarrollo pacífico.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), GERUND_OBJECTS)
def test_a_compound_after_a_gerund_and_and_keeps_its_head(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "The economy grows and global governance matters.",
            "La economía crece y la gobernanza global importa.",
        ),
        (
            "Cities keep growing and global governance needs change.",
            "Las ciudades siguen creciendo y la gobernanza global necesita cambio.",
        ),
    ],
)
def test_a_finite_verb_before_and_still_ends_a_clause(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
