"""The curated glossary finds every rendering of every concept in the seed paper.

The expected list below was written from a close reading of the paper (line numbers are the
file's): each rendering the glossary records, including those broken over line wraps, in
headings, capitalised, inflected ("destiny communities", "spheres of influence") and quoted.
Phrases that only look like a term are *not* expected: "connected" (not "connectivity"),
"open up new prospects" (not "opening up"), "zero-sum thinking", "win-win goal model".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.glossary import load_glossary
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import TermStatus

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "seeds" / "000_204c7e650900ae41.txt"

EXPECTED = [
    (1, "T01", "community of human destiny"),
    (3, "T01", "community of human destiny"),
    (7, "T21", "global governance"),
    (8, "T16", "cooperation and win-win"),
    (9, "T02", "community of destiny"),
    (9, "T25", "responsible big country"),
    (10, "T26", "humanities exchanges"),
    (11, "T27", "public diplomacy"),
    (11, "T14", "Chinese dream"),
    (11, "T15", "national great rejuvenation"),
    (12, "T01", "community of human destiny"),
    (13, "T21", "global governance"),
    (17, "T01", "Community of Human Destiny"),
    (21, "T22", "Peaceful development"),
    (22, "T22", "Peaceful development"),
    (22, "T23", "socialism with Chinese characteristics"),
    (23, "T16", "cooperative and win-win development"),
    (25, "T39", "coordinate the two major domestic and international situations"),
    (27, "T22", "peaceful development path"),
    (30, "T15", "great rejuvenation"),
    (32, "T01", "community of human destiny"),
    (33, "T01", "community of human destiny"),
    (34, "T21", "global governance"),
    (34, "T01", "human destiny community"),
    (37, "T36", "economic globalization"),
    (39, "T29", "global village"),
    (41, "T01", "destiny communities"),
    (42, "T01", "community of human destiny"),
    (43, "T11", "diplomacy of big powers with Chinese characteristics"),
    (44, "T11", "diplomacy of big powers with Chinese characteristics"),
    (45, "T01", "community of human destiny"),
    (46, "T01", "community of human destiny"),
    (47, "T02", "community of destiny"),
    (53, "T01", "community of human destiny"),
    (54, "T01", "Community of Human Destiny"),
    (57, "T01", "community of human destiny"),
    (61, "T01", "community of human destiny"),
    (63, "T01", "community of human destiny"),
    (63, "T19", "Cold War mentality"),
    (64, "T20", "zero-sum game"),
    (64, "T19", "Cold War mentality"),
    (67, "T28", "going out"),
    (67, "T28", "bringing in"),
    (69, "T01", "destiny community"),
    (73, "T01", "community of human destiny"),
    (76, "T21", "global governance"),
    (77, "T21", "global governance"),
    (81, "T36", "economic globalization"),
    (85, "T29", "global village"),
    (88, "T01", "community of human destiny"),
    (92, "T24", "comprehensive national strength"),
    (92, "T24", "comprehensive national strength"),
    (94, "T01", "human destiny community"),
    (94, "T30", "interconnection and interoperability"),
    (95, "T38", "sphere of influence"),
    (95, "T30", "interconnection and interoperability"),
    (96, "T38", "spheres of influence"),
    (97, "T31", "beggar their neighbors"),
    (97, "T38", "sphere of influence"),
    (98, "T30", "interconnection"),
    (99, "T16", "cooperation and win-win"),
    (102, "T01", "community of human destiny"),
    (103, "T36", "economic globalization"),
    (104, "T01", "human destiny community"),
    (107, "T01", "Human Destiny Community"),
    (109, "T16", "win-win cooperation"),
    (109, "T01", "human destiny community"),
    (110, "T01", "community of human destiny"),
    (114, "T21", "global governance"),
    (121, "T33", "new era"),
    (122, "T36", "economic globalization"),
    (123, "T01", "community of human destiny"),
    (124, "T17", "reform and opening up"),
    (125, "T36", "economic globalization"),
    (126, "T17", "reform and opening up"),
    (128, "T24", "comprehensive national strength"),
    (129, "T35", "right of speech"),
    (130, "T01", "community of human destiny"),
    (139, "T08", "one belt and one road"),
    (139, "T09", "Asian infrastructure investment bank"),
    (140, "T10", "Eurasian Economic Union"),
    (140, "T37", "common prosperity"),
    (143, "T01", "community of human destiny"),
    (147, "T01", "community consciousness of human destiny"),
    (148, "T14", "Chinese dream"),
    (148, "T14", "Chinese dream"),
    (148, "T15", "great rejuvenation of the nation"),
    (151, "T18", "opening up to the outside world"),
    (152, "T03", "community of Asian destiny"),
    (153, "T04", "Asia-Pacific destiny"),
    (153, "T05", "China-ASEAN destiny community"),
    (153, "T06", "China-Arab destiny community"),
    (154, "T07", "China-Latin America destiny community"),
    (155, "T30", "interconnection"),
    (156, "T21", "global governance"),
    (158, "T12", "new-type relations between major powers"),
    (161, "T01", "human destiny community"),
    (162, "T01", "community of human destiny"),
    (163, "T21", "global governance"),
    (163, "T33", "new era"),
    (166, "T08", "belt and road initiative"),
    (167, "T01", "community of human destiny"),
    (167, "T16", "win-win cooperation"),
    (169, "T32", "correct value concept of righteousness and benefit"),
    (170, "T11", "great power diplomatic strategy with Chinese characteristics"),
    (173, "T11", "diplomatic work with Chinese characteristics"),
    (176, "T01", "community of human destiny"),
    (176, "T01", "human destiny community"),
    (178, "T34", "Chinese wisdom"),
]


@pytest.fixture(scope="module")
def paper_matches() -> tuple[str, list[tuple[int, str, str, int, int, str]]]:
    text = PAPER.read_text(encoding="utf-8")
    matcher = TermMatcher(load_glossary(ROOT / "glossary"), "en")
    found = []
    for match in matcher.find(text):
        line = text.count("\n", 0, match.start) + 1
        found.append((line, match.concept_id, match.text, match.start, match.end, match.status))
    return text, found


def test_every_expected_occurrence_is_found_and_nothing_else(paper_matches) -> None:
    _, found = paper_matches
    got = [(line, concept, " ".join(text.split())) for line, concept, text, *_ in found]
    missing = [item for item in EXPECTED if item not in got]
    unexpected = [item for item in got if item not in EXPECTED]
    assert missing == [] and unexpected == []
    assert len(got) == len(EXPECTED)


def test_spans_point_at_the_exact_text(paper_matches) -> None:
    text, found = paper_matches
    for _, _, match_text, start, end, _ in found:
        assert text[start:end] == match_text
        assert not match_text[0].isspace() and not match_text[-1].isspace()


def test_counts_per_rendering_match_the_reference(paper_matches) -> None:
    # key-terms.md: "community of human destiny" ~22× + 2× capitalised, "human destiny
    # community" 7×, "global governance" 8×, "economic globalization" 5×.
    _, found = paper_matches

    def count(rendering: str) -> int:
        return sum(1 for _, _, t, *_ in found if " ".join(t.split()).lower() == rendering)

    assert count("community of human destiny") == 24
    assert count("human destiny community") == 7
    assert count("global governance") == 8
    assert count("economic globalization") == 5
    assert count("comprehensive national strength") == 3


def test_wrapped_heading_and_line_wraps(paper_matches) -> None:
    text, found = paper_matches
    heading = text.index("3. The Concept of Human Destiny Community")
    hits = [f for f in found if heading <= f[3] < heading + 60]
    assert [(h[1], h[2]) for h in hits] == [("T01", "Human Destiny Community")]
    wrapped = [f for f in found if "\n" in f[2]]
    assert ("T25", "responsible big\ncountry") in [(w[1], w[2]) for w in wrapped]
    assert ("T09", "Asian\n infrastructure investment bank") in [(w[1], w[2]) for w in wrapped]


def test_statuses_come_from_the_glossary(paper_matches) -> None:
    _, found = paper_matches
    by_text = {" ".join(t.split()): status for _, _, t, _, _, status in found}
    assert by_text["win-win cooperation"] is TermStatus.PREFERRED
    assert by_text["cooperation and win-win"] is TermStatus.DEPRECATED
    assert by_text["global village"] is TermStatus.ADMITTED
