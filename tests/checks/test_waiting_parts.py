"""A translation that holds later segments' sentences is compared with their sources too.

An import of termwise's own aligned TMX keeps a 2-1 group whole in its first segment, the
second waiting with a note; ``check`` read the holder's translation against its own source
alone and reported the waiting sentence's figure as "not in the source".
"""

from __future__ import annotations

import json
from pathlib import Path

from support.waiting_group import import_group, termwise
from termwise.checks import CheckConfig, check_document
from termwise.checks.incremental import IncrementalChecker
from termwise.checks.issue import Issue
from termwise.glossary.model import Concept, Glossary, Term

from .documents import build_document


def _imported_and_checked(tmp_path: Path, figure: str) -> list[str]:
    """The messages of ``termwise check`` on a project that imported the 2-1 group, its
    translation writing ``figure`` for the waiting sentence's 8597."""
    import_group(tmp_path, figure)
    checked = termwise(tmp_path, "check", "paper.txt", "--to", "es", "--format", "json")
    # 1: errors found (--fail-on error), which the second test's are.
    assert checked.returncode in (0, 1), checked.stderr
    return [issue["message"] for issue in json.loads(checked.stdout)]


def test_an_imported_group_is_checked_against_all_its_sentences(tmp_path: Path) -> None:
    # The figure and the length are the waiting sentence's: the translation is right.
    assert _imported_and_checked(tmp_path, "8597") == []


def test_a_figure_of_a_waiting_sentence_the_translation_gets_wrong(tmp_path: Path) -> None:
    messages = _imported_and_checked(tmp_path, "8598")
    assert "number 8597 of the source is missing from the target" in messages
    assert "number 8598 is not in the source" in messages


SOURCES = [
    "The summit was measured.",
    "The survey gave 8579 m:",
    "the mountain is about 8597 m high!",
    "The summit was measured.",
]
# The second segment's translation holds the third's sentence; the third waits.
WAITING = {"s3": "s2"}
TARGETS = {
    "s1": "Se midió la cumbre.",
    "s2": "El levantamiento daba 8579 m: la montaña más alta del mundo mide unos 8597 m!",
    "s3": "",
    "s4": "Se midió la cumbre.",
}
PAIR_CHECKS = CheckConfig(
    enabled_only=frozenset({"numbers", "length-ratio", "end-punctuation", "inconsistent-target"})
)


def _checked(
    sources: list[str],
    targets: dict[str, str],
    config: CheckConfig,
    glossary: Glossary | None = None,
) -> list[Issue]:
    return check_document(
        build_document(sources),
        glossary,
        target_lang="es",
        targets=targets,
        config=config,
        left_out={"s3"},
        waiting=WAITING,
    ).issues


def test_the_holder_is_compared_with_the_waiting_source() -> None:
    # Read with its own source alone, the translation had a figure not in it, three times
    # its length, and a "!" where the source ends with ":".
    assert _checked(SOURCES, TARGETS, PAIR_CHECKS) == []
    # Its last sentence ends with "!", which the translation ends with "."; and a figure
    # of the waiting sentence it lacks is missing.
    targets = {**TARGETS, "s2": "El primer levantamiento daba 8579 m: la montaña es alta."}
    found = [
        (issue.segment_id, issue.check, issue.message)
        for issue in _checked(SOURCES, targets, PAIR_CHECKS)
    ]
    assert found == [
        ("s2", "numbers", "number 8597 of the source is missing from the target"),
        (
            "s2",
            "end-punctuation",
            "the source ends with an exclamation mark, the target with a period",
        ),
    ]


def test_a_holder_whose_own_source_recurs_is_no_inconsistency() -> None:
    sources = [
        "The first survey gave 8579 m:",
        "the mountain is high.",
        "The first survey gave 8579 m:",
    ]
    targets = {
        "s1": "El primer levantamiento daba 8579 m: la montaña es alta.",
        "s2": "",
        "s3": "El primer levantamiento daba 8579 m:",
    }
    config = CheckConfig(enabled_only=frozenset({"inconsistent-target", "inconsistent-source"}))
    found = check_document(
        build_document(sources),
        None,
        target_lang="es",
        targets=targets,
        config=config,
        left_out={"s2"},
        waiting={"s2": "s1"},
    ).issues
    assert found == []


GLOSSARY = Glossary(
    concepts=[
        Concept("M1", all_terms=[Term("mountain", "en"), Term("montaña", "es")]),
        Concept("S1", all_terms=[Term("survey", "en")]),
    ]
)
TERMS = CheckConfig(enabled_only=frozenset({"term-missing", "term-no-target"}))


def test_terms_of_the_waiting_sentence() -> None:
    sources = ["The summit was high.", "the survey found a mountain."]
    # The holder's translation leaves the waiting sentence's "mountain" out.
    targets = {"s1": "La cumbre era alta y el estudio halló un pico.", "s2": ""}
    found = [
        (issue.segment_id, issue.check, issue.side, issue.start, issue.end, issue.text)
        for issue in check_document(
            build_document(sources),
            GLOSSARY,
            target_lang="es",
            targets=targets,
            config=TERMS,
            left_out={"s2"},
            waiting={"s2": "s1"},
        ).issues
    ]
    # "survey" is reported where it stands, in the waiting segment's own text.
    assert found == [
        ("s1", "term-missing", "target", 0, 0, ""),
        ("s2", "term-no-target", "source", 4, 10, "survey"),
    ]


def test_the_workbench_checker_agrees_and_follows_the_part() -> None:
    document = build_document(SOURCES)
    targets = {**TARGETS, "s2": "El primer levantamiento daba 8579 m: la montaña es alta."}
    checker = IncrementalChecker(
        source_lang="en", target_lang="es", glossary=None, config=PAIR_CHECKS
    )
    found = checker.run(document, targets, left_out={"s3"}, waiting=WAITING)
    assert [issue.message for issue in found] == [
        issue.message for issue in _checked(SOURCES, targets, PAIR_CHECKS)
    ]
    assert len(found) == 2
    # Given its own translation, the part waits no more: the holder translates its own
    # sentence (8597 is no longer missing there), and the part is checked on its own.
    targets["s3"] = "La montaña mide unos 8597 m."
    found = checker.run(document, targets)
    assert [(issue.segment_id, issue.check) for issue in found] == [("s3", "end-punctuation")]


def test_the_workbench_keeps_a_part_s_issue_once_whichever_side_changes() -> None:
    document = build_document(["The summit was high.", "the survey found a mountain."])
    targets = {"s1": "La cumbre era alta y el estudio halló un pico.", "s2": ""}
    waiting = {"s2": "s1"}
    checker = IncrementalChecker(
        source_lang="en", target_lang="es", glossary=GLOSSARY, config=TERMS
    )

    def agrees(read_only: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        found = checker.run(document, targets, None, {"s2"}, read_only, waiting=waiting)
        full = check_document(
            document,
            GLOSSARY,
            target_lang="es",
            targets=targets,
            config=TERMS,
            left_out={"s2"},
            read_only=read_only,
            waiting=waiting,
        ).issues
        assert found == full
        return [(issue.segment_id, issue.check) for issue in found]

    expected = [("s1", "term-missing"), ("s2", "term-no-target")]
    assert agrees() == expected
    # The holder's translation edited: the part's "survey" is found again, not twice.
    targets["s1"] = "La cumbre era alta; el estudio halló un pico."
    assert agrees() == expected
    # The part alone changed (locked): its "survey" stays.
    assert agrees(frozenset({"s2"})) == expected
