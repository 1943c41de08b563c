"""The months' names in the languages whose dates termwise reads, with their numbers.

A date says its month in words in one language and in digits in another ("May 2020",
2020年5月, 二〇二〇年五月), so the numbers check counts a month's name as its number. A
language added here is read so at once. The reader's date lines ("12 March 2024") and the
segmenter's German ordinals ("3. Januar") take their full names from here too, each keeping
only what it adds of its own (abbreviations such as "Sept." and "déc.", in any case).
"""

from __future__ import annotations

import re

from termwise import languages

# Each language's names from January, as its running text writes them: English and German
# capitalise them, French and Spanish do not ("le 5 mai", "5 de mayo").
_NAMES = {
    "en": ("January February March April May June July August September October November December"),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
MONTHS: dict[str, dict[str, int]] = {
    lang: {name: number for number, name in enumerate(names.split(), start=1)}
    for lang, names in _NAMES.items()
}
# Whole words only, as written: "May" is also in "Mayor", "March" in "Marches", and a
# capital "Mars" is the planet in French.
_MONTH_NAME = {
    lang: re.compile(r"\b(" + "|".join(names) + r")\b") for lang, names in MONTHS.items()
}


def month_numbers(text: str, lang: str | None) -> list[int]:
    """The number of each month ``text`` names in ``lang`` (5 for "May"), in order; none in
    a language whose names are not listed."""
    base = languages.primary(lang) if lang else ""
    if base not in MONTHS:
        return []
    return [MONTHS[base][name] for name in _MONTH_NAME[base].findall(text)]
