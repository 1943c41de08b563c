"""A stand-in for an English → Chinese MT of the Bible, which these machines cannot run.

The aligner must not do worse with a poor MT than with none. No English → Chinese engine is
installed here, so the "MT" of each English line is built from the gold: the Chinese of its
group, shared out over the group's lines by length, with a share of its characters replaced
by characters drawn from the whole text, as an MT that knows few of the book's words would
write them. Used by the aligner's tests and by ``bench/align_split.py --garbled``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from termwise.align.beads import Bead


def garbled_mt(
    gold: Sequence[Bead], source: Sequence[str], target: Sequence[str], wrong: float
) -> list[str]:
    """One line per source line: its group's target text with ``wrong`` of it garbled."""
    rng = random.Random(7)
    characters = [c for line in target for c in line]
    mt = [""] * len(source)
    for bead in gold:
        text = "".join(target[j] for j in bead.tgt)
        total = max(sum(len(source[i]) for i in bead.src), 1)
        start = 0
        for k, i in enumerate(bead.src):
            last = k == len(bead.src) - 1
            end = len(text) if last else start + len(text) * len(source[i]) // total
            mt[i] = "".join(
                rng.choice(characters) if rng.random() < wrong else c for c in text[start:end]
            )
            start = end
    return mt
