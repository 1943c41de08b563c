"""Nouns that dbafd7a's verb cues took for verbs stay terms (audit of dbafd7a).

A plural whose verb's past and "-ing" form general language writes about as often as the
plural itself ("discharges" 3.06 against "discharged" 3.76; "shifts", "lacks", "trusts",
"turns") passed the third-person veto's margin, so "Hospital discharges increased" lost
"discharges": a finite verb right after such a word makes it a subject, a noun. And a word
after a plural counted as a verb after its subject, so "the earnings report was published"
and "systems design documents" lost "report" and "design": a finite verb after the word
makes it a subject too, and a plural and word the text writes together more than once are
a compound ("earnings report", "systems design"), where a verb's subject varies.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import numpy as np

from termwise.terms import candidates as cand
from termwise.terms.scoring import inflected_verbs

WARD = """# Ward report

Hospital discharges increased during the winter months. Vaginal discharges were examined \
under the microscope in all patients. Nurses working night shifts reported more fatigue. \
Night shifts are associated with higher error rates.
"""

QUARTERLY = """# Quarterly review

The quarterly earnings report was published on Monday. Analysts read the earnings report \
closely. Our teams review systems design documents every week. The systems design documents \
describe each subsystem. Investors expect dividends growth in the next year. The sales report \
lists all regions.
"""


def _vetoed(texts: list[str]) -> set[str]:
    index = cand.collect([texts], "en")
    forms = list(index.forms)
    veto: np.ndarray = inflected_verbs(index, forms)
    return {form for form, flag in zip(forms, veto, strict=True) if flag}


def _listed(tmp_path: Path, text: str) -> set[str]:
    source = tmp_path / "text.md"
    source.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "termwise.cli",
            "terms",
            "extract",
            str(source),
            "--lang",
            "en",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    return {row["term"].lower() for row in csv.DictReader(io.StringIO(result.stdout))}


def test_plural_subjects_whose_verb_forms_are_level_are_listed(tmp_path: Path) -> None:
    listed = _listed(tmp_path, WARD)
    assert {"discharges", "shifts"} <= listed


def test_a_compound_after_a_plural_modifier_is_listed(tmp_path: Path) -> None:
    listed = _listed(tmp_path, QUARTERLY)
    assert "report" in listed


def test_plurals_before_a_finite_verb_are_no_verbs() -> None:
    vetoed = _vetoed(
        [
            "Hospital discharges increased during the winter.",
            "Night shifts are associated with errors.",
            "Charitable trusts were set up in every county.",
            "Vitamin lacks have consequences.",
            "Sharp turns rose in number on the new track.",
        ]
    )
    assert not vetoed & {"discharges", "shifts", "trusts", "lacks", "turns"}


def test_a_word_after_a_plural_is_no_verb_when_a_finite_verb_follows_it() -> None:
    vetoed = _vetoed(["The quarterly earnings report was published on Monday."])
    assert not vetoed & {"report", "earnings report", "quarterly earnings report"}


def test_a_pair_the_text_repeats_after_a_plural_is_a_compound() -> None:
    vetoed = _vetoed(
        [
            "Our teams review systems design documents every week.",
            "The systems design documents describe each subsystem.",
        ]
    )
    assert not vetoed & {"design", "design documents", "systems design documents"}


def test_third_persons_and_base_forms_used_as_verbs_still_go() -> None:
    vetoed = _vetoed(
        [
            "Heart failure affects millions.",
            "The economy relies on exports.",
            "The company lacks funds for repairs.",
            "The turbines convert wind into electricity.",
            "Offshore wind farms produce more power than onshore ones.",
        ]
    )
    assert {"affects", "relies", "lacks", "convert", "produce"} <= vetoed
