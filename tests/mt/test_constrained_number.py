"""A plural occurrence of a term gets the plural rendering with every engine, and the
project's choice of rendering ([mt.terms]) is the one rule the checks follow too."""

from __future__ import annotations

from pathlib import Path

from support import trained_model
from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.argos import ArgosEngine
from termwise.mt.constrained.argos import NBEST, _Segment, _suppressed
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

ROOT = Path(__file__).resolve().parents[2]


def test_the_plan_says_which_occurrences_are_plural_and_their_rendering() -> None:
    constraints = GlossaryConstraints(load_glossary(ROOT / "glossary"), "en", "es")
    (plural,) = constraints.plan("Two peaceful developments happened.")
    (singular,) = constraints.plan("A peaceful development's end.")
    (complement,) = constraints.plan("Communities of human destiny grow.")
    (era,) = constraints.plan("Several new eras began.")
    assert plural.plural and plural.rendering == "desarrollos pacíficos"
    assert plural.number == "plural"
    assert not singular.plural and singular.rendering == "desarrollo pacífico"
    # Only the head noun phrase inflects; the complement keeps its number.
    assert complement.rendering == "comunidades de futuro compartido de la humanidad"
    assert era.rendering == "nuevas épocas"


def test_mt_terms_still_chooses_the_rendering() -> None:
    glossary = load_glossary(ROOT / "glossary")
    chosen = "comunidad global de futuro compartido"
    text = "A community of human destiny exists."
    (placement,) = GlossaryConstraints(glossary, "en", "es", chosen={"T01": chosen}).plan(text)
    assert placement.target is not None and placement.target.text == chosen
    (preferred,) = GlossaryConstraints(glossary, "en", "es").plan(text)
    assert preferred.target is not None
    assert preferred.target.text == "comunidad de futuro compartido de la humanidad"
    # A deprecated rendering is never chosen: the preferred one stays.
    concept = glossary.get("T01")
    assert concept is not None
    deprecated = next(t.text for t in concept.terms("es") if not t.status.is_official)
    (kept,) = GlossaryConstraints(glossary, "en", "es", chosen={"T01": deprecated}).plan(text)
    assert kept.target is not None and kept.target.text == preferred.target.text


def _gendered_glossary() -> Glossary:
    """The trained pair's glossary, its official renderings' gender recorded."""
    feminine = DataCategory("termNote", "grammaticalGender", "feminine")
    return Glossary(
        concepts=[
            Concept(
                concept_id,
                all_terms=[
                    Term(source, "en"),
                    Term(official, "es", status=TermStatus.PREFERRED, extra=[feminine]),
                    Term(deprecated, "es", status=TermStatus.DEPRECATED),
                ],
            )
            for concept_id, source, official, deprecated in trained_model.TERMS
        ]
    )


def test_argos_writes_a_plural_occurrence_in_the_plural(trained_argos_package: Path) -> None:
    # "the communities of shared future" came out "la comunidad de futuro compartido": the
    # rendering as the glossary writes it, and its article set to the glossary's number.
    engine = ConstrainedEngine(ArgosEngine(), GlossaryConstraints(_gendered_glossary(), "en", "es"))
    plural, singular = engine.translate(
        [
            "The leaders support the communities of shared future.",
            "The leaders support the community of shared future.",
        ],
        "en",
        "es",
    )
    assert "las comunidades de futuro compartido" in plural.target, plural.target
    assert "comunidad de futuro compartido" not in plural.target, plural.target
    assert "la comunidad de futuro compartido" in singular.target, singular.target
    for result in (plural, singular):
        (decision,) = result.terms
        assert decision.mechanism != "left", decision
        assert decision.target == "comunidad de futuro compartido"


def test_argos_nbest_suppresses_a_deprecated_rendering_in_the_plural(
    trained_argos_package: Path,
) -> None:
    # A plural occurrence is written in the plural, but only "comunidad de destino común"
    # was suppressed: from "… las comunidades de" the model still wrote its plural.
    text = "The leaders support the communities of shared future."
    (placement,) = GlossaryConstraints(trained_model.glossary(), "en", "es").plan(text)
    assert placement.plural
    assert placement.avoided == ("comunidad de destino común", "comunidades de destino común")
    model = ArgosEngine().route("en", "es")[0]
    source = model.tokenizer.encode(text)
    prefix = model.tokenizer.encode("Los dirigentes apoyan las comunidades de")

    def hypotheses(suppress: list[list[str]] | None) -> list[str]:
        (decoded,) = model.decode(
            [source], prefixes=[prefix], num_hypotheses=NBEST, suppress_sequences=suppress
        )
        return [model.detokenize(tokens) for tokens in decoded.hypotheses]

    deprecated = "comunidades de destino común"
    assert any(deprecated in h for h in hypotheses(None))
    kept = hypotheses(_suppressed(model, [_Segment(0, text, [placement])]))
    assert not any(deprecated in h for h in kept), kept
    assert any("comunidades de futuro compartido" in h for h in kept), kept
