"""A table a page break cuts, printed to PDF and read from pdftotext's text: each row or
cell is a line between blank lines, and the row before the break was joined with the row
after it, over the page's footer and header ("Transformer 33 Preferred Checked on site
Cable 34"), as if a sentence went on across the break."""

from __future__ import annotations

import re
from pathlib import Path

from support.browser_print import printed_text
from termwise.document import load_document

TERMS = (
    "Wind Turbine",
    "Rotor Blade",
    "Nacelle",
    "Tower",
    "Gearbox",
    "Generator",
    "Yaw System",
    "Pitch Control",
    "Anemometer",
    "Foundation",
)
# What the browser prints at each page's top and foot: the date, the title, the address and
# "1/2".
_BROWSER_LINE = re.compile(r"\d+/\d+/\d+, |Terms of the wind project\Z|file://|\d+/\d+\Z")


def _print_to_text(tmp_path: Path) -> str:
    """The glossary page's print as pdftotext reads it, left in ``terms.txt`` too for the
    tests that load the document from the file."""
    rows = "".join(
        f"<tr><td>{TERMS[number % len(TERMS)]} {number + 1}</td><td>Preferred</td>"
        "<td>Checked on site</td></tr>"
        for number in range(60)
    )
    page = tmp_path / "terms.html"
    page.write_text(
        "<html><head><title>Terms of the wind project</title></head><body>"
        "<h1>Glossary</h1><p>This glossary lists the terms of the wind energy project. Each "
        "term has a status that the reviewers agreed on in the last meeting.</p>"
        f"<table border='1'><tr><th>Term</th><th>Status</th><th>Note</th></tr>{rows}</table>"
        "<p>The reviewers will update this list every month.</p></body></html>",
        encoding="utf-8",
    )
    text = printed_text(page)
    (tmp_path / "terms.txt").write_text(text, encoding="utf-8")
    return text


def _text_lines(page: str) -> list[str]:
    lines = [line.strip() for line in page.splitlines()]
    return [line for line in lines if line and not _BROWSER_LINE.match(line)]


def test_the_rows_after_a_page_break_stay_rows(tmp_path: Path) -> None:
    text = _print_to_text(tmp_path)
    first, second = text.split("\f")[:2]
    before, after = _text_lines(first)[-1], _text_lines(second)[0]
    # The break falls between rows: each stands alone between blank lines.
    assert f"\n\n{after}\n\n" in second
    segments = [
        segment.text for segment in load_document(tmp_path / "terms.txt", lang="en").segments
    ]
    assert after in segments
    assert not any(before in segment and after in segment for segment in segments)
