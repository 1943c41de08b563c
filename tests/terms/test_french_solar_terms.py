"""French term extraction on a short text on rooftop solar, as a newcomer's walk-through
found it: finite verbs listed as terms, nouns in "-ment" taken for adverbs, "des" after a
noun taken for a verb's object, a participle phrase hiding "courant alternatif", hyphen and
number variants apart, and an English abbreviation of a French term not linked."""

from __future__ import annotations

from termwise.terms import candidates as cand
from termwise.terms.extract import extract_terms, segments_document
from termwise.terms.scoring import FEATURES, feature_matrix
from termwise.terms.variants import StemKeys, build_groups, find_abbreviations

SOLAR = [
    "Une installation photovoltaïque transforme le rayonnement solaire en électricité.",
    "Le rendement de conversion d'une cellule dépend de sa température.",
    "Le courant continu produit par les panneaux photovoltaïques est converti en courant "
    "alternatif par un onduleur.",
    "L'onduleur suit en permanence le point de puissance maximale (MPP) du champ PV.",
    "Un onduleur central convient aux grandes centrales, tandis que les micro-onduleurs "
    "équipent chaque panneau photovoltaïque d'une toiture.",
    "Avec l'autoconsommation, le producteur consomme lui-même une partie de son électricité ; "
    "l'auto-consommation collective permet de partager la production.",
    "Le taux d'autoconsommation mesure la part de la production consommée sur place.",
    "Enfin, la durée de vie des panneaux solaires dépasse vingt-cinq ans, mais le rendement "
    "des modules baisse d'environ 0,5 % par an.",
]


def _extraction():  # type: ignore[no-untyped-def]
    document = segments_document([(f"s{i}", text) for i, text in enumerate(SOLAR)], "fr")
    return extract_terms([document], "fr")


def test_a_french_finite_verb_is_no_term() -> None:
    forms = {form for candidate in _extraction().candidates for form in candidate.forms}
    assert "micro-onduleurs équipent" not in forms
    assert "équipent" not in forms
    assert "micro-onduleurs" in forms


def test_a_noun_in_ment_does_not_end_like_an_adverb() -> None:
    index = cand.collect([["Le rendement baisse fortement avec la température."]], "fr")
    forms = ["rendement", "fortement"]
    rows = feature_matrix(index, forms, {})
    column = FEATURES.index("adverb_ending")
    assert list(rows[:, column]) == [0.0, 1.0]


def test_des_after_a_noun_is_a_preposition_not_an_object() -> None:
    index = cand.collect([["La durée de vie des panneaux solaires dépasse vingt ans."]], "fr")
    assert index.forms["durée de vie"].before_determiner == 0


def test_a_participle_after_an_auxiliary_opens_no_candidate() -> None:
    index = cand.collect([[SOLAR[2]]], "fr")
    assert "converti en courant alternatif" not in index.forms
    assert "courant alternatif" in index.forms


def test_hyphen_closed_compound_and_number_variants_group() -> None:
    index = cand.collect([SOLAR], "fr")
    groups = build_groups(
        index.forms,
        StemKeys("fr"),
        seeds=["autoconsommation", "panneaux photovoltaïques"],
    )
    together = [set(group.forms) for group in groups]
    assert any({"autoconsommation", "auto-consommation"} <= forms for forms in together)
    assert any(
        {"panneaux photovoltaïques", "panneau photovoltaïque"} <= forms for forms in together
    )


def test_an_english_abbreviation_of_a_french_term_is_linked() -> None:
    found = find_abbreviations([SOLAR[3]], "fr")
    assert found.get("mpp") == "point de puissance maximale"
    extraction = _extraction()
    mpp = [c for c in extraction.candidates if "mpp" in c.forms]
    assert mpp and "point de puissance maximale" in mpp[0].forms
