"""Variant groups on the seed paper: each concept's forms in one group, linked to it, and
no group joining two concepts; the grouping rules also work without a glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, Glossary, Term
from termwise.terms.extract import UNRECORDED, Candidate, extract_terms
from termwise.terms.variants import find_abbreviations

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"

# The reference's paper variants (shared/reference/key-terms.md) as folded forms.
PAPER_VARIANTS = {
    "T01": {
        "community of human destiny",
        "human destiny community",
        "destiny community",
        "destiny communities",
        "community consciousness of human destiny",
    },
    "T08": {"one belt and one road", "belt and road initiative"},
    "T15": {"national great rejuvenation", "great rejuvenation of the nation"},
    "T16": {"win-win cooperation", "cooperation and win-win"},
}


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return load_document(SEED, lang="en")


def _group_of(candidates: list[Candidate], form: str) -> Candidate:
    found = [c for c in candidates if form in c.forms]
    assert len(found) == 1, form
    return found[0]


def test_seed_paper_variants_come_as_one_group_per_concept(seed) -> None:  # type: ignore[no-untyped-def]
    glossary = load_glossary(ROOT / "glossary")
    candidates = extract_terms([seed], "en", glossary=glossary).candidates
    for concept, forms in PAPER_VARIANTS.items():
        group = _group_of(candidates, sorted(forms)[0])
        assert group.concept == concept
        assert forms <= set(group.forms), (concept, group.forms)
    # No group joins two concepts: every form the glossary knows belongs to the group's concept.
    from termwise.glossary.matcher import TermMatcher

    matcher = TermMatcher(glossary, "en")
    for candidate in candidates:
        for form in candidate.forms:
            for match in matcher.find(form):
                if match.start == 0 and match.end == len(form):
                    assert match.concept_id == candidate.concept, (form, candidate.forms)
    # Related but different concepts stay apart.
    t01 = _group_of(candidates, "community of human destiny")
    assert "community of asian destiny" not in t01.forms
    assert "china-asean destiny community" not in t01.forms


def test_grouping_finds_variants_the_glossary_does_not_have(seed) -> None:  # type: ignore[no-untyped-def]
    # A glossary that knows one form of T01 only: inversion, inflection, case and the dropped
    # modifier come from the text, and the group's other forms are unrecorded variants.
    concept = Concept("T01", all_terms=[Term("community of human destiny", "en")])
    other = Concept("T03", all_terms=[Term("community of Asian destiny", "en")])
    glossary = Glossary([concept, other])
    candidates = extract_terms([seed], "en", glossary=glossary).candidates
    group = _group_of(candidates, "community of human destiny")
    assert group.concept == "T01"
    assert group.status == UNRECORDED
    assert {"human destiny community", "destiny community", "destiny communities"} <= set(
        group.forms
    )
    assert "community of asian destiny" not in group.forms
    assert "china-asean destiny community" not in group.forms
    unrecorded = set(group.unrecorded())
    assert "human destiny community" in {u.lower() for u in unrecorded}
    assert "community of human destiny" not in {u.lower() for u in unrecorded}


def test_without_glossary_groups_are_new_and_inversions_still_join(seed) -> None:  # type: ignore[no-untyped-def]
    candidates = extract_terms([seed], "en", glossary=None).candidates
    forms = {form for c in candidates for form in c.forms}
    assert all(c.status == "new" and c.concept is None for c in candidates)
    if "human destiny community" in forms:
        group = _group_of(candidates, "human destiny community")
        assert "community of human destiny" in group.forms


def test_abbreviations_defined_in_the_text() -> None:
    text = ["China founded the Asian Infrastructure Investment Bank (AIIB) in 2015."]
    assert find_abbreviations(text, "en") == {"aiib": "asian infrastructure investment bank"}
    assert find_abbreviations(["It rose (AB) sharply."], "en") == {}


def test_an_abbreviation_skips_function_words_of_its_expansion() -> None:
    text = ["Heart failure with preserved ejection fraction (HFpEF) is common."]
    assert find_abbreviations(text, "en") == {
        "hfpef": "heart failure with preserved ejection fraction"
    }


def test_defined_abbreviations_are_kept_with_their_long_form() -> None:
    from termwise.terms.extract import segments_document

    text = (
        "Heart failure with preserved ejection fraction (HFpEF) affects older patients. "
        "Patients with HFpEF walk less."
    )
    document = segments_document([("s1", text)], "en")
    candidates = extract_terms([document], "en").candidates
    group = _group_of(candidates, "hfpef")
    # The long form holds "with", so no candidate n-gram has it: the definition adds it.
    assert "heart failure with preserved ejection fraction" in group.forms
    spans = {text[o.start : o.end] for o in group.occurrences}
    assert spans == {"Heart failure with preserved ejection fraction", "HFpEF"}


def test_an_abbreviation_may_keep_a_function_word_initial() -> None:
    text = ["States signed the United Nations Convention against Corruption (UNCAC)."]
    assert find_abbreviations(text, "en") == {
        "uncac": "united nations convention against corruption"
    }
