"""How much a machine translation of the source looks like the target, for every candidate group.

chrF compares character n-grams; its count-clipped F-score cannot be summed over sentences,
so a group of three sentences would need its own n-gram count for each of the hundreds of
candidate groups around every sentence. The cosine of character n-gram count vectors ranks
pairs much as chrF does and *can* be built from sentence-level dot products: the dot product of
two groups is the sum of their sentences' pairwise products, and a group's norm comes from the
products of neighbouring sentences. So each sentence pair inside the search band is compared
once, and every group costs a few additions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

Array = npt.NDArray[np.float64]
Index = npt.NDArray[np.int64]
Pairs = list[list[Array]]

NGRAM_ORDERS = (2, 3, 4)
IDF_POWER = 1.0
_ROW_BLOCK = 512


def ngram_matrix(texts: Sequence[str], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Character n-gram counts of each text (lower-cased, spaces collapsed), one row per text."""
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for text in texts:
        plain = " " + " ".join(text.lower().split()) + " "
        counts: dict[int, int] = {}
        for order in NGRAM_ORDERS:
            for start in range(len(plain) - order + 1):
                gram = plain[start : start + order]
                column = vocabulary.setdefault(gram, len(vocabulary))
                counts[column] = counts.get(column, 0) + 1
        indices.extend(counts)
        data.extend(counts.values())
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(data, np.float64), np.asarray(indices, np.int64), np.asarray(indptr, np.int64)),
        shape=(len(texts), max(len(vocabulary), 1)),
    )


def _neighbour_dots(matrix: sparse.csr_matrix, distance: int) -> Array:
    """``dot(row k, row k + distance)`` for every k (0 where there is no such row)."""
    count = matrix.shape[0]
    out = np.zeros(count, np.float64)
    if count > distance:
        product = matrix[:-distance].multiply(matrix[distance:])
        out[:-distance] = np.asarray(product.sum(axis=1)).ravel()
    return out


MAX_GROUP = 4


def _group_norms(matrix: sparse.csr_matrix) -> list[Array]:
    """Squared norms, then dot products with the row 1, 2, ... MAX_GROUP - 1 rows on."""
    squares = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    return [squares, *(_neighbour_dots(matrix, d) for d in range(1, MAX_GROUP))]


def group_norm_squared(norms: list[Array], start: Index, size: int) -> Array:
    """Squared norm of the sum of ``size`` (1 to MAX_GROUP) rows from each ``start``."""
    last = len(norms[0]) - 1
    total = np.zeros(len(start), np.float64)
    for x in range(size):
        row = np.clip(start + x, 0, last)
        total += norms[0][row]
        for y in range(x + 1, size):
            total += 2 * norms[y - x][row]
    return total


def _group_lengths(norms: list[Array]) -> list[Array]:
    """For each size 1..MAX_GROUP (index 0 unused), the length of the summed vector of the
    group of that size from every start, past the end included (clipped as
    ``group_norm_squared`` clips)."""
    count = len(norms[0])
    if count == 0:
        return [np.zeros(1) for _ in range(MAX_GROUP + 1)]
    starts = np.arange(count + MAX_GROUP)
    return [np.zeros(0)] + [
        np.sqrt(group_norm_squared(norms, starts, size)) for size in range(1, MAX_GROUP + 1)
    ]


def _length_at(lengths: list[Array], start: Index, size: int) -> Array:
    """``_group_lengths`` of the groups of ``size`` from each ``start``."""
    return lengths[size][np.minimum(np.maximum(start, 0), len(lengths[size]) - 1)]


class BandSimilarity:
    """Cosine similarity of MT(source) groups and target groups near a given band."""

    def __init__(
        self,
        mt_texts: Sequence[str],
        target_texts: Sequence[str],
        weight: float = 8.0,
        *,
        vectors: tuple[sparse.csr_matrix, sparse.csr_matrix] | None = None,
    ) -> None:
        """Compare ``mt_texts`` with ``target_texts`` by character n-grams, or, given
        ``vectors``, the rows of those two matrices as they are (the texts then go unused)."""
        self.weight = weight
        if vectors is not None:
            self.mt, self.target = vectors[0].tocsr(), vectors[1].tocsr()
        else:
            vocabulary: dict[str, int] = {}
            self.mt = ngram_matrix(mt_texts, vocabulary)
            self.target = ngram_matrix(target_texts, vocabulary)
            width = max(len(vocabulary), 1)
            self.mt.resize((self.mt.shape[0], width))
            self.target.resize((self.target.shape[0], width))
            # Inverse document frequency: the n-grams of every sentence ("de ", "le ") say
            # little.
            documents = self.mt.shape[0] + self.target.shape[0]
            frequency = np.bincount(self.mt.indices, minlength=width) + np.bincount(
                self.target.indices, minlength=width
            )
            weight_of = sparse.diags(np.log((documents + 1) / (frequency + 1)) ** IDF_POWER)
            self.mt = (self.mt @ weight_of).tocsr()
            self.target = (self.target @ weight_of).tocsr()
        self.target_columns = self.target.T.tocsc()
        self.mt_norms = _group_norms(self.mt)
        self.target_norms = _group_norms(self.target)
        # Looked up rather than summed: the search asks for them at every cell of its band.
        self.mt_lengths = _group_lengths(self.mt_norms)
        self.target_lengths = _group_lengths(self.target_norms)
        self._low: Index = np.zeros(0, np.int64)
        self._high: Index = np.zeros(0, np.int64)
        self._starts: Index = np.zeros(1, np.int64)
        self._dots: Array = np.zeros(1, np.float64)

    @classmethod
    def combined(
        cls, parts: Sequence[tuple[BandSimilarity, float]], weight: float
    ) -> BandSimilarity:
        """One similarity from several over the same sentences: each part's vectors scaled to
        unit length and by its share, side by side, so that a pair's cosine is the mean of the
        parts' cosines weighted by the squared shares (1-1 pairs exactly, groups nearly)."""

        def unit(matrix: sparse.csr_matrix, share: float) -> sparse.csr_matrix:
            norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
            scale = np.divide(share, norms, out=np.zeros_like(norms), where=norms > 0)
            return (sparse.diags(scale) @ matrix).tocsr()

        mt = sparse.hstack([unit(part.mt, share) for part, share in parts]).tocsr()
        target = sparse.hstack([unit(part.target, share) for part, share in parts]).tocsr()
        return cls((), (), weight, vectors=(mt, target))

    def prepare(self, band_low: Index, band_high: Index) -> None:
        """Compute the pair products every group of a search over this band needs.

        ``band_low``/``band_high`` are the search band (rows 0..S over DP positions); source
        sentence ``i`` is in groups that end in rows ``i+1`` to ``i+3``.
        """
        count = self.mt.shape[0]
        targets = self.target.shape[0]
        rows = np.arange(count)
        low = np.clip(band_low[np.minimum(rows + 1, count)] - 3, 0, targets)
        high = np.clip(band_high[np.minimum(rows + 3, count)], 0, targets)
        high = np.maximum(high, low)
        starts = np.zeros(count + 1, np.int64)
        np.cumsum(high - low, out=starts[1:])
        dots = np.zeros(int(starts[-1]) + 1, np.float64)  # last: the "outside the band" zero
        for first in range(0, count, _ROW_BLOCK):
            last = min(first + _ROW_BLOCK, count)
            column_low = int(low[first:last].min())
            column_high = int(high[first:last].max())
            if column_high <= column_low:
                continue
            block = (self.mt[first:last] @ self.target_columns[:, column_low:column_high]).toarray()
            for row in range(first, last):
                width = high[row] - low[row]
                if width:
                    offset = low[row] - column_low
                    dots[starts[row] : starts[row] + width] = block[
                        row - first, offset : offset + width
                    ]
        self._low, self._high, self._starts, self._dots = low, high, starts, dots

    def best_cosines(self) -> tuple[Array, Array]:
        """For each source and each target sentence, its highest cosine with a single sentence
        of the other side inside the prepared band (0 where the band holds none)."""
        count = len(self._low)
        widths = self._high - self._low
        rows = np.repeat(np.arange(count), widths)
        columns = np.arange(len(rows)) + np.repeat(self._low - self._starts[:-1], widths)
        norm = np.sqrt(self.mt_norms[0][rows] * self.target_norms[0][columns])
        dots = self._dots[: len(rows)]
        cosine = np.divide(dots, norm, out=np.zeros_like(dots), where=norm > 0)
        best_src = np.zeros(count, np.float64)
        best_tgt = np.zeros(self.target.shape[0], np.float64)
        np.maximum.at(best_src, rows, cosine)
        np.maximum.at(best_tgt, columns, cosine)
        return best_src, best_tgt

    def pair_dots(self, src: Index, tgt: Index) -> Array:
        """``dot(MT of src[k], target tgt[k])``; 0 for pairs outside the prepared band."""
        count = len(self._low)
        row = np.clip(src, 0, max(count - 1, 0))
        inside = (src >= 0) & (src < count) & (tgt >= self._low[row]) & (tgt < self._high[row])
        where = np.where(inside, self._starts[row] + tgt - self._low[row], len(self._dots) - 1)
        return self._dots[where]

    def pairs(self, src_start: Index, src_size: int, tgt_start: Index, tgt_size: int) -> Pairs:
        """``pair_dots`` of every source member x with every target member y, as [x][y]."""
        return [
            [self.pair_dots(src_start + x, tgt_start + y) for y in range(tgt_size)]
            for x in range(src_size)
        ]

    def group_cosine(
        self,
        src_start: Index,
        src_size: int,
        tgt_start: Index,
        tgt_size: int,
        pairs: Pairs | None = None,
    ) -> Array:
        """Cosine of the summed vectors of each source group and target group (``pairs``:
        the groups' ``pairs`` where the caller has them already)."""
        if pairs is None:
            pairs = self.pairs(src_start, src_size, tgt_start, tgt_size)
        dot = np.zeros(len(src_start), np.float64)
        for row in pairs:
            for pair in row:
                dot += pair
        norm = group_norm_squared(self.mt_norms, src_start, src_size) * group_norm_squared(
            self.target_norms, tgt_start, tgt_size
        )
        return np.divide(dot, np.sqrt(norm), out=np.zeros_like(dot), where=norm > 0)

    def member_cosines(
        self,
        src_start: Index,
        src_size: int,
        tgt_start: Index,
        tgt_size: int,
        pairs: Pairs | None = None,
    ) -> list[Array]:
        """The cosine of each member sentence of a group with the whole other side, source
        members first.

        A group's own cosine hardly drops when a caption or a line of OCR debris joins it;
        the added sentence's own cosine with the other side shows that nothing of it is there,
        and each member's cosine says how much of it the other side carries.
        """
        pair = self.pairs(src_start, src_size, tgt_start, tgt_size) if pairs is None else pairs
        src_group = _length_at(self.mt_lengths, src_start, src_size)
        tgt_group = _length_at(self.target_lengths, tgt_start, tgt_size)
        out: list[Array] = []
        for x in range(src_size):
            own = _length_at(self.mt_lengths, src_start + x, 1) * tgt_group
            dot = np.sum(pair[x], axis=0)
            out.append(np.divide(dot, own, out=np.zeros_like(dot), where=own > 0))
        for y in range(tgt_size):
            own = _length_at(self.target_lengths, tgt_start + y, 1) * src_group
            dot = np.sum([pair[x][y] for x in range(src_size)], axis=0)
            out.append(np.divide(dot, own, out=np.zeros_like(dot), where=own > 0))
        return out
