"""Found in an audit of the workbench: the fix preview's question below the screen's edge at
80x24, Enter in the issues panel that seemed to do nothing, F9 focusing a list that ignored
typing, and Ctrl+A in the search field that went to the line's start; and find next."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import AskText, ConfirmPreview

LONG = (
    "Abstract: China's construction of the community of human destiny has evolved from "
    "concept to program and from thought to action, and from thought to action again."
)


def make_app(layout: ProjectLayout, paper: Path, **options: object) -> ReviewApp:
    session = ReviewSession(layout, paper, "es")
    return ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60, **options)  # type: ignore[arg-type]


async def test_the_fix_preview_keeps_its_question_on_screen_at_80x24(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    rows = [(f"segment{n}", LONG, LONG.replace("human destiny", "shared future")) for n in range(8)]
    title = (
        "Replace 5 forms of T01 by the official renderings in the source file paper.txt (the "
        "file as it is now is kept as paper.txt~); 2 left to edit by hand: 'community "
        "consciousness of human destiny', 'destiny communities'"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        answers: list[bool] = []
        app.push_screen(ConfirmPreview(title, rows), answers.append)
        await pilot.pause()
        await pilot.pause()
        question = app.screen.query_one(".dialog-help", Label)
        region = question.region
        shown = str(question.render())
        await pilot.press("n")
        await pilot.pause()

    assert region.y + region.height <= 23, region  # above the screen's last line
    assert "8 segment(s).  y: apply   n: cancel" in shown
    assert answers == [False]


async def test_enter_on_an_issue_goes_to_its_segment_and_focuses_the_grid(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = ReviewApp(
        ReviewSession(review_project, paper, "es"),
        auto_mt=False,
        autosave_delay=60,
        check_delay=0.01,
    )
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(10):
            await pilot.pause(0.1)
            if app.session.issues:
                break
        await pilot.press("f8")
        await pilot.pause(0.2)
        panel = app.workbench.issues_panel
        assert app.focused is not None and app.focused.id == "issues-tree"
        # An issue of a segment away from the cursor.
        issue = next(i for i in app.session.issues if app.session.row_index[i.segment_id] > 3)
        node = panel._reveal(issue)
        assert node is not None
        panel._move_cursor(panel.query_one("#issues-tree"), node)  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        on_grid = app.focused is app.grid
        current = app.workbench.current_id

    assert current == issue.segment_id
    assert on_grid


async def test_f9_puts_typing_into_the_glossary_search(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f9", *"mentality")
        panel = app.workbench.glossary_panel
        search = panel.query_one("#glossary-search", Input).value
        found = {concept.id for concept, _ in panel.entries}
        await pilot.press("down")
        focused = app.focused

    assert search == "mentality" and found == {"T19"}
    assert focused is not None and focused.id == "glossary-terms"


async def test_ctrl_a_selects_the_search_and_find_next_goes_on(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("ctrl+f", *"destiny", "enter")
        await pilot.pause()
        first = app.grid.cursor
        hits = app.session.search("destiny", app.grid.rows)
        await pilot.press("alt+n")
        await pilot.pause()
        second = app.grid.cursor
        # The search field comes back with the last query: Ctrl+A and typing replace it.
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, AskText)
        await pilot.press("end", "ctrl+a", *"global village")
        typed = app.screen.typed()
        await pilot.press("escape")

    assert len(hits) > 2
    assert first == hits[1] and second == hits[2]  # after the cursor, on #1
    assert typed == "global village"
