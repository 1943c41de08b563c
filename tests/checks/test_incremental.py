"""The incremental checker gives what a full run gives, while checking only what changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from termwise.checks import CheckConfig, run_checks
from termwise.checks.incremental import IncrementalChecker
from termwise.checks.issue import Issue
from termwise.document import load_document
from termwise.document.model import Document
from termwise.glossary import load_glossary
from termwise.glossary.model import Glossary

from .documents import apertium_translation, build_document

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def _as_tuples(issues: list[Issue]) -> list[tuple[object, ...]]:
    return [
        (i.check, i.segment_id, i.side, i.start, i.end, i.text, i.message, i.suggestion)
        for i in issues
    ]


@pytest.fixture(scope="module")
def paper() -> tuple[Document, dict[str, str], Glossary]:
    document = load_document(PAPER, lang="en")
    targets = apertium_translation(document)
    return document, targets, load_glossary(ROOT / "glossary")


def test_same_issues_as_a_full_run_through_a_series_of_edits(
    paper: tuple[Document, dict[str, str], Glossary],
) -> None:
    document, targets, glossary = paper
    checker = IncrementalChecker(source_lang="en", target_lang="es", glossary=glossary)
    first = checker.run(document, targets)
    assert checker.rechecked == len(document.segments)
    full = run_checks(document, glossary, target_lang="es", targets=targets)
    assert _as_tuples(first) == _as_tuples(full)
    assert {i.check for i in full} >= {"term-missing", "spelling"}

    ids = [segment.id for segment in document.segments]
    edits = dict(targets)
    # A term fixed, a translation removed, a translation made to repeat another's source.
    edits[ids[0]] = "Construir una comunidad de futuro compartido para la humanidad"
    edits.pop(ids[5])
    edits[ids[7]] = edits[ids[8]] + "  (1990)"
    # Two different sources translated alike: found across segments.
    edits[ids[9]] = edits[ids[10]]
    again = checker.run(document, edits)
    assert checker.rechecked == 4
    assert {i.check for i in again} - {i.check for i in first} >= {
        "untranslated",
        "citations",
        "inconsistent-source",
    }
    full = run_checks(document, glossary, target_lang="es", targets=edits)
    assert _as_tuples(again) == _as_tuples(full)
    assert _as_tuples(again) != _as_tuples(first)

    # Nothing changed: nothing checked again, the same issues.
    assert _as_tuples(checker.run(document, edits)) == _as_tuples(full)
    assert checker.rechecked == 0


def test_cross_segment_checks_see_unchanged_segments() -> None:
    glossary = load_glossary(ROOT / "glossary")
    document = build_document(["Peace.", "Peace.", "War."])
    checker = IncrementalChecker(source_lang="en", target_lang="es", glossary=None)
    assert not [
        i for i in checker.run(document, {"s1": "Paz.", "s2": "Paz."}) if "incons" in i.check
    ]
    # Only s2 changes, yet the inconsistency with the unchanged s1 is found.
    issues = checker.run(document, {"s1": "Paz.", "s2": "La paz."})
    assert checker.rechecked == 1
    assert [(i.check, i.segment_id) for i in issues if i.check == "inconsistent-target"]
    assert glossary.concepts  # the curated glossary loads (used by the other test)


def test_a_moved_segment_keeps_its_issues_in_document_order() -> None:
    sources = ["One 1.", "Two 2.", "Three 3."]
    document = build_document(sources)
    checker = IncrementalChecker(
        source_lang="en",
        target_lang="es",
        glossary=None,
        config=CheckConfig(enabled_only=frozenset({"numbers"})),
    )
    targets = {"s1": "Uno.", "s2": "Dos 2.", "s3": "Tres."}
    assert [i.segment_id for i in checker.run(document, targets)] == ["s1", "s3"]
    moved = replace(document, segments=[document.segments[2], *document.segments[:2]])
    issues = checker.run(moved, targets)
    assert checker.rechecked == 0
    assert [i.segment_id for i in issues] == ["s3", "s1"]
