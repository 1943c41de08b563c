"""General-language word frequencies (wordfreq, whose data ships inside the package).

They say how specific a word is to a domain (a word far more frequent in the corpus than in
general language is a term candidate) and which passages are not in the corpus's language
at all (a Turkish abstract in an English thesis), whose words would otherwise look specific.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

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
