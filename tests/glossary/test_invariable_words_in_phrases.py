"""A word with a plural's ending and no plural of its own ("menos", "cortafuegos",
"antidisturbios") is singular and plural alike: found as the term writes it, it goes with
either number of the other words, so "los países menos adelantados" is the plural of "país
menos adelantado" and the reverse. Only a word that is the plural of a common word
("públicas", "humanos") keeps the term's number, so "la relación públicas" is still no form
of "relaciones públicas"."""

from __future__ import annotations

import pytest

from termwise.glossary import inflection
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def found(term: str, text: str, lang: str = "es", accent_insensitive: bool = False) -> list[str]:
    glossary = Glossary([Concept("C", all_terms=[Term(term, lang)])])
    matcher = TermMatcher(glossary, lang, accent_insensitive=accent_insensitive)
    return [match.text for match in matcher.find(text)]


# (singular phrase with its article, plural phrase with its article)
_PHRASES = [
    ("el país menos adelantado", "los países menos adelantados"),
    ("el cortafuegos personal", "los cortafuegos personales"),
    ("el salvapantallas animado", "los salvapantallas animados"),
    ("el lavavajillas industrial", "los lavavajillas industriales"),
    ("el rompecabezas lógico", "los rompecabezas lógicos"),
    ("el marcapasos cardíaco", "los marcapasos cardíacos"),
    ("el parachoques delantero", "los parachoques delanteros"),
    ("el portafolios digital", "los portafolios digitales"),
    ("el sacapuntas eléctrico", "los sacapuntas eléctricos"),
    ("el material antidisturbios", "los materiales antidisturbios"),
    ("la policía antidisturbios", "las policías antidisturbios"),
    ("el beneficio antes de impuestos", "los beneficios antes de impuestos"),
]


@pytest.mark.parametrize("accent_insensitive", [False, True])
@pytest.mark.parametrize(("singular", "plural"), _PHRASES)
def test_a_phrase_with_an_invariable_word_is_found_in_both_numbers(
    singular: str, plural: str, accent_insensitive: bool
) -> None:
    singular_term = singular.split(" ", 1)[1]
    plural_term = plural.split(" ", 1)[1]
    for term in (singular_term, plural_term):
        for text, expected in ((singular, singular_term), (plural, plural_term)):
            sentence = f"Revisamos {text} ayer."
            assert found(term, sentence, accent_insensitive=accent_insensitive) == [expected], (
                term,
                text,
            )


@pytest.mark.parametrize("accent_insensitive", [False, True])
@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("relaciones públicas", "la relación públicas"),
        ("relaciones públicas", "la relaciones pública"),
        ("derechos humanos", "el derecho humanos"),
        ("naciones unidas", "la nación unidas"),
    ],
)
def test_the_plural_of_a_common_word_still_keeps_the_terms_number(
    term: str, text: str, accent_insensitive: bool
) -> None:
    assert found(term, text, accent_insensitive=accent_insensitive) == []


@pytest.mark.parametrize(
    ("word", "lang", "singular"),
    [
        ("renovables", "es", "renovable"),
        ("cables", "es", "cable"),
        ("calles", "es", "calle"),
        ("clubes", "es", "club"),
        ("dioses", "es", "dios"),
        ("rubíes", "es", "rubí"),
        ("jóvenes", "es", "joven"),
        ("relaciones", "es", "relación"),
        ("travaux", "fr", "travail"),
        ("eaux", "fr", "eau"),
        ("tuyaux", "fr", "tuyau"),
        ("journaux", "fr", "journal"),
    ],
)
def test_the_likeliest_singular_is_a_word(word: str, lang: str, singular: str) -> None:
    assert inflection.likeliest_singular(word, lang) == singular


def test_no_likeliest_singular_where_no_candidate_is_a_word() -> None:
    # The rules propose "salvapantalla" and "lavavajilla"; no writer uses them.
    assert inflection.singular_forms("salvapantallas", "es") != ()
    assert inflection.likeliest_singular("salvapantallas", "es") is None
    assert inflection.likeliest_singular("lavavajillas", "es") is None
    assert inflection.likeliest_singular("crisis", "es") is None  # no candidate at all
    assert inflection.likeliest_singular("prix", "fr") is None


def test_french_aux_plurals_have_their_au_singular() -> None:
    for plural, singular in (("eaux", "eau"), ("tuyaux", "tuyau"), ("réseaux", "réseau")):
        assert singular in inflection.singular_forms(plural, "fr")
