"""The TBX-Basic v3 data categories: which element each uses, where it may go, which values.

One table for the validator (which reports what does not fit) and the writer (which never
writes what does not fit: a file termwise writes must pass ``glossary validate``). From the
TBX-Basic v3 schematron and LTAC's integrated RNG.
"""

from __future__ import annotations

from termwise.glossary.tbx_status import BASIC_VALUES

# data category → (element in the dca style, levels where it may appear).
BASIC_CATEGORIES: dict[str, tuple[str, set[str]]] = {
    "administrativeStatus": ("termNote", {"termSec"}),
    "partOfSpeech": ("termNote", {"termSec"}),
    "termType": ("termNote", {"termSec"}),
    "grammaticalGender": ("termNote", {"termSec"}),
    "termLocation": ("termNote", {"termSec"}),
    "geographicalUsage": ("termNote", {"termSec"}),
    "subjectField": ("descrip", {"conceptEntry"}),
    "definition": ("descrip", {"conceptEntry", "langSec"}),
    "context": ("descrip", {"termSec"}),
    "source": ("admin", {"conceptEntry", "langSec", "termSec"}),
    "customerSubset": ("admin", {"termSec"}),
    "projectSubset": ("admin", {"termSec"}),
    "crossReference": ("ref", {"conceptEntry", "termSec"}),
    "externalCrossReference": ("xref", {"conceptEntry", "termSec"}),
    "xGraphic": ("xref", {"conceptEntry"}),
    "transactionType": ("transac", {"transacGrp"}),
    "responsibility": ("transacNote", {"transacGrp"}),
}
BASIC_PICKLISTS: dict[str, frozenset[str] | set[str]] = {
    "administrativeStatus": BASIC_VALUES,
    "partOfSpeech": {"noun", "verb", "adjective", "adverb", "other"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
    "transactionType": {"origination", "modification"},
}

# The levels as the dca style names them (TBX 2008's names map onto them).
LEVELS = {
    "conceptEntry": "conceptEntry",
    "termEntry": "conceptEntry",
    "langSec": "langSec",
    "langSet": "langSec",
    "termSec": "termSec",
    "tig": "termSec",
    "ntig": "termSec",
}


def basic_value(category: str, value: str) -> str | None:
    """``value`` as TBX-Basic's picklist for ``category`` spells it (``Noun`` → ``noun``);
    the value itself for a category without a picklist; None when the picklist lacks it."""
    allowed = BASIC_PICKLISTS.get(category)
    if allowed is None or value in allowed:
        return value
    wanted = _key(value)
    return next((choice for choice in sorted(allowed) if _key(choice) == wanted), None)


def fits_basic(element: str, category: str, value: str, level: str) -> bool:
    """Whether ``<element type="category">value</element>`` is valid TBX-Basic at ``level``."""
    spec = BASIC_CATEGORIES.get(category)
    if spec is None:
        return False
    expected, levels = spec
    allowed = BASIC_PICKLISTS.get(category)
    return (
        element == expected
        and LEVELS.get(level, level) in levels
        and (allowed is None or value in allowed)
    )


def _key(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())
