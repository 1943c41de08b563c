"""Words that name a people or its language ("Chinese", "American", "française"), from CLDR.

A demonym alone is no term: ACTER 1.5 lists none ("chinese", "german", "french",
"american", "european" are absent from its gold) while it counts the countries themselves
as named entities ("china", "france", "europe"). termwise ships no list of them; Babel's
CLDR data has what English and French make them of:

- the names of the languages some territory has as official ("Chinese", "German",
  "chinois", "allemand"), which are also the people's adjective in both languages;
- the names CLDR gives a language as one territory speaks it, which put the territory's
  adjective before the language's name in English and after it in French ("Swiss French",
  "British English", "anglais britannique", "français suisse"), or are one word
  ("Flemish", "flamand");
- adjectives general language makes of a country's or a continent's name by a regular
  ending ("Africa" → "African", "Europe" → "European", "Sudan" → "Sudanese", "Israel" →
  "Israeli", French "Afrique" → "africain", "Italie" → "italien", "Liban" → "libanais"),
  kept only where wordfreq knows the word (``DERIVED_ZIPF``), so that no made-up form
  ("Canadan") stands in the list;
- their plurals and, in French, feminines ("Americans", "chinoise", "européennes").

What none of these makes, a short list names (``_IRREGULAR``): the peoples whose adjective
is no regular derivation of a one-word name CLDR has ("Scottish", "Cypriot", "écossais",
"belge").

A name that is a territory's own ("Nauru", "Tuvalu", French "Somalie") is never one: a
country is a named entity, which the gold counts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from termwise.terms.general import zipf as general_zipf

# A derived form (an adjective made by an ending, a plural, a feminine) counts only where
# general language writes it at least this often (Zipf): "Zimbabwean" 2.9, "Tongan" 2.5,
# where the endings make no word of most names ("Canadan", "Argentinan").
DERIVED_ZIPF = 2.5

# A French feminine general language writes far more often than its masculine (Zipf) is
# another word: "malaise" 4.05 of "malais" 2.89, where "européenne" 4.92 of "européen" 4.78
# and "mongole" 3.12 of "mongol" 3.01 are the feminines.
FEMININE_MARGIN = 0.5

# The regular endings that make a people's adjective of a place's name, per language:
# (the name's ending, what replaces it).
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("a", "an"),
        ("a", "ian"),
        ("e", "ean"),
        ("o", "an"),
        ("ium", "ian"),
        ("on", "ese"),
        ("", "an"),
        ("", "ian"),
        ("", "ese"),
        ("", "i"),
    ),
    "fr": (
        ("ique", "icain"),
        ("ie", "ien"),
        ("e", "éen"),
        ("e", "ien"),
        ("a", "ien"),
        ("i", "ien"),
        ("", "ien"),
        ("e", "ais"),
        ("a", "ais"),
        ("", "ais"),
        ("a", "ain"),
        ("", "ain"),
    ),
}

# The demonyms no CLDR name makes, by an ending or otherwise: a nation of a country CLDR
# names as a whole ("Scottish" of the United Kingdom), a country whose CLDR name is two
# words ("Saudi", "palestinien") or whose adjective is no regular derivation ("Cypriot",
# "belge", "israélien"), and English names of a people ("Britons", "Spaniards"), which
# English forms apart from the adjective. Base forms only in French: ``_inflections``
# adds the feminines and plurals general language writes.
_IRREGULAR: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "arab",
            "arabs",
            "argentine",
            "briton",
            "britons",
            "cypriot",
            "cypriots",
            "dane",
            "danes",
            "palestinian",
            "palestinians",
            "saudi",
            "saudis",
            "scot",
            "scots",
            "scottish",
            "spaniard",
            "spaniards",
            "swede",
            "swedes",
            "turk",
            "turks",
            "welsh",
        ]
    ),
    "fr": frozenset(
        [
            "argentin",
            "asiatique",
            "belge",
            "chypriote",
            "écossais",
            "gallois",
            "hollandais",
            "helvétique",
            "israélien",
            "ivoirien",
            "monégasque",
            "palestinien",
            "québécois",
            "saoudien",
            "wallon",
        ]
    ),
}

# CLDR's codes of continents and world regions are numbers.
_REGION_CODE = re.compile(r"\d{3}")


def is_demonym(word: str, lang: str) -> bool:
    """Whether the lower-cased ``word`` names a people or its language in ``lang``'s
    general language (English or French; no other language has a list)."""
    return word in demonyms(lang)


@lru_cache(maxsize=4)
def place_demonyms(lang: str) -> frozenset[str]:
    """The lower-cased demonyms of ``lang`` that spell their country's name as well (French
    "suisse", "Suisse"): ``demonyms`` leaves them to the country, a named entity; a text
    that writes one in lower case means the adjective."""
    if lang not in _ENDINGS:
        return frozenset()
    from babel import Locale

    return frozenset(_regional_adjectives(Locale(lang))[1])


@lru_cache(maxsize=4)
def demonyms(lang: str) -> frozenset[str]:
    """The lower-cased demonyms and language names of ``lang`` (a primary subtag)."""
    if lang not in _ENDINGS:
        return frozenset()
    from babel import Locale
    from babel.core import get_global
    from babel.languages import get_official_languages

    locale = Locale(lang)
    places = _place_names(locale)
    codes = {
        code.split("_")[0]
        for territory in get_global("territory_languages")
        for code in get_official_languages(territory, regional=False, de_facto=True)
    }
    names = {
        locale.languages[code].lower()
        for code in codes
        if code in locale.languages and _one_word(locale.languages[code])
    }
    names |= _regional_adjectives(locale)[0] | _IRREGULAR[lang]
    derived = {
        place[: len(place) - len(ending)] + suffix
        for place in places
        for ending, suffix in _ENDINGS[lang]
        if place.endswith(ending)
    }
    found = names | {word for word in derived if general_zipf(word, lang) >= DERIVED_ZIPF}
    forms = {inflected for word in found for inflected in _inflections(word, lang)}
    known = {word for word in forms if word in names or general_zipf(word, lang) >= DERIVED_ZIPF}
    # A French feminine may be a place's name without its accents ("grece" of "grec").
    bare_places = {_unaccented(place) for place in places}
    return frozenset(word for word in known if _unaccented(word) not in bare_places)


def _regional_adjectives(locale: object) -> tuple[set[str], set[str]]:
    """The lower-cased adjectives of CLDR's names of a language as one territory speaks it
    ("swiss" of "Swiss French", "britannique" of "anglais britannique"), and such names that
    are one word ("flemish"); then those of them that are the territory's whole name as
    well ("suisse" of "français suisse", "Suisse"). A word of a longer name of the territory
    is the place, not its people ("Congo Swahili", "Congo - Kinshasa"); a name of two words
    besides the language's ("Swiss High German", "Latin American Spanish") is left, as is
    one for a script ("Simplified Chinese")."""
    from babel import Locale

    assert isinstance(locale, Locale)
    found: set[str] = set()
    places: set[str] = set()
    for code, name in locale.languages.items():
        language, _, territory = str(code).partition("_")
        if territory not in locale.territories or language not in locale.languages:
            continue
        if _one_word(name):
            found.add(name.lower())
            continue
        # The adjective follows the language's name in French and precedes it in English.
        if locale.language == "fr":
            head, _, adjective = name.partition(" ")
        else:
            adjective, _, head = name.partition(" ")
        adjective = adjective.lower()
        place = locale.territories[territory].lower()
        if head != locale.languages[language] or not _one_word(adjective):
            continue
        if adjective == place:
            places.add(adjective)
        elif adjective not in place.replace("-", " ").split():
            found.add(adjective)
    return found, places


def _place_names(locale: object) -> set[str]:
    """The lower-cased one-word names of countries and of continents ("europe"; a region's
    head: "america" of "South America", "amérique" of "Amérique du Sud")."""
    from babel import Locale

    assert isinstance(locale, Locale)
    places: set[str] = set()
    for code, name in locale.territories.items():
        if _one_word(name):
            places.add(name.lower())
        elif _REGION_CODE.fullmatch(str(code)):
            # The place is the name's head: last in English, first in French
            # ("South America", "Amérique du Sud").
            head = name.split()[-1 if locale.language != "fr" else 0]
            if _one_word(head):
                places.add(head.lower())
    return places


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _one_word(name: str) -> bool:
    return name.isalpha() and name[:1].isupper() or name.isalpha() and name.islower()


def _inflections(word: str, lang: str) -> set[str]:
    """``word`` with its plural and, in French, its feminine ("chinois", "chinoise",
    "chinoises"), French feminines within ``FEMININE_MARGIN``."""
    if lang == "en":
        return {word, word + "s"} if word.endswith("an") else {word}
    forms = {word}
    if not word.endswith("e"):
        feminine = word + ("ne" if word.endswith("en") else "e")
        if general_zipf(feminine, lang) <= general_zipf(word, lang) + FEMININE_MARGIN:
            forms.add(feminine)
    for form in list(forms):
        if not form.endswith(("s", "x")):
            forms.add(form + "s")
    return forms
