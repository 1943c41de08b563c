"""The status line's account of a part waiting for its share of a translation another
segment holds: the row's number ("translation held by #2") and what to do, not the hash id
the stored note keeps for commands (it ran past the window's width)."""

from __future__ import annotations

from pathlib import Path

from support.apertium_project import translated
from termwise.review.session import ReviewSession
from termwise.tui.workbench import shown_notes

SOURCE = (
    "The committee met in May. The project grew fast across the region, and the budget "
    "doubled. The council approved the plan.\n"
)
EDITED = "El proyecto creció rápido en la región, y el presupuesto se duplicó."
REWRITTEN = "El proyecto creció con rapidez en toda la región y el presupuesto se duplicó."


def test_the_waiting_note_shows_the_holders_number(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    _, second, third = (row.segment_id for row in session.rows)
    session.set_target(second, EDITED)
    session.join_with_next(second)
    session.set_target(second, REWRITTEN)
    session.split(second, session.split_points(second)[0])
    later = session.unit(third)
    assert second in later.notes  # the stored note names the id
    held, others = shown_notes(session, later, "F3")
    assert held == "translation held by #2 (share it out, or join with F3)" and others == ""
    session.set_target(third, "El consejo aprobó el plan.")
    assert shown_notes(session, later, "F3")[0] == "translation was held by #2"
    session.set_note(third, "ask the client")
    assert shown_notes(session, session.unit(third), "F3")[1] == "ask the client"
