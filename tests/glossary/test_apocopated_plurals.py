"""A Spanish adjective cut short before a singular noun ("gran", "buen", "primer") takes
the plural of its whole form: "las grandes revitalizaciones de la nación china" is the
plural of the term "gran revitalización de la nación china". No ending rule gives
"grandes" from "gran", and the stemmer keys the two apart, so the match was missed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from termwise.glossary import load_glossary
from termwise.glossary.inflection import plural_forms
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term

ROOT = Path(__file__).resolve().parents[2]


def test_apocopes_pluralise_to_their_whole_form() -> None:
    assert plural_forms("gran", "es") == ("grandes",)
    assert plural_forms("buen", "es") == ("buenos",)
    assert plural_forms("primer", "es") == ("primeros",)
    assert plural_forms("tercer", "es") == ("terceros",)


def test_the_repo_glossary_term_is_found_in_the_plural() -> None:
    spanish = TermMatcher(load_glossary(ROOT / "glossary"), "es")
    text = "Hablamos de las grandes revitalizaciones de la nación china."
    assert [m.text for m in spanish.find(text)] == ["grandes revitalizaciones de la nación china"]
    # One number across the head: a plural adjective with a singular noun is no match.
    assert list(spanish.find("Hablamos de la grandes revitalización de la nación china.")) == []


def test_buen_and_primer_in_a_small_glossary() -> None:
    glossary = Glossary(
        [
            Concept("c1", all_terms=[Term("buen gobierno", "es")]),
            Concept("c2", all_terms=[Term("primer ministro", "es")]),
        ]
    )
    matcher = TermMatcher(glossary, "es")
    text = "Los buenos gobiernos y los primeros ministros."
    assert [m.text for m in matcher.find(text)] == ["buenos gobiernos", "primeros ministros"]


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
            "las grandes revitalizaciones de la nación china",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "T15" in result.stdout
    assert "grandes revitalizaciones de la nación china" in result.stdout
