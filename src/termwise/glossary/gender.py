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
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from termwise import languages
from termwise.glossary.inflection import split_prefix

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


def _with_plurals(words: tuple[str, ...], plural: str = "s") -> tuple[str, ...]:
    return (*words, *(word + plural for word in words))


# The nouns the grammars list against their suffix's gender (singular and plural), and
# words with a suffix's ending that are no noun of it; None for either gender ("o/a
# personagem") or for no noun at all (an adjective: "sauvage", "selvagem").
_EXCEPTIONS: dict[str, dict[str, str | None]] = {
    "es": {"alumbre": MASCULINE, "alumbres": MASCULINE},
    "fr": {
        # Nouns in -té that are no abstract noun of the feminine suffix (Latin -itatem):
        # past participles made nouns ("un arrêté", "un décolleté", "un jeté", "un raté"),
        # loans ("karaté") and a few old words ("été", "comté", "côté"); Grevisse, Le bon
        # usage §§ 479-481, and the Académie's dictionary for each. "Cation" (ion) is a
        # loan from English, masculine like "anion".
        **dict.fromkeys(
            _with_plurals(
                (
                    *("bastion", "cation", "été", "côté", "comité", "comté", "traité"),
                    *("pâté", "député", "invité", "arrêté", "doigté", "velouté", "aparté"),
                    *("précipité", "décolleté", "jeté", "raté", "karaté", "silence"),
                )
            ),
            MASCULINE,
        ),
        **dict.fromkeys(
            _with_plurals(("page", "plage", "cage", "image", "nage", "rage", "jument")),
            FEMININE,
        ),
        **dict.fromkeys(_with_plurals(("sauvage",)), None),
    },
    # "Tutù" is the French "tutu", masculine (Serianni, Grammatica italiana III.6: -tù is
    # feminine in the nouns from Latin -tutem, "virtù", "gioventù"); invariable in the plural.
    "it": {"tutù": MASCULINE},
    "pt": {
        "personagem": None,
        "personagens": None,
        "selvagem": None,  # an adjective ("o/a selvagem" as a noun)
        "selvagens": None,
        # No -ção of an action noun (Latin -tionem) but -ão words of their own, masculine:
        # "coração" (cor + -ação), "calção" (calça + -ão), "tição" (Latin titionem), "cação"
        # (Cunha & Cintra, Nova gramática do português contemporâneo, cap. 9).
        **dict.fromkeys(
            ("coração", "corações", "calção", "calções", "tição", "tições", "cação", "cações"),
            MASCULINE,
        ),
    },
}

# French adverbs in -ment are never the head of a noun term but end like the masculine
# nouns in -ment ("seulement", "vraiment"; Grevisse, Le bon usage, on the adverbs in -ment).
# The adverbs of adjectives in -ant and -ent ("-amment", "-emment") and of the adjectives
# whose endings below make no noun in -ment (checked against every word wordfreq knows
# from a Zipf frequency of 2.5) are told by their ending; the other frequent ones, and the
# adjectives and the conjunction in -ment, are listed. A rare adverb in -ment that is
# neither still gets the noun's gender: a term's head is a noun far more often.
_FR_ADVERB_ENDINGS = (
    *("amment", "emment", "iquement", "ivement", "ièrement", "airement", "oirement"),
    "iblement",
)
_FR_NOT_NOUNS = frozenset(
    (
        *_with_plurals(("clément", "inclément", "dément", "véhément")),
        *("comment", "absolument"),
        *("résolument", "prétendument", "éperdument", "vraiment", "quasiment", "joliment"),
        *("infiniment", "indéfiniment", "gentiment", "poliment", "seulement", "également"),
        *("simplement", "rapidement", "directement", "exactement", "complètement"),
        *("largement", "parfaitement", "certainement", "immédiatement", "franchement"),
        *("sûrement", "fortement", "justement", "autrement", "extrêmement", "rarement"),
        *("gratuitement", "nettement", "doucement", "correctement", "lentement", "purement"),
        *("pleinement", "strictement", "tranquillement", "difficilement", "facilement"),
        *("sincèrement", "librement", "honnêtement", "proprement", "ouvertement"),
        *("prochainement", "concrètement", "grandement", "hautement", "gravement"),
        *("présentement", "bizarrement", "brièvement", "longuement", "soudainement"),
        *("indirectement", "discrètement", "fermement", "explicitement", "étroitement"),
        *("sévèrement", "conjointement", "inversement", "lourdement", "aucunement"),
        *("anciennement", "étrangement", "nullement", "durement", "secrètement"),
        *("subitement", "amplement", "brusquement", "bêtement", "calmement", "vaguement"),
        *("finement", "grièvement", "fraîchement", "inutilement", "tristement", "sagement"),
        *("intimement", "légitimement", "injustement", "solidement", "faussement"),
        *("sereinement", "implicitement", "dignement", "unanimement", "moyennement"),
        *("habilement", "forcément", "précisément", "profondément", "énormément"),
        *("carrément", "conformément", "décidément", "aisément", "simultanément"),
        *("assurément", "communément", "séparément", "spontanément", "délibérément"),
        *("instantanément", "désespérément", "expressément", "momentanément"),
        *("prématurément", "intensément", "aveuglément", "modérément", "uniformément"),
        *("impunément", "nommément", "immensément", "isolément", "démesurément"),
        *("tellement", "actuellement", "réellement", "essentiellement", "naturellement"),
        *("officiellement", "personnellement", "habituellement", "éventuellement"),
        *("partiellement", "potentiellement", "traditionnellement", "formellement"),
        *("individuellement", "mutuellement", "exceptionnellement", "nouvellement"),
        *("continuellement", "accidentellement", "cruellement", "mortellement"),
        *("finalement", "généralement", "totalement", "principalement", "normalement"),
        *("spécialement", "littéralement", "globalement", "initialement", "légalement"),
        *("intégralement", "localement", "radicalement", "brutalement", "cordialement"),
        *("mentalement", "idéalement", "fondamentalement", "socialement", "moralement"),
        *("malheureusement", "heureusement", "sérieusement", "soigneusement"),
        *("curieusement", "dangereusement", "rigoureusement", "généreusement"),
        *("probablement", "considérablement", "véritablement", "vraisemblablement"),
        *("préalablement", "incroyablement", "durablement", "inévitablement"),
        *("convenablement", "agréablement", "favorablement", "raisonnablement"),
        *("vachement", "possiblement", "sacrément"),
    )
)

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
    # A hyphenated compound's head is its first element ("porte-documents": a verb and its
    # object; "station-service"), never the suffix of its last.
    lower = word.lower().split("-")[0]
    # A compound of a noun prefix has its noun's gender (``split_prefix``): "nanocage" and
    # "bio-image" are feminine as "cage" and "image" are, though -age makes masculines.
    split = split_prefix(lower, base)
    for stem in (lower, split[1]) if split is not None else (lower,):
        if stem in _EXCEPTIONS[base]:
            exception = _EXCEPTIONS[base][stem]
            return None if exception is None else GenderFact(exception, f"exception '{stem}'")
    if base == "fr" and (lower in _FR_NOT_NOUNS or lower.endswith(_FR_ADVERB_ENDINGS)):
        return None
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
    return suffix_gender(words[head_index(words, base)], base)


def head_index(words: Sequence[str], lang: str) -> int:
    """Where a Romance term's head noun stands among its ``words``: the first word, or the
    one after the prenominal adjectives before it ("nueva gobernanza": 1); 0 for a language
    without rules here. Constrained MT injects the head this rule finds, so that the gender
    it carries is the one ``head_gender`` gave for that word."""
    prenominal = _prenominal(lang)
    index = 0
    while index < len(words) - 1 and words[index].lower() in prenominal:
        index += 1
    return index


@lru_cache(maxsize=64)
def _prenominal(lang: str) -> frozenset[str]:
    """``lang``'s prenominal adjectives: ``head_index`` runs for every term of a glossary
    the matcher reads, and normalising the tag each time was a tenth of the reading."""
    return _PRENOMINAL.get(languages.primary(lang), frozenset())


def prefixed_gender(
    word: str, lang: str, noun_genders: Callable[[str], Collection[str]], lexicon: str
) -> GenderFact | None:
    """The gender of a compound of a noun prefix and a noun that a lexicon lacks, taken from
    its noun ("ciberamenazas": "amenazas", feminine); None where ``word`` is no such compound
    (``split_prefix``) or the lexicon gives its noun no one gender.

    A new compound has no suffix rule to go by ("amenaza" has none), but the prefix keeps
    its noun's gender, which the lexicon knows. ``noun_genders`` gives the genders
    (``FEMININE``, ``MASCULINE``) that the lexicon named ``lexicon`` (an analyser's file
    name, for ``GenderFact.source``) records for a word read as a noun."""
    base = languages.primary(languages.normalize(lang))
    split = split_prefix(word.lower(), base)
    if split is None:
        return None
    noun = split[1]
    genders = set(noun_genders(noun))
    if len(genders) != 1 or not genders <= {FEMININE, MASCULINE}:
        # "El/la cólera": a noun of either gender tells nothing of the compound's.
        return None
    (gender,) = genders
    return GenderFact(gender, f"its noun '{noun}' in {lexicon}")
