"""Bulk screens: which segments a check needs to look at, found for the whole document at once.

Most segments of a real document have nothing for most checks (no digits, no brackets, no
double space). Calling every check on every segment only to learn that costs a Python call
per check and segment; a screen instead runs one precompiled regular expression over all the
texts of one side joined together (one C-level scan) and names the few segments with a
candidate, and only those are given to the check. A screen may name too many segments (the
check decides), never too few.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Side

# Between two texts in the joined string: no screen pattern matches it, so no match spans
# two segments, and word boundaries behave as at the ends of a text.
_SEPARATOR = "\x00"


@dataclass
class JoinedSide:
    """All texts of one side joined by ``_SEPARATOR``, with where each one starts."""

    text: str
    starts: list[int]
    # The pairs joined: a run gives the markup check a Markdown source's texts as written
    # and the other checks the same pairs with their comments blanked out.
    pairs: Sequence[Pair] = ()
    _lowered: str | None = None

    def lowered(self) -> str | None:
        """The joined text lower-cased, or None where that would move offsets ("İ")."""
        if self._lowered is None:
            lowered = self.text.lower()
            self._lowered = lowered if len(lowered) == len(self.text) else ""
        return self._lowered or None


def joined_side(context: CheckContext, pairs: Sequence[Pair], side: Side) -> JoinedSide:
    """The joined texts of ``side`` (a missing target counts as empty), built once per run."""
    key = f"joined-{side}-{id(pairs)}"
    cached = context.cache.get(key)
    if isinstance(cached, JoinedSide) and cached.pairs is pairs:
        return cached
    texts = [pair.source for pair in pairs] if side == "source" else [p.target or "" for p in pairs]
    starts: list[int] = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    joined = JoinedSide(_SEPARATOR.join(texts), starts, pairs)
    context.cache[key] = joined
    return joined


def segments_matching(
    pattern: re.Pattern[str], context: CheckContext, pairs: Sequence[Pair], side: Side
) -> list[int]:
    """Indices of the pairs whose ``side`` text ``pattern`` finds something in."""
    joined = joined_side(context, pairs, side)
    text, starts = joined.text, joined.starts
    search = pattern.search
    found: list[int] = []
    count = len(starts)
    position = 0
    while (match := search(text, position)) is not None:
        index = bisect_right(starts, match.start()) - 1
        found.append(index)
        if index + 1 >= count:
            break
        # The rest of this segment cannot add anything: go on with the next one.
        position = starts[index + 1]
    return found


def either_side(
    pattern: re.Pattern[str], context: CheckContext, pairs: Sequence[Pair]
) -> list[int]:
    """Indices of the pairs where ``pattern`` finds something in the source or the target."""
    found = set(segments_matching(pattern, context, pairs, "source"))
    found.update(segments_matching(pattern, context, pairs, "target"))
    return sorted(found)


def segments_containing(
    needles: Iterable[str],
    context: CheckContext,
    pairs: Sequence[Pair],
    side: Side,
    *,
    ignore_case: bool = False,
) -> list[int]:
    """Indices of the pairs whose ``side`` text contains any of ``needles``.

    ``str.find`` scans for a plain string far faster than a regular expression scans for a
    character class or an alternation, so screens for marks and digits use this. With
    ``ignore_case`` the needles must be lower case.
    """
    joined = joined_side(context, pairs, side)
    text: str | None = joined.text
    if ignore_case:
        text = joined.lowered()
        if text is None:
            # Lower-casing would move offsets: fall back to a case-insensitive pattern.
            pattern = re.compile("|".join(map(re.escape, needles)), re.IGNORECASE)
            return segments_matching(pattern, context, pairs, side)
    assert text is not None
    starts = joined.starts
    count = len(starts)
    found: set[int] = set()
    find = text.find
    for needle in needles:
        position = find(needle)
        while position != -1:
            index = bisect_right(starts, position) - 1
            found.add(index)
            if index + 1 >= count:
                break
            position = find(needle, starts[index + 1])
    return sorted(found)


def segments_containing_either(
    needles: Iterable[str], context: CheckContext, pairs: Sequence[Pair], **options: bool
) -> list[int]:
    """``segments_containing`` on the source or the target."""
    needles = tuple(needles)
    found = set(segments_containing(needles, context, pairs, "source", **options))
    found.update(segments_containing(needles, context, pairs, "target", **options))
    return sorted(found)
