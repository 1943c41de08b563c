"""A term's grammatical gender where the glossary records none, from its head noun's suffix.

Glossary-constrained MT makes the words around an inserted term agree with its head noun,
and takes the head's gender from the glossary, else from a morphological analyser. A new
word the analyser lacks ("gobernanza") then has none, and the determiners around it were
left in whatever gender the MT guessed ("Todos los gobernanza global"). In Spanish, French,
Italian and Portuguese a few derivational suffixes fix a noun's gender, as the standard
grammars state them (RAE, Nueva gramática 2.2; Grevisse, Le bon usage §§ 479-481; Serianni,
Grammatica italiana III.6; Cunha & Cintra, Nova gramática, cap. 9): only those, with their
listed exceptions, are used here, and only on the term's head. Any other word has no gender
from here: a wrong agreement is worse than none.

This runs where the term is used, not when a glossary is curated, so a translator's own
glossary benefits too; ``GenderFact.source`` says where a value came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termwise import languages

FEMININE, MASCULINE = "feminine", "masculine"

# (suffix, gender), each with its plural ending as a regex: the longest suffix is tried first.
_RULES: dict[str, list[tuple[str, str, str]]] = {
    "es": [
        ("ción", "ciones", FEMININE),
        ("sión", "siones", FEMININE),
        ("dad", "dades", FEMININE),
        ("tad", "tades", FEMININE),
        ("tud", "tudes", FEMININE),
        ("umbre", "umbres", FEMININE),
        ("anza", "anzas", FEMININE),
        ("encia", "encias", FEMININE),
        ("ancia", "ancias", FEMININE),
        ("aje", "ajes", MASCULINE),
        ("miento", "mientos", MASCULINE),
        ("ismo", "ismos", MASCULINE),
    ],
    "fr": [
        ("tion", "tions", FEMININE),
        ("sion", "sions", FEMININE),
        ("xion", "xions", FEMININE),
        ("té", "tés", FEMININE),
        ("ance", "ances", FEMININE),
        ("ence", "ences", FEMININE),
        ("age", "ages", MASCULINE),
        ("ment", "ments", MASCULINE),
        ("isme", "ismes", MASCULINE),
    ],
    "it": [
        ("zione", "zioni", FEMININE),
        ("sione", "sioni", FEMININE),
        ("tà", "tà", FEMININE),
        ("tù", "tù", FEMININE),
        ("mento", "menti", MASCULINE),
        ("ismo", "ismi", MASCULINE),
    ],
    "pt": [
        ("ção", "ções", FEMININE),
        ("são", "sões", FEMININE),
        ("dade", "dades", FEMININE),
        ("agem", "agens", FEMININE),
        ("mento", "mentos", MASCULINE),
        ("ismo", "ismos", MASCULINE),
    ],
}

# The nouns the grammars list against their suffix's gender (singular and plural); None
# for a noun of either gender ("o/a personagem").
_EXCEPTIONS: dict[str, dict[str, str | None]] = {
    "es": {"alumbre": MASCULINE, "alumbres": MASCULINE},
    "fr": {
        **dict.fromkeys(
            (
                *("bastion", "été", "côté", "comité", "traité", "pâté", "député", "invité"),
                *("arrêté", "doigté", "velouté", "aparté", "précipité", "silence", "pâtés"),
                *("bastions", "étés", "côtés", "comités", "traités", "députés", "invités"),
                *("arrêtés", "silences"),
            ),
            MASCULINE,
        ),
        **dict.fromkeys(
            (
                *("page", "plage", "cage", "image", "nage", "rage", "jument"),
                *("pages", "plages", "cages", "images", "rages", "juments"),
            ),
            FEMININE,
        ),
    },
    "it": {},
    "pt": {"personagem": None, "personagens": None},
}

# Adjectives that stand before a head noun inside terms ("nueva era", "nouvelle
# gouvernance"); the head is the word after them. Any other first word is the head.
_PRENOMINAL = {
    "es": frozenset(
        (
            *("nuevo", "nueva", "nuevos", "nuevas", "gran", "grandes", "buen", "buena"),
            *("buenos", "buenas", "mal", "mala", "primer", "primera", "alto", "alta"),
            *("mayor", "mejor", "principal", "verdadero", "verdadera", "pleno", "plena"),
        )
    ),
    "fr": frozenset(
        (
            *("nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "grand", "grande"),
            *("grands", "grandes", "bon", "bonne", "haut", "haute", "juste", "meilleur"),
            *("meilleure", "premier", "première", "véritable", "vrai", "vraie", "petit"),
            *("petite", "plein", "pleine"),
        )
    ),
    "it": frozenset(("nuovo", "nuova", "nuovi", "nuove", "grande", "gran", "buon", "buona")),
    "pt": frozenset(("novo", "nova", "novos", "novas", "grande", "bom", "boa")),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class GenderFact:
    """A term's gender (TBX ``grammaticalGender`` value) and where it came from, so that
    a report or an MT trace can tell a recorded gender from a predicted one."""

    value: str
    source: str


def suffix_gender(word: str, lang: str) -> GenderFact | None:
    """The gender a noun's suffix gives it in ``lang`` ("gobernanza" → feminine, by -anza),
    or None where no unambiguous suffix applies or the language has no rules here."""
    base = languages.primary(languages.normalize(lang))
    rules = _RULES.get(base)
    if rules is None:
        return None
    lower = word.lower()
    if lower in _EXCEPTIONS[base]:
        exception = _EXCEPTIONS[base][lower]
        return None if exception is None else GenderFact(exception, f"exception '{lower}'")
    for singular, plural, gender in sorted(rules, key=lambda rule: -len(rule[0])):
        for suffix in dict.fromkeys((singular, plural)):
            # A stem of two letters at least: "dad", "mismo", "tad" are no derived nouns.
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 2:
                return GenderFact(gender, f"suffix -{singular} ({base})")
    return None


def head_gender(text: str, lang: str) -> GenderFact | None:
    """The gender of a term's head noun from its suffix: the head is the term's first word,
    or the word after a prenominal adjective ("nueva gobernanza"); None when that word has
    no rule. Romance terms only: these languages put the head first."""
    base = languages.primary(languages.normalize(lang))
    if base not in _RULES:
        return None
    words = _WORD.findall(text)
    if not words:
        return None
    index = 0
    while index < len(words) - 1 and words[index].lower() in _PRENOMINAL[base]:
        index += 1
    return suffix_gender(words[index], base)
