"""The issues panel between an edit and the check run a pause later, and before the first.

* An edited segment's issues are marked at once ("changed since checked", dimmed; the detail
  says why a fix of one is refused): they stayed listed as they were until the next run, and
  a fix of one was refused with a reason the list had not shown.
* A fix everywhere that leaves such segments out says how many ("Fixed 1 segment(s);
  1 changed since the check, left out"): it fixed fewer than the list showed, silently.
* F8 while the first check run is going says "Checking…", not "0 issue(s)".
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, Tree

from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import ConfirmPreview
from termwise.tui.panels import IssuesPanel

from .pilot import SIZE, make_app, settle, toasts, until

FORBIDDEN = "La comunidad de destino de la humanidad."
FIXED = "La comunidad de futuro compartido de la humanidad."


def summary(panel: IssuesPanel) -> str:
    return str(panel.query_one("#issues-summary", Static).render())


def detail(panel: IssuesPanel) -> str:
    return str(panel.query_one("#issue-detail", Static).render())


def labels_of(panel: IssuesPanel, segment_id: str) -> list[str]:
    """The tree's lines for the issues of ``segment_id`` (every group open)."""
    tree: Tree[object] = panel.query_one("#issues-tree", Tree)
    found: list[str] = []
    stack = list(tree.root.children)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        data = node.data
        if getattr(data, "segment_id", None) == segment_id:
            found.append(str(node.label))
    return found


async def test_f8_says_checking_until_the_first_run_is_in(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    # The first run waits for the session's lock: F8 comes while it is going.
    app.session._lock.acquire()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            await pilot.press("f8")
            await pilot.pause(0.3)
            panel = app.query_one(IssuesPanel)
            # Old code: "0 issue(s) in 0 check(s)", a clean document while it was checked.
            assert summary(panel) == "Checking…"
            assert not app.session.issues
            app.session._lock.release()
            await until(pilot, lambda: bool(app.session.issues))
            await settle(app, pilot)
            issues = len(app.session.issues)
            assert issues > 0
            assert summary(panel).startswith(f"{issues} issue(s) in ")
    finally:
        if app.session._lock.locked():
            app.session._lock.release()


async def test_an_edited_segments_issues_are_marked_changed_at_once(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Checks run only when asked here: the translator is always quicker than the next run.
    app = make_app(review_project, paper, check_delay=60)
    first = app.session.rows[0].segment_id
    app.session.set_target(first, FORBIDDEN)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        panel = app.query_one(IssuesPanel)
        assert panel.current is not None and panel.current.segment_id == first
        assert panel.current.check == "term-forbidden"
        own = len([i for i in app.session.issues_of(first) if i.side == "target"])
        source = len(app.session.issues_of(first)) - own
        assert labels_of(panel, first) and not any(
            "changed since checked" in label for label in labels_of(panel, first)
        )
        assert "changed since checked" not in summary(panel)
        # Enter: to the segment, into the grid; Enter again: the editor. One word typed.
        await pilot.press("enter", "enter", "ctrl+end", *" Hoy", "escape")
        await pilot.pause()
        assert app.session.unit(first).target == FORBIDDEN + " Hoy"
        # No check run since: the panel marks the translation's issues (the source's are
        # as they were), and says how many at its head.
        labels = labels_of(panel, first)
        marked = [label for label in labels if label.startswith("#1 changed since checked · ")]
        assert len(marked) == own and all("target: " in label for label in marked), labels
        assert len(labels) - len(marked) == source
        assert summary(panel).endswith(f"; {own} changed since checked")
        # The detail of the issue under the cursor says why a fix is refused, and offers none.
        assert panel.current is not None and panel.current.segment_id == first
        said = detail(panel)
        assert "changed since checked: the translation of #1 was edited" in said, said
        assert "x: fix" not in said
        # Undone: the text is the one checked again, and its issues are as they were.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.unit(first).target == FORBIDDEN
        assert not any("changed since checked" in label for label in labels_of(panel, first))
        assert "changed since checked" not in summary(panel)
        assert "x: fix" in detail(panel)
        # Edited again, then checked: the new run's issues are fresh.
        await pilot.press("enter", "ctrl+end", *" Hoy", "escape")
        await pilot.pause()
        marked = [label for label in labels_of(panel, first) if "changed since" in label]
        assert len(marked) == own
        app.schedule_checks(0)
        await settle(app, pilot)
        assert labels_of(panel, first)
        assert not any("changed since checked" in label for label in labels_of(panel, first))
        assert "changed since checked" not in summary(panel)


async def test_a_fix_everywhere_says_how_many_changed_segments_it_left_out(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper, check_delay=60)
    first, second, third = (row.segment_id for row in app.session.rows[:3])
    for segment_id in (first, second, third):
        app.session.set_target(segment_id, FORBIDDEN)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # The second segment edited, no check run since: its issue's offsets no longer hold.
        await pilot.press("down", "enter", "ctrl+home", *"Hoy ", "escape")
        await pilot.pause()
        edited = "Hoy " + FORBIDDEN
        assert app.session.unit(second).target == edited
        await pilot.press("f8")
        await pilot.pause()
        panel = app.query_one(IssuesPanel)
        assert panel.current is not None and panel.current.check == "term-forbidden"
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmPreview)
        # Said where the translator decides, and the preview lists only what is fixed.
        assert "; 1 changed since the check, left out" in app.screen.title_text
        assert [row[0] for row in app.screen.rows] == [first, third]
        await pilot.press("y")
        await settle(app, pilot)
        assert app.session.unit(first).target == FIXED
        assert app.session.unit(third).target == FIXED
        assert app.session.unit(second).target == edited
        fixed = [message for message in toasts(app) if message.startswith("Fixed ")]
        # Old code: "Fixed 2 segment(s); undo with Ctrl+Z.", of three listed.
        assert fixed and fixed[-1] == (
            "Fixed 2 segment(s); 1 changed since the check, left out "
            "(fix them once the check has rerun); undo with Ctrl+Z."
        ), toasts(app)
