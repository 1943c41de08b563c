"""A search with a filter on says that it looked in the filtered segments, and how many
hold the text in all (the walk: "1 segment(s) contain 'Goliath'", of 6 in the book)."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source
from termwise.tui.workbench import Workbench

from .pilot import SIZE, make_app, settle


async def test_a_search_in_a_filter_says_so_and_counts_the_whole_document(
    review_project: ProjectLayout, paper: Path
) -> None:
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[2] = Bead((2,), (2,), 0.4)
    targets = [f"Frase {j}." for j in range(count)]
    write_project(review_project, paper, document, targets, beads, "es")

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert len(app.grid.rows) == 1

        def told() -> list[str]:
            return [str(n.message) for n in app._notifications if "Frase" in str(n.message)]

        await pilot.press("ctrl+f", *"Frase", "enter")  # review.search
        await settle(app, pilot)
        assert any(
            f"1 filtered segment(s) contain 'Frase' ({count} in all)" in said for said in told()
        ), told()
        await pilot.press("alt+n")  # review.find_next
        await settle(app, pilot)
        assert any(f"1 of 1 filtered ({count} in all)" in said for said in told()), told()
