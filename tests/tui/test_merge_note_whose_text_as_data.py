"""The merge's report lists, as data, whose text went into a segment's note: the workbench
told the translator's text from the file's by reading the core's wording of the segment's
details ("notes: the replaced text added"), and a change of that wording would have called
a colleague's text "your text" again."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.store import MergeReport
from termwise.review.session import ReviewSession
from termwise.tui.app import merge_lines

from .test_merge_report import machine_translated, other_program


def test_the_report_lists_the_segments_whose_note_holds_the_files_text(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = machine_translated(review_project, paper)
    po = review_project.translation_file(paper, "es")
    other_program(po, ids[1], msgstr="Lo escribió una colega.")
    session = ReviewSession(review_project, paper, "es")
    session.set_target(ids[2], "Lo escribí yo.")
    session.save()
    other_program(po, ids[1], msgstr="La colega lo reescribió.")
    other_program(po, ids[2], msgstr="La colega reescribió lo mío.")
    session.set_target(ids[0], "Primera frase.")
    reports: list[MergeReport] = []
    session.save(on_merge=lambda report, _forgotten: reports.append(report))
    (report,) = reports
    assert report.file_text_in_note == [ids[1]]
    assert sorted(report.yours_in_note) == sorted([ids[1], ids[2]])


def test_the_merge_line_says_whose_text_from_the_data_not_the_wording() -> None:
    # No account in words at all: the lines come from the lists.
    report = MergeReport(
        taken_from_disk=["a", "b"], yours_in_note=["a", "b"], file_text_in_note=["b"]
    )
    lines = merge_lines(report, {"a": 0, "b": 1}, limit=5)
    assert "#1: your text before this merge is kept in its note." in lines, lines
    assert "#2: the text before this merge is kept in its note." in lines, lines
