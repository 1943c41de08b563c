"""What a translation may rightly keep as the source wrote it: names, numbers and codes.

``same-as-source`` reports a target identical to its source, since that is usually a
segment nobody translated. Yet a table cell "China", "ISO 9001" or "USB-C" stays as it is
in Spanish: a word in it is no oversight when it is

- a number or a code: it holds a digit, an upper-case letter after its first ("iPhone"), or
  is one letter; or it is an acronym: a word in capitals that is no word of the source
  language set in capitals ("UK", "TV", "NATO", "UNESCO", but not "MENU", "ABOUT US" or
  "HOW IT WORKS", a heading in capitals; see ``words_in_capitals``);
- a place whose name the two languages spell alike (CLDR's country and region names, as
  Babel gives them: "China" in English and Spanish, not "Brazil", which Spanish spells
  "Brasil");
- a term the glossary records in both languages as the same text (the target's matches of
  the concept, official renderings only);
- a name by the text's own usage: the source document writes it capitalised after a
  lower-case word ("… China and Brazil signed …") and never in lower case. A capital before
  a label (a number, a letter or a Roman numeral) is no sign of a name: "shown in Figure 2",
  "see Appendix A", "in Chapter IV" are references, and a heading "Figure 2" or "Chapter IV"
  kept in English is untranslated.

A segment is left alone when each of its words is one of these. The acronym and name rules
read the whole source document: ``IncrementalChecker`` checks every segment kept as its
source again when the document's text changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from termwise import languages
from termwise.checks.context import CheckContext, Pair
from termwise.checks.terminology import meant_target_terms
from termwise.glossary.inflection import zipf

_WORD = re.compile(r"[^\W_]+")
# What may stand between a lower-case word and a name after it: "met Acme", "sold; Acme".
_NAME_GAP = re.compile(r"[,;]?\s+")
_INNER_CAPITAL = re.compile(r".[^\W\d_]*?[A-Z]", re.ASCII)
# wordfreq's Zipf frequency (folded to lower case) from which a word in capitals is more
# likely the language's word than an acronym: about a hundred uses per million words,
# English's thousand or so commonest words. It decides where the dictionary lists a word
# both ways: "IT" and "it", "WHO" and "who", "NOW" and "now" (6.2) are words, "DC" (4.6),
# "PC" (4.5) and "IV" (4.4) acronyms. Without a dictionary it decides alone: headings set
# in capitals use such words ("about" 6.4, "our" 6.1, "team" 5.7, "works" 5.3); most
# acronyms stay below ("USA" 4.8, "UN" and "EU" 4.6, "NATO" 4.0, "ISO" 3.8). wordfreq folds
# case, so alone it cannot tell "US" (6.0) from "us", nor "MENU" (4.3) from an acronym.
_WORD_IN_CAPITALS_ZIPF = 5.0
# Without a dictionary, a longer word in capitals is a heading's word more often than an
# acronym (UNESCO and UNICEF have six letters).
_ACRONYM_MOST_LETTERS = 6
# A Roman numeral up to XXXIX: a text's chapters, parts and volumes ("Chapter IV"). One of
# L, C, D or M is a code as often ("Washington DC", "MIX"). The numbers check reads a Roman
# label after a label word with a pattern of its own, to MMMCMXCIX ("Chapter XL", "Article
# CXXV"): there the word before it says it is one.
ROMAN_LABEL = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
_ROMAN_NUMERAL = re.compile(ROMAN_LABEL)
# A label after a capitalised word: a number ("Figure 2", "Section 4.1"), one letter
# ("Appendix A") or a Roman numeral ("Part XII"). The capital before it is a reference's as
# often as a name's.
_LABEL = re.compile(rf"\s+(?:\d|[^\W\d_](?![^\W_])|{ROMAN_LABEL}(?![^\W_]))")
# CLDR's "World" and "Unknown Region" are no place a reader would call by name.
_NOT_PLACES = frozenset({"001", "ZZ"})


def is_code(word: str, words_in_capitals: frozenset[str]) -> bool:
    """Whether ``word`` is a number or a code rather than a word to translate: an acronym
    unless ``words_in_capitals`` (the source's words set in capitals) holds it."""
    if len(word) == 1 or any(char.isdigit() for char in word):
        return True
    if _ROMAN_NUMERAL.fullmatch(word):
        return True
    if word.isupper():
        return word not in words_in_capitals
    return _INNER_CAPITAL.match(word) is not None


def words_in_capitals(context: CheckContext) -> frozenset[str]:
    """The words the source document writes in capitals that are words of its language set
    in capitals ("MENU", "ABOUT", "WORKS"), not acronyms ("UK", "TV", "NATO", "UNESCO")."""
    from termwise.checks.spelling import find_dictionary, unavailable_reason

    lang = context.source_lang
    override = context.config.spelling_dictionaries.get(lang)
    usable = unavailable_reason(lang, override) is None
    dictionary = find_dictionary(lang, override) if usable else None
    return _words_in_capitals(context.source_text, languages.primary(lang), dictionary)


@lru_cache(maxsize=2)
def _words_in_capitals(text: str, lang: str, dictionary: Path | None) -> frozenset[str]:
    """``words_in_capitals`` of ``text``: one Hunspell run over its words in capitals, kept
    for the run (and the next, while the text is the same).

    A word in capitals is the language's word set so where the dictionary accepts its
    lower-case form ("menu", "works"), unless it lists the capitals form too: Hunspell's
    dictionaries list acronyms in capitals ("UK", "US", "TV", "UNESCO"). One listed both
    ways is the word where that is frequent ("IT" and "it", "NOW" and "now"), an acronym
    else ("DC" and "dc"). wordfreq alone cannot say this (it folds case: "US" is "us"), so
    it decides alone only where no dictionary is installed, by frequency and length.
    """
    capitals = {
        word
        for word in _WORD.findall(text)
        if len(word) > 1 and word.isupper() and not any(char.isdigit() for char in word)
    }

    def frequent(word: str) -> bool:
        return zipf(word.lower(), lang) >= _WORD_IN_CAPITALS_ZIPF

    if dictionary is None:
        return frozenset(
            word for word in capitals if len(word) > _ACRONYM_MOST_LETTERS or frequent(word)
        )
    from termwise.checks.spelling import misspelled

    lower_stems, capital_stems = _dictionary_cases(dictionary)
    listed_both = {
        word for word in capitals if word in capital_stems and word.lower() in lower_stems
    }
    unlisted = sorted(word.lower() for word in capitals if word not in capital_stems)
    known = set(unlisted) - misspelled(unlisted, dictionary)
    return frozenset(
        word
        for word in capitals
        if word.lower() in known or (word in listed_both and frequent(word))
    )


@lru_cache(maxsize=4)
def _dictionary_cases(dictionary: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The stems a Hunspell dictionary lists in lower case, and those in capitals."""
    lower: set[str] = set()
    capitals: set[str] = set()
    # The dictionary is named without its suffix, as Hunspell's -d takes it.
    with Path(f"{dictionary}.dic").open(encoding="utf-8", errors="replace") as lines:
        next(lines, None)  # the entry count
        for line in lines:
            # "UK/M", "menu/MS", "ONU/L'D'Q' po:nom": the stem ends at its flags or fields.
            stem = line.split("/", 1)[0].split(None, 1)[0] if line.strip() else ""
            if stem.islower():
                lower.add(stem)
            elif len(stem) > 1 and stem.isupper():
                capitals.add(stem)
    return frozenset(lower), frozenset(capitals)


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
    concepts = {concept for match in context.source_terms(pair) for concept in match.concepts}
    spans = [
        (match.start, match.end)
        for match in meant_target_terms(context, pair)
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
    capitals = words_in_capitals(context)
    for found in _WORD.finditer(text):
        word = found.group()
        if is_code(word, capitals):
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
