"""Reviewing an aligned translation: confidence, the unsure groups, moving target sentences.

``termwise align`` writes each group's confidence into a ``#. align:`` comment and flags the
unsure ones; here the review session reads them back and fixes groups the aligner got wrong.
A target sentence that belongs to the neighbouring group is moved there (the first sentence
of a group to the previous group, the last to the next); merging and splitting groups are the
session's join and split, and confirming a group is marking it reviewed. Every move is one
undoable step of the session's history, and the source segments keep their ids. A group the
translator changed says so in its comment, which no longer gives the aligner's grouping.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Set
from typing import TYPE_CHECKING

from termwise.align.output import (
    CHECK_FLAG,
    LOW_CONFIDENCE,
    NO_COUNTERPART,
    NOT_APPLIED,
    REGROUPED,
    aligned_sentences,
    aligners_own,
    comment_confidence,
    confirmed_comments,
    group_text,
    record_sentences,
    regrouped_comments,
)
from termwise.errors import TermwiseError
from termwise.project.omissions import CONFIRMED, comment_notes, waited_for, without_wait
from termwise.project.units import SegmentState

if TYPE_CHECKING:
    from termwise.document.resegmentation import Resegmentation
    from termwise.project.units import TranslationUnit
    from termwise.review.rows import Row
    from termwise.review.session import ReviewSession


def confidence(unit: TranslationUnit) -> float | None:
    """The aligner's confidence in this group, or None for a segment it did not align."""
    return comment_confidence(unit.comments)


def notes(unit: TranslationUnit) -> tuple[str, ...]:
    """Why the aligner made this group as it is, where its comment says ("split otherwise
    with MT"): what a reviewer of an unsure group looks at first."""
    return comment_notes(unit.comments)


def needs_check(unit: TranslationUnit) -> bool:
    """Not yet confirmed, and unsure (flagged by the aligner, or below the threshold) or
    regrouped in review: a group the translator changed is listed until they confirm it,
    however sure the aligner was of the group it made."""
    if unit.state is SegmentState.REVIEWED or CONFIRMED in notes(unit):
        return False
    return unsure(unit) or REGROUPED in notes(unit)


def mark_confirmed(unit: TranslationUnit) -> None:
    """Mark ``unit`` (with a translation) reviewed, as F7 and Ctrl+R both do: an aligned
    group marked reviewed is confirmed (the translator looked at it and accepts it), so the
    aligner's ``align-check`` flag goes with it. Left on by Ctrl+R, a PO editor showed the
    group as still unsure where F7 had taken it off."""
    unit.mark_reviewed()
    unit.flags = unit.flags - {CHECK_FLAG}


def unsure(unit: TranslationUnit) -> bool:
    """Flagged by the aligner, or its confidence below the threshold (confirmed or not)."""
    value = confidence(unit)
    return CHECK_FLAG in unit.flags or (value is not None and value < LOW_CONFIDENCE)


def regroup(unit: TranslationUnit, *merged: TranslationUnit) -> None:
    """The translator changed this group (and took ``merged`` into it): its alignment comment
    no longer describes the aligner's group, and a flag of a merged group carries over. A
    group confirmed before is to confirm again: split, its first part kept the reviewed
    state with the translation of both parts, off the list of groups to check and exported
    as reviewed."""
    unit.comments = regrouped_comments(unit.comments, *(other.comments for other in merged))
    if any(CHECK_FLAG in other.flags for other in merged):
        unit.flags = unit.flags | {CHECK_FLAG}
    if unit.state is SegmentState.REVIEWED and confidence(unit) is not None:
        unit.set_translation(unit.target)  # edited (fuzzy), or MT where it is the MT


def regroup_new_parts(units: Mapping[str, TranslationUnit], known: Set[str]) -> None:
    """Give the units a split made (those not in ``known``) the aligned group's account of
    the unit before each: "regrouped in review", with the lowest confidence of the two (and
    its flag), as the part that kept the id has it. That holds for a later part that comes
    back with an aligner's comment of its own, from a join of groups split again: left
    with it, the part was "group 1-1" (or reviewed, where confirmed before the join) and
    off the list of groups to check while the first part of the same split was on it. A
    split unit of a segment nobody aligned stays as it is."""
    previous: TranslationUnit | None = None
    for segment_id, unit in units.items():
        if segment_id not in known and previous is not None and confidence(previous) is not None:
            regroup(unit, previous)
        previous = unit


def aligned_join(resegmentation: Resegmentation, lang: str, pair: tuple[str, str]) -> bool:
    """Whether ``pair`` is a join an alignment into ``lang`` made for a group of several
    source sentences: the group's translation is theirs together, so a split of it leaves
    the later part waiting for its share, not untranslated."""
    return pair in (resegmentation.aligned or {}).get(lang, ())


def joins_across_paragraphs(first: TranslationUnit, second: TranslationUnit) -> bool:
    """Whether a join of these two segments may cross a paragraph's end: where both are
    groups ``termwise align`` made, the join is one the aligner makes itself. It groups
    neighbouring sentences of the text across a paragraph's end (a break crossed is a cost
    in ``aligner._inner_costs``, never a bar; the Bible's verses, a line each, became a
    "group 2-1" where the translation ran two into one line), so the reviewer of its groups
    may make such a group too. Anywhere else a paragraph's end bars a join (see
    ``ReviewSession.join_with_next``)."""
    return confidence(first) is not None and confidence(second) is not None


def filled_in_review(unit: TranslationUnit) -> None:
    """The translator gave a sentence the aligned translation left out a translation of
    their own (or took the MT): the group is no longer the aligner's "no counterpart"."""
    if NO_COUNTERPART in notes(unit) and unit.target:
        regroup(unit)


def low_confidence_rows(session: ReviewSession) -> list[Row]:
    """The rows whose group the translator should look at, in document order."""
    return [row for row in session.rows if needs_check(session.unit(row.segment_id))]


def target_sentences(text: str, lang: str, labels: Collection[str] | None = None) -> list[str]:
    """A group's translation cut into sentences as the segmenter cuts documents: in a
    Markdown document (``labels``: the link labels it defines, else None), with its
    comments, code spans, links' targets and references read whole, as the segmenter and
    the session's ``split_points`` read them. Cut without them, a translation holding
    ``[x](<a. B>)`` moved half a link to the next group."""
    from termwise.document.reading import spans_kept_whole
    from termwise.document.segmentation import split_sentences

    if not text:
        return []
    hidden: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    if labels is not None:
        hidden, code = spans_kept_whole(text, labels)
    return [text[start:end] for start, end in split_sentences(text, lang, hidden, code)]


def _neighbour(session: ReviewSession, segment_id: str, step: int) -> str:
    position = session.row_index[segment_id] + step
    if not 0 <= position < len(session.rows):
        raise TermwiseError("there is no group on that side to move the sentence to")
    return session.rows[position].segment_id


class NotAnAlignedGroup(TermwiseError):
    """A sentence move asked of a segment (or towards one) that ``termwise align`` did not
    make into a group: an ordinary segment's translation is not moved about."""


def _move(session: ReviewSession, segment_id: str, step: int) -> None:
    lang = session.target_lang
    unit = session.unit(segment_id)
    if confidence(unit) is None:
        # An ordinary segment's whole translation went into the one before it (and this one
        # was emptied), without a word: moving sentences is for groups the aligner made.
        raise NotAnAlignedGroup("the segment is not an aligned group")
    other_id = _neighbour(session, segment_id, step)
    other = session.unit(other_id)
    if confidence(other) is None:
        raise NotAnAlignedGroup("the segment there is not an aligned group")
    session.refuse_read_only([segment_id, other_id], "moving a sentence")
    if session.row(other_id).heading and other.target:
        # A heading takes one line of translation: a sentence moved into a translated one
        # was printed as part of the heading. (Into an empty one it is the heading's own
        # translation, which the aligner gave the group beside it.)
        raise TermwiseError("the heading there has its translation already")
    # The sentences as the alignment counted them (a caption has no full stop to cut at).
    labels = session.document.link_labels()
    sentences = aligned_sentences(unit) or target_sentences(unit.target, lang, labels)
    if not sentences:
        raise TermwiseError("this group has no target sentence to move")
    if session.row(segment_id).heading:
        if len(sentences) == 1:
            # Its one line is its translation: moved into a paragraph, "Capítulo 1" printed
            # as that paragraph's first sentence and the heading went untranslated.
            raise TermwiseError("this is the heading's own translation; edit it instead")
        # Its first sentence is its own translation and stays; a sentence beside it (the
        # aligner's, or one taken in) leaves either way. Alt+Up moved the heading's own line
        # into the paragraph before and left the body sentence printed as the heading.
        own, *beside = sentences
        moved = beside[0] if step < 0 else beside[-1]
        kept = [own, *beside[1:]] if step < 0 else [own, *beside[:-1]]
    else:
        moved = sentences[0] if step < 0 else sentences[-1]
        kept = sentences[1:] if step < 0 else sentences[:-1]
    others = aligned_sentences(other) or target_sentences(other.target, lang, labels)
    gained = [*others, moved] if step < 0 else [moved, *others]

    def edit() -> None:
        unit.set_translation(group_text(kept, lang))
        other.set_translation(group_text(gained, lang))
        record_sentences(unit, kept, lang)
        record_sentences(other, gained, lang)
        # A split's later part that waited for its share of the group before it has it now:
        # left on, the note said its translation was held there, which held only its own.
        other.notes = without_wait(other.notes)
        regroup(unit)
        # The sentence taken in brings its group's doubt along (README: the lowest confidence).
        regroup(other, unit)

    session._edit(
        "move sentence to previous group" if step < 0 else "move sentence to next group",
        [segment_id, other_id],
        edit,
    )


# The checks whose issue in a group says its sides are paired wrongly: a source sentence
# ending in a semicolon beside a translation ending in a question mark ends elsewhere. (Not
# numbers or missing terms: a published translation writes numbers and terms its own way,
# and the aligner weighs shared numbers itself, flagging a sure group that shares none.)
MISALIGNMENT_CHECKS = frozenset({"end-punctuation"})


def sure_groups(session: ReviewSession) -> list[str]:
    """The aligned groups nothing asks a second look at: as sure as the aligner is of its
    best groups, not changed in review, holding the published text (not the MT), not yet
    reviewed, and with no issue of ``MISALIGNMENT_CHECKS`` in the last check run.
    Confirmed at once (``confirm_sure``), they leave the translator the unsure ones to
    look at, one by one.

    Holding the published text means the text the alignment wrote, by its fingerprint
    (``aligners_own``): a group the translator edited by hand is edited as the aligner's
    groups are, and was confirmed with them unseen. A group with no fingerprint (aligned
    before termwise wrote one) cannot tell, so it is left for F7."""
    flagged = _flagged_by_checks(session)
    return [segment_id for segment_id in _sure_to_the_aligner(session) if segment_id not in flagged]


def held_by_checks(session: ReviewSession) -> list[str]:
    """The groups ``sure_groups`` would list but for a check's issue that says they may be
    misaligned (the walk through the Bible confirmed 8,170 groups, those among them)."""
    flagged = _flagged_by_checks(session)
    return [segment_id for segment_id in _sure_to_the_aligner(session) if segment_id in flagged]


def _sure_to_the_aligner(session: ReviewSession) -> Iterator[str]:
    for row in session.rows:
        unit = session.unit(row.segment_id)
        if (
            unit.target
            and unit.state is SegmentState.EDITED
            and confidence(unit) is not None
            and not unsure(unit)
            and not needs_check(unit)
            and NOT_APPLIED not in notes(unit)
            and aligners_own(unit)
        ):
            yield row.segment_id


def _flagged_by_checks(session: ReviewSession) -> set[str]:
    return {issue.segment_id for issue in session.issues if issue.check in MISALIGNMENT_CHECKS}


def confirm_sure(session: ReviewSession) -> int:
    """Confirm every group of ``sure_groups`` in one undoable step; how many."""
    ids = sure_groups(session)
    if ids:
        units = [session.unit(segment_id) for segment_id in ids]

        def mark() -> None:
            for unit in units:
                unit.mark_reviewed()

        session._edit("confirm the sure groups", ids, mark)
    return len(ids)


def move_first_to_previous(session: ReviewSession, segment_id: str) -> None:
    """The group's first target sentence belongs to the group before it."""
    _move(session, segment_id, -1)


def move_last_to_next(session: ReviewSession, segment_id: str) -> None:
    """The group's last target sentence belongs to the group after it."""
    _move(session, segment_id, +1)


def awaiting_confirmation(unit: TranslationUnit) -> bool:
    """An aligned group ``confirm`` would still confirm (F7's "confirm and next" goes on to
    it, as Trados's and memoQ's Ctrl+Enter go to the next unconfirmed segment): the
    conditions under which ``confirm`` leaves a group as it is, turned round."""
    if confidence(unit) is None:
        return False
    if CHECK_FLAG in unit.flags:
        return True
    if unit.target:
        return unit.state is not SegmentState.REVIEWED
    return CONFIRMED not in notes(unit) or waited_for(unit) is not None


def confirm(session: ReviewSession, segment_id: str) -> bool:
    """The translator checked the group: reviewed, so no longer listed as unsure, and the
    aligner's ``align-check`` flag goes (left on, a PO editor showed a group the translator
    had confirmed as still unsure; undo puts it back). A group with no translation (a
    sentence the translation leaves out) cannot be reviewed: its comment records the
    confirmation instead, and a split's later part so confirmed no longer waits for a share
    of the translation before it. False where there is nothing to confirm."""
    unit = session.unit(segment_id)
    if confidence(unit) is None:
        return False  # not an aligned group: Ctrl+R marks a translation reviewed
    if NOT_APPLIED in notes(unit) and unit.state is SegmentState.MT:
        # Its translation is the machine's: the group's published text, in its comment, was
        # not applied. Confirming would have printed the MT as the reviewed translation.
        raise TermwiseError(
            "this group's translation is still the MT: the published text (in the status "
            "line) was not applied; edit the translation first"
        )
    if unit.target:
        if unit.state is SegmentState.REVIEWED and CHECK_FLAG not in unit.flags:
            return False

        session._edit("confirm group", [segment_id], lambda: mark_confirmed(unit))
        return True
    if CONFIRMED in notes(unit) and waited_for(unit) is None and CHECK_FLAG not in unit.flags:
        return False

    def record() -> None:
        unit.comments = confirmed_comments(unit.comments)
        unit.flags = unit.flags - {CHECK_FLAG}
        # A split's later part confirmed as having no counterpart waits for no share of the
        # translation before it: left on, the note kept telling the translator (and the PO
        # editor) that its translation was held there, to be shared out.
        unit.notes = without_wait(unit.notes)

    session._edit("confirm group without counterpart", [segment_id], record)
    return True
