"""The workbench checks a group's holder against the sources of the parts waiting on it.

An import of termwise's own aligned TMX keeps a 2-1 group whole in its first segment, the
second waiting with a note. ``check`` compares the holder with both sources
(``checks.waiting``); the review session, which the workbench and ``fix`` drive, handed the
checker no waiting parts and showed the waiting sentence's figure as "not in the source".
"""

from __future__ import annotations

from pathlib import Path

from support.waiting_group import import_group
from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession


def test_the_session_checks_the_holder_against_the_waiting_sources(tmp_path: Path) -> None:
    import_group(tmp_path, "8597")

    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "es")
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    messages = [issue.message for issue in session.issues]
    assert not [m for m in messages if "8597" in m], messages
    assert not [issue for issue in session.issues if issue.check == "length-ratio"]
