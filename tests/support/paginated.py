"""One-sentence-per-line text as cut from a PDF: a page number and a running header put in
every so many lines (the test of the aligner and ``bench/align_pages.py`` share it)."""

from __future__ import annotations


def paginate(lines: list[str], every: int, first: int, header: str) -> tuple[list[str], list[int]]:
    """``lines`` with a page number and ``header`` (formatted with the next page's number) put
    in every ``every`` lines from ``first``, and where each line of ``lines`` went."""
    out: list[str] = []
    place: list[int] = []
    page = 17
    for number, line in enumerate(lines):
        if number >= first and (number - first) % every == 0:
            out += [str(page), header.format(page + 1)]
            page += 2
        place.append(len(out))
        out.append(line)
    return out, place
