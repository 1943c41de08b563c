"""A page's own lines in PDF text (pdftotext's output, pages split by form feeds): a browser's
print header and footer (date and title above, address and "1/5" below), "Page N of M",
running headers whatever their form, are left out, and a sentence a page break cut goes on
across them; the text's own lines that repeat stay."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from support.browser_print import printed_text
from termwise.document import parse_document

WORDS = [
    "the",
    "team",
    "reached",
    "camp",
    "on",
    "ridge",
    "and",
    "waited",
    "there",
    "for",
    "wind",
    "to",
    "drop",
    "before",
    "climb",
    "went",
    "porters",
    "carried",
    "loads",
    "up",
    "glacier",
    "while",
    "doctor",
    "looked",
    "after",
    "sick",
    "cook",
    "snow",
    "fell",
    "all",
    "night",
]


def _sentences(count: int) -> list[str]:
    """Sentences of words drawn at random (seeded): no line of one page's text repeats."""
    draw = random.Random(7)
    return [
        f"Sentence {n} says " + " ".join(draw.choices(WORDS, k=draw.randint(8, 22))) + "."
        for n in range(1, count + 1)
    ]


SENTENCES = _sentences(30)


def _wrapped(sentences: list[str] = SENTENCES, width: int = 64) -> list[str]:
    """The sentences as a hard-wrapped paragraph, as pdftotext gives a page's body."""
    lines: list[str] = []
    current = ""
    for word in " ".join(sentences).split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def _pages(header: list[str], footer: list[str], lines_per_page: int = 9) -> str:
    """pdftotext's output of a browser's print: each page's header and footer lines ("{n}"
    takes the page's number, "{m}" the number of pages), each with a blank line after, and a
    form feed after each page, the last too."""
    body = _wrapped()
    chunks = [body[at : at + lines_per_page] for at in range(0, len(body), lines_per_page)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        edge = [line.format(n=number, m=len(chunks)) for line in header]
        foot = [line.format(n=number, m=len(chunks)) for line in footer]
        lines = [*(f"{line}\n" for line in edge), *chunk, *(f"{line}\n" for line in foot)]
        pages.append("\n".join(lines) + "\n")
    return "\f".join(pages) + "\f"


def _texts(text: str) -> list[str]:
    return [segment.text for segment in parse_document(text, lang="en").segments]


CHROMIUM_HEADER = ["12/7/26, 10:05 AM", "Seed paper"]
CHROMIUM_FOOTER = ["file:///tmp/walk/seedfull.html", "{n}/{m}"]


def test_a_browsers_print_header_and_footer_are_left_out() -> None:
    # Chromium prints the date and the title atop each page, the address and "1/5" at its
    # foot: all were segments, the address was glued into the sentence the page cut, and the
    # sentence did not go on across the page break.
    texts = _texts(_pages(CHROMIUM_HEADER, CHROMIUM_FOOTER))
    assert texts == SENTENCES


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        (["12/7/26, 10:05 AM", "Seed paper"], ["Page {n} of {m}"]),
        (["12/7/26, 10:05 AM", "Seed paper"], ["{n}"]),
        ([], ["{n}/{m}"]),
        (["12/7/26, 10:05 AM"], []),
        (["Seed paper {n}"], ["file:///tmp/walk/seedfull.html"]),
    ],
)
def test_page_headers_and_footers_of_any_form_are_left_out(
    header: list[str], footer: list[str]
) -> None:
    # "1/5" or "Page 1 of 5", a date that every page prints alike: a header or footer need
    # not be words with a bare number. With the number bare the date was glued into the
    # sentence the page cut.
    assert _texts(_pages(header, footer)) == SENTENCES


def test_the_title_atop_the_first_page_stays() -> None:
    # pdftotext puts no form feed before the first page: the words the header repeats stand
    # there alone as the title (below the date the header prints, they are the header's).
    assert _texts(_pages(["Seed paper"], ["{n}/{m}"])) == ["Seed paper", *SENTENCES]


def test_the_texts_own_lines_that_repeat_stay() -> None:
    # A heading atop two pages, a sentence at the foot of every page, a table row above it
    # whose figures do not count on as the pages do (nor do its row numbers): the text's,
    # not the page's.
    pages = [
        f"{heading}\n\nCamp {camp} was reached. It was cold.\n\n{row}\n\nIt was a long day.\n\n"
        f"{page}/4\n"
        for page, (heading, camp, row) in enumerate(
            [
                ("Results", "A", "Row 12 Camp A 12 7"),
                ("Results", "B", "Row 24 Camp A 9 3"),
                ("Methods", "C", "Row 36 Camp A 15 4"),
                ("Methods", "D", "Row 48 Camp A 11 8"),
            ],
            start=1,
        )
    ]
    texts = _texts("\f".join(pages) + "\f")
    assert texts.count("Results") == 2 and texts.count("Methods") == 2
    assert texts.count("It was a long day.") == 4
    assert [text for text in texts if text.startswith("Row")] == [
        "Row 12 Camp A 12 7",
        "Row 24 Camp A 9 3",
        "Row 36 Camp A 15 4",
        "Row 48 Camp A 11 8",
    ]
    assert not [text for text in texts if "/4" in text]


def test_page_numbers_of_a_fraction_go_without_form_feeds() -> None:
    # pdftotext -nopgbrk (or a form feed lost): "1/5" once a page counts on, a page number.
    # Pages of one length each, as a running header's are (the last one full too).
    count = next(count for count in range(30, 60) if len(_wrapped(_sentences(count))) % 9 == 0)
    body = _wrapped(_sentences(count))
    lines: list[str] = []
    for number, at in enumerate(range(0, len(body), 9), start=1):
        lines += [*body[at : at + 9], "", f"{number}/{len(body) // 9}", ""]
    assert _texts("\n".join(lines) + "\n") == _sentences(count)


def _printed_report(tmp_path: Path, sentences: list[str], width: int) -> str:
    """The browser's print of "Climbing report", ``sentences`` wrapped at ``width`` in a
    <pre>: its lines are the page's, no narrower page wraps them again."""
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><title>Climbing report</title></head><body><pre>\n"
        + "\n".join(_wrapped(sentences, width))
        + "\n</pre></body></html>",
        encoding="utf-8",
    )
    return printed_text(page)


def test_a_pdf_printed_by_a_browser_reads_as_its_text(tmp_path: Path) -> None:
    # Four pages or so of a paragraph, its lines short enough not to wrap again.
    sentences = _sentences(130)
    text = _printed_report(tmp_path, sentences, 72)
    # The browser printed its header and footer, and a page break cuts a sentence.
    assert "Climbing report" in text and "1/" in text and text.count("\f") >= 3
    assert _texts(text) == sentences


def _opened_pages(
    header: list[str], footer: list[str], headings: list[str], per_page: int = 4
) -> str:
    """pdftotext's output of a browser's print of a text whose sections each open a page
    (HTML's page-break-before): under the header, each page's heading ("{n}" its number)
    with the section's paragraph right below it, as pdftotext sets an <h2> and its <p>."""
    pages = []
    for number, heading in enumerate(headings, start=1):
        sentences = SENTENCES[(number - 1) * per_page : number * per_page]
        edge = [line.format(n=number, m=len(headings)) for line in header]
        foot = [line.format(n=number, m=len(headings)) for line in footer]
        lines = [
            *(f"{line}\n" for line in edge),
            heading.format(n=number),
            *_wrapped(sentences),
            "",
            *(f"{line}\n" for line in foot),
        ]
        pages.append("\n".join(lines) + "\n")
    return "\f".join(pages) + "\f"


def _sections(headings: list[str], per_page: int = 4) -> list[str]:
    """What the text of ``_opened_pages`` is: each heading, then its section's sentences."""
    texts: list[str] = []
    for number, heading in enumerate(headings, start=1):
        texts += [heading.format(n=number), *SENTENCES[(number - 1) * per_page : number * per_page]]
    return texts


@pytest.mark.parametrize(
    "footer",
    [CHROMIUM_FOOTER, ["Page {n} of {m}"], ["Seite {n} von {m}", "12/7/26, 10:05 AM"]],
)
def test_a_numbered_heading_opening_each_page_below_the_header_stays(footer: list[str]) -> None:
    # "Chapter 3" counts on with the pages and stands within three lines of the page's top,
    # under the browser's date and title: every chapter heading was taken for a page
    # number, the first page's too. A page's number in a page number's form still goes,
    # above another line of the footer too.
    headings = ["Chapter {n}"] * 5
    assert _texts(_opened_pages(CHROMIUM_HEADER, footer, headings)) == _sections(headings)


def test_a_heading_that_opens_every_page_below_the_header_stays() -> None:
    # Every page of a manual opens with "Safety instructions" under the browser's date and
    # title: the same on each page, it was taken for a second header line and went.
    headings = ["Safety instructions"] * 5
    texts = _texts(_opened_pages(CHROMIUM_HEADER, CHROMIUM_FOOTER, headings))
    assert texts == _sections(headings)


def test_only_the_edge_line_of_two_that_count_on_is_the_pages() -> None:
    # A book's running header counts on atop each page ("Wind book 3"), a heading that counts
    # on too ("Part 3") opens the page's text below it: the first is the page's, the second,
    # in no page number's form, went with it.
    headings = ["Part {n}"] * 5
    texts = _texts(_opened_pages(["Wind book {n}"], ["{n}"], headings))
    assert texts == _sections(headings)
