"""How the workbench's messages name segments: "#3", as the grid numbers its rows, and a list
of them as "#3, #7 and 12 more".

The toasts of a merge, of a lock another program took, of an undo and of a fix refused each
wrote the list their own way (one counted the segments it could not name among the "more",
one named the first only); they all say it as ``named_rows`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def row_number(segment_id: str, places: Mapping[str, int]) -> str:
    """ "#4" for the grid's fourth row (``places``: segment id → row index); a segment that
    is no row (an obsolete entry's) by its id."""
    place = places.get(segment_id)
    return f"#{place + 1}" if place is not None else f"segment {segment_id}"


def named_rows(segment_ids: Iterable[str], places: Mapping[str, int], *, limit: int) -> str:
    """The segments in the order given, ``limit`` of them named and the rest counted:
    "#1, #2" or "#1, #2 and 5 more"."""
    names = [row_number(segment_id, places) for segment_id in segment_ids]
    named = ", ".join(names[:limit])
    return named + (f" and {len(names) - limit} more" if len(names) > limit else "")
