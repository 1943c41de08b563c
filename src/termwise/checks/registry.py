"""The registry of checks, in the style of ``babel.messages.checkers``.

Each check is a plain function with one job, registered with its id, default severity and a
one-line description. The scope says what the function is given:

- ``source``: one source segment alone (``fn(context, pair)``), runs even without a target;
- ``text``: one text alone, the source and then the target when there is one
  (``fn(context, pair, side, text)``);
- ``pair``: a source segment and its (non-empty) target (``fn(context, pair)``);
- ``document``: all segments at once (``fn(context, pairs)``), for consistency across them.
  A document check whose issues on a segment depend on that segment alone (it only wants
  the whole document to batch its work, like spelling) registers ``across_segments=False``,
  so that the workbench can check again just the segments that changed.

In a Markdown source a check reads the texts as a reader sees them: HTML comments blanked
out, at the same offsets, and nothing is reported inside one. A check of the markup itself
registers ``reads_comments=True`` to be given the texts as written.

A segment's translation may hold later segments' sentences, those segments waiting for it
with their own translation empty (an imported 2-1 group, a cut sentence's carry-over). A
check that compares a source with its translation is then given the segment's source with
theirs after it (``checks.waiting``): every ``pair`` check does, unless it registers
``reads_waiting=False``; a document check that does registers ``reads_waiting=True``.

A per-segment check may register a ``screen``: a function given the whole document (and the
side, for text checks) that returns the indices of the segments worth checking, usually from
one regular-expression scan over all of them (``termwise.checks.screening``). The check then
runs on those segments only; a screen may name too many, never too few.

Built-in checks live in the modules named in ``_BUILTIN_MODULES``; other packages can add
checks through the ``termwise.checks`` entry point group (each entry point names a module
that registers its checks on import), the way Babel finds its checkers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from termwise.checks.issue import Issue, Severity, Side

if TYPE_CHECKING:
    from termwise.checks.context import CheckContext, Pair

__all__ = ["Check", "Scope", "Severity", "all_checks", "get_check", "register"]


class Scope(str, Enum):
    SOURCE = "source"
    TEXT = "text"
    PAIR = "pair"
    DOCUMENT = "document"


CheckFunction = Callable[..., Iterable[Issue]]
# Returns why the check cannot run in this context (a missing dictionary), or None.
Availability = Callable[["CheckContext"], "str | None"]
# Indices of the pairs a per-segment check needs to see (for ``pair`` checks, side "target").
Screen = Callable[["CheckContext", "Sequence[Pair]", Side], Iterable[int]]


@dataclass(frozen=True)
class Check:
    """A registered check: metadata plus the function that does the work."""

    id: str
    severity: Severity
    description: str
    scope: Scope
    function: CheckFunction
    fixable: bool = False
    # Which checks of the terminology family need a glossary to say anything.
    needs_glossary: bool = False
    # Document checks that compare targets run only when there is a target language.
    needs_target: bool = True
    category: str = "qa"
    availability: Availability | None = None
    screen: Screen | None = None
    # Whether an issue on one segment can depend on other segments (see the module doc).
    across_segments: bool = False
    # Whether it is given a Markdown source's HTML comments (see the module doc).
    reads_comments: bool = False
    # Whether it is given, for a segment whose translation holds later segments' sentences,
    # their sources after its own (see the module doc).
    reads_waiting: bool = False

    def unavailable_reason(self, context: CheckContext) -> str | None:
        """Why this check cannot run here, or None when it can."""
        if self.needs_target and context.target_lang is None:
            return "needs a target language (--to)"
        if self.needs_glossary and context.glossary is None:
            return "needs a glossary"
        return self.availability(context) if self.availability is not None else None


_REGISTRY: dict[str, Check] = {}
_BUILTIN_MODULES = (
    "termwise.checks.terminology",
    "termwise.checks.consistency",
    "termwise.checks.qa.completeness",
    "termwise.checks.qa.numbers",
    "termwise.checks.qa.placeholders",
    "termwise.checks.qa.urls_brackets",
    "termwise.checks.qa.markup",
    "termwise.checks.qa.punctuation",
    "termwise.checks.qa.capitals",
    "termwise.checks.qa.whitespace",
    "termwise.checks.qa.length",
    "termwise.checks.spelling",
    "termwise.checks.plurals",
    "termwise.checks.unrecorded",
)
_ENTRY_POINT_GROUP = "termwise.checks"
_loaded = False


def register(
    check_id: str,
    severity: Severity,
    description: str,
    scope: Scope,
    *,
    fixable: bool = False,
    needs_glossary: bool = False,
    needs_target: bool | None = None,
    category: str = "qa",
    availability: Availability | None = None,
    screen: Screen | None = None,
    across_segments: bool | None = None,
    reads_comments: bool = False,
    reads_waiting: bool | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator that adds a function to the registry under ``check_id``."""

    def decorate(function: CheckFunction) -> CheckFunction:
        if check_id in _REGISTRY and _REGISTRY[check_id].function is not function:
            raise ValueError(f"check id {check_id!r} is registered twice")
        # Source and text checks run on the source alone; the rest need a translation.
        target_needed = (
            needs_target if needs_target is not None else scope in (Scope.PAIR, Scope.DOCUMENT)
        )
        _REGISTRY[check_id] = Check(
            id=check_id,
            severity=severity,
            description=description,
            scope=scope,
            function=function,
            fixable=fixable,
            needs_glossary=needs_glossary,
            needs_target=target_needed,
            category=category,
            availability=availability,
            screen=screen,
            across_segments=(
                across_segments if across_segments is not None else scope is Scope.DOCUMENT
            ),
            reads_comments=reads_comments,
            reads_waiting=reads_waiting if reads_waiting is not None else scope is Scope.PAIR,
        )
        return function

    return decorate


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in _BUILTIN_MODULES:
        importlib.import_module(module)
    from importlib.metadata import entry_points

    for entry in entry_points(group=_ENTRY_POINT_GROUP):
        entry.load()
    # In the listed modules' order, whatever imported a module first (spelling imports the
    # placeholders module, and a test that ran it first put that check out of its place).
    rank = {name: number for number, name in enumerate(_BUILTIN_MODULES)}
    ordered = sorted(_REGISTRY.values(), key=lambda c: rank.get(c.function.__module__, len(rank)))
    _REGISTRY.clear()
    _REGISTRY.update((check.id, check) for check in ordered)


def all_checks() -> list[Check]:
    """Every registered check, terminology first, then in registration order."""
    _load()
    return list(_REGISTRY.values())


def get_check(check_id: str) -> Check:
    _load()
    try:
        return _REGISTRY[check_id]
    except KeyError:
        raise KeyError(check_id) from None


def check_ids() -> set[str]:
    _load()
    return set(_REGISTRY)


def describe(check: Check) -> dict[str, Any]:
    """A check's metadata as plain data (``check --list --format json``)."""
    return {
        "id": check.id,
        "severity": check.severity.value,
        "scope": check.scope.value,
        "category": check.category,
        "description": check.description,
        "fixable": check.fixable,
    }
