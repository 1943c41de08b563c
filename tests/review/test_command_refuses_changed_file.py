"""A command that finds the translation changed on disk since it read it refuses to save.

``termwise fix --to`` saved through the review session, which merged the other program's
version in as the workbench does, the command standing for "the translator": it said
nothing of a merge, and where both had rewritten a segment the file kept the command's
text over the other program's. As the README says, a command now refuses: nothing written,
the other program's version left on disk, a message naming the file and saying to run the
command again, a non-zero exit; run again, it works on top of that version. The
workbench's save keeps its merge.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise, termwise_raced
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.store import ConcurrentModificationError
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit
from termwise.review.batch_fix import FixSelection, plan_document_fix
from termwise.review.session import ReviewSession

DOC = "The council approved the budget.\n\nThe mayor signed it.\n\nNobody objected.\n"
TEXTS = ("El consejo aprobó el presupuesto", "El alcalde lo firmó", "Nadie se opuso.")
# Another program (an editor, a script) rewrites the first segment, as fix will.
THEIRS = "El consejo aprobó el presupuesto anual"
FIX = ("fix", "paper.txt", "--to", "es", "--check", "end-punctuation", "--everywhere")


def _project(root: Path) -> tuple[Path, list[str]]:
    """A Spanish translation of ``paper.txt``, two segments without their full stop; the
    translation file and the segment ids."""
    (root / "paper.txt").write_text(DOC, encoding="utf-8")
    document = load_document(root / "paper.txt", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment, target in zip(document.segments, TEXTS, strict=True):
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id, source=segment.text, target=target, state=SegmentState.EDITED
        )
    (root / "translations").mkdir()
    po = root / "translations" / "paper.es.po"
    tfile.save(po)
    return po, [segment.id for segment in document.segments]


def test_fix_refuses_a_file_changed_while_it_ran_and_works_on_top_of_it_run_again(
    tmp_path: Path,
) -> None:
    po, (first, second, third) = _project(tmp_path)

    refused = termwise_raced(f'"{TEXTS[0]}"', f'"{THEIRS}"', *FIX, cwd=tmp_path)

    assert refused.returncode == 2, refused.stdout + refused.stderr
    # Nothing written: the other program's version is the file, byte for byte.
    other_version = po.read_bytes()
    units = TranslationFile.load(po).units
    assert [units[i].target for i in (first, second, third)] == [THEIRS, *TEXTS[1:]]
    assert sorted(path.name for path in po.parent.iterdir()) == ["paper.es.po"]
    assert str(po) in refused.stderr
    assert "Run the same termwise command again" in refused.stderr
    assert "Made " not in refused.stdout

    again = termwise(*FIX, cwd=tmp_path)

    assert again.returncode == 0, again.stdout + again.stderr
    assert po.read_bytes() != other_version
    units = TranslationFile.load(po).units
    assert [units[i].target for i in (first, second, third)] == [
        THEIRS + ".",
        TEXTS[1] + ".",
        TEXTS[2],
    ]
    assert all(not units[i].notes for i in (first, second, third))


def _fixed_session(root: Path) -> tuple[ReviewSession, list[str]]:
    """The session ``fix`` drives, its end-punctuation fixes made, not yet saved."""
    session = ReviewSession(ProjectLayout.at(root), root / "paper.txt", "es")
    run = plan_document_fix(
        session, FixSelection(side="target", checks={"end-punctuation"}, everywhere=True)
    )
    assert run.plan.issues
    session.apply_fix(run.plan)
    return session, [row.segment_id for row in session.rows]


def _other_program_rewrites(po: Path, segment_id: str) -> bytes:
    """Another program's save of the first segment; the file it leaves."""
    other = TranslationFile.load(po)
    other.units[segment_id].set_translation(THEIRS)
    other.save()
    return po.read_bytes()


def test_a_commands_save_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    # Changed before the save starts: its first check refuses it.
    po, _ = _project(tmp_path)
    session, ids = _fixed_session(tmp_path)
    theirs = _other_program_rewrites(po, ids[0])

    with pytest.raises(ConcurrentModificationError) as refused:
        session.save(merge=False)

    assert refused.value.path == po
    assert po.read_bytes() == theirs
    assert session.dirty


def test_the_workbenchs_save_still_merges(tmp_path: Path) -> None:
    po, _ = _project(tmp_path)
    session, ids = _fixed_session(tmp_path)
    _other_program_rewrites(po, ids[0])
    reports = []

    session.save(on_merge=lambda report, _forgotten: reports.append(report))

    assert [report.conflicts for report in reports] == [[ids[0]]]
    units = TranslationFile.load(po).units
    assert units[ids[0]].target == TEXTS[0] + "."
    assert units[ids[1]].target == TEXTS[1] + "."
    assert not session.dirty
