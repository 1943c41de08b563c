"""Glossary-constrained Apertium writes the official terms grammatically (Debian's
apertium-eng-spa, run for real, with the curated glossary)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, DataCategory, Glossary, Term
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

ROOT = Path(__file__).resolve().parents[2]
T01_ES = "comunidad de futuro compartido de la humanidad"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT / "glossary")


@pytest.fixture(scope="module")
def engine(glossary: Glossary) -> ConstrainedEngine:
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


def test_a_plural_occurrence_makes_the_terms_adjectives_plural(
    engine: ConstrainedEngine, glossary: Glossary
) -> None:
    # The generator made the head plural and left the rest of the rendering singular:
    # "Dos desarrollos pacífico", "Varias nueva épocas", "comunidades global de futuro…".
    peaceful, new, human = engine.translate(
        [
            "Two peaceful developments were observed in the region.",
            "Several new eras began after the war.",
            "Interdependent destiny communities are emerging.",
        ],
        "en",
        "es",
    )
    assert peaceful.target.startswith("Dos desarrollos pacíficos "), peaceful.target
    assert new.target.startswith("Varias nuevas épocas "), new.target
    # The complement stays as it is.
    assert f"comunidades {T01_ES.split(' ', 1)[1]}" in human.target, human.target
    for result in (peaceful, new, human):
        assert [t.mechanism for t in result.terms] == ["apertium-lexical"]
    chosen = ConstrainedEngine(
        ApertiumEngine(),
        GlossaryConstraints(
            glossary, "en", "es", chosen={"T01": "comunidad global de futuro compartido"}
        ),
    )
    plural, singular = chosen.translate(
        ["Interdependent destiny communities exist.", "A destiny community exists."], "en", "es"
    )
    assert "comunidades globales de futuro compartido" in plural.target, plural.target
    assert "comunidad global de futuro compartido" in singular.target, singular.target


def test_a_quantifier_before_a_term_is_its_determiner(engine: ConstrainedEngine) -> None:
    # "Many economic globalizations" gave "Muchos las globalizaciones económica": the tagger
    # read "Many" before an adjective as a pronoun, which transfer made masculine, and gave
    # the noun phrase an article of its own.
    many, several = engine.translate(
        [
            "Many economic globalizations have happened in history.",
            "We saw many economic globalizations.",
        ],
        "en",
        "es",
    )
    assert many.target.startswith("Muchas globalizaciones económicas han "), many.target
    assert "muchas globalizaciones económicas" in several.target, several.target


def test_the_article_before_a_links_text_agrees_with_the_term(
    engine: ConstrainedEngine,
) -> None:
    # "The [Belt and Road](https://x.org) is large." gave "El [Franja y la Ruta](…)": the
    # bracket stood between the article and the injected term.
    short, full, reference, emphasised = engine.translate(
        [
            "The [Belt and Road](https://x.org) is large.",
            "The [community of human destiny](https://x.org) is large.",
            "A [community of human destiny][ref] works.",
            "The [*community of human destiny*](https://x.org) is large.",
        ],
        "en",
        "es",
    )
    assert short.target.startswith("La [Franja y la Ruta](https"), short.target
    assert full.target.startswith(f"La [{T01_ES}](https"), full.target
    assert reference.target.startswith(f"Una [{T01_ES}][ref]"), reference.target
    assert emphasised.target.startswith(f"La [*{T01_ES}*](https"), emphasised.target
    for result in (short, full, reference, emphasised):
        assert result.target.count("[") == result.source.count("[")
        assert [t.mechanism for t in result.terms] == ["apertium-lexical"]


def test_a_short_form_spelled_out_in_another_case_gets_the_full_rendering(
    engine: ConstrainedEngine,
) -> None:
    # "The Belt and Road initiative" matched only its short form (the full form is a
    # case-sensitive name): "La iniciativa de Franja y la Ruta", without the name's article.
    spelled, short = engine.translate(
        ["The Belt and Road initiative is large.", "We support the Belt and Road."], "en", "es"
    )
    assert spelled.target == "La Iniciativa de la Franja y la Ruta es grande.", spelled.target
    assert spelled.terms[0].source == "Belt and Road initiative"
    assert spelled.terms[0].target == "Iniciativa de la Franja y la Ruta"
    # A short form alone gets the target's short form (README).
    assert short.target == "Apoyamos la Franja y la Ruta.", short.target
    assert short.terms[0].target == "Franja y la Ruta"


def test_the_sentence_capital_goes_only_on_the_first_word_written(
    engine: ConstrainedEngine,
) -> None:
    # "New eras began." gave "Las Nuevas épocas empezaron.": the term's first word was
    # capitalised for the sentence start, and transfer then put the article before it.
    article, bare, head_first = engine.translate(
        ["New eras began.", "New eras", "Peaceful developments happened."], "en", "es"
    )
    assert article.target == "Las nuevas épocas empezaron.", article.target
    assert bare.target == "Nuevas épocas", bare.target
    assert head_first.target == "Los desarrollos pacíficos pasaron.", head_first.target
    for result in (article, bare, head_first):
        assert [t.mechanism for t in result.terms] == ["apertium-lexical"]


def test_all_before_a_term_agrees_and_the_sentence_keeps_its_verb(
    engine: ConstrainedEngine,
) -> None:
    # "All communities of human destiny matter." gave "Todo asunto de comunidades de futuro
    # compartido de la humanidad.": the tagger read "matter" as a noun, transfer made a
    # compound of it and the term, and the verb was gone. "All" before an adjective was
    # read as a pronoun: "Todo los desarrollos pacíficos".
    matter, singular, pronoun, compound, heading = engine.translate(
        [
            "All communities of human destiny matter.",
            "A community of human destiny matters.",
            "All peaceful developments are good.",
            "We discussed community of human destiny matters.",
            "Peaceful development issues",
        ],
        "en",
        "es",
    )
    assert matter.target == f"Todas las comunidades {T01_ES.split(' ', 1)[1]} importan.", (
        matter.target
    )
    assert singular.target == f"Una {T01_ES} importa.", singular.target
    assert pronoun.target.startswith("Todos los desarrollos pacíficos son "), pronoun.target
    # A sentence with a verb of its own keeps the tagger's noun.
    assert compound.target.startswith("Hablamos asuntos de "), compound.target
    # So does a heading, which needs no verb.
    assert heading.target == "Asuntos de desarrollo pacífico", heading.target


def test_a_term_that_modifies_a_noun_gets_the_articles_spanish_needs(
    engine: ConstrainedEngine,
) -> None:
    # "All Belt and Road Initiative projects were reviewed." gave "Todos proyectos de
    # Iniciativa de la Franja y la Ruta …": transfer's compound rule gives "all" no article
    # and the name none either.
    all_name, the_name, many, all_common, bank, bare = engine.translate(
        [
            "All Belt and Road Initiative projects were reviewed.",
            "The Belt and Road Initiative projects were reviewed.",
            "Many peaceful development projects failed.",
            "All peaceful development projects failed.",
            "The Asian Infrastructure Investment Bank projects were reviewed.",
            "We visited Belt and Road Initiative countries.",
        ],
        "en",
        "es",
    )
    bri = "la Iniciativa de la Franja y la Ruta"
    assert all_name.target.startswith(f"Todos los proyectos de {bri} "), all_name.target
    assert the_name.target.startswith(f"Los proyectos de {bri} "), the_name.target
    # A common noun that modifies another takes no article in Spanish either.
    assert many.target == "Muchos proyectos de desarrollo pacífico fallaron.", many.target
    assert all_common.target == "Todos los proyectos de desarrollo pacífico fallaron.", (
        all_common.target
    )
    assert bank.target.startswith(
        "Los proyectos del Banco Asiático de Inversión en Infraestructura "
    ), bank.target
    assert bare.target == f"Visitamos países de {bri}.", bare.target
    for result in (all_name, the_name, many, all_common, bank, bare):
        assert [t.mechanism for t in result.terms] == ["apertium-lexical"], result.terms


def test_an_emphasis_around_all_and_the_term_keeps_the_sentence_s_verb(
    engine: ConstrainedEngine,
) -> None:
    # "*All communities with a shared future for mankind* matter." gave "*Todo asunto* de
    # comunidades …": the closing "*" hid "matter" from the reading that turns it back
    # into the verb, which the same sentence without emphasis gets.
    emphasis, strong, plain = engine.translate(
        [
            "*All communities with a shared future for mankind* matter.",
            "**All communities with a shared future for mankind** matter.",
            "All communities with a shared future for mankind matter.",
        ],
        "en",
        "es",
    )
    rest = T01_ES.split(" ", 1)[1]
    assert plain.target == f"Todas las comunidades {rest} importan.", plain.target
    assert emphasis.target == f"*Todas las comunidades {rest}* importan.", emphasis.target
    assert strong.target == f"**Todas las comunidades {rest}** importan.", strong.target


def _of_no_gender() -> ConstrainedEngine:
    """An engine rendering "global governance" by a term of no gender anywhere: the glossary
    records none, Apertium's analyser does not know "criptopolítica", no suffix rule fixes one."""
    concept = Concept("C1")
    concept.add(Term("global governance", "en"))
    concept.add(Term("criptopolítica global", "es"))
    glossary = Glossary([concept])
    assert concept.all_terms[1].gender_fact is None
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))


def test_a_term_of_unknown_gender_that_modifies_a_noun_is_injected() -> None:
    # "All global governance reforms failed." gave "Todo gobernanza global las reformas
    # fallaron.": the term had no gender and Apertium knew neither its head nor
    # "governance", so the term went in verbatim and transfer read "All" as a pronoun before
    # a noun phrase of its own. As the modifier of the one noun after it the term needs no
    # gender: nothing in "reformas de criptopolítica global" agrees with it.
    modifier, the, subject, chain = _of_no_gender().translate(
        [
            "All global governance reforms failed.",
            "The global governance reforms failed.",
            "Global governance failed.",
            "We need global governance system reform.",
        ],
        "en",
        "es",
    )
    assert modifier.target == "Todas las reformas de criptopolítica global fallaron.", (
        modifier.target
    )
    assert the.target == "Las reformas de criptopolítica global fallaron.", the.target
    for result in (modifier, the):
        (decision,) = result.terms
        assert decision.mechanism == "apertium-lexical"
        assert "records no gender" in decision.reason
    # Elsewhere transfer would give it a gender ("El criptopolítica global falló", "reforma
    # de sistema del criptopolítica global"): it still goes in verbatim.
    assert subject.target == "Criptopolítica global falló.", subject.target
    assert "del criptopolítica" not in chain.target and "criptopolítica global" in chain.target
    for result in (subject, chain):
        assert [t.mechanism for t in result.terms] == ["apertium-verbatim"], result.terms


def test_a_gender_predicted_from_the_heads_suffix_gives_the_term_its_article(
    engine: ConstrainedEngine,
) -> None:
    # The glossary records no gender for "gobernanza global" and Apertium's analyser does
    # not know "gobernanza": "The global governance needs reform." came out "Gobernanza
    # global necesita reforma.", "The" dropped. "-anza" makes a Spanish noun feminine.
    the, subject, our, modifier, lead_in = engine.translate(
        [
            "The global governance needs reform.",
            "Global governance failed.",
            "Our global governance needs reform.",
            "All global governance reforms failed.",
            "Global governance needs three things:",
        ],
        "en",
        "es",
    )
    assert the.target == "La gobernanza global necesita reforma.", the.target
    assert subject.target == "La gobernanza global falló.", subject.target
    assert our.target == "Nuestra gobernanza global necesita reforma.", our.target
    # The modifier of the next noun: its article agrees with that noun, as before.
    assert modifier.target == "Todas las reformas de gobernanza global fallaron.", modifier.target
    assert lead_in.target == "La gobernanza global necesita tres cosas:", lead_in.target
    for result in (the, subject, our, modifier, lead_in):
        (decision,) = result.terms
        assert decision.mechanism == "apertium-lexical", decision
        assert "feminine by the suffix rule (suffix -anza (es))" in decision.reason, decision


def test_a_recorded_gender_wins_over_the_suffix_rule(glossary: Glossary) -> None:
    # "-anza" says feminine; a glossary that records masculine (wrongly, but it is the
    # translator's word) is followed, and the reason says nothing of a suffix.
    concept = Concept("C1")
    concept.add(Term("global governance", "en"))
    masculine = DataCategory("termNote", "grammaticalGender", "masculine")
    concept.add(Term("gobernanza global", "es", extra=[masculine]))
    engine = ConstrainedEngine(
        ApertiumEngine(), GlossaryConstraints(Glossary([concept]), "en", "es")
    )
    (result,) = engine.translate(["The global governance needs reform."], "en", "es")
    assert result.target == "El gobernanza global necesita reforma.", result.target
    (decision,) = result.terms
    assert "suffix" not in decision.reason, decision


def test_a_noun_after_a_term_that_ends_in_its_head_is_the_sentence_s_verb(
    engine: ConstrainedEngine,
) -> None:
    # 67f3eaa kept the tagger's noun after a term that ends in its head, for "Peaceful
    # development issues." ("Asuntos de desarrollo pacífico."), and "Common prosperity
    # increases." came out "Aumentos de prosperidad común.", a sentence without a verb. A
    # sentence needs a finite verb, so the verb reading is the default after any term; a
    # heading keeps the noun ("Peaceful development issues" without a full stop).
    issues, matter, mankind, heading = engine.translate(
        [
            "Peaceful development issues.",
            "All communities of human destiny matter.",
            "A community with a shared future for mankind matters.",
            "Peaceful development issues",
        ],
        "en",
        "es",
    )
    assert issues.target == "El desarrollo pacífico emite.", issues.target
    rest = T01_ES.split(" ", 1)[1]
    assert matter.target == f"Todas las comunidades {rest} importan.", matter.target
    assert mankind.target == f"Una {T01_ES} importa.", mankind.target
    assert heading.target == "Asuntos de desarrollo pacífico", heading.target
