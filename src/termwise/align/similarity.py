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
NGRAM_TEXTS = 2048


def ngram_matrix(texts: Sequence[str], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Character n-gram counts of each text (lower-cased, spaces collapsed), one row per text.

    ``vocabulary`` numbers the n-grams and is extended with unseen ones in the order they
    first occur, reading each text's 2-grams, then its 3-grams, then its 4-grams; each row's
    entries follow that order too, so that sums over them, and every alignment, come out
    the same in every run. Counted with numpy, NGRAM_TEXTS texts at a time: a loop over
    every character took 7 of the 23 seconds of a 9,400-sentence German–French alignment,
    and all texts at once held 430 MiB of intermediate arrays for it.
    """
    parts = [
        _ngram_rows(texts[start : start + NGRAM_TEXTS], vocabulary)
        for start in range(0, len(texts), NGRAM_TEXTS)
    ]
    width = max(len(vocabulary), 1)
    if not parts:
        return sparse.csr_matrix((0, width))
    for part in parts:
        part.resize((part.shape[0], width))
    return sparse.vstack(parts, format="csr")


def _ngram_rows(texts: Sequence[str], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """``ngram_matrix`` of a few texts at once."""
    plains = [" " + " ".join(text.lower().split()) + " " for text in texts]
    joined = "".join(plains)
    count = len(plains)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
    alphabet, symbols = np.unique(codes, return_inverse=True)
    base = len(alphabet) + 1
    lengths = np.fromiter(map(len, plains), np.int64, count)
    text_start = np.cumsum(lengths) - lengths
    text_of = np.repeat(np.arange(count), lengths)
    offset = np.arange(len(codes)) - text_start[text_of]
    room = lengths[text_of] - offset  # characters from each one to the end of its text
    # Where each n-gram stands in that reading: its text's first place, the n-grams of the
    # lower orders in its text, then its offset.
    grams_of = [np.maximum(lengths - order + 1, 0) for order in NGRAM_ORDERS]
    per_text = np.sum(grams_of, axis=0)
    text_place = np.cumsum(per_text) - per_text
    ids = symbols.astype(np.int64)
    lower_orders = np.zeros(count, np.int64)
    found: list[tuple[int, Index, Index, Index, Index]] = []
    for number, order in enumerate(NGRAM_ORDERS):
        at = np.flatnonzero(room >= order)
        # An n-gram is the number of its first n-1 characters and its last character: keys
        # are distinct for distinct n-grams, whatever the alphabet, and fit in 64 bits.
        key = ids[at] * base + symbols[at + order - 1] + 1
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        ids = np.zeros(len(codes), np.int64)
        ids[at] = inverse
        place = text_place[text_of[at]] + lower_orders[text_of[at]] + offset[at]
        found.append((order, at, place, first, inverse))
        lower_orders += grams_of[number]
    first_places = np.concatenate([place[first] for _, _, place, first, _ in found])
    gram_starts = np.concatenate([at[first] for _, at, _, first, _ in found])
    gram_sizes = np.concatenate([np.full(len(first), order) for order, _, _, first, _ in found])
    by_place = np.argsort(first_places)
    columns = np.empty(len(first_places), np.int64)
    columns[by_place] = [
        vocabulary.setdefault(joined[start : start + size], len(vocabulary))
        for start, size in zip(
            gram_starts[by_place].tolist(), gram_sizes[by_place].tolist(), strict=True
        )
    ]
    width = max(len(vocabulary), 1)
    total = int(per_text.sum())
    row_read = np.empty(total, np.int64)
    column_read = np.empty(total, np.int64)
    numbered = 0
    for _, at, place, first, inverse in found:
        row_read[place] = text_of[at]
        column_read[place] = columns[numbered + inverse]
        numbered += len(first)
    entries, entry_first, entry_counts = np.unique(
        row_read * width + column_read, return_index=True, return_counts=True
    )
    in_reading = np.argsort(entry_first)
    entries = entries[in_reading]
    indptr = np.zeros(count + 1, np.int64)
    np.cumsum(np.bincount(entries // width, minlength=count), out=indptr[1:])
    return sparse.csr_matrix(
        (entry_counts[in_reading].astype(np.float64), entries % width, indptr),
        shape=(count, width),
    )


def _neighbour_dots(matrix: sparse.csr_matrix, distance: int) -> Array:
    """``dot(row k, row k + distance)`` for every k (0 where there is no such row; distance 0:
    each row's squared norm), _ROW_BLOCK rows at a time: the products of a whole book's
    matrix with itself held four times its size."""
    count = matrix.shape[0]
    out = np.zeros(count, np.float64)
    for first in range(0, count - distance, _ROW_BLOCK):
        last = min(first + _ROW_BLOCK, count - distance)
        product = matrix[first:last].multiply(matrix[first + distance : last + distance])
        out[first:last] = np.asarray(product.sum(axis=1)).ravel()
    return out


# The most sentences on one side of a group whose similarity can be asked for (the aligner's
# widest kinds must fit; it checks).
MAX_GROUP = 5


def _group_norms(matrix: sparse.csr_matrix) -> list[Array]:
    """Squared norms, then dot products with the row 1, 2, ... MAX_GROUP - 1 rows on."""
    return [_neighbour_dots(matrix, d) for d in range(MAX_GROUP)]


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

        mt = sparse.hstack([unit(part.mt, share) for part, share in parts], format="csr")
        target = sparse.hstack([unit(part.target, share) for part, share in parts], format="csr")
        return cls((), (), weight, vectors=(mt, target))

    def prepare(self, band_low: Index, band_high: Index) -> None:
        """Compute the pair products every group of a search over this band needs.

        ``band_low``/``band_high`` are the search band (rows 0..S over DP positions); source
        sentence ``i`` is in groups that end in rows ``i+1`` to ``i+MAX_GROUP``, and a group
        ending in column ``j`` holds target sentences from ``j-MAX_GROUP`` on.
        """
        count = self.mt.shape[0]
        targets = self.target.shape[0]
        rows = np.arange(count)
        low = np.clip(band_low[np.minimum(rows + 1, count)] - MAX_GROUP, 0, targets)
        high = np.clip(band_high[np.minimum(rows + MAX_GROUP, count)], 0, targets)
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

    def _band_cells(self) -> tuple[Index, Index, Array]:
        """Row, column and cosine of every sentence pair inside the prepared band."""
        widths = self._high - self._low
        rows = np.repeat(np.arange(len(self._low)), widths)
        columns = np.arange(len(rows)) + np.repeat(self._low - self._starts[:-1], widths)
        norm = np.sqrt(self.mt_norms[0][rows] * self.target_norms[0][columns])
        dots = self._dots[: len(rows)]
        cosine = np.divide(dots, norm, out=np.zeros_like(dots), where=norm > 0)
        return rows, columns, cosine

    def band_cells(self) -> tuple[Index, Index, Array]:
        """Source row, target column and cosine of every sentence pair inside the prepared
        band."""
        return self._band_cells()

    def band_cosines(self) -> Array:
        """The cosine of every sentence pair inside the prepared band."""
        return self._band_cells()[2]

    def best_cosines(self) -> tuple[Array, Array]:
        """For each source and each target sentence, its highest cosine with a single sentence
        of the other side inside the prepared band (0 where the band holds none)."""
        rows, columns, cosine = self._band_cells()
        count = len(self._low)
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
