"""One list of the languages that put a noun phrase's head first, read by term discovery and
the constrained MT alike.

Term discovery kept two lists (``variants``: French, Spanish, Portuguese, Italian; the
scoring: French alone) and the constrained MT a third, fuller one. Spanish term discovery
read "energía eólica marina" as English, its head last: "energía eólica" lost its head
inside it and "eólica marina" kept one. The combiner's own head features still read French
alone head first, as its models learnt them (``scoring.COMBINER_HEAD_FIRST``;
``test_spanish_noun_adjective_terms``).
"""

from __future__ import annotations

import pytest

from termwise import languages
from termwise.terms import candidates as cand
from termwise.terms.scoring import fragment_shares
from termwise.terms.variants import StemKeys, build_groups, find_abbreviations


@pytest.mark.parametrize("tag", ["fr", "es", "pt-BR", "it", "ca", "gl", "ro", "oc", "an", "ast"])
def test_romance_languages_put_the_head_first(tag: str) -> None:
    assert languages.puts_head_first(tag)


@pytest.mark.parametrize("tag", ["en", "en-GB", "de", "zh", "zh-Hant", "ja", "nl"])
def test_english_german_and_chinese_put_it_last(tag: str) -> None:
    assert not languages.puts_head_first(tag)


SPANISH = [
    "La energía eólica marina crece.",
    "Los expertos estudian la energía eólica marina en Europa.",
    "El coste de la energía eólica marina baja.",
    "La energía eólica marina necesita puertos.",
    "La energía eólica marina y la red.",
    "Un informe sobre la energía eólica marina.",
    "La energía eólica marina es cara.",
    "La energía eólica es barata.",
]


def test_a_spanish_phrase_keeps_its_head_where_a_modifier_is_added_after_it() -> None:
    """``headless_share``: the share of a form's uses inside a longer candidate that adds a
    word on its head's side, which a fragment has near 1."""
    _, headless = fragment_shares(cand.collect([SPANISH], "es"))
    # "energía eólica marina" adds a modifier after "energía eólica": its head stays.
    assert headless["energía eólica"] < 0.5
    # "eólica marina" stands after "energía", its head, in every use: a fragment.
    assert headless["eólica marina"] == 1.0


def test_french_reads_as_before() -> None:
    french = [f"{start} le parc éolien marin." for start in ("Voici", "Nous visitons", "Il y a")]
    _, headless = fragment_shares(cand.collect([[*french, "Voici le parc éolien."]], "fr"))
    assert headless.get("parc éolien", 0.0) < 0.5
    assert headless["éolien marin"] == 1.0


def test_a_catalan_text_keeps_the_english_abbreviation_of_its_term() -> None:
    """Catalan, like French, writes the English abbreviation of a term whose words it puts
    in the other order: "punt de potència màxima (MPP)", maximum power point."""
    found = find_abbreviations(["El seguiment del punt de potència màxima (MPP) funciona."], "ca")
    assert found == {"mpp": "punt de potència màxima"}


def _groups(sentences: list[str], lang: str, seeds: list[str]) -> list[set[str]]:
    index = cand.collect([sentences], lang)
    return [set(group.forms) for group in build_groups(index.forms, StemKeys(lang), seeds=seeds)]


def test_a_spanish_term_drops_a_modifier_after_its_head() -> None:
    """Rule 5 of the variant groups: a short form the text uses once alone, and seven times
    inside one longer term, names it ("destiny community" of "human destiny community"). A
    Spanish term drops the modifier after its head, not before it."""
    openings = ["Hablamos de", "Los expertos estudian", "El coste de", "Todo depende de"]
    openings += ["Los puertos y", "Un informe sobre", "Otro informe sobre"]
    spanish = [f"{start} la energía eólica marina." for start in openings]
    spanish.append("Hablamos de la energía eólica.")
    assert _groups(spanish, "es", ["energía eólica marina", "energía eólica"]) == [
        {"energía eólica", "energía eólica marina"}
    ]
