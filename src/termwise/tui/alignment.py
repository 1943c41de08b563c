"""The workbench's alignment-review actions: move a target sentence across groups, confirm.

The logic is ``review.alignment`` (no Textual); this module turns a key into a call on the
session for the group under the cursor and redraws both groups that changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from termwise.errors import TermwiseError
from termwise.tui.keymap import shown_key

if TYPE_CHECKING:
    from termwise.tui.workbench import Workbench


def move_sentence(workbench: Workbench, step: int) -> None:
    """Move the first (``step`` -1) or last (+1) target sentence to the neighbouring group."""
    from termwise.review.alignment import (
        NotAnAlignedGroup,
        move_first_to_previous,
        move_last_to_next,
    )

    segment_id = workbench.current_id
    if segment_id is None:
        return
    workbench.take_typed_text()
    session = workbench.session
    position = session.row_index[segment_id] + step
    try:
        (move_first_to_previous if step < 0 else move_last_to_next)(session, segment_id)
    except NotAnAlignedGroup as error:
        # Said as F7 says it, with the keys that do reshape ordinary segments.
        join, split = (shown_key(workbench.app, name) for name in ("review.join", "review.split"))
        workbench.notify(
            f"Nothing to move: {error}. Moving a sentence fixes the groups termwise align "
            f"made; {join} joins a segment with the next, {split} splits it.",
            severity="warning",
        )
        return
    except TermwiseError as error:
        workbench.notify(str(error), severity="warning")
        return
    workbench.changed(segment_id, session.rows[position].segment_id)
    if workbench.filter_name == "unsure":
        # The group that took the sentence is to be confirmed now: listed at once, not
        # only once the filter is chosen again.
        workbench.refresh_all_rows()


def confirm_group(workbench: Workbench) -> None:
    """The group is right as it is: reviewed, and off the list of unsure groups."""
    from termwise.review.alignment import confirm

    segment_id = workbench.current_id
    if segment_id is None:
        return
    workbench.take_typed_text()
    try:
        confirmed = confirm(workbench.session, segment_id)
    except TermwiseError as error:
        workbench.notify(str(error), severity="warning")
        return
    if not confirmed:
        workbench.notify(
            "Nothing to confirm: the segment is not an aligned group, or it is confirmed.",
            severity="warning",
        )
        return
    workbench.changed(segment_id)
    to_next_unconfirmed(workbench)


def to_next_unconfirmed(workbench: Workbench) -> None:
    """After F7, the cursor goes on to the next listed group still to confirm (from the top
    after the last): it stayed on the group just confirmed, and F7 again only said
    "Nothing to confirm". With the unsure filter on, that is the next unsure or changed
    group; without it, the next group in the document (after Ctrl+F7, the next unsure
    one). Ctrl+Z takes the confirmation back and the cursor with it."""
    from termwise.review.alignment import awaiting_confirmation

    grid = workbench.grid
    session = workbench.session
    rows = grid.rows
    start = grid.cursor
    order = [*range(start + 1, len(rows)), *range(0, start)]
    target = next(
        (i for i in order if awaiting_confirmation(session.unit(rows[i].segment_id))), None
    )
    if target is None:
        listed = " listed" if workbench.filter_name != "all" else ""
        workbench.notify(f"Every aligned group{listed} is confirmed.")
        return
    grid.move_cursor(target)
    if target < start:
        workbench.notify("Next group to confirm: from the top.")


def confirm_sure_groups(workbench: Workbench) -> None:
    """After a look at the unsure groups, confirm all the others at once (an aligned
    published translation is otherwise reviewed group by group before an edition prints
    it), once the translator has said yes to how many that is, and has been told how many
    the checks kept back as maybe misaligned."""
    from termwise.review.alignment import confirm_sure, held_by_checks, sure_groups
    from termwise.tui.dialogs import Choose

    workbench.take_typed_text()
    session = workbench.session
    if not session.issues_in:
        # Before the first run is in, a group the checks will flag as misaligned looks
        # sure: confirmed then, it went out reviewed unseen.
        workbench.notify(
            "The checks are not in yet: the sure groups are confirmed without the ones they "
            "flag, so try again once the issues panel has its list.",
            severity="warning",
        )
        return
    count = len(sure_groups(session))
    held = len(held_by_checks(session))
    issues = shown_key(workbench.app, "review.issues")
    left_out = (
        f" {held} group(s) the aligner is sure of are left out: the checks flag their end "
        "punctuation (one side's sentence ends otherwise than the other's), a sign of a "
        f"misaligned group; {issues} lists them."
        if held
        else ""
    )
    if not count:
        workbench.notify(f"No sure aligned group is left to confirm.{left_out}")
        return

    def done(choice: str | None) -> None:
        if choice != "yes":
            return
        confirmed = confirm_sure(session)
        workbench.refresh_all_rows()
        workbench.changed()
        undo = shown_key(workbench.app, "review.undo")
        workbench.notify(f"Confirmed {confirmed} aligned group(s); {undo} takes it back.")

    workbench.app.push_screen(
        Choose(
            f"Mark {count} sure aligned group(s) reviewed?",
            [("yes", f"Yes, confirm the {count} group(s)"), ("no", "No")],
            help="Sure: not flagged align-check, not changed in review, holding the "
            f"published text. The unsure ones stay for you to look at.{left_out}",
        ),
        done,
    )


def dock_note(workbench: Workbench, segment_id: str) -> str | None:
    """``alignment 0.30 unsure: split otherwise with MT`` for a group the aligner made, for
    the editor's status line."""
    from rich.markup import escape

    from termwise.align.output import LOW_CONFIDENCE
    from termwise.review.alignment import confidence, needs_check, notes, unsure

    unit = workbench.session.unit(segment_id)
    value = confidence(unit)
    if value is None:
        return None
    tag = ""
    if needs_check(unit):
        # Sure of the group but flagged for what it holds (a sentence left out, numbers that
        # differ): "1.00 unsure" said two things at once.
        doubt = "unsure" if value < LOW_CONFIDENCE else "to check"
        tag = f" [yellow]{doubt if unsure(unit) else 'to confirm'}[/yellow]"
    said = notes(unit)
    # The notes quote the published text, which may hold "[4]": shown, not read as markup.
    return f"alignment {value:.2f}{tag}" + (f": {escape(', '.join(said))}" if said else "")
