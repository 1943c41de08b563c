"""inconsistent-target and inconsistent-source, with their whitespace and case options."""

from __future__ import annotations

from termwise.checks import CheckConfig, run_checks

from .documents import build_document


def run(config: CheckConfig, sources: list[str], targets: list[str]) -> list[tuple[str, str]]:
    document = build_document(sources)
    mapping = {f"s{i + 1}": t for i, t in enumerate(targets)}
    issues = run_checks(document, None, target_lang="es", targets=mapping, config=config)
    return [(issue.check, issue.segment_id) for issue in issues]


ONLY = frozenset({"inconsistent-target", "inconsistent-source"})


def test_same_source_translated_differently_flags_the_minority() -> None:
    sources = ["Peace matters.", "War is bad.", "Peace matters.", "Peace matters."]
    targets = ["La paz importa.", "La guerra es mala.", "La paz cuenta.", "La paz importa."]
    assert run(CheckConfig(enabled_only=ONLY), sources, targets) == [("inconsistent-target", "s3")]


def test_different_sources_translated_the_same() -> None:
    sources = ["Peace matters.", "Peace counts."]
    targets = ["La paz importa.", "La paz importa."]
    assert run(CheckConfig(enabled_only=ONLY), sources, targets) == [("inconsistent-source", "s2")]


def test_whitespace_and_case_options() -> None:
    sources = ["Peace matters.", "Peace  matters.", "peace matters."]
    targets = ["La paz importa.", "La paz  importa.", "la paz importa."]
    default = CheckConfig(enabled_only=ONLY)
    # Whitespace is ignored by default, case is not: s3 differs on both sides, alone.
    assert run(default, sources, targets) == []
    strict = CheckConfig(enabled_only=ONLY, ignore_whitespace=False)
    assert run(strict, sources[:2], ["La paz importa.", "La paz importa!"]) == []
    assert run(strict, ["A b.", "A b."], ["X y.", "X  y."]) == [("inconsistent-target", "s2")]
    assert run(default, ["A b.", "A b."], ["X y.", "X  y."]) == []
    relaxed = CheckConfig(enabled_only=ONLY, ignore_case=True)
    assert run(relaxed, ["A b.", "a B."], ["X y.", "Z."]) == [("inconsistent-target", "s2")]
    assert run(default, ["A b.", "a B."], ["X y.", "Z."]) == []
