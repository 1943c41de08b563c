"""The workbench uses the project's chosen rendering (``[mt.terms]`` in termwise.toml):
Ctrl+G put the glossary's preferred term in, which the checks then reported, and the fixes
rewrote, as inconsistent with what MT wrote; the Concepts panel listed the preferred one."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary import Term, TermStatus, load_glossary, save_glossary
from termwise.project.layout import ProjectLayout

from .pilot import SIZE, make_app, settle

CHOSEN = "comunidad global de futuro compartido"


def choose_admitted_rendering(layout: ProjectLayout) -> None:
    """The project glossary gains an admitted Spanish T01 that termwise.toml chooses."""
    path = layout.root / "glossary" / "paper.tbx"
    glossary = load_glossary(path)
    glossary.concept("T01").add(Term(CHOSEN, "es", TermStatus.ADMITTED))
    save_glossary(glossary, path)
    (layout.root / "termwise.toml").write_text(
        f'[mt]\nengine = "apertium"\n\n[mt.terms]\nT01 = "{CHOSEN}"\n', encoding="utf-8"
    )


async def test_ctrl_g_and_the_concepts_panel_use_the_projects_choice(
    review_project: ProjectLayout, paper: Path
) -> None:
    choose_admitted_rendering(review_project)
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        listed = app.query_one("#concept-list")
        assert f"T01  {CHOSEN}" in str(listed.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        details = str(app.query_one("#concept-details").render())
        chosen_line = next(line for line in details.splitlines() if CHOSEN in line)
        assert "admitted" in chosen_line and "the project's choice" in chosen_line
        assert "the project's choice" not in details.replace(chosen_line, "")
        await pilot.press("enter", *"La ", "ctrl+g")
        assert app.editor.text == f"La {CHOSEN}"


async def test_ctrl_g_from_the_grid_goes_after_the_draft(
    review_project: ProjectLayout, paper: Path
) -> None:
    # From the grid the term went in at the start of the draft the editor had just loaded:
    # "comunidad … La construcción de China".
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", *"La construcción de la", "escape", "down", "up")
        await settle(app, pilot)
        assert app.grid.has_focus and app.editor.text == "La construcción de la"
        await pilot.press("ctrl+g")
        assert app.editor.text == (
            "La construcción de la comunidad de futuro compartido de la humanidad"
        )
        assert app.editor.has_focus
