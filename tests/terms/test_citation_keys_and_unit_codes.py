"""Cited authors and numbers with their units are no term candidates.

The ACTER wind energy theses cite their sources by key ("[KUN 97]", "[SAB 06]"): the
French corpus listed some 75 authors cut to three capitals ("KUN", "SAA", "ACK"), read as
acronyms. The English one listed quantities ("50kW", "5MW", "600-700m") and a postcode's
"0PW". A body the text also names outside its citations ("RTE") stays, as does a term that
names a thing by a quantity ("5MW turbine"), and a thing named by a number and capitals
("5G", "3GPP", "2FA", "4K"), which the veto first took for quantities as well.
"""

from __future__ import annotations

import pytest

from termwise.terms import candidates as cand
from termwise.terms.extract import CUT_OFF, extract_terms, segments_document
from termwise.terms.scoring import citation_keys, quantities_and_codes

FRENCH = [
    "Le gestionnaire du réseau de transport assure l'équilibre du réseau électrique [KUN 97].",
    "Le RTE publie chaque année le bilan du réseau électrique [RTE 08].",
    "Le réglage primaire de fréquence stabilise le réseau électrique [KUN 97], [SAA 99].",
    "Les éoliennes participent au réglage primaire de fréquence [ACK 05].",
    "Le gestionnaire du réseau de transport prévoit la production éolienne [ACK 05], [SAA 99].",
    "La production éolienne varie avec le vent [ACK 07_4].",
]

ENGLISH = [
    "The wind turbine delivers 50kW at rated wind speed.",
    "A second wind turbine delivers 40kW, and the 5MW turbine delivers far more.",
    "The rotor blade of each wind turbine is tested at the 5MW turbine site.",
    "Write to BWEA, 1 Aztec Row, London N1 0PW for the rotor blade report.",
    "Rotor blade fatigue limits the life of a wind turbine at 50kW.",
    "The horse moves in a 4-beat walk on a 20-meter circle.",
]


TELECOM = [
    "5G networks promise lower latency than 4G networks. The rollout of 5G depends on spectrum"
    " auctions.",
    "Operators that deployed 4G early now plan 5G upgrades. The 3GPP standards body defines 5G"
    " in Release 15.",
    "Many phones support 5G, and 5G coverage keeps growing. 3D printing and 3D scanning also"
    " benefit from 5G.",
    "The 3D models are sent over 5G links. Users enable 2FA on their accounts, and 2FA protects"
    " the login.",
    "The 3GPP specification describes 5G core functions. A 4K video stream needs a fast 5G"
    " connection.",
    "4K displays and 3D glasses are sold together. Without 2FA, accounts are easy to steal.",
    "Engineers compared 4G and 5G throughput in dense cities. 3GPP also maintains the 4G"
    " standards.",
]


def _candidates(sentences: list[str], lang: str) -> dict[str, str]:
    """Each listed term, and how it was kept."""
    document = segments_document([(str(i), s) for i, s in enumerate(sentences)], lang)
    extraction = extract_terms([document], lang)
    return {c.term: c.kept for c in extraction.candidates}


def _terms(sentences: list[str], lang: str) -> list[str]:
    return list(_candidates(sentences, lang))


def test_authors_cited_by_key_are_no_candidates() -> None:
    terms = _terms(FRENCH, "fr")
    for author in ("KUN", "SAA", "ACK"):
        assert author not in terms, terms
    # "RTE" is cited, and named in a sentence of its own: a body, and a candidate.
    assert "RTE" in terms
    assert "réseau électrique" in terms


def test_a_citation_key_in_parentheses_carries_a_year() -> None:
    index = cand.collect(
        [["The wake model (SMITH 2005) holds.", "The wind farm (WF) and the WF layout."]], "en"
    )
    assert index.word_citation == {"smith": 1}
    forms = ["smith", "wf"]
    assert citation_keys(index, forms).tolist() == [True, False]


def test_quantities_and_codes_are_no_candidates() -> None:
    terms = _terms(ENGLISH, "en")
    for quantity in ("50kW", "40kW", "5MW", "0PW"):
        assert quantity not in terms, terms
    assert "5MW turbine" in terms
    assert "rotor blade" in terms


def test_things_named_by_a_number_and_capitals_are_terms() -> None:
    found = _candidates(TELECOM, "en")
    for term in ("5G", "4G", "3GPP", "2FA"):
        assert found.get(term) == CUT_OFF, found
    # "4K", twice in a short text, stays below the cut-off: the combiner's say, no veto's.
    index = cand.collect([TELECOM], "en")
    named = ["5g", "4g", "3gpp", "2fa", "4k", "3d"]
    assert quantities_and_codes(index, named).tolist() == [False] * len(named)


@pytest.mark.parametrize(
    ("form", "capitals", "vetoed"),
    [
        ("50kw", False, True),
        ("600-700m", False, True),
        ("2k1-11", True, True),
        ("63-2xx", True, True),
        ("0pw", True, True),
        ("5mw", True, True),
        ("230v", True, True),
        ("29a", True, True),
        ("50hz", False, True),
        ("50mph", False, True),
        ("24pp", False, True),
        ("200s", False, True),
        ("3dr", False, True),
        ("4-beat", False, False),
        ("4energia", False, False),
        ("5mw turbine", True, False),
        ("5g", True, False),
        ("3gpp", True, False),
        ("2fa", True, False),
        ("4k", True, False),
        # "5g" in small letters is five grams.
        ("5g", False, True),
    ],
)
def test_a_unit_or_code_after_the_digits_is_no_term(
    form: str, capitals: bool, vetoed: bool
) -> None:
    """``capitals``: whether the text writes the form's words in capitals."""
    words = tuple(form.split())
    index = cand.CandidateIndex(
        "en",
        forms={form: cand.FormStats(words, count=2)},
        word_counts=dict.fromkeys(words, 2),
        upper_counts=dict.fromkeys(words, 2) if capitals else {},
    )
    assert quantities_and_codes(index, [form]).tolist() == [vetoed]
