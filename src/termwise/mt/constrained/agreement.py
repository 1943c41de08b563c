"""The words around a term put into a translation made to agree with it (Spanish, French).

An engine that places a term without knowing its grammar (an Argos n-best pick, target
prefix, attention or placeholder) leaves the words around it as the model wrote them for its
own rendering: "la destino compartido" where the model had said "la comunidad de destino
común", "el comunidad" after a placeholder the model took for a number. Apertium's own
transfer does this for its injected terms; this module does it for every other engine.

Determiners are closed classes, so the words right before the term are set to the term's
gender and number (the glossary's ``grammaticalGender`` and ``grammaticalNumber``) without a
lexicon: Spanish el/la/los/las, del/de la, al/a la, un/una, este/esta, aquel/aquella,
nuestro/nuestra, su/sus, todo el/toda la, la misma, los otros...; French le/la/l'/les,
du/de la/de l'/des, au/à la/à l'/aux, un/une, ce/cet/cette/ces, mon/ma/mes, notre/nos,
tout le/toute la..., with elision before a vowel ("de l'initiative", "cet espace").
Where the right form cannot be known it is not guessed and nothing changes: a feminine
Spanish term starting with a stressed "a" may take "el" ("el agua"), a French term starting
with "h" or "y" may or may not elide, a plural "des" may be "de les" or an indefinite.

An adjective right after the term is an open class: it is changed only where Apertium's
analyser of the language is installed and says both that the word is an adjective and that
the new form is the same adjective in the term's gender and number, and only after a term
that is a noun and its adjectives ("prosperidad común"), which the adjective can only
qualify as a whole.

The gender they agree with is ``term_gender``'s, the one Apertium's mechanism injects too:
one answer for a term whatever engine placed it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termwise import languages
from termwise.glossary.gender import GenderFact, head_index, prefixed_gender
from termwise.glossary.inflection import split_prefix
from termwise.glossary.model import Term

LANGUAGES = {"es", "fr"}

_GENDERS = {"masculine": "m", "feminine": "f"}
_NUMBERS = {"singular": "sg", "plural": "pl"}

Key = tuple[str, str]  # (gender m/f, number sg/pl)
# An analyser's readings of a word: ``[(lemma, tags), ...]`` (``apertium.analyse_words``).
Readings = list[tuple[str, list[str]]]
# Apertium's gender tags as TBX ``grammaticalGender`` values.
TAG_GENDERS = {"m": "masculine", "f": "feminine", "nt": "neuter", "mf": "other"}
Paradigm = dict[Key, str]

# Word classes: a determiner proper; "todo"/"tout", which stands before one; a word that
# follows a determiner ("la misma", "los otros"); a quantifier that stands alone ("alguna").
DET, TODO, POST, QUANT = "det", "todo", "post", "quant"


def _four(ms: str, fs: str, mp: str, fp: str) -> Paradigm:
    return {("m", "sg"): ms, ("f", "sg"): fs, ("m", "pl"): mp, ("f", "pl"): fp}


def _regular(stem: str) -> Paradigm:
    return _four(stem + "o", stem + "a", stem + "os", stem + "as")


def _by_number(singular: str, plural: str) -> Paradigm:
    return _four(singular, singular, plural, plural)


_SPANISH: list[tuple[str, str, Paradigm]] = [
    ("def", DET, _four("el", "la", "los", "las")),
    ("ind", DET, _four("un", "una", "unos", "unas")),
    ("dem", DET, _four("este", "esta", "estos", "estas")),
    ("dem", DET, _four("ese", "esa", "esos", "esas")),
    ("dem", DET, _four("aquel", "aquella", "aquellos", "aquellas")),
    ("poss", DET, _regular("nuestr")),
    ("poss", DET, _regular("vuestr")),
    ("poss", DET, _by_number("su", "sus")),
    ("poss", DET, _by_number("mi", "mis")),
    ("poss", DET, _by_number("tu", "tus")),
    ("todo", TODO, _regular("tod")),
    ("post", POST, _regular("otr")),
    ("post", POST, _regular("mism")),
    ("post", POST, _regular("propi")),
    ("quant", QUANT, _regular("much")),
    ("quant", QUANT, _regular("poc")),
    ("quant", QUANT, _regular("ciert")),
    ("quant", QUANT, _regular("dich")),
    ("quant", QUANT, _four("algún", "alguna", "algunos", "algunas")),
    ("quant", QUANT, _four("ningún", "ninguna", "ningunos", "ningunas")),
]
_FRENCH: list[tuple[str, str, Paradigm]] = [
    ("def", DET, _four("le", "la", "les", "les")),
    ("ind", DET, _four("un", "une", "des", "des")),
    ("dem", DET, _four("ce", "cette", "ces", "ces")),
    ("poss", DET, _four("mon", "ma", "mes", "mes")),
    ("poss", DET, _four("ton", "ta", "tes", "tes")),
    ("poss", DET, _four("son", "sa", "ses", "ses")),
    ("poss", DET, _by_number("notre", "nos")),
    ("poss", DET, _by_number("votre", "vos")),
    ("poss", DET, _by_number("leur", "leurs")),
    ("todo", TODO, _four("tout", "toute", "tous", "toutes")),
    ("quant", QUANT, _four("quel", "quelle", "quels", "quelles")),
    ("quant", QUANT, _four("aucun", "aucune", "aucuns", "aucunes")),
    ("quant", QUANT, _four("certain", "certaine", "certains", "certaines")),
]
# Forms read but never written as such: elided and pre-vowel variants.
_FRENCH_EXTRA: dict[str, tuple[str, Key | None]] = {
    "l'": ("def", None),
    "cet": ("dem", ("m", "sg")),
}
# A contraction of a preposition and the definite article: (preposition, article).
_CONTRACTIONS = {
    "es": {"del": ("de", "el"), "al": ("a", "el")},
    "fr": {"du": ("de", "le"), "au": ("à", "le"), "des": ("de", "les"), "aux": ("à", "les")},
}
# Words before "todo"/"tout" that make it part of an idiom ("sobre todo": above all).
_NOT_TODO = {"sobre", "ante", "del", "du", "pas", "surtout"}

_FRENCH_VOWELS = set("aeiouàâäéèêëîïôöùûüœæ")
_TOKEN = re.compile(r"([^\W\d_]+['’]|[^\W\d_]+)(\s*)$")


@dataclass(frozen=True)
class Adjustment:
    """One change made around a term: the words as the engine wrote them and as now."""

    before: str
    after: str

    def describe(self) -> str:
        return f"{self.before} → {self.after}"


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int  # end of the word, before the separator


def _tokens_before(text: str, limit: int = 4) -> list[_Token]:
    """The last words of ``text`` (each followed by blanks or elided), in text order."""
    out: list[_Token] = []
    end = len(text)
    while len(out) < limit:
        found = _TOKEN.search(text[:end])
        if found is None:
            break
        word, blank = found.group(1), found.group(2)
        if not blank and not word.endswith(("'", "’")):
            break  # the term starts inside a word, or two words are glued
        out.insert(0, _Token(word, found.start(1), found.start(1) + len(word)))
        end = found.start(1)
    return out


def _index(lang: str) -> dict[str, list[tuple[str, str, Paradigm, Key | None]]]:
    table = _SPANISH if lang == "es" else _FRENCH
    index: dict[str, list[tuple[str, str, Paradigm, Key | None]]] = {}
    for name, kind, paradigm in table:
        keys: dict[str, list[Key]] = {}
        for key, form in paradigm.items():
            keys.setdefault(form, []).append(key)
        for form, found in keys.items():
            index.setdefault(form, []).append(
                (name, kind, paradigm, found[0] if len(found) == 1 else None)
            )
    if lang == "fr":
        for form, (name, shown) in _FRENCH_EXTRA.items():
            paradigm = next(p for n, _, p in _FRENCH if n == name)
            index.setdefault(form, []).append((name, DET, paradigm, shown))
            index.setdefault(form.replace("'", "’"), []).append((name, DET, paradigm, shown))
    return index


_INDEXES = {lang: _index(lang) for lang in LANGUAGES}


def _start_kind(term: str) -> str:
    """French: "vowel", "consonant", or "open" (h and y: elision depends on the word)."""
    first = term[:1].lower()
    if first in _FRENCH_VOWELS:
        return "vowel"
    if first in ("h", "y") or not first.isalpha():
        return "open"
    return "consonant"


def agree(
    text: str,
    start: int,
    end: int,
    lang: str,
    gender: str | None,
    number: str | None,
) -> tuple[str, int, int, list[Adjustment]]:
    """``text`` with the words around ``text[start:end]`` (a term) made to agree with it.

    ``gender``/``number`` are the glossary's values (``feminine``, ``plural`` ...). Returns
    the new text, the term's new span and what was changed (nothing where the language is
    not Spanish or French, the gender is not recorded, or the right form cannot be known).
    """
    base = languages.primary(lang)
    g = _GENDERS.get(gender or "")
    if base not in LANGUAGES or g is None:
        return text, start, end, []
    n = _NUMBERS.get(number or "")
    term = text[start:end]
    changes: list[Adjustment] = []
    after = _following_adjective(text, end, base, g, n, term)
    if after is not None:
        (a_start, a_end, new), change = after
        text = text[:a_start] + new + text[a_end:]
        changes.append(change)
    before = _determiners(text[:start], base, g, n, term)
    if before is not None:
        (b_start, new), change = before
        shift = len(new) - (start - b_start)
        text = text[:b_start] + new + text[start:]
        start, end = start + shift, end + shift
        changes.insert(0, change)
    return text, start, end, changes


def _determiners(
    prefix: str, lang: str, g: str, n: str | None, term: str
) -> tuple[tuple[int, str], Adjustment] | None:
    """The new text from where the agreeing words before the term start up to the term."""
    index = _INDEXES[lang]
    contractions = _CONTRACTIONS[lang]
    tokens = _tokens_before(prefix)
    if not tokens:
        return None
    if lang == "es" and g == "f" and n != "pl" and re.match(r"(?i)h?[aá]", term):
        return None  # "el agua", "el hacha": depends on stress, which no list here knows
    words = [t.text.lower() for t in tokens]
    k = len(tokens) - 1
    taken: list[tuple[int, str, Paradigm, Key | None]] = []  # token index, class name, ...

    def entry(i: int, kinds: tuple[str, ...]) -> tuple[str, str, Paradigm, Key | None] | None:
        if i < 0:
            return None
        word = words[i]
        if word in contractions:
            _, article = contractions[word]
            found = next(e for e in index[article] if e[0] == "def")
            return found if DET in kinds else None
        return next((e for e in index.get(word, []) if e[1] in kinds), None)

    first = entry(k, (POST, DET, QUANT, TODO))
    if first is not None and first[1] == POST:
        taken.append((k, first[0], first[2], first[3]))
        k -= 1
        first = entry(k, (DET,))
    if first is not None:
        taken.append((k, first[0], first[2], first[3]))
        k -= 1
        if first[1] == DET:
            todo = entry(k, (TODO,))
            if todo is not None and (k == 0 or words[k - 1] not in _NOT_TODO):
                taken.append((k, todo[0], todo[2], todo[3]))
                k -= 1
    if not taken:
        return None
    taken.reverse()
    # The number the words had: the term's own where recorded, else the one they show.
    shown_key = taken[-1][3] or _key_of(words[taken[-1][0]], taken[-1][2], contractions)
    number = n or (shown_key[1] if shown_key else None)
    if number is None:
        return None
    first_index = taken[0][0]
    preposition = ""
    last_word = words[taken[-1][0]]
    is_article = any(name == "def" for _, name, _, _ in taken)
    if last_word in contractions:
        preposition = contractions[last_word][0]
    elif (
        is_article
        and first_index > 0
        and words[first_index - 1] in {c[0] for c in contractions.values()}
    ):
        first_index -= 1
        preposition = words[first_index]
    if lang == "fr" and "des" in [words[i] for i, *_ in taken] and number == "sg":
        return None  # "des": "de les" or an indefinite plural; its singular is not one form
    forms = [paradigm[(g, number)] for _, _, paradigm, _ in taken]
    original = [tokens[i].text for i, *_ in taken]
    if lang == "fr":
        kind = _start_kind(term)
        last = forms[-1]
        was_elided = original[-1].lower() in ("l'", "l’", "cet") or original[-1].endswith("’")
        elide = kind == "vowel" or (kind == "open" and was_elided)
        if number == "sg" and elide:
            if last in ("le", "la"):
                forms[-1] = "l'"
            elif last == "ce":
                forms[-1] = "cet"
            elif last in ("ma", "ta", "sa"):
                forms[-1] = {"ma": "mon", "ta": "ton", "sa": "son"}[last]
    if preposition:
        merged = _contract(lang, preposition, forms[-1])
        forms = [*forms[:-1], *merged]
    new = _join(forms, prefix[tokens[taken[-1][0]].end :])
    if tokens[first_index].text[:1].isupper():
        new = new[:1].upper() + new[1:]
    start = tokens[first_index].start
    old = prefix[start:]
    if new == old:
        return None
    return (start, new), Adjustment(old.rstrip(), new.rstrip())


def _key_of(word: str, paradigm: Paradigm, contractions: dict[str, tuple[str, str]]) -> Key | None:
    if word in contractions:
        word = contractions[word][1]
    keys = [key for key, form in paradigm.items() if form == word]
    numbers = {key[1] for key in keys}
    return (keys[0][0], numbers.pop()) if len(numbers) == 1 else None


def _contract(lang: str, preposition: str, article: str) -> list[str]:
    for form, (prep, art) in _CONTRACTIONS[lang].items():
        if prep == preposition and art == article:
            return [form]
    return [preposition, article]


def _join(forms: list[str], separator: str) -> str:
    """The words joined as written: an elided form is glued to what follows."""
    out = ""
    for i, form in enumerate(forms):
        out += form
        if form.endswith(("'", "’")):
            continue
        out += " " if i < len(forms) - 1 else (separator or " ")
    return out


# --- an adjective after the term ----------------------------------------------------------------

_ADJECTIVE_ENDINGS = {
    # (from, to) suffix swaps that turn one form of a regular adjective into another.
    "es": [
        ("o", "a"),
        ("a", "o"),
        ("os", "as"),
        ("as", "os"),
        ("o", "os"),
        ("a", "as"),
        ("os", "o"),
        ("as", "a"),
        ("o", "as"),
        ("a", "os"),
        ("os", "a"),
        ("as", "o"),
        ("e", "es"),
        ("es", "e"),
        ("", "es"),
        ("es", ""),
        ("", "s"),
        ("s", ""),
        ("", "a"),
        ("a", ""),
        ("", "as"),
        ("as", ""),
    ],
    "fr": [
        ("", "e"),
        ("e", ""),
        ("", "s"),
        ("s", ""),
        ("", "es"),
        ("es", ""),
        ("e", "es"),
        ("es", "e"),
        ("eux", "euse"),
        ("euse", "eux"),
        ("if", "ive"),
        ("ive", "if"),
        ("el", "elle"),
        ("elle", "el"),
        ("en", "enne"),
        ("enne", "en"),
        ("al", "aux"),
        ("aux", "al"),
        ("al", "ale"),
        ("ale", "al"),
        ("er", "ère"),
        ("ère", "er"),
    ],
}
_FOLLOWING = re.compile(r"^(\s+)([^\W\d_]+)")


def installed_analyser(lang: str) -> Path | None:
    """An installed Apertium analyser of ``lang`` under its ISO 639-3 code (``fra-cat``)."""
    from termwise.mt.apertium import MODES_DIRS

    code = languages.to_apertium(lang)
    roots = {folder.parent for folder in MODES_DIRS}
    for root in sorted(roots):
        for path in sorted(root.glob(f"*/{code}-*.automorf.bin")):
            return path
    return None


@lru_cache(maxsize=4)
def _cached_analyser(lang: str) -> Path | None:
    return installed_analyser(lang)


def may_be_noun(word: str, lang: str) -> bool:
    """Whether ``word`` of ``lang`` may be a noun: false only where Apertium's analyser of the
    language is installed, knows the word and reads it as no noun ("interesados": a
    participle). A word it does not know may be a new noun ("ciberamenazas")."""
    analyser = _cached_analyser(languages.primary(lang))
    if analyser is None:
        return True
    from termwise.mt.constrained.apertium import analyse_words

    readings = analyse_words(analyser, [word])[word]
    return not readings or any(tags[:1] == ["n"] for _, tags in readings)


def term_gender(
    term: Term, analyses: Mapping[str, Readings] | None = None, lexicon: str = ""
) -> GenderFact | None:
    """The gender the words around a placed ``term`` agree with, for every mechanism: the
    glossary's, else the gender a new compound of a noun prefix takes from its noun as
    Apertium's analyser reads it (``prefixed_gender``: "ciberamenaza", feminine as
    "amenaza"), else the one its head's suffix gives (``Term.gender_fact``).

    ``analyses`` and ``lexicon``: the readings of the head's noun (``compound_nouns``) and
    the analyser's file name, where the caller ran the analyser itself (Apertium's
    mechanism); by default the installed analyser of the term's language is run, and where
    none is installed the suffix alone counts. Argos' agreement used the suffix alone, and
    left "un ciberamenaza" where Apertium wrote "una ciberamenaza".
    """
    fact = term.gender_fact
    if term.gender is not None:
        return fact
    lang = languages.primary(term.lang)
    words = term.text.split(" ")
    head = words[head_index(words, lang)]
    if analyses is None:
        analyser = _cached_analyser(lang)
        nouns = compound_nouns([head], lang)
        if analyser is None or not nouns:
            return fact
        from termwise.mt.constrained.apertium import analyse_words

        analyses, lexicon = analyse_words(analyser, nouns), analyser.name

    def genders(noun: str) -> set[str]:
        return {
            TAG_GENDERS[tag]
            for _, tags in analyses.get(noun, [])
            if tags[:1] == ["n"]
            for tag in tags[1:]
            if tag in TAG_GENDERS
        }

    return prefixed_gender(head, lang, genders, lexicon) or fact


def compound_nouns(words: list[str], lang: str) -> list[str]:
    """The nouns of the compounds of a noun prefix among ``words`` ("amenazas" of
    "ciberamenazas"), which ``term_gender`` reads a compound's gender from."""
    base = languages.primary(lang)
    return [split[1] for word in words if (split := split_prefix(word.lower(), base))]


def predicted_by(source: str, rule: str = "the suffix rule ({})") -> str:
    """What gave a predicted gender, from ``GenderFact.source``: the analyser's reading of a
    compound's noun (``prefixed_gender``) as it stands, else a suffix rule or exception
    written into ``rule``."""
    return source if source.startswith("its noun") else rule.format(source)


def warm(lang: str, texts: list[str]) -> None:
    """Analyse the words of ``texts`` in one run of the analyser, ahead of ``agree`` calls
    (one process for a whole batch instead of one per term)."""
    base = languages.primary(lang)
    analyser = _cached_analyser(base) if base in LANGUAGES else None
    if analyser is None:
        return
    from termwise.mt.constrained.apertium import analyse_words

    words = sorted({w for text in texts for w in re.findall(r"[^\W\d_]+", text)})
    if words:
        analyse_words(analyser, words)


def _following_adjective(
    text: str, end: int, lang: str, g: str, n: str | None, term: str
) -> tuple[tuple[int, int, str], Adjustment] | None:
    found = _FOLLOWING.match(text[end:])
    if found is None:
        return None
    analyser = _cached_analyser(lang)
    if analyser is None:
        return None
    from termwise.mt.constrained.apertium import analyse_words

    word = found.group(2)
    term_words = term.split(" ")
    analyses = analyse_words(analyser, [word, *term_words])
    # The term must be a noun and its adjectives, so the word after it can only qualify it.
    head = analyses.get(term_words[0], [])
    if not any(tags[:1] == ["n"] for _, tags in head):
        return None
    if any(not any(tags[:1] == ["adj"] for _, tags in analyses.get(w, [])) for w in term_words[1:]):
        return None
    readings = analyses.get(word, [])
    if not readings or any(tags[:1] != ["adj"] for _, tags in readings):
        return None  # unknown, or also a noun or a verb: not surely an adjective of the term
    lemma = readings[0][0]
    number = n or next((t for _, tags in readings for t in tags if t in ("sg", "pl")), None)
    if number is None or _fits(readings, lemma, g, number):
        return None
    candidates = {
        word[: len(word) - len(old)] + new
        for old, new in _ADJECTIVE_ENDINGS[lang]
        if word.endswith(old) and len(word) > len(old) + 1
    }
    checked = analyse_words(analyser, sorted(candidates))
    good = sorted(c for c in candidates if _fits(checked.get(c, []), lemma, g, number))
    if len(good) != 1:
        return None
    a_start = end + len(found.group(1))
    return (a_start, a_start + len(word), good[0]), Adjustment(word, good[0])


def _fits(readings: list[tuple[str, list[str]]], lemma: str, g: str, number: str) -> bool:
    """Whether one reading is adjective ``lemma`` in gender ``g`` (or common) and ``number``."""
    for found, tags in readings:
        if found != lemma or tags[:1] != ["adj"]:
            continue
        genders = {t for t in tags if t in ("m", "f", "mf")}
        numbers = {t for t in tags if t in ("sg", "pl", "sp")}
        if genders & {g, "mf"} and numbers & {number, "sp"}:
            return True
    return False
