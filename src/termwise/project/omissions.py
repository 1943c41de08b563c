"""Segments whose empty translation is a decision, not work left to do.

Two kinds: a source sentence the translator confirmed the translation leaves out (an
aligned project's ``align:`` comment says "confirmed in review"), and a later part of a
sentence the segmenter now cuts, whose whole translation the part before it holds until the
translator shares it out. MT must not fill them, an edition must not print them as
untranslated, and the checks must not call them so. Kept in the project layer because the
project's own MT bookkeeping (``translations.record_machine_translation``) asks it as much
as alignment, the checks, the editions and the workbench do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termwise.project.units import TranslationUnit

# The comment an alignment writes on each group (``align.output``): its confidence, its kind,
# and what was said of it since.
ALIGN_COMMENT_PREFIX = "align: "
# A comment of its own, beside the ``align:`` one, with a fingerprint of the text the
# alignment wrote: a translation that still reads so is the aligner's, not a person's, and
# aligning again (after the published file was corrected) may replace it.
ALIGNED_PREFIX = "aligned text: "
# Where each target sentence of a group's translation starts (after the first), with the
# fingerprint of the text it is about: a caption or a heading has no full stop, and the
# segmenter, cutting the joined text again, took several of them for one sentence.
SENTENCES_PREFIX = "aligned sentences: "
CONFIRMED = "confirmed in review"
# The note the carry-over of a cut sentence leaves on its later parts.
IN_NEIGHBOUR_NOTE = "termwise: this sentence's translation is still in segment "


# What that note becomes on a part a join set aside (an obsolete ``#~`` entry): the part no
# longer waits, being in the joined segment, but a split that takes it out again makes it
# wait as it did (``set_aside_notes``, ``notes_taken_back``).
SET_ASIDE_NOTE = (
    "termwise: joined into the segment before; this sentence's translation was in segment "
)


def in_neighbour_note(segment_id: str, why: str) -> str:
    """The note that a part's sentence's whole translation is in segment ``segment_id``,
    ``why`` saying how it got there: written one way (``waited_for`` reads the id back),
    whether a carry-over or the workbench's split left it."""
    return f"{IN_NEIGHBOUR_NOTE}{segment_id}, {why}"


def comment_notes(comments: Sequence[str]) -> tuple[str, ...]:
    """What an ``align:`` comment among ``comments`` says of its group besides its confidence
    and kind: "split otherwise with MT", "2 target sentence(s) without a source appended"."""
    for comment in comments:
        if comment.startswith(ALIGN_COMMENT_PREFIX):
            parts = comment[len(ALIGN_COMMENT_PREFIX) :].split(", ")
            return tuple(p for p in parts if not p.startswith(("confidence ", "group ")))
    return ()


def translation_in_neighbour(unit: TranslationUnit) -> bool:
    """Whether ``unit`` is a later part of a sentence the segmenter now cuts, whose whole
    translation the part before it holds, and the translator has not shared it out yet: its
    empty translation is not work left to do (an edition that printed MT there printed
    the sentence twice). The note says so, in the workbench too; once the translator gives
    the part a translation, or takes the note away, it is a segment like any other."""
    return not unit.target and any(
        line.startswith(IN_NEIGHBOUR_NOTE) for line in unit.notes.splitlines()
    )


def joined_notes(notes: Iterable[str], segment_id: str, *, translated: bool) -> str:
    """The notes of segments joined into ``segment_id``, in order. A part's note that
    its sentence's translation is in another segment is stale once the joined segment no
    longer waits: it has a translation, or the segment named is itself (the part went back
    to the part that held its translation). Kept once while it still waits for another
    segment (two waiting parts joined), once, so that MT still leaves it empty."""
    kept: list[str] = []
    waiting: set[str] = set()
    for note in notes:
        lines = []
        for line in note.splitlines():
            if line.startswith(IN_NEIGHBOUR_NOTE):
                if translated or _waited_for(line) == segment_id or line in waiting:
                    continue
                waiting.add(line)
            lines.append(line)
        if lines:
            kept.append("\n".join(lines))
    return "\n".join(kept)


def _waited_for(line: str) -> str:
    """The segment an ``IN_NEIGHBOUR_NOTE`` line names ("... still in segment 3f2a, carried
    over whole ...": 3f2a)."""
    return line[len(IN_NEIGHBOUR_NOTE) :].split(",", 1)[0].strip()


def holder_named(line: str) -> str | None:
    """The segment a note line says holds its sentence's translation (an
    ``IN_NEIGHBOUR_NOTE`` line), None for any other line: what the workbench shows in its
    place, by the segment's number, the id being no help to a reader."""
    return _waited_for(line) if line.startswith(IN_NEIGHBOUR_NOTE) else None


def set_aside_notes(notes: str) -> str:
    """The notes of a part a join sets aside: its "still in segment" line, stale once the
    part is in the joined segment, says it was, so that the ``#~`` entry claims no wait."""
    return "\n".join(
        SET_ASIDE_NOTE + line[len(IN_NEIGHBOUR_NOTE) :]
        if line.startswith(IN_NEIGHBOUR_NOTE)
        else line
        for line in notes.splitlines()
    )


def notes_taken_back(notes: str) -> str:
    """The notes of a part a split takes back out of a join: it waits again where it waited
    when the join set it aside (``set_aside_notes`` undone)."""
    return "\n".join(
        IN_NEIGHBOUR_NOTE + line[len(SET_ASIDE_NOTE) :] if line.startswith(SET_ASIDE_NOTE) else line
        for line in notes.splitlines()
    )


def without_wait(notes: str) -> str:
    """``notes`` without their "still in segment" line: the part no longer waits for a
    neighbour's translation (the rest, its old translation kept as a suggestion, stays)."""
    return "\n".join(line for line in notes.splitlines() if not line.startswith(IN_NEIGHBOUR_NOTE))


def waited_for(unit: TranslationUnit) -> str | None:
    """The segment whose translation ``unit``'s note says holds its sentence's whole
    translation, whatever ``unit`` holds; None where no such note is on it."""
    for line in unit.notes.splitlines():
        if line.startswith(IN_NEIGHBOUR_NOTE):
            return _waited_for(line)
    return None


def confirmed_omission(unit: TranslationUnit) -> bool:
    """Whether ``unit``'s empty translation is a decision, not work left to do: the
    translator confirmed that the translation leaves its source out, or it is a part whose
    translation the part before holds whole (``translation_in_neighbour``)."""
    if unit.target:
        return False
    return CONFIRMED in comment_notes(unit.comments) or translation_in_neighbour(unit)
