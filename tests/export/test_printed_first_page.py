"""A printed HTML edition starts its text on page 1, under the title.

Each paragraph's row was kept whole on paper (``break-inside: avoid``), and the title row
kept with the row after it: a first paragraph longer than what the header left of page 1
went to page 2 and took the title and the table's head along, so that page 1 of a printed
bilingual edition held the subtitle alone (the seed paper under a title, printed by
Chromium: 12 pages, the first blank but for "English – Spanish, bilingual edition"). The
target-only edition's paragraphs were kept whole too. Printed here by headless Chromium,
read back with pdftotext.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.browser_print import printed_text

from .cjk_project import export, make_project

TITLE = "Wind Farms on the Coast"
SENTENCES = [
    f"Turbine number {number} stands on the northern ridge and was checked in May."
    for number in range(1, 81)
]
LATER = ["The council approved the plan.", "The work begins next year."]
SPANISH = {
    TITLE: "Parques eólicos en la costa",
    **{sentence: sentence.replace("Turbine number", "La turbina número") for sentence in SENTENCES},
    LATER[0]: "El consejo aprobó el plan.",
    LATER[1]: "Las obras empiezan el año que viene.",
}


def _pages(html: Path) -> list[str]:
    text = printed_text(html, header_and_footer=False)
    return [" ".join(page.split()) for page in text.split("\f")]


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    text = f"{TITLE}\n\n{' '.join(SENTENCES)}\n\n{' '.join(LATER)}\n"
    return make_project(tmp_path / "proj", text, "en", "es", SPANISH)


def test_a_bilingual_edition_prints_its_first_paragraph_under_the_title(paper: Path) -> None:
    first = _pages(export(paper, "es", "paper.html"))[0]
    assert TITLE in first and SPANISH[TITLE] in first, first
    assert SENTENCES[0] in first and SPANISH[SENTENCES[0]] in first, first


def test_a_translation_prints_its_first_paragraph_under_the_title(paper: Path) -> None:
    first = _pages(export(paper, "es", "paper.es.html", "--target-only"))[0]
    assert SPANISH[TITLE] in first and SPANISH[SENTENCES[0]] in first, first
