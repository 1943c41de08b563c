"""A printed bilingual HTML edition keeps each short row (a paragraph beside its
translation) on one page; a long one may still go on over a page break.

Rows were let break anywhere, so that the title row could stay on page 1 with the start of
a long first paragraph (``test_printed_first_page``): Chromium then printed rows of four to
nine sentences, a few lines each, part on one page and part on the next (6 of this paper's
46 rows). Printed here by headless Chromium, read back with pdftotext.
"""

from __future__ import annotations

from pathlib import Path

from support.browser_print import printed_text

from .cjk_project import export, make_project

# Sentences a paragraph holds, row by row: from one line to about a third of a page.
LENGTHS = [1, 3, 5, 2, 6, 4, 7, 3, 5, 8, 2, 6, 4, 9, 3, 5, 7, 2, 6, 4, 8, 3, 5] * 2


def _paragraphs() -> tuple[list[list[str]], dict[str, str]]:
    """The paper's paragraphs, each sentence numbered ("S007x", its translation "T007x")
    so that pdftotext's page of it can be found."""
    paragraphs: list[list[str]] = []
    spanish = {"Wind Farms": "Parques eólicos"}
    number = 0
    for index, length in enumerate(LENGTHS):
        paragraph = []
        for _ in range(length):
            number += 1
            sentence = f"Sentence S{number:03d}x of paragraph {index} tells of the ridge turbines."
            spanish[sentence] = f"La oración T{number:03d}x del párrafo {index} habla de turbinas."
            paragraph.append(sentence)
        paragraphs.append(paragraph)
    return paragraphs, spanish


def test_no_short_row_is_split_over_two_printed_pages(tmp_path: Path) -> None:
    paragraphs, spanish = _paragraphs()
    text = "Wind Farms\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    paper = make_project(tmp_path / "proj", text, "en", "es", spanish)
    printed = printed_text(export(paper, "es", "paper.html"), header_and_footer=False)
    pages = [" ".join(page.split()) for page in printed.split("\f")]
    assert len(pages) > 3, pages  # (the rows must meet page breaks for this to tell)

    def pages_of(mark: str) -> set[int]:
        found = {index for index, page in enumerate(pages) if mark in page}
        assert len(found) == 1, (mark, found)
        return found

    split = []
    number = 0
    for index, paragraph in enumerate(paragraphs):
        first, last = number + 1, number + len(paragraph)
        number = last
        marks = [f"{side}{n:03d}x" for side in "ST" for n in (first, last)]
        where = set().union(*(pages_of(mark) for mark in marks))
        if len(where) > 1:
            split.append((index, len(paragraph), sorted(where)))
    assert not split, split
