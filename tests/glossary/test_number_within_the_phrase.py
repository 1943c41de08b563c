"""A phrase whose words disagree in number is no form of the term: "la relación públicas"
(singular noun, plural adjective) is neither "relaciones públicas" nor its singular, though
the stems match. A plural term's word found as written counted as "either number" because
it has no plural of its own; it is the term's number where it is the plural of a common
word ("públicas" of "pública"; invariable words: test_invariable_words_in_phrases.py). And a plural term's singular is the
term even where the accent moves: "joven" of "jóvenes", "carácter" of "caracteres"."""

from __future__ import annotations

import pytest

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def found(term: str, text: str, lang: str = "es", accent_insensitive: bool = False) -> list[str]:
    glossary = Glossary([Concept("C", all_terms=[Term(term, lang)])])
    matcher = TermMatcher(glossary, lang, accent_insensitive=accent_insensitive)
    return [match.text for match in matcher.find(text)]


@pytest.mark.parametrize("accent_insensitive", [False, True])
@pytest.mark.parametrize(
    "text", ["la relación públicas", "las relación públicas", "la relaciones pública"]
)
def test_words_in_two_numbers_are_not_the_term(text: str, accent_insensitive: bool) -> None:
    assert found("relaciones públicas", text, accent_insensitive=accent_insensitive) == []


def test_either_number_as_a_whole_is_the_term() -> None:
    assert found("relaciones públicas", "las relaciones públicas") == ["relaciones públicas"]
    assert found("relaciones públicas", "la relación pública") == ["relación pública"]
    assert found("derechos humanos", "el derecho humano") == ["derecho humano"]
    assert found("derechos humanos", "el derecho humanos") == []
    assert found("relations publiques", "la relation publiques", "fr") == []
    assert found("relations publiques", "la relation publique", "fr") == ["relation publique"]


def test_an_invariable_word_still_goes_with_either_number() -> None:
    # "crisis" is singular and plural alike: "crisis financiera" is the singular.
    assert found("crisis financieras", "una crisis financiera") == ["crisis financiera"]
    assert found("crisis financiera", "las crisis financieras") == ["crisis financieras"]
    assert found("taux directeurs", "le taux directeur", "fr") == ["taux directeur"]


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("jóvenes", "joven"),
        ("orígenes", "origen"),
        ("exámenes", "examen"),
        ("regímenes", "régimen"),
        ("caracteres", "carácter"),
        ("especímenes", "espécimen"),
        ("luces", "luz"),
        ("naciones", "nación"),
    ],
)
def test_a_plural_term_is_found_in_the_singular(plural: str, singular: str) -> None:
    assert found(plural, f"Habló del {singular} ayer.") == [singular]
    assert found(singular, f"Habló de los {plural} ayer.") == [plural]


def test_singulars_are_only_spellings_the_rules_allow() -> None:
    from termwise.glossary.inflection import singular_forms

    assert "joven" in singular_forms("jóvenes", "es")
    assert "jóven" not in singular_forms("jóvenes", "es")
    assert "caractér" not in singular_forms("caracteres", "es")
    for word in ("crisis", "virus", "lunes", "mes", "paraguas"):
        assert singular_forms(word, "es") == ()
    for word in ("prix", "pays", "taux", "heureux"):
        assert singular_forms(word, "fr") == ()
    assert found("jóvenes", "el joven y la jovenes") == ["joven"]
