"""A common adjective alone is no term ("global", "international", "économique"): it was
offered to fill a short text's list, where it only modifies the terms. A domain's own
adjective stays ("aerodynamic": ACTER's wind energy gold lists it, as it lists "radial" and
"axial"), and so does a word the text uses as a noun ("the logic of", "la technique")."""

from __future__ import annotations

from termwise.terms.candidates import collect
from termwise.terms.extract import extract_terms, segments_document

_ENGLISH = [
    "International cooperation drives global governance of wind turbines.",
    "Global governance needs international law and economic growth.",
    "Economic growth and international trade depend on aerodynamic rotor blades.",
    "The logic of rotor blades is aerodynamic: aerodynamic loads bend the blades.",
    "International institutions shape economic policy and global markets.",
]


def test_a_common_adjective_is_not_listed_alone() -> None:
    document = segments_document([(str(n), text) for n, text in enumerate(_ENGLISH)], "en")
    listed = {form for c in extract_terms([document]).candidates for form in c.forms}
    assert "global" not in listed
    assert {"aerodynamic", "logic", "rotor"} <= listed


def test_which_english_words_are_lone_adjectives() -> None:
    from termwise.terms.scoring import lone_adjectives

    index = collect([_ENGLISH], "en")
    forms = ["global", "international", "economic", "aerodynamic", "logic", "governance"]
    vetoed = dict(zip(forms, lone_adjectives(index, forms).tolist(), strict=True))
    assert vetoed == {
        "global": True,
        "international": True,
        "economic": True,
        "aerodynamic": False,  # a domain's adjective (Zipf 3.2)
        "logic": False,  # stands before no content word: a noun
        "governance": False,
    }


def test_which_french_words_are_lone_adjectives() -> None:
    from termwise.terms.scoring import lone_adjectives

    texts = [
        "La croissance économique dépend du commerce mondial et de la technique.",
        "La politique économique et le marché mondial changent le circuit hydraulique.",
        "La technique des pales et la croissance économique des éoliennes.",
    ]
    index = collect([texts], "fr")
    forms = ["économique", "mondial", "technique", "hydraulique", "croissance"]
    vetoed = dict(zip(forms, lone_adjectives(index, forms).tolist(), strict=True))
    assert vetoed == {
        "économique": True,
        "mondial": True,
        "technique": False,  # after a determiner: "la technique"
        "hydraulique": False,  # a domain's adjective (Zipf 3.7)
        "croissance": False,
    }
