"""TermEval 2020 scoring on an ACTER development domain the combiner was not trained on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termwise.errors import InputError
from termwise.terms.model import load_combiner
from termwise.terms.scoring import FEATURES

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "term-dev"


def test_shipped_model_matches_the_features() -> None:
    for lang in ("en", "fr", "de"):
        combiner = load_combiner(lang)
        assert combiner.features == FEATURES
        assert 0.0 < combiner.threshold < 1.0


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    model = load_combiner("en").to_json()
    model["features"] = ["frequency"]
    path.write_text(json.dumps({"models": {"default": model}}), encoding="utf-8")
    with pytest.raises(InputError, match="retrain"):
        load_combiner("en", path)
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(InputError):
        load_combiner("en", path)


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/term-dev (ACTER) is absent")
def test_held_out_domain_f1_beats_yake_level() -> None:
    from termwise.terms.train import f1_score, fit, load_corpus

    train = load_corpus(DATA, "fr", "wind")
    test = load_corpus(DATA, "fr", "equi")
    combiner = fit([train])
    selected = test.extracted(combiner)
    precision, recall, f1 = f1_score(selected, test.gold)
    # yake with the gold list's size scores 0.20 here (bench/terms.py); the cut-off is the
    # one learned on the other domain, not tuned on this one.
    assert f1 >= 0.36, (precision, recall, f1)
    assert len(selected) < 3 * len(test.gold)
