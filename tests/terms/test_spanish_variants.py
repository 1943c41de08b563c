"""Spanish variant groups join the inflections of one word, not words sharing a stem.

An audit found ``comunidad [común; comunes; comunicación; comunidades; comunistas]`` and
``humanidad [humano; humana; humanos; humanas; humanidades]``: the Snowball stem ("comun",
"human") cuts derivational suffixes too.
"""

from __future__ import annotations

import pytest

from termwise.terms.extract import extract_terms, segments_document
from termwise.terms.variants import StemKeys


@pytest.mark.parametrize(
    "forms",
    [
        ["comunidad", "comunidades"],
        ["común", "comunes"],
        ["comunicación", "comunicaciones"],
        ["comunista", "comunistas"],
        ["humanidad", "humanidades"],
        ["humano", "humana", "humanos", "humanas"],
        ["nación", "naciones"],
        ["joven", "jóvenes"],
        ["clase", "clases"],
        ["mes", "meses"],
        ["país", "países"],
        ["luz", "luces"],
        ["interés", "intereses"],
        ["turbina de viento", "turbinas de viento"],
        ["mentalidad de guerra fría", "mentalidades de guerra fría"],
        ["país vecino", "países vecinos"],
    ],
)
def test_inflections_share_a_key(forms: list[str]) -> None:
    keys = StemKeys("es")
    assert len({keys.key(form) for form in forms}) == 1


def test_words_sharing_a_stem_do_not() -> None:
    keys = StemKeys("es")
    words = ["comunidad", "común", "comunicación", "comunista", "humanidad", "humano"]
    assert len({keys.key(word) for word in words}) == len(words)


def test_other_languages_keep_their_keys() -> None:
    """English and French by their own rules, German by its Snowball stem, as before."""
    assert StemKeys("en").key("destiny communities") == "destiny community"
    assert StemKeys("fr").key("réseaux électriques") == "réseau électrique"
    german = StemKeys("de")
    assert german.key("Gemeinschaften") == german.key("Gemeinschaft")
    assert german.key("menschheit") != german.key("menschlich")


def test_a_spanish_group_holds_one_word_s_forms() -> None:
    texts = [
        "La comunidad internacional y las comunidades locales trabajan juntas.",
        "El bien común y los intereses comunes de la comunidad importan.",
        "La comunicación entre las comunidades mejora la comunidad.",
        "Los partidos comunistas hablan de la comunidad y de la comunicación.",
        "La humanidad comparte un destino humano y una historia humana.",
        "Los valores humanos y las culturas humanas enriquecen a la humanidad.",
        "Las humanidades estudian la humanidad y el pensamiento humano.",
    ]
    document = segments_document([(f"s{n}", text) for n, text in enumerate(texts)], "es")
    extraction = extract_terms([document], "es")
    groups = [set(c.forms) for c in extraction.candidates]
    assert {"comunidad", "comunidades"} in groups
    assert {"humanidad", "humanidades"} in groups
    assert {"humano", "humana", "humanos", "humanas"} in groups
    # Neither joins "comunidad" nor each other; each may be a candidate of its own.
    assert not any(
        {"comunicación", "comunistas"} & group
        and len(group & {"comunidad", "comunicación", "comunistas"}) > 1
        for group in groups
    )
