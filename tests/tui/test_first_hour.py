"""What a new user tripped over in the workbench (issue #18), each driven by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Static, Tree
from textual.widgets._footer import FooterKey

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import AskText, Choose, ConfirmPreview

from .pilot import SIZE, make_app, settle

# --- Ctrl+Q quits from every screen and dialog, saving what was typed --------------------


@pytest.mark.parametrize(
    ("key", "dialog"),
    [("ctrl+o", AskText), ("ctrl+f", AskText), ("ctrl+l", Choose), ("ctrl+p", CommandPalette)],
    ids=["note", "search", "filter", "palette"],
)
async def test_quit_works_while_a_dialog_is_open_and_saves(
    review_project: ProjectLayout, paper: Path, key: str, dialog: type
) -> None:
    app = make_app(review_project, paper, autosave_delay=60.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"antes de salir", key)
        await pilot.pause()
        assert isinstance(app.screen, dialog)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0
    segment_id = app.session.rows[0].segment_id
    assert TranslationFile.load(app.session.translation_path).units[segment_id].target == (
        "antes de salir"
    )


async def test_quit_works_from_the_first_dialog_offline(
    review_project: ProjectLayout, paper: Path
) -> None:
    # No model for en → zh: the workbench opens with "No machine translation installed".
    app = make_app(review_project, paper, lang="zh", auto_mt=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, Choose)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


# --- The issues panel: worst first, whole entries, a key from error to error -------------


async def test_issues_panel_lists_errors_first_shows_entries_whole_and_goes_error_to_error(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        rows = app.session.rows
        # Two number errors far down the document, among 100 untranslated warnings.
        for index, text in ((40, "En 1999 todo cambió."), (70, "Son 3 países.")):
            app.session.set_target(rows[index].segment_id, text)
        app.session.set_target(rows[5].segment_id, "Un texto  con doble espacio.")
        app.action_recheck()
        await settle(app, pilot)
        await pilot.press("f8")
        await settle(app, pilot)
        panel = app.workbench.issues_panel
        tree = panel.query_one("#issues-tree", Tree)
        groups = [str(node.label) for node in tree.root.children]
        severities = [label.rsplit(" ", 1)[1] for label in groups]
        assert groups[0].startswith("numbers (2)")
        assert severities == sorted(severities, key=["error", "warning", "info"].index)
        assert [label.split(" (")[0] for label in groups if label.endswith("warning")] == sorted(
            label.split(" (")[0] for label in groups if label.endswith("warning")
        )

        # The entry whole, however narrow the panel: the tree's line is cut, this is not.
        current = panel.current
        assert current is not None and current.suggestion  # the first segment's variant
        line = tree.cursor_node.label.plain  # type: ignore[union-attr]
        assert len(line) > panel.size.width
        detail = str(panel.query_one("#issue-detail", Static).render()).replace("\n", " ")
        for part in (current.text, current.suggestion, current.message):
            assert part in detail

        # issues.next_error: to the first error, its segment, then the next, then round.
        visited = []
        for _ in range(3):
            await pilot.press("e")
            await pilot.pause()
            assert panel.current is not None and panel.current.severity.value == "error"
            visited.append(app.grid.cursor)
        assert visited == [40, 70, 40]
        assert app.focused is tree  # the translator stays in the list


# --- The editor shows that it has focus --------------------------------------------------


def footer_keys(app: ReviewApp) -> dict[str, str]:
    """What the footer offers: description → key."""
    return {key.description: key.key for key in app.main.query(FooterKey)}


async def test_the_editor_shows_it_has_focus(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        editor = app.editor
        assert footer_keys(app)["Edit"] == "enter"
        assert "Back to grid" not in footer_keys(app)
        unfocused_border = editor.styles.border_top[0]

        await pilot.press("enter")
        await pilot.pause()
        assert editor.has_focus
        # A cursor that stays, a border with a title, and the editor's keys in the footer.
        assert not editor.cursor_blink
        assert editor.styles.border_top[0] not in ("", "none", "blank", unfocused_border)
        assert editor.border_title == "Editing"
        keys = footer_keys(app)
        assert keys["Next segment"] == "enter"
        assert keys["Back to grid"] == "escape"
        assert keys["Select all"] == "ctrl+a"
        assert "Edit" not in keys
        assert keys["Reviewed"] == "ctrl+r"  # the workbench's keys still work from here

        # Enter still moves on to the next segment, Escape still goes back.
        await pilot.press(*"hola", "enter")
        await pilot.pause()
        assert app.grid.cursor == 1 and editor.has_focus
        assert app.session.rows[0].target == "hola"
        await pilot.press("escape")
        await pilot.pause()
        assert app.grid.has_focus
        assert editor.border_title is None
        assert footer_keys(app)["Edit"] == "enter"


async def test_the_editors_keys_can_be_remapped(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper, keymap={"editor.next_segment": "ctrl+j"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"uno", "ctrl+j")
        await pilot.pause()
        assert app.grid.cursor == 1
        assert app.session.rows[0].target == "uno"
        assert footer_keys(app)["Next segment"] == "ctrl+j"


# --- A fix to the source asks first, says where the backup is, and reopens the review ----


async def test_a_source_fix_asks_first_names_file_and_backup_and_reopens_the_review(
    review_project: ProjectLayout, paper: Path
) -> None:
    original = paper.read_text(encoding="utf-8")
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Resumen revisado", "ctrl+r", "escape")
        await settle(app, pilot)
        assert app.grid.rows[0].state == "reviewed"
        await pilot.press("f8")  # the panel opens on the first segment's source variant
        await settle(app, pilot)
        panel = app.workbench.issues_panel
        assert panel.current is not None and panel.current.side == "source"

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmPreview)
        assert str(paper) in app.screen.title_text
        assert f"{paper}~" in app.screen.title_text
        await pilot.press("n")
        await settle(app, pilot)
        assert paper.read_text(encoding="utf-8") == original  # nothing written

        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert paper.read_text(encoding="utf-8") != original
        assert Path(f"{paper}~").read_text(encoding="utf-8") == original
        notice = [n for n in app._notifications if n.title == "Source file changed"]
        assert notice
        assert str(paper) in notice[-1].message and f"{paper}~" in notice[-1].message
        assert "1 reviewed translation(s) need review again" in notice[-1].message
        assert app.grid.rows[0].state == "edited"

        await pilot.press("escape", "ctrl+z")
        await settle(app, pilot)
        assert paper.read_text(encoding="utf-8") == original
        assert app.grid.rows[0].state == "reviewed"
