"""Brackets and quotes pair across segments: the sentence splitter cuts parentheses and
quotations of several sentences, and each cut used to be reported as two unpaired marks."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from termwise.checks import CheckConfig, Issue, run_checks
from termwise.checks.incremental import IncrementalChecker
from termwise.checks.registry import Scope, get_check

from .documents import build_document

ONLY_BRACKETS = CheckConfig(enabled_only=frozenset({"brackets"}))


def unpaired(
    sources: Sequence[str],
    targets: Sequence[str | None] | None = None,
    *,
    source_lang: str = "en",
    target_lang: str = "es",
    headings: Sequence[int] = (),
) -> list[tuple[str, str, int, str]]:
    """(segment, side, offset, message) of each brackets issue; no ``targets``: the source
    alone, without a target language."""
    document = build_document(sources, source_lang, headings=headings)
    mapping = None
    if targets is not None:
        mapping = {f"s{i + 1}": t for i, t in enumerate(targets) if t is not None}
    issues = run_checks(
        document,
        None,
        target_lang=target_lang if targets is not None else None,
        targets=mapping,
        config=ONLY_BRACKETS,
    )
    return _as_tuples(issues)


def pairing_window() -> int:
    """The check's window, read once the registry has loaded every check module in its
    order: importing one first would register its checks ahead of the others."""
    get_check("brackets")
    from termwise.checks.qa.urls_brackets import PAIRING_WINDOW

    return PAIRING_WINDOW


def _as_tuples(issues: list[Issue]) -> list[tuple[str, str, int, str]]:
    assert all(issue.check == "brackets" for issue in issues)
    return [(i.segment_id, i.side, i.start, i.message) for i in issues]


def test_registered_as_a_document_check_that_runs_without_a_target() -> None:
    check = get_check("brackets")
    assert check.scope is Scope.DOCUMENT
    assert check.across_segments
    assert not check.needs_target


def test_a_parenthesis_across_two_segments_is_paired() -> None:
    assert unpaired(["He left (as he had said he would.", "Nobody followed.)"]) == []


def test_a_quotation_across_three_segments_is_paired() -> None:
    assert unpaired(["“Go now. ", "Do not wait.", "Run.”", "He ran."]) == []


def test_straight_quotes_pair_by_their_count_across_segments() -> None:
    assert unpaired(['He said: "Go now.', "Do not wait.", 'Run." And he ran.']) == []
    far = ['He said: "Go now.', *["Wait."] * pairing_window(), 'Run."']
    assert unpaired(far) == [("s1", "source", 9, 'unpaired "'), ("s6", "source", 4, 'unpaired "')]


def test_an_opener_never_closed_is_reported_on_its_segment() -> None:
    # The nearest opener takes the closer, across segments as within one.
    sources = ["He left (as he said.", "Nobody followed (not even Ann.", "She stayed.)", "End."]
    assert unpaired(sources) == [("s1", "source", 8, "unpaired (")]
    assert unpaired(["(One [two.", "Three) four."]) == [("s1", "source", 5, "unpaired [")]


@pytest.mark.parametrize("beyond", [0, 1, 6])
def test_the_window_counts_every_segment_not_only_those_with_marks(beyond: int) -> None:
    """The closer stands ``beyond`` segments past the farthest one that may close."""
    # The fillers have no bracket: the screen skips them, yet they count.
    fillers = pairing_window() - 1 + beyond
    sources = ["He left (as he said.", *["Nobody followed."] * fillers, "Then.)"]
    found = unpaired(sources)
    if not beyond:
        assert found == []
    else:
        last = f"s{fillers + 2}"
        assert found == [("s1", "source", 8, "unpaired ("), (last, "source", 5, "unpaired )")]


def test_german_quotes_across_segments() -> None:
    sources = ["Er sagte: „Geh jetzt.", "Warte nicht.“ Dann ging er.", "„Ja“, sagte sie (leise."]
    assert unpaired(sources, source_lang="de") == [("s3", "source", 16, "unpaired (")]
    # “ opens only elsewhere: in English the same text leaves „ open and “ unclosed.
    assert unpaired(sources[:2]) == [
        ("s1", "source", 10, "unpaired „"),
        ("s2", "source", 12, "unpaired “"),
    ]


def test_the_target_side_mirrors_the_source() -> None:
    sources = ["He left (as he said.", "Nobody followed.)", "A (b.", "C."]
    # Cut where the source is cut: nothing; the source's own unclosed "(" of s3, which the
    # translation keeps, is reported once, on the source.
    same = ["Se fue (como dijo.", "Nadie lo siguió.)", "A (b.", "C."]
    assert unpaired(sources, same) == [("s3", "source", 2, "unpaired (")]
    # The translation drops the ")" that closed the source's parenthesis.
    dropped = ["Se fue (como dijo.", "Nadie lo siguió.", "A (b.", "C."]
    assert unpaired(sources, dropped) == [
        ("s1", "target", 7, "unpaired ("),
        ("s3", "source", 2, "unpaired ("),
    ]
    # The translation closes it a segment later, and leaves a segment untranslated.
    later = ["Se fue (como dijo.", "Nadie lo siguió.", "Solo.)", None]
    assert unpaired([*sources[:2], "Alone.", "D."], later) == []


def test_a_closed_parenthesis_clears_the_issue_on_an_unchanged_segment() -> None:
    document = build_document(["He left (as he said.", "Nobody followed.)", "The end."])
    targets = {"s1": "Se fue (como dijo.", "s2": "Nadie lo siguió.", "s3": "Fin."}
    checker = IncrementalChecker(
        source_lang="en", target_lang="es", glossary=None, config=ONLY_BRACKETS
    )
    assert _as_tuples(checker.run(document, targets)) == [("s1", "target", 7, "unpaired (")]
    # Only s2 changes, and the issue on s1 goes.
    closed = {**targets, "s2": "Nadie lo siguió.)"}
    assert checker.run(document, closed) == []
    assert checker.rechecked == 1
    # And comes back when the ")" is deleted again, as a full run finds it.
    again = checker.run(document, targets)
    assert checker.rechecked == 1
    full = run_checks(document, None, target_lang="es", targets=targets, config=ONLY_BRACKETS)
    assert _as_tuples(again) == _as_tuples(full) == [("s1", "target", 7, "unpaired (")]


def test_no_pair_across_a_heading() -> None:
    # A parenthesis never runs from one section into the next: both marks are mistakes.
    sources = ["The survey began (in 1990.", "Results", "Most sites were dry.)"]
    assert unpaired(sources, headings=[1]) == [
        ("s1", "source", 17, "unpaired ("),
        ("s3", "source", 20, "unpaired )"),
    ]
    # Nor from a heading into its section.
    assert unpaired(["Results (final", "They held.)"], headings=[0]) == [
        ("s1", "source", 8, "unpaired ("),
        ("s2", "source", 10, "unpaired )"),
    ]
