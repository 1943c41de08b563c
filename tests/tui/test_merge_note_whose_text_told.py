"""The account of a merge says whose text went into a segment's note: the core's note reads
"Your text before the other program's change" only for a text the translator wrote in this
session, "The text before ..." for one the file held (a colleague's, say); the workbench
said "your text before this merge is kept in its note" for both."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.store import MergeReport
from termwise.review.session import ReviewSession
from termwise.tui.app import merge_lines

from .test_merge_report import machine_translated, other_program


def test_the_merge_account_calls_only_the_translators_text_theirs(
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
    assert sorted(report.yours_in_note) == sorted([ids[1], ids[2]])
    lines = merge_lines(report, session.row_index, limit=5)
    assert "#3: your text before this merge is kept in its note." in lines, lines
    assert "#2: the text before this merge is kept in its note." in lines, lines
    assert session.unit(ids[1]).notes.startswith("The text before the other program's change")
