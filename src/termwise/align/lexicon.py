"""A word-translation table learned from the texts being aligned, for when there is no MT.

Without a dictionary, hunalign aligns once by length, collects which words co-occur in the
aligned pairs, and aligns again with that table. The same works here: after the first pass
(length and anchors), each source word is paired with the target words or characters that
most often stand in the same groups (Dice coefficient), and every source sentence becomes a
vector over target units, a crude word-by-word translation. That vector is compared with
the target sentences by the same band cosine as an MT, and earns as much weight as it ranks
translations above their neighbours (near the full weight on the Bible, where the English
and the Chinese share no strings at all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from termwise.align.beads import Bead
from termwise.align.similarity import BandSimilarity

# Chinese and Japanese characters one by one (no segmenter), other scripts word by word.
_UNIT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")
# A source word is translated by its few best-associated target units: one Chinese word is
# two or three characters, and a longer list only adds the units of every sentence.
TRANSLATIONS_PER_WORD = 3
# Pairs seen together once are as often chance as translation.
MIN_COOCCURRENCE = 2


def units(text: str) -> list[str]:
    """The distinct words (or CJK characters) of a sentence, lower-cased, in sorted order:
    the table's ties must not be broken by the order of a set, which changes per process."""
    return sorted(set(_UNIT.findall(text.lower())))


def _incidence(texts: Sequence[str], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Which units each text contains (one row per text, 1 where present)."""
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        indices.extend(vocabulary.setdefault(unit, len(vocabulary)) for unit in units(text))
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, np.int64), np.asarray(indptr, np.int64)),
        shape=(len(texts), max(len(vocabulary), 1)),
    )


def _groups(beads: Sequence[Bead], side: str, count: int) -> sparse.csr_matrix:
    """Which sentences of one side each two-sided group holds."""
    members = [getattr(bead, side) for bead in beads]
    indptr = np.zeros(len(members) + 1, np.int64)
    np.cumsum([len(m) for m in members], out=indptr[1:])
    indices = np.asarray([i for m in members for i in m], np.int64)
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(members), count))


def lexicon_similarity(
    source_texts: Sequence[str],
    target_texts: Sequence[str],
    beads: Sequence[Bead],
    weight: float,
) -> BandSimilarity:
    """A similarity of source and target sentences through the words that co-occur in the
    groups of ``beads`` (a first alignment of these very texts)."""
    source_vocabulary: dict[str, int] = {}
    target_vocabulary: dict[str, int] = {}
    source = _incidence(source_texts, source_vocabulary)
    target = _incidence(target_texts, target_vocabulary)
    paired = [bead for bead in beads if bead.src and bead.tgt]
    in_source = _groups(paired, "src", len(source_texts)) @ source
    in_target = _groups(paired, "tgt", len(target_texts)) @ target
    in_source.data[:] = 1.0
    in_target.data[:] = 1.0
    source_count = np.asarray(in_source.sum(axis=0)).ravel()
    target_count = np.asarray(in_target.sum(axis=0)).ravel()
    # Units in fewer groups than a pair must share cannot pair (most names and hapaxes):
    # leaving them out first keeps the table of co-occurrences small.
    source_kept = np.flatnonzero(source_count >= MIN_COOCCURRENCE)
    target_kept = np.flatnonzero(target_count >= MIN_COOCCURRENCE)
    together = (in_source[:, source_kept].T @ in_target[:, target_kept]).tocoo()
    keep = together.data >= MIN_COOCCURRENCE
    rows, columns = source_kept[together.row[keep]], target_kept[together.col[keep]]
    dice = 2 * together.data[keep] / (source_count[rows] + target_count[columns])
    del together
    # The best few target units of each source word.
    order = np.lexsort((columns, -dice, rows))
    rows, columns, dice = rows[order], columns[order], dice[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    best = rank < TRANSLATIONS_PER_WORD
    table = sparse.csr_matrix(
        (dice[best], (rows[best], columns[best])), shape=(source.shape[1], target.shape[1])
    )
    # Inverse document frequency of the target units: the particles of every sentence say
    # little.
    documents = max(len(target_texts), 1)
    frequency = np.bincount(target.indices, minlength=target.shape[1])
    idf = sparse.diags(np.log((documents + 1) / (frequency + 1)))
    return BandSimilarity(
        (), (), weight, vectors=((source @ table @ idf).tocsr(), (target @ idf).tocsr())
    )
