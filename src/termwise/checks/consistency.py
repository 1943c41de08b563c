"""Consistency across the document: the same source translated alike, and the reverse.

Sources and targets are compared after normalising whitespace (on by default: a line wrap or
a double space is not a different sentence) and optionally case, as Xbench and CheckMate let
their users choose. A segment whose translation holds later segments' sentences (they wait
for it: ``checks.waiting``) is compared by its source and theirs, which it translates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register


def _normaliser(context: CheckContext) -> Callable[[str], str]:
    ignore_whitespace = context.config.ignore_whitespace
    ignore_case = context.config.ignore_case

    def normalise(text: str) -> str:
        # A printable text (no tab, line break or no-break space) without two spaces in a
        # row or at either end is already normal: skip the split and join (most texts).
        if ignore_whitespace and not (
            text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
        ):
            text = " ".join(text.split())
        if ignore_case:
            text = text.casefold()
        return text

    return normalise


def _normalised(context: CheckContext, pairs: Sequence[Pair]) -> list[tuple[Pair, str, str]]:
    """(pair, source, target) normalised once per run for both checks, translated pairs only."""
    cached = context.cache.get("consistency-normalised")
    if isinstance(cached, list):
        return cached
    normalise = _normaliser(context)
    found = [
        (pair, normalise(pair.source), normalise(pair.target))
        for pair in pairs
        if pair.target and not pair.target.isspace()
    ]
    context.cache["consistency-normalised"] = found
    return found


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inconsistent(
    context: CheckContext,
    pairs: Sequence[Pair],
    *,
    by_target: bool,
) -> Iterator[Issue]:
    groups: dict[str, list[tuple[Pair, str]]] = defaultdict(list)
    for pair, source, target in _normalised(context, pairs):
        if by_target:
            groups[target].append((pair, source))
        else:
            groups[source].append((pair, target))
    for members in groups.values():
        if len(members) < 2:
            continue
        counts = Counter(other for _, other in members)
        if len(counts) < 2:
            continue
        # The most frequent variant (the first one on a tie) is taken as the standard.
        majority = max(counts, key=lambda text: (counts[text], -_first(members, text)))
        standard = next(pair for pair, other in members if other == majority)
        for pair, other in members:
            if other == majority:
                continue
            target = pair.target or ""
            if by_target:
                message = (
                    f"different sources share this translation; segment {standard.segment_id} "
                    f"translates “{_short(standard.source)}” the same way"
                )
                suggestion = None
            else:
                message = (
                    f"the same source is translated differently in segment "
                    f"{standard.segment_id}: “{_short(standard.target or '')}”"
                )
                suggestion = standard.target
            yield context.issue(
                pair,
                "target",
                0,
                len(target),
                message,
                suggestion=suggestion,
                fixable=suggestion is not None,
            )


def _first(members: list[tuple[Pair, str]], text: str) -> int:
    return next(index for index, (_, other) in enumerate(members) if other == text)


@register(
    "inconsistent-target",
    Severity.WARNING,
    "The same source is translated differently (whitespace and case differences as configured).",
    Scope.DOCUMENT,
    fixable=True,
    category="consistency",
    reads_waiting=True,
)
def inconsistent_target(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    return _inconsistent(context, pairs, by_target=False)


@register(
    "inconsistent-source",
    Severity.INFO,
    "Different sources are translated the same way.",
    Scope.DOCUMENT,
    category="consistency",
    reads_waiting=True,
)
def inconsistent_source(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    return _inconsistent(context, pairs, by_target=True)
