"""What a translation may rightly keep as the source wrote it: names, numbers and codes.

``same-as-source`` reports a target identical to its source, since that is usually a
segment nobody translated. Yet a table cell "China", "ISO 9001" or "USB-C" stays as it is
in Spanish: a word in it is no oversight when it is

- a number or a code: it holds a digit, an upper-case letter after its first ("iPhone"), or
  is one letter; or it is an acronym of two to five capitals that is no common word of the
  source language set in capitals ("ISO", "NATO", "UN", but not "ABOUT US" or "HOW IT
  WORKS", a heading in capitals);
- a place whose name the two languages spell alike (CLDR's country and region names, as
  Babel gives them: "China" in English and Spanish, not "Brazil", which Spanish spells
  "Brasil");
- a term the glossary records in both languages as the same text (the target's matches of
  the concept, official renderings only);
- a name by the text's own usage: the source document writes it capitalised after a
  lower-case word ("… China and Brazil signed …") and never in lower case. A capital before
  a number or a letter is no sign of a name: "shown in Figure 2", "see Appendix A" are
  references, and a heading "Figure 2" kept in English is untranslated.

A segment is left alone when each of its words is one of these. The last rule reads the
whole source document: ``IncrementalChecker`` checks every segment kept as its source again
when the document's text changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from termwise import languages
from termwise.checks.context import CheckContext, Pair
from termwise.glossary.inflection import zipf

_WORD = re.compile(r"[^\W_]+")
# What may stand between a lower-case word and a name after it: "met Acme", "sold; Acme".
_NAME_GAP = re.compile(r"[,;]?\s+")
_INNER_CAPITAL = re.compile(r".[^\W\d_]*?[A-Z]", re.ASCII)
# An acronym's length: a word of more capitals is more likely a heading set in capitals.
_ACRONYM_LETTERS = range(2, 6)
# wordfreq's Zipf frequency (folded to lower case) from which a word in capitals is the
# language's word rather than an acronym: about a hundred uses per million words, English's
# thousand or so commonest words. Headings set in capitals use them ("about" 6.4, "our"
# 6.1, "team" 5.7, "works" 5.3); acronyms stay below ("USA" 4.8, "UN" and "EU" 4.6, "NATO"
# 4.0, "USB" 4.0, "ISO" 3.8). "UK" (5.1), "TV" (5.2) and "US" (6.0) count as words: a
# table cell "UK" kept as it is in Spanish ("Reino Unido") is worth a look.
_WORD_IN_CAPITALS_ZIPF = 5.0
# A label after a capitalised word: a number ("Figure 2", "Section 4.1") or one letter
# ("Appendix A"). The capital before it is a reference's as often as a name's.
_LABEL = re.compile(r"\s+(?:\d|[^\W\d_](?![^\W_]))")
# CLDR's "World" and "Unknown Region" are no place a reader would call by name.
_NOT_PLACES = frozenset({"001", "ZZ"})


def is_code(word: str, lang: str) -> bool:
    """Whether ``word`` is a number or a code rather than a word of ``lang`` to translate
    (an acronym, not a common word set in capitals)."""
    if len(word) == 1 or any(char.isdigit() for char in word):
        return True
    if word.isupper():
        return (
            len(word) in _ACRONYM_LETTERS
            and zipf(word.lower(), languages.primary(lang)) < _WORD_IN_CAPITALS_ZIPF
        )
    return _INNER_CAPITAL.match(word) is not None


@lru_cache(maxsize=16)
def shared_place_names(source_lang: str, target_lang: str) -> re.Pattern[str] | None:
    """The country and region names CLDR spells alike in both languages, as one pattern
    (None where Babel does not know one of the languages, or they share none)."""
    from babel import Locale, UnknownLocaleError

    try:
        source = Locale.parse(languages.primary(source_lang)).territories
        target = Locale.parse(languages.primary(target_lang)).territories
    except (UnknownLocaleError, ValueError):
        return None
    names = {
        name
        for code, name in source.items()
        if code not in _NOT_PLACES and target.get(code) == name
    }
    if not names:
        return None
    # Longest first, so that "Guinea-Bissau" is one name rather than "Guinea" and a rest.
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=2)
def source_names(text: str) -> frozenset[str]:
    """The words ``text`` (segments, one a line) treats as names: capitalised after a
    lower-case word of their segment, and not only before a label (a number or a letter:
    "in Figure 2", "see Appendix A"), and never written in lower case.

    The label rule reads no frequency: a common word ("figure") and a rare one ("appendix",
    3.5) are references there alike, while a name's own word is as rare ("Boeing 747",
    3.8). A name written only before a number is thus no name by usage.

    One pass over the whole text, kept for the run (and the next, while the text is the
    same): a search of it for each word took 13 s where 10,000 segments were copies."""
    lower: set[str] = set()
    named: set[str] = set()
    for line in text.split("\n"):
        after_lower = False
        end = 0
        for found in _WORD.finditer(line):
            word = found.group()
            # Within a line: each is a segment, and a segment's first word starts a sentence.
            if (
                after_lower
                and word[:1].isupper()
                and _NAME_GAP.fullmatch(line, end, found.start())
                and not _LABEL.match(line, found.end())
            ):
                named.add(word)
            if word.islower():
                lower.add(word)
            after_lower = word.islower()
            end = found.end()
    return frozenset(word for word in named if word.lower() not in lower)


def kept_spans(context: CheckContext, pair: Pair, text: str) -> list[tuple[int, int]]:
    """Where ``text`` (the pair's target, the same as its source) holds a place name both
    languages spell alike, or a term the glossary renders as itself: an official target
    term of a concept the source uses."""
    assert context.target_lang is not None
    concepts = {match.concept_id for match in context.source_terms(pair)}
    spans = [
        (match.start, match.end)
        for match in context.target_terms(pair)
        if match.concept_id in concepts and match.status.is_official
    ]
    places = shared_place_names(context.source_lang, context.target_lang)
    if places is not None:
        spans += [found.span() for found in places.finditer(text)]
    return spans


def only_names(context: CheckContext, text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether every word of ``text`` is a number, a code, inside one of ``spans`` or a name
    by the source document's usage: a segment a translation rightly keeps as it is."""
    names: frozenset[str] | None = None
    for found in _WORD.finditer(text):
        word = found.group()
        if is_code(word, context.source_lang):
            continue
        if any(start <= found.start() and found.end() <= end for start, end in spans):
            continue
        if not word[:1].isupper():
            return False
        if names is None:
            names = source_names(context.source_text)
        if word not in names:
            return False
    return True
