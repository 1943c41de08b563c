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

# A passage is foreign when fewer than this share of its words are known to wordfreq.
KNOWN_SHARE = 0.5
_MIN_WORDS = 5


@cache
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in ``lang`` (0 for a word it has never seen)."""
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang))
    except LookupError:
        return 0.0


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


@cache
def verb_form(word: str, lang: str) -> bool:
    """Whether general language inflects ``word`` as a verb: it is a verb's base form whose
    inflections wordfreq knows ("adhere": "adheres", "adhered", "adhering"), or one of those
    inflections ("penetrates", "blended", "advocating"; French "renforcer", "renforcé",
    "renforcent"). Nouns that are verbs as well ("design", "control") pass too: whether the
    text uses the word as a noun is for the caller to say. English and French; False for
    other languages."""
    base = languages.primary(lang)
    rules = _VERB_RULES.get(base)
    if rules is None or len(word) < 4 or not word.isalpha():
        return False
    lemmas = {word} if base == "en" else set()
    for ending, replacements in rules.lemma:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            lemmas.update(stem + r for r in replacements)
            if base == "en" and len(stem) >= 4 and stem[-1] == stem[-2]:
                lemmas.add(stem[:-1])  # "controlled", "stopping"
    for lemma in lemmas:
        if lemma != word and zipf(lemma, base) < _LEMMA_ZIPF:
            continue
        # Every kind of inflection (English past and "-ing"; French participle and a
        # conjugated form) in use: a plural alone ("blades") makes no verb.
        if all(
            any(zipf(form, base) >= _INFLECTED_ZIPF for form in kind)
            for kind in rules.inflect(lemma)
        ):
            return True
    return False


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
    """A French verb's participles and some conjugated forms (first and second group)."""
    stem = lemma[:-2]
    if lemma.endswith("er"):
        return {stem + e for e in ("é", "ée", "és", "ées")}, {
            stem + e for e in ("ent", "ait", "aient", "ons", "ez")
        }
    if lemma.endswith("ir"):
        return {stem + e for e in ("i", "ie", "is", "ies")}, {
            stem + e for e in ("issent", "issait", "issons", "issez")
        }
    return (set(),)


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
            ("ées", ("er",)),
            ("és", ("er",)),
            ("ée", ("er",)),
            ("é", ("er",)),
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
