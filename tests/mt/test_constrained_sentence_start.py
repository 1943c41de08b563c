"""Glossary-constrained Apertium at the start of a sentence: the noun after a term is the
sentence's verb where nothing else is, and a term that modifies the next noun leaves that
noun its article (Debian's apertium-eng-spa, run for real, with the curated glossary)."""

from __future__ import annotations

import pytest

from support.constrained_apertium import curated_apertium_engine
from termwise.mt.constrained.engine import ConstrainedEngine


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return curated_apertium_engine()


def test_a_sentence_keeps_its_verb_after_a_term_that_ends_in_its_head(
    engine: ConstrainedEngine,
) -> None:
    # Since 67f3eaa "Common prosperity increases." came out "Aumentos de prosperidad
    # común." and "Economic globalization works." "Obras de globalización económica.": the
    # tagger's noun after the term stayed, and the sentence had no verb.
    results = engine.translate(
        [
            "Common prosperity increases.",
            "Economic globalization works.",
            "Economic globalization works well.",
        ],
        "en",
        "es",
    )
    assert [r.target for r in results] == [
        "La prosperidad común aumenta.",
        "La globalización económica obra.",
        "La globalización económica obra bien.",
    ]
    for result in results:
        assert [t.mechanism for t in result.terms] == ["apertium-lexical"], result.terms


def test_a_base_form_after_the_noun_is_the_verb_the_noun_is_not(
    engine: ConstrainedEngine,
) -> None:
    # The tagger reads "continue" after "projects" as an infinitive: read as no finite verb,
    # it let "projects" become the verb ("La Iniciativa de la Franja y la Ruta proyecta
    # continuar.").
    (result,) = engine.translate(["Belt and Road Initiative projects continue."], "en", "es")
    assert result.target == "Los proyectos de la Iniciativa de la Franja y la Ruta continúan.", (
        result.target
    )


def test_a_term_of_unknown_gender_that_opens_a_sentence_leaves_the_noun_its_article(
    engine: ConstrainedEngine,
) -> None:
    # "Global governance reforms failed." came out "Reformas de gobernanza global
    # fallaron.": transfer's compound rule gives a sentence-initial compound no article
    # (plain Apertium too: "Proyectos de desarrollo continúan."), while "The development
    # projects" gets one. The article agrees with the noun the term modifies, whatever the
    # gender of "gobernanza global" (recorded nowhere; feminine by its suffix "-anza").
    sentences = {
        "Global governance reforms failed.": "Las reformas de gobernanza global fallaron.",
        "Global governance reform is urgent.": "La reforma de gobernanza global es urgente.",
        "Global governance issues remain.": "Los asuntos de gobernanza global quedan.",
        "All global governance reforms failed.": (
            "Todas las reformas de gobernanza global fallaron."
        ),
        "These global governance reforms failed.": "Estas reformas de gobernanza global fallaron.",
        "Our global governance reform is urgent.": (
            "Nuestra reforma de gobernanza global es urgente."
        ),
        "*Global governance* reforms failed.": "Las reformas de *gobernanza global* fallaron.",
        # Neither a heading nor an object takes one.
        "Global governance reforms": "Reformas de gobernanza global",
        "We need global governance reforms.": "Necesitamos reformas de gobernanza global.",
    }
    results = engine.translate(list(sentences), "en", "es")
    assert {r.source: r.target for r in results} == sentences
    for result in results:
        (decision,) = result.terms
        assert decision.mechanism == "apertium-lexical", decision
        assert "records no gender" in decision.reason, decision
        assert decision.target == "gobernanza global"
