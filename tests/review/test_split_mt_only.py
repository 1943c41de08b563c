"""F4 on a segment that holds only MT (``ReviewSession.split`` without a join): the whole
sentence's MT is no MT of its first part. Kept as the part's MT and translation, the
workbench and an ``--include-unreviewed`` edition showed the later part's sentence twice
until ``termwise translate`` ran again, and F2 (which fills only an empty MT) could not
help. The first part goes back to new, without MT, so that MT fills both parts afresh;
undo and redo restore and clear it in step."""

from __future__ import annotations

from pathlib import Path

from support.apertium_project import target_edition, translated
from support.command_line import termwise
from termwise.mt import open_engine
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

SOURCE = (
    "The committee met in May; the project grew fast across the region.\n\nIt was a good year.\n"
)


def test_a_split_of_mt_leaves_both_parts_for_mt_to_fill(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    first = session.rows[0].segment_id
    whole_mt = session.unit(first).mt
    assert session.unit(first).state is SegmentState.MT and whole_mt
    assert "proyecto" in whole_mt

    session.split(first, session.split_points(first)[0])
    part = session.rows[1].segment_id
    head = session.unit(first)
    assert (head.target, head.mt, head.state) == ("", None, SegmentState.NEW)
    assert (session.rows[0].target, session.rows[0].mt, session.rows[0].state) == ("", "", "new")
    # F2 (``needs_mt``) offers both parts to MT.
    assert {first, part} <= set(session.needs_mt())

    session.undo()
    assert session.unit(first).mt == whole_mt and session.unit(first).target == whole_mt
    assert session.unit(first).state is SegmentState.MT
    session.redo()
    assert session.unit(first).mt is None and session.unit(first).target == ""

    engine = open_engine("apertium", "en", "es")
    results = engine.translate([session.source_text(first), session.source_text(part)], "en", "es")
    session.record_mt(dict(zip((first, part), results, strict=True)))
    assert "proyecto" not in session.unit(first).target
    assert "proyecto" in session.unit(part).target
    session.save()
    assert target_edition(tmp_path).count("proyecto") == 1


def test_mt_of_what_f2_offers_after_a_split_prints_the_sentence_once(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    first = session.rows[0].segment_id
    session.split(first, session.split_points(first)[0])
    part = session.rows[1].segment_id
    # F2 / MT on opening: MT of what the session says MT may fill.
    wanted = [i for i in session.needs_mt() if i in (first, part)]
    engine = open_engine("apertium", "en", "es")
    results = engine.translate([session.source_text(i) for i in wanted], "en", "es")
    session.record_mt(dict(zip(wanted, results, strict=True)))
    session.save()
    assert target_edition(tmp_path).count("proyecto") == 1

    again = termwise("translate", "doc.txt", "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    units = TranslationFile.load(layout.translation_file(document, "es")).units
    assert units[first].state is SegmentState.MT and "proyecto" not in units[first].target
    assert units[part].state is SegmentState.MT and "proyecto" in units[part].target
    assert target_edition(tmp_path).count("proyecto") == 1
