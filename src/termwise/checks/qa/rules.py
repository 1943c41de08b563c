"""The project's own checks: ``[[checks.regex]]`` patterns from ``termwise.toml``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termwise import languages
from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Side


def regex_issues(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    """Run the ``[[checks.regex]]`` checks of the project configuration (a generator, so that
    the runner's folding bounds memory)."""
    for rule in context.config.regex_checks:
        if not context.config.is_enabled(rule.id):
            continue
        sides: list[Side] = []
        if rule.side in ("source", "both") and (
            rule.lang is None or languages.same_language(rule.lang, context.source_lang)
        ):
            sides.append("source")
        if (
            rule.side in ("target", "both")
            and context.target_lang is not None
            and (rule.lang is None or languages.same_language(rule.lang, context.target_lang))
        ):
            sides.append("target")
        search = rule.pattern.search
        for pair in pairs:
            for side in sides:
                text = pair.source if side == "source" else pair.target
                if not text or search(text) is None:
                    continue
                for match in rule.pattern.finditer(text):
                    suggestion = match.expand(rule.replacement) if rule.replacement else None
                    yield (
                        context.rule_issue(
                            rule.id,
                            rule.severity,
                            pair,
                            side,
                            match.start(),
                            match.end(),
                            rule.message,
                            suggestion=suggestion,
                            fixable=suggestion is not None,
                        )
                    )
