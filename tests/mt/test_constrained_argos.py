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
    NBEST,
    PLACEHOLDER_SHAPES,
    _Run,
    placed,
    placeholders,
    translate_constrained,
)
from termwise.mt.constrained.plan import GlossaryConstraints, Placement
from termwise.mt.packages import install_archive

PAIRS = trained_model.test_pairs()
TEXTS = [pair.source for pair in PAIRS]
REFERENCES = [pair.target for pair in PAIRS]


def plans_for(texts: list[str]) -> list[list[Placement]]:
    constraints = GlossaryConstraints(trained_model.glossary(), "en", "es")
    return [constraints.plan(text) for text in texts]


def plans() -> list[list[Placement]]:
    return plans_for(TEXTS)


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
    assert compliance(outputs, segment_plans) == (90, 90)
    # Each decision says which mechanism placed the term, and the term is the official one.
    assert Counter(d.mechanism for r in results for d in r.terms) == {mechanism: 90}
    for result, plan in zip(results, segment_plans, strict=True):
        for decision, placement in zip(result.terms, plan, strict=True):
            assert placement.target is not None
            assert decision.target == placement.target.text
    # Deprecated renderings are gone, and the rest of the sentence is still a translation:
    # the model's own where the mechanism decodes (a placeholder costs the term's article
    # its agreement, "el comunidad": docs/benchmarks/constrained-argos.md).
    assert not any(bad in out for out in outputs for _, _, _, bad in trained_model.TERMS)
    assert chrf(outputs) > (88 if mechanism == "placeholder" else 98)


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


def test_nbest_asks_for_alternatives_where_the_model_went_astray(
    trained_argos_package: Path,
) -> None:
    """With its deprecated rendering suppressed, the model writes a hybrid ("iniciativa de
    desarrollo global") in all its n-best for some sentences; its alternatives after
    "iniciativa" hold the official rendering, continued by the model, and where they do the
    sentence says so.

    Which sentences go astray depends on the trained weights, and those on the CPU's
    arithmetic (AVX2 or AVX-512 kernels), so the test looks for them among the sentences of
    the synthetic language rather than naming one.
    """
    official = "iniciativa para el desarrollo global"
    engine = ArgosEngine()
    model = engine.route("en", "es")[0]
    astray: list[tuple[str, list[Placement]]] = []
    for subject in trained_model.SUBJECTS:
        for verb in trained_model.VERBS:
            text = f"The {subject} {verb} the global development initiative."
            (plan,) = plans_for([text])
            suppress = [model.tokenizer.encode(a) for a in plan[0].avoid]
            (first,) = model.decode(
                [model.tokenizer.encode(text)], num_hypotheses=NBEST, suppress_sequences=suppress
            )
            hypotheses = [model.detokenize(tokens) for tokens in first.hypotheses]
            if not any(official in h for h in hypotheses):
                astray.append((text, plan))
    assert astray, "the model never went astray: nothing for the n-best mechanism to do"
    texts = [text for text, _ in astray]
    results = translate_constrained(
        engine, texts, "en", "es", [plan for _, plan in astray], chain=["nbest"]
    )
    recovered = [result for result in results if official in result.target]
    assert recovered, [result.target for result in results]
    for result in results:
        placed = [(d.mechanism, d.target) for d in result.terms if d.mechanism == "nbest"]
        assert placed == ([("nbest", official)] if result in recovered else [])


def test_a_placeholder_the_model_garbles_is_tried_again_with_other_numbers(
    trained_argos_package: Path,
) -> None:
    """Between two other numbers the model turns the first placeholder (7310) into another
    number ("732") in all its hypotheses; another number gets through, and the sentence
    keeps the others. Which numbers make the model garble it depends on the trained weights
    (and so on the machine's arithmetic): the sentences are searched for, as the n-best test
    searches for a model gone astray, and every one found must get the term."""
    engine = ArgosEngine()
    model = engine.route("en", "es")[0]
    first = placeholders(_Run(engine, "en", "es"), "The community of shared future.", 1)
    assert first == [str(PLACEHOLDER_SHAPES[0][0])]
    garbled: list[tuple[str, str, str]] = []
    for before in ("4006", "3150", "8821", "917", "2604", "5379", "6498", "1203"):
        for after in ("926", "48", "3311", "775", "1590", "204"):
            text = f"The policy study the {before} in the community of shared future in {after}."
            masked = text.replace("community of shared future", first[0])
            (decoded,) = model.decode([model.tokenizer.encode(masked)], num_hypotheses=NBEST)
            outputs = [model.detokenize(tokens) for tokens in decoded.hypotheses]
            if not any(output.count(first[0]) == 1 for output in outputs):
                garbled.append((text, before, after))
    assert garbled, "the model copied the first placeholder everywhere: nothing to retry"
    texts = [text for text, _, _ in garbled]
    results = translate_constrained(
        engine, texts, "en", "es", plans_for(texts), chain=["placeholder"]
    )
    kept = 0
    for (_, before, after), result in zip(garbled, results, strict=True):
        assert [(d.mechanism, d.target) for d in result.terms] == [
            ("placeholder", "comunidad de futuro compartido")
        ], result.target
        assert first[0] not in result.target, result.target
        # The other numbers are the model's to copy, which this tiny one does only at times.
        kept += before in result.target and f"compartido en {after}." in result.target
    assert kept, [result.target for result in results]


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
    # Known Spanish words that the model never puts together for this concept: n-best
    # cannot find them, and no known rendering marks where the model's own one is.
    target = type(plan[0].target)("proyecto de cumbre", "es")  # type: ignore[call-arg]
    odd = Placement("C2", plan[0].start, plan[0].end, plan[0].source, target, "", ())
    result = translate_constrained(ArgosEngine(), [text], "en", "es", [[odd]], chain=["nbest"])
    (decision,) = result[0].terms
    assert decision.mechanism == "left" and decision.target is None
    assert "nbest" in decision.reason
    # Attention finds the model's rendering and puts the term in its place.
    result = translate_constrained(
        ArgosEngine(), [text], "en", "es", [[odd]], chain=["nbest", "attention"]
    )
    assert result[0].terms[0].mechanism == "attention"
    output = result[0].target
    assert output.startswith("Los académicos apoyan") and "proyecto de cumbre" in output
    # Where the model's rendering starts, it is replaced; without a known rendering to fit
    # the span to, its end is attention's guess (here, the weakly attended "y camino" may
    # stay: docs/benchmarks/constrained-argos.md).
    assert "cinturón" not in output and "franja" not in output


@pytest.mark.parametrize("tokenizer", ["sentencepiece", "bpe"])
def test_the_placeholder_survives_the_package_s_tokenizer(
    argos_env: Path, tmp_path: Path, tokenizer: str
) -> None:
    """Random-weight packages: the point is the tokenizer, not the model. Their training
    text has only the digits of "2012", so placeholders must be made of those."""
    package = install_archive(
        build_argos_package(tmp_path / tokenizer, "en", "es", tokenizer=tokenizer)  # type: ignore[arg-type]
    )
    engine = ArgosEngine()
    model = engine.route("en", "es")[0]
    assert model.package.path == package.path
    # The preferred form's first candidate has digits the package never saw.
    assert not set(model.tokenizer.encode("a 7310 b")) <= model.vocabulary()
    text = "The 2012 policy of the community of shared future."
    chosen = placeholders(_Run(engine, "en", "es"), text, 2)
    assert chosen is not None and len(set(chosen)) == 2
    assert not any(p in text for p in chosen)
    masked = f"La {chosen[0]} y la {chosen[1]} de 2012."
    pieces = model.tokenizer.encode(masked)
    assert set(pieces) <= model.vocabulary()
    # Decoded back from the pieces as the engine decodes output pieces.
    assert model.detokenize(pieces) == masked


def test_attention_replacement_joins_bpe_pieces(argos_env: Path, tmp_path: Path) -> None:
    """A Moses + BPE package (random weights): the located span is whole words of
    ``@@``-joined pieces, and the official rendering comes out as text, not pieces."""
    install_archive(build_argos_package(tmp_path / "bpe", "en", "es", tokenizer="bpe"))
    segment_plans = plans()[:12]
    results = translate_constrained(
        ArgosEngine(beam_size=2), TEXTS[:12], "en", "es", segment_plans, chain=["attention"]
    )
    applied = [
        (result.target, decision.target)
        for result in results
        for decision in result.terms
        if decision.mechanism == "attention"
    ]
    assert len(applied) >= 3
    for output, rendering in applied:
        assert rendering is not None and rendering in output
        assert "@@ " not in output.split(rendering)[0]
