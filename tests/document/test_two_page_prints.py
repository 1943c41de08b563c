"""A browser's print of two pages: its header and footer (the date, the title, the page's
address, "1/2") stand on both pages only, short of the three a running header needs, and
were read as segments, the address glued into the sentence the page break cut."""

from __future__ import annotations

from pathlib import Path

from .test_page_edges import (
    CHROMIUM_FOOTER,
    CHROMIUM_HEADER,
    SENTENCES,
    _pages,
    _printed_report,
    _texts,
)


def test_a_two_page_browser_print_loses_its_header_and_footer() -> None:
    # The 47 lines of the paragraph on two pages, the date and title above each, the address
    # and "1/2" below.
    assert _texts(_pages(CHROMIUM_HEADER, CHROMIUM_FOOTER, lines_per_page=24)) == SENTENCES


def test_a_two_page_text_keeps_its_own_lines_at_the_pages_edges() -> None:
    # A heading atop both pages, the same each time, is the text's: two pages are too few
    # to tell it from a header unless a browser's date, address or page count is beside it.
    texts = _texts(_pages(["Results"], [], lines_per_page=24))
    assert " ".join(texts).count("Results") == 2


def test_a_real_two_page_browser_print_reads_as_its_text(tmp_path: Path) -> None:
    # Some 85 lines of 70 characters: two pages, the break inside a sentence.
    sentences = SENTENCES * 2
    text = _printed_report(tmp_path, sentences, 70)
    assert text.count("\f") == 2 and "Climbing report" in text and "2/2" in text
    assert _texts(text) == sentences
