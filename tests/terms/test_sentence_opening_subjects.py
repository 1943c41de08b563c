"""A past after the name that opens a sentence is a verb: "China upheld multilateralism."
at the start of a text or sentence. The participle veto counted a name only from a capital
inside a sentence (a capital at a sentence's start says nothing), so "upheld" was listed as
a term; the opener now counts as a name where the text never writes it in small letters,
and a common noun that opens a sentence ("Computer aided design") still makes a compound
adjective of the participle after it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from termwise.terms import candidates as cand
from termwise.terms.scoring import inflected_verbs


def _vetoed(texts: list[str]) -> set[str]:
    index = cand.collect([texts], "en")
    forms = list(index.forms)
    veto: np.ndarray = inflected_verbs(index, forms)
    return {form for form, flag in zip(forms, veto, strict=True) if flag}


def test_a_past_after_the_name_opening_a_text_is_vetoed() -> None:
    vetoed = _vetoed(
        [
            "China upheld multilateralism.",
            "Multilateralism remains the basis of global governance.",
        ]
    )
    assert {"upheld", "upheld multilateralism"} <= vetoed
    assert "multilateralism" not in vetoed


def test_a_past_after_the_name_opening_a_later_sentence_is_vetoed() -> None:
    vetoed = _vetoed(["Trade matters. Russia advocated openness and Europe welcomed it."])
    assert {"advocated", "advocated openness"} <= vetoed


def test_a_common_noun_opening_a_sentence_keeps_its_participle() -> None:
    # "computer" is written in small letters elsewhere: no name, so "aided" is an adjective.
    vetoed = _vetoed(
        [
            "Computer aided design helps.",
            "Engineers use computer aided design for blades.",
        ]
    )
    assert not vetoed & {"aided", "aided design", "computer aided design"}


def test_terms_extract_lists_no_verb_after_an_opening_name(tmp_path: Path) -> None:
    source = tmp_path / "small.txt"
    source.write_text(
        "China upheld multilateralism. The country strengthened global governance and "
        "promoted win-win cooperation.\n"
        "Multilateralism remains the basis of global governance. Global governance needs "
        "reform of the international order.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "terms", "extract", str(source), "--format", "csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    listed = {line.split(",", 1)[0].strip('"').lower() for line in result.stdout.splitlines()}
    assert "multilateralism" in listed
    assert not {form for form in listed if form.split()[0] == "upheld"}
