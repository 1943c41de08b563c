"""A noun term matches no verb, adjective or other noun that merely shares its Snowball stem.

Snowball strips noun-forming suffixes: French "organisation" and "organiser", Spanish
"conocimiento" and "conoce", English "government" and "govern" shared a stem, and Spanish
strips a final vowel, so "salud" (health) matched "saludo" (greeting). Inflection still
matches: plural and gender forms of the noun.
"""

from __future__ import annotations

from support.term_matching import found, term_matcher


def test_a_spanish_noun_in_a_consonant_matches_no_word_with_a_vowel_after_it() -> None:
    es = term_matcher("es", "salud", "valor")
    assert found(es, "Un saludo cordial; saludos a todos.") == []
    assert found(es, "Hay que valorar lo que valora.") == []
    assert found(es, "La salud y los valores.") == ["salud", "valores"]
    assert found(es, "Las saludes y el valor.") == ["saludes", "valor"]


def test_a_spanish_derived_noun_matches_no_form_of_its_verb() -> None:
    es = term_matcher("es", "organización", "conocimiento", "actividad", "enseñanza")
    text = "Vamos a organizar lo que organiza; lo conoce; activa la enseña."
    assert found(es, text) == []
    text = "Las organizaciones, los conocimientos, las actividades, las enseñanzas."
    assert found(es, text) == ["organizaciones", "conocimientos", "actividades", "enseñanzas"]


def test_a_spanish_noun_in_ion_matches_no_verb_without_accents() -> None:
    es = term_matcher("es", "función", accent_insensitive=True)
    assert found(es, "La máquina funciona.") == []
    assert found(es, "La funcion y las funciones.") == ["funcion", "funciones"]


def test_spanish_gender_inflection_still_matches() -> None:
    es = term_matcher("es", "organizador", "mismo")
    assert found(es, "La organizadora y los organizadores.") == [
        "organizadora",
        "organizadores",
    ]
    assert found(es, "La misma.") == ["misma"]
    assert found(es, "Vamos a organizar.") == []


def test_a_french_derived_noun_matches_no_form_of_its_verb_or_adjective() -> None:
    fr = term_matcher("fr", "organisation", "fonction", "activité", "transformateur", "différence")
    text = "Il faut organiser ; il organise, il fonctionne, il est actif et active, il transforme."
    assert found(fr, text) == []
    assert found(fr, "C'est différent.") == []
    text = "Les organisations, les fonctions, les activités, les transformateurs, les différences."
    assert found(fr, text) == [
        "organisations",
        "fonctions",
        "activités",
        "transformateurs",
        "différences",
    ]


def test_a_french_formation_is_no_format_and_a_participle_keeps_its_gender() -> None:
    fr = term_matcher("fr", "formation", "responsabilité limitée")
    assert found(fr, "Le format du fichier.") == []
    assert found(fr, "Les formations.") == ["formations"]
    assert found(fr, "Une responsabilité limitée.") == ["responsabilité limitée"]


def test_an_english_derived_noun_matches_no_form_of_its_verb() -> None:
    en = term_matcher("en", "government", "generator", "information", "activity")
    text = "They govern what is generated, inform us and activate it."
    assert found(en, text) == []
    text = "Governments, generators, information and activities."
    assert found(en, text) == ["Governments", "generators", "information", "activities"]
