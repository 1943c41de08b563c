"""A term glued by a hyphen to the word before it, or after a negating "non", is not there.

"from zero-sum thinking to non-zero-sum thinking" holds "zero-sum thinking" once: the
second is a compound that means the opposite, and constrained MT forced the term into it
("no-pensamiento de suma cero"). A hyphen after a term still leaves it there (the term
modifies the compound's head), and a compound the glossary lists is a term of its own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import term_matching
from termwise.glossary import save_glossary
from termwise.glossary.model import Concept, Glossary, Term
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

ZERO_SUM = Concept(
    "T1",
    all_terms=[Term("zero-sum thinking", "en"), Term("pensamiento de suma cero", "es")],
)


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("en", "zero-sum thinking", "Non-zero-sum thinking wins."),
        ("en", "corruption", "The anti-corruption drive."),
        ("en", "Cold War", "The post-Cold War order."),
        ("en", "interference", "A policy of non\u2011interference."),
        ("en", "zero-sum thinking", "A non zero-sum thinking."),
        ("fr", "ingérence", "La non-ingérence."),
        ("fr", "gouvernemental", "Un organisme non gouvernemental."),
        ("es", "proliferación", "La contra-proliferación."),
    ],
)
def test_a_term_after_a_prefix_is_not_there(lang: str, term: str, text: str) -> None:
    assert term_matching.found_term(lang, term, text) == []


@pytest.mark.parametrize(
    ("lang", "terms", "text", "found"),
    [
        # A hyphen after the term: the term modifies the compound's head.
        ("en", ["zero-sum thinking"], "A zero-sum thinking-driven policy.", ["zero-sum thinking"]),
        (
            "en",
            ["community with a shared future for mankind"],
            "A community with a shared future for mankind-building effort.",
            ["community with a shared future for mankind"],
        ),
        # En and em dashes set words apart.
        (
            "en",
            ["win-win cooperation"],
            "This\u2014win-win cooperation\u2014works.",
            ["win-win cooperation"],
        ),
        ("en", ["corruption"], "Corruption \u2013 corruption.", ["Corruption", "corruption"]),
        # The glossary lists the compound: the longest match keeps it.
        (
            "en",
            ["zero-sum thinking", "non-zero-sum thinking"],
            "From zero-sum thinking to non-zero-sum thinking.",
            ["zero-sum thinking", "non-zero-sum thinking"],
        ),
        # Two names joined by a hyphen (an audit: the rule took the first for a prefix).
        ("en", ["Africa"], "China-Africa cooperation.", ["Africa"]),
        ("en", ["ASEAN"], "China-ASEAN relations.", ["ASEAN"]),
        ("en", ["Europe"], "Sino-Europe ties.", ["Europe"]),
        ("fr", ["Afrique"], "La coopération Chine-Afrique.", ["Afrique"]),
        # "non" as a word of its own elsewhere is nothing to the term.
        ("fr", ["ingérence"], "Non, l'ingérence.", ["ingérence"]),
        ("en", ["interference"], "No interference.", ["interference"]),
    ],
)
def test_a_term_with_a_hyphen_after_it_or_listed_as_a_compound_is_found(
    lang: str, terms: list[str], text: str, found: list[str]
) -> None:
    assert term_matching.found(term_matching.term_matcher(lang, *terms), text) == found


def test_glossary_find_counts_the_term_once(tmp_path: Path) -> None:
    path = tmp_path / "terms.tbx"
    save_glossary(Glossary([ZERO_SUM]), path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "termwise.cli",
            "glossary",
            "find",
            "--lang",
            "en",
            "--glossary",
            str(path),
            "from zero-sum thinking to non-zero-sum thinking",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"start"') == 1, result.stdout


def test_constrained_apertium_forces_no_term_into_the_negated_compound() -> None:
    engine = ConstrainedEngine(
        ApertiumEngine(), GlossaryConstraints(Glossary([ZERO_SUM]), "en", "es")
    )
    (result,) = engine.translate(
        ["We moved from zero-sum thinking to non-zero-sum thinking."], "en", "es"
    )
    assert result.target.count("pensamiento de suma cero") == 1, result.target
    # Apertium's own rendering of the compound stays ("no-pensamientodecero sumas").
    assert "no-pensamiento de suma cero" not in result.target, result.target
    assert [decision.source for decision in result.terms] == ["zero-sum thinking"]
