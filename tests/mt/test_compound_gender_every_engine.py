"""The words around a new compound of a noun prefix that an engine placed without its grammar
(Argos) agree with the gender of the compound's noun, as Apertium's mechanism makes them:
both ask ``agreement.term_gender``, which reads the noun with Apertium's Spanish analyser
(run for real). Argos' agreement went by the suffix rule alone, which knows nothing of
"ciberamenaza", and left "El ciberamenaza crece." where Apertium wrote "La ciberamenaza"."""

from __future__ import annotations

from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine, agree_terms
from termwise.mt.constrained.plan import GlossaryConstraints
from termwise.mt.engine import MTResult, TermDecision


def _constraints() -> GlossaryConstraints:
    concept = Concept(
        "C1",
        all_terms=[
            Term("cyber threat", "en"),
            Term("ciberamenaza", "es", status=TermStatus.PREFERRED),
        ],
    )
    return GlossaryConstraints(Glossary([concept]), "en", "es")


def test_an_engine_without_grammar_agrees_with_the_compounds_noun() -> None:
    constraints = _constraints()
    source = "The cyber threat grows."
    (placement,) = constraints.plan(source)
    # As an Argos model that took the placeholder for a masculine noun writes it.
    raw = MTResult(
        source,
        "El ciberamenaza crece.",
        "argos",
        "test",
        terms=(TermDecision("C1", "cyber threat", "ciberamenaza", "placeholder"),),
    )
    result = agree_terms(raw, [placement], "es")
    assert result.target == "La ciberamenaza crece.", result.target
    (decision,) = result.terms
    assert "agreement: El → La" in decision.reason, decision
    # Predicted, not recorded: the reason says what gave the gender.
    assert "feminine by its noun 'amenaza' in spa-eng.automorf.bin" in decision.reason, decision


def test_both_engines_give_the_compound_the_same_gender() -> None:
    constraints = _constraints()
    (apertium,) = ConstrainedEngine(ApertiumEngine(), constraints).translate(
        ["The cyber threat grows."], "en", "es"
    )
    assert apertium.target == "La ciberamenaza crece.", apertium.target
    raw = MTResult(
        "The cyber threat grows.",
        "Un ciberamenaza crece.",
        "argos",
        "test",
        terms=(TermDecision("C1", "cyber threat", "ciberamenaza", "placeholder"),),
    )
    (placement,) = constraints.plan(raw.source)
    assert agree_terms(raw, [placement], "es").target == "Una ciberamenaza crece."
