"""Completeness: segments left untranslated, or "translated" by copying the source."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity, Side
from termwise.checks.qa.names import kept_spans, only_names
from termwise.checks.registry import Scope, register


@register(
    "untranslated",
    Severity.WARNING,
    "The segment has no translation, or an empty one.",
    Scope.DOCUMENT,
    across_segments=False,
)
def untranslated(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    for pair in pairs:
        if pair.left_out:
            continue
        if pair.target is None or not pair.target.strip():
            what = "not translated" if pair.target is None else "the translation is empty"
            yield context.issue(pair, "target", 0, 0, what)


_WORDISH = re.compile(r"[^\W\d_]{2,}")


def _same_screen(context: CheckContext, pairs: Sequence[Pair], side: Side) -> list[int]:
    return [
        index
        for index, pair in enumerate(pairs)
        if pair.target and pair.target.strip() == pair.source.strip()
    ]


@register(
    "same-as-source",
    Severity.WARNING,
    "The target is identical to the source (left untranslated by mistake?).",
    Scope.PAIR,
    screen=_same_screen,
    # The holder's own source copied is untranslated still, whatever waits on it.
    reads_waiting=False,
)
def same_as_source(context: CheckContext, pair: Pair) -> Iterable[Issue]:
    target = pair.target or ""
    if target.strip() != pair.source.strip() or not _WORDISH.search(pair.source):
        return ()
    # A cell "China" or "ISO 9001" is the same in Spanish: no oversight to report.
    if only_names(context, target, kept_spans(context, pair, target)):
        return ()
    return (
        context.issue(
            pair,
            "target",
            0,
            len(target),
            "the target is identical to the source",
        ),
    )
