"""Demonyms no regular ending makes of a CLDR place name ("British", "Swiss", "suisse",
"britannique") are vetoed alone too: CLDR's names of a language as one territory speaks it
("Swiss French", "anglais britannique") give most, more endings give "Israeli", "Mexican",
"libanais", and a short list the rest ("Scottish", "belge"). Words of those names that are
no people's ("Congo" of "Congo Swahili", "Simplified", "High") stay out, and French
"suisse", which is the country as well, is the adjective only where the text writes it in
lower case."""

from __future__ import annotations

from termwise.terms.candidates import collect
from termwise.terms.demonyms import demonyms


def test_irregular_english_demonyms_are_listed() -> None:
    listed = demonyms("en")
    # From CLDR's regional language names ("British English", "Swiss French", "Flemish").
    assert {"british", "swiss", "flemish", "canadian", "mexican"} <= listed
    # From endings: "Israel" + "-i", "Lebanon" → "Lebanese", "Belgium" → "Belgian".
    assert {"israeli", "pakistani", "lebanese", "belgian", "moroccan"} <= listed
    # The short list.
    assert {"scottish", "welsh", "saudi", "britons"} <= listed
    assert "dutch" in listed
    assert not listed & {"congo", "simplified", "high", "standard", "modern", "latin", "slave"}


def test_irregular_french_demonyms_are_listed() -> None:
    listed = demonyms("fr")
    assert {"britannique", "flamand", "canadien", "canadienne", "brésilien"} <= listed
    assert {"libanais", "libanaise", "indien", "marocain", "égyptien", "pakistanais"} <= listed
    assert {"belge", "belges", "écossais", "écossaise", "néerlandais"} <= listed
    # The country itself stays a named entity.
    assert not listed & {"suisse", "congo", "esclave", "simplifié", "canada", "liban"}


def test_lone_irregular_demonyms_are_vetoed() -> None:
    from termwise.terms.scoring import lone_demonyms

    english = [
        "British engineers and Swiss engineers tested the wind turbine.",
        "Israeli and Scottish farms use the wind turbine as well.",
        "The Congo basin has no wind turbine.",
    ]
    index = collect([english], "en")
    forms = ["british", "swiss", "israeli", "scottish", "congo", "wind turbine"]
    vetoed = dict(zip(forms, lone_demonyms(index, forms).tolist(), strict=True))
    assert vetoed == {
        "british": True,
        "swiss": True,
        "israeli": True,
        "scottish": True,
        "congo": False,
        "wind turbine": False,
    }


def test_french_suisse_is_the_adjective_only_in_lower_case() -> None:
    from termwise.terms.scoring import lone_demonyms

    adjective = collect(
        [["La banque suisse et la presse britannique suivent le trot.", "Le cheval suisse."]],
        "fr",
    )
    forms = ["suisse", "britannique", "trot"]
    assert lone_demonyms(adjective, forms).tolist() == [True, True, False]
    country = collect([["Le cheval vient de la Suisse.", "En Suisse, le trot domine."]], "fr")
    assert lone_demonyms(country, ["suisse"]).tolist() == [False]


def test_an_english_demonym_in_lower_case_is_another_word() -> None:
    from termwise.terms.scoring import lone_demonyms

    # "swede", the vegetable, "china", the porcelain: English writes a people's name with a
    # capital, so a word the text writes in lower case mostly is no demonym.
    text = [
        "Swede is a root vegetable. Mash the swede with butter. A swede needs a long season.",
        "The swede harvest starts in October. Roast swede is sweet.",
        "Fine china breaks. The china was painted. Old china sells well.",
        "Swedes and Danes met the Chinese delegation.",
    ]
    index = collect([text], "en")
    forms = ["swede", "china", "swedes", "danes", "chinese"]
    vetoed = dict(zip(forms, lone_demonyms(index, forms).tolist(), strict=True))
    assert vetoed == {
        "swede": False,
        "china": False,
        "swedes": True,
        "danes": True,
        "chinese": True,
    }
