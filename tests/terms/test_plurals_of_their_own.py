"""A plural with a sense of its own is no variant of its singular: "humanities exchanges"
(the disciplines, people-to-people exchanges) was listed as a form of "humanity" (mankind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document.reading import load_document
from termwise.terms.extract import extract_terms
from termwise.terms.variants import StemKeys

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def test_own_plurals_key_apart_and_ordinary_plurals_do_not() -> None:
    keys = StemKeys("en")
    assert keys.key("humanities exchanges") != keys.key("humanity exchange")
    assert keys.key("customs") != keys.key("custom")
    # An ordinary plural is still its singular's form.
    assert keys.key("communities") == keys.key("community")
    assert keys.key("wind turbines") == keys.key("wind turbine")


@pytest.mark.skipif(not SEED.is_file(), reason="seed paper absent")
def test_the_seed_paper_does_not_group_humanity_with_humanities() -> None:
    extraction = extract_terms([load_document(SEED, lang="en")], "en", occurrences=False)
    for candidate in extraction.candidates:
        assert not {"humanity", "humanities"} <= set(candidate.forms), candidate.forms
