"""Glossary-constrained Apertium (run for real) with a plural term no gender is recorded or
known for, carried through transfer as a plural noun so that its verb agrees: the words
before it agree with the gender its own words show ("los terceros", "las interesadas"), a
determiner takes no second article ("Estos terceros interesados", once "Estos los …"),
"todos" takes the one Spanish needs ("Todos los …"), and an article whose gender nothing
shows is left out rather than made up. Where transfer moves the term inside its sentence,
the sentence keeps its capital and the term its own case."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

_PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    concepts = [
        ("C1", "interested third parties", "terceros interesados"),  # "terceros": masculine
        ("C2", "relevant stakeholders", "interesadas pertinentes"),  # "interesadas": feminine
        ("C3", "policy institutes", "think tanks"),  # nothing shows a gender
    ]
    glossary = Glossary(
        [
            Concept(
                concept_id,
                all_terms=[
                    Term(source, "en"),
                    Term(target, "es", status=TermStatus.PREFERRED, extra=[_PLURAL]),
                ],
            )
            for concept_id, source, target in concepts
        ]
    )
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


# Before: "Estos los terceros …", "Muchos los …", "Algunos los …", "Todo los …", "Los
# interesadas pertinentes …", "Algunos los interesadas …", "Todo los interesadas …",
# "Terceros interesados importan." (its article dropped), "Los think tanks …" (made up).
DETERMINED = [
    (
        "These interested third parties must act.",
        "Estos terceros interesados tienen que obrar.",
    ),
    (
        "Many interested third parties must act.",
        "Muchos terceros interesados tienen que obrar.",
    ),
    ("Some interested third parties are new.", "Algunos terceros interesados son nuevos."),
    (
        "All interested third parties must act.",
        "Todos los terceros interesados tienen que obrar.",
    ),
    ("The interested third parties matter.", "Los terceros interesados importan."),
    (
        "The relevant stakeholders should act.",
        "Las interesadas pertinentes tendrían que obrar.",
    ),
    ("Some relevant stakeholders disagree.", "Algunas interesadas pertinentes discrepan."),
    ("All relevant stakeholders agree.", "Todas las interesadas pertinentes acuerdan."),
    ("We consulted the relevant stakeholders.", "Consultamos las interesadas pertinentes."),
    ("The policy institutes should act.", "Think tanks tendrían que obrar."),
    ("All policy institutes agree.", "Todos los think tanks acuerdan."),
]


@pytest.mark.parametrize(("source", "expected"), DETERMINED)
def test_the_words_before_a_carried_verbatim_term_agree_with_its_form(
    engine: ConstrainedEngine, source: str, expected: str
) -> None:
    (result,) = engine.translate([source], "en", "es")
    assert result.target == expected, result.target
    assert [t.mechanism for t in result.terms] == ["apertium-verbatim"], result.terms


def test_the_reason_says_which_gender_the_words_before_it_took(
    engine: ConstrainedEngine,
) -> None:
    first, second = engine.translate(
        ["The relevant stakeholders should act.", "The policy institutes should act."],
        "en",
        "es",
    )
    assert "feminine its own form shows" in first.terms[0].reason, first.terms[0].reason
    assert "'The' before it left out" in second.terms[0].reason, second.terms[0].reason


def test_a_term_transfer_moves_inside_its_sentence_keeps_the_sentence_case(
    engine: ConstrainedEngine,
) -> None:
    # The tagger read "must" as a noun (plain Apertium too), and the compound rule moved
    # the term to the end: once "Ley de mosto de Interesadas pertinentes.", and the mark
    # that lowers the word after a sentence-opening term lowered the next sentence's first
    # word ("la ley …", "la economía crece"). "must" is now the modal after a term
    # (``_modal_in_noun_run``); the next sentence keeps its capital either way.
    first, second = engine.translate(
        [
            "Relevant stakeholders must act. The economy grows.",
            "The relevant stakeholders must act.",
        ],
        "en",
        "es",
    )
    assert "Interesadas pertinentes tienen que obrar. La economía crece." in first.target, (
        first.target
    )
    assert first.target[:1].isupper(), first.target
    assert second.target[:1].isupper(), second.target
    assert "interesadas pertinentes" in second.target, second.target
