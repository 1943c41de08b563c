"""Glossary-constrained translation with Argos packages, on a model that has learned something.

The trained package (``support/trained_model.py``) renders each synthetic concept with its
majority, deprecated rendering, as real MT does; every mechanism must put the official one
in its place on every held-out sentence, and keep the rest of the sentence.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import sacrebleu

from support import trained_model
from support.argos_packages import build_argos_package
from termwise.mt.argos import ArgosEngine
from termwise.mt.constrained.argos import (
    CHAIN,
    MECHANISMS,
    PLACEHOLDER_BASE,
    PLACEHOLDER_FORMS,
    placed,
    translate_constrained,
)
from termwise.mt.constrained.plan import GlossaryConstraints, Placement
from termwise.mt.packages import install_archive

PAIRS = trained_model.test_pairs()
TEXTS = [pair.source for pair in PAIRS]
REFERENCES = [pair.target for pair in PAIRS]


def plans() -> list[list[Placement]]:
    constraints = GlossaryConstraints(trained_model.glossary(), "en", "es")
    return [constraints.plan(text) for text in TEXTS]


def compliance(outputs: list[str], segment_plans: list[list[Placement]]) -> tuple[int, int]:
    flags = [
        flag
        for output, plan in zip(outputs, segment_plans, strict=True)
        for flag in placed(output, [p.target.text for p in plan if p.target is not None])
    ]
    return sum(flags), len(flags)


def chrf(outputs: list[str]) -> float:
    return float(sacrebleu.corpus_chrf(outputs, [REFERENCES]).score)


def test_the_trained_model_translates_but_prefers_the_deprecated_renderings(
    trained_argos_package: Path,
) -> None:
    segment_plans = plans()
    # Every held-out sentence mentions one or two concepts, all found by the glossary.
    assert [len(plan) for plan in segment_plans] == [1 + i % 2 for i in range(len(TEXTS))]
    outputs = [r.target for r in ArgosEngine().translate(TEXTS, "en", "es")]
    good, total = compliance(outputs, segment_plans)
    assert good < total // 4
    deprecated = sum(out.count(bad) for out in outputs for _, _, _, bad in trained_model.TERMS)
    assert deprecated > total // 2
    # Apart from the terms, the model has learned the pair.
    assert chrf(outputs) > 60


@pytest.mark.parametrize("mechanism", list(MECHANISMS))
def test_each_mechanism_places_every_term_of_the_test_set(
    trained_argos_package: Path, mechanism: str
) -> None:
    segment_plans = plans()
    results = translate_constrained(
        ArgosEngine(), TEXTS, "en", "es", segment_plans, chain=[mechanism]
    )
    outputs = [r.target for r in results]
    good, total = compliance(outputs, segment_plans)
    assert (good, total) == (total, 90)
    decisions = [d for r in results for d in r.terms]
    assert Counter(d.mechanism for d in decisions) == {mechanism: total}
    assert all(
        d.target == p.target.text  # type: ignore[union-attr]
        for r, plan in zip(results, segment_plans, strict=True)
        for d, p in zip(r.terms, plan, strict=True)
    )
    # Deprecated renderings are gone, and the rest of the sentence is still a translation.
    assert not any(bad in out for out in outputs for _, _, _, bad in trained_model.TERMS)
    assert chrf(outputs) > 75


def test_the_chain_places_everything_and_keeps_the_model_s_own_sentences(
    trained_argos_package: Path,
) -> None:
    segment_plans = plans()
    results = translate_constrained(ArgosEngine(), TEXTS, "en", "es", segment_plans)
    outputs = [r.target for r in results]
    assert compliance(outputs, segment_plans) == (90, 90)
    assert {d.mechanism for r in results for d in r.terms} <= set(CHAIN)
    assert chrf(outputs) > 95
    # One segment alone comes out as it does in the batch.
    alone = [
        translate_constrained(ArgosEngine(), [text], "en", "es", [plan])[0].target
        for text, plan in list(zip(TEXTS, segment_plans, strict=True))[:8]
    ]
    assert alone == outputs[:8]


def test_segments_without_renderings_are_translated_as_the_engine_does(
    trained_argos_package: Path,
) -> None:
    constraints = GlossaryConstraints(trained_model.glossary(), "en", "es")
    texts = ["The scholars support the plan.", TEXTS[0], "", "The critics reject the idea."]
    segment_plans = [constraints.plan(text) for text in texts]
    # An occurrence without a target rendering is left, with the planner's reason.
    segment_plans[1] = [
        Placement(p.concept_id, p.start, p.end, p.source, None, "no rendering")
        for p in segment_plans[1]
    ]
    engine = ArgosEngine()
    plain = engine.translate(texts, "en", "es")
    results = translate_constrained(engine, texts, "en", "es", segment_plans)
    assert [r.target for r in results] == [r.target for r in plain]
    assert results[0].terms == () and results[2].target == ""
    assert [(d.mechanism, d.reason, d.target) for d in results[1].terms] == [
        ("left", "no rendering", None)
    ]


def test_a_mechanism_that_fails_leaves_the_term_with_a_reason(
    trained_argos_package: Path,
) -> None:
    constraints = GlossaryConstraints(trained_model.glossary(), "en", "es")
    text = "The scholars support the belt and road."
    plan = constraints.plan(text)
    assert [p.concept_id for p in plan] == ["C2"]
    # A rendering made of words the model has never produced cannot come from n-best.
    odd = Placement("C2", plan[0].start, plan[0].end, plan[0].source, plan[0].target, "", ())
    assert odd.target is not None
    odd = Placement(
        "C2", odd.start, odd.end, odd.source, type(odd.target)("zzyzx qwerty", "es"), "", ()
    )
    result = translate_constrained(ArgosEngine(), [text], "en", "es", [[odd]], chain=["nbest"])
    (decision,) = result[0].terms
    assert decision.mechanism == "left" and decision.target is None
    assert "nbest" in decision.reason
    # The attention mechanism puts it in anyway, in the place of the model's rendering.
    result = translate_constrained(
        ArgosEngine(), [text], "en", "es", [[odd]], chain=["nbest", "attention"]
    )
    assert result[0].terms[0].mechanism == "attention"
    assert result[0].target.startswith("Los académicos apoyan la zzyzx qwerty")


@pytest.mark.parametrize("tokenizer", ["sentencepiece", "bpe"])
def test_the_placeholder_survives_the_package_s_tokenizer(
    argos_env: Path, tmp_path: Path, tokenizer: str
) -> None:
    """Random-weight packages: the point is the tokenizer, not the model."""
    package = install_archive(
        build_argos_package(tmp_path / tokenizer, "en", "es", tokenizer=tokenizer)  # type: ignore[arg-type]
    )
    model = ArgosEngine().route("en", "es")[0]
    assert model.package.path == package.path
    placeholder = PLACEHOLDER_FORMS[0].format(n=PLACEHOLDER_BASE)
    text = f"La {placeholder} y la {placeholder} de 2012."
    pieces = model.tokenizer.encode(text)
    assert set(pieces) <= model.vocabulary()
    assert model.tokenizer.decode(pieces).strip() == text
    # Reassembled from output pieces too (what the decoder would emit).
    assert model.detokenize(pieces) == text
