"""Whether the aligner's constants sit at their best: each moved alone, Text+Berg scored again.

Every constant named on the command line is set to each of its values in turn, the others
left as they are, and Text+Berg is aligned whole and in its two halves (as in
``align_split.py``) with each MT asked for. A constant whose every move loses on the whole
and on both halves is at its best for this kind of data; one that gains on the whole but
loses on a half is fitted to these files, not to the kind. Each setting runs in a fresh
process, so no setting leaks into the next.

Run: ``.venv/bin/python bench/align_scan.py [--mts google,europarl]
'{"MEMBER_WEIGHT": [3, 5], "P_22": [0.005, 0.02]}'``. A name is a constant of
``termwise.align.aligner`` or ``termwise.align.similarity``; ``P_ab`` is the neutral prior
of an a-b group.
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path

from termwise.align import aligner, similarity
from termwise.align.beads import read_beads

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_split import DEV, evaluate, lines  # noqa: E402

Setting = dict[str, float]
BERG = DEV / "textberg-de-fr"


def _apply(setting: Setting) -> None:
    for name, value in setting.items():
        if name.startswith("P_") and len(name) == 4:
            aligner.DEFAULT_PRIORS[(int(name[2]), int(name[3]))] = value
        elif hasattr(aligner, name):
            setattr(aligner, name, type(getattr(aligner, name))(value))
        elif hasattr(similarity, name):
            setattr(similarity, name, type(getattr(similarity, name))(value))
        else:
            raise SystemExit(f"align_scan: no constant {name} in the aligner or the similarity")


def _scores(job: tuple[Setting, list[str]]) -> tuple[Setting, list[float]]:
    """Strict F1 whole, A and B with each MT ("none": without MT) under ``setting``."""
    setting, mts = job
    _apply(setting)
    source, target = lines(BERG / "dev.de"), lines(BERG / "dev.fr")
    gold = read_beads(BERG / "dev.align")
    scores: list[float] = []
    for name in mts:
        mt = None if name == "none" else lines(BERG / f"dev.mt-{name}.fr")
        result = evaluate(name, source, target, gold, ("de", "fr"), mt, None)
        scores += [result["all"], result["A"], result["B"]]
    return setting, scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("grid", help='JSON: {"NAME": [value, ...], ...}')
    parser.add_argument("--mts", default="google,europarl", help="MTs to align with; none: no MT")
    args = parser.parse_args()
    grid: dict[str, list[float]] = json.loads(args.grid)
    mts = [name for name in args.mts.split(",") if name]
    settings: list[Setting] = [{}] + [{name: v} for name, values in grid.items() for v in values]
    header = "  ".join(f"{name[:8]:>8} all / A / B" for name in mts)
    print(f"{'setting':34} {header}   mean", flush=True)
    # A fresh process per setting: a constant set in a reused worker would stay set.
    with Pool(2, maxtasksperchild=1) as pool:
        for setting, scores in pool.imap(_scores, [(s, mts) for s in settings]):
            label = ", ".join(f"{k}={v}" for k, v in setting.items()) or "as is"
            cells = "  ".join(
                " ".join(f"{x:.4f}" for x in scores[k : k + 3]) for k in range(0, len(scores), 3)
            )
            print(f"{label:34} {cells}   {sum(scores) / len(scores):.4f}", flush=True)


if __name__ == "__main__":
    main()
