"""Spanish and French plurals of every word of a term are the term: "globalizaciones
económicas" is "globalización económica" (the accent the plural drops made the accent check
turn it down), "países jóvenes" is "país joven" (the stems differ). Words that only look
alike are not: "papas" is no "papá", "lucen" no "luz"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termwise.glossary import load_glossary
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("word", "lang", "plurals"),
    [
        ("globalización", "es", ("globalizaciones",)),
        ("económica", "es", ("económicas",)),
        ("luz", "es", ("luces",)),
        ("joven", "es", ("jóvenes",)),
        ("examen", "es", ("exámenes",)),
        ("país", "es", ("países",)),  # the accent of a hiatus stays
        ("interés", "es", ("intereses",)),
        ("común", "es", ("comunes",)),
        ("mundial", "es", ("mundiales",)),
        ("árbol", "es", ("árboles",)),
        ("régimen", "es", ("regímenes",)),
        ("crisis", "es", ()),
        ("de", "es", ()),
        ("mondialisation", "fr", ("mondialisations",)),
        ("réseau", "fr", ("réseaux", "réseaus")),
        ("national", "fr", ("nationaux", "nationals")),
        ("prix", "fr", ()),
        ("des", "fr", ()),
        ("community", "en", ()),
    ],
)
def test_plural_forms(word: str, lang: str, plurals: tuple[str, ...]) -> None:
    from termwise.glossary.inflection import plural_forms

    assert plural_forms(word, lang) == plurals


def test_the_curated_glossary_finds_inflected_spanish_and_french_terms() -> None:
    glossary = load_glossary(ROOT / "glossary")
    spanish = TermMatcher(glossary, "es")
    found = spanish.find("Muchas globalizaciones económicas han ocurrido en la historia.")
    assert [(m.concept_id, m.text) for m in found] == [("T36", "globalizaciones económicas")]
    french = TermMatcher(glossary, "fr")
    found = french.find("Plusieurs mondialisations économiques ont eu lieu.")
    assert [(m.concept_id, m.text) for m in found] == [("T36", "mondialisations économiques")]


def test_every_word_of_a_term_may_be_plural_and_nothing_else_matches() -> None:
    glossary = Glossary(
        [
            Concept("A", all_terms=[Term("país joven", "es"), Term("réseau social", "fr")]),
            Concept("B", all_terms=[Term("régimen jurídico", "es"), Term("travail public", "fr")]),
            Concept("C", all_terms=[Term("luz", "es"), Term("papá", "es")]),
            Concept("D", all_terms=[Term("examen médico", "es")]),
        ]
    )
    spanish = TermMatcher(glossary, "es")

    def found(matcher: TermMatcher, text: str) -> list[str]:
        return [match.text for match in matcher.find(text)]

    assert found(spanish, "Los países jóvenes crecen.") == ["países jóvenes"]
    assert found(spanish, "Dos regímenes jurídicos.") == ["regímenes jurídicos"]
    assert found(spanish, "Los exámenes médicos.") == ["exámenes médicos"]
    assert found(spanish, "Las luces y los papás.") == ["luces", "papás"]
    # Another word with the plural's stem, or with other accents, is not the term.
    assert found(spanish, "Las plantas lucen bien con papas fritas.") == []
    assert found(spanish, "Los examenes médicos.") == []
    french = TermMatcher(glossary, "fr")
    assert found(french, "Les réseaux sociaux et les travaux publics.") == [
        "réseaux sociaux",
        "travaux publics",
    ]


def test_glossary_find_on_the_command_line() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "termwise.cli",
            "glossary",
            "find",
            "--lang",
            "es",
            "--glossary",
            str(ROOT / "glossary"),
            "Muchas globalizaciones económicas han ocurrido en la historia.",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "T36 preferred: 'globalizaciones económicas'" in result.stdout
