"""Terminology, consistency and QA checks on a document and its translation.

``run_checks`` is the library entry point; ``termwise check`` (``commands.py``) the linter-style
CLI; ``registry`` lists the checks; ``ignores`` keeps the false alarms a translator dismissed.
"""

from __future__ import annotations

from termwise.checks.config import CheckConfig, RegexCheck
from termwise.checks.issue import Fix, Issue, Severity, apply_fixes
from termwise.checks.runner import CheckResult, check_document, run_checks

__all__ = [
    "CheckConfig",
    "CheckResult",
    "Fix",
    "Issue",
    "RegexCheck",
    "Severity",
    "apply_fixes",
    "check_document",
    "run_checks",
]
