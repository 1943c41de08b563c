"""A compound of a noun prefix and a noun ("nanocage": "nano" + "cage") takes its noun's
gender: a French noun in -age that the grammars list as feminine ("cage", "image", "plage")
keeps that gender behind a prefix, where the suffix rule alone made "nanocage" masculine."""

from __future__ import annotations

import pytest

from termwise.glossary.gender import FEMININE, MASCULINE
from termwise.glossary.model import Term


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("nanocage", "exception 'cage'"),
        ("nanocages", "exception 'cages'"),
        ("bioimage médicale", "exception 'image'"),
        ("microplages", "exception 'plages'"),
    ],
)
def test_a_prefixed_compound_keeps_its_nouns_listed_gender(text: str, source: str) -> None:
    # -age makes French nouns masculine, but not "cage", "image", "plage": the rule gave
    # "nanocage" masculine ("le nanocage").
    fact = Term(text, "fr").gender_fact
    assert fact is not None and (fact.value, fact.source) == (FEMININE, source), fact


@pytest.mark.parametrize(
    ("text", "lang", "gender"),
    [
        # The suffix rule reads the compound as before: its ending is its noun's.
        ("nanoestaciones", "es", FEMININE),
        ("telecomunicaciones", "es", FEMININE),
        ("cyberharcèlement", "fr", MASCULINE),
        ("télétravail", "fr", None),
        # A prefixed noun without a rule still has none from here (an analyser may know it).
        ("ciberamenazas", "es", None),
    ],
)
def test_a_prefixed_compound_without_a_listed_noun_keeps_the_suffix_rule(
    text: str, lang: str, gender: str | None
) -> None:
    fact = Term(text, lang).gender_fact
    assert (fact.value if fact is not None else None) == gender, fact
