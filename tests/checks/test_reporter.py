"""Each check reports through a context bound to its registry entry: no check names its own
id or severity again, and the severity the project configured is the one reported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import termwise.checks
from termwise.checks.config import CheckConfig
from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Severity
from termwise.checks.registry import all_checks, get_check

CHECKS = Path(termwise.checks.__file__).parent


def test_no_check_states_its_id_or_severity_when_reporting() -> None:
    offenders = []
    for path in sorted(CHECKS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "issue"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                offenders.append(f"{path.relative_to(CHECKS)}:{node.lineno}")
    assert offenders == []


def test_a_bound_context_reports_under_the_check_with_the_configured_severity() -> None:
    config = CheckConfig(severities={"numbers": Severity.INFO})
    context = CheckContext(source_lang="en", target_lang="es", glossary=None, config=config)
    pair = Pair("s1", 0, "In 2020 trade grew.", "En 2021 creció el comercio.")
    issues = list(get_check("numbers").function(context.for_check(get_check("numbers")), pair))
    assert issues
    assert {(issue.check, issue.severity) for issue in issues} == {("numbers", Severity.INFO)}
    default = CheckContext(source_lang="en", target_lang="es", glossary=None, config=CheckConfig())
    issues = list(get_check("numbers").function(default.for_check(get_check("numbers")), pair))
    assert {(issue.check, issue.severity) for issue in issues} == {("numbers", Severity.ERROR)}


def test_reporting_outside_a_check_is_refused() -> None:
    context = CheckContext(source_lang="en", target_lang="es", glossary=None, config=CheckConfig())
    with pytest.raises(RuntimeError, match="outside a check"):
        context.issue(Pair("s1", 0, "a"), "source", 0, 1, "no check")


def test_every_family_module_registers_its_checks_in_the_listed_order() -> None:
    ids = [check.id for check in all_checks()]
    qa = ids[ids.index("untranslated") : ids.index("length-ratio") + 1]
    assert qa == [
        "untranslated",
        "same-as-source",
        "numbers",
        "citations",
        "placeholders",
        "urls",
        "brackets",
        "markup",
        "end-punctuation",
        "typography",
        "start-capital",
        "double-space",
        "whitespace",
        "line-break",
        "space-before-punctuation",
        "repeated-word",
        "length-ratio",
    ]
    modules = {check.id: check.function.__module__ for check in all_checks()}
    assert modules["citations"] == "termwise.checks.qa.numbers"
    assert modules["placeholders"] == "termwise.checks.qa.placeholders"
    assert modules["brackets"] == "termwise.checks.qa.urls_brackets"
    assert modules["markup"] == "termwise.checks.qa.markup"
    assert modules["typography"] == "termwise.checks.qa.punctuation"
    assert modules["start-capital"] == "termwise.checks.qa.capitals"
