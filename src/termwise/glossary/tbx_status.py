"""Where each TBX dialect puts a term's status, and which values it allows there.

A term's status decides whether termwise flags it, so it is read only from the file, never
guessed from the term's position:

- TBX-Basic v3 (and TBX-Basic 2008): ``termNote type="administrativeStatus"`` (dca) or
  ``<min:administrativeStatus>`` (dct), values ``preferredTerm-admn-sts``,
  ``admittedTerm-admn-sts``, ``deprecatedTerm-admn-sts``, ``supersededTerm-admn-sts``.
- TBX-Min v3: ``administrativeStatus`` with ``preferred``, ``admitted``, ``notRecommended``,
  ``obsolete`` (LTAC's TBX-Min schematron).
- TBX 2008 (``martif``): ``administrativeStatus`` with seven ``…Term-admn-sts`` values, and
  ``normativeAuthorization`` with the same seven without the suffix.
- Files in the wild also carry ``usageStatus`` (TBX-Min drafts and converters) and the 2013
  TBX-Min ``termStatus``: read, and reported as outside the dialect.

A value a dialect does not allow is still read where its meaning is clear (``deprecated`` in a
TBX-Basic file), and reported; a value with no clear meaning leaves the term without a status,
reported. Two statuses on one term that disagree: the more cautious one wins, reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from termwise.glossary.model import TermStatus

# Data categories that carry a term's status, in any dialect termwise reads.
STATUS_CATEGORIES = frozenset(
    {"administrativeStatus", "normativeAuthorization", "usageStatus", "termStatus"}
)

BASIC_VALUES = frozenset(
    {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
    }
)
MIN_VALUES = frozenset({"preferred", "admitted", "notRecommended", "obsolete"})
_TBX2008_KINDS = ("standardized", "preferred", "admitted", "deprecated", "superseded", "legal")
TBX2008_ADMN_VALUES = frozenset({f"{kind}Term-admn-sts" for kind in (*_TBX2008_KINDS, "regulated")})
TBX2008_NORMATIVE_VALUES = frozenset({f"{kind}Term" for kind in (*_TBX2008_KINDS, "regulated")})

# dialect -> status category -> the values it allows. A dialect not listed (TBX-Core, a
# private one) constrains nothing; every known spelling is read without complaint.
DIALECT_STATUS_VALUES: dict[str, dict[str, frozenset[str]]] = {
    "TBX-Basic": {"administrativeStatus": BASIC_VALUES},
    "TBX-Min": {"administrativeStatus": MIN_VALUES},
    "TBX-Basic 2008": {"administrativeStatus": BASIC_VALUES},
    "TBX 2008": {
        "administrativeStatus": TBX2008_ADMN_VALUES,
        "normativeAuthorization": TBX2008_NORMATIVE_VALUES,
    },
}


def dialect_of(root_name: str, type_attribute: str | None) -> str | None:
    """The dialect a file declares: ``TBX-Basic``, ``TBX-Min``, ``TBX 2008``, ... or None."""
    if root_name == "martif":
        return "TBX-Basic 2008" if type_attribute == "TBX-Basic" else "TBX 2008"
    if type_attribute in ("TBX-Basic", "TBX-Min"):
        return type_attribute
    return None


@dataclass(frozen=True)
class StatusReading:
    """What one status element says: the status (None: no clear meaning) and any complaint."""

    status: TermStatus | None
    complaint: str | None = None


def read_status(dialect: str | None, category: str, value: str) -> StatusReading:
    """Read ``value`` of status category ``category`` in a file of ``dialect``."""
    try:
        status: TermStatus | None = TermStatus.parse(value)
    except ValueError:
        status = None
    if status is TermStatus.UNSPECIFIED:
        status = None
    allowed = DIALECT_STATUS_VALUES.get(dialect or "")
    if status is None:
        expected = (
            f" (expected {_one_of(allowed[category])})" if allowed and category in allowed else ""
        )
        return StatusReading(
            None, f"unknown {category} value {value!r}{expected}; the term keeps no status"
        )
    if allowed is None:
        return StatusReading(status)
    if category not in allowed:
        return StatusReading(
            status,
            f"{category} is not a {dialect} data category for a term's status "
            f"(use {', '.join(sorted(allowed))}); {value!r} read as {status.value}",
        )
    if value.strip() not in allowed[category]:
        return StatusReading(
            status,
            f"{value!r} is not a {dialect} value of {category} "
            f"(expected {_one_of(allowed[category])}); read as {status.value}",
        )
    return StatusReading(status)


def most_cautious(statuses: list[TermStatus]) -> TermStatus:
    """The status that warns most strongly against a term (deprecated over preferred)."""
    return max(statuses, key=lambda status: status.caution, default=TermStatus.UNSPECIFIED)


def _one_of(values: frozenset[str]) -> str:
    return "one of " + ", ".join(sorted(values))
