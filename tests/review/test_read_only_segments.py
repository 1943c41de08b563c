"""A read-only segment (an imported file's translate="no", a memoQ or Trados lock) is locked
in review as in memoQ or Trados: its translation is not edited, MT is not accepted into it nor
asked for it, it is not joined or split, fixes pass it over (``termwise fix`` too), each
refusal saying why (the import's reason); undo is unaffected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.errors import TermwiseError
from termwise.mt.engine import MTResult
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

from .read_only_project import QUOTED, SAVED, make_read_only_project

REASON = 'Not for translation (translate="no" in in.xlf): keep the text as it is'
FIXED = "comunidad de futuro compartido de la humanidad"


@pytest.fixture
def project(tmp_path: Path, argos_env: Path) -> tuple[ProjectLayout, Path]:
    return make_read_only_project(tmp_path)


def ids(session: ReviewSession) -> list[str]:
    return [row.segment_id for row in session.rows]


def test_rows_and_reasons(project: tuple[ProjectLayout, Path]) -> None:
    session = ReviewSession(*project, "es")
    assert [row.locked for row in session.rows] == [False, True, False, True]
    first, quoted, other, saved = ids(session)
    assert session.read_only_reason(quoted) == REASON
    assert session.read_only_reason(first) is None
    assert session.unit(saved).target == SAVED


def test_editing_and_mt_are_refused_with_the_reason(project: tuple[ProjectLayout, Path]) -> None:
    session = ReviewSession(*project, "es")
    first, quoted, other, saved = ids(session)
    before = session.unit(quoted).target
    with pytest.raises(TermwiseError) as refused:
        session.set_target(quoted, "Otra cosa.")
    assert str(refused.value) == f"#2 is read-only, so editing is refused: {REASON}."
    assert session.unit(quoted).target == before and not session.dirty

    session.unit(quoted).mt = "La comunidad es la meta."  # MT from before the import
    with pytest.raises(TermwiseError, match="accepting MT is refused"):
        session.accept_mt(quoted)
    assert session.unit(quoted).target == before

    # F2 asks no MT for them, even emptied (by another tool): MT would never be stored.
    session.unit(saved).target, session.unit(saved).state = "", SegmentState.NEW
    assert quoted not in session.needs_mt() and saved not in session.needs_mt()
    assert other in session.needs_mt()
    results = {saved: MTResult(SAVED, "Se guardó.", "argos", "m")}
    assert session.record_mt(results) == 0
    assert session.unit(saved).target == ""

    # A note and a review are no edit of the text: they stay possible.
    session.set_note(quoted, "Checked against the report.")
    assert session.unit(quoted).notes == "Checked against the report."
    assert session.mark_reviewed(quoted) and session.unit(quoted).target == before


def test_undo_is_unaffected(project: tuple[ProjectLayout, Path]) -> None:
    session = ReviewSession(*project, "es")
    first, quoted, other, saved = ids(session)
    session.set_target(other, "No pasó nada más.")
    with pytest.raises(TermwiseError):
        session.set_target(quoted, "x")
    change = session.undo()
    assert change is not None and change.label == "edit"
    assert session.unit(other).target == ""
    assert session.redo() is not None and session.unit(other).target == "No pasó nada más."


def test_join_and_split_are_refused(project: tuple[ProjectLayout, Path]) -> None:
    session = ReviewSession(*project, "es")
    first, quoted, other, saved = ids(session)
    with pytest.raises(TermwiseError, match=r"#2 is read-only, so joining is refused"):
        session.join_with_next(quoted)
    with pytest.raises(TermwiseError, match="splitting is refused"):
        session.split(quoted, 12)
    assert ids(session) == [first, quoted, other, saved]
    assert not session.can_undo


def test_fixes_pass_read_only_segments_over(project: tuple[ProjectLayout, Path]) -> None:
    session = ReviewSession(*project, "es")
    first, quoted, other, saved = ids(session)
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    term = [i for i in session.issues if i.check == "term-forbidden" and i.side == "target"]
    assert {issue.segment_id for issue in term} == {first, quoted}
    locked = next(issue for issue in term if issue.segment_id == quoted)
    with pytest.raises(TermwiseError, match="fixing its translation is refused"):
        session.plan_fix(locked, "here")
    free = next(issue for issue in term if issue.segment_id == first)
    plan = session.plan_fix(free, "everywhere")
    assert [issue.segment_id for issue in plan.issues] == [first]
    session.apply_fix(plan)
    assert FIXED in session.unit(first).target
    assert "destino" in session.unit(quoted).target


def test_fix_command_leaves_read_only_translations(project: tuple[ProjectLayout, Path]) -> None:
    layout, document = project
    run = CliRunner().invoke(
        cli,
        ["--project", str(layout.root), "fix", str(document), "--to", "es", "--everywhere"]
        + ["--check", "term-forbidden"],
        catch_exceptions=False,
    )
    units = {u.source: u for u in TranslationFile.load(layout.translation_file(document, "es"))}
    assert FIXED in units["We build a community with a shared future for mankind."].target
    assert units[QUOTED].target == "La comunidad de destino de la humanidad es la meta."
    assert f"“comunidad de destino de la humanidad”: read-only: {REASON}" in run.output
    # Not the translator's to fix: listed, and the run is clean (exit status 0).
    assert "1 in read-only segments, left as they are; nothing left." in run.output
    assert run.exit_code == 0, run.output

    again = CliRunner().invoke(
        cli,
        ["--project", str(layout.root), "fix", str(document), "--to", "es", "--format", "json"],
        catch_exceptions=False,
    )
    report = json.loads(again.output)
    assert report["fixed"] == []
    assert {item["reason"] for item in report["read_only"]} == {f"read-only: {REASON}"}


def test_a_sentence_is_not_moved_into_or_out_of_a_read_only_group(
    project: tuple[ProjectLayout, Path],
) -> None:
    from termwise.review import alignment

    session = ReviewSession(*project, "es")
    first, quoted, other, saved = ids(session)
    for segment_id in (quoted, other):  # both groups `termwise align` made
        unit = session.unit(segment_id)
        unit.comments = (*unit.comments, "align: confidence 0.90")
    session.unit(other).set_translation("Nada más. Pasó nada.")
    with pytest.raises(TermwiseError, match="#2 is read-only, so moving a sentence is refused"):
        alignment.move_first_to_previous(session, other)
    with pytest.raises(TermwiseError, match="moving a sentence is refused"):
        alignment.move_last_to_next(session, quoted)
    assert session.unit(other).target == "Nada más. Pasó nada."
    assert session.unit(quoted).target == "La comunidad de destino de la humanidad es la meta."


def test_a_source_fix_leaves_a_read_only_segments_source(tmp_path: Path) -> None:
    # A source fix "everywhere" in the workbench rewrote the source of a segment the
    # imported file marked translate="no": its kept translation no longer matched it.
    import shutil

    root = tmp_path / "p"
    (root / "glossary").mkdir(parents=True)
    repo = Path(__file__).resolve().parents[2]
    shutil.copy(repo / "glossary" / "key-terms.tbx", root / "glossary")
    document = root / "d.txt"
    document.write_text(
        "The destiny community grows.\n\nWe build the destiny community now.\n", encoding="utf-8"
    )
    xliff = tmp_path / "d.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="d.txt" source-language="en" target-language="es" '
        'datatype="plaintext"><body>\n'
        '<trans-unit id="1" translate="no"><source>The destiny community grows.</source>'
        "</trans-unit>\n"
        '<trans-unit id="2"><source>We build the destiny community now.</source>'
        "<target>Construimos la comunidad de destino ahora.</target></trans-unit>\n"
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    imported = CliRunner().invoke(
        cli, ["--project", str(root), "import", str(xliff), "--doc", str(document), "--to", "es"]
    )
    assert imported.exit_code == 0, imported.output
    # `termwise fix` of the source alone (no --to) knows the lock from the translation too.
    run = CliRunner().invoke(cli, ["--project", str(root), "fix", str(document), "--everywhere"])
    text = document.read_text(encoding="utf-8")
    assert text.startswith("The destiny community grows."), run.output
    assert "We build the community with a shared future for mankind now." in text
    assert "read-only" in run.output
    document.write_text(
        "The destiny community grows.\n\nWe build the destiny community now.\n", encoding="utf-8"
    )
    session = ReviewSession(ProjectLayout.at(root), document, "es")
    session.set_issues(
        session.compute_issues(*session.check_inputs()[:2]), session.issue_generation
    )
    locked_id, open_id = ids(session)
    variants = [i for i in session.issues if i.side == "source" and i.check == "source-variant"]
    locked = next(i for i in variants if i.segment_id == locked_id)
    with pytest.raises(TermwiseError, match="read-only"):
        session.plan_fix(locked, "here")
    everywhere = session.plan_fix(next(i for i in variants if i.segment_id == open_id), "variants")
    assert {i.segment_id for i in everywhere.issues} == {open_id}
