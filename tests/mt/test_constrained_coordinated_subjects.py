"""Glossary-constrained Apertium (run for real) with the curated glossary: a term that is the
second of two subjects joined by "and" keeps the sentence's verb, in the plural ("Trade and
global governance matter" came out "Comercio y asunto de gobernanza global"), and a compound
subject at the start of a clause joined by "and" takes its article there as at the start of
a sentence ("China crece y reformas de gobernanza global …" lacked "las")."""

from __future__ import annotations

import pytest

from support.constrained_apertium import curated_apertium_engine
from termwise.mt.constrained.engine import ConstrainedEngine


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return curated_apertium_engine()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Trade and global governance matter.",
            "El comercio y la gobernanza global importan.",
        ),
        (
            "Trade and the community of human destiny matter.",
            "El comercio y la comunidad de futuro compartido de la humanidad importan.",
        ),
        # Where the source has the singular, it stays.
        (
            "Trade and global governance matters.",
            "El comercio y la gobernanza global importa.",
        ),
    ],
)
def test_the_second_of_two_subjects_keeps_a_plural_verb(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "China grows and global governance reforms must continue.",
            "China crece y las reformas de gobernanza global tienen que continuar.",
        ),
        (
            "The economy grows, and global governance reforms continue.",
            "La economía crece, y las reformas de gobernanza global continúan.",
        ),
        # "And" between two objects opens no clause: no article is made up there.
        (
            "We discussed trade and global governance reforms.",
            "Hablamos comercio y reformas de gobernanza global.",
        ),
    ],
)
def test_a_compound_subject_after_and_takes_its_article(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target


def test_two_objects_joined_by_and_stay_nouns(engine: ConstrainedEngine) -> None:
    # The seed paper's fragment has no finite verb: the plural reading made "reform" one
    # ("promover el sistema internacional y la gobernanza global reforman").
    (result,) = engine.translate(
        ["Efforts to promote the international system and global governance reform."], "en", "es"
    )
    assert "y reforma de gobernanza global" in result.target, result.target
