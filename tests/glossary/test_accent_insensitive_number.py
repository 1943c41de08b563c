"""Accent-insensitive matching (``glossary find --accent-insensitive``) applies the Spanish
and French number rules to the term's words as written and compares the found words without
accents. Before, the rules read accent-stripped words: "interés" became "interes", which
ends in -s like the invariable "crisis", so "el intereses" passed for "el interés" and
"intereses comunes" failed "interés común"; French "à" became "a", no preposition, so it
joined the head noun phrase and "jeux à somme nulle" failed "jeu à somme nulle"."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from termwise.glossary import load_glossary
from termwise.glossary.inflection import agrees
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term

ROOT = Path(__file__).resolve().parents[2]


def found(matcher: TermMatcher, text: str) -> list[str]:
    return [match.text for match in matcher.find(text)]


def _spanish_glossary() -> Glossary:
    return Glossary(
        [
            Concept("A", all_terms=[Term("interés común", "es")]),
            Concept("B", all_terms=[Term("algún país", "es")]),
        ]
    )


def test_a_word_ending_in_an_accented_syllable_keeps_its_number() -> None:
    loose = TermMatcher(_spanish_glossary(), "es", accent_insensitive=True)
    assert found(loose, "Los intereses comunes pesan.") == ["intereses comunes"]
    assert found(loose, "El interes comun, escrito sin tildes.") == ["interes comun"]
    assert found(loose, "Los intereses común.") == []
    assert found(loose, "El interés comunes.") == []
    # An apocope with an accent: "algún" takes the plural of its whole form.
    assert found(loose, "En algunos paises.") == ["algunos paises"]
    assert found(loose, "En algun paises.") == []


def test_the_repo_glossary_in_spanish_and_french() -> None:
    glossary = load_glossary(ROOT / "glossary")
    spanish = TermMatcher(glossary, "es", accent_insensitive=True)
    # An article in a complement keeps the next word in the term's number.
    assert found(spanish, "la correcta concepcion de la justicia y el intereses") == []
    assert found(spanish, "la correcta concepcion de la justicia y el interes") == [
        "correcta concepcion de la justicia y el interes"
    ]
    assert found(spanish, "las grandes revitalizaciones de la nacion china") == [
        "grandes revitalizaciones de la nacion china"
    ]
    assert found(spanish, "la gran revitalizaciones de la nación china") == []
    french = TermMatcher(glossary, "fr", accent_insensitive=True)
    assert found(french, "des jeux à somme nulle") == ["jeux à somme nulle"]
    assert found(french, "des jeux a somme nulle") == ["jeux a somme nulle"]
    assert found(french, "les socialismes à la chinoise") == ["socialismes à la chinoise"]
    assert found(french, "les mondialisations economiques") == ["mondialisations economiques"]
    assert found(french, "la mondialisation economiques") == []


def test_accent_sensitive_agreement_is_unchanged() -> None:
    assert agrees(["el", "interés"], ["el", "interés"], "es")
    assert not agrees(["el", "interés"], ["el", "intereses"], "es")
    assert agrees(["el", "interés"], ["el", "interes"], "es", accents=False)
    assert not agrees(["el", "interés"], ["el", "intereses"], "es", accents=False)
    assert agrees(["jeu", "à", "somme"], ["jeux", "a", "somme"], "fr", accents=False)


def test_glossary_find_on_the_command_line(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")

    def find(text: str, lang: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "termwise.cli", "glossary", "find", text, "--lang", lang]
            + ["--accent-insensitive", "--format", "json"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert '"T20"' in find("des jeux à somme nulle", "fr")
    assert '"T32"' not in find("la correcta concepcion de la justicia y el intereses", "es")
