"""A table's rows within one page of pdftotext's text: a row may stand on one line right
above the next row's first cell, no blank line between ("Wind Turbine 11 Preferred Checked
on site", then "Rotor Blade 12"), and the two were read as one paragraph, one segment. A
wrapped sentence's lines fill the width but its last: two short lines, each opening with a
capital and holding a figure, are two rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termwise.document import parse_document

from .test_table_across_pages import TERMS, _print_to_text

INTRO = (
    "This glossary lists the terms of the wind energy project. Each term has a status that the\n"
    "reviewers agreed on in the last meeting.\n"
)


def _texts(text: str) -> list[str]:
    return [segment.text for segment in parse_document(text, lang="en").segments]


def test_rows_set_one_below_the_other_are_rows() -> None:
    # As Chromium's print of a table reads in pdftotext (Status and Note cells on one line).
    text = (
        INTRO
        + "\nFoundation 10\n\nPreferred Checked on site\n\n"
        + "Wind Turbine 11 Preferred Checked on site\nRotor Blade 12\n\n"
        + "Preferred Checked on site\n\n"
        + "Yaw System 17 Preferred Checked on site\nPitch Control 18 Preferred Checked on site\n"
        + "Anemometer 19 Preferred Checked on site\nFoundation 20\n\n"
        + "Preferred Checked on site\n"
    )
    texts = _texts(text)
    assert texts[2:] == [
        "Foundation 10",
        "Preferred Checked on site",
        "Wind Turbine 11 Preferred Checked on site",
        "Rotor Blade 12",
        "Preferred Checked on site",
        "Yaw System 17 Preferred Checked on site",
        "Pitch Control 18 Preferred Checked on site",
        "Anemometer 19 Preferred Checked on site",
        "Foundation 20",
        "Preferred Checked on site",
    ]


def test_a_wrapped_sentence_with_figures_stays_one() -> None:
    # Its lines open with capitals and figures, but all but the last fill the width; the
    # last alone is short.
    text = (
        "The survey counted the turbines of the northern ridge in the spring of the year and\n"
        "Turbine 12 of the western row was found with a cracked blade and a worn gearbox that\n"
        "Station 4 had reported\n"
    )
    assert _texts(text) == [" ".join(text.split())]


def test_a_short_line_that_goes_on_still_joins() -> None:
    # A line set short by hand, a figure in it, that stops where a sentence goes on ("to")
    # is no row: the next line goes on with its sentence.
    text = (
        "The crates left the northern yard in the spring of that year on two lorries and reached\n"
        "Depot 4 on 12 May to\nPlatform 9 of the harbour, where they\nwaited a week.\n"
    )
    assert _texts(text) == [" ".join(text.split())]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) absent")
def test_a_printed_tables_rows_are_segments_of_their_own(tmp_path: Path) -> None:
    text = _print_to_text(tmp_path)
    # pdftotext set some rows right above the next one, no blank line between.
    assert any(
        f"Preferred Checked on site\n{TERMS[number % len(TERMS)]} {number + 1}\n" in text
        for number in range(60)
    )
    texts = _texts(text)
    for number in range(60):
        label = f"{TERMS[number % len(TERMS)]} {number + 1}"
        assert label in texts or f"{label} Preferred Checked on site" in texts, label
