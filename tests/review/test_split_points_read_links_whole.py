"""F4 offers no split inside what the segmenter reads whole in a Markdown paragraph: an
inline link's target (``[x](<notes. Part two> "Mr. B. title")``), the label of a reference
link to a label the document defines, an HTML declaration. The segmenter makes no cut
there (``markdown_comments.whole_spans``), but ``split_points`` read only comments and code
spans, so it offered one: a split there left half a link in each segment, and every
edition printed a broken link."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession

DOCUMENT = """\
# Plans

See [the note](<notes. Part two> "Mr. B. title") for it. Then go.

Read [this][Mr. B. Smith] today.

Keep <!DOCTYPE a. B> here and go on.

The plan [x](<a; b>) was made in two parts: one and two

[mr. b. smith]: https://example.org/smith
"""


def test_f4_offers_no_split_inside_a_link_read_whole(tmp_path: Path) -> None:
    document = tmp_path / "doc.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "es", source_lang="en")
    offered = {
        row.source: [row.source[:cut] for cut in session.split_points(row.segment_id)]
        for row in session.rows
    }
    # The segmenter made one segment of each, and F4 cuts none of them inside.
    assert offered['See [the note](<notes. Part two> "Mr. B. title") for it.'] == []
    assert offered["Keep <!DOCTYPE a. B> here and go on."] == []
    # The label of a reference to a defined label (matched as CommonMark matches it).
    assert offered["Read [this][Mr. B. Smith] today."] == []
    # No sentence end: only the colon outside the link's target is offered.
    assert offered["The plan [x](<a; b>) was made in two parts: one and two"] == [
        "The plan [x](<a; b>) was made in two parts:"
    ]

    # The split offered is made, and the link stays whole in its segment.
    plan = next(row for row in session.rows if row.source.startswith("The plan"))
    session.split(plan.segment_id, session.split_points(plan.segment_id)[0])
    assert [
        row.source for row in session.rows if "plan" in row.source or "one and" in row.source
    ] == [
        "The plan [x](<a; b>) was made in two parts:",
        "one and two",
    ]
