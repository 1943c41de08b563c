"""A translation reviewed for one source text is not reviewed for another (issue #18).

Whether the source changes through a fix in the workbench, through ``termwise fix`` or in
another editor, every translation of a changed segment goes back to needing review
(fuzzy, with the old source kept as gettext's ``#| msgid``), and undo brings the review back.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

REPOSITORY = Path(__file__).resolve().parents[2]
REVIEWED = "Resumen: la construcción por China de la comunidad de destino humano."


def reviewed_first_segment(layout: ProjectLayout, paper: Path) -> tuple[ReviewSession, str]:
    session = ReviewSession(layout, paper, "es")
    segment_id = session.rows[0].segment_id
    session.set_target(segment_id, REVIEWED)
    session.mark_reviewed(segment_id)
    session.save()
    return session, segment_id


def fix_first_source_variant(session: ReviewSession) -> None:
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    first = session.rows[0].segment_id
    issue = next(
        issue
        for issue in session.issues
        if issue.segment_id == first and issue.side == "source" and issue.fix is not None
    )
    session.apply_fix(session.plan_fix(issue, "here"))


def test_a_source_fix_sends_the_reviewed_translation_back_to_review_and_undo_restores_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    session, segment_id = reviewed_first_segment(review_project, paper)
    old_source = session.source_text(segment_id)
    fix_first_source_variant(session)

    unit = session.unit(segment_id)
    assert session.source_text(segment_id) != old_source
    assert (unit.target, unit.state) == (REVIEWED, SegmentState.EDITED)
    assert unit.previous_source == old_source
    assert session.rows[0].state == "edited"
    assert session.counts()["reviewed"] == 0
    assert session.last_source_sync is not None
    assert session.last_source_sync.reviewed_reopened == [segment_id]
    session.save()
    saved = TranslationFile.load(session.translation_path).units[segment_id]
    assert (saved.state, saved.previous_source) == (SegmentState.EDITED, old_source)
    assert "#| msgid" in session.translation_path.read_text(encoding="utf-8")

    session.undo()
    assert session.unit(segment_id).state is SegmentState.REVIEWED
    assert session.rows[0].state == "reviewed"
    session.redo()
    assert session.unit(segment_id).state is SegmentState.EDITED


def test_a_source_fixed_without_the_translation_open_reopens_it_when_opened(
    review_project: ProjectLayout, paper: Path
) -> None:
    _, segment_id = reviewed_first_segment(review_project, paper)
    # The source alone, as `termwise fix` without --to reviews it.
    fix_first_source_variant(ReviewSession(review_project, paper, None))

    again = ReviewSession(review_project, paper, "es")
    assert again.rows[0].segment_id == segment_id
    assert again.unit(segment_id).state is SegmentState.EDITED
    assert again.rows[0].state == "edited"


def test_a_source_edited_in_another_editor_reopens_the_translation(
    review_project: ProjectLayout, paper: Path
) -> None:
    session, segment_id = reviewed_first_segment(review_project, paper)
    text = paper.read_text(encoding="utf-8")
    paper.write_text(text.replace("has evolved from", "has grown from", 1), encoding="utf-8")

    again = ReviewSession(review_project, paper, "es")
    unit = again.unit(again.rows[0].segment_id)
    assert "has grown from" in unit.source
    assert (unit.target, unit.state) == (REVIEWED, SegmentState.EDITED)
    assert unit.previous_source is not None and "has evolved from" in unit.previous_source


def test_termwise_fix_saves_the_translations_back_to_review(
    review_project: ProjectLayout, paper: Path
) -> None:
    session, segment_id = reviewed_first_segment(review_project, paper)
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(review_project.root)]
        + ["fix", str(paper), "--concept", "T01", "--everywhere"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode in (0, 1), result.stderr
    path = session.translation_path
    assert f"{path}: 1 reviewed translation(s) back to review (fuzzy)" in result.stdout
    # On disk at once, for Poedit and every other tool.
    unit = TranslationFile.load(path).units[segment_id]
    assert (unit.target, unit.state) == (REVIEWED, SegmentState.EDITED)
