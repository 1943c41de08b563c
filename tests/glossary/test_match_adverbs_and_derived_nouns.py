"""A noun term matches no adverb or verb that merely shares its Snowball stem.

Spanish Snowball stems "bienes" (goods) and the adverb "bien" alike, and the singular rules
give "bien" as the singular of "bienes": "Todo está bien" held the term. French Snowball
strips "-ment", so "enseignement" matched the verb "il enseigne" and "paiement" "il paie".
"""

from __future__ import annotations

from support.term_matching import found, term_matcher


def test_a_spanish_adverb_matches_no_plural_noun_term() -> None:
    es = term_matcher("es", "bienes", "bienes de consumo", "datos")
    assert found(es, "Todo está bien.") == []
    assert found(es, "Es bien sabido que suben.") == []
    assert found(es, "Los bienes de consumo suben.") == ["bienes de consumo"]
    assert found(es, "Vende bienes.") == ["bienes"]
    # A noun's singular still matches its plural term.
    assert found(es, "No hay dato.") == ["dato"]


def test_a_french_adverb_matches_no_noun_term() -> None:
    fr = term_matcher("fr", "biens", "vrai")
    assert found(fr, "C'est bien, je vais bien.") == []
    assert found(fr, "Les biens communs.") == ["biens"]
    assert found(fr, "Il est vraiment bon.") == []


def test_a_french_noun_in_ment_matches_no_form_of_its_verb() -> None:
    fr = term_matcher("fr", "enseignement", "paiement")
    assert found(fr, "Il enseigne et il paie.") == []
    assert found(fr, "Les enseignements et le paiement.") == ["enseignements", "paiement"]


def test_a_term_that_is_the_adverb_matches_it() -> None:
    assert found(term_matcher("fr", "bien"), "C'est bien.") == ["bien"]
