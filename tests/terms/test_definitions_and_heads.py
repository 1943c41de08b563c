"""Abbreviations defined with hyphens, plurals and accents (Schwartz–Hearst matching), and the
fragment veto that spares a phrase keeping its head ("wind turbine" inside
"horizontal-axis wind turbine")."""

from __future__ import annotations

import pytest

from termwise.terms.candidates import collect
from termwise.terms.extract import extract_terms, segments_document
from termwise.terms.model import load_combiner
from termwise.terms.scoring import feature_matrix
from termwise.terms.variants import StemKeys, find_abbreviations, group_frequencies


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        (
            "Most machines are horizontal-axis wind turbines (HAWTs), facing the wind.",
            "hawts",
            "horizontal-axis wind turbines",
        ),
        (
            "Power goes ashore by high-voltage direct current (HVDC) cables.",
            "hvdc",
            "high-voltage direct current",
        ),
        (
            "Many use doubly-fed induction generators (DFIGs) today.",
            "dfigs",
            "doubly-fed induction generators",
        ),
        ("Samples of deoxyribonucleic acid (DNA) were taken.", "dna", "deoxyribonucleic acid"),
    ],
)
def test_an_abbreviation_spelled_inside_hyphenated_words_is_defined(
    text: str, short: str, long: str
) -> None:
    assert find_abbreviations([text], "en") == {short: long}


def test_a_french_abbreviation_drops_the_accents_of_its_expansion() -> None:
    found = find_abbreviations(["On installe des éoliennes à axe horizontal (EAH) en mer."], "fr")
    assert found == {"eah": "éoliennes à axe horizontal"}


def test_spelling_does_not_define_what_the_words_do_not_spell() -> None:
    assert find_abbreviations(["It rose (AB) sharply."], "en") == {}
    # "SCADA" has letters no word before it gives in order.
    assert find_abbreviations(["Data come from the turbine (SCADA) logs."], "en") == {}
    # The initials still win where they match, and still extend to the whole name.
    found = find_abbreviations(
        ["as Fund Manager to the Baltic Sea Region Testing Ground Facility (TGF) in 2004"], "en"
    )
    assert found == {"tgf": "baltic sea region testing ground facility"}


def test_a_hyphenated_definition_groups_its_forms_in_a_short_text() -> None:
    text = (
        "Most modern machines are horizontal-axis wind turbines (HAWTs), whose rotor faces "
        "the wind. HAWTs dominate the market, and each of the HAWTs has three blades. "
        "Power is carried to shore by high-voltage direct current (HVDC) cables; HVDC "
        "links lose little power."
    )
    candidates = extract_terms([segments_document([("s1", text)], "en")], "en").candidates
    groups = {frozenset(c.forms) for c in candidates}
    assert any({"hawts", "horizontal-axis wind turbines"} <= group for group in groups)
    assert any({"hvdc", "high-voltage direct current"} <= group for group in groups)


def _probabilities(texts: list[str], lang: str) -> dict[str, float]:
    index = collect([texts], lang)
    forms = list(index.forms)
    rows = feature_matrix(index, forms, group_frequencies(index.forms, StemKeys(lang)))
    probability = load_combiner(lang).probabilities(rows)
    return dict(zip(forms, (float(p) for p in probability), strict=True))


def test_a_phrase_that_keeps_its_head_is_not_vetoed_as_a_fragment() -> None:
    # "wind turbine" stands only inside "horizontal-axis wind turbine(s)": it lacks a
    # modifier, not its head, and is a term of its own; "horizontal-axis wind" lacks the
    # head and is a fragment.
    texts = [
        f"The horizontal-axis wind {noun} {verb} the rotor blade."
        for noun, verb in [
            ("turbine", "turns"),
            ("turbines", "need"),
            ("turbine", "carries"),
            ("turbines", "hold"),
        ]
    ]
    probability = _probabilities(texts, "en")
    assert probability["wind turbine"] > 0.0
    assert probability["horizontal-axis wind"] == 0.0


def test_french_heads_come_first() -> None:
    texts = [
        "On règle l'angle de calage des pales du rotor.",
        "L'angle de calage des pales change avec le vent.",
        "Un angle de calage des pales trop grand freine le rotor.",
    ]
    probability = _probabilities(texts, "fr")
    # "angle de calage" keeps its head ("angle"); "calage des pales" lost it.
    assert probability["angle de calage"] > 0.0
    assert probability["calage des pales"] == 0.0
