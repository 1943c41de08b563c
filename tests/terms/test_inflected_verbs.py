"""Inflected verbs are no terms where the text uses them as verbs only: "-ing" forms at the
head of a clause ("Advocating win-win cooperation", "on the basis of adhering to"),
participles ("must be upheld", irregular ones included) and third persons
("progress penetrates"). The lone-verb veto took only words standing alone, away from
other content words, which an inflected verb seldom does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termwise.document.reading import load_document
from termwise.terms import candidates as cand
from termwise.terms import general
from termwise.terms.extract import extract_terms

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


@pytest.mark.parametrize(
    ("word", "inflection", "lemma"),
    [
        ("adhering", "ing", "adhere"),
        ("advocating", "ing", "advocate"),
        ("advocated", "participle", "advocate"),
        ("upheld", "participle", "uphold"),
        ("begun", "participle", "begin"),
        ("understood", "participle", "understand"),
        ("penetrates", "third person", "penetrate"),
    ],
)
def test_inflections_of_general_language(word: str, inflection: str, lemma: str) -> None:
    assert general.verb_inflection(word, "en") == inflection
    assert lemma in general.verb_lemmas(word, "en")


@pytest.mark.parametrize("word", ["adhere", "turbines", "governance", "thought", "felt"])
def test_base_forms_and_nouns_are_no_inflections(word: str) -> None:
    assert general.verb_inflection(word, "en") is None


def test_a_third_person_is_told_from_a_plural_by_general_language() -> None:
    assert general.mostly_third_person("penetrates", "en")
    assert general.mostly_third_person("promotes", "en")
    # Plurals, whose verb's past is an adjective ("limited") or "-ing" form a noun.
    for plural in ("exchanges", "results", "limits", "engineers", "designs"):
        assert not general.mostly_third_person(plural, "en"), plural


def _vetoed(texts: list[str]) -> set[str]:
    from termwise.terms.scoring import inflected_verbs  # new with the veto

    index = cand.collect([texts], "en")
    forms = [form for form in index.forms if len(index.forms[form].words) == 1]
    return {form for form, veto in zip(forms, inflected_verbs(index, forms), strict=True) if veto}


def test_verbs_at_the_head_of_a_clause_are_vetoed_and_nouns_kept() -> None:
    vetoed = _vetoed(
        [
            cand.Heading("3.1. Advocating win-win cooperation with neighbours"),
            "On the basis of adhering to win-win cooperation, trade grew.",
            "Peaceful development must be upheld.",
            "Peace and progress penetrates.",
            "Blade pitching sets power limits, and the cooling of the generator matters.",
            "Engineers design cooling systems and people-to-people exchanges grow.",
            "The town grew when Pitching Lodge opened.",
            "Promotes are rare; the firm promotes staff.",
        ]
    )
    assert {"advocating", "adhering", "upheld", "penetrates"} <= vetoed
    # A modifier before it, a determiner, a plural noun in general language, a name, a
    # sentence's start. "grew" is a simple past, a verb's wherever it stands.
    assert not vetoed & {"pitching", "cooling", "exchanges", "limits", "engineers"}
    assert "grew" in vetoed
    assert "promotes" not in vetoed


def test_a_noun_the_text_has_in_the_plural_or_singular_is_kept() -> None:
    vetoed = _vetoed(
        [
            "Building codes apply. Buildings need permits.",
            "Penetrates cause damage, and one penetrate is enough.",
        ]
    )
    assert "building" not in vetoed
    assert "penetrates" not in vetoed


@pytest.mark.skipif(not SEED.is_file(), reason="seed paper absent")
def test_the_seed_paper_lists_no_inflected_verb() -> None:
    extraction = extract_terms([load_document(SEED, lang="en")], "en")
    terms = {c.term.lower() for c in extraction.candidates}
    assert not terms & {"adhering", "advocating", "upheld", "penetrates", "begun", "enhancing"}
    assert {"china", "egoism", "globalization", "governance", "diplomacy", "exchanges"} <= terms


@pytest.mark.skipif(not SEED.is_file(), reason="seed paper absent")
def test_terms_extract_on_the_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "terms", "extract", str(SEED), "--format", "csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    listed = {line.split(",", 1)[0].strip('"').lower() for line in result.stdout.splitlines()}
    assert "globalization" in listed
    assert not listed & {"adhering", "advocating", "upheld", "penetrates"}
