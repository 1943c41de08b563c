"""A term matches no adjective that merely shares its Snowball stem, nor its other gender
where that gender is a word of its own.

Snowball strips adjective suffixes as it strips noun suffixes: Spanish "productivo" and
"producto", "objetivo" and "objeto", French "directif" and "directive", English "directive"
and "direct" shared a stem, and so did the genders "político" and "política" (policy), which
a translator keeps apart where the feminine is the term's head. A masculine head (a person,
an adjective term) matches both genders; plurals still match, and an adjective after the
head in either gender (it may modify another noun).
"""

from __future__ import annotations

import pytest

from support.term_matching import found_term


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("es", "política", "El político y los políticos."),
        ("es", "técnica", "El técnico."),
        ("es", "producto", "Un sector productivo."),
        ("es", "objetivo", "El objeto."),
        ("es", "objeto", "Los objetivos."),
        ("es", "directiva", "Un cargo directivo."),
        ("es", "iniciativa", "El inicio."),
        ("es", "crítica", "Él critica todo."),
        ("es", "política económica", "El político económico."),
        ("fr", "économie", "La politique économique."),
        ("fr", "directive", "Un style directif."),
        ("en", "directive", "Be direct."),
        ("en", "product", "A productive day."),
        ("en", "objective", "Two objects."),
    ],
)
def test_a_term_matches_no_adjective_of_its_stem(lang: str, term: str, text: str) -> None:
    assert found_term(lang, term, text) == []


@pytest.mark.parametrize(
    ("lang", "term", "text", "found"),
    [
        ("es", "política", "Las políticas.", ["políticas"]),
        ("es", "técnico", "Los técnicos.", ["técnicos"]),
        (
            "es",
            "crecimiento económico",
            "Los crecimientos económicos.",
            ["crecimientos económicos"],
        ),
        ("es", "política pública", "Las políticas públicas.", ["políticas públicas"]),
        ("es", "aplicar", "Se aplica.", ["aplica"]),
        # An adjective after the head may agree with another noun.
        ("es", "desarrollo pacífico", "Una ruta de desarrollo pacífica.", ["desarrollo pacífica"]),
        ("es", "rico", "Los ricos.", ["ricos"]),
        ("fr", "politique économique", "Les politiques économiques.", ["politiques économiques"]),
        ("fr", "directive", "Les directives.", ["directives"]),
        ("fr", "objectif", "Les objectifs.", ["objectifs"]),
        ("en", "directive", "Two directives.", ["directives"]),
    ],
)
def test_plurals_and_phrases_still_match(lang: str, term: str, text: str, found: list[str]) -> None:
    assert found_term(lang, term, text) == found


def test_without_accents_a_short_adjective_keeps_both_genders() -> None:
    # The stress mark is what tells "técnica" from the verb's "aplica"; ignoring accents,
    # only a suffix the stemmer takes off whole is keyed apart.
    assert found_term("es", "técnica", "El tecnico.", accent_insensitive=True) == ["tecnico"]
    assert found_term("es", "política", "El politico.", accent_insensitive=True) == []


@pytest.mark.parametrize(
    ("lang", "term", "text", "found"),
    [
        # An audit of the first version: a masculine head kept its gender too, and adjective
        # terms and persons lost their feminine.
        ("es", "estratégico", "Una visión estratégica.", ["estratégica"]),
        ("es", "pacífico", "Una solución pacífica.", ["pacífica"]),
        ("es", "ejecutivo", "La rama ejecutiva.", ["ejecutiva"]),
        ("es", "médico de familia", "La médica de familia.", ["médica de familia"]),
        ("fr", "exécutif", "La branche exécutive.", ["exécutive"]),
    ],
)
def test_a_masculine_head_matches_both_genders(
    lang: str, term: str, text: str, found: list[str]
) -> None:
    assert found_term(lang, term, text) == found
