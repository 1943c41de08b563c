"""Named entities among the candidates: the names of people, places, firms and works.

A translator treats a name apart from a term: it is looked up or transliterated, not
rendered by a glossary's choice, and a paper's authors and places ("Kahraman ALBAYRAK",
"Kretinga", "Enercon") filled a third of the top of the ACTER wind corpus's list. ACTER's
gold lists them as named entities, and TermEval scores lists with and without them, so
they are kept and marked (``Candidate.name``; a TBX note), listed after the terms, and
``terms extract --no-names`` leaves them out.

What marks a name here is the text's own writing, not a list: a capital on every word
inside a sentence, where English and French write common nouns in small letters. A capital
the text gives a word for another reason is none: a title-case line's (a running header, a
keyword line: "Keywords: Wind Energy, Aerodynamics"), a word in capitals ("PAGE", "ANNEX"),
a label before a number ("Annex 1", "Eqn 5"), a title before a name ("Prof", "Dr"); and a
word the text writes in small letters elsewhere is a common word wherever it has a capital
("Aerodynamics" of a reference's title, "aerodynamics" in the prose; French capitals
dropping the accent: "Eolienne", "éolienne"), as a phrase is that the text writes in small
letters too ("Training Scale", "training scale").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

from termwise import languages
from termwise.terms.candidates import CandidateIndex, FormStats, is_label, is_title
from termwise.terms.general import zipf

# Languages that write every noun with a capital: a capital says nothing of a name there.
NOUN_CAPITALS = frozenset({"de", "lb"})


def names(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` the text writes as names: every word with a capital of its own in
    most of its occurrences inside a sentence, not one a sentence, a heading, a numbered
    line or a common word's title-case line gives it ("3.1. Wind Turbine Design"; a
    title's full stop ends no sentence: "Dr. Kahraman Albayrak") nor capitals throughout,
    and a word of it written as a name's word is (``_name_word``); and the text does not
    show it a common word (``_common``). A form found only at a segment's start says
    nothing and is no name."""
    result = np.zeros(len(forms), dtype=bool)
    lang = languages.primary(index.lang)
    if lang in NOUN_CAPITALS:
        return result
    small: dict[str, int] = {}
    for word, count in index.small_counts.items():
        key = _unaccented(word)
        small[key] = small.get(key, 0) + count
    for row, form in enumerate(forms):
        stats = index.forms[form]
        known = all(zipf(word, lang) >= COMMON_WORD_ZIPF for word in stats.words)
        own = (
            stats.all_capital
            - stats.upper
            - (stats.clause_capital - stats.titled)
            - stats.headings
            - (stats.title_case if known else 0)
        )
        # A form in capitals says nothing either way ("UNESCO", "Unesco").
        result[row] = (
            stats.inside > 0
            and own * 2 > stats.inside - stats.upper
            and any(_name_word(word) for word in _WORD_PARTS.split(stats.surface))
            and not _common(index, stats, own, small)
        )
    return result


# General language's Zipf frequency from which a word may be a common one: a label before a
# number ("Annex 1": 3.3, French "Tableau 2") or a title-case line's word ("Handbook") is
# no name, where a name before a year or a reference ("Baucher (1842)", "Manwell [1]") or in
# a caption's short line ("Christine Traurig on Ravel") is one general language hardly has.
COMMON_WORD_ZIPF = 3.0


def _common(index: CandidateIndex, stats: FormStats, own: int, small: dict[str, int]) -> bool:
    """Whether the text shows a form a common word or phrase, whatever its capitals: one
    word that it writes in small letters at least half as often as with its own capital
    (``small``, accents dropped as French capitals drop them: "Eolienne"; a name's odd
    small letters, "www.enercon.de", or a verb's, French "vienne", are fewer), a label
    general language knows or a title ("Prof"); a phrase that it writes in small letters
    inside a sentence at all."""
    if len(stats.words) > 1:
        # Opening with a small letter before a name's capital is no phrase in small letters
        # ("l'école de Versailles").
        return stats.inside - stats.capital > stats.small_to_capital
    word = stats.words[0]
    return (
        small.get(_unaccented(word), 0) * 2 >= own
        or is_label(index, word, COMMON_WORD_ZIPF)
        or is_title(word, index.lang)
    )


def _unaccented(word: str) -> str:
    """``word`` without its accents: "éolienne" and "eolienne" are one word."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


_WORD_PARTS = re.compile(r"[\s\-\u2010\u2011]+")


def _name_word(word: str) -> bool:
    """Whether ``word`` is written as a name's word is: a capital, then small letters
    ("Kahraman", "China" of "China-ASEAN"), where an acronym ("HAWT", "MWh") may as well
    name a thing or a unit."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()
