"""Termhood features that tell kinds of candidates apart."""

from __future__ import annotations

from termwise.terms.candidates import collect
from termwise.terms.scoring import FEATURES, feature_matrix


def _features(text: str, lang: str, forms: list[str]) -> dict[str, dict[str, float]]:
    index = collect([[text]], lang)
    rows = feature_matrix(index, forms, {})
    return {
        form: dict(zip(FEATURES, map(float, row), strict=True))
        for form, row in zip(forms, rows, strict=True)
    }


def test_features_look_through_a_number_between_words() -> None:
    text = "Patients with type 2 diabetes saw the V80 turbine and type diabetes."
    found = _features(text, "en", ["type 2 diabetes", "type diabetes", "v80 turbine"])
    assert found["type 2 diabetes"]["has_digit"] == 0.0
    assert found["v80 turbine"]["has_digit"] == 1.0
    for name in ("spec_min", "general_max", "short_word", "bias_2words"):
        assert found["type 2 diabetes"][name] == found["type diabetes"][name], name


def test_a_known_name_keeps_its_general_frequency_as_a_name_clue() -> None:
    text = "Our riders in Germany train. The germany of it. Some riders in Germany rest."
    found = _features(text, "en", ["germany", "riders"])
    # Two of three occurrences capitalised, times the Zipf frequency of "germany" (about 4).
    assert found["germany"]["one_word_name_general"] > 2.0
    assert found["riders"]["one_word_name_general"] == 0.0
    assert found["germany"]["first_after_place"] > 0.5
