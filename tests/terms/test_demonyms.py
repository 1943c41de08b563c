"""A word that names a people or its language is no term alone ("Chinese", "Americans",
"française"): the seed paper listed "Chinese" second, and ACTER's gold lists no demonym. A
phrase holding one may be a term ("Chinese medicine", "pas espagnol"), and a country is a
named entity, which stays ("China", "France")."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.terms.candidates import collect

_ENGLISH = [
    "Chinese doctors have used acupuncture needles for centuries.",
    "Chinese medicine treats chronic pain with acupuncture needles and herbal decoctions.",
    "The Chinese call the flow of energy qi, and Bayesian models test it.",
    "American patients try acupuncture, and Americans spend more on herbal decoctions.",
    "Chinese medicine reached Europe late; European clinics offer acupuncture in China.",
]


def test_which_english_words_are_lone_demonyms() -> None:
    from termwise.terms.scoring import lone_demonyms

    index = collect([_ENGLISH], "en")
    forms = [
        "chinese",
        "americans",
        "american",
        "european",
        "china",
        "europe",
        "chinese medicine",
        "bayesian",
        "acupuncture",
    ]
    vetoed = dict(zip(forms, lone_demonyms(index, forms).tolist(), strict=True))
    assert vetoed == {
        "chinese": True,  # a language's name, CLDR's
        "americans": True,  # "America" (of "South America") + "-an", plural
        "american": True,
        "european": True,  # "Europe" + "-ean"
        "china": False,  # a country: a named entity
        "europe": False,
        "chinese medicine": False,  # a phrase holding one
        "bayesian": False,  # an "-an" adjective of no place
        "acupuncture": False,
    }


def test_which_french_words_are_lone_demonyms() -> None:
    from termwise.terms.scoring import lone_demonyms

    texts = [
        "La médecine chinoise soigne la douleur en Chine et en France.",
        "Les Chinois et les Français pratiquent le trot espagnol avec malaise.",
        "Les cliniques européennes et la Grèce adoptent la médecine chinoise.",
    ]
    index = collect([texts], "fr")
    forms = ["chinoise", "chinois", "français", "européennes", "chine", "france", "malaise"]
    vetoed = dict(zip(forms, lone_demonyms(index, forms).tolist(), strict=True))
    assert vetoed == {
        "chinoise": True,  # the feminine of the language's name
        "chinois": True,
        "français": True,
        "européennes": True,  # "Europe" + "-éen", feminine plural
        "chine": False,
        "france": False,
        "malaise": False,  # no feminine of "malais": another word, more frequent
    }


def test_a_french_feminine_that_spells_a_place_is_none() -> None:
    from termwise.terms.demonyms import demonyms

    # "grec" + "e" is "Grèce" written without its accent, no feminine ("grecque").
    assert "grec" in demonyms("fr")
    assert "grece" not in demonyms("fr")
    # "Amérique" is the head of "Amérique du Nord", as "America" is of "South America".
    assert {"américain", "américaines"} <= demonyms("fr")


def test_terms_extract_lists_no_demonym_alone(tmp_path: Path) -> None:
    paper = tmp_path / "paper.txt"
    paper.write_text(
        "Acupuncture in China\n\n"
        "Chinese doctors have used acupuncture needles for centuries. Chinese medicine "
        "treats chronic pain with acupuncture needles and herbal decoctions.\n\n"
        "The Chinese call the flow of energy qi. American patients now try acupuncture as "
        "well, and Americans spend more on herbal decoctions each year.\n\n"
        "Chinese medicine reached Europe late. European clinics now offer acupuncture "
        "needles, and Chinese herbal decoctions are sold in China and abroad.\n\n"
        "Chinese practitioners insist that Chinese medicine is a system of its own.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        ["--project", str(tmp_path), "terms", "extract", str(paper), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    listed = {
        form.lower()
        for candidate in json.loads(result.output)["candidates"]
        for form in (candidate["term"], *candidate["variants"])
    }
    assert not listed & {"chinese", "american", "americans", "european"}, listed
    assert {"china", "europe", "acupuncture", "herbal decoctions"} <= listed
