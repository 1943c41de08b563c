"""Project configuration of the checks, user regex checks, and ignores kept in the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termwise.checks import CheckConfig, Severity, check_document, run_checks
from termwise.checks.ignores import IgnoreStore, ignores_file
from termwise.checks.registry import Scope, all_checks
from termwise.errors import InputError
from termwise.project.layout import ProjectLayout

from .documents import build_document

TOML = """
[checks]
disable = ["length-ratio"]

[checks.severity]
double-space = "error"

[[checks.regex]]
id = "no-strategy"
pattern = '\\bstrateg(y|ies)\\b'
side = "source"
message = "the Belt and Road is an initiative, never a strategy"
replacement = "initiative"
flags = "i"
"""


def test_registry_has_ids_descriptions_and_scopes() -> None:
    checks = {check.id: check for check in all_checks()}
    for fixed_id in (
        "source-variant",
        "term-missing",
        "term-forbidden",
        "term-inconsistent",
        "term-no-target",
        "inconsistent-target",
        "inconsistent-source",
    ):
        assert fixed_id in checks
    assert {check.scope for check in checks.values()} == set(Scope)
    assert all(check.description and "\n" not in check.description for check in checks.values())
    assert checks["source-variant"].fixable and checks["source-variant"].scope is Scope.SOURCE


def test_project_config_disables_sets_severity_and_adds_regex(tmp_path: Path) -> None:
    (tmp_path / "termwise.toml").write_text(TOML, encoding="utf-8")
    config = CheckConfig.from_settings(ProjectLayout.at(tmp_path).settings())
    assert not config.is_enabled("length-ratio")
    document = build_document(["A  Belt and Road Strategy is here."])
    issues = run_checks(document, None, target_lang="es", targets={"s1": "x"}, config=config)
    by_check = {issue.check: issue for issue in issues}
    assert by_check["double-space"].severity is Severity.ERROR
    assert by_check["no-strategy"].text == "Strategy"
    assert by_check["no-strategy"].fix is not None
    assert "length-ratio" not in by_check
    defaults = run_checks(document, None, target_lang="es", targets={"s1": "x"})
    assert "length-ratio" in {issue.check for issue in defaults}


@pytest.mark.parametrize(
    "toml, message, line",
    [
        ('[mt]\nbeam = 4\n[checks]\ndisable = ["no-such-check"]\n', "unknown check id", 4),
        ('[checks.severity]\nnumbers = "fatal"\n', "unknown severity", 2),
        ('[[checks.regex]]\nid = "x"\npattern = "("\nmessage = "m"\n', "bad pattern", 3),
        # re.compile raised OverflowError and RecursionError on these: tracebacks.
        ('[[checks.regex]]\nid = "x"\npattern = "a{4294967296}"\nmessage = "m"\n', "too large", 3),
        (
            f'[[checks.regex]]\nid = "x"\nmessage = "m"\npattern = "{"(" * 5000}{")" * 5000}"\n',
            "nested too deeply",
            4,
        ),
    ],
)
def test_config_mistakes_name_the_file_and_line(
    tmp_path: Path, toml: str, message: str, line: int
) -> None:
    path = tmp_path / "termwise.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        CheckConfig.from_settings(ProjectLayout.at(tmp_path).settings(), path=path)
    assert caught.value.path == str(path) and caught.value.line == line


def test_ignores_survive_edits_elsewhere_and_lapse_when_the_text_changes(tmp_path: Path) -> None:
    layout = ProjectLayout.at(tmp_path)
    config = CheckConfig(enabled_only=frozenset({"repeated-word"}))
    document = build_document(["Intro.", "It is the the best.", "Very very good."])
    issues = run_checks(document, None, config=config)
    assert [issue.segment_id for issue in issues] == ["s2", "s3"]

    store = IgnoreStore.for_document(layout, "paper.txt")
    store.add(issues[1], "emphasis, on purpose")
    store.save()
    saved = json.loads(ignores_file(layout, "paper.txt").read_text(encoding="utf-8"))
    assert saved["ignored"][0]["reason"] == "emphasis, on purpose"
    assert saved["ignored"][0]["segment"] == "s3"

    # Another segment is edited and a new one inserted before the ignored one: segment ids
    # are stable, so s3 is still s3 and its ignore still applies; s2 is still reported.
    edited = build_document(
        ["Intro, rewritten at length.", "New.", "It is the the best.", "Very very good."],
        ids=["s1", "s9", "s2", "s3"],
    )
    reloaded = IgnoreStore.for_document(layout, "paper.txt")
    kept = run_checks(edited, None, config=config, ignores=reloaded)
    assert [(i.segment_id, i.text) for i in kept] == [("s2", "the the")]
    result = check_document(edited, None, config=config, ignores=reloaded)
    assert [(i.segment_id, i.text) for i in result.ignored] == [("s3", "Very very")]
    # When the flagged text itself changes, the ignore no longer applies.
    changed = build_document(["Intro.", "Fine.", "Much much better."])
    assert [i.segment_id for i in run_checks(changed, None, config=config, ignores=reloaded)] == [
        "s3"
    ]


def test_damaged_ignores_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "translations" / "paper.ignores.json"
    path.parent.mkdir()
    path.write_text('{"ignored": [\n  {"check": 1}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        IgnoreStore.load(path)
    assert caught.value.line is not None


def test_an_ignore_of_one_concepts_issue_leaves_the_others_of_the_segment(
    tmp_path: Path,
) -> None:
    # "term-missing" flags no text: three concepts missing from one segment had one id and
    # one ignore key, so ignoring one (with its reason) hid the other two.
    from dataclasses import replace

    from termwise.checks.ignores import issue_id
    from termwise.checks.issue import Issue

    base = Issue("term-missing", Severity.ERROR, "s1", "target", 0, 0, "", "T16 missing")
    issues = [replace(base, concept=concept) for concept in ("T15", "T16", "T21")]
    assert len({issue_id(issue, "es") for issue in issues}) == 3
    layout = ProjectLayout.at(tmp_path)
    store = IgnoreStore.for_document(layout, "paper.txt")
    store.add(issues[1], "T16's wording approved by the client", lang="es")
    store.save()
    reloaded = IgnoreStore.for_document(layout, "paper.txt")
    assert [reloaded.is_ignored(issue, "es") for issue in issues] == [False, True, False]
    # An ignore written before concepts were kept: one with a flagged text still holds...
    legacy = {
        "ignored": [
            {"check": "term-missing", "segment": "s1", "side": "target", "text": "",
             "reason": "old", "lang": "es"},
            {"check": "term-forbidden", "segment": "s1", "side": "target",
             "text": "comunidad de destino", "reason": "quoted", "lang": "es"},
        ]
    }  # fmt: skip
    ignores_file(layout, "paper.txt").write_text(json.dumps(legacy), encoding="utf-8")
    old = IgnoreStore.for_document(layout, "paper.txt")
    forbidden = Issue(
        "term-forbidden", Severity.ERROR, "s1", "target", 0, 20, "comunidad de destino", "x",
        concept="T01",
    )  # fmt: skip
    assert old.is_ignored(forbidden, "es") and old.reason(forbidden, "es") == "quoted"
    # ...one without (it dismissed every concept's issue at once) lapses.
    assert not any(old.is_ignored(issue, "es") for issue in issues)
