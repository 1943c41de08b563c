"""French participles in "-u" of verbs in "-re" and "-oir" ("vendu à", "prévue pour") are
verb forms, as those of "-er" and "-ir" verbs ("livré à") were: a lone one is vetoed
(``lone_verb``), where before only "-er" and "-ir" participles were known."""

from __future__ import annotations

from termwise.terms import candidates as cand
from termwise.terms.general import verb_form, verb_lemmas
from termwise.terms.model import load_combiner
from termwise.terms.scoring import FEATURES, feature_matrix
from termwise.terms.variants import StemKeys, group_frequencies

TEXT = [
    "Le surplus, vendu à un fournisseur, rapporte un revenu garanti.",
    "Le courant, livré à un client, couvre la consommation.",
    "La puissance, prévue pour un an, reste fixe.",
]


def test_u_participles_of_re_and_oir_verbs_are_verb_forms() -> None:
    for word, lemma in (("vendu", "vendre"), ("vendues", "vendre"), ("prévue", "prévoir")):
        assert verb_form(word, "fr"), word
        assert lemma in verb_lemmas(word, "fr"), word
    # Nouns in "-u" are no participles.
    assert not {w for w in ("revenu", "contenu", "tissu", "individu") if verb_form(w, "fr")}


def test_a_lone_u_participle_is_vetoed_as_an_er_one_is() -> None:
    index = cand.collect([TEXT], "fr")
    forms = ["vendu", "livré", "prévue", "fournisseur"]
    assert all(form in index.forms for form in forms)
    rows = feature_matrix(index, forms, group_frequencies(index.forms, StemKeys("fr")))
    lone = dict(zip(forms, rows[:, FEATURES.index("lone_verb")], strict=True))
    assert lone == {"vendu": 1.0, "livré": 1.0, "prévue": 1.0, "fournisseur": 0.0}
    probability = dict(zip(forms, load_combiner("fr").probabilities(rows), strict=True))
    assert probability["vendu"] == 0.0
    assert probability["fournisseur"] > 0.0
