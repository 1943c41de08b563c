"""A real EN→ES translation of the seed paper by Apertium, checked against the glossary.

Apertium (Debian's ``apertium-eng-spa``) knows nothing of the glossary, so it renders the
official terms its own way; the bilingual checks must find exactly the segments where the
glossary's Spanish rendering is not used, judged here by a plain substring oracle that is
independent of termwise's matcher.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from termwise.checks import CheckConfig, check_document
from termwise.checks.report import locate, render_text
from termwise.checks.runner import CheckResult
from termwise.document import load_document
from termwise.glossary import load_glossary

from .documents import apertium_translation

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "seeds" / "000_204c7e650900ae41.txt"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    document = load_document(PAPER, lang="en")
    targets = apertium_translation(document)
    return check_document(
        document, load_glossary(ROOT / "glossary"), target_lang="es", targets=targets
    )


def loose(term: str) -> re.Pattern[str]:
    """A term with each long word's ending left open ("pacífico" also finds "pacífica")."""
    words = [w[:-2] if len(w) > 5 else w for w in term.casefold().split()]
    return re.compile(r"\b" + r"\W+".join(re.escape(w) + r"\w*" for w in words))


def test_term_missing_exactly_where_the_glossary_rendering_is_absent(result: CheckResult) -> None:
    glossary = result.context.glossary
    assert glossary is not None
    expected: set[tuple[str, str]] = set()
    present = 0
    for pair in result.pairs:
        target = (pair.target or "").casefold()
        for match in result.context.source_terms(pair):
            concept = glossary.concept(match.concept_id)
            spanish = [loose(term.text) for term in concept.terms("es")]
            allowed = [t.text.casefold() for t in concept.terms("es") if t.status.is_official]
            if not allowed:
                continue
            if any(term.search(target) for term in spanish):
                present += 1
            else:
                expected.add((pair.segment_id, match.concept_id))
    found = {(i.segment_id, i.concept or "") for i in result.issues if i.check == "term-missing"}
    assert found == expected
    # Apertium does use some official renderings ("globalización económica"), and those
    # segments are not flagged; T01's official Spanish is never produced.
    assert present > 0
    t01 = {segment for segment, concept in found if concept == "T01"}
    t01_source = {
        i.segment_id for i in result.issues if i.check == "source-variant" and i.concept == "T01"
    }
    assert t01 == t01_source


def test_terms_without_spanish_are_reported_once_per_segment(result: CheckResult) -> None:
    no_target = [i for i in result.issues if i.check == "term-no-target"]
    concepts = {i.concept for i in no_target}
    assert "T24" in concepts and "T01" not in concepts  # 综合国力 has no Spanish rendering
    per_segment = defaultdict(list)
    for issue in no_target:
        per_segment[(issue.segment_id, issue.concept)].append(issue)
    assert all(len(items) == 1 for items in per_segment.values())


def test_spelling_finds_words_apertium_left_in_english(result: CheckResult) -> None:
    misspelled = {i.text.casefold() for i in result.issues if i.check == "spelling"}
    # Apertium leaves unknown words as they are; Hunspell's Spanish dictionary rejects them.
    assert {"destiny", "governance"} <= misspelled
    assert "comunidad" not in misspelled


def test_variation_report_shows_the_official_spanish_used(result: CheckResult) -> None:
    report = {v.concept: v for v in result.variations()}
    spanish = [r for r in report["T36"].renderings if r.lang == "es"]
    assert [(r.term, r.status) for r in spanish] == [("globalización económica", "preferred")]
    english = [r for r in report["T36"].renderings if r.lang == "en"]
    assert spanish[0].count == english[0].count == 5


def test_text_report_reads_like_a_linter(result: CheckResult) -> None:
    text = render_text(locate(result, "seeds/paper.txt"))
    line = next(row for row in text.splitlines() if ": term-missing: " in row and "T01" in row)
    segment = result.document.segments[0].id
    assert line.startswith(
        f"seeds/paper.txt:1:2: term-missing: warning: #1 {segment}: target: the source has"
    )
    assert "comunidad de futuro compartido de la humanidad" in line


def test_project_severity_makes_term_missing_fail_ci(result: CheckResult) -> None:
    config = CheckConfig(severities={"term-missing": result.issues[0].severity.ERROR})
    again = check_document(
        result.document,
        result.context.glossary,
        target_lang="es",
        targets={p.segment_id: p.target or "" for p in result.pairs},
        config=config,
    )
    severities = {i.severity.value for i in again.issues if i.check == "term-missing"}
    assert severities == {"error"}
