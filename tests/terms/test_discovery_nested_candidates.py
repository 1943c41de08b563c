"""On a fresh project (no glossary) a candidate's fragments no longer rank above it.

A terminologist's walk-through: ``terms extract`` on the seed paper, from a folder with no
glossary, began with "human destiny" and "destiny", listed "community" and the cut n-gram
"community of human", and put "community of human destiny" at rank 22. The fragment rule
(C-value's nesting) held only for glossary terms; it now holds among the candidates too,
for modifiers and cut phrases: "community", the head of "community of human destiny", is
a term of its own where the text writes it free (``test_discovery_heads``).
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.document.reading import load_document
from termwise.terms.extract import Extraction, extract_terms

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
LINE = re.compile(r"^\s*\d+\.\d\d\s+\d+\s+(.+?)  \(")


def _seed() -> Extraction:
    return extract_terms([load_document(SEED, lang="en")], "en")


def test_fragments_of_one_longer_candidate_are_not_listed() -> None:
    terms = [c.term for c in _seed().candidates]
    assert "community of human destiny" in terms
    for fragment in ("community of human", "human destiny", "destiny"):
        assert fragment not in terms, fragment


def test_a_fresh_project_lists_no_fragment_above_the_term(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--project", str(tmp_path), "terms", "extract", str(SEED)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    listed = [m.group(1) for line in result.output.splitlines() if (m := LINE.match(line))]
    rank = listed.index("community of human destiny")
    above = listed[:rank]
    fragments = [t for t in above if t in "community of human destiny" and t != "community"]
    assert not fragments, above


def test_a_candidate_mostly_inside_one_longer_one_counts_where_it_stands_free() -> None:
    """ "globalization" stands inside "economic globalization" in more than half of its
    uses: it is counted where the text writes it alone."""
    text = " ".join(load_document(SEED, lang="en").text.split())
    alone = len(
        re.findall(r"(?<!economic )(?<![\w-])globali[sz]ation(?![\w-])", text, re.IGNORECASE)
    )
    every = len(re.findall(r"(?<![\w-])globali[sz]ation(?![\w-])", text, re.IGNORECASE))
    assert alone * 2 <= every  # the text's own counts: mostly inside the longer candidate
    (candidate,) = [c for c in _seed().candidates if c.term == "globalization"]
    assert candidate.frequency == len(candidate.occurrences) == alone


def test_a_head_that_many_candidates_share_keeps_every_occurrence() -> None:
    """ "governance" stands in "global governance" and "cross governance", in neither most
    of the time: a term of its own, counted in full (C-value's many containers)."""
    text = " ".join(load_document(SEED, lang="en").text.split())
    every = len(re.findall(r"(?<![\w-])governance(?![\w-])", text, re.IGNORECASE))
    (candidate,) = [c for c in _seed().candidates if c.term == "governance"]
    assert candidate.frequency == every


def test_every_form_listed_has_a_free_occurrence() -> None:
    """A form the text writes only inside longer candidates ("civilization" of "human
    civilization") is theirs: listed, it was a termbase term with no context."""
    for candidate in _seed().candidates:
        assert {place.form for place in candidate.occurrences} == set(candidate.forms), (
            candidate.term
        )
