"""same-as-source tells acronyms from words set in capitals by the source language's
Hunspell dictionary (wordfreq folds case: "US" is "us" to it), whatever their length; and a
Roman numeral after a capitalised word is a label, as a number is ("Chapter IV")."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from termwise.checks import CheckConfig, run_checks
from termwise.checks.spelling import find_dictionary

from .documents import build_document

ONLY = CheckConfig(enabled_only=frozenset({"same-as-source"}))


def flagged(sources: Sequence[str], targets: Sequence[str], lang: str = "en") -> list[str]:
    """The sources whose target same-as-source reports, from ``lang`` into Spanish."""
    document = build_document(sources, lang)
    mapping = {f"s{i + 1}": target for i, target in enumerate(targets)}
    issues = run_checks(document, None, target_lang="es", targets=mapping, config=ONLY)
    return [sources[int(issue.segment_id[1:]) - 1] for issue in issues]


def test_acronyms_are_told_from_words_in_capitals_by_the_dictionary() -> None:
    # "UK", "TV", "US" are frequent as words to wordfreq; "UNESCO" has six capitals; "MENU"
    # and "SHOP" are rare enough to pass for acronyms by frequency alone.
    # "DC" is listed both ways, its lower-case form rare; "II" is a numeral.
    acronyms = ["UK", "TV", "US", "EU", "UN", "NATO", "UNESCO", "USB", "ISO", "DC", "II"]
    words = ["MENU", "SHOP", "PRODUCTS", "ABOUT US", "NOW"]
    cells = acronyms + words
    assert flagged(cells, cells) == words


@pytest.mark.skipif(
    find_dictionary("it") is not None, reason="needs a language without a Hunspell dictionary"
)
def test_without_a_dictionary_frequency_and_length_decide() -> None:
    # Italian (README command (b) installs no Italian dictionary): wordfreq alone says
    # "chi siamo" (who we are) is common words, "sostenibilità" too long for an acronym.
    cells = ["UNESCO", "CHI SIAMO", "SOSTENIBILITÀ"]
    assert flagged(cells, cells, "it") == ["CHI SIAMO", "SOSTENIBILITÀ"]


def test_a_roman_numeral_after_a_capitalised_word_is_a_label() -> None:
    sources = [
        "The details are in Chapter IV and the maps in Part II.",
        "Chapter IV",
        "Part II",
        "Our office in Washington DC is open.",
        "Washington DC",
    ]
    targets = [
        "Los detalles están en el capítulo IV y los mapas en la parte II.",
        "Chapter IV",
        "Part II",
        "Nuestra oficina en Washington DC está abierta.",
        "Washington DC",
    ]
    # A heading "Chapter IV" left in English is untranslated, as "Chapter 3" is; "DC" is
    # no chapter's numeral, so "Washington" stays the name the text makes it.
    assert flagged(sources, targets) == ["Chapter IV", "Part II"]
