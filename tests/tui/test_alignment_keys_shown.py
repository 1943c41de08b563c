"""The alignment review's keys where a translator looks: in the footer while an aligned
translation is open (F7, Alt+Up/Down, F3, F4 were hidden there, so nobody found them), near
the top of the keys list (F1), and as the keymap has them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.keys_screen import KeysScreen

from .pilot import settle

SIZE = (160, 40)
ALIGNMENT = ("Confirm group", "1st sentence up", "Last sentence down", "Join next", "Split")


def _align(layout: ProjectLayout, paper: Path) -> None:
    document = load_source(layout, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    write_project(
        layout, paper, document, targets, [Bead((k,), (k,), 0.95) for k in range(count)], "es"
    )


def footer_shown(app: ReviewApp) -> dict[str, str]:
    """What the footer offers on screen (description → key), past its edge left out."""
    width = app.size.width
    return {
        key.description: key.key
        for key in app.main.query(FooterKey)
        if key.region.width and key.region.right <= width
    }


async def test_the_footer_shows_the_alignment_keys_of_an_aligned_translation(
    review_project: ProjectLayout, paper: Path
) -> None:
    _align(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False, keymap={"align.confirm": "f5"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = footer_shown(app)
        for description in ALIGNMENT:
            assert description in shown, shown
        # Remapped in keymap.toml: shown under its new key.
        assert shown["Confirm group"] == "f5"
        assert shown["1st sentence up"] == "alt+up"
        # In the editor too.
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Confirm group" in footer_shown(app)
        await pilot.press("escape", "f1")
        await settle(app, pilot)
        assert isinstance(app.screen, KeysScreen)
        # On the keys list's first screen, without scrolling to its foot.
        first_screen = app.export_screenshot().replace("&#160;", " ")
        for description in ALIGNMENT:
            assert description in first_screen


async def test_a_translation_made_here_keeps_its_footer(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = footer_shown(app)
        assert "Edit" in shown and "Accept MT" in shown
        assert "Confirm group" not in shown and "1st sentence up" not in shown
