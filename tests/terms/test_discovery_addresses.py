"""Web and mail addresses and file names make no candidates, and offsets stay the text's.

``terms extract`` on ACTER's wind_en_26 (a briefing sheet with its references) listed
"www", "com", "org", "edu", "html", "embracewind" and "calcs", and grouped "nationalgrid"
(of www.nationalgrid.com) under "National Grid".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document.reading import load_document
from termwise.terms.candidates import BREAK, CONTENT, tokenize
from termwise.terms.extract import extract_terms

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "term-dev"
WIND_26 = DATA / "acter" / "en" / "wind" / "annotated" / "texts" / "wind_en_26.txt"
ADDRESS_PARTS = {"www", "com", "org", "edu", "html", "embracewind", "calcs", "nationalgrid"}


@pytest.mark.skipif(not WIND_26.exists(), reason="../shared/term-dev (ACTER) is absent")
def test_no_candidate_is_made_of_an_address() -> None:
    document = load_document(WIND_26, lang="en")
    extraction = extract_terms([document], "en")
    words = {word for c in extraction.candidates for form in c.forms for word in form.split()}
    assert not words & ADDRESS_PARTS, words & ADDRESS_PARTS
    (grid,) = [c for c in extraction.candidates if c.term == "National Grid"]
    assert grid.forms == ["national grid"]
    # Masked in place: every occurrence still points at its form in the segment's text.
    texts = {segment.id: segment.text for segment in document.segments}
    for candidate in extraction.candidates:
        for place in candidate.occurrences:
            written = " ".join(texts[place.segment][place.start : place.end].split())
            assert written.lower() == candidate.surfaces[place.form].lower(), place


def _words(text: str) -> list[str]:
    return [token.norm for token in tokenize(text, "en") if token.kind == CONTENT]


def test_bare_domains_file_names_and_mail_addresses_are_no_words() -> None:
    assert _words("Download rotor.pdf from bwea.com or write to info@bwea.com today.") == [
        "download",
        "write",
        "today",
    ]
    # A missing space after a full stop is no domain: "It" is no top-level domain written
    # so, and the turbines stay.
    assert _words("Blades turn turbines.It works.") == ["blades", "turn", "turbines", "works"]


def test_an_address_parts_the_words_around_it() -> None:
    """No candidate spans an address ("wind energy www.ewea.org statistics" is no "wind
    energy statistics"), and the words after it keep their offsets in the text."""
    text = "Wind energy www.ewea.org statistics"
    tokens = tokenize(text, "en")
    assert [(t.norm, t.kind == BREAK) for t in tokens] == [
        ("wind", False),
        ("energy", False),
        ("", True),
        ("statistics", False),
    ]
    assert text[tokens[-1].start : tokens[-1].end] == "statistics"
