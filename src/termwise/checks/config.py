"""Check settings from the ``[checks]`` table of ``termwise.toml``.

Example::

    [checks]
    disable = ["length-ratio"]

    [checks.severity]
    term-missing = "error"

    [checks.consistency]
    ignore-whitespace = true
    ignore-case = true

    [checks.length-ratio]
    tolerance = 2.5

    [checks.spelling]
    words = ["Xi", "Jinping"]
    dictionaries = { es = "es_MX" }

    [[checks.regex]]
    id = "no-strategy"
    pattern = '\\bstrateg(y|ies)\\b'
    side = "source"
    message = "the Belt and Road is an initiative, never a strategy"
    severity = "warning"

Mistakes (an unknown check id, a bad pattern) are errors that name ``termwise.toml``: a
setting that silently does nothing is worse than a refusal.

Every key, with its type, default and effect: ``termwise check --config-help``, listed from
the schema the file is validated against (``project.settings.SCHEMA``) by ``config_keys``;
a key added here needs a line there, which its tests ask for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termwise.checks.issue import Severity
from termwise.errors import InputError
from termwise.project.settings import MTSettings

_REGEX_SIDES = ("source", "target", "both")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class RegexCheck:
    """A user-defined check: flag every match of ``pattern`` on one side."""

    id: str
    pattern: re.Pattern[str]
    message: str
    side: str = "target"
    severity: Severity = Severity.WARNING
    lang: str | None = None
    replacement: str | None = None


@dataclass(frozen=True)
class CheckConfig:
    """Which checks run, at which severity, with which options."""

    disabled: frozenset[str] = frozenset()
    enabled_only: frozenset[str] | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    regex_checks: tuple[RegexCheck, ...] = ()
    ignore_whitespace: bool = True
    ignore_case: bool = False
    length_tolerance: float = 2.5
    spelling_words: frozenset[str] = frozenset()
    spelling_dictionaries: Mapping[str, str] = field(default_factory=dict)
    # Concept id → the rendering the project chose ([mt.terms]): the term checks measure
    # consistency against it and propose it, as MT writes it (``project_rendering``).
    chosen_terms: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, Any], *, path: str | Path | None = None
    ) -> CheckConfig:
        """Build from ``ProjectLayout.settings()``; ``path`` names the file in errors."""
        where = path if path is not None else "termwise.toml"
        table = settings.get("checks", {})
        if not isinstance(table, Mapping):
            raise _refusal("[checks] must be a table", where, "checks")
        from termwise.checks.registry import check_ids

        known = check_ids()
        regex_checks = tuple(
            _regex_check(entry, index, where) for index, entry in enumerate(table.get("regex", []))
        )
        known |= {regex.id for regex in regex_checks}

        def ids(key: str) -> frozenset[str]:
            values = table.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise _refusal(f"[checks] {key} must be a list of check ids", where, "checks", key)
            unknown = sorted(set(values) - known)
            if unknown:
                raise _refusal(
                    f"[checks] {key}: unknown check id(s) {', '.join(unknown)}",
                    where,
                    "checks",
                    key,
                )
            return frozenset(values)

        severities: dict[str, Severity] = {}
        for check_id, value in dict(table.get("severity", {})).items():
            if check_id not in known:
                raise _refusal(
                    f"[checks.severity]: unknown check id {check_id!r}", where, "severity", check_id
                )
            try:
                severities[check_id] = Severity.parse(str(value))
            except ValueError as error:
                raise _refusal(
                    f"[checks.severity] {check_id}: {error}", where, "severity", check_id
                ) from None

        consistency = dict(table.get("consistency", {}))
        ratio = dict(table.get("length-ratio", {}))
        spelling = dict(table.get("spelling", {}))
        tolerance = float(ratio.get("tolerance", 2.5))
        if not tolerance > 1.0 or tolerance == float("inf"):
            raise _refusal(
                "[checks.length-ratio] tolerance must be greater than 1", where, "tolerance"
            )
        enable = table.get("enable")
        return cls(
            disabled=ids("disable"),
            enabled_only=ids("enable") if enable is not None else None,
            severities=severities,
            regex_checks=regex_checks,
            ignore_whitespace=bool(consistency.get("ignore-whitespace", True)),
            ignore_case=bool(consistency.get("ignore-case", False)),
            length_tolerance=tolerance,
            spelling_words=frozenset(str(word) for word in spelling.get("words", [])),
            spelling_dictionaries={
                str(lang): str(name)
                for lang, name in dict(spelling.get("dictionaries", {})).items()
            },
            chosen_terms=MTSettings.from_settings(settings).terms,
        )

    def is_enabled(self, check_id: str) -> bool:
        if check_id in self.disabled:
            return False
        return self.enabled_only is None or check_id in self.enabled_only

    def severity(self, check_id: str, default: Severity) -> Severity:
        return self.severities.get(check_id, default)


def _refusal(message: str, where: str | Path, *keys: str) -> InputError:
    """An error naming ``termwise.toml`` and, when one line sets ``keys``, that line."""
    from termwise.project.settings import line_of

    return InputError(message, where, line=line_of(Path(where), keys) if keys else None)


def _regex_check(entry: Any, index: int, where: str | Path) -> RegexCheck:
    label = f"[[checks.regex]] #{index + 1}"
    if not isinstance(entry, Mapping):
        raise _refusal(f"{label} must be a table", where, "regex")
    check_id = str(entry.get("id", ""))
    if not _ID.match(check_id):
        raise _refusal(f"{label}: id must be lower-case letters, digits and '-'", where, "regex")
    if "pattern" not in entry or "message" not in entry:
        raise _refusal(f"{label} ({check_id}): needs pattern and message", where, "regex")
    side = str(entry.get("side", "target"))
    if side not in _REGEX_SIDES:
        raise _refusal(f"{label} ({check_id}): side must be one of {_REGEX_SIDES}", where, "side")
    flags = re.IGNORECASE if "i" in str(entry.get("flags", "")) else 0
    try:
        pattern = re.compile(str(entry["pattern"]), flags)
    except (re.error, OverflowError, RecursionError) as error:
        # A repetition over 2**32 is an OverflowError, groups nested a thousand deep a
        # RecursionError: both are a bad pattern to the user, not a crash.
        reason = str(error) if not isinstance(error, RecursionError) else "nested too deeply"
        raise _refusal(f"{label} ({check_id}): bad pattern: {reason}", where, "pattern") from None
    try:
        severity = Severity.parse(str(entry.get("severity", "warning")))
    except ValueError as error:
        raise _refusal(f"{label} ({check_id}): {error}", where, "severity") from None
    lang = entry.get("lang")
    replacement = entry.get("replacement")
    return RegexCheck(
        id=check_id,
        pattern=pattern,
        message=str(entry["message"]),
        side=side,
        severity=severity,
        lang=str(lang) if lang is not None else None,
        replacement=str(replacement) if replacement is not None else None,
    )
