"""A translation that starts in lower case where its source starts with a capital, as
pofilter's ``startcaps`` reports: machine translation and hurried editing lose a sentence's
capital ("el crecimiento se reanudó…" for "Growth resumed…")."""

from __future__ import annotations

import re

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register

# What may stand before a sentence's first letter: quotes, brackets, Spanish ¿ and ¡,
# Markdown's emphasis and heading marks, spaces.
_LEAD = re.compile(r"[\s\"'“”‘’«»„‹›¿¡(\[*_#>~-]*")
_WORD = re.compile(r"[^\W_]+")


def _first_letter(text: str) -> int | None:
    """Where ``text``'s first letter is, if nothing but marks comes before it (a figure
    first, "2016 saw…", opens no sentence with a letter)."""
    position = _LEAD.match(text)
    index = position.end() if position else 0
    return index if index < len(text) and text[index].isalpha() else None


@register(
    "start-capital",
    Severity.WARNING,
    "The target starts in lower case where the source starts with a capital.",
    Scope.PAIR,
    fixable=True,
)
def start_capital(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_at, target_at = _first_letter(pair.source), _first_letter(target)
    if source_at is None or target_at is None:
        return []
    if not (pair.source[source_at].isupper() and target[target_at].islower()):
        return []
    word = _WORD.match(target, target_at)
    shown = word.group() if word else target[target_at]
    if any(char.isupper() for char in shown[1:]):
        return []  # a name written so ("iPhone", "eBay")
    return [
        context.issue(
            pair,
            "target",
            target_at,
            target_at + 1,
            f"starts in lower case (“{shown}”); the source starts with a capital",
            suggestion=target[target_at].upper(),
            fixable=True,
        )
    ]
