"""Sentence pairs alike enough to pin an alignment down where lengths mislead.

A first pass by lengths alone cannot see a block that one side lacks (a translation without
the last chapter, a preface the original does not have): it shares the surplus out over the
whole text, and the later passes, which search near it, inherit the error. Pairs of
sentences that are each other's most alike in the whole grid, taken in the longest chain
that runs forward on both sides and kept only where a pair next to them in the chain
confirms them, are nearly always right: on Text+Berg, 199 of 201 with the source's own
n-grams, 350 of 351 with an MT, the others one line off.
"""

from __future__ import annotations

import bisect

import numpy as np
import numpy.typing as npt

from termwise.align.similarity import BandSimilarity

Index = npt.NDArray[np.int64]

# A pair is confirmed by another of the chain at most this many lines on along both sides.
ANCHOR_REACH = 3
_ROW_BLOCK = 512


def mutual_best(similarity: BandSimilarity) -> tuple[Index, Index]:
    """The pairs (source i, target j) where j is i's most alike target sentence and i is j's
    most alike source sentence (by cosine, over the whole grid), in source order."""
    rows, columns = similarity.mt.shape[0], similarity.target.shape[0]
    if rows == 0 or columns == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    src_length = np.sqrt(similarity.mt_norms[0])
    tgt_length = np.sqrt(similarity.target_norms[0])
    best_tgt = np.zeros(rows, np.int64)
    best_src = np.zeros(columns, np.int64)
    best_of_column = np.full(columns, -1.0)
    for first in range(0, rows, _ROW_BLOCK):
        last = min(first + _ROW_BLOCK, rows)
        dots = (similarity.mt[first:last] @ similarity.target_columns).toarray()
        scale = np.outer(src_length[first:last], tgt_length)
        cosine = np.divide(dots, scale, out=np.zeros_like(dots), where=scale > 0)
        best_tgt[first:last] = np.argmax(cosine, axis=1)
        block_best = np.argmax(cosine, axis=0)
        block_value = cosine[block_best, np.arange(columns)]
        better = block_value > best_of_column
        best_of_column = np.where(better, block_value, best_of_column)
        best_src = np.where(better, block_best + first, best_src)
    src = np.arange(rows, dtype=np.int64)
    alike = (best_src[best_tgt] == src) & (best_of_column[best_tgt] > 0)
    return src[alike], best_tgt[alike]


def longest_chain(src: Index, tgt: Index) -> Index:
    """Indexes of the longest run of pairs (in source order) whose targets rise strictly."""
    tails: list[int] = []  # the smallest last target of a chain of each length so far
    tail_pair: list[int] = []
    before = np.full(len(src), -1, np.int64)
    for k, target in enumerate(tgt.tolist()):
        length = bisect.bisect_left(tails, target)
        if length > 0:
            before[k] = tail_pair[length - 1]
        if length == len(tails):
            tails.append(target)
            tail_pair.append(k)
        else:
            tails[length] = target
            tail_pair[length] = k
    chain: list[int] = []
    k = tail_pair[-1] if tail_pair else -1
    while k >= 0:
        chain.append(k)
        k = int(before[k])
    return np.asarray(chain[::-1], np.int64)


def anchors(similarity: BandSimilarity) -> tuple[Index, Index]:
    """Source and target sentences of the pairs that pin the alignment (see the module)."""
    src, tgt = mutual_best(similarity)
    chain = longest_chain(src, tgt)
    src, tgt = src[chain], tgt[chain]
    step_src, step_tgt = np.diff(src), np.diff(tgt)
    near = (step_src <= ANCHOR_REACH) & (step_tgt <= ANCHOR_REACH)
    confirmed = np.zeros(len(src), np.bool_)
    confirmed[:-1] |= near
    confirmed[1:] |= near
    return src[confirmed], tgt[confirmed]
