"""The walk-through's sequence in a review session (what the workbench runs), on a file
``termwise translate --engine apertium`` wrote: the translator edits #6 and marks it
reviewed (Ctrl+R), autosave writes it; a colleague's text editor then saves the copy it
read before, with #7 changed. The session's save merges it: #6 keeps the reviewed text (the
older MT text is in its note), #7 is the colleague's, and the file written holds both."""

from __future__ import annotations

from pathlib import Path

from support.apertium_project import translated
from termwise.project.store import MergeReport
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

SOURCE = (
    "The cat sleeps on the mat. Geneva is a city in Switzerland. The dog barks at night. "
    "The committee approved the report. The river floods every spring. "
    "We will meet again tomorrow. The museum opens at nine. The train was late again.\n"
)
TYPED = "Nos volveremos a reunir mañana."
COLLEAGUE = "El museo abre a las nueve."


def test_an_old_copy_saved_back_over_the_session_keeps_the_reviewed_text(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    po = layout.translation_file(document, "es")
    held = po.read_text(encoding="utf-8")  # the colleague's editor opens the file now
    session = ReviewSession(layout, document, "es")
    sixth, seventh = session.rows[5].segment_id, session.rows[6].segment_id
    mt_sixth, mt_seventh = session.unit(sixth).target, session.unit(seventh).target
    assert session.unit(sixth).state is SegmentState.MT and mt_seventh

    session.set_target(sixth, TYPED)
    session.seal_typing()
    assert session.mark_reviewed(sixth)
    session.save()  # the autosave

    # The colleague saves its old copy with #7 changed.
    at = held.index(f'msgctxt "{seventh}"')
    po.write_text(
        held[:at] + held[at:].replace(f'msgstr "{mt_seventh}"', f'msgstr "{COLLEAGUE}"', 1),
        encoding="utf-8",
    )

    reports: list[MergeReport] = []
    session.save(on_merge=lambda report, _forgotten: reports.append(report))
    [report] = reports
    unit = session.unit(sixth)
    assert (unit.target, unit.state) == (TYPED, SegmentState.REVIEWED)
    assert unit.notes == f"Other version on disk (mt): {mt_sixth}"
    assert report.conflicts == [sixth]
    assert "wrote back an older text" in report.details[sixth][0]
    assert report.taken_from_disk == [seventh]
    assert session.unit(seventh).target == COLLEAGUE

    on_disk = TranslationFile.load(po)
    assert (on_disk.units[sixth].target, on_disk.units[sixth].state) == (
        TYPED,
        SegmentState.REVIEWED,
    )
    assert on_disk.units[seventh].target == COLLEAGUE
