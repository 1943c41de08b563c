"""Anchors: sentence pairs each the other's most alike, in one chain that runs forward."""

from __future__ import annotations

import numpy as np

from termwise.align.anchors import anchors, longest_chain, mutual_best
from termwise.align.similarity import BandSimilarity

SENTENCES = [
    "Der Gletscher lag im Nebel.",
    "Am 12. Juni erreichten sie das Basislager.",
    "Wilhelm Tell stieg über den Grat.",
    "Die Sherpas trugen 40 Kilogramm.",
    "Zermatt liegt am Fuss des Matterhorns.",
    "Die Expedition kehrte im August zurück.",
]


def test_the_longest_chain_skips_a_pair_that_runs_backwards() -> None:
    src = np.asarray([0, 1, 2, 3, 4], np.int64)
    tgt = np.asarray([0, 9, 1, 2, 3], np.int64)
    assert longest_chain(src, tgt).tolist() == [0, 2, 3, 4]
    assert longest_chain(src[:0], tgt[:0]).tolist() == []


def test_mutual_best_pairs_each_sentence_with_its_copy_wherever_it_stands() -> None:
    order = [3, 0, 5, 1, 4, 2]
    similarity = BandSimilarity(SENTENCES, [SENTENCES[k] for k in order])
    src, tgt = mutual_best(similarity)
    assert src.tolist() == list(range(len(SENTENCES)))
    assert tgt.tolist() == [order.index(k) for k in range(len(SENTENCES))]


def test_a_pair_no_neighbour_confirms_is_not_an_anchor() -> None:
    # The fourth source sentence stands alone between two runs of unrelated lines: it is the
    # mutual best of its copy, in the chain, but six lines from any other pair of it.
    filler = [f"Zeile {n} ohne Gegenstück, nur Füllwerk xq{n}." for n in range(10)]
    target = SENTENCES[:3] + filler[:5] + [SENTENCES[3]] + filler[5:] + SENTENCES[4:]
    src, tgt = mutual_best(BandSimilarity(SENTENCES, target))
    assert (3, 8) in zip(src.tolist(), tgt.tolist(), strict=True)
    src, tgt = anchors(BandSimilarity(SENTENCES, target))
    assert list(zip(src.tolist(), tgt.tolist(), strict=True)) == [
        (0, 0),
        (1, 1),
        (2, 2),
        (4, 14),
        (5, 15),
    ]
