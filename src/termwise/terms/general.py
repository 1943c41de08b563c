"""General-language word frequencies (wordfreq, whose data ships inside the package).

They say how specific a word is to a domain (a word far more frequent in the corpus than in
general language is a term candidate) and which passages are not in the corpus's language
at all (a Turkish abstract in an English thesis), whose words would otherwise look specific.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from termwise import languages
from termwise.glossary.inflection import zipf as zipf  # the one lookup, re-exported

# A passage is foreign when fewer than this share of its words are known to wordfreq.
KNOWN_SHARE = 0.5
_MIN_WORDS = 5


def is_foreign(words: Sequence[str], lang: str) -> bool:
    """Whether a passage of at least a few words is mostly words ``lang`` does not know
    (another language, or formulas: "λr cos ϕ")."""
    base = languages.primary(lang)
    if base in ("zh", "ja") or len(words) < _MIN_WORDS:
        return False
    return known_share(words, base) < KNOWN_SHARE


def known_share(words: Sequence[str], lang: str) -> float:
    """The share of ``words`` that wordfreq knows in ``lang`` (1.0 for no words)."""
    if not words or languages.primary(lang) in ("zh", "ja"):
        return 1.0
    return sum(zipf(word, lang) > 0 for word in words) / len(words)


# A word is a verb form when general language knows the forms a verb has: a lemma of at
# least this Zipf frequency and each kind of its inflections at ``_INFLECTED_ZIPF``.
_LEMMA_ZIPF = 3.0
_INFLECTED_ZIPF = 2.5
# An inflection rarer than ``_INFLECTED_ZIPF`` ("expounds" 2.1) is its verb's where the
# verb's base and each kind of its other inflections are at least as frequent as the word
# itself ("expound" 2.5, "expounded" 2.5, "expounding" 2.2): a noun's plural is far more
# frequent than the odd verb made from the noun. Below this floor wordfreq's counts are
# too few to tell.
_RARE_FLOOR = 1.5


@cache
def verb_form(word: str, lang: str) -> bool:
    """Whether general language inflects ``word`` as a verb: it is a verb's base form whose
    inflections wordfreq knows ("adhere": "adheres", "adhered", "adhering"), or one of those
    inflections ("penetrates", "blended", "advocating"; French "renforcer", "renforcé",
    "renforcent"). Nouns that are verbs as well ("design", "control") pass too: whether the
    text uses the word as a noun is for the caller to say. English and French; False for
    other languages."""
    return bool(_regular_lemmas(word, lang, _LEMMA_ZIPF))


def verb_lemmas(word: str, lang: str) -> frozenset[str]:
    """The verbs ``word`` is a form of, as ``verb_form`` tells them ("penetrates":
    "penetrate"; "adhere": "adhere"), and for an English irregular participle or simple
    past its verb ("upheld": "uphold", "grew": "grow"), which no ending tells."""
    # The base form need only be as frequent as the inflections ("underpin" 2.7):
    # ``verb_form``'s higher bar keeps a word whose verb is rare from looking like a verb
    # ("blades"), where here the word is already an inflection. A rare word sets its own,
    # lower bar (``_RARE_FLOOR``).
    bar = min(_INFLECTED_ZIPF, max(zipf(word, languages.primary(lang)), _RARE_FLOOR))
    lemmas = _regular_lemmas(word, lang, bar, bar)
    if languages.primary(lang) != "en":
        return lemmas
    irregular = {
        lemma
        for table in (_IRREGULAR_PARTICIPLES, _IRREGULAR_PASTS)
        if (lemma := _irregular_lemma(word, table)) is not None
    }
    return lemmas | irregular


@cache
def _regular_lemmas(
    word: str, lang: str, lemma_zipf: float, inflected_zipf: float = _INFLECTED_ZIPF
) -> frozenset[str]:
    base = languages.primary(lang)
    rules = _VERB_RULES.get(base)
    if rules is None or len(word) < 4 or not word.isalpha():
        return frozenset()
    lemmas = {word} if base == "en" else set()
    for ending, replacements in rules.lemma:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            lemmas.update(stem + r for r in replacements)
            if base == "en" and len(stem) >= 4 and stem[-1] == stem[-2]:
                lemmas.add(stem[:-1])  # "controlled", "stopping"
    found = set()
    for lemma in lemmas:
        if lemma != word and zipf(lemma, base) < lemma_zipf:
            continue
        # Every kind of inflection (English past and "-ing"; French participle and a
        # conjugated form) in use: a plural alone ("blades") makes no verb.
        if all(
            any(zipf(form, base) >= inflected_zipf for form in kind)
            for kind in rules.inflect(lemma)
        ):
            found.add(lemma)
    return frozenset(found)


# How an English verb form inflects, as ``verb_inflection`` tells it; ``BASE`` is the
# base form's, which ``verb_inflection`` leaves None (``scoring.inflected_verbs`` names it).
ING, PARTICIPLE, THIRD_PERSON, PAST = "ing", "participle", "third person", "past"
BASE = "base"


def verb_inflection(word: str, lang: str) -> str | None:
    """Which inflection of a verb the English ``word`` is: ``ING`` ("adhering"),
    ``PARTICIPLE`` ("advocated", "upheld"), ``PAST`` for an irregular simple past that is
    no participle ("grew", "took": never an adjective, unlike "grown") or
    ``THIRD_PERSON`` ("penetrates"); None for a base form, a word no verb inflects to, and
    other languages."""
    if languages.primary(lang) != "en":
        return None
    lemmas = verb_lemmas(word, lang) - {word}
    if not lemmas:
        return None
    if _irregular_lemma(word, _IRREGULAR_PASTS) is not None:
        return PAST
    if word.endswith("ing"):
        return ING
    if word.endswith("s") and not word.endswith("ss"):
        return THIRD_PERSON
    return PARTICIPLE


def inflections(lemma: str, lang: str) -> frozenset[str]:
    """The forms the English verb ``lemma`` may take besides itself: its regular past and
    third person, its "-ing" forms, and its irregular participle and simple past ("uphold":
    "upheld", "upholds", "upholding"); none for other languages."""
    if languages.primary(lang) != "en":
        return frozenset()
    forms = set().union(*_english_inflections(lemma))
    for table in (_IRREGULAR_PARTICIPLES, _IRREGULAR_PASTS):
        for prefix in _VERB_PREFIXES:
            if prefix and not lemma.startswith(prefix):
                continue
            forms.update(
                prefix + form for form, verb in table.items() if verb == lemma[len(prefix) :]
            )
    forms.discard(lemma)
    return frozenset(forms)


# How far below the "-s" form the past and "-ing" form may be and the "-s" form still be
# mostly the verb's: wordfreq rounds, and a verb's forms come out about level ("relies"
# 3.81, "relied" 3.82, "relying" 3.81; "affects" 4.16, "affecting" 4.07), where a noun's
# plural stands far above its verb's forms ("exports" 4.09 against "exporting" 3.43,
# "exchanges" 3.95 against "exchanged" 3.74).
_THIRD_PERSON_MARGIN = 0.1


def mostly_third_person(word: str, lang: str) -> bool:
    """Whether general language writes the English ``-s`` form ``word`` less often than
    both the past and the "-ing" form of its verb: mostly that verb's third person, not a
    noun's plural ("penetrates" 2.8 against "penetrated" 3.3 and "penetrating" 3.3;
    "limits" 4.5 against "limiting" 4.0). Both, since a past is an adjective too
    ("limited") and an "-ing" form a noun ("engineering")."""
    base = languages.primary(lang)
    if base != "en":
        return False
    own = zipf(word, base) - _THIRD_PERSON_MARGIN
    return any(
        all(
            any(zipf(form, base) > own for form in kind if form != word)
            for kind in _english_inflections(lemma)
        )
        for lemma in verb_lemmas(word, lang) - {word}
    )


# How far below an English base form its regular past may be and the word still be mostly
# the verb's: "convert" 4.11 against "converted" 4.21, "need" 5.97 against "needed" 5.18
# are verbs; "figure" 5.0 against "figured" 4.1, "back" and "mouth" are nouns first.
_BASE_VERB_MARGIN = 0.5


def mostly_verb(word: str, lang: str) -> bool:
    """Whether general language uses the English base form ``word`` mostly as a verb: it
    writes the verb's regular past nearly as often as the word itself."""
    base = languages.primary(lang)
    if base != "en":
        return False
    past = _english_inflections(word)[0] - {word + "s"}
    return max((zipf(form, base) for form in past), default=0.0) >= (
        zipf(word, base) - _BASE_VERB_MARGIN
    )


def mostly_verbal_ing(word: str, lang: str) -> bool:
    """Whether general language writes the English "-ing" form ``word`` less often than its
    verb's past: mostly a verb form ("keeping" 4.84 against "kept" 5.0, "stopping" against
    "stopped"), where a noun's or an adjective's use lifts the "-ing" form above the past
    ("training" 5.18 against "trained" 4.58, "processing", "riding", "floating")."""
    base = languages.primary(lang)
    if base != "en" or not word.endswith("ing"):
        return False
    own = zipf(word, base)
    for lemma in verb_lemmas(word, lang) - {word}:
        pasts = [
            form
            for form in inflections(lemma, lang)
            if not form.endswith("ing") and form not in (lemma + "s", lemma + "es")
        ]
        if any(zipf(form, base) > own for form in pasts):
            return True
    return False


# French endings that only a finite verb of the first or second group takes (present
# plural, imperfect, future, conditional: "équipent", "limitons", "équipait", "équipera").
_FRENCH_FINITE = ("ent", "ons", "ez", "ait", "aient", "era", "eront", "erait", "eraient")
# How far below such a form its verb's participle may be and the form still be mostly the
# verb's: "équipent" 2.71 against "équipé" 3.99, "limitent" 3.45 against "limité" 4.32,
# where a noun or adjective stands far above the verb it looks like ("président" 5.41
# against "présidé" 3.76, "parent" 4.26 against "paré" 3.45, "violent" 4.29 against
# "violé" 3.85).
_FINITE_MARGIN = 0.3


# The finite forms of the most frequent irregular French verbs, which no ending tells:
# (third person singular, plural, imperfect stem, future stem) of each verb, or of each
# verb a prefix makes of it ("vient", "devient", "provient"). A singular that is a noun or
# a participle as well is left out (None): "fait", "produit", "conduit", "joint", "part",
# "sort", "court", "lit", "offre". Conjugation tables of any French grammar.
_FRENCH_IRREGULAR: tuple[tuple[tuple[str, ...], tuple[str | None, str, str, str]], ...] = (
    (("",), ("est", "sont", "ét", "ser")),
    (("",), ("a", "ont", "av", "aur")),
    (("",), ("va", "vont", "all", "ir")),
    (("",), (None, "font", "fais", "fer")),
    (("",), ("peut", "peuvent", "pouv", "pourr")),
    (("",), ("doit", "doivent", "dev", "devr")),
    (("",), ("veut", "veulent", "voul", "voudr")),
    (("",), ("sait", "savent", "sav", "saur")),
    (("",), ("faut", "faut", "fall", "faudr")),
    (("",), ("vaut", "valent", "val", "vaudr")),
    (("",), ("voit", "voient", "voy", "verr")),
    (("pré",), ("voit", "voient", "voy", "voir")),
    (("re", "per", "aper", "con", "dé"), ("çoit", "çoivent", "cev", "cevr")),
    (
        ("", "de", "re", "par", "inter", "pro", "sur", "con", "pré"),
        ("vient", "viennent", "ven", "viendr"),
    ),
    (
        ("", "con", "ob", "main", "sou", "appar", "dé", "re"),
        ("tient", "tiennent", "ten", "tiendr"),
    ),
    (("", "com", "ap", "entre", "re", "sur"), ("prend", "prennent", "pren", "prendr")),
    (
        ("", "per", "ad", "é", "trans", "sou", "re", "com", "pro"),
        ("met", "mettent", "mett", "mettr"),
    ),
    # Verbs in "-dre" whose singular is their stem ("dépend", "vend", "répond").
    *(
        (("",), (stem, stem + "ent", stem, stem + "r"))
        for stem in (
            *("dépend", "vend", "rend", "perd", "attend", "entend", "répond", "correspond"),
            *("tend", "étend", "descend", "suspend"),
        )
    ),
    (("con", "pro", "ré", "intro", "tra", "in", "dé"), (None, "duisent", "duis", "duir")),
    (("cons", "dé"), (None, "truisent", "truis", "truir")),
    (("con", "recon"), ("naît", "naissent", "naiss", "naîtr")),
    (("", "ap", "dis"), ("paraît", "paraissent", "paraiss", "paraîtr")),
    (("",), (None, "disent", "dis", "dir")),
    (("é", "dé", "ins"), (None, "crivent", "criv", "crir")),
    (("", "pour"), ("suit", "suivent", "suiv", "suivr")),
    (("",), ("vit", "vivent", "viv", "vivr")),
    (("",), ("croit", "croient", "croy", "croir")),
    (("",), ("sert", "servent", "serv", "servir")),
    (("",), (None, "sortent", "sort", "sortir")),
    (("",), (None, "partent", "part", "partir")),
    (("",), ("sent", "sentent", "sent", "sentir")),
    (("at",), (None, "teignent", "teign", "teindr")),
    (("", "re"), (None, "joignent", "joign", "joindr")),
    (("",), ("résout", "résolvent", "résolv", "résoudr")),
    (("",), ("acquiert", "acquièrent", "acquér", "acquerr")),
    (("",), (None, "courent", "cour", "courr")),
    (("",), ("meurt", "meurent", "mour", "mourr")),
    (("", "dé"), (None, "couvrent", "couvr", "couvrir")),
    (("",), (None, "ouvrent", "ouvr", "ouvrir")),
    (("",), (None, "offrent", "offr", "offrir")),
)


def _french_irregular_finite() -> frozenset[str]:
    """Every form ``_FRENCH_IRREGULAR`` gives: the present's third persons, the imperfect,
    the future and the conditional (third persons)."""
    forms: set[str] = set()
    for prefixes, (singular, plural, imperfect, future) in _FRENCH_IRREGULAR:
        for prefix in prefixes:
            if singular is not None:
                forms.add(prefix + singular)
            forms.add(prefix + plural)
            forms.update(prefix + imperfect + end for end in ("ait", "aient"))
            forms.update(prefix + future + end for end in ("a", "ont", "ait", "aient"))
    return frozenset(forms)


_FRENCH_IRREGULAR_FINITE = _french_irregular_finite()


@cache
def mostly_finite_verb(word: str, lang: str) -> bool:
    """Whether general language writes the French ``word`` mostly as a finite verb of the
    first or second group ("équipent", "limitent", "utilisons", "équipera"), no term
    however its sentence uses it: its ending is a finite verb's and its verb's participle
    is about as frequent as the word or more; or a finite form of a frequent irregular
    verb (``_FRENCH_IRREGULAR``: "dépend", "peuvent", "reçoit", "devra"). False for other languages, whose finite
    verbs the caller tells from the text (English: ``scoring.inflected_verbs``)."""
    base = languages.primary(lang)
    if base != "fr":
        return False
    if word in _FRENCH_IRREGULAR_FINITE:
        return True
    if not word.endswith(_FRENCH_FINITE):
        return False
    own = zipf(word, base) - _FINITE_MARGIN
    return any(
        max(zipf(form, base) for form in _french_inflections(lemma)[0]) >= own
        for lemma in verb_lemmas(word, base)
        if lemma.endswith(("er", "ir"))
    )


def _irregular_lemma(word: str, table: dict[str, str]) -> str | None:
    """The verb of an irregular English form of ``table``, prefixed or not ("upheld":
    "uphold", "undertaken": "undertake", "withdrew": "withdraw"), where general language
    uses that verb."""
    for prefix in _VERB_PREFIXES:
        if word.startswith(prefix):
            lemma = table.get(word[len(prefix) :])
            if lemma is not None and zipf(prefix + lemma, "en") >= _LEMMA_ZIPF:
                return prefix + lemma
    return None


# Irregular English past participles and the verbs they belong to, those that are no noun
# or adjective of their own as well ("thought", "felt", "left", "drunk" are left out).
_IRREGULAR_PARTICIPLES = {
    **{"held": "hold", "begun": "begin", "taken": "take", "given": "give", "written": "write"},
    **{"known": "know", "shown": "show", "grown": "grow", "drawn": "draw", "thrown": "throw"},
    **{"done": "do", "gone": "go", "seen": "see", "made": "make", "brought": "bring"},
    **{"sought": "seek", "taught": "teach", "caught": "catch", "bought": "buy"},
    **{"fought": "fight", "kept": "keep", "dealt": "deal", "meant": "mean", "sent": "send"},
    **{"spent": "spend", "paid": "pay", "laid": "lay", "said": "say", "sold": "sell"},
    **{"told": "tell", "stood": "stand", "struck": "strike", "broken": "break"},
    **{"chosen": "choose", "spoken": "speak", "stolen": "steal", "driven": "drive"},
    **{"ridden": "ride", "risen": "rise", "forgotten": "forget", "hidden": "hide"},
    **{"eaten": "eat", "fallen": "fall", "beaten": "beat", "forbidden": "forbid"},
    **{"shaken": "shake", "sworn": "swear", "flown": "fly", "blown": "blow", "arisen": "arise"},
    **{"woven": "weave", "worn": "wear", "torn": "tear", "built": "build", "lost": "lose"},
}
# Irregular English simple pasts that are no participle, and their verbs: a finite verb
# only, never an adjective ("grown trees", but not "grew trees"). Those that are nouns as
# well are left out ("saw", "bore", "lay", "fell"), except "rose", which a text that means
# the flower uses as a noun (after a determiner, in the plural), as ``inflected_verbs``
# checks.
_IRREGULAR_PASTS = {
    **{"grew": "grow", "rose": "rise", "took": "take", "began": "begin", "gave": "give"},
    **{"wrote": "write", "knew": "know", "drew": "draw", "threw": "throw", "went": "go"},
    **{"came": "come", "became": "become", "ran": "run", "chose": "choose"},
    **{"spoke": "speak", "stole": "steal", "drove": "drive", "rode": "ride", "ate": "eat"},
    **{"forgot": "forget", "shook": "shake", "swore": "swear", "flew": "fly", "blew": "blow"},
    **{"arose": "arise", "wove": "weave", "wore": "wear", "tore": "tear", "froze": "freeze"},
    **{"sank": "sink", "sang": "sing", "swam": "swim", "sprang": "spring", "hid": "hide"},
}
# Particles that make a compound verb of a verb ("uphold", "withdraw", "undertake"); "un"
# makes adjectives ("unknown").
_VERB_PREFIXES = ("", "up", "with", "under", "over", "out", "fore", "mis", "re")


class _VerbRules(NamedTuple):
    # Endings of inflected forms and the lemma endings that replace them.
    lemma: tuple[tuple[str, tuple[str, ...]], ...]
    inflect: Callable[[str], tuple[set[str], ...]]


def _english_inflections(lemma: str) -> tuple[set[str], ...]:
    """The "-ing" forms a regular English verb may have, and its past and third-person
    forms ("strive": "striving"; "strives", where its past is "strove")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past, progressive = {stem + "ed", lemma + "s"}, {stem + "ing"}
    if lemma.endswith("y"):
        past.add(lemma[:-1] + "ied")
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        past.add(lemma + lemma[-1] + "ed")
        progressive.add(lemma + lemma[-1] + "ing")
    return past, progressive


def _french_inflections(lemma: str) -> tuple[set[str], ...]:
    """A French verb's participles and some conjugated forms: first and second group, the
    verbs in "-re" whose participle is in "-u" ("vendre": "vendu", "vendent") and those in
    "-oir" whose participle is their stem and "-u" ("prévoir": "prévu"; their conjugation
    changes the stem, so the participle alone tells them)."""
    if lemma.endswith("oir"):
        return ({lemma[:-3] + e for e in _FRENCH_U_PARTICIPLE},)
    stem = lemma[:-2]
    if lemma.endswith("re"):
        return {stem + e for e in _FRENCH_U_PARTICIPLE}, {
            stem + e for e in ("ent", "ait", "aient", "ons", "ez")
        }
    if lemma.endswith("er"):
        return {stem + e for e in ("é", "ée", "és", "ées")}, {
            stem + e for e in ("ent", "ait", "aient", "ons", "ez")
        }
    if lemma.endswith("ir"):
        return {stem + e for e in ("i", "ie", "is", "ies")}, {
            stem + e for e in ("issent", "issait", "issons", "issez")
        }
    return (set(),)


# The endings of a participle in "-u" ("vendu", "vendue", "vendus", "vendues").
_FRENCH_U_PARTICIPLE = ("u", "ue", "us", "ues")


_VERB_RULES: dict[str, _VerbRules] = {
    "en": _VerbRules(
        (
            ("ing", ("", "e")),
            ("ied", ("y",)),
            ("ed", ("", "e")),
            ("ies", ("y",)),
            ("es", ("", "e")),
            ("s", ("",)),
        ),
        _english_inflections,
    ),
    "fr": _VerbRules(
        (
            ("er", ("er",)),
            ("ir", ("ir",)),
            ("re", ("re",)),
            ("oir", ("oir",)),
            # Participles in "-u" of verbs in "-re" and "-oir" ("vendu à", "prévue par").
            *((ending, ("re", "oir")) for ending in _FRENCH_U_PARTICIPLE),
            ("ées", ("er",)),
            ("és", ("er",)),
            ("ée", ("er",)),
            ("é", ("er",)),
            # Future and conditional ("équipera", "équiperaient").
            ("eraient", ("er",)),
            ("erait", ("er",)),
            ("eront", ("er",)),
            ("era", ("er",)),
            ("aient", ("er",)),
            ("ait", ("er",)),
            ("issent", ("ir",)),
            ("ent", ("er",)),
            ("ons", ("er", "ir")),
            ("ez", ("er", "ir")),
        ),
        _french_inflections,
    ),
}
