"""``split_prefix``: a compound of a noun prefix and a word in use, split into the two
("ciberamenazas": "ciber" + "amenazas"), so that the compound can be inflected and given a
gender as its word is; nothing else is split."""

from __future__ import annotations

import pytest

from termwise.glossary.inflection import split_prefix


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("ciberamenazas", "es", ("ciber", "amenazas")),
        ("nanoestación", "es", ("nano", "estación")),
        ("microplástico", "es", ("micro", "plástico")),
        ("cyberattaques", "fr", ("cyber", "attaques")),
        ("microplastique", "fr", ("micro", "plastique")),
        # What follows the prefix is no word in use, or too short to be one.
        ("autorretratos", "es", None),
        ("autores", "es", None),
        ("ecoembes", "es", None),
        ("automne", "fr", None),
        # No prefix of the list, or a language without one.
        ("antidisturbios", "es", None),
        ("ciberamenazas", "de", None),
    ],
)
def test_a_compound_splits_into_its_prefix_and_its_word(
    word: str, lang: str, expected: tuple[str, str] | None
) -> None:
    assert split_prefix(word, lang) == expected
