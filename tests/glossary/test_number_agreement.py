"""A Spanish or French term's words are found in one number, and its function words as
written: "communauté des destins" is no "communauté de destin" (French Snowball stems
"des" to "de"), "la nueva épocas" no "nueva época" (each word's stem matched), while
"las nuevas épocas" and "communautés de destin" are the terms' plurals."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from termwise.glossary import load_glossary
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term

ROOT = Path(__file__).resolve().parents[2]


def found(matcher: TermMatcher, text: str) -> list[str]:
    return [match.text for match in matcher.find(text)]


def test_a_preposition_is_not_pluralised_into_an_article() -> None:
    french = TermMatcher(load_glossary(ROOT / "glossary"), "fr")
    assert found(french, "La communauté des destins est là.") == []
    assert found(french, "Les communautés de destin.") == ["communautés de destin"]
    # "des" inside a term is the term's own word.
    assert found(french, "la juste conception de la justice et des bénéfices") == [
        "juste conception de la justice et des bénéfices"
    ]
    assert found(french, "la juste conception de la justice et de bénéfices") == []


def test_the_head_noun_phrase_is_in_one_number() -> None:
    glossary = load_glossary(ROOT / "glossary")
    spanish = TermMatcher(glossary, "es")
    assert found(spanish, "Entramos en la nueva épocas.") == []
    assert found(spanish, "Entramos en las nuevas épocas.") == ["nuevas épocas"]
    assert found(spanish, "Varias globalizaciones económica.") == []
    assert found(spanish, "Varias globalizaciones económicas.") == ["globalizaciones económicas"]
    # A complement keeps its number: the plural of the term changes its head only.
    assert found(spanish, "las comunidades de futuro compartido de la humanidad") == [
        "comunidades de futuro compartido de la humanidad"
    ]
    assert found(spanish, "la comunidad de futuro compartido de las humanidades") == []
    # An adjective after the complement may agree with the head.
    french = TermMatcher(glossary, "fr")
    assert found(french, "des communautés de destin sino-arabes") == [
        "communautés de destin sino-arabes"
    ]


def test_an_article_of_the_term_takes_the_plural_with_its_noun() -> None:
    glossary = Glossary(
        [
            Concept(
                "A",
                all_terms=[
                    Term("la nueva época", "es"),
                    Term("la crisis económica", "es"),
                    Term("le réseau social", "fr"),
                ],
            )
        ]
    )
    spanish = TermMatcher(glossary, "es")
    assert found(spanish, "Vienen las nuevas épocas.") == ["las nuevas épocas"]
    assert found(spanish, "Vienen las nueva época.") == []
    assert found(spanish, "Vienen la nuevas épocas.") == []
    # "crisis" is both numbers; its adjective and article tell.
    assert found(spanish, "Hubo las crisis económicas.") == ["las crisis económicas"]
    assert found(spanish, "Hubo la crisis económicas.") == []
    french = TermMatcher(glossary, "fr")
    assert found(french, "Voici les réseaux sociaux.") == ["les réseaux sociaux"]
    assert found(french, "Voici les réseau social.") == []
    assert found(french, "Voici le réseaux sociaux.") == []


def test_agreement_rules() -> None:
    from termwise.glossary.inflection import agrees  # new in this change

    assert agrees(["nueva", "época"], ["nuevas", "épocas"], "es")
    assert not agrees(["nueva", "época"], ["nueva", "épocas"], "es")
    assert not agrees(["de"], ["des"], "fr")
    # An invariable word goes with either number; a compound's parts need not agree.
    assert agrees(["prix", "élevé"], ["prix", "élevés"], "fr")
    assert agrees(
        ["coopération", "gagnant", "gagnant"], ["coopérations", "gagnant", "gagnant"], "fr", {1, 2}
    )
    assert not agrees(
        ["coopération", "gagnant", "gagnant"], ["coopérations", "gagnant", "gagnant"], "fr"
    )
    # No rules for English: the stems say it all.
    assert agrees(["new", "era"], ["new", "eras"], "en")


def test_check_reports_a_term_in_two_numbers_as_missing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "paper.txt").write_text(
        "China has entered a new era.\n\nThe new eras came.\n\n"
        "We build a community with a shared future.\n",
        encoding="utf-8",
    )
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
    entries = {
        "es": [
            ("China has entered a new era.", "China ha entrado en la nueva épocas."),
            ("The new eras came.", "Llegaron las nuevas épocas."),
        ],
        "fr": [
            (
                "We build a community with a shared future.",
                "Nous bâtissons une communauté des destins.",
            )
        ],
    }
    for lang, pairs in entries.items():
        po = (
            header
            + f'"Language: {lang}\\n"\n'
            + "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in pairs)
        )
        (tmp_path / f"t.{lang}.po").write_text(po, encoding="utf-8")

    def missing(lang: str) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-m", "termwise.cli", "check", "paper.txt", "--to", lang]
            + ["--target", f"t.{lang}.po", "--format", "text"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        return [
            line.split(": ", 1)[0] for line in result.stdout.splitlines() if "term-missing" in line
        ]

    assert missing("es") == ["paper.txt:1:1"]
    assert missing("fr") == ["paper.txt:5:1"]
