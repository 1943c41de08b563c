"""A term whose head noun no analyser knows still has a gender where its suffix fixes one:
"gobernanza global" had none (Apertium lacks "gobernanza", the glossary records nothing), so
MT agreement left "Todos los gobernanza global". The rule covers only the suffixes the
grammars call unambiguous, with their listed exceptions, and says where a value came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.glossary import load_glossary
from termwise.glossary.model import DataCategory, Term

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "lang", "gender"),
    [
        ("gobernanza global", "es", "feminine"),
        ("nueva gobernanza", "es", "feminine"),  # a prenominal adjective is no head
        ("relaciones públicas", "es", "feminine"),
        ("multilateralismo", "es", "masculine"),
        ("gouvernance mondiale", "fr", "feminine"),
        ("interconnexion", "fr", "feminine"),
        ("comité central", "fr", "masculine"),  # -té, listed exception
        ("image de marque", "fr", "feminine"),  # -age, listed exception
        ("silence", "fr", "masculine"),
        ("città", "it", "feminine"),
        ("globalização", "pt", "feminine"),
    ],
)
def test_the_head_suffix_gives_the_gender(text: str, lang: str, gender: str) -> None:
    fact = Term(text, lang).gender_fact
    assert fact is not None and fact.value == gender


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("desarrollo sostenible", "es"),  # -o: no rule (la mano, el problema ...)
        ("comunidad de destino", "en"),  # not a Romance term
        ("personagem", "pt"),  # either gender
        ("mismo", "es"),  # no derived noun: the stem is too short
        ("nueva era", "es"),
        ("documento de gobernanza", "es"),  # the complement's noun is no head
    ],
)
def test_no_rule_no_gender(text: str, lang: str) -> None:
    assert Term(text, lang).gender_fact is None


def test_a_recorded_gender_wins_and_says_so() -> None:
    term = Term("gobernanza global", "es")
    term.extra.append(DataCategory("termNote", "grammaticalGender", "masculine"))
    fact = term.gender_fact
    assert fact is not None and (fact.value, fact.source) == ("masculine", "glossary")
    unrecorded = Term("gobernanza global", "es").gender_fact
    assert unrecorded is not None and unrecorded.source == "suffix -anza (es)"


def test_the_rule_agrees_with_every_gender_the_curated_glossary_records() -> None:
    # The curated genders come from Apertium's analysers (scripts/record_term_grammar.py).
    from termwise.glossary.gender import head_gender

    compared = 0
    for concept in load_glossary(ROOT / "glossary").concepts:
        for term in concept.all_terms:
            predicted = head_gender(term.text, term.lang)
            if term.gender is not None and predicted is not None:
                assert predicted.value == term.gender, term.text
                compared += 1
    assert compared >= 20


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("coração artificial", "pt"),
        ("corações", "pt"),
        ("calção de banho", "pt"),
        ("tição", "pt"),
        ("cação", "pt"),
        ("comté", "fr"),
        ("karaté", "fr"),
        ("décolleté", "fr"),
        ("jeté battu", "fr"),
        ("raté", "fr"),
        ("cation", "fr"),
        ("tutù", "it"),
    ],
)
def test_the_listed_exceptions_are_masculine(text: str, lang: str) -> None:
    fact = Term(text, lang).gender_fact
    assert fact is not None and fact.value == "masculine"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("comment", "fr"),
        ("seulement", "fr"),
        ("vraiment", "fr"),
        ("notamment", "fr"),  # -amment: always an adverb
        ("économiquement", "fr"),
        ("clément", "fr"),  # an adjective
        ("sauvage", "fr"),
        ("selvagem", "pt"),
        ("porte-documents", "fr"),  # the head is "porte", no rule
        ("porte-documents en cuir", "fr"),
    ],
)
def test_no_gender_for_a_word_that_is_no_noun_of_the_suffix(text: str, lang: str) -> None:
    assert Term(text, lang).gender_fact is None


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("gouvernement mondial", "masculine"),
        ("développement durable", "masculine"),
        ("renouvellement urbain", "masculine"),
        ("liberté", "feminine"),
        ("beauté", "feminine"),
        ("station-service", "feminine"),  # the first element is the head
    ],
)
def test_french_nouns_keep_their_suffix_gender(text: str, gender: str) -> None:
    fact = Term(text, "fr").gender_fact
    assert fact is not None and fact.value == gender
