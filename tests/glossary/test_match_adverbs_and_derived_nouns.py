"""A noun term matches no adverb or verb that merely shares its Snowball stem.

Spanish Snowball stems "bienes" (goods) and the adverb "bien" alike, and the singular rules
give "bien" as the singular of "bienes": "Todo está bien" held the term. French Snowball
strips "-ment", so "enseignement" matched the verb "il enseigne" and "paiement" "il paie".
"""

from __future__ import annotations

from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term


def _matcher(lang: str, *terms: str) -> TermMatcher:
    return TermMatcher(
        Glossary([Concept(f"T{i}", all_terms=[Term(t, lang)]) for i, t in enumerate(terms)]),
        lang,
    )


def _found(matcher: TermMatcher, text: str) -> list[str]:
    return [match.text for match in matcher.find(text)]


def test_a_spanish_adverb_matches_no_plural_noun_term() -> None:
    es = _matcher("es", "bienes", "bienes de consumo", "datos")
    assert _found(es, "Todo está bien.") == []
    assert _found(es, "Es bien sabido que suben.") == []
    assert _found(es, "Los bienes de consumo suben.") == ["bienes de consumo"]
    assert _found(es, "Vende bienes.") == ["bienes"]
    # A noun's singular still matches its plural term.
    assert _found(es, "No hay dato.") == ["dato"]


def test_a_french_adverb_matches_no_noun_term() -> None:
    fr = _matcher("fr", "biens", "vrai")
    assert _found(fr, "C'est bien, je vais bien.") == []
    assert _found(fr, "Les biens communs.") == ["biens"]
    assert _found(fr, "Il est vraiment bon.") == []


def test_a_french_noun_in_ment_matches_no_form_of_its_verb() -> None:
    fr = _matcher("fr", "enseignement", "paiement")
    assert _found(fr, "Il enseigne et il paie.") == []
    assert _found(fr, "Les enseignements et le paiement.") == ["enseignements", "paiement"]


def test_a_term_that_is_the_adverb_matches_it() -> None:
    assert _found(_matcher("fr", "bien"), "C'est bien.") == ["bien"]
