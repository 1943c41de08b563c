"""Length: a translation far longer or shorter than usual for the language pair."""

from __future__ import annotations

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register

# Typical length of a translation relative to English, in characters.
_RELATIVE_LENGTH = {
    "en": 1.0,
    "es": 1.18,
    "fr": 1.2,
    "de": 1.22,
    "ru": 1.1,
    "it": 1.15,
    "pt": 1.15,
    "nl": 1.15,
    "zh": 0.32,
    "ja": 0.45,
    "ko": 0.5,
}
_MIN_LENGTH = 20


@register(
    "length-ratio",
    Severity.INFO,
    "The target is far longer or shorter than usual for the language pair.",
    Scope.PAIR,
)
def length_ratio(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_length = len(pair.source)
    if source_length < _MIN_LENGTH or not target:
        return []
    source_factor = _RELATIVE_LENGTH.get(context.source_base, 1.0)
    target_factor = _RELATIVE_LENGTH.get(context.target_base or "en", 1.0)
    expected = target_factor / source_factor
    ratio = len(target) / source_length / expected
    tolerance = context.config.length_tolerance
    if 1 / tolerance <= ratio <= tolerance:
        return []
    what = "longer" if ratio > 1 else "shorter"
    return [
        context.issue(
            pair,
            "target",
            0,
            0,
            f"the target is {len(target)} characters for {source_length} in the source, "
            f"{ratio:.1f}× the usual length ({what} than expected)",
        )
    ]
