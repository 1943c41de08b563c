"""Adding a term from the glossary panel (F9, `a`) offers the concept of the term the
translator is on, not the current segment's: Enter through the fields filed the new term
under the segment's concept (T01) while the list showed T25's terms."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import AddTerm

from .pilot import SIZE, make_app, settle


async def test_a_new_term_goes_to_the_highlighted_terms_concept(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # The first segment speaks of T01 (the Concepts panel's concept).
        assert app.workbench.concept_panel.selected is not None
        assert app.workbench.concept_panel.selected.id == "T01"
        await pilot.press("f9", *"big country", "down")
        panel = app.workbench.glossary_panel
        assert panel.current is not None and panel.current[0].id == "T25"
        await pilot.press("a")
        assert isinstance(app.screen, AddTerm)
        assert app.screen.query_one("#term-concept", Input).value == "T25"
        # Enter through the fields, as the walk-through did: the term is T25's.
        await pilot.press(*"gran país responsable", "enter", "enter", "enter", "enter")
        await settle(app, pilot)
    glossary = load_glossary(review_project.glossary_dir)
    assert "gran país responsable" in {t.text for t in glossary.concept("T25").terms("es")}
    assert "gran país responsable" not in {t.text for t in glossary.concept("T01").terms("es")}


async def test_with_no_term_highlighted_the_segments_concept_is_offered(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f9", *"no such term anywhere", "down")
        panel = app.workbench.glossary_panel
        assert panel.entries == [] and panel.current is None
        await pilot.press("a")
        assert isinstance(app.screen, AddTerm)
        assert app.screen.query_one("#term-concept", Input).value == "T01"


async def test_unsearched_and_unmoved_the_segments_concept_is_offered(
    review_project: ProjectLayout, paper: Path
) -> None:
    # An audit: the list highlights its first term by itself, and that term's concept (the
    # glossary's first) was offered for every segment.
    first = load_glossary(review_project.glossary_dir).concepts[0].id
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for _ in range(40):
            selected = app.workbench.concept_panel.selected
            if selected is not None and selected.id != first:
                break
            await pilot.press("down")
            await settle(app, pilot)
        selected = app.workbench.concept_panel.selected
        assert selected is not None and selected.id != first
        await pilot.press("f9", "down")
        panel = app.workbench.glossary_panel
        assert panel.current is not None and panel.current[0].id == first
        await pilot.press("a")
        assert isinstance(app.screen, AddTerm)
        assert app.screen.query_one("#term-concept", Input).value == selected.id
        await pilot.press("escape")
        # Moved to a term on purpose: its concept.
        await pilot.press("down")
        assert panel.current is not None
        moved_to = panel.current[0].id
        await pilot.press("a")
        assert isinstance(app.screen, AddTerm)
        assert app.screen.query_one("#term-concept", Input).value == moved_to
