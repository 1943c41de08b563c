"""``terms extract`` says truthfully what its cut-off did, and shows forms as the text writes them.

An audit found "157 candidates (cut-off 0.25)" under a list that went down to 0.00 (a short
text keeps more than reach the cut-off, and the glossary's concepts whatever their score),
and "socialism with chinese characteristics" where the text has "Chinese".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary.model import Concept, Glossary, Term
from termwise.terms.extract import extract_terms, segments_document
from termwise.terms.model import load_combiner

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
LINE = re.compile(r"^\s*(\d+\.\d\d)\s+\d+\s+")


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["--project", str(ROOT), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_candidate_below_the_cut_off_is_listed_under_a_line_saying_why() -> None:
    threshold = load_combiner("en").threshold
    lines = _run("terms", "extract", str(SEED)).splitlines()
    section = None
    counted = {"above": 0, "below": 0}
    for line in lines[:-1]:
        if line.startswith("-- below the cut-off"):
            section = line
            continue
        match = LINE.match(line)
        assert match, line
        score = float(match.group(1))
        if section is None:
            assert score >= round(threshold, 2), line
            counted["above"] += 1
        else:
            assert score <= round(threshold, 2), (section, line)
            counted["below"] += 1
    assert counted["above"] and counted["below"]
    footer = lines[-1]
    assert footer.startswith(f"{sum(counted.values())} candidates (cut-off {threshold:.2f}): ")
    assert f"{counted['above']} at or above it" in footer
    assert "below it (glossary)" in footer and "below it (short text)" in footer


def test_above_cut_off_keeps_only_what_reaches_it_in_every_format() -> None:
    threshold = load_combiner("en").threshold
    data = json.loads(_run("terms", "extract", str(SEED), "--format", "json", "--above-cut-off"))
    assert data["candidates"]
    assert all(c["score"] >= round(threshold, 4) for c in data["candidates"])
    everything = json.loads(_run("terms", "extract", str(SEED), "--format", "json"))
    assert len(everything["candidates"]) > len(data["candidates"])
    text = _run("terms", "extract", str(SEED), "--above-cut-off")
    assert "below the cut-off" not in text


def test_kept_says_why_each_candidate_is_kept() -> None:
    glossary = Glossary(
        [Concept("T23", all_terms=[Term("socialism with Chinese characteristics", "en")])],
        lang="en",
    )
    document = segments_document(
        [
            ("a", "Socialism with Chinese characteristics is the path."),
            ("b", "They keep to socialism with Chinese characteristics in the reform."),
            ("c", "The reform of socialism with Chinese characteristics goes on."),
        ],
        "en",
    )
    extraction = extract_terms([document], "en", glossary=glossary)
    (linked,) = [c for c in extraction.candidates if c.concept == "T23"]
    # The text's own form, not the folded key; the capital at the start of a sentence does
    # not count.
    assert linked.term == "socialism with Chinese characteristics"
    assert linked.kept == ("cut-off" if linked.score >= extraction.threshold else "glossary")
    assert all(
        (c.kept == "cut-off") == (c.score >= extraction.threshold) for c in extraction.candidates
    )


def test_a_candidate_is_shown_as_the_text_writes_it_most_often() -> None:
    # The glossary writes it otherwise: what is shown is the text's own form.
    glossary = Glossary(
        [Concept("T03", all_terms=[Term("Community of Asian Destiny", "en")])], lang="en"
    )
    document = segments_document(
        [
            ("a", "We build a community of Asian destiny with our neighbours."),
            ("b", "A community of Asian destiny is the goal of the region."),
            ("c", "Each country joins the community of Asian destiny in turn."),
            ("d", "Community of Asian destiny: a summary of the COMMUNITY OF ASIAN DESTINY."),
        ],
        "en",
    )
    extraction = extract_terms([document], "en", glossary=glossary)
    (linked,) = [c for c in extraction.candidates if c.concept == "T03"]
    assert linked.term == "community of Asian destiny"
