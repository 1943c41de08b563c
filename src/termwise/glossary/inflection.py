"""The regular plurals of a glossary word in Spanish and French, for the term matcher.

The matcher compares Snowball stems, which join most plurals to their singular
("económica", "económicas") but not those whose ending or accent changes: "luz" and "luces"
stem apart, "joven" and "jóvenes" too, and "globalización" and "globalizaciones" share a
stem but not the accent the plural drops, so the accent check turned them down: "Muchas
globalizaciones económicas" held no "globalización económica". These rules give each word
of a term its plurals (nouns and adjectives alike: every word of "globalización económica"
agrees), as the Real Academia's and the Académie's grammars state them; the matcher accepts
exactly these forms besides the stem's.

Function words (articles, prepositions, conjunctions) are left alone: in "comunidad de
futuro compartido de la humanidad" only the noun phrase's own words inflect, and "la" as
"las" or "de" as "des" would be another phrase.
"""

from __future__ import annotations

from functools import lru_cache

# Closed-class words that occur inside terms and never take a noun's plural.
_FUNCTION_WORDS = {
    "es": frozenset(
        (
            *("a", "al", "ante", "bajo", "con", "contra", "de", "del", "desde", "durante"),
            *("e", "el", "en", "entre", "hacia", "hasta", "la", "las", "lo", "los"),
            *("mediante", "ni", "o", "para", "pero", "por", "que", "según", "sin", "so"),
            *("sobre", "su", "sus", "tras", "u", "un", "una", "unas", "unos", "y", "se"),
        )
    ),
    "fr": frozenset(
        (
            *("à", "au", "aux", "avec", "contre", "d", "dans", "de", "des", "du", "en"),
            *("entre", "et", "l", "la", "le", "les", "ou", "par", "pour", "sans", "sous"),
            *("sur", "un", "une", "vers", "qu", "que", "ni", "y"),
        )
    ),
}

_VOWELS = "aeiouáéíóúü"
_ACCENTED = str.maketrans("áéíóú", "aeiou")
_ACUTE = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}

# Spanish plurals whose stress moves to another syllable (RAE, Ortografía 2010, 3.4.2).
_ES_IRREGULAR = {
    "carácter": ("caracteres",),
    "régimen": ("regímenes",),
    "espécimen": ("especímenes",),
}


@lru_cache(maxsize=65536)
def plural_forms(word: str, lang: str) -> tuple[str, ...]:
    """The regular plural forms of the lower-case ``word`` in ``lang`` (its primary subtag),
    other than ``word`` itself; none for a language without rules here, a function word or
    a word that is no run of letters."""
    if not word.isalpha() or word in _FUNCTION_WORDS.get(lang, ()):
        return ()
    if lang == "es":
        forms = _ES_IRREGULAR.get(word) or _spanish(word)
    elif lang == "fr":
        forms = _french(word)
    else:
        return ()
    return tuple(form for form in dict.fromkeys(forms) if form != word)


def _spanish(word: str) -> tuple[str, ...]:
    last = word[-1]
    if last in "aeiouáéóü":
        return (word + "s",)
    if last in "íú":
        return (word + "es", word + "s")  # rubíes and rubís, tabúes and tabús
    if last == "z":
        return (word[:-1] + "ces",)  # luz → luces; the stress stays: lápiz → lápices
    groups = _vowel_groups(word)
    if not groups:
        return ()  # no vowel: an abbreviation
    start, end = groups[-1]
    final_accent = next((index for index in range(start, end) if word[index] in "áéíóú"), None)
    if final_accent is not None:
        # Stress on the last syllable, which the plural's -es takes away from the end:
        # nación → naciones, interés → intereses. An accent that splits two vowels (país,
        # baúl) marks a hiatus and stays: países, baúles.
        if word[final_accent] in "íú" and _beside_vowel(word, final_accent):
            return (word + "es",)
        bare = word[:final_accent] + word[final_accent].translate(_ACCENTED)
        return (bare + word[final_accent + 1 :] + "es",)
    if last in "sx":
        # A word stressed before its last syllable stays as it is (la crisis, las crisis);
        # one of one syllable takes -es (mes → meses).
        return (word + "es",) if len(groups) == 1 else ()
    if last in "nylrdj":
        plural = word + "es"
        if last == "n" and len(groups) > 1 and not any(ch in "áéíóú" for ch in word):
            # Unaccented and ending in -n, the word is stressed on its last but one
            # syllable, which -es makes the last but two: it takes the accent then
            # (joven → jóvenes, examen → exámenes, origen → orígenes).
            plural = _accented(word, groups[-2]) + "es"
        return (plural,)
    # Other final consonants are loanwords: clubes and clubs, álbumes and álbums.
    return (word + "es", word + "s")


def _vowel_groups(word: str) -> list[tuple[int, int]]:
    """(start, end) of each run of vowels: the nuclei of the word's syllables, with an
    accented í or ú a syllable of its own (the accent marks the hiatus)."""
    groups: list[tuple[int, int]] = []
    index = 0
    while index < len(word):
        if word[index] not in _VOWELS:
            index += 1
            continue
        start = index
        while index < len(word) and word[index] in _VOWELS:
            if index > start and (word[index] in "íú" or word[index - 1] in "íú"):
                break
            index += 1
        groups.append((start, index))
    return groups


def _beside_vowel(word: str, index: int) -> bool:
    return (index > 0 and word[index - 1] in _VOWELS) or (
        index + 1 < len(word) and word[index + 1] in _VOWELS
    )


def _accented(word: str, group: tuple[int, int]) -> str:
    """``word`` with the written accent on the syllable ``group``: on its open vowel (a, e,
    o), else on the second of two closed ones (cuídate's "ui")."""
    start, end = group
    nucleus = word[start:end]
    open_vowels = [index for index, vowel in enumerate(nucleus) if vowel in "aeo"]
    at = start + (open_vowels[0] if open_vowels else len(nucleus) - 1)
    return word[:at] + _ACUTE.get(word[at], word[at]) + word[at + 1 :]


def _french(word: str) -> tuple[str, ...]:
    if word[-1] in "sxz":
        return ()  # le prix, les prix
    if word.endswith(("au", "eu")):
        return (word + "x", word + "s")  # réseaux, enjeux; bleus, pneus
    if word.endswith("al"):
        return (word[:-2] + "aux", word + "s")  # mondiaux, régionaux; festivals, navals
    if word.endswith("ail"):
        return (word + "s", word[:-3] + "aux")  # détails; travaux, vitraux
    if word.endswith("ou"):
        return (word + "s", word + "x")  # trous; bijoux, genoux
    return (word + "s",)
