"""Named entities among the candidates: the names of people, places, firms and works.

A translator treats a name apart from a term: it is looked up or transliterated, not
rendered by a glossary's choice, and a paper's authors and places ("Kahraman ALBAYRAK",
"Kretinga", "Enercon") filled a third of the top of the ACTER wind corpus's list. ACTER's
gold lists them as named entities, and TermEval scores lists with and without them, so
they are kept and marked (``Candidate.name``; a TBX note), listed after the terms, and
``terms extract --no-names`` leaves them out.

What marks a name here is the text's own writing, not a list: a capital on every word
inside a sentence, where English and French write common nouns in small letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from termwise import languages
from termwise.terms.candidates import CandidateIndex

# Languages that write every noun with a capital: a capital says nothing of a name there.
NOUN_CAPITALS = frozenset({"de", "lb"})


def names(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` the text writes as names: every word with a capital of its own in
    most of its occurrences inside a sentence, not one a sentence, a heading or a numbered
    line gives it ("3.1. Wind Turbine Design"; a title's full stop ends no sentence: "Dr.
    Kahraman Albayrak"), and a word of it written as a name's word is (``_name_word``).
    A form found only at a segment's start says nothing and is no name."""
    result = np.zeros(len(forms), dtype=bool)
    if languages.primary(index.lang) in NOUN_CAPITALS:
        return result
    for row, form in enumerate(forms):
        stats = index.forms[form]
        own = stats.all_capital - (stats.clause_capital - stats.titled) - stats.headings
        result[row] = (
            stats.inside > 0
            and own * 2 > stats.inside
            and any(_name_word(word) for word in _WORD_PARTS.split(stats.surface))
        )
    return result


_WORD_PARTS = re.compile(r"[\s\-\u2010\u2011]+")


def _name_word(word: str) -> bool:
    """Whether ``word`` is written as a name's word is: a capital, then small letters
    ("Kahraman", "China" of "China-ASEAN"), where an acronym ("HAWT", "MWh") may as well
    name a thing or a unit."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()
