"""A "Chapter N" that opens each page with no browser header above it is the text's heading:
it counts on with the pages at the page's very top, and was dropped as a running header
(the book's chapters went, and the first sentence of each lost its heading)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.browser_print import printed_text

from .test_page_edges import SENTENCES, _opened_pages, _sections, _texts, _wrapped


@pytest.mark.parametrize("footer", [[], ["{n}"], ["Page {n} of {m}"]])
def test_a_chapter_opening_each_page_with_no_header_stays(footer: list[str]) -> None:
    headings = ["Chapter {n}"] * 5
    assert _texts(_opened_pages([], footer, headings)) == _sections(headings)


def test_a_running_header_apart_from_the_text_still_goes() -> None:
    # A book's header that counts on, a blank line below it, is still the page's.
    pages = [
        f"Wind book {n}\n\n" + "\n".join(_wrapped(SENTENCES[(n - 1) * 4 : n * 4])) + "\n\n"
        for n in range(1, 6)
    ]
    assert _texts("\f".join(pages) + "\f") == SENTENCES[:20]


def test_a_real_print_of_chapters_one_a_page_keeps_them(tmp_path: Path) -> None:
    body = "".join(
        f'<h2 style="page-break-before:always">Chapter {n}</h2>'
        f"<p>{' '.join(SENTENCES[(n - 1) * 4 : n * 4])}</p>"
        for n in range(1, 6)
    )
    page = tmp_path / "book.html"
    page.write_text(f"<html><head><title>Book</title></head><body>{body}</body></html>")
    text = printed_text(page, header_and_footer=False)
    assert text.count("\f") == 5 and "Book" not in text
    assert _texts(text) == _sections(["Chapter {n}"] * 5)
