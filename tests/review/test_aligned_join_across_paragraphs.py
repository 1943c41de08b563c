"""F3 in the review of an aligned translation makes the joins the aligner makes itself.

The walk through the aligned Bible (a verse a line, each line a paragraph): a verse with no
counterpart ("And the LORD spake unto Moses, saying,", which the Chinese puts at the head of
the next verse's line) could not be joined with the next verse, "not joined across a
paragraph's end", though the aligner had made such "group 2-1" segments across lines itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.document.resegmentation import Resegmentation
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout, segmentation_overrides_file
from termwise.project.translations import load_source
from termwise.review.session import ReviewSession

# The paper's sentences 52 and 53 end one paragraph and open the next.
LAST, FIRST = 52, 53


def _paragraph_end(layout: ProjectLayout, paper: Path) -> list[str]:
    """The paper's segment ids, checked to have a paragraph's end between LAST and FIRST."""
    document = load_source(layout, paper, lang="en")
    assert document.segments[LAST].paragraph != document.segments[FIRST].paragraph
    return [segment.id for segment in document.segments]


def test_an_aligned_group_is_joined_with_the_next_across_a_paragraphs_end(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _paragraph_end(review_project, paper)
    document = load_source(review_project, paper, lang="en")
    count = len(ids)
    targets = [f"Frase {j}." for j in range(count)]
    # Sentence 52 has no counterpart: its translation opens the next group's.
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[LAST] = Bead((LAST,), (), 0.4)
    beads[FIRST] = Bead((FIRST,), (LAST, FIRST), 0.5)
    write_project(review_project, paper, document, targets, beads, "es")

    session = ReviewSession(review_project, paper, "es")
    session.join_with_next(ids[LAST])
    joined = session.unit(ids[LAST])
    assert joined.target == "Frase 52. Frase 53."
    assert ids[FIRST] not in session.row_index
    session.save()
    record = Resegmentation.load(segmentation_overrides_file(review_project, paper))
    assert (ids[LAST], ids[FIRST]) in record.joins
    again = ReviewSession(review_project, paper, "es")
    assert again.source_text(ids[LAST]).endswith(document.segments[FIRST].text)
    # The same as the aligner's own group over that paragraph's end, and undone as one.
    session.undo()
    assert ids[FIRST] in session.row_index


def test_outside_an_aligned_translation_a_paragraphs_end_still_bars_a_join(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _paragraph_end(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    with pytest.raises(TermwiseError, match="not joined across a paragraph's end"):
        session.join_with_next(ids[LAST])
