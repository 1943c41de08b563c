"""A plural glossary term written in the singular for a singular occurrence ("a renewable
energy" of "renewable energies") is made of words a writer uses: the singular wordfreq knows
("energía renovable", not "energía renovabl"), invariable adverbs and words without a
plural's ending as they stand ("país menos adelantado"), a coordinate head in the singular
too ("bien y servicio"), and the rendering as it stands where a singular is unsure. Argos
runs for real with the tests' trained package; the Apertium head rule agrees with the gender
rule's for a head the analyser does not know ("nueva gobernanza")."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import trained_model
from termwise.glossary.gender import head_gender
from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.argos import ArgosEngine
from termwise.mt.constrained.apertium import find_head
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints, singularised


@pytest.mark.parametrize(
    ("plural", "lang", "singular"),
    [
        # Each was a made-up word: the rules alone cannot tell "cable" from "cabl".
        ("energías renovables", "es", "energía renovable"),
        ("cables submarinos", "es", "cable submarino"),
        ("bienes inmuebles", "es", "bien inmueble"),
        ("variables aleatorias", "es", "variable aleatoria"),
        ("calles", "es", "calle"),
        ("clubes", "es", "club"),
        ("dioses", "es", "dios"),
        ("rubíes", "es", "rubí"),
        ("travaux publics", "fr", "travail public"),
        ("eaux usées", "fr", "eau usée"),
        # "meno": an adverb is no plural; the adjective after it agrees with the head.
        ("países menos adelantados", "es", "país menos adelantado"),
        ("Países Menos Adelantados", "es", "País Menos Adelantado"),
        # "bien y servicios": the coordinate head stayed plural.
        ("bienes y servicios", "es", "bien y servicio"),
        ("pequeñas y medianas empresas", "es", "pequeña y mediana empresa"),
        ("petites et moyennes entreprises", "fr", "petite et moyenne entreprise"),
        # "journal officiels": a French adjective in "-s" after the head agrees with it.
        ("journaux officiels", "fr", "journal officiel"),
        ("pays membres", "fr", "pays membre"),
        # A word without a plural's ending stays; the adjective after it agrees.
        ("crisis económicas", "es", "crisis económica"),
        # "antes" and "después" open a complement, as a preposition does ("beneficio ant").
        ("beneficios antes de impuestos", "es", "beneficio antes de impuestos"),
        ("comunidades de futuro compartido", "es", "comunidad de futuro compartido"),
        ("relaciones internacionales", "es", "relación internacional"),
        ("lápices", "es", "lápiz"),
        ("caracteres", "es", "carácter"),
        # No word wordfreq knows: the regular rules' singular of a new technical word.
        ("electrolizadores alcalinos", "es", "electrolizador alcalino"),
        ("tokenizaciones", "es", "tokenización"),
        ("hidrogeneras", "es", "hidrogenera"),
    ],
)
def test_a_plural_term_is_made_singular_with_real_words(
    plural: str, lang: str, singular: str
) -> None:
    assert singularised(plural, lang) == singular


@pytest.mark.parametrize(
    ("plural", "lang"),
    [
        # Invariable: wordfreq knows the word, no singular of it ("salvapantalla").
        ("salvapantallas animados", "es"),
        # "publics" and "mois" may be singulars (or "moi" …): a head in "-s" is unsure.
        ("publics cibles", "fr"),
        ("mois calendaires", "fr"),
        # The second coordinate has no sure singular: not "bien y salvapantallas".
        ("bienes y salvapantallas", "es"),
    ],
)
def test_a_plural_term_whose_singular_is_unsure_stays_as_it_stands(plural: str, lang: str) -> None:
    assert singularised(plural, lang) == plural


def test_argos_writes_the_singular_a_writer_uses(trained_argos_package: Path) -> None:
    # Argos wrote "la energía renovabl" and "el país meno adelantado".
    feminine = DataCategory("termNote", "grammaticalGender", "feminine")
    masculine = DataCategory("termNote", "grammaticalGender", "masculine")
    plural = DataCategory("termNote", "grammaticalNumber", "plural")
    glossary = Glossary(
        concepts=[
            Concept(
                "E1",
                all_terms=[
                    Term("renewable energies", "en"),
                    Term(
                        "energías renovables",
                        "es",
                        status=TermStatus.PREFERRED,
                        extra=[feminine, plural],
                    ),
                ],
            ),
            Concept(
                "E2",
                all_terms=[
                    Term("least developed countries", "en"),
                    Term(
                        "países menos adelantados",
                        "es",
                        status=TermStatus.PREFERRED,
                        extra=[masculine, plural],
                    ),
                ],
            ),
            *(
                Concept(cid, all_terms=[Term(source, "en"), Term(official, "es")])
                for cid, source, official, _ in trained_model.TERMS
            ),
        ]
    )
    constraints = GlossaryConstraints(glossary, "en", "es")
    energy, country, many = ConstrainedEngine(ArgosEngine(), constraints).translate(
        [
            "The leaders support the renewable energy.",
            "The leaders support the least developed country.",
            "The leaders support the renewable energies.",
        ],
        "en",
        "es",
    )
    assert "energía renovable" in energy.target, energy.target
    assert "renovabl " not in energy.target + " ", energy.target
    assert "país menos adelantado" in country.target, country.target
    assert "energías renovables" in many.target, many.target
    for result in (energy, country, many):
        placed = [d for d in result.terms if d.concept_id in ("E1", "E2")]
        assert [d.mechanism != "left" for d in placed] == [True], result.terms


def test_an_unknown_head_after_a_prenominal_adjective_is_the_noun() -> None:
    # The head was "nueva", given gobernanza's gender by the suffix rule: the injected
    # unit read "nueva" as a feminine noun and put "gobernanza" after it as a complement.
    term = Term("nueva gobernanza global", "es")
    head = find_head(term, {}, "glossary")
    assert (head.before, head.lemma, head.after) == ("nueva", "gobernanza", "global")
    fact = head_gender(term.text, term.lang)
    assert fact is not None and fact.value == "feminine"
    assert head.gender == "f" and head.predicted == fact.source
    # Without an adjective before it the head is still the first word.
    head = find_head(Term("gobernanza global", "es"), {}, "glossary")
    assert (head.before, head.lemma, head.after) == ("", "gobernanza", "global")


def test_apertium_names_the_unknown_noun_not_the_adjective_before_it() -> None:
    # The trace said "Apertium's analyser does not know 'nueva'" (it does: an adjective),
    # the word it injected as the feminine head.
    concept = Concept(
        "C1", all_terms=[Term("new governance", "en"), Term("nueva gobernanza", "es")]
    )
    engine = ConstrainedEngine(
        ApertiumEngine(), GlossaryConstraints(Glossary([concept]), "en", "es")
    )
    (result,) = engine.translate(["The new governance needs reform."], "en", "es")
    assert result.target == "La nueva gobernanza necesita reforma.", result.target
    (decision,) = result.terms
    assert decision.mechanism == "apertium-lexical", decision
    assert "does not know 'gobernanza': feminine by the suffix rule" in decision.reason, decision
