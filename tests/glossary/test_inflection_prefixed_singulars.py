"""The singular of a rare compound of a noun prefix and a word ("ciberamenazas": "ciber" +
"amenazas") is the prefix and the word's singular: wordfreq knows the plural but not
"ciberamenaza", so a plural term made singular for one occurrence stayed plural ("una
ciberamenazas"). Only prefixes that join a whole noun into a noun count, and only where the
word after the prefix is one wordfreq knows with its singular: no word is made up."""

from __future__ import annotations

import pytest

from termwise.glossary import inflection
from termwise.mt.constrained.plan import singularised


@pytest.mark.parametrize(
    ("plural", "lang", "singular"),
    [
        ("ciberamenazas", "es", "ciberamenaza"),
        ("nanopartículas", "es", "nanopartícula"),
        ("microplásticos", "es", "microplástico"),
        ("ciberdelincuentes", "es", "ciberdelincuente"),
        ("nanomateriales", "es", "nanomaterial"),
        ("microparticules", "fr", "microparticule"),
        ("nanomatériaux", "fr", "nanomatériau"),
        ("microplastiques", "fr", "microplastique"),
    ],
)
def test_a_prefixed_compound_takes_its_words_singular(
    plural: str, lang: str, singular: str
) -> None:
    # Known as a plural, its singular unseen: wordfreq alone says nothing.
    assert inflection.zipf(plural, lang) >= inflection.KNOWN_ZIPF
    assert inflection.zipf(singular, lang) < inflection.KNOWN_ZIPF
    assert inflection.likeliest_singular(plural, lang) == singular


@pytest.mark.parametrize(
    "word",
    [
        # "anti" also makes invariable adjectives of a plural noun ("material antidisturbios").
        "antidisturbios",
        # "eco" + "embes": no word after the prefix, though the rules would give "ecoemb".
        "ecoembes",
        # No prefix at all: an invariable compound of verb and noun.
        "salvapantallas",
    ],
)
def test_no_singular_is_made_up_for_other_words(word: str) -> None:
    assert inflection.likeliest_singular(word, "es") is None


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("ciberamenazas persistentes", "ciberamenaza persistente"),
        ("nanopartículas de plata", "nanopartícula de plata"),
    ],
)
def test_a_plural_term_with_a_prefixed_head_is_made_singular(plural: str, singular: str) -> None:
    assert singularised(plural, "es") == singular
