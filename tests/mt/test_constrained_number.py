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


def test_a_singular_occurrence_of_a_plural_term_gets_the_singular(tmp_path: Path) -> None:
    # "An international relation is complex." gave "Unas relaciones internacionales es
    # complejas.": a plural rendering stayed plural whatever the source said. The source
    # form's own number tells the singular ("relation" of "relations") from an invariable
    # word ("news"), which keeps the rendering's number.
    from termwise.mt.apertium import ApertiumEngine

    glossary = tmp_path / "terms.tbx"
    head = (ROOT / "glossary" / "key-terms.tbx").read_text(encoding="utf-8").split("<body>")[0]
    entries = "".join(
        f'<conceptEntry id="{cid}"><langSec xml:lang="en"><termSec><term>{en}</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>'
        f'</langSec><langSec xml:lang="es"><termSec><term>{es}</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
        '<termNote type="grammaticalGender">feminine</termNote>'
        "<note>termwise:grammaticalNumber: plural</note></termSec></langSec></conceptEntry>"
        for cid, en, es in (
            ("C1", "international relations", "relaciones internacionales"),
            ("C2", "news", "noticias"),
        )
    )
    glossary.write_text(f"{head}<body>{entries}</body></text></tbx>\n", encoding="utf-8")
    constraints = GlossaryConstraints(load_glossary(glossary), "en", "es")
    engine = ConstrainedEngine(ApertiumEngine(), constraints)
    one, many, invariable = engine.translate(
        [
            "An international relation is complex.",
            "International relations are complex.",
            "The news is good.",
        ],
        "en",
        "es",
    )
    assert one.target == "Una relación internacional es compleja.", one.target
    assert many.target == "Las relaciones internacionales son complejas.", many.target
    assert invariable.target.startswith("Las noticias "), invariable.target
    for result in (one, many, invariable):
        assert [t.mechanism for t in result.terms] == ["apertium-lexical"], result.terms
    # The plan says so for every engine.
    (singular,) = constraints.plan("An international relation is complex.")
    (plural,) = constraints.plan("International relations are complex.")
    (news,) = constraints.plan("The news is good.")
    assert singular.singular and not plural.singular and not news.singular
