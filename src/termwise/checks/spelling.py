"""Spelling of the target through Hunspell, the checker LibreOffice and Firefox use.

The ``hunspell`` program is run once per document, as a pipe (``hunspell -l``), over the
document's unique words rather than sentence by sentence: a book has a few thousand distinct
words, and one process start costs more than checking all of them. Words of glossary terms
are never flagged: the glossary is the authority on its own terms. Nor is a word the
translation copies unchanged from its segment's source (a name, a code, a brand), as in
Xbench and LanguageTool, unless it is a lower-case word of the source language's dictionary:
that is a word left untranslated. When no dictionary is installed for the target language
the check is unavailable and says so in ``check --list``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from termwise import languages
from termwise.checks.context import ADDRESS_MARK, CheckContext, Pair, address_spans
from termwise.checks.issue import Issue, Severity
from termwise.checks.qa.placeholders import placeholder_spans
from termwise.checks.registry import Scope, register
from termwise.errors import TermwiseError
from termwise.glossary.matcher import acronyms_of

_SEARCH_PATH = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
# Which regional dictionary serves a bare language tag (es → es_ES rather than es_AR).
_DEFAULT_REGION = {
    "en": "US",
    "es": "ES",
    "fr": "FR",
    "de": "DE",
    "ru": "RU",
    "pt": "PT",
    "it": "IT",
    "nl": "NL",
}
_WORD = re.compile(r"[^\W\d_]+")
# A token holding a web or mail address, and the whole of such a token in a text.
# Languages whose elided forms (l'initiative) Hunspell checks as one word.
_WORD_WITH_APOSTROPHE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_APOSTROPHE_LANGS = {"fr", "it", "ca", "en"}


def _copied_from_source(word: str, source: str) -> bool:
    """Whether ``word`` stands, same case and as a whole word, in the segment's source.

    A word the translator carried over as it is ("Millbrook", "Xbox") is the source's
    spelling, not the target language's; the same letters inside a longer word are not.
    """
    if word not in source:
        return False
    return re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", source) is not None


def search_path() -> list[Path]:
    """Folders searched for ``.dic``/``.aff`` pairs: ``$DICPATH`` first, as Hunspell does."""
    extra = [Path(p) for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    return extra + [Path(p) for p in _SEARCH_PATH]


@lru_cache(maxsize=64)
def _find_dictionary(lang: str, override: str | None, path_key: str) -> Path | None:
    del path_key  # part of the cache key only: a changed $DICPATH is a new lookup
    canonical = languages.normalize(lang)
    base = languages.primary(canonical)
    names: list[str] = []
    if override:
        names.append(override)
    parts = canonical.split("-")
    if len(parts) > 1 and len(parts[-1]) == 2:
        names.append(f"{base}_{parts[-1]}")
    if base in _DEFAULT_REGION:
        names.append(f"{base}_{_DEFAULT_REGION[base]}")
    names.append(base)
    folders = [folder for folder in search_path() if folder.is_dir()]
    for name in names:
        for folder in folders:
            dic = folder / f"{name}.dic"
            if dic.exists() and dic.with_suffix(".aff").exists():
                return dic.with_suffix("")
    if override:
        return None
    # Any regional variant will do rather than none (es_MX when es_ES is missing).
    for folder in folders:
        for dic in sorted(folder.glob(f"{base}_*.dic")):
            if dic.with_suffix(".aff").exists():
                return dic.with_suffix("")
    return None


def find_dictionary(lang: str, override: str | None = None) -> Path | None:
    """The dictionary (path without suffix) Hunspell would use for ``lang``, or None."""
    return _find_dictionary(lang, override, os.environ.get("DICPATH", ""))


def unavailable_reason(lang: str, override: str | None = None) -> str | None:
    """Why spelling cannot be checked in ``lang`` here, or None when it can."""
    if shutil.which("hunspell") is None:
        return "the hunspell program is not installed (Debian: apt install hunspell)"
    if find_dictionary(lang, override) is None:
        folders = ", ".join(str(folder) for folder in search_path())
        return f"no Hunspell dictionary for {lang} (looked in {folders})"
    return None


def available_languages() -> list[str]:
    """Languages with an installed dictionary, as BCP 47 tags (for ``check --list``)."""
    found: set[str] = set()
    for folder in search_path():
        if not folder.is_dir():
            continue
        for dic in folder.glob("*.dic"):
            if dic.with_suffix(".aff").exists():
                try:
                    found.add(languages.primary(dic.stem.replace("_", "-")))
                except TermwiseError:
                    continue
    return sorted(found)


def misspelled(words: Sequence[str], dictionary: Path) -> set[str]:
    """The words Hunspell does not accept, from one ``hunspell -l`` run."""
    if not words:
        return set()
    try:
        result = subprocess.run(
            ["hunspell", "-i", "utf-8", "-d", str(dictionary), "-l"],
            input="\n".join(words) + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise TermwiseError(f"hunspell failed: {error}") from error
    if result.returncode != 0:
        raise TermwiseError(f"hunspell failed: {result.stderr.strip()}")
    return set(result.stdout.split())


def _availability(context: CheckContext) -> str | None:
    assert context.target_lang is not None
    override = context.config.spelling_dictionaries.get(context.target_lang)
    return unavailable_reason(context.target_lang, override)


def _glossary_words(context: CheckContext, lang: str) -> set[str]:
    from termwise.checks.terminology import terms_in

    words: set[str] = set()
    if context.glossary is not None:
        for concept in context.glossary.concepts:
            for term in terms_in(concept, lang):
                # An acronym is right in capitals alone, which the check never reads.
                acronyms = acronyms_of(term.text)
                words.update(
                    word.casefold() for word in _WORD.findall(term.text) if word not in acronyms
                )
    return words


@register(
    "spelling",
    Severity.WARNING,
    "Spelling of the target through Hunspell (glossary terms are never flagged).",
    Scope.DOCUMENT,
    availability=_availability,
    across_segments=False,
)
def spelling(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    lang = context.target_lang
    assert lang is not None
    dictionary = find_dictionary(lang, context.config.spelling_dictionaries.get(lang))
    if dictionary is None:
        return
    word_re = _WORD_WITH_APOSTROPHE if languages.primary(lang) in _APOSTROPHE_LANGS else _WORD
    accepted = {word.casefold() for word in context.config.spelling_words}
    accepted |= _glossary_words(context, lang)
    # Whitespace-separated tokens of the whole document first (one C-level split), then
    # words of each distinct token: a corpus has far fewer distinct tokens than tokens.
    texts = [pair.target for pair in pairs if pair.target]
    tokens = set("\n".join(texts).split())
    # A web or mail address is no words ("https", "example", "org" were misspellings).
    words_of = {
        token: [] if ADDRESS_MARK.search(token) else word_re.findall(token) for token in tokens
    }
    # Acronyms and one-letter words are not spelling; glossary and project words are right.
    candidates = sorted(
        {
            word
            for words in words_of.values()
            for word in words
            if len(word) > 1 and not word.isupper() and word.casefold() not in accepted
        }
    )
    wrong = misspelled(candidates, dictionary) & set(candidates)
    if not wrong:
        return
    wrong_tokens = {token for token, words in words_of.items() if not wrong.isdisjoint(words)}
    # (pair, start, end, word, copied from the source) of each unknown word, before deciding
    # which copies stand: that takes one run of the source language's dictionary.
    found: list[tuple[Pair, int, int, str, bool]] = []
    for pair in pairs:
        target = pair.target
        if not target or wrong_tokens.isdisjoint(target.split()):
            continue
        protected = [(match.start, match.end) for match in context.target_terms(pair)]
        protected += address_spans(target)
        if "%" in target or "{" in target:
            protected += placeholder_spans(target)
        for match in word_re.finditer(target):
            word = match.group()
            if word not in wrong:
                continue
            start, end = match.span()
            if any(s <= start and end <= e for s, e in protected):
                continue
            found.append((pair, start, end, word, _copied_from_source(word, pair.source)))
    untranslated = _untranslated_words(
        context, {word for _, _, _, word, copied in found if copied and word.islower()}
    )
    for pair, start, end, word, copied in found:
        if copied and word not in untranslated:
            continue
        yield context.issue(
            pair,
            "target",
            start,
            end,
            f"“{word}” is not in the {dictionary.name} dictionary",
        )


def _untranslated_words(context: CheckContext, words: set[str]) -> set[str]:
    """The lower-case copied words that are plain words of the source language.

    A copied capitalised word is a name or brand ("Millbrook", "Xbench") and a copied word
    the source dictionary rejects is a code ("libfoo"); but a copied common word ("destiny"
    in Spanish) is one that machine translation or the translator left untranslated, which
    is what this check must find. Without a source dictionary nobody can tell: flag them.
    """
    if not words:
        return set()
    source_dictionary = find_dictionary(
        context.source_lang, context.config.spelling_dictionaries.get(context.source_lang)
    )
    if source_dictionary is None:
        return words
    return words - misspelled(sorted(words), source_dictionary)
