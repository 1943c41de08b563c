"""An "-ing" form that general language writes mostly as a verb's ("keeping": "kept" is
more frequent), opening a phrase whose everyday noun the text never uses without it, is a
verb and its object ("keeping pace with the times"), no term. Before, "keeping pace" was
listed: "keeping" stands inside the phrase, never where the verb cues see it. Terms made
with an "-ing" form stay: a noun's or adjective's "-ing" form ("training data",
"processing trade", "floating platform", "mapping function", "machine learning"), a kind
of a noun the text uses alone ("rising trot" beside "trot"), and a specialised noun after
a verbal "-ing" form ("posting trot" alone)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

from termwise.terms import candidates as cand
from termwise.terms.scoring import inflected_verbs

ROOT = Path(__file__).resolve().parents[2]


def _vetoed(texts: list[str]) -> set[str]:
    index = cand.collect([texts], "en")
    forms = list(index.forms)
    veto: np.ndarray = inflected_verbs(index, forms)
    return {form for form, flag in zip(forms, veto, strict=True) if flag}


def test_general_language_tells_verbal_ing_forms() -> None:
    from termwise.terms.general import mostly_verbal_ing

    assert mostly_verbal_ing("keeping", "en")
    assert mostly_verbal_ing("stopping", "en")
    for word in ("training", "processing", "mapping", "learning", "riding", "floating"):
        assert not mostly_verbal_ing(word, "en"), word
    assert not mostly_verbal_ing("pace", "en")
    assert not mostly_verbal_ing("gardant", "fr")


def test_a_gerund_and_its_bound_object_are_no_terms() -> None:
    vetoed = _vetoed(
        [
            "China has adapted to the situation at home and abroad, and keeping pace with "
            "the times, it is the innovation of diplomatic theory.",
            "Diplomatic theory guides the community of human destiny.",
        ]
    )
    assert "keeping pace" in vetoed
    assert not vetoed & {"diplomatic theory", "innovation", "community of human destiny"}


def test_ing_terms_stay() -> None:
    vetoed = _vetoed(
        [
            "Training data improve machine learning. Processing trade grew.",
            "A mapping function helps, and floating platforms carry turbines.",
            "In rising trot the rider rises. The trot has two beats.",
            "Stopping torque acts on the shaft. The torque is large.",
            "Riders learn posting trot early.",
        ]
    )
    kept = {"training data", "machine learning", "processing trade", "mapping function"}
    kept |= {"floating platforms", "rising trot", "trot", "stopping torque", "torque"}
    kept |= {"posting trot", "riders"}
    assert not vetoed & kept


def test_terms_extract_does_not_list_the_idiom_on_the_seed_paper(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    paper = tmp_path / "paper.txt"
    shutil.copyfile(ROOT / "seeds" / "000_204c7e650900ae41.txt", paper)
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "terms", "extract", str(paper), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    terms = {candidate["term"].lower() for candidate in json.loads(result.stdout)["candidates"]}
    assert {"global governance", "community of human destiny", "egoism"} <= terms
    assert "keeping pace" not in terms
