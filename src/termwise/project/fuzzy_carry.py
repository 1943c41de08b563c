"""The fuzzy match that carries an old translation to a reworded segment, found without
comparing the segment by difflib with every unit left over.

The rule (``FUZZY_THRESHOLD``, difflib's ratio, the lowest index on a tie) is the one the
sync always had; ``FuzzyIndex`` only finds its answer faster. Comparing each new segment
with every unit made opening a much-reworded translation quadratic (a 5,000-sentence text
with 2,000 sentences reworded took 2 min 14 s); an index that still bounded every unit with
numpy for each segment stayed quadratic past about 10,000 units (20,000 lines with 8,000
reworded: 8.1 s). On a catalogue's templated lines each trigram a segment must read is in
1/400 to 1/9 of the units, so what is read still grows with the units: no count of grams
(trigrams, bigrams, 4-grams, pieces) excludes a line that differs by a two-character
substitution more cheaply, as each such bound must also allow single-character edits.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from termwise.document.ids import content_key

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Array = npt.NDArray[np.int64]

FUZZY_THRESHOLD = 0.85

# A character trigram as one integer (code points are below 2**21).
_SHIFT = 21


def best_fuzzy(
    text: str,
    candidates: Sequence[tuple[int, str]],
    best: tuple[int | None, float] = (None, 0.0),
) -> tuple[int | None, float]:
    """The candidate whose source is closest to ``text`` by difflib's ratio, at least
    ``FUZZY_THRESHOLD``, with that ratio, or ``best`` (found among others) where none is
    closer (``(None, 0.0)``: none). On a tie the lowest index wins, whatever the order of
    ``candidates``: tried most promising first, a close match found early lets the cheap
    bounds skip the rest."""
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(content_key(text))
    for index, source in candidates:
        matcher.set_seq1(content_key(source))
        # Upper bounds of ratio(): what cannot reach the threshold, or tie the best found,
        # skips the quadratic ratio().
        bar = max(FUZZY_THRESHOLD, best[1])
        if matcher.real_quick_ratio() < bar or matcher.quick_ratio() < bar:
            continue
        best = _better(index, matcher.ratio(), best)
    return best


def _better(index: int, ratio: float, best: tuple[int | None, float]) -> tuple[int | None, float]:
    """``best`` or the candidate ``index`` at ``ratio``, whichever wins: the one rule of the
    threshold and the tie, so that ``FuzzyIndex`` finds what ``best_fuzzy`` finds."""
    if ratio < FUZZY_THRESHOLD:
        return best
    if ratio > best[1] or (ratio == best[1] and best[0] is not None and index < best[0]):
        return (index, ratio)
    return best


class FuzzyIndex:
    """The units the fuzzy pass may still carry over, indexed so that finding a segment's
    match costs about what the units that could match it cost, not what all units cost.

    ``best`` finds what ``best_fuzzy`` over every unit finds (the same unit, the same ratio,
    the same winner of a tie). Every unit it leaves out is proven unable to reach the bar
    (the threshold, or the best ratio found so far, which a tie must reach) by bounds on
    difflib's matching characters M, ratio = 2·M/T with T the two lengths together:

    * length: M ≤ min(a, b). Units are kept in order of length, so the units whose length
      can reach the bar are one slice, found by bisection;
    * trigrams: difflib's matching blocks are in order in both texts, with an unmatched
      character of one text or the other between two blocks, so there are at most
      T - 2M + 1 blocks, and a block of L characters is L - 2 trigrams both texts have:
      M - 2·(T - 2M + 1) ≤ G, the trigrams in common (as multisets), so
      M ≤ (G + 2·(T + 1)) / 5;
    * characters: M ≤ the characters in common (difflib's ``quick_ratio``).

    A segment first gets a short list, the ``SHORTLIST`` units sharing most of its rarest
    trigrams: a reworded sentence's old unit is nearly always there, and its ratio raises
    the bar. The trigram bound then says how many of the segment's trigrams a unit must
    share to reach the bar; a unit sharing none of the rarest ones (all but that many minus
    one) cannot, so only the postings of those rare trigrams are read (prefix filtering).
    Near the threshold the bound needs few trigrams in common, so a segment with no close
    match reads more postings; where it cannot exclude any unit (short texts), the units of
    the length slice are bounded by their characters, as before.
    """

    SHORTLIST = 16
    COLUMNS = 127
    GRAM = 3
    # Postings read for the short list beyond its rarest trigram: enough to single out a
    # reworded sentence's old unit, few next to the units a catalogue's trigram is in.
    SHORTLIST_POSTINGS = 256

    def __init__(self, candidates: Sequence[tuple[int, str]]) -> None:
        self._count = len(candidates)
        # A few units (a source edited here and there) are compared as they are, without
        # importing numpy for a command that does not otherwise need it.
        self._few: list[tuple[int, str]] | None = None
        if self._count <= self.SHORTLIST:
            self._few = list(candidates)
            return
        import numpy as np

        keys = [content_key(source) for _, source in candidates]
        lengths = np.array([len(key) for key in keys], dtype=np.int64)
        order = np.argsort(lengths, kind="stable")
        # Everything below is by rank, the place in order of length.
        self._candidates = [candidates[at] for at in order.tolist()]
        self._keys = [keys[at] for at in order.tolist()]
        self._rank = {index: rank for rank, (index, _) in enumerate(self._candidates)}
        self._lengths = lengths[order]
        self._alive = np.ones(self._count, dtype=bool)
        # The ranks where each length starts, for the slice of lengths that reach the bar.
        self._length_values, self._length_starts = np.unique(self._lengths, return_index=True)
        text = "".join(keys[at] for at in order.tolist())
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        ends = np.cumsum(self._lengths)
        owner = np.repeat(np.arange(self._count), self._lengths)
        self._build_postings(points, owner, ends)
        self._build_characters(points, owner)

    def _build_postings(
        self,
        points: Array,
        owner: Array,
        ends: Array,
    ) -> None:
        """Each trigram's units (by rank, ascending) and how often it is in each."""
        import numpy as np

        starts = np.flatnonzero(np.arange(len(points)) + self.GRAM <= ends[owner])
        codes = (
            (points[starts] << (2 * _SHIFT)) | (points[starts + 1] << _SHIFT) | points[starts + 2]
        )
        ranks = owner[starts]
        by = np.lexsort((ranks, codes))
        codes, ranks = codes[by], ranks[by]
        first = np.ones(len(codes), dtype=bool)
        first[1:] = (codes[1:] != codes[:-1]) | (ranks[1:] != ranks[:-1])
        at = np.flatnonzero(first)
        self._post_ranks = ranks[at]
        self._post_counts = np.diff(np.append(at, len(codes)))
        self._gram_codes, grams = np.unique(codes[at], return_inverse=True)
        # Each posting's trigram and rank as one number, in order: one search finds where
        # a trigram's units of some ranks are.
        self._post_keys = grams.reshape(-1) * (self._count + 1) + self._post_ranks

    def _build_characters(self, points: Array, owner: Array) -> None:
        """Each unit's characters counted, the ``COLUMNS`` most frequent each in a column
        and the others together in one (which can only raise the bound)."""
        import numpy as np

        values, inverse, frequency = np.unique(points, return_inverse=True, return_counts=True)
        common = np.argsort(-frequency, kind="stable")[: self.COLUMNS]
        column_of = np.full(len(values), len(common), dtype=np.int64)
        column_of[common] = np.arange(len(common))
        self._column = {int(values[at]): column for column, at in enumerate(common.tolist())}
        self._other = len(common)
        width = self._other + 1
        cells = owner * width + column_of[inverse.reshape(-1)]
        counts = np.bincount(cells, minlength=self._count * width)
        # A column per character: a segment's few characters are read for many units.
        self._chars = np.ascontiguousarray(counts.reshape(self._count, width).T, dtype=np.int32)

    def __bool__(self) -> bool:
        return self._count > 0

    def remove(self, index: int) -> None:
        if self._few is not None:
            self._few = [unit for unit in self._few if unit[0] != index]
            self._count = len(self._few)
            return
        rank = self._rank[index]
        if self._alive[rank]:
            self._alive[rank] = False
            self._count -= 1

    def best(self, text: str) -> tuple[int | None, float]:
        """The unit still here closest to ``text`` and its ratio, as ``best_fuzzy``."""
        if self._few is not None:
            return best_fuzzy(text, self._few)
        import numpy as np

        key = content_key(text)
        length = len(key)
        window = self._window(length, FUZZY_THRESHOLD)
        if window is None:
            return (None, 0.0)
        low, high = window
        grams, counts, starts, ends = self._query_grams(key, low, high)
        rarest = np.argsort(ends - starts, kind="stable")
        grams, counts, starts, ends = grams[rarest], counts[rarest], starts[rarest], ends[rarest]
        # The rarest trigrams, as many as take reading no more postings than there are units:
        # they single out a reworded sentence's old unit for the short list, and a unit must
        # share many of them to reach a high bar.
        read = max(1, int(np.searchsorted(np.cumsum(ends - starts), (high - low) // 2, "right")))
        shared = self._shared(starts[:read], ends[:read], counts[:read], low, high)
        done = read
        sharing = np.flatnonzero((shared > 0) & self._alive[low:high])
        if len(sharing) > self.SHORTLIST:
            sharing = sharing[np.argpartition(-shared[sharing], self.SHORTLIST)[: self.SHORTLIST]]
        top = sharing[np.argsort(-shared[sharing], kind="stable")]
        shortlist = top + low
        best = self._compare(key, (None, 0.0), shortlist, None)
        bar = max(FUZZY_THRESHOLD, best[1])
        narrow = self._window(length, bar)
        if narrow is None:
            return best
        if length >= self.GRAM:
            # A unit must share this many of the segment's trigrams to reach the bar: one that
            # shares none of those read shares at most those not read.
            needed = self._trigrams_needed(self._totals(length, *narrow), bar)
            enough = int(counts.sum()) - needed + 1
            least = int(np.searchsorted(np.cumsum(counts), enough)) + 1
            if needed > 0 and least <= len(grams):
                within = shared[narrow[0] - low : narrow[1] - low]
                alive = self._alive[narrow[0] : narrow[1]]
                read = max(read, least)
                while True:
                    if read > done:
                        # ``within`` is a view of ``shared``.
                        shared += self._shared(
                            starts[done:read], ends[done:read], counts[done:read], low, high
                        )
                        done = read
                    # What a unit must share of the trigrams read (at least one).
                    unread = int(counts[read:].sum())
                    ats = np.flatnonzero((within >= needed - unread) & alive)
                    # More trigrams, while reading them costs less than bounding the units
                    # left: each one read raises what a unit must share.
                    more = np.cumsum(ends[read:] - starts[read:])
                    read += int(np.searchsorted(more, len(ats), "right"))
                    if read == done:
                        break
                ranks = ats + narrow[0]
                keep = ~np.isin(ranks, shortlist)
                return self._compare(key, best, ranks[keep], within[ats[keep]] + unread)
        ranks = np.arange(*narrow)[self._alive[narrow[0] : narrow[1]]]
        return self._compare(key, best, ranks[~np.isin(ranks, shortlist)], None)

    def _compare(
        self,
        key: str,
        best: tuple[int | None, float],
        ranks: Array,
        trigrams: Array | None,
    ) -> tuple[int | None, float]:
        """``best`` or better among ``ranks``, compared by difflib where the bounds (with at
        most ``trigrams`` in common each) reach the bar, the highest bound first: once a
        bound falls short of the bar, so do all after it. Ties go to the lowest index, as
        in ``best_fuzzy``."""
        import numpy as np

        bar = max(FUZZY_THRESHOLD, best[1])
        total = self._lengths[ranks] + len(key)
        matching = np.minimum(self._lengths[ranks], len(key))
        if trigrams is not None:
            matching = np.minimum(matching, (trigrams + 2 * (total + 1)) // 5)
        keep = ~(_ratio(matching, total) < bar)
        ranks, total, matching = ranks[keep], total[keep], matching[keep]
        wanted = np.zeros(self._other + 1, dtype=np.int32)
        for char, count in Counter(key).items():
            wanted[self._column.get(ord(char), self._other)] += count
        # Only the segment's characters can be in common. Only these units' cells are read:
        # taking the rows first copied every unit's counts for each segment.
        columns = np.flatnonzero(wanted)
        common = np.minimum(self._chars[columns[:, None], ranks], wanted[columns, None]).sum(axis=0)
        bound = _ratio(np.minimum(matching, common), total)
        order = np.argsort(-bound, kind="stable")
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        for rank, reach in zip(ranks[order].tolist(), bound[order].tolist(), strict=True):
            if reach < max(FUZZY_THRESHOLD, best[1]):
                break
            index = self._candidates[rank][0]
            matcher.set_seq1(self._keys[rank])
            best = _better(index, matcher.ratio(), best)
        return best

    def _window(self, length: int, bar: float) -> tuple[int, int] | None:
        """The ranks of the units whose length can reach ``bar``, as a slice."""
        import numpy as np

        values = self._length_values
        reach = _ratio(np.minimum(values, length), values + length)
        # The very comparison ``real_quick_ratio`` makes; it rises up to ``length``, then falls.
        fits = np.flatnonzero(~(reach < bar))
        if len(fits) == 0:
            return None
        low = int(self._length_starts[fits[0]])
        after = fits[-1] + 1
        high = int(self._length_starts[after]) if after < len(values) else len(self._lengths)
        return low, high

    def _totals(self, length: int, low: int, high: int) -> Array:
        """The lengths of the units of ranks ``low`` to ``high``, each once, plus ``length``."""
        import numpy as np

        values = self._length_values
        first = np.searchsorted(values, self._lengths[low])
        last = np.searchsorted(values, self._lengths[high - 1], side="right")
        return values[first:last] + length

    def _query_grams(self, key: str, low: int, high: int) -> tuple[Array, Array, Array, Array]:
        """The trigrams of ``key`` (each as its index among the units' trigrams, or -1 where
        no unit has it), how often each is in ``key``, and where the postings of the units of
        ranks ``low`` to ``high`` with it begin and end."""
        import numpy as np

        found = Counter(_gram_code(key, at) for at in range(len(key) - self.GRAM + 1))
        codes = np.array(list(found), dtype=np.int64)
        counts = np.array(list(found.values()), dtype=np.int64)
        at = np.minimum(np.searchsorted(self._gram_codes, codes), len(self._gram_codes) - 1)
        present = self._gram_codes[at] == codes if len(self._gram_codes) else at < 0
        grams = np.where(present, at, -1)
        # Postings are in order of trigram, then rank: one search finds each slice.
        base = np.where(present, at, 0) * (len(self._lengths) + 1)
        starts = np.searchsorted(self._post_keys, base + low)
        ends = np.where(present, np.searchsorted(self._post_keys, base + high), starts)
        return grams, counts, starts, ends

    def _shared(self, starts: Array, ends: Array, counts: Array, low: int, high: int) -> Array:
        """For each unit of ranks ``low`` to ``high``, how many trigrams it shares with a text
        having each trigram of the postings ``starts`` to ``ends`` ``counts`` times."""
        import numpy as np

        shared = np.zeros(high - low, dtype=np.int64)
        # A trigram the text has once is shared once by each unit that has it: no weights.
        once = [
            self._post_ranks[start:end]
            for start, end, count in zip(
                starts.tolist(), ends.tolist(), counts.tolist(), strict=True
            )
            if end > start and count == 1
        ]
        if once:
            shared += np.bincount(np.concatenate(once) - low, minlength=high - low)
        more = (counts > 1) & (ends > starts)
        if more.any():
            starts, ends, counts = starts[more], ends[more], counts[more]
            sizes = ends - starts
            ats = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
            weights = np.minimum(self._post_counts[ats], np.repeat(counts, sizes))
            found = np.bincount(self._post_ranks[ats] - low, weights=weights, minlength=high - low)
            shared += found.astype(np.int64)
        return shared

    @staticmethod
    def _trigrams_needed(totals: Array, bar: float) -> int:
        """The fewest trigrams in common with which a unit of any of these ``totals`` (its
        length and the segment's) may reach ``bar``: M ≤ (G + 2·(T + 1)) / 5."""
        import numpy as np

        # The fewest matching characters for the bar, as difflib's float ratio compares.
        matching = np.maximum(np.floor(bar * totals / 2) - 1, 0).astype(np.int64)
        for _ in range(4):
            matching += _ratio(matching, totals) < bar
        return int((5 * matching - 2 * (totals + 1)).min())

    @classmethod
    def _grams(cls, key: str) -> set[str]:
        """The distinct trigrams of ``key`` (itself, if shorter)."""
        if len(key) <= cls.GRAM:
            return {key}
        return {key[at : at + cls.GRAM] for at in range(len(key) - cls.GRAM + 1)}


def _gram_code(key: str, at: int) -> int:
    return (ord(key[at]) << (2 * _SHIFT)) | (ord(key[at + 1]) << _SHIFT) | ord(key[at + 2])


def _ratio(matching: Array, total: Array) -> npt.NDArray[np.float64]:
    """difflib's ratio for these matching characters and lengths, as difflib computes it (a
    bound compared with a ratio must not differ from it by rounding)."""
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, 2.0 * matching / total, 1.0)
