"""The gender of a new compound of a noun prefix ("ciberamenazas", "microplásticos") where
the glossary records none and no suffix rule gives one: its noun's, as Apertium's analyser
(run for real) reads it ("amenazas": feminine). "A cyber threat is dangerous." came out "Un
ciberamenaza es peligroso." """

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from termwise.glossary.gender import FEMININE, MASCULINE, prefixed_gender
from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.agreement import installed_analyser
from termwise.mt.constrained.apertium import analyse_words
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

_TAG_GENDERS = {"m": MASCULINE, "f": FEMININE}


@pytest.fixture(scope="module")
def spanish() -> Path:
    analyser = installed_analyser("es")
    assert analyser is not None, "Apertium's Spanish analyser is not installed"
    return analyser


def _noun_genders(analyser: Path) -> Callable[[str], set[str]]:
    """The genders the analyser gives a word read as a noun, as ``find_head`` reads them."""

    def genders(word: str) -> set[str]:
        return {
            _TAG_GENDERS.get(tag, tag)
            for _, tags in analyse_words(analyser, [word])[word]
            if tags[:1] == ["n"]
            for tag in tags[1:]
            if tag in ("m", "f", "mf")
        }

    return genders


@pytest.mark.parametrize(
    ("word", "gender", "noun"),
    [
        ("ciberamenazas", FEMININE, "amenazas"),
        ("ciberamenaza", FEMININE, "amenaza"),
        ("microplásticos", MASCULINE, "plásticos"),
        ("nanoestaciones", FEMININE, "estaciones"),
        ("Ciberamenaza", FEMININE, "amenaza"),
    ],
)
def test_a_compound_takes_its_nouns_gender_from_the_analyser(
    spanish: Path, word: str, gender: str, noun: str
) -> None:
    fact = prefixed_gender(word, "es", _noun_genders(spanish), spanish.name)
    assert fact is not None, word
    assert fact.value == gender
    assert fact.source == f"its noun '{noun}' in {spanish.name}"


@pytest.mark.parametrize(
    "word",
    [
        # "Cólera" is a noun of both genders (the disease, the anger): no one gender.
        "cibercólera",
        # "Estudiante" is common gender ("mf"): the article tells, not the noun.
        "ciberestudiante",
        # No prefix, or nothing in use after it.
        "amenazas",
        "autores",
    ],
)
def test_no_gender_where_the_noun_gives_none(spanish: Path, word: str) -> None:
    assert prefixed_gender(word, "es", _noun_genders(spanish), spanish.name) is None


def test_an_unknown_compound_without_a_recorded_gender_agrees_as_its_noun() -> None:
    plural = DataCategory("termNote", "grammaticalNumber", "plural")
    concept = Concept(
        "C1",
        all_terms=[
            Term("cyber threats", "en"),
            Term("ciberamenazas", "es", status=TermStatus.PREFERRED, extra=[plural]),
        ],
    )
    engine = ConstrainedEngine(
        ApertiumEngine(), GlossaryConstraints(Glossary([concept]), "en", "es")
    )
    singular, plural_occurrence = engine.translate(
        ["A cyber threat is dangerous.", "Cyber threats are dangerous."], "en", "es"
    )
    assert singular.target == "Una ciberamenaza es peligrosa.", singular.target
    assert plural_occurrence.target == "Las ciberamenazas son peligrosas.", plural_occurrence.target
    for result in (singular, plural_occurrence):
        (decision,) = result.terms
        assert decision.mechanism == "apertium-lexical", decision
        assert "its noun 'amenazas' in spa-eng.automorf.bin" in decision.reason, decision
