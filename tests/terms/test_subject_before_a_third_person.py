"""A noun before a finite third person is its subject, no verb: "The sales report lists all
regions" listed no "report", a base form after the plural "sales" taken for a verb ("turbines
convert wind"), where "lists", which general language writes mostly as a verb, is the
sentence's verb."""

from __future__ import annotations

import numpy as np

from termwise.terms import candidates as cand
from termwise.terms.scoring import inflected_verbs


def _vetoed(texts: list[str]) -> set[str]:
    index = cand.collect([texts], "en")
    forms = list(index.forms)
    veto: np.ndarray = inflected_verbs(index, forms)
    return {form for form, flag in zip(forms, veto, strict=True) if flag}


def test_the_subject_of_a_third_person_is_no_verb() -> None:
    vetoed = _vetoed(["The sales report lists all regions."])
    assert "report" not in vetoed
    assert "lists" in vetoed
    # A plural subject's base form before its object stays a verb.
    assert "convert" in _vetoed(["The turbines convert wind into electricity."])
