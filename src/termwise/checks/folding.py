"""Folding repeated issues: a check lists at most ``ISSUES_PER_SEGMENT`` issues in one side of
one segment, then one issue that says more were left out.

A text that is one 50 MB line of "the the the ..." would otherwise give five million
identical issues: minutes to build and print, gigabytes to hold, and nothing a translator
could read. Per-segment checks are generators where they can find many issues, so reading
stops at the limit and time and memory stay bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from termwise.checks.issue import Issue

ISSUES_PER_SEGMENT = 100


def folded_marker(first_left_out: Issue) -> Issue:
    """The issue shown in place of the ones left out, at the first of them."""
    return replace(
        first_left_out,
        message=(
            f"more {first_left_out.check} issues in this segment are not listed (termwise lists "
            f"the first {ISSUES_PER_SEGMENT} of a check in a segment); fix these and check again"
        ),
        suggestion=None,
        fix=None,
    )


def capped(issues: Iterable[Issue]) -> Iterator[Issue]:
    """The issues of one check on one side of one segment, folded after the limit; reading
    stops there."""
    iterator = iter(issues)
    yield from islice(iterator, ISSUES_PER_SEGMENT)
    extra = next(iterator, None)
    if extra is not None:
        yield folded_marker(extra)


def fold(issues: Iterable[Issue]) -> Iterator[Issue]:
    """``capped`` for a stream that mixes checks and segments (cross-segment checks)."""
    counts: dict[tuple[str, str, str], int] = {}
    for issue in issues:
        key = (issue.check, issue.segment_id, issue.side)
        seen = counts.get(key, 0)
        counts[key] = seen + 1
        if seen < ISSUES_PER_SEGMENT:
            yield issue
        elif seen == ISSUES_PER_SEGMENT:
            yield folded_marker(issue)
