"""Lone verbs ("strive", "adhere") are told by general language's inflections, and nouns
that are verbs as well stay candidates where the text uses them as nouns."""

from __future__ import annotations

import pytest

from termwise.terms import candidates as cand
from termwise.terms.general import verb_form
from termwise.terms.scoring import FEATURES, feature_matrix
from termwise.terms.variants import StemKeys, group_frequencies


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("adhere", "en"),
        ("strive", "en"),
        ("adhering", "en"),
        ("penetrates", "en"),
        ("blended", "en"),
        ("renforcer", "fr"),
        ("renforcé", "fr"),
        ("renforcent", "fr"),
    ],
)
def test_verb_forms_of_general_language(word: str, lang: str) -> None:
    assert verb_form(word, lang)


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("turbine", "en"),
        ("turbines", "en"),
        ("blades", "en"),
        ("governance", "en"),
        ("generator", "en"),
        ("éolienne", "fr"),
        ("cavalier", "fr"),
        ("production", "fr"),
    ],
)
def test_nouns_are_no_verb_forms(word: str, lang: str) -> None:
    assert not verb_form(word, lang)


def _lone_verb(texts: list[str], lang: str) -> dict[str, bool]:
    index = cand.collect([texts], lang)
    forms = list(index.forms)
    rows = feature_matrix(index, forms, group_frequencies(index.forms, StemKeys(lang)))
    column = FEATURES.index("lone_verb")
    return {form: bool(row[column]) for form, row in zip(forms, rows, strict=True)}


def test_a_verb_the_text_uses_as_a_noun_is_no_lone_verb() -> None:
    texts = [
        "Engineers must control the speed and adhere to the limits.",
        "The control of the rotor is simple.",
        "They adhere to it.",
    ]
    lone = _lone_verb(texts, "en")
    assert lone["adhere"]
    # "the control": a noun here, whatever general language does with it.
    assert not lone["control"]
