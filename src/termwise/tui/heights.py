"""Row heights as a Fenwick tree, so that a book-length grid never re-measures every row.

The grid needs three things fast: the y offset of a row (to scroll to it), the row under a
y offset (to render a line), and a cheap update when one row's height changes (an edit
re-wraps one row). A prefix-sum array makes the update O(n); a Fenwick tree makes all
three O(log n).
"""

from __future__ import annotations

from collections.abc import Sequence


class HeightIndex:
    """Prefix sums of row heights with O(log n) update, offset and lookup."""

    def __init__(self, heights: Sequence[int] = ()) -> None:
        self._heights = list(heights)
        self._tree = [0] * (len(self._heights) + 1)
        self._build()

    def _build(self) -> None:
        tree = self._tree
        size = len(self._heights)
        for index, height in enumerate(self._heights, start=1):
            tree[index] += height
            parent = index + (index & -index)
            if parent <= size:
                tree[parent] += tree[index]
        self._top_bit = 1 << size.bit_length() if size else 0

    def __len__(self) -> int:
        return len(self._heights)

    @property
    def total(self) -> int:
        """Height of all rows together (the grid's virtual height)."""
        return self.offset(len(self._heights))

    def height(self, row: int) -> int:
        return self._heights[row]

    def set_height(self, row: int, height: int) -> int:
        """Change one row's height; returns the change so callers know whether to relayout."""
        delta = height - self._heights[row]
        if delta:
            self._heights[row] = height
            index = row + 1
            tree = self._tree
            size = len(self._heights)
            while index <= size:
                tree[index] += delta
                index += index & -index
        return delta

    def offset(self, row: int) -> int:
        """Sum of the heights of the rows before ``row`` (its top y)."""
        total = 0
        index = row
        tree = self._tree
        while index > 0:
            total += tree[index]
            index -= index & -index
        return total

    def locate(self, y: int) -> tuple[int, int]:
        """The row covering line ``y`` and the line within it; ``(len, 0)`` past the end."""
        if y < 0:
            return 0, 0
        position = 0
        remaining = y
        tree = self._tree
        size = len(self._heights)
        step = self._top_bit
        # Standard Fenwick descent: find the largest prefix whose sum is <= y.
        while step:
            nxt = position + step
            if nxt <= size and tree[nxt] <= remaining:
                position = nxt
                remaining -= tree[nxt]
            step >>= 1
        return position, remaining
