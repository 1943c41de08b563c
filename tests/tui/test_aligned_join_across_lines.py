"""F3 with the unsure groups listed joins a group with the next across a paragraph's end.

The walk through the aligned Bible (a verse a line): at #50, a verse with no counterpart,
F3 said "a segment is not joined across a paragraph's end", though the aligner had joined
such lines itself (a "group 2-1" in ``bible.segmentation.json``).
"""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.tui.workbench import Workbench

from .pilot import SIZE, make_app, settle

# The paper's sentences 52 and 53 end one paragraph and open the next.
LAST, FIRST = 52, 53


async def test_f3_joins_an_unsure_group_with_the_next_line_as_the_aligner_does(
    review_project: ProjectLayout, paper: Path
) -> None:
    document = load_source(review_project, paper, lang="en")
    assert document.segments[LAST].paragraph != document.segments[FIRST].paragraph
    count = len(document.segments)
    targets = [f"Frase {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[LAST] = Bead((LAST,), (), 0.4)
    beads[FIRST] = Bead((FIRST,), (LAST, FIRST), 0.5)
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]

    app = make_app(review_project, paper)
    session = app.session
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert workbench.current_id == ids[LAST]
        await pilot.press("f3")  # review.join
        await settle(app, pilot)
        refused = [str(n.message) for n in app._notifications if "paragraph" in str(n.message)]
        assert refused == []
        assert ids[FIRST] not in session.row_index
        on_disk = TranslationFile.load(session.translation_path)
        assert on_disk.units[ids[LAST]].target == "Frase 52. Frase 53."
        assert ids[FIRST] not in on_disk.units
