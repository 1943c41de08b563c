"""Pilot tests: each interaction of the review workbench, driven by keys as a user would."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polib
import pytest
from textual.widgets import ProgressBar

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession
from termwise.tui.dialogs import AskText, Choose, ConfirmPreview
from termwise.tui.panels import IssuesPanel

from .pilot import SIZE, make_app, saved, settle
from .test_e2e_tmux import wrapped


async def test_opens_with_saved_translations_in_the_grid(
    review_project: ProjectLayout, paper: Path
) -> None:
    first = ReviewSession(review_project, paper, "es")
    first_id = first.rows[3].segment_id
    first.set_target(first_id, "Traducción guardada.")
    first.save()
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        grid = app.grid
        assert grid.rows[3].target == "Traducción guardada."
        assert grid.rows[3].state == "edited"
        rendered = "\n".join(grid.render_line(y).text for y in range(grid.size.height))
        assert "Traducción guardada." in rendered
        assert "Spanish" in rendered and "English" in rendered  # Babel's names


async def test_typing_edits_the_translation_and_autosaves(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        assert app.editor.has_focus
        await pilot.press(*"Desde la esencia")
        await settle(app, pilot)
        segment_id = app.grid.rows[1].segment_id
        assert app.grid.rows[1].target == "Desde la esencia"
        unit = saved(app).units[segment_id]
        assert unit.target == "Desde la esencia"
        assert unit.state.value == "edited"
        # Select all (editor.select_all), then typing replaces the whole draft.
        await pilot.press("end", "ctrl+a", *"Otra")
        await settle(app, pilot)
        assert app.grid.rows[1].target == "Otra"
        # Enter moves on to the next segment and keeps the editor for it.
        await pilot.press("enter")
        assert app.grid.cursor == 2
        assert app.editor.text == ""


async def test_accept_mt_and_mark_reviewed_with_apertium(
    review_project: ProjectLayout, paper: Path
) -> None:
    # No Argos package is installed (isolated packages folder): the best engine for
    # en → es is then Apertium, which is installed on this machine.
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        row = app.grid.rows[0]
        assert row.mt and row.state == "mt"  # MT fills new segments
        assert row.target == row.mt
        await pilot.press("down", "enter", *"xyz", "escape", "ctrl+t")
        assert app.grid.rows[1].target == app.grid.rows[1].mt
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        unit = saved(app).units[app.grid.rows[1].segment_id]
        assert unit.state.value == "reviewed"
        assert unit.mt_engine == "apertium"
        entry = next(
            e
            for e in polib.pofile(str(app.session.translation_path))
            if e.msgctxt == unit.segment_id
        )
        assert "fuzzy" not in entry.flags and entry.msgstr == unit.target


async def test_undo_and_redo(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"uno", "escape")
        await pilot.press("down", "enter", *"dos", "escape")
        rows = app.grid.rows
        assert (rows[0].target, rows[1].target) == ("uno", "dos")
        await pilot.press("ctrl+z")
        assert rows[1].target == "" and rows[1].state == "new"
        assert rows[0].target == "uno"
        await pilot.press("ctrl+z")
        assert rows[0].target == ""
        await pilot.press("ctrl+y", "ctrl+y")
        assert (rows[0].target, rows[1].target) == ("uno", "dos")
        assert app.editor.text == "dos"


async def test_note_is_saved_as_translator_comment(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, AskText)
        await pilot.press(*"check with editor", "enter")
        await settle(app, pilot)
        segment_id = app.grid.rows[0].segment_id
        assert saved(app).units[segment_id].notes == "check with editor"
        entry = next(
            e for e in polib.pofile(str(app.session.translation_path)) if e.msgctxt == segment_id
        )
        assert entry.tcomment == "check with editor"


async def test_a_note_being_typed_is_kept_when_quitting(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Ctrl+Q quits from any dialog; from the note dialog it dropped what was typed there.
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        segment_id = app.grid.rows[0].segment_id
        await pilot.press("ctrl+o", *"ask the author", "ctrl+q")
        await pilot.pause()
    assert saved(app).units[segment_id].notes == "ask the author"


async def test_join_and_split_keep_the_first_id(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        rows = app.grid.rows
        count = len(rows)
        first_id, second_id = rows[1].segment_id, rows[2].segment_id
        second_source = rows[2].source
        await pilot.press("down", "enter", *"uno", "escape", "down", "enter", *"dos", "escape")
        await pilot.press("up", "f3")
        await settle(app, pilot)
        rows = app.grid.rows
        assert len(rows) == count - 1
        assert rows[1].segment_id == first_id
        assert rows[1].source.endswith(second_source)
        assert rows[1].target == "uno dos"
        assert second_id not in saved(app).units
        # Reopening applies the join from translations/<stem>.segmentation.json.
        reopened = ReviewSession(review_project, paper, "es")
        assert reopened.rows[1].segment_id == first_id
        assert reopened.rows[1].target == "uno dos"
        _commands_see_the_join(review_project, paper, first_id, second_id, second_source)
        # Split it again where the sentences meet.
        await pilot.press("f4")
        assert isinstance(app.screen, Choose)
        await pilot.press("enter")
        await settle(app, pilot)
        rows = app.grid.rows
        assert len(rows) == count
        assert rows[1].segment_id == first_id
        assert rows[2].source == second_source
        # Each segment has its own translation again (the second's was kept aside).
        assert (rows[1].target, rows[2].target) == ("uno", "dos")
        assert rows[2].segment_id == second_id


def _commands_see_the_join(
    layout: ProjectLayout, paper: Path, first_id: str, second_id: str, second_source: str
) -> None:
    """The command line reads the document as the workbench left it, joins included."""
    import json

    from click.testing import CliRunner

    from termwise.cli import cli

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--project", str(layout.root), *args])
        assert result.exit_code in (0, 1), result.output
        return result.stdout

    edition = layout.root / "edition.tsv"
    run(
        "export",
        str(paper),
        "--to",
        "es",
        "--include-unreviewed",
        "-o",
        str(edition),
        "--format",
        "csv",
    )
    lines = edition.read_text(encoding="utf-8")
    assert "uno dos" in lines and second_id not in lines
    segments = json.loads(run("segments", str(paper), "--format", "json"))
    joined = next(s for s in segments if s["id"] == first_id)
    assert joined["text"].endswith(second_source)
    assert second_id not in {s["id"] for s in segments}
    issues = json.loads(run("check", str(paper), "--to", "es", "--format", "json"))
    assert issues and first_id in {issue["segment"] for issue in issues}
    assert second_id not in {issue["segment"] for issue in issues}
    # Machine translation into the project keeps the joined unit and its translation.
    run("translate", str(paper), "--to", "es", "--engine", "apertium")
    after = TranslationFile.load(layout.translations_dir / f"{paper.stem}.es.po")
    assert after.units[first_id].target == "uno dos"
    assert after.units[first_id].source.endswith(second_source)
    assert second_id not in after.units


async def test_search_and_filters(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *"global village", "enter")
        row = app.grid.current
        assert row is not None and "global village" in row.source.lower()
        await pilot.press("enter", *"aldea", "escape")
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, Choose)
        await pilot.press("down", "enter")  # untranslated
        assert all(not r.target for r in app.grid.rows)
        assert len(app.grid.rows) == len(app.session.rows) - 1
        # A concept filter: rows whose source uses T25 (responsible big country).
        await pilot.press("ctrl+l", "end", "enter")
        await pilot.press(*"T25", "enter")
        assert app.grid.rows and all(
            any(m.concept == "T25" for m in r.source_marks) for r in app.grid.rows
        )
        await pilot.press("ctrl+l", "enter")  # all
        assert len(app.grid.rows) == len(app.session.rows)


async def test_command_palette_runs_termwise_commands(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"hecho", "escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"mark reviewed")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.grid.rows[0].state == "reviewed"


async def test_glossary_terms_are_highlighted_by_status(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        row = app.grid.rows[0]
        marks = {(row.source[m.start : m.end], m.kind) for m in row.source_marks}
        assert ("community of human destiny", "deprecated") in marks
        # The grid draws the deprecated term in the warning style, the rest plainly.
        strips = app.grid._row_strips(0)
        styled = [
            (seg.text, seg.style)
            for strip in strips
            for seg in strip
            if seg.text.strip() and "destiny" in seg.text
        ]
        deprecated = app.grid._style("deprecated")
        assert any(style is not None and style.color == deprecated.color for _, style in styled)
        # An official rendering typed into the target is marked official.
        await pilot.press("enter", *"la comunidad de futuro compartido de la humanidad", "escape")
        target_marks = app.grid.rows[0].target_marks
        assert [m.kind for m in target_marks] == ["official"]


async def test_concept_panel_and_insert_official_rendering(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = app.query_one("#concept-panel")
        assert panel.selected is not None and panel.selected.id == "T01"  # type: ignore[attr-defined]
        details = str(app.query_one("#concept-details").render())
        assert "community with a shared future for mankind" in details
        assert "19th CPC report" in details  # the rendering's source
        assert "community of human destiny" in details  # a variant
        await pilot.press("enter", *"La ", "ctrl+g")
        assert app.editor.text == "La comunidad de futuro compartido de la humanidad"


async def test_insert_official_rendering_replaces_the_selection_and_spaces_after_a_stop(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Ctrl+G put the term after the selected wrong rendering, and ran it into a full stop.
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", *"Es la comunidad de destino hoy.")
        await pilot.press("home", *["right"] * 6, *["shift+right"] * 20, "ctrl+g")
        assert app.editor.text == "Es la comunidad de futuro compartido de la humanidad hoy."
        await pilot.press("end", "ctrl+g")
        assert app.editor.text.endswith("hoy. comunidad de futuro compartido de la humanidad")


async def test_issues_panel_jump_and_fix_in_target(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"la comunidad de destino de la humanidad", "escape")
        await settle(app, pilot)
        forbidden = [i for i in app.session.issues if i.check == "term-forbidden"]
        assert forbidden and forbidden[0].fix is not None
        await pilot.press("end")  # move away so that the jump is visible
        await pilot.press("f8")
        panel = app.query_one(IssuesPanel)
        tree = panel.query_one("#issues-tree")
        assert tree.has_focus
        # Walk the tree up to the term-forbidden issue (errors come first), jump to it, fix it.
        for _ in range(200):
            if panel.current is not None and panel.current.check == "term-forbidden":
                break
            await pilot.press("up")
        assert panel.current is not None and panel.current.check == "term-forbidden"
        await pilot.press("enter")
        assert app.grid.cursor == 0
        # Enter goes to the segment to work on it: the grid has the focus.
        assert app.focused is app.grid
        app.set_focus(tree)
        await pilot.pause()
        await pilot.press("x")
        await settle(app, pilot)
        assert app.grid.rows[0].target == "la comunidad de futuro compartido de la humanidad"
        assert not [i for i in app.session.issues if i.check == "term-forbidden"]
        # The detail shows the issue now under the cursor, not the one just fixed.
        detail = str(panel.query_one("#issue-detail").render())
        assert "term-forbidden" not in detail
        current = panel.current
        assert current is None or current.check in detail
        assert (
            saved(app)
            .units[app.grid.rows[0].segment_id]
            .target.startswith("la comunidad de futuro")
        )
        await pilot.press("ctrl+z")
        assert app.grid.rows[0].target == "la comunidad de destino de la humanidad"


async def test_fix_all_variants_of_a_concept_with_one_key(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        variant = next(i for i in app.session.issues if i.text == "human destiny community")
        app.jump_to(variant.segment_id)
        await pilot.press("f8")
        await pilot.pause()
        panel = app.query_one(IssuesPanel)
        assert panel.current is not None and panel.current.concept == variant.concept
        forms = {
            i.text
            for i in app.session.issues
            if (i.check, i.side, i.concept) == (variant.check, "source", variant.concept)
        }
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmPreview)
        assert f"{len(forms)} forms of {variant.concept}" in app.screen.title_text
        await pilot.press("y")
        await settle(app, pilot)
        text = paper.read_text(encoding="utf-8")
        for form in forms:
            assert form not in text
        assert not [i for i in app.session.issues if i.concept == variant.concept and i.fix]


async def test_issues_panel_opens_on_the_segments_issue_and_pages_long_groups(
    review_project: ProjectLayout, paper: Path
) -> None:
    from termwise.tui.panels import ISSUES_PER_PAGE, IssuePage

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "f8")
        await pilot.pause()
        panel = app.query_one(IssuesPanel)
        assert panel.current is not None
        assert panel.current.segment_id == app.grid.rows[2].segment_id
        # A book's worth of issues in one group: shown a page at a time.
        many = [
            replace(app.session.issues[0], segment_id=row.segment_id, start=n, concept=None)
            for n, row in enumerate(app.grid.rows * 5)
        ]
        panel.show(many, app.session.row_index)
        tree = panel.query_one("#issues-tree")
        leaves = [node for node in tree.root.children[0].children if node.data is not None]
        assert len(leaves) == ISSUES_PER_PAGE + 1
        more = leaves[-1]
        assert isinstance(more.data, IssuePage) and "more" in str(more.label)
        tree.select_node(more)
        await pilot.pause()
        shown = [n for n in tree.root.children[0].children if not isinstance(n.data, IssuePage)]
        assert len(shown) == min(len(many), 2 * ISSUES_PER_PAGE)
        # The last segment's issue is beyond the pages shown: selecting it adds pages.
        assert panel.select_issue_of(app.grid.rows[-1].segment_id)
        await pilot.pause()
        assert panel.current is not None
        assert panel.current.segment_id == app.grid.rows[-1].segment_id


async def test_fix_source_variant_everywhere_after_preview_and_undo(
    review_project: ProjectLayout, paper: Path
) -> None:
    original = paper.read_text(encoding="utf-8")
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Resumen revisado", "ctrl+r", "escape")
        await settle(app, pilot)
        ids_before = [row.segment_id for row in app.session.rows]
        variant = next(
            i
            for i in app.session.issues
            if i.check == "source-variant" and i.text == "community of human destiny"
        )
        count = sum(
            1
            for i in app.session.issues
            if i.check == "source-variant" and i.text == "community of human destiny"
        )
        app.post_message(IssuesPanel.Fix(variant, "everywhere"))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmPreview)
        assert len(app.screen.rows) == len(
            {
                i.segment_id
                for i in app.session.issues
                if i.check == "source-variant" and i.text == "community of human destiny"
            }
        )
        await pilot.press("y")
        await settle(app, pilot)
        text = paper.read_text(encoding="utf-8")
        # Where the file wraps a variant, the replacement keeps the line break.
        assert len(wrapped("community with a shared future for mankind").findall(text)) >= count
        assert not wrapped("community of human destiny").search(text)
        assert paper.with_name(paper.name + "~").read_text(encoding="utf-8") == original
        # Every segment kept its id, and the first its translation: no longer reviewed,
        # since it was reviewed for other words (issue #18), the old source kept.
        assert [row.segment_id for row in app.session.rows] == ids_before
        first = saved(app).units[ids_before[0]]
        assert first.target == "Resumen revisado" and first.state.value == "edited"
        assert "community with a shared future for mankind" in first.source
        assert first.previous_source and "community of human destiny" in first.previous_source
        # A fresh session reads the edited file and finds the same ids.
        again = ReviewSession(review_project, paper, "es")
        assert [row.segment_id for row in again.rows] == ids_before
        await pilot.press("escape", "ctrl+z")
        await settle(app, pilot)
        assert paper.read_text(encoding="utf-8") == original


async def test_ignore_an_issue_with_a_reason(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        issue = next(i for i in app.session.issues if i.check == "source-variant")
        app.post_message(IssuesPanel.Ignore(issue))
        await pilot.pause()
        await pilot.press(*"quoted title", "enter")
        await settle(app, pilot)
        assert app.session.ignores.is_ignored(issue, "es")
        stored = app.session.ignores.path.read_text(encoding="utf-8")
        assert "quoted title" in stored
        assert not any(
            i.segment_id == issue.segment_id and i.check == issue.check and i.text == issue.text
            for i in app.session.issues
        )


async def test_ignore_every_issue_like_this_one_at_once(
    review_project: ProjectLayout, paper: Path
) -> None:
    # A word the dictionary lacks was reported 44 times, each to be ignored on its own.
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        issue = next(i for i in app.session.issues if i.text == "community of human destiny")
        alike = app.session.issues_like(issue)
        assert len(alike) > 10
        others = len(app.session.issues) - len(alike)
        await pilot.press("f8")
        await settle(app, pilot)
        panel = app.query_one(IssuesPanel)
        panel.select_issue_of(issue.segment_id)
        await settle(app, pilot)
        assert panel.current is not None and panel.current.text == issue.text
        await pilot.press("I")
        await pilot.pause()
        assert isinstance(app.screen, AskText)
        await pilot.press(*"the paper's own title for it", "enter")
        await settle(app, pilot)
        assert not app.session.issues_like(issue)
        assert len(app.session.issues) == others
        assert all(app.session.ignores.is_ignored(i, "es") for i in alike)


async def test_a_check_is_turned_off_for_the_project_from_the_issues_panel(
    review_project: ProjectLayout, paper: Path
) -> None:
    from termwise.project.settings import load_settings

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        issue = next(i for i in app.session.issues if i.check == "source-variant")
        others = [i for i in app.session.issues if i.check != "source-variant"]
        await pilot.press("f8")
        await settle(app, pilot)
        panel = app.query_one(IssuesPanel)
        panel.select_issue_of(issue.segment_id)
        await settle(app, pilot)
        assert panel.current is not None and panel.current.check == "source-variant"
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        await pilot.press("enter")  # the first option: turn it off
        await settle(app, pilot)
        assert not any(i.check == "source-variant" for i in app.session.issues)
        assert len(app.session.issues) == len(others)
        # A check run later (after an edit) leaves it out too.
        app.session.set_target(app.session.rows[0].segment_id, "Texto nuevo.")
        app.action_recheck()
        await settle(app, pilot)
        assert not any(i.check == "source-variant" for i in app.session.issues)
    config = review_project.config_path
    assert load_settings(config)["checks"]["disable"] == ["source-variant"]
    # The command line reads the same setting.
    again = ReviewSession(review_project, paper, "es")
    assert not again.config.is_enabled("source-variant")


async def test_glossary_panel_search_add_term_and_status(
    review_project: ProjectLayout, paper: Path
) -> None:
    from termwise.glossary import TermStatus, load_glossary

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")  # to the search field
        await pilot.press(*"mentality")
        panel = app.query_one("#glossary-panel")
        assert {c.id for c, _ in panel.entries} == {"T19"}  # type: ignore[attr-defined]
        await pilot.press("tab", "a")
        assert app.screen.__class__.__name__ == "AddTerm"
        await pilot.press(*"mentalidad de Guerra Fría")
        await pilot.press("enter")  # to concept
        await pilot.press("ctrl+u", *"T19", "enter", "enter")  # keep language es
        await pilot.press("ctrl+u", *"admitted", "enter")
        await settle(app, pilot)
        glossary = load_glossary(review_project.glossary_dir)
        added = [
            t for t in glossary.concept("T19").terms("es") if t.text == "mentalidad de Guerra Fría"
        ]
        assert added and added[0].status is TermStatus.ADMITTED
        # Change the status of the highlighted term.
        await pilot.press("s")
        assert isinstance(app.screen, Choose)
        await pilot.press("down", "down", "enter")  # deprecated
        await settle(app, pilot)
        glossary = load_glossary(review_project.glossary_dir)
        statuses = {t.text: t.status for t in glossary.concept("T19").terms()}
        assert TermStatus.DEPRECATED in statuses.values()


async def test_remapped_key_from_keymap_file(
    review_project: ProjectLayout, paper: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from termwise.tui.keymap import load_keymap

    config = tmp_path / "config"
    (config / "termwise").mkdir(parents=True)
    (config / "termwise" / "keymap.toml").write_text('"review.mark_reviewed" = "f11"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    app = make_app(review_project, paper, keymap=load_keymap())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"hecho", "escape", "ctrl+r")
        assert app.grid.rows[0].state == "edited"  # ctrl+r is no longer bound
        await pilot.press("f11")
        assert app.grid.rows[0].state == "reviewed"


async def test_quit_saves_what_was_typed(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper, autosave_delay=60.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"última palabra", "ctrl+q")
        await pilot.pause()
    segment_id = app.session.rows[0].segment_id
    assert TranslationFile.load(app.session.translation_path).units[segment_id].target == (
        "última palabra"
    )


async def test_without_a_model_it_opens_and_offers_an_install_that_gives_up(
    review_project: ProjectLayout, paper: Path
) -> None:
    import time

    app = make_app(review_project, paper, lang="zh", auto_mt=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # It opened: source, glossary highlighting and checks are there.
        assert app.grid.rows[0].source_marks
        assert app.session.issues
        assert isinstance(app.screen, Choose)
        assert "models install en zh" in app.screen.help_text
        started = time.monotonic()
        await pilot.press("up", "enter")  # install: one up from the highlighted "this time"
        await settle(app, pilot)
        assert time.monotonic() - started < 10
        messages = [n.message for n in app._notifications]
        assert any("Model not installed" in m for m in messages)
        assert not app.mt_running


async def test_translate_with_a_real_argos_package(
    review_project: ProjectLayout, paper: Path, installed_argos_package: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        for _ in range(100):
            if not app.mt_running:
                break
            await pilot.pause(0.1)
        rows = app.grid.rows
        assert all(row.mt for row in rows)
        assert rows[0].state == "mt"
        bar = app.main.query_one("#mt-progress", ProgressBar)
        assert (bar.total, bar.progress) == (len(rows), len(rows))
        await settle(app, pilot)
        unit = saved(app).units[rows[0].segment_id]
        assert unit.mt == rows[0].mt and unit.mt_engine == "argos"


async def test_keys_in_a_burst_go_to_the_segment_they_were_typed_in(
    review_project: ProjectLayout, paper: Path
) -> None:
    """A fast typist, a paste or tmux sends keys faster than the editor's change messages
    and the grid's cursor messages are handled: Ctrl+R must mark the text on screen, and
    the keys after a move (Down, Enter in the editor) must go to the next segment."""
    from textual import events

    def burst(*keys: str) -> None:
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first, second, third, fourth = (row.segment_id for row in app.grid.rows[1:5])
        await pilot.press("down", "enter")
        burst(*"Uno", "ctrl+r", "escape", "down", "enter", *"Dos", "enter", *"Tres")
        burst("enter", "ctrl+a", *"Cuatro", "ctrl+r")
        await settle(app, pilot)
        units = app.session.tfile.units
        assert (units[first].target, units[first].state.value) == ("Uno", "reviewed")
        assert (units[second].target, units[third].target) == ("Dos", "Tres")
        assert (units[fourth].target, units[fourth].state.value) == ("Cuatro", "reviewed")
        on_disk = saved(app).units
        assert [on_disk[i].target for i in (first, second, third, fourth)] == [
            "Uno",
            "Dos",
            "Tres",
            "Cuatro",
        ]


async def test_f2_translates_with_the_glossarys_renderings_and_the_dock_says_so(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Apertium alone writes "comunidad de humano destiny" for the paper's main concept.
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        index, row = next(
            (i, r) for i, r in enumerate(app.grid.rows) if "community of human destiny" in r.source
        )
        assert "comunidad de futuro compartido de la humanidad" in row.mt
        app.grid.move_cursor(index)
        await settle(app, pilot)
        dock = str(app.query_one("#dock-label").render())
        assert "glossary: T01 -> comunidad de futuro compartido de la humanidad" in dock
        unit = saved(app).units[row.segment_id]
        assert any(c.startswith("glossary: T01 -> ") for c in unit.comments)


async def test_the_workbench_keys_do_their_work_inside_the_editor(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Textual's TextArea binds F6 (select the line), F7 (select all) and Ctrl+Z (its own
    # undo): in the editor they did that, not what the footer says.
    from textual.widgets import TabbedContent

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Las ideas", "escape", "ctrl+r")
        await settle(app, pilot)
        row = app.grid.rows[0]
        assert row.state == "reviewed"
        await pilot.press("enter", "home", "ctrl+g")
        # The term goes in as a word: it ran into the draft ("…humanidadLas ideas").
        assert app.editor.text == "comunidad de futuro compartido de la humanidad Las ideas"
        await pilot.press("ctrl+z")  # in the editor: the session's undo, state and all
        await settle(app, pilot)
        assert (row.target, row.state) == ("Las ideas", "reviewed")
        assert app.editor.has_focus
        await pilot.press("f6")
        await settle(app, pilot)
        assert app.query_one("#side", TabbedContent).active == "candidates"
        assert app.editor.text == "Las ideas" and not app.editor.selected_text


async def test_ctrl_home_and_ctrl_end_reach_the_ends_of_a_wrapped_draft(
    review_project: ProjectLayout, paper: Path
) -> None:
    # End stops at the end of a wrapped line; the whole draft's ends had no key.
    draft = " ".join(["una traducción larga que ocupa varias líneas del editor"] * 8)
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        app.editor.insert(draft)
        await pilot.press("ctrl+home")
        assert app.editor.cursor_location == (0, 0)
        await pilot.press("end")
        assert app.editor.cursor_location[1] < len(draft)  # only the first wrapped line
        await pilot.press("ctrl+end")
        assert app.editor.cursor_location == (0, len(draft))
        await pilot.press("ctrl+shift+home")
        assert app.editor.selected_text == draft
        await pilot.press("ctrl+home", "ctrl+shift+end")
        assert app.editor.selected_text == draft


async def test_f1_shows_every_key_that_works_here(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The footer shows the common keys only; F1 did nothing.
    from termwise.tui.keys_screen import KeysScreen

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, KeysScreen)
        # Keys the footer has no room for: the alignment review's and the panels'.
        await pilot.press("end")
        await settle(app, pilot)
        shown = app.export_screenshot().replace("&#160;", " ")
        for description in ("Confirm group", "1st sentence up", "Join next", "Keys"):
            assert description in shown
        await pilot.press("f1")
        await settle(app, pilot)
        assert not isinstance(app.screen, KeysScreen)
        # The list says Esc closes it.
        await pilot.press("f1")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, KeysScreen)


async def test_ctrl_s_says_that_the_work_is_saved(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Autosave keeps the file written, and Ctrl+S said nothing at all.
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("Everything is saved in" in m for m in messages)
        app.session.set_target(app.session.rows[0].segment_id, "Otra cosa.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Saved ") for m in messages)


async def test_a_candidate_becomes_a_variant_of_the_concept_highlighted(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        session = app.session
        # A segment with two of the glossary's concepts.
        index = next(
            i for i, row in enumerate(session.rows) if len(session.concepts_of(row.segment_id)) > 1
        )
        app.jump_to(session.rows[index].segment_id)
        await pilot.press("f10")
        await settle(app, pilot)
        concepts = [c.id for c in session.concepts_of(session.rows[index].segment_id)]
        assert app.workbench.concept_at_cursor() == concepts[0]
        await pilot.press("down")
        await settle(app, pilot)
        # `v` records under the concept the translator picked, not the segment's first.
        assert app.workbench.concept_at_cursor() == concepts[1]


async def test_a_fix_of_every_variant_says_what_it_leaves(
    review_project: ProjectLayout, paper: Path
) -> None:
    text = paper.read_text(encoding="utf-8")
    paper.write_text(text.replace("\n", " Two human destiny communities met.\n", 1), "utf-8")
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        inflected = [i for i in app.session.issues if i.text == "human destiny communities"]
        assert inflected and inflected[0].fix is None
        variant = next(i for i in app.session.issues if i.text == "human destiny community")
        app.jump_to(variant.segment_id)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmPreview)
        assert "1 left to edit by hand: 'human destiny communities'" in app.screen.title_text
        await pilot.press("n")


async def test_an_ignore_without_a_reason_says_so(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = len(app.session.issues)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AskText)
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(app.session.issues) == before
        assert any("Not ignored" in str(n.message) for n in app._notifications)


async def test_the_workbench_reopens_where_the_translator_left(
    review_project: ProjectLayout, paper: Path
) -> None:
    # A book of 9,000 segments reopened at its first one every time.
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "down", "down", "down")
        await settle(app, pilot)
        left_at = app.workbench.current_id
        await app.action_quit()
    again = make_app(review_project, paper)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert again.workbench.current_id == left_at
        assert again.grid.cursor == 5
    # Another language of the same document starts at its beginning.
    other = make_app(review_project, paper, lang="fr")
    async with other.run_test(size=SIZE) as pilot:
        await settle(other, pilot)
        assert other.grid.cursor == 0
