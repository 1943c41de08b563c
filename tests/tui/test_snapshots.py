"""Snapshots of the workbench's main screens at 80x24 and 160x50.

Regenerate after an intended change of the UI with
``.venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the report.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp


def workbench(layout: ProjectLayout, paper: Path) -> ReviewApp:
    session = ReviewSession(layout, paper, "es")
    # A few segments in each state, so that the gutter and the columns show all of them.
    rows = session.rows
    session.set_target(
        rows[0].segment_id,
        "Resumen: la construcción por China de la comunidad "
        "de destino de la humanidad ha evolucionado del concepto al programa.",
    )
    session.mark_reviewed(rows[0].segment_id)
    session.seal_typing()
    session.set_target(rows[1].segment_id, "Desde la esencia de la existencia humana.")
    session.seal_typing()
    session.tfile.units[rows[2].segment_id].mt = "La idea de la comunidad."
    session.accept_mt(rows[2].segment_id)
    return ReviewApp(session, auto_mt=False, autosave_delay=600, check_delay=0.01)


async def settled(pilot: Pilot[Any]) -> None:
    app = pilot.app
    for _ in range(2):
        await pilot.pause(0.2)
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
@pytest.mark.parametrize(
    "keys",
    [(), ("f8",), ("f9",), ("down", "down", "f10")],
    ids=["grid", "issues", "glossary", "concepts"],
)
def test_screens(
    snap_compare: Any,
    review_project: ProjectLayout,
    paper: Path,
    size: tuple[int, int],
    keys: tuple[str, ...],
) -> None:
    app = workbench(review_project, paper)
    assert snap_compare(app, terminal_size=size, press=list(keys), run_before=settled)
