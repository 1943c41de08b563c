"""French: a finite form of a frequent irregular verb is no term ("l'onduleur dépend de",
"les panneaux reçoivent", "le gestionnaire devra"), as the regular ones ("équipent") were
already not; before, only regular endings were vetoed, so "dépend" and "production dépend"
stayed candidates. A noun in "-ment" whose plural general language writes, however seldom,
is no adverb ("fonctionnement" 4.6, "fonctionnements" 2.5): read as one, it cost "point de
fonctionnement" the cut-off; "complètement" and "fortement" stay adverbs."""

from __future__ import annotations

from termwise.terms import candidates as cand
from termwise.terms.scoring import FEATURES, feature_matrix, form_vetoes
from termwise.terms.variants import StemKeys, group_frequencies

TEXT = [
    "La durée de vie des onduleurs dépend de la température.",
    "La production dépend de l'orientation des panneaux.",
    "Les panneaux reçoivent le rayonnement solaire et peuvent chauffer.",
    "Le gestionnaire du réseau de distribution devra raccorder l'installation.",
    "Le point de fonctionnement varie complètement avec le rayonnement.",
    "Le point de fonctionnement de l'onduleur contient le point de puissance maximale.",
]


def _index() -> cand.CandidateIndex:
    return cand.collect([TEXT], "fr")


def test_irregular_finite_verbs_are_vetoed() -> None:
    index = _index()
    forms = list(index.forms)
    vetoed = {f for f, flag in zip(forms, form_vetoes(index, forms), strict=True) if flag}
    for verb in ("dépend", "reçoivent", "devra", "contient"):
        holding = {form for form in forms if verb in form.split()}
        assert holding, verb
        assert holding <= vetoed, (verb, holding - vetoed)
    # The nouns and terms of the same sentences stay.
    assert not {"durée de vie", "point de fonctionnement", "réseau de distribution"} & vetoed
    assert not {"température", "orientation", "panneaux"} & vetoed


def test_a_ment_noun_with_a_plural_is_no_adverb() -> None:
    index = _index()
    forms = ["point de fonctionnement", "fonctionnement", "complètement"]
    assert all(form in index.forms for form in forms)
    rows = feature_matrix(index, forms, group_frequencies(index.forms, StemKeys("fr")))
    adverb = dict(zip(forms, rows[:, FEATURES.index("adverb_ending")], strict=True))
    assert adverb["point de fonctionnement"] == 0.0
    assert adverb["fonctionnement"] == 0.0
    assert adverb["complètement"] == 1.0
