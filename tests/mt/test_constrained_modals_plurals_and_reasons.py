"""Glossary-constrained Apertium (run for real): a modal is the sentence's verb, a plural
the analyser does not know is still a plural, a plural-only term stays plural, and the PO
comment says why a gender was predicted."""

from __future__ import annotations

import pytest

from support.constrained_apertium import curated_apertium_engine
from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints
from termwise.mt.engine import TermDecision

PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return curated_apertium_engine()


def test_a_modal_after_the_term_keeps_the_noun_a_noun(engine: ConstrainedEngine) -> None:
    # Apertium tags "must" <vaux><inf>: read as no finite verb, "reforms" became the verb
    # ("La gobernanza global reforma tiene que continuar.").
    must, should, alone = engine.translate(
        [
            "Global governance reforms must continue.",
            "Global governance reforms should be fast.",
            "Global governance reforms.",
        ],
        "en",
        "es",
    )
    assert must.target == "Las reformas de gobernanza global tienen que continuar.", must.target
    assert should.target.startswith("Las reformas de gobernanza global "), should.target
    # With no other verb, "reforms" is the verb: acceptable Spanish.
    assert alone.target == "La gobernanza global reforma.", alone.target


def test_a_plural_the_analyser_does_not_know_agrees_in_the_plural(
    engine: ConstrainedEngine,
) -> None:
    # Apertium's English analyser does not know "governances": the occurrence was taken for
    # a singular, "need" stayed a noun and the term singular ("La reforma de necesidad de la
    # gobernanza global."); its adjective must be plural too ("gobernanzas global").
    plural, many = engine.translate(
        ["The global governances need reform.", "Reforms of global governances are urgent."],
        "en",
        "es",
    )
    assert plural.target == "Las gobernanzas globales necesitan reforma.", plural.target
    assert "de gobernanzas globales" in many.target, many.target
    for result in (plural, many):
        assert [d.mechanism for d in result.terms] == ["apertium-lexical"], result.terms


def test_a_plural_of_a_term_with_an_adjective_before_its_head_agrees() -> None:
    concept = Concept(
        "C1", all_terms=[Term("new governance", "en"), Term("nueva gobernanza", "es")]
    )
    engine = ConstrainedEngine(
        ApertiumEngine(), GlossaryConstraints(Glossary([concept]), "en", "es")
    )
    (result,) = engine.translate(["The new governances need reform."], "en", "es")
    assert result.target == "Las nuevas gobernanzas necesitan reforma.", result.target


def _good_offices(*, source_number: bool) -> Glossary:
    return Glossary(
        [
            Concept(
                "C2",
                all_terms=[
                    Term("good offices", "en", extra=[PLURAL] if source_number else []),
                    Term("buenos oficios", "es", status=TermStatus.PREFERRED, extra=[PLURAL]),
                ],
            ),
            Concept(
                "C3",
                all_terms=[
                    Term("international relations", "en"),
                    Term(
                        "relaciones internacionales",
                        "es",
                        status=TermStatus.PREFERRED,
                        extra=[PLURAL],
                    ),
                ],
            ),
        ]
    )


def test_a_plural_only_term_is_never_made_singular() -> None:
    # "He offered a good office." gave "Ofreció un bueno oficio": a made-up singular of a
    # plural-only concept. The glossary records the English form as a plural, which a term
    # is entered as only where its noun is used only in the plural.
    constraints = GlossaryConstraints(_good_offices(source_number=True), "en", "es")
    (placement,) = constraints.plan("He offered a good office.")
    assert not placement.singular and placement.rendering == "buenos oficios"
    engine = ConstrainedEngine(ApertiumEngine(), constraints)
    offered, helped, relation = engine.translate(
        [
            "He offered a good office.",
            "The good office of the UN helped.",
            "An international relation is complex.",
        ],
        "en",
        "es",
    )
    assert "buenos oficios" in offered.target, offered.target
    assert "bueno oficio" not in offered.target + helped.target
    assert helped.target == "Los buenos oficios de la ONU ayudaron.", helped.target
    # A plural rendering of a source form not recorded as plural is still made singular.
    assert relation.target == "Una relación internacional es compleja.", relation.target
    # Without the record, the singular is what the source says (the existing rule).
    (unmarked,) = GlossaryConstraints(_good_offices(source_number=False), "en", "es").plan(
        "He offered a good office."
    )
    assert unmarked.singular


def test_a_comment_line_says_why_a_gender_was_predicted(engine: ConstrainedEngine) -> None:
    (result,) = engine.translate(["Global governance matters."], "en", "es")
    (decision,) = result.terms
    line = decision.describe()
    assert line.startswith("T21 -> gobernanza global (apertium-lexical): "), line
    assert "feminine by the suffix rule (suffix -anza (es))" in line, line
    assert len(line) < 120, line
    # A decision with no reason reads as before; a short reason is kept whole.
    plain = TermDecision("T01", "x", "comunidad", "apertium-lexical")
    assert plain.describe() == "T01 -> comunidad (apertium-lexical)"
    short = TermDecision("T01", "x", "comunidad", "placeholder", "agreement: el → la")
    assert short.describe() == "T01 -> comunidad (placeholder): agreement: el → la"
