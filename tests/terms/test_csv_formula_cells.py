"""A term candidate list in CSV opens in a spreadsheet without running any cell as a
formula: a term such as "-ism" or "+/- tolerance" was written as it is, and a spreadsheet
tried it as a formula; now it has a ``'`` before it (OWASP). A count stays a number."""

from __future__ import annotations

import csv
import io

from termwise.terms.extract import Candidate
from termwise.terms.formats import to_csv


def candidate(term: str, variant: str) -> Candidate:
    return Candidate(
        term=term,
        forms=[term, variant],
        surfaces={term: term, variant: variant},
        frequency=3,
        score=-0.5,
        concept=None,
        status="new",
    )


def test_candidate_cells_never_start_a_formula() -> None:
    text = to_csv([candidate("-ism", "=cmd|' /C calc'!A0"), candidate("wind turbine", "turbines")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["term"] for row in rows] == ["'-ism", "wind turbine"]
    assert [row["variants"] for row in rows] == ["'=cmd|' /C calc'!A0", "turbines"]
    assert [(row["frequency"], row["score"]) for row in rows] == [("3", "-0.5000")] * 2
