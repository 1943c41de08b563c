"""Alignment accuracy on halves of the development data: tune on one half, report on the other.

Each development set is one long file, so it is cut at the gold group nearest its middle into
two independent files (A and B), each aligned on its own. A change to the aligner is kept only
if it helps on both halves as well as on the whole (strict F1, pooled as the standard scorer
pools files; the Bible in verse mode).

Run: ``.venv/bin/python bench/align_split.py [--sets bible,tb,google,europarl]
[--garbled 0.5,0.9]``. No English → Chinese MT runs here, so ``--garbled`` aligns the Bible
also with a stand-in MT built from the gold Chinese, that share of its characters garbled
(``tests/support/garbled_mt.py``): a check that a poor MT never does worse than none, not a
measurement of a real MT.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from termwise.align.aligner import align
from termwise.align.beads import Bead, read_beads
from termwise.align.features import side_features
from termwise.align.scoring import merge_within_verses, score_file

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "align-dev"
sys.path.insert(0, str(ROOT / "tests"))

from support.garbled_mt import garbled_mt  # noqa: E402


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def _cut(gold: Sequence[Bead], rows: int) -> tuple[int, int]:
    """Source and target line where a gold group boundary lies nearest the middle.

    Measured by the lines the groups so far reach, not by how many they hold: a gold that
    leaves a line out (Text+Berg's French 94) would otherwise put the target's cut a line
    early, and the last group of half A would name a line only half B has.
    """
    best = (0, 0)
    i = j = 0
    for bead in gold:
        i = max([i, *(k + 1 for k in bead.src)])
        j = max([j, *(k + 1 for k in bead.tgt)])
        if abs(i - rows / 2) < abs(best[0] - rows / 2):
            best = (i, j)
    return best


def _shift(gold: Sequence[Bead], di: int, dj: int) -> list[Bead]:
    return [Bead(tuple(i - di for i in b.src), tuple(j - dj for j in b.tgt)) for b in gold]


def evaluate(
    name: str,
    source: list[str],
    target: list[str],
    gold: list[Bead],
    langs: tuple[str, str],
    mt: list[str] | None,
    verses: tuple[list[str], list[str]] | None,
) -> dict[str, float]:
    si, tj = _cut(gold, len(source))
    gold_a = [b for b in gold if (b.src and b.src[0] < si) or (not b.src and b.tgt[0] < tj)]
    gold_b = _shift([b for b in gold if b not in set(gold_a)], si, tj)
    parts = {
        "all": (slice(0, None), slice(0, None), gold, 0, 0),
        "A": (slice(0, si), slice(0, tj), gold_a, 0, 0),
        "B": (slice(si, None), slice(tj, None), gold_b, si, tj),
    }
    out: dict[str, float] = {}
    for part, (s, t, part_gold, di, dj) in parts.items():
        src, tgt = source[s], target[t]
        beads = align(
            side_features(src, lang=langs[0]),
            side_features(tgt, lang=langs[1]),
            source_mt=mt[s] if mt is not None else None,
            target_texts=tgt,
            source_texts=src,
        ).beads
        test: Sequence[object] = beads
        if verses is not None:
            test = merge_within_verses(beads, verses[0][s], verses[1][t])
        out[part] = score_file(part_gold, test).values()["f1_strict"]  # type: ignore[arg-type]
        del di, dj
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="bible,tb,google,europarl")
    parser.add_argument("--garbled", default="", help="shares of garbled characters, e.g. 0.5,0.9")
    args = parser.parse_args()
    wanted = [key for key in args.sets.split(",") if key]
    wanted += [f"bible-garbled-{share}" for share in args.garbled.split(",") if share]
    bible, berg = DEV / "bible-en-zh", DEV / "textberg-de-fr"
    for key in wanted:
        start = time.process_time()
        if key.startswith("bible"):
            source, target = lines(bible / "dev.en"), lines(bible / "dev.zh")
            gold = read_beads(bible / "dev.align")
            mt = None
            if key.startswith("bible-garbled-"):
                mt = garbled_mt(gold, source, target, float(key.rsplit("-", 1)[1]))
            result = evaluate(
                key,
                source,
                target,
                gold,
                ("en", "zh"),
                mt,
                (lines(bible / "dev.en.verse"), lines(bible / "dev.zh.verse")),
            )
        else:
            mt = None if key == "tb" else lines(berg / f"dev.mt-{key}.fr")
            result = evaluate(
                key,
                lines(berg / "dev.de"),
                lines(berg / "dev.fr"),
                read_beads(berg / "dev.align"),
                ("de", "fr"),
                mt,
                None,
            )
        cpu = time.process_time() - start
        print(
            f"{key:17} all {result['all']:.4f}  A {result['A']:.4f}  B {result['B']:.4f}"
            f"  ({cpu:.1f} s CPU)",
            flush=True,
        )


if __name__ == "__main__":
    main()
