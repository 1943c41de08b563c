"""A capital the text gives a word for another reason than a name's makes no name.

On the ACTER corpora the name rule marked "Aerodynamics" (a keyword line and reference
titles; "aerodynamics" in the prose), "Annex" ("Annex 1"), "Prof" ("Prof. Dr. …"),
"Training Scale" (also "training scale") and French "Eolienne" (the capital drops the
accent of "éolienne") as names.
"""

from __future__ import annotations

from termwise.terms.candidates import collect
from termwise.terms.names import names


def _names(lang: str, sentences: list[str], forms: list[str]) -> dict[str, bool]:
    index = collect([sentences], lang)
    missing = [form for form in forms if form not in index.forms]
    assert not missing, missing
    return dict(zip(forms, names(index, forms).tolist(), strict=True))


ENGLISH = [
    "Keywords: Wind Energy, Rotor Blade, Aerodynamics, Airfoil Design",
    "The thesis studies blade aerodynamics for the HAWT built near Kretinga.",
    "In this work, Aerodynamics and Structural Dynamics are treated apart.",
    "Classical aerodynamics gives the lift of the rotor blade in Kretinga.",
    "The supervisor, Prof. Kahraman Albayrak, checked the blade in Kretinga.",
    "We thank Prof. Kahraman Albayrak for the rotor blade data of Kretinga.",
    "The contact list is given in Annex 1 and the wind data in Annex 2.",
    "See also Annex 3 for the Training Scale of the rotor blade tests.",
    "Their training scale has six steps, and the Training Scale is kept.",
    "Glauert, H., Journal of Industrial Aerodynamics, Vol. 39, 1992",
    "Timmer, W. A., Journal of Industrial Aerodynamics, Vol. 32, 1989",
]


def test_words_the_text_writes_small_labels_and_titles_are_no_names() -> None:
    found = _names(
        "en",
        ENGLISH,
        ["kretinga", "kahraman albayrak", "aerodynamics", "annex", "prof", "training scale"],
    )
    assert found == {
        "kretinga": True,
        "kahraman albayrak": True,
        "aerodynamics": False,
        "annex": False,
        "prof": False,
        "training scale": False,
    }


def test_a_french_capital_without_its_accent_is_the_small_word() -> None:
    found = _names(
        "fr",
        [
            "Le modèle de la Eolienne est installé près de Dunkerque.",
            "Chaque éolienne de Dunkerque produit de l'électricité.",
            "Une éolienne moderne tourne à Dunkerque, et la Eolienne aussi.",
            "La Eolienne et une autre éolienne sont reliées au réseau de Dunkerque.",
        ],
        ["dunkerque", "eolienne"],
    )
    assert found == {"dunkerque": True, "eolienne": False}


def test_a_title_case_line_capitalises_a_common_word_but_not_a_rare_name() -> None:
    # Running headers between the pages' sentences, and a caption line of names.
    sentences = [
        "Wind Turbine Design Handbook Part Two",
        "The rotor of the turbine is tested by Ashlyn Degroot.",
        "Wind Turbine Design Handbook Part Two",
        "The gearbox of the turbine was built in Kretinga.",
        "Wind Turbine Design Handbook Part Two",
        "With Christine Traurig, Morten Thomsen, Kamila Dupont",
        "The tower of the turbine carries the Handbook crane.",
    ]
    found = _names("en", sentences, ["handbook", "christine traurig", "morten thomsen"])
    assert found == {"handbook": False, "christine traurig": True, "morten thomsen": True}


def test_a_word_in_capitals_is_no_name_and_says_nothing_against_one() -> None:
    sentences = [
        "The report of UNESCO was read again, PAGE by PAGE.",
        "The Unesco list names the site, and PAGE 3 shows it.",
        "Each site of the Unesco list is near the coast.",
    ]
    found = _names("en", sentences, ["unesco", "page"])
    assert found == {"unesco": True, "page": False}
