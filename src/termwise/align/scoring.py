"""Strict and lax precision, recall and F1 of an alignment against a gold one.

The standard of Vecalign and Bertalign (``../shared/align-dev/README.md``): beads are sets;
precision counts output beads that equal a gold bead (strict) or share a source-target
sentence pair with one (lax); recall is the same with gold and output swapped, after beads
with an empty side are dropped from both. Counts are pooled over all files before P, R and
F1 are computed. Verse mode merges consecutive output beads that fall inside one verse, since
a verse-level gold cannot tell a right split inside a verse from a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termwise.align.beads import Bead

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Counts:
    """Hits and misses of one direction (precision or recall), strict and lax."""

    strict_hits: int = 0
    strict_misses: int = 0
    lax_hits: int = 0
    lax_misses: int = 0

    def add(self, other: Counts) -> None:
        self.strict_hits += other.strict_hits
        self.strict_misses += other.strict_misses
        self.lax_hits += other.lax_hits
        self.lax_misses += other.lax_misses

    @property
    def strict(self) -> float:
        return _ratio(self.strict_hits, self.strict_hits + self.strict_misses)

    @property
    def lax(self) -> float:
        return _ratio(self.lax_hits, self.lax_hits + self.lax_misses)


@dataclass
class Score:
    """Pooled precision and recall counts, and the P, R, F1 they give."""

    precision: Counts
    recall: Counts

    def values(self) -> dict[str, float]:
        p_strict, r_strict = self.precision.strict, self.recall.strict
        p_lax, r_lax = self.precision.lax, self.recall.lax
        return {
            "precision_strict": p_strict,
            "recall_strict": r_strict,
            "f1_strict": _f1(p_strict, r_strict),
            "precision_lax": p_lax,
            "recall_lax": r_lax,
            "f1_lax": _f1(p_lax, r_lax),
        }


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _as_pairs(beads: Iterable[Bead | Pair]) -> list[Pair]:
    pairs: list[Pair] = []
    for bead in beads:
        src, tgt = (bead.src, bead.tgt) if isinstance(bead, Bead) else bead
        pairs.append((tuple(src), tuple(tgt)))
    return pairs


def precision_counts(gold: Iterable[Bead | Pair], test: Iterable[Bead | Pair]) -> Counts:
    """How many ``test`` beads are strict and lax hits in ``gold`` (empty beads dropped)."""
    gold_set = {pair for pair in _as_pairs(gold) if pair[0] or pair[1]}
    test_set = {pair for pair in _as_pairs(test) if pair[0] or pair[1]}
    gold_targets: dict[int, set[int]] = {}
    for src, tgt in gold_set:
        for i in src:
            gold_targets.setdefault(i, set()).update(tgt)
    counts = Counts()
    for src, tgt in test_set:
        if (src, tgt) in gold_set:
            counts.strict_hits += 1
            counts.lax_hits += 1
            continue
        counts.strict_misses += 1
        linked: set[int] = set()
        for i in src:
            linked |= gold_targets.get(i, set())
        if linked.intersection(tgt):
            counts.lax_hits += 1
        else:
            counts.lax_misses += 1
    return counts


def score_file(gold: Sequence[Bead | Pair], test: Sequence[Bead | Pair]) -> Score:
    """Counts for one file (pool several with ``score_files``)."""
    gold_pairs = [pair for pair in _as_pairs(gold) if pair[0] and pair[1]]
    test_pairs = [pair for pair in _as_pairs(test) if pair[0] and pair[1]]
    return Score(
        precision=precision_counts(gold, test),
        recall=precision_counts(test_pairs, gold_pairs),
    )


def score_files(files: Iterable[tuple[Sequence[Bead | Pair], Sequence[Bead | Pair]]]) -> Score:
    """Counts pooled over ``(gold, test)`` pairs of files, as the standard scorer pools them."""
    total = Score(Counts(), Counts())
    for gold, test in files:
        one = score_file(gold, test)
        total.precision.add(one.precision)
        total.recall.add(one.recall)
    return total


def merge_within_verses(
    beads: Sequence[Bead | Pair], src_verses: Sequence[str], tgt_verses: Sequence[str]
) -> list[Pair]:
    """Consecutive beads merged while all their lines, on both sides, are in one verse."""
    merged: list[Pair] = []
    current_src: list[int] = []
    current_tgt: list[int] = []
    current_verses: set[str] = set()
    for src, tgt in _as_pairs(beads):
        if not src and not tgt:
            continue
        verses = {src_verses[i] for i in src} | {tgt_verses[j] for j in tgt}
        if (current_src or current_tgt) and len(current_verses | verses) == 1:
            current_src.extend(src)
            current_tgt.extend(tgt)
            continue
        if current_src or current_tgt:
            merged.append((tuple(current_src), tuple(current_tgt)))
        current_src, current_tgt, current_verses = list(src), list(tgt), verses
    if current_src or current_tgt:
        merged.append((tuple(current_src), tuple(current_tgt)))
    return merged
