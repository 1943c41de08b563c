"""A noun of a French or Spanish term is found as itself in either number, not as another
word its Snowball stem shares.

"destin" and "destinée" are two nouns that Snowball stems alike, so the curated T01's
admitted "communauté de destinée humaine" was counted where a translation had "communauté
de destin humain"; so "cuenta corriente" (a current account) in "un cuento corriente" (an
ordinary tale). ``gender_forms`` covers the adjective endings only ("capitale" and
"capital"); here every noun of a term of several words keeps to its number's forms, and so
does a one-word term the glossary records as a noun ("aide" is no "aider"). Any other
one-word term, a verb or an adjective as often as a noun, and a word that looks like an
infinitive still take their other forms; an adjective inside a noun term agrees with
either gender.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def _found(term: Term, text: str, *, accent_insensitive: bool = False) -> list[str]:
    glossary = Glossary([Concept("T1", all_terms=[term])])
    matcher = TermMatcher(glossary, term.lang, accent_insensitive=accent_insensitive)
    return [match.text for match in matcher.find(text)]


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("fr", "communauté de destinée humaine", "Une communauté de destin humain."),
        ("fr", "communauté de destin", "Une communauté de destinée."),
        ("fr", "la communauté de destin", "Les communautés de destinée."),
        ("es", "cuenta corriente", "Un cuento corriente."),
        ("es", "la nueva reforma", "La nueva reformar."),
    ],
)
def test_a_noun_is_not_another_word_of_its_stem(lang: str, term: str, text: str) -> None:
    assert _found(Term(term, lang), text) == []


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("fr", "destinée", "Le destin du pays."),
        ("fr", "aide", "Il faut aider les pays."),
        ("fr", "longe", "Un long chemin."),
        ("es", "cuento", "La cuenta del banco."),
        ("es", "reforma", "Hay que reformar el sistema."),
    ],
)
def test_a_one_word_term_recorded_as_a_noun(lang: str, term: str, text: str) -> None:
    assert _found(Term(term, lang, part_of_speech="noun"), text) == []
    # Without the record it may be a verb or an adjective, which takes other forms.
    assert _found(Term(term, lang), text) != []


def test_without_accents_too() -> None:
    term = Term("communauté de destinée humaine", "fr")
    assert _found(term, "Une communaute de destin humain.", accent_insensitive=True) == []


@pytest.mark.parametrize(
    ("lang", "term", "text", "found"),
    [
        ("fr", "communauté de destin", "Des communautés de destin.", ["communautés de destin"]),
        (
            "fr",
            "interrupteurs électriques",
            "Un interrupteur électrique.",
            ["interrupteur électrique"],
        ),
        ("fr", "cheval de trait", "Les chevaux de trait.", ["chevaux de trait"]),
        ("es", "cuenta corriente", "Las cuentas corrientes.", ["cuentas corrientes"]),
        ("es", "relaciones públicas", "Una relación pública.", ["relación pública"]),
        ("es", "luz solar", "Las luces solares.", ["luces solares"]),
        ("es", "director general", "La directora general habló.", ["directora general"]),
        ("es", "nueva época", "Las nuevas épocas.", ["nuevas épocas"]),
        ("es", "la nueva época", "Vienen las nuevas épocas.", ["las nuevas épocas"]),
        # An infinitive's conjugations are the verb's.
        ("es", "aplicar la ley", "Se aplica la ley.", ["aplica la ley"]),
        # An adjective of a noun term may agree with a noun outside it.
        ("fr", "énergie renouvelable", "Des énergies renouvelables.", ["énergies renouvelables"]),
    ],
)
def test_a_noun_is_found_in_either_number(
    lang: str, term: str, text: str, found: list[str]
) -> None:
    assert _found(Term(term, lang), text) == found


@pytest.mark.parametrize(
    ("term", "pos", "text", "found"),
    [
        ("reculer", "verb", "Le cheval recule.", ["recule"]),
        ("complet", "adjective", "Une victoire complète.", ["complète"]),
        ("aider", "Verb", "Il aide.", ["aide"]),
    ],
)
def test_a_verb_or_adjective_term_takes_its_other_forms(
    term: str, pos: str, text: str, found: list[str]
) -> None:
    assert _found(Term(term, "fr", part_of_speech=pos), text) == found


def test_the_curated_glossary_finds_no_other_noun(tmp_path: Path) -> None:
    """The curated glossary: "communauté de destin humain" is T02's "communauté de destin"
    with an adjective, no T01 rendering."""
    root = Path(__file__).resolve().parents[2]
    result = termwise(
        "glossary",
        "find",
        "--lang",
        "fr",
        "--glossary",
        str(root / "glossary"),
        "Une communauté de destin humain.",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4-24 T02 preferred: 'communauté de destin'"
