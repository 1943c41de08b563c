"""Review states: XLIFF 1.2, XLIFF 2.x, TMX and PO, mapped to termwise's four, both ways.

termwise has four states (``project.units.SegmentState``): *new* (no translation), *mt* (the
machine translation, untouched), *edited* (a person's translation, not yet reviewed) and
*reviewed*. Every state the formats define maps to one of them:

==========================  =====================================  ===================
Format                      Value                                  termwise
==========================  =====================================  ===================
XLIFF 1.2 ``state``         (no target text, whatever the state)   new
                            ``needs-translation`` with an empty    new (a placeholder,
                            target or a copy of the source         not a translation)
                            ``needs-translation`` (other text:     edited
                            translate-toolkit's fuzzy entries)
                            ``new``, ``needs-l10n``,               edited
                            ``needs-adaptation``,
                            ``needs-review-translation``,
                            ``needs-review-l10n``,
                            ``needs-review-adaptation``
                            any of these with ``state-qualifier``  mt
                            ``mt-suggestion`` or ``leveraged-mt``
                            ``translated``                         edited; reviewed
                                                                   with approved="yes"
                            ``signed-off``, ``final``              reviewed
                            no state                               reviewed with
                                                                   approved="yes", else
                                                                   edited
XLIFF 2.x ``state``         none (the default is ``initial``),     edited (mt with
                            ``initial``, ``translated``            subState termwise:mt)
                            ``reviewed``, ``final``                reviewed
TMX ``prop x-state``        termwise's own value                   that state
                            no state (a memory keeps what a        reviewed
                            translator confirmed)
PO                          empty ``msgstr``                       new
                            ``fuzzy``, text equal to ``#. MT:``    mt
                            ``fuzzy``                              edited
                            no ``fuzzy``                           reviewed
==========================  =====================================  ===================

Written back: new → XLIFF 1.2 no target, approved="no" / XLIFF 2 ``initial`` / PO empty;
mt → ``translated`` + ``mt-suggestion``, no ``approved`` / ``translated`` + subState
``termwise:mt`` / fuzzy with the MT comment; edited → ``translated``, no ``approved`` /
``translated`` + ``termwise:edited`` / fuzzy; reviewed → ``final``, approved="yes" /
``reviewed`` / no fuzzy. TMX carries termwise's value in ``prop type="x-state"``. An
export is a snapshot: what was not reviewed when it was written says nothing of review
(translate-toolkit reads such a unit as translated, unreviewed, fuzzy), so importing it
after the review leaves the review alone; ``approved="no"`` and ``needs-review-…`` stay
what another tool's reviewer writes to withdraw an approval.

A reviewed segment goes back to review on import only where the file says the unit is not
reviewed (``StateReading.says_unreviewed``): XLIFF 1.2 ``approved="no"``, a ``new``,
``needs-…`` or ``rejected-…`` state; XLIFF 2 ``initial``; a PO ``fuzzy`` flag; memoQ's or
Trados Studio's ``Rejected…``. A TMX ``x-state`` is termwise's own snapshot and withdraws
nothing. No state says
nothing of review, and neither does ``translated`` (XLIFF 1.2 without ``approved``, or
XLIFF 2): it says someone translated the unit, as OmegaT, Okapi and memoQ write for work no
review step touched, and as termwise's own XLIFF 2 export writes before the review. Those
read as edited where they fill a segment, but a project's review stays.

Where a file contradicts itself (XLIFF 1.2 ``approved="yes"`` on a ``needs-review-…`` or
``new`` target, ``approved="no"`` on ``final``, a ``rejected-…`` qualifier on an approved
target; XLIFF 2 ``reviewed`` with termwise's ``mt``/``edited`` subState left over; a reviewed
state without a target) the cautious reading wins (not reviewed) and the reading says why,
so the import reports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from termwise.project.units import SegmentState

NEW, MT, EDITED, REVIEWED = (
    SegmentState.NEW,
    SegmentState.MT,
    SegmentState.EDITED,
    SegmentState.REVIEWED,
)

XLIFF12_STATES: dict[str, SegmentState] = {
    "new": EDITED,
    "needs-translation": EDITED,
    "needs-l10n": EDITED,
    "needs-adaptation": EDITED,
    "needs-review-translation": EDITED,
    "needs-review-l10n": EDITED,
    "needs-review-adaptation": EDITED,
    "translated": EDITED,
    "signed-off": REVIEWED,
    "final": REVIEWED,
}
XLIFF12_MT_QUALIFIERS = frozenset({"mt-suggestion", "leveraged-mt"})
XLIFF12_REJECTED_QUALIFIERS = frozenset(
    {"rejected-grammar", "rejected-inaccurate", "rejected-length", "rejected-spelling"}
)
# States that say the target still needs work: approved="yes" beside them is a contradiction.
_XLIFF12_UNFINISHED = frozenset(XLIFF12_STATES) - {"translated", "signed-off", "final"}

XLIFF2_STATES: dict[str, SegmentState] = {
    "initial": EDITED,
    "translated": EDITED,
    "reviewed": REVIEWED,
    "final": REVIEWED,
}
XLIFF2_MT_SUBSTATE = "termwise:mt"
XLIFF2_EDITED_SUBSTATE = "termwise:edited"

TMX_STATE_PROPERTY = "x-state"


@dataclass(frozen=True)
class StateReading:
    """The state a unit is read in, and why it was read cautiously (None: no contradiction).

    ``placeholder`` marks a target that is no translation (XLIFF 1.2 ``needs-translation``
    on an empty target or a copy of the source): the unit is new, and the text is not used.
    ``says_unreviewed``: the file says in so many words that the unit is not reviewed (a
    reviewer withdrew or refused the approval), which sends a segment reviewed in the
    project back to review; a ``state`` other than reviewed read from a file that says
    nothing of review is only what the unit fills an empty segment as.
    """

    state: SegmentState
    conflict: str | None = None
    placeholder: bool = False
    says_unreviewed: bool = False


def from_xliff12(
    *,
    source: str,
    target: str,
    state: str | None,
    qualifier: str | None,
    approved: str | None,
) -> StateReading:
    """Read an XLIFF 1.2 ``<target state state-qualifier>`` on a unit with ``approved``."""
    said = _describe(("state", state), ("state-qualifier", qualifier), ("approved", approved))
    if not target.strip():
        if state in ("final", "signed-off") or approved == "yes":
            return StateReading(NEW, f"{said} but no target text; read as new")
        return StateReading(NEW)
    # "translated" alone says who did the work, not that a review refused it.
    unreviewed = (
        approved == "no" or state in _XLIFF12_UNFINISHED or qualifier in XLIFF12_REJECTED_QUALIFIERS
    )
    if state == "needs-translation" and _same(target, source):
        return StateReading(NEW, placeholder=True, says_unreviewed=True)
    if state is None:
        return StateReading(REVIEWED if approved == "yes" else EDITED, says_unreviewed=unreviewed)
    mapped = XLIFF12_STATES.get(state)
    if mapped is None:
        unknown = None if state.startswith("x-") else f"unknown state {state!r}; read as edited"
        reading = REVIEWED if approved == "yes" and unknown is None else EDITED
        return StateReading(reading, unknown, says_unreviewed=unreviewed)
    if qualifier in XLIFF12_REJECTED_QUALIFIERS and (mapped is REVIEWED or approved == "yes"):
        why = f"{said}: rejected yet final; read as edited"
        return StateReading(EDITED, why, says_unreviewed=True)
    if approved == "yes" and state in _XLIFF12_UNFINISHED:
        why = f"{said}: approved yet unfinished; read as edited"
        return StateReading(EDITED, why, says_unreviewed=True)
    if approved == "no" and mapped is REVIEWED:
        why = f"{said}: final yet not approved; read as edited"
        return StateReading(EDITED, why, says_unreviewed=True)
    if state == "translated" and approved == "yes":
        return StateReading(REVIEWED)  # translate-toolkit writes every finished unit so
    if mapped is EDITED and qualifier in XLIFF12_MT_QUALIFIERS:
        return StateReading(MT, says_unreviewed=unreviewed)
    return StateReading(mapped, says_unreviewed=unreviewed)


# memoQ's segment status (``mq:status`` on a trans-unit) and Trados Studio's confirmation
# level (``conf`` of an ``sdl:seg``), read where the XLIFF states are not written: a segment
# a reviewer confirmed or approved there imported as merely edited. A translator's own
# confirmation is XLIFF's "translated": edited, to be reviewed.
MEMOQ_STATES: dict[str, SegmentState] = {
    "NotStarted": NEW,
    "Pretranslated": EDITED,
    "PreTranslated": EDITED,
    "AssembledFromFragments": EDITED,
    "PartiallyEdited": EDITED,
    "Edited": EDITED,
    "MachineTranslated": MT,
    "ManuallyConfirmed": EDITED,
    "Confirmed": EDITED,
    "Rejected": EDITED,
    "Reviewer1Confirmed": REVIEWED,
    "Reviewer2Confirmed": REVIEWED,
    "Proofread": REVIEWED,
}
TRADOS_STATES: dict[str, SegmentState] = {
    "Draft": EDITED,
    "Translated": EDITED,
    "RejectedTranslation": EDITED,
    "RejectedSignOff": EDITED,
    "ApprovedTranslation": REVIEWED,
    "ApprovedSignOff": REVIEWED,
}


def from_tool_status(*, target: str, status: str, tool: str, machine: bool = False) -> StateReading:
    """Read memoQ's or Trados Studio's own status of a segment (``tool``: which one), for a
    unit whose XLIFF states say nothing; ``machine``: Trados marks the text as MT."""
    table = MEMOQ_STATES if tool == "memoQ" else TRADOS_STATES
    mapped = table.get(status)
    if not target.strip():
        return StateReading(NEW)
    if mapped is None:
        return StateReading(EDITED, f"unknown {tool} status {status!r}; read as edited")
    if mapped is EDITED and machine:
        return StateReading(MT)
    if mapped is NEW:
        return StateReading(EDITED, f"{tool} status {status} yet a target text; read as edited")
    if status.startswith("Rejected"):
        why = f"{tool} status {status}: the reviewer rejected it"
        return StateReading(EDITED, why, says_unreviewed=True)
    return StateReading(mapped)


def to_xliff12(state: SegmentState) -> tuple[str | None, str | None, str | None]:
    """``(state, state-qualifier, approved)`` for a unit in ``state`` (no state: no target;
    no ``approved``: the attribute left out).

    A unit not reviewed when exported is written as saying nothing of review: with
    ``approved="no"`` or ``needs-review-translation``, importing the export after its
    segments were reviewed read as a withdrawal and reopened every one of them."""
    if state is MT:
        return "translated", "mt-suggestion", None
    if state is EDITED:
        return "translated", None, None
    if state is REVIEWED:
        return "final", None, "yes"
    return None, None, "no"


def from_xliff2(*, target: str, state: str | None, sub_state: str | None) -> StateReading:
    """Read an XLIFF 2 ``<segment state subState>``; no state means ``initial``."""
    said = _describe(("state", state), ("subState", sub_state))
    if not target.strip():
        if state in ("reviewed", "final"):
            return StateReading(NEW, f"{said} but no target text; read as new")
        return StateReading(NEW)
    mapped = XLIFF2_STATES.get(state or "initial")
    if mapped is None:
        return StateReading(EDITED, f"unknown state {state!r}; read as edited")
    ours = sub_state in (XLIFF2_MT_SUBSTATE, XLIFF2_EDITED_SUBSTATE)
    if mapped is REVIEWED and ours:
        return StateReading(EDITED, f"{said}: reviewed yet marked unreviewed; read as edited")
    # Only an explicit "initial" says the unit is not done; no state, or "translated" (the
    # state termwise's own export writes before the review), says nothing of review.
    unreviewed = state == "initial"
    if mapped is EDITED and sub_state == XLIFF2_MT_SUBSTATE:
        return StateReading(MT, says_unreviewed=unreviewed)
    return StateReading(mapped, says_unreviewed=unreviewed)


def to_xliff2(state: SegmentState) -> tuple[str, str | None]:
    """``(state, subState)`` for a unit in ``state``."""
    if state is MT:
        return "translated", XLIFF2_MT_SUBSTATE
    if state is EDITED:
        return "translated", XLIFF2_EDITED_SUBSTATE
    if state is REVIEWED:
        return "reviewed", None
    return "initial", None


def from_tmx(*, target: str, properties: dict[str, str]) -> StateReading:
    """Read a TMX ``<tu>``: termwise's ``x-state`` where present, else a confirmed unit."""
    if not target.strip():
        return StateReading(NEW)
    value = properties.get(TMX_STATE_PROPERTY)
    if value is None:
        return StateReading(REVIEWED)
    try:
        state = SegmentState(value.strip())
    except ValueError:
        return StateReading(EDITED, f"unknown x-state {value!r}; read as edited")
    if state is NEW:
        why = "x-state 'new' on a unit with a target; read as edited"
        return StateReading(EDITED, why, says_unreviewed=True)
    # Only termwise writes x-state, and its export is a snapshot: mt or edited there says
    # the unit was not reviewed yet when the file was written, not that a review refused it.
    return StateReading(state)


def to_tmx(state: SegmentState) -> dict[str, str]:
    return {TMX_STATE_PROPERTY: state.value}


def from_po(*, target: str, fuzzy: bool, mt: str | None) -> StateReading:
    """Read a PO entry: the rule ``project.po_format.unit_from_message`` applies to project files."""
    if not target:
        return StateReading(NEW)
    if not fuzzy:
        return StateReading(REVIEWED)
    if mt is not None and "".join(mt.split()) == "".join(target.split()):
        return StateReading(MT, says_unreviewed=True)
    return StateReading(EDITED, says_unreviewed=True)


def to_po(state: SegmentState) -> bool:
    """Whether a unit in ``state`` is written ``fuzzy`` (mt and edited are)."""
    return state in (MT, EDITED)


def _same(target: str, source: str) -> bool:
    return " ".join(target.split()) == " ".join(source.split())


def _describe(*attributes: tuple[str, str | None]) -> str:
    return " ".join(f'{name}="{value}"' for name, value in attributes if value is not None)
