"""A cut between two groups, with MT, costs what the sentences beside it show across it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from termwise.align.aligner import MT_WEIGHT, Model, _confidence, _Costs, _Side, align
from termwise.align.beads import Bead, read_beads
from termwise.align.features import side_features
from termwise.align.similarity import BandSimilarity

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "align-dev"
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} (development data) is absent")


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


@needs_dev
@pytest.mark.parametrize("name", ["google", "europarl"])
def test_a_sentence_that_ends_across_the_cut_keeps_its_group_whole(name: str) -> None:
    # German 173 names Spiti and "wo 1955 die « Cambridge University Expedition » tätig war";
    # the French gives Spiti to 210 and the expedition of 1955 to 211, with the reference of
    # German 174-175. With the weak MT, 173 / 210 and 174-175 / 211 won by 0.08 nats: 173's
    # MT shows in 211, across the cut the split makes, and now that costs.
    folder = DEV / "textberg-de-fr"
    source, target = lines(folder / "dev.de"), lines(folder / "dev.fr")
    result = align(
        side_features(source, lang="de"),
        side_features(target, lang="fr"),
        source_mt=lines(folder / f"dev.mt-{name}.fr"),
        target_texts=target,
        source_texts=source,
    )
    pairs = [(bead.src, bead.tgt) for bead in result.beads]
    assert ((173, 174, 175), (210, 211)) in pairs
    assert ((173,), (210,)) not in pairs
    gold = {(bead.src, bead.tgt) for bead in read_beads(folder / "dev.align")}
    assert ((173, 174, 175), (210, 211)) in gold


def _built_costs() -> tuple[_Costs, _Costs]:
    """Costs without and with crossings over three built lines. Source 0 ends in target 1
    ("the glacier of Kulti"): the cut after source 0 and target 0 splits it from its
    translation; the cut after source 1 and target 1 splits nothing."""
    mt = [
        "the expedition worked on the glacier of kulti in 1955",
        "a report of the squadron leader was published",
        "the porters carried the loads to the camp",
    ]
    target = [
        "the expedition worked there in 1955",
        "on the glacier of kulti a report of the squadron leader was published",
        "the porters carried the loads to the camp",
    ]
    similarity = BandSimilarity(mt, target, weight=MT_WEIGHT)
    similarity.prepare(np.zeros(4, np.int64), np.full(4, 4, np.int64))
    source_side = _Side.of(side_features(mt, lang="en"))
    target_side = _Side.of(side_features(target, lang="en"))
    model = Model(1.0, 1.0, mt_random=0.05, mt_aligned=0.5)
    plain = _Costs(source_side, target_side, model, similarity, run_relief=1.0)
    crossed = _Costs(
        source_side, target_side, model, similarity, run_relief=1.0, crossing_weight=1.0
    )
    return plain, crossed


def test_a_cut_costs_what_is_shown_across_it() -> None:
    plain, crossed = _built_costs()
    full = np.arange(4, dtype=np.int64)
    src, tgt = full[1:3], full[1:3]  # 1-1 groups starting after the first cut, the second
    extra = crossed.of((1, 1), src, tgt) - plain.of((1, 1), src, tgt)
    assert extra[0] > 0.5 > extra[1] >= 0.0
    # The grid's start is no cut.
    start = np.zeros(1, np.int64)
    assert crossed.of((1, 1), start, start)[0] == plain.of((1, 1), start, start)[0]


def test_a_groups_confidence_is_judged_without_the_cuts() -> None:
    # The crossing steers the path between near ties; as a margin it flagged sure groups
    # (the Bible with a poor MT: 34 more, nearly all right). Here group 1 starts at a cut
    # that source 0's MT crosses, and its confidence is what it is without crossings.
    plain, crossed = _built_costs()
    beads = [Bead((k,), (k,)) for k in range(3)]
    judged = [bead.confidence for bead in _confidence(crossed, beads)]
    assert judged == [bead.confidence for bead in _confidence(plain, beads)]
    assert crossed.crossing_weight == 1.0  # the costs the search uses keep their crossing
