"""The keys a dialog's help line, a message or the glossary panel names are the user's:
the dialogs said "Escape: cancel" and the issues panel "undo with ctrl+z" whatever
keymap.toml said; and in the glossary's search field, at 80x24, nothing said how to reach
the terms nor that ``a`` adds a term and ``s`` sets a status there."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.worker import WorkerCancelled

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import AddTerm, AskText
from termwise.tui.panels import IssuesPanel

SIZE = (160, 45)
SMALL = (80, 24)


def app_of(
    layout: ProjectLayout, paper: Path, keymap: dict[str, str] | None = None, **options: float
) -> ReviewApp:
    session = ReviewSession(layout, paper, "es")
    settings = {"autosave_delay": 60.0, "check_delay": 60.0, **options}
    return ReviewApp(session, keymap=keymap, auto_mt=False, **settings)  # type: ignore[arg-type]


def help_line(app: ReviewApp) -> str:
    return " ".join(str(label.render()) for label in app.screen.query(".dialog-help"))


async def settle(app: ReviewApp, pilot: Pilot[None]) -> None:
    for _ in range(2):
        await pilot.pause(0.2)
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
    await pilot.pause()


def messages(app: ReviewApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_dialogs_name_the_cancel_key_as_the_keymap_has_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    for keymap, cancel in (({}, "Escape: cancel"), ({"dialog.cancel": "ctrl+b"}, "Ctrl+B: cancel")):
        app = app_of(review_project, paper, keymap)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")  # a note: a line of text
            await pilot.pause()
            assert isinstance(app.screen, AskText)
            assert help_line(app) == f"Enter: OK   {cancel}"
            await pilot.press(*(keymap.get("dialog.cancel", "escape"),))
            await pilot.pause()
            assert app.screen is app.main
            await pilot.press("f9", "down", "a")  # the glossary: add a term
            await pilot.pause()
            assert isinstance(app.screen, AddTerm)
            assert help_line(app) == f"Enter in the last field: add   {cancel}"


async def test_a_fix_says_the_undo_key_as_the_keymap_has_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    keymap = {"review.undo": "f11", "issues.fix": "f"}
    app = app_of(review_project, paper, keymap, check_delay=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"la comunidad de destino de la humanidad", "escape")
        await settle(app, pilot)
        await pilot.press("f8")
        panel = app.query_one(IssuesPanel)
        for _ in range(200):
            if panel.current is not None and panel.current.check == "term-forbidden":
                break
            await pilot.press("up")
        assert panel.current is not None and panel.current.check == "term-forbidden"
        await settle(app, pilot)
        assert "[f: fix]" in str(panel.query_one("#issue-detail").render())
        await pilot.press("f")
        await settle(app, pilot)
        assert any(m.endswith("undo with F11.") for m in messages(app)), messages(app)
        assert not any("ctrl+z" in m for m in messages(app))


async def test_a_fix_names_ctrl_z_as_a_key_by_default(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = app_of(review_project, paper, check_delay=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"la comunidad de destino de la humanidad", "escape")
        await settle(app, pilot)
        forbidden = next(i for i in app.session.issues if i.check == "term-forbidden")
        app.query_one(IssuesPanel)._apply_fix(app.session.plan_fix(forbidden))
        await pilot.pause()
        assert any(m.endswith("undo with Ctrl+Z.") for m in messages(app)), messages(app)


async def test_the_glossary_search_says_how_to_reach_the_terms_and_their_keys(
    review_project: ProjectLayout, paper: Path
) -> None:
    for keymap, said in (
        ({}, ["Down: to the terms", "a: add a term", "s: its status"]),
        (
            {"glossary.add": "plus", "glossary.status": "ctrl+k", "glossary.to_terms": "tab"},
            ["Tab: to the terms", "Plus: add a term", "Ctrl+K: its status"],
        ),
    ):
        app = app_of(review_project, paper, keymap)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("f9")
            await pilot.pause(0.2)
            assert app.focused is not None and app.focused.id == "glossary-search"
            keys = app.screen.query_one("#glossary-keys")
            shown = str(keys.render())
            for words in said:
                assert words in shown
            # Whole on the screen, wrapped in the narrow panel rather than cut.
            assert keys.region.height >= 2 and keys.region.height * keys.region.width >= len(shown)
            assert app.screen.region.contains_region(keys.region)
            # The footer names the key that goes to the terms, where the keys work.
            footer = [key.description for key in app.screen.query_one(Footer).query(FooterKey)]
            assert "Terms" in footer
            await pilot.press(keymap.get("glossary.to_terms", "down"))
            await pilot.pause()
            assert app.focused is not None and app.focused.id == "glossary-terms"
            footer = [key.description for key in app.screen.query_one(Footer).query(FooterKey)]
            assert footer[:2] == ["Add term", "Term status"]


async def test_messages_name_the_translate_key_as_the_keymap_has_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = app_of(review_project, paper, {"review.translate": "f5"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")  # no MT yet
        await pilot.pause()
        assert any("(F5 translates)" in m for m in messages(app)), messages(app)


async def test_the_candidates_view_names_its_keys_as_the_keymap_has_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = app_of(review_project, paper, {"candidates.extract": "g"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        help_text = str(app.screen.query_one("#candidates-help").render())
        assert help_text == "g: find candidates in this document"
