"""Language tags: BCP 47 everywhere inside termwise, other codes only at the edges.

Chinese needs care: ``zh``, ``zh-CN`` and ``zh-Hans`` are one written language for a
translator (simplified script), written ``zh``; ``zh-TW`` and ``zh-Hant`` are traditional,
written ``zh-Hant``. Argos and Apertium have codes of their own (``zt``, ``pb``; ``eng``,
``spa``) which are converted here and nowhere else.
"""

from __future__ import annotations

import re
from functools import lru_cache

from termwise.errors import TermwiseError

_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")

_SIMPLIFIED = {"zh", "zh-cn", "zh-hans", "zh-sg", "zh-hans-cn", "cmn", "zho", "chi"}
_TRADITIONAL = {"zh-tw", "zh-hant", "zh-hk", "zh-mo", "zh-hant-tw", "zh-hant-hk"}

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
    """Return the canonical BCP 47 form termwise uses (``zh-CN`` → ``zh``, ``en_us`` → ``en-US``)."""
    cleaned = tag.strip()
    if not _TAG.match(cleaned):
        raise LanguageError(f"{tag!r} is not a language tag; use BCP 47, such as en, zh or pt-BR")
    lowered = cleaned.replace("_", "-").lower()
    if lowered in _SIMPLIFIED:
        return "zh"
    if lowered in _TRADITIONAL:
        return "zh-Hant"
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


def same_language(a: str, b: str) -> bool:
    """Whether two tags name the same language as termwise writes it."""
    return normalize(a) == normalize(b)


def is_cjk(tag: str) -> bool:
    """Languages written without spaces between words, counted in characters not words."""
    return primary(tag) in {"zh", "ja"}


def from_argos(code: str) -> str:
    """Argos package code to BCP 47."""
    return _ARGOS_TO_BCP47.get(code, normalize(code))


def to_argos(tag: str) -> str:
    """BCP 47 to the code Argos packages use."""
    canonical = normalize(tag)
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
    from babel import Locale, UnknownLocaleError

    canonical = normalize(tag)
    try:
        shown = Locale.parse(locale.replace("-", "_")).languages
        base = canonical.split("-")[0]
        name = shown.get(canonical.replace("-", "_")) or shown.get(base)
    except (UnknownLocaleError, ValueError):
        name = None
    return str(name) if name else canonical
