"""What follows a word, and the word before its subject, tell a verb as well as a name
before it: "advocated by China" (a passive's agent after it), "The country strengthened"
(a subject with its determiner), "interacts benignly" (an adverb after it), "expounds"
(a verb rarer than ``verb_form``'s bar), "Advocating win-win cooperation" (an "-ing" form
before a phrase the text uses alone, in a text that uses the verb as a verb). Before, the
seed paper listed all of them as terms: the participle veto took a name before it as the
only subject, the third-person veto only a determiner after it, and the "-ing" phrase veto
only a preposition after the "-ing" form."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from termwise.terms import candidates as cand
from termwise.terms import general
from termwise.terms.scoring import inflected_verbs

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def _vetoed(texts: list[str], lang: str = "en") -> set[str]:
    index = cand.collect([texts], lang)
    forms = list(index.forms)
    veto: np.ndarray = inflected_verbs(index, forms)
    return {form for form, flag in zip(forms, veto, strict=True) if flag}


def test_a_participle_before_the_agent_of_a_passive_is_a_verb() -> None:
    vetoed = _vetoed(
        [
            "The concept was put forward and advocated by China.",
            "The idea of human destiny community advocated by China takes root.",
        ]
    )
    assert "advocated" in vetoed
    assert not vetoed & {"human destiny community", "idea", "concept"}


def test_a_participle_after_a_subject_with_its_determiner_is_a_verb() -> None:
    vetoed = _vetoed(
        [
            "The country strengthened global governance.",
            "Global governance needs reform.",
        ]
    )
    assert {"strengthened", "strengthened global governance"} <= vetoed
    assert "global governance" not in vetoed


def test_a_bare_noun_before_a_participle_keeps_the_compound_adjective() -> None:
    vetoed = _vetoed(
        [
            "Engineers use computer aided design for blades.",
            "Computer aided design helps, and the installed capacity grew.",
            "Operators installed capacity in 2010.",
        ]
    )
    assert not vetoed & {"aided", "aided design", "computer aided design", "installed capacity"}


def test_a_third_person_before_an_adverb_is_a_verb() -> None:
    vetoed = _vetoed(["It gathers forces, promotes each other, interacts benignly and grows."])
    assert {"interacts", "interacts benignly"} <= vetoed
    # A plural before an adverb where the text has its singular stays a noun.
    vetoed = _vetoed(["The results clearly show it. One result matters."])
    assert "results" not in vetoed


def test_a_rare_verb_is_still_a_verb() -> None:
    assert general.verb_inflection("expounds", "en") == general.THIRD_PERSON
    assert "expound" in general.verb_lemmas("expounds", "en")
    # Rare plurals whose noun makes no verb stay nouns.
    for plural in ("nacelles", "vanes", "gearboxes", "rotors", "blades"):
        assert general.verb_inflection(plural, "en") is None, plural
    assert "expounds" in _vetoed(["This paper expounds the vision of the dream."])


def test_an_ing_form_before_a_phrase_the_text_uses_alone_is_a_verb() -> None:
    texts = [
        cand.Heading("3.1. Advocating win-win cooperation with neighbours"),
        "The idea advocated by China is win-win cooperation.",
        "Win-win cooperation grows.",
    ]
    assert "advocating win-win cooperation" in _vetoed(texts)
    # Without the verb used as a verb elsewhere, the "-ing" form may name a process.
    assert "advocating win-win cooperation" not in _vetoed([texts[0], texts[2]])


def test_ing_terms_and_gerunds_stay() -> None:
    vetoed = _vetoed(
        [
            "Processing trade grew. Goods processed by firms sell.",
            "We expand wind farming. Wind farming grows, and heart failure is rare.",
            "The leading edge erodes. A riding school opened.",
        ]
    )
    assert not vetoed & {"processing trade", "wind farming", "heart failure", "leading edge"}
    assert "riding school" not in vetoed


def test_french_is_left_to_its_own_rules() -> None:
    # "par" after a participle is no English agent: French texts get no English veto.
    vetoed = _vetoed(
        ["La production assurée par éolienne croît. Le pays renforcé soutient la gouvernance."],
        "fr",
    )
    assert vetoed == set()


def test_the_seed_paper_lists_none_of_its_verbs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "terms", "extract", str(SEED), "--format", "csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    listed = {line.split(",", 1)[0].strip('"').lower() for line in result.stdout.splitlines()}
    assert "global governance" in listed
    verbs = {"advocated", "interacts", "interacts benignly", "expounds"}
    assert not listed & (verbs | {"advocating win-win cooperation"})
