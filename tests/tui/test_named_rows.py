"""Every message of the workbench that lists segments says it one way ("#1, #2 and 5 more",
``termwise.tui.numbering.named_rows``): the undo toast named the first only ("#3 and 12
more") where the merge and lock toasts named four."""

from __future__ import annotations

from termwise.project.store import MergeReport
from termwise.tui.app import lock_lines, merge_lines
from termwise.tui.workbench import where

PLACES = {f"s{index}": index for index in range(10)}


def test_the_undo_toast_names_segments_as_the_merge_toast_does() -> None:
    ids = ["s2", "s4", "s5", "s6"]
    assert where(ids, PLACES) == ", #3, #5 and 2 more"
    assert where(ids[:2], PLACES) == ", #3, #5"
    assert where(ids[:1], PLACES) == ", #3"
    assert where([], PLACES) == ""
    taken = merge_lines(MergeReport(taken_from_disk=ids), PLACES, limit=2)
    assert taken == [
        "#3, #5 and 2 more: the other program's version (you had not changed them since your last save)."
    ]
    locked = lock_lines(set(), set(ids), PLACES, limit=2)
    assert locked == ["#3, #5 and 2 more: read-only now (locked in the other program's file)."]


def test_a_segment_that_is_no_row_is_named_by_its_id_and_counted() -> None:
    # The refused fix's toast left a segment without a row out of its list, and out of
    # its count: "#2, #3, #4 and 2 more" for six segments.
    from termwise.tui.numbering import named_rows

    ids = ["gone", "s1", "s2", "s3", "s4", "s5"]
    assert named_rows(ids, PLACES, limit=4) == "segment gone, #2, #3, #4 and 2 more"
    assert named_rows(["gone"], PLACES, limit=4) == "segment gone"
