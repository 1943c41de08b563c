"""Language tags: BCP 47 everywhere inside termwise, other codes only at the edges.

Chinese needs care: ``zh``, ``zh-CN`` and ``zh-Hans`` are one written language for a
translator (simplified script), written ``zh``. Traditional Chinese is ``zh-Hant``, and the
regions that write it keep their tags (``zh-TW``, ``zh-HK``, ``zh-MO``): Taiwan and Hong
Kong use different words (軟體 and 軟件, "software"), and a glossary merging them into
``zh-Hant`` mixed the two. As ``en`` serves ``en-GB``, a ``zh-Hant`` term serves a ``zh-TW``
translation (``same_language``), but a ``zh-HK`` term does not (unlike ``en-GB`` and
``en-US``, which differ in spelling, the regions differ in words); simplified and
traditional never serve each other. Argos
and Apertium have codes of their own (``zt``, ``pb``; ``eng``, ``spa``) which are converted
here and nowhere else: every traditional tag is Argos's ``zt``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from termwise.errors import TermwiseError

_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")

_SIMPLIFIED = {"zh", "zh-cn", "zh-hans", "zh-sg", "zh-hans-cn", "cmn", "zho", "chi"}
# The regions that write traditional Chinese, with their script said or not: the region is
# kept, the script it implies is not.
_TRADITIONAL_REGIONS = {
    "zh-tw": "zh-TW",
    "zh-hk": "zh-HK",
    "zh-mo": "zh-MO",
    "zh-hant-tw": "zh-TW",
    "zh-hant-hk": "zh-HK",
    "zh-hant-mo": "zh-MO",
}

_ARGOS_TO_BCP47 = {"zt": "zh-Hant", "pb": "pt-BR", "zh": "zh"}
_BCP47_TO_ARGOS = {"zh-Hant": "zt", "pt-BR": "pb", "zh": "zh"}

# ISO 639-3 codes used by Apertium mode names for the languages termwise cares about most.
_APERTIUM = {
    "en": "eng",
    "es": "spa",
    "fr": "fra",
    "de": "deu",
    "ru": "rus",
    "pt": "por",
    "it": "ita",
    "ca": "cat",
    "gl": "glg",
    "eu": "eus",
    "nl": "nld",
    "ro": "ron",
    "oc": "oci",
    "uk": "ukr",
    "pl": "pol",
    "sv": "swe",
    "da": "dan",
    "nb": "nob",
    "nn": "nno",
    "ar": "ara",
    "zh": "zho",
}
_FROM_APERTIUM = {three: two for two, three in _APERTIUM.items()}


class LanguageError(TermwiseError):
    """A language tag that is not BCP 47."""


def normalize(tag: str) -> str:
    """Return the canonical BCP 47 form termwise uses (``zh-CN`` → ``zh``, ``en_us`` →
    ``en-US``, ``zh_Hant_TW`` → ``zh-TW``)."""
    cleaned = tag.strip()
    if not _TAG.match(cleaned):
        raise LanguageError(f"{tag!r} is not a language tag; use BCP 47, such as en, zh or pt-BR")
    lowered = cleaned.replace("_", "-").lower()
    if lowered in _SIMPLIFIED:
        return "zh"
    if lowered in _TRADITIONAL_REGIONS:
        return _TRADITIONAL_REGIONS[lowered]
    parts = lowered.split("-")
    out = [parts[0]]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part)
    return "-".join(out)


def known(tag: str) -> str:
    """``normalize(tag)``, refusing a language CLDR does not know (``xx``, ``eng-x``)."""
    canonical = normalize(tag)
    base = canonical.split("-")[0]
    if base not in _cldr_languages():
        raise LanguageError(
            f"{tag!r} is not a known language; use a BCP 47 tag such as en, zh or pt-BR"
        )
    return canonical


@lru_cache(maxsize=1)
def _cldr_languages() -> frozenset[str]:
    """Language subtags with a name in CLDR (Babel's data): what a translator could mean."""
    from babel import Locale

    codes = (str(code) for code in Locale.parse("en").languages)
    return frozenset(code for code in codes if "_" not in code)


def primary(tag: str) -> str:
    """The language subtag alone (``pt-BR`` → ``pt``, ``zh-Hant`` → ``zh``)."""
    return normalize(tag).split("-")[0]


# Languages whose noun phrases put the head first, their adjectives and complements after it
# ("comunidad de futuro compartido", "parc éolien en mer"): the terms' heads, abbreviations
# and the constrained MT's agreement are read from the first noun there, from the last in
# English, German or Chinese.
_HEAD_FIRST = frozenset({"es", "fr", "it", "pt", "ca", "gl", "ro", "oc", "an", "ast"})


@functools.lru_cache(maxsize=256)
def puts_head_first(tag: str) -> bool:
    """Whether the language of ``tag`` puts a noun phrase's head first (``_HEAD_FIRST``):
    one list, which term discovery and the constrained MT read alike. (Cached: term
    discovery asks it for every pair of nested candidates.)"""
    return primary(tag) in _HEAD_FIRST


@functools.lru_cache(maxsize=1024)
def same_language(a: str, b: str) -> bool:
    """Whether two tags are one written language to a translator: the same primary language
    (``en`` and ``en-GB``, ``pt`` and ``pt-BR``), and for Chinese also the same script
    (simplified ``zh`` is not traditional ``zh-Hant``). A tag that is not BCP 47 is
    compared by its first subtag. (Cached: glossary lookups ask it for every term.)"""
    if a == b:
        return True
    try:
        first, second = normalize(a), normalize(b)
    except LanguageError:
        return (
            a.replace("_", "-").split("-")[0].lower() == b.replace("_", "-").split("-")[0].lower()
        )
    first_primary, second_primary = first.split("-")[0], second.split("-")[0]
    if first_primary != second_primary:
        return False
    if first_primary != "zh":
        return True
    if _traditional(first) != _traditional(second):
        return False
    # Taiwan's words are not Hong Kong's (the very reason their tags are kept): a region
    # is served by its own terms and by the script's, never by another region's.
    return "zh-Hant" in (first, second) or first == second


def _traditional(canonical: str) -> bool:
    """Whether a normalised Chinese tag is written in the traditional script."""
    return canonical in _TRADITIONAL_REGIONS.values() or "Hant" in canonical.split("-")


def is_cjk(tag: str) -> bool:
    """Languages written without spaces between words, counted in characters not words."""
    return primary(tag) in {"zh", "ja"}


# Han ideographs: the radicals (pdftotext gives Kangxi radicals for some ideographs), the
# unified ideographs with every extension, the compatibility ideographs.
_HAN = ((0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
_KANA = ((0x3040, 0x30FF),)
# What stands among them and takes no space either: CJK punctuation, Bopomofo, strokes,
# enclosed and squared signs ("㈱", "㎞"), full-width and half-width forms ("，", "２").
_CJK_SIGNS = ((0x3000, 0x303F), (0x3100, 0x33FF), (0xFF00, 0xFFEF))
# By (kana, signs), as ``cjk_character`` takes them.
_CJK_RANGES = {
    (kana, signs): _HAN + (_KANA if kana else ()) + (_CJK_SIGNS if signs else ())
    for kana in (True, False)
    for signs in (True, False)
}


def cjk_character(char: str, *, kana: bool = True, signs: bool = False) -> bool:
    """Whether ``char`` is of the writing of ``is_cjk``'s languages: a Han ideograph, a
    kana unless ``kana`` is False (GB18030 decodes Japanese EUC-JP's kana as they are, so
    they tell no Chinese), and with ``signs`` the punctuation and forms set among them.
    The one rule the readers, the segmenter and the glossary share: each with its own
    ranges, a line break beside an ideograph of an extension got a space."""
    if not char or char < "\u2e80":
        # Below the first CJK block: most characters the readers ask about, one by one.
        return False
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES[kana, signs])


def written_in_cjk(text: str) -> bool:
    """Whether ``text`` holds a Han ideograph or a kana: the script of ``is_cjk``'s
    languages, which no other language's term is written in."""
    return any(cjk_character(char) for char in text)


def sentence_glue(tag: str) -> str:
    """What joins two sentences of ``tag`` in one translation: nothing in Chinese and
    Japanese, a space elsewhere."""
    return "" if is_cjk(tag) else " "


# Marks Chinese and Japanese share with Latin text (curly quotes, the ellipsis, the dash,
# closing brackets): they tell nothing of themselves, the character before them does
# ("好。”" runs on, "OK.”" takes its space).
_SHARED_CLOSERS = "\u201d\u2019\u2026\u2014\"')]"


def glue_after(left: str, tag: str) -> str:
    """What follows the sentence ``left`` before the next one of a paragraph of ``tag``:
    ``sentence_glue``'s nothing in Chinese and Japanese only where ``left`` ends in their
    writing (an ideograph, a kana, full-width punctuation: "。", "！", "」"); a sentence of
    Latin text among them ("It works.", "[untranslated]") keeps its space, as it would
    stand in its own language."""
    glue = sentence_glue(tag)
    if glue:
        return glue
    end = left.rstrip().rstrip(_SHARED_CLOSERS)
    # (Closing marks alone, "……", are the writing's own.)
    return "" if not end or cjk_character(end[-1], signs=True) else " "


def sentence_starts(sentences: Sequence[str], tag: str) -> list[int]:
    """Where each of ``sentences`` starts in ``join_sentences(sentences, tag)``: the glue
    between two is ``glue_after`` the first, so its length differs from join to join in
    Chinese and Japanese, and an offset computed from one fixed glue drifted after a
    sentence of Latin text."""
    starts: list[int] = []
    position = 0
    for index, sentence in enumerate(sentences):
        if index:
            position += len(glue_after(sentences[index - 1], tag))
        starts.append(position)
        position += len(sentence)
    return starts


def join_sentences(sentences: Iterable[str], tag: str) -> str:
    """``sentences`` of ``tag`` as one text (a group's translation, a joined segment): each
    after what ``glue_after`` puts after the one before it, so that in Chinese "It works."
    keeps its space before "我们同意。", and "我们同意。" runs on into what follows."""
    out: list[str] = []
    for sentence in sentences:
        if out:
            out.append(glue_after(out[-1], tag))
        out.append(sentence)
    return "".join(out)


def from_argos(code: str) -> str:
    """Argos package code to BCP 47."""
    return _ARGOS_TO_BCP47.get(code, normalize(code))


def to_argos(tag: str) -> str:
    """BCP 47 to the code Argos packages use."""
    canonical = normalize(tag)
    if canonical.split("-")[0] == "zh" and _traditional(canonical):
        return "zt"
    return _BCP47_TO_ARGOS.get(canonical, canonical.split("-")[0])


def to_apertium(tag: str) -> str:
    """BCP 47 to the ISO 639-3 code in Apertium mode names (``es`` → ``spa``)."""
    base = primary(tag)
    return _APERTIUM.get(base, base)


def from_apertium(code: str) -> str:
    """Apertium's ISO 639-3 code to BCP 47 (``spa`` → ``es``)."""
    return _FROM_APERTIUM.get(code, normalize(code))


def display_name(tag: str, locale: str = "en") -> str:
    """The language's name in ``locale`` from Babel's CLDR data (``zh-Hant`` → "Traditional Chinese")."""
    return _cldr_name(tag, locale) or normalize(tag)


def own_name(tag: str) -> str | None:
    """The language's name in itself ("中文", "español") from Babel's CLDR data; None where
    CLDR has no data in that language, whose speakers it could not name it for."""
    return _cldr_name(tag, tag)


def _cldr_name(tag: str, locale: str) -> str | None:
    """The language's name in ``locale`` as CLDR gives it, or None."""
    from babel import Locale, UnknownLocaleError

    canonical = normalize(tag)
    try:
        shown_in = Locale.parse(locale.replace("-", "_"))
        shown = shown_in.languages
        base = canonical.split("-")[0]
        name = shown.get(canonical.replace("-", "_"))
        if name is None and canonical in _TRADITIONAL_REGIONS.values():
            # CLDR names no Chinese of a region: "Chinese (Traditional, Taiwan)".
            name = Locale.parse(canonical.replace("-", "_")).get_display_name(shown_in)
        name = name or shown.get(base)
    except (UnknownLocaleError, ValueError):
        name = None
    return str(name) if name else None
