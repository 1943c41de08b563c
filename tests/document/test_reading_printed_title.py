"""A browser's print of a page whose <h1> repeats its <title>: the header atop each page
prints the title, and the same words at the top of the first page, below that header, are
the document's heading. Taken for the header's line again, the heading was lost, glued into
the first sentence where that sentence opened with no capital ("2024 was …")."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.browser_print import printed_text
from termwise.document import parse_document
from termwise.document.model import SegmentKind

from .test_page_edges import SENTENCES, _wrapped

TITLE = "Caring for Old Orchards"
OPENING = "2024 was a good year for the apples."


def _read(text: str) -> list[tuple[SegmentKind, str]]:
    return [(segment.kind, segment.text) for segment in parse_document(text, lang="en").segments]


def _printed(heading: list[str], per_page: int = 20, title: str = TITLE) -> str:
    """pdftotext's output of Chromium's print, laid out as a real one is: the date and the
    ``title`` atop each page, each with a blank line after; on the first page the <h1>
    (``heading``, its lines as wrapped) with its first paragraph right below it; the page's
    address and "n/m" at its foot; a form feed after each page."""
    body = _wrapped([OPENING, *SENTENCES])
    chunks = [body[at : at + per_page] for at in range(0, len(body), per_page)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        lines = [
            "12/7/26, 4:48 PM",
            "",
            title,
            "",
            *(heading if number == 1 else []),
            *chunk,
            "",
            "file:///tmp/docs2_print/orchards.html",
            "",
            f"{number}/{len(chunks)}",
            "",
        ]
        pages.append("\n".join(lines) + "\n")
    return "\f".join(pages) + "\f"


@pytest.mark.parametrize("per_page", [20, 12], ids=["two pages", "four pages"])
def test_the_heading_that_repeats_the_printed_title_stays(per_page: int) -> None:
    texts = _read(_printed([TITLE], per_page))
    assert texts[0] == (SegmentKind.HEADING, TITLE)
    assert texts[1] == (SegmentKind.SENTENCE, OPENING)
    assert [text for _, text in texts[1:]] == [OPENING, *SENTENCES]


def test_a_title_the_page_wraps_is_one_heading() -> None:
    # The header prints the title on one line; the <h1>'s larger type wraps it.
    long_title = "Caring for Old Orchards in the Hill Country of the Northern Valleys"
    wrapped = ["Caring for Old Orchards in the Hill", "Country of the Northern Valleys"]
    texts = _read(_printed(wrapped, title=long_title))
    assert texts[0] == (SegmentKind.HEADING, long_title)
    assert [text for _, text in texts[1:]] == [OPENING, *SENTENCES]


def test_a_print_without_the_heading_opens_with_its_text() -> None:
    # The header's title alone is no heading of the text.
    texts = _read(_printed([]))
    assert [text for _, text in texts] == [OPENING, *SENTENCES]


@pytest.mark.parametrize("opening", [OPENING, "iPhones photograph each tree well."])
def test_a_real_browser_print_keeps_its_heading(tmp_path: Path, opening: str) -> None:
    paragraphs = "".join(f"<p>{sentence}</p>\n" for sentence in SENTENCES * 3)
    page = tmp_path / "orchards.html"
    page.write_text(
        f"<html><head><title>{TITLE}</title></head><body>\n<h1>{TITLE}</h1>\n"
        f"<p>{opening}</p>\n{paragraphs}</body></html>",
        encoding="utf-8",
    )
    text = printed_text(page)
    # The browser printed the title in its header, on every page.
    assert text.count(TITLE) == text.count("\f") + 1 and text.count("\f") >= 2
    texts = _read(text)
    assert texts[0] == (SegmentKind.HEADING, TITLE)
    assert [text for _, text in texts[1:]] == [opening, *SENTENCES * 3]
