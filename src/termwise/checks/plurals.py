"""Plural entries: every form the language's plural rule asks for is translated.

A gettext plural entry (``msgid_plural``, ``msgstr[0..n-1]``) from another tool is kept whole
in the project file; the segment's text is the form for n=1, the others live beside it. Whoever
runs the checks on a project file hands each plural entry's forms in (``entry_data``), on the
segment's ``Pair``; other callers pass none and the check finds none.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termwise.checks.context import CheckContext, Pair, PluralForms
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register

__all__ = ["PluralForms", "plural_forms"]


@register(
    "plural-forms",
    Severity.ERROR,
    "A plural entry (gettext msgid_plural) lacks a form its language's plural rule needs.",
    Scope.DOCUMENT,
    across_segments=False,
    needs_target=True,
)
def plural_forms(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    for pair in pairs:
        entry = pair.plural
        if entry is None:
            continue
        forms = entry.forms + ("",) * max(0, entry.expected - len(entry.forms))
        missing = [str(index) for index, form in enumerate(forms) if not form.strip()]
        if missing:
            yield context.issue(
                pair,
                "target",
                0,
                0,
                f"plural form{'s' if len(missing) > 1 else ''} {', '.join(missing)} of "
                f"{entry.expected} not translated (msgstr[{']/['.join(missing)}])",
            )
        elif len(entry.forms) > entry.expected:
            yield context.issue(
                pair,
                "target",
                0,
                0,
                f"{len(entry.forms)} plural forms, but the plural rule has {entry.expected}",
            )
