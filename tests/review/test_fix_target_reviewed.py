"""``termwise fix --to`` on reviewed translations: a fix that rewrites one sends it back to
review (fuzzy), as a fix of its source does, and the summary names which ones. It rewrote
two reviewed segments (quotes made «…», a full stop added) and left them reviewed, so that
``stats`` and every edition counted a text nobody had approved. The workbench's fixes are
the same session call, and undo gives the reviewed text back."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit
from termwise.review.batch_fix import FixSelection, plan_document_fix
from termwise.review.session import ReviewSession

DOC = """\
The committee said "yes" to the plan.

The council approved the budget.

The mayor signed it.

Nobody objected.
"""

QUOTED = 'El comité dijo "sí" al plan.'
NO_STOP = "El consejo aprobó el presupuesto"
DRAFT = "El alcalde lo firmó"
CLEAN = "Nadie se opuso."
STATES = {
    QUOTED: SegmentState.REVIEWED,
    NO_STOP: SegmentState.REVIEWED,
    DRAFT: SegmentState.EDITED,
    CLEAN: SegmentState.REVIEWED,
}


def _project(root: Path) -> list[str]:
    """A translation into Spanish, three of its four segments reviewed; the segment ids."""
    (root / "paper.txt").write_text(DOC, encoding="utf-8")
    document = load_document(root / "paper.txt", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment, (target, state) in zip(document.segments, STATES.items(), strict=True):
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id, source=segment.text, target=target, state=state
        )
    (root / "translations").mkdir()
    tfile.save(root / "translations" / "paper.es.po")
    return [segment.id for segment in document.segments]


FIX = ("fix", "paper.txt", "--to", "es", "--check", "typography", "--check", "end-punctuation")


def test_a_fixed_reviewed_translation_goes_back_to_review(tmp_path: Path) -> None:
    quoted, no_stop, draft, clean = _project(tmp_path)

    result = termwise(*FIX, "--everywhere", cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    units = TranslationFile.load(tmp_path / "translations" / "paper.es.po").units
    assert units[quoted].target == "El comité dijo «sí» al plan."
    assert units[no_stop].target == NO_STOP + "."
    assert units[draft].target == DRAFT + "."
    assert [units[i].state for i in (quoted, no_stop, draft, clean)] == [
        SegmentState.EDITED,
        SegmentState.EDITED,
        SegmentState.EDITED,
        SegmentState.REVIEWED,
    ]
    # The summary names the reviewed ones, not the draft.
    said = [line for line in result.stdout.splitlines() if "back to review" in line]
    assert said == [
        f"{tmp_path / 'translations' / 'paper.es.po'}: 2 reviewed translation(s) went back "
        f"to review (fuzzy), the fix changed them: #1 {quoted}, #2 {no_stop}"
    ]
    stats = termwise("stats", "paper.txt", "--to", "es", "--format", "json", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert '"reviewed": 1' in stats.stdout


def test_the_json_report_and_a_dry_run_say_so_too(tmp_path: Path) -> None:
    quoted, no_stop, _, _ = _project(tmp_path)
    po = tmp_path / "translations" / "paper.es.po"
    saved = po.read_bytes()

    dry = termwise(*FIX, "--everywhere", "--dry-run", cwd=tmp_path)
    assert dry.returncode == 1
    assert "2 reviewed translation(s) would go back to review (fuzzy)" in dry.stdout
    assert po.read_bytes() == saved

    result = termwise(*FIX, "--everywhere", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["back_to_review"] == {str(po): [quoted, no_stop]}


def test_the_workbench_fix_sends_it_back_and_undo_restores_the_review(tmp_path: Path) -> None:
    quoted, *_ = _project(tmp_path)
    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "es")
    run = plan_document_fix(session, FixSelection(side="target", checks={"typography"}))

    change = session.apply_fix(run.plan)

    assert session.unit(quoted).state is SegmentState.EDITED
    assert change.back_to_review == [quoted]
    assert session.counts()["reviewed"] == 2
    session.undo()
    assert session.unit(quoted).target == QUOTED
    assert session.unit(quoted).state is SegmentState.REVIEWED
