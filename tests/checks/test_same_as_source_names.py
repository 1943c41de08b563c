"""same-as-source leaves alone what a translation rightly keeps: names, numbers and codes."""

from __future__ import annotations

from collections.abc import Sequence

from termwise.checks import CheckConfig, run_checks
from termwise.checks.incremental import IncrementalChecker
from termwise.glossary.model import Concept, Glossary, Term, TermStatus

from .documents import build_document

ONLY = CheckConfig(enabled_only=frozenset({"same-as-source"}))


def flagged(
    sources: Sequence[str], targets: Sequence[str], glossary: Glossary | None = None
) -> list[str]:
    """The sources whose identical target same-as-source reports, English into Spanish."""
    document = build_document(sources)
    mapping = {f"s{i + 1}": target for i, target in enumerate(targets)}
    issues = run_checks(document, glossary, target_lang="es", targets=mapping, config=ONLY)
    return [sources[int(issue.segment_id[1:]) - 1] for issue in issues]


def test_countries_spelt_alike_and_codes_are_no_oversight() -> None:
    cells = ["China", "Costa Rica", "ISO 9001", "USB-C", "Exports", "Brazil", "Peace and growth"]
    # Spanish writes "China" and "Costa Rica" as English does, but "Brasil"; "Exports" and a
    # sentence left in English are untranslated.
    assert flagged(cells, cells) == ["Exports", "Brazil", "Peace and growth"]


def test_a_word_the_text_writes_as_a_name() -> None:
    sources = ["Our partners include Acme and Sales.", "Acme", "Sales rose.", "Sales"]
    targets = ["Nuestros socios incluyen a Acme y Sales.", "Acme", "Las ventas subieron.", "Sales"]
    assert flagged(sources, targets) == []
    # Written in lower case elsewhere, "sales" is a word; capitalised only where a sentence
    # or a phrase starts, "Growth" is no name.
    sources = ["Sales rose.", "Sales", "We grew: Growth", "Growth", "He made sales."]
    targets = ["Las ventas subieron.", "Sales", "Crecimos: Growth", "Growth", "Hizo ventas."]
    assert flagged(sources, targets) == ["Sales", "Growth"]


def test_a_term_the_glossary_renders_as_itself() -> None:
    glossary = Glossary(
        concepts=[
            Concept("C1", all_terms=[Term("bluetooth", "en"), Term("bluetooth", "es")]),
            Concept(
                "C2",
                all_terms=[
                    Term("blockchain", "en"),
                    Term("cadena de bloques", "es"),
                    Term("blockchain", "es", TermStatus.DEPRECATED),
                ],
            ),
        ]
    )
    cells = ["Bluetooth", "Blockchain"]
    assert flagged(cells, cells) == cells
    assert flagged(cells, cells, glossary) == ["Blockchain"]


def test_the_incremental_checker_reads_the_edited_text_again() -> None:
    checker = IncrementalChecker(source_lang="en", target_lang="es", glossary=None, config=ONLY)
    targets = {"s1": "Conocimos a Acme hoy.", "s2": "Acme"}
    before = build_document(["We met Acme today.", "Acme"])
    assert checker.run(before, targets) == []
    # The one place that wrote "Acme" as a name now writes "acme": the cell is a word again.
    after = build_document(["We met acme today.", "Acme"])
    full = run_checks(after, None, target_lang="es", targets=targets, config=ONLY)
    assert [issue.segment_id for issue in full] == ["s2"]
    assert checker.run(after, targets) == full
