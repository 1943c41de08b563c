"""Alignment of one-sentence-per-line text cut from two PDFs: page numbers and running headers.

Text+Berg with a page's number and running header ("Die Alpen 1957 — 18", "Les Alpes 1957 —
18") put in every so many lines, the two sides paginated differently, in four layouts;
aligned without MT and with the strong MT (a page line's "MT" is its own text, the French
header's shape). Peer, same run: the same aligner with the page lines left unrecognised (as
before they were: ``SideFeatures.furniture`` None), which aligns them like sentences.

Scored against the gold renumbered around the page lines, with the page lines taken out of
every group and groups of page lines alone dropped, so that the score is that of the text's
own sentences (an aligner cannot put a page break that runs through a gold group anywhere but
inside it); "strays" counts the page lines that went into a group the gold has no page break
in (into a sentence's group, or paired with one).

Run: ``.venv/bin/python bench/align_pages.py``.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

from termwise.align.aligner import Alignment, align
from termwise.align.beads import Bead, read_beads
from termwise.align.features import SideFeatures, side_features
from termwise.align.scoring import score_file

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.paginated import paginate  # noqa: E402

FOLDER = ROOT.parent / "shared" / "align-dev" / "textberg-de-fr"
# (German: every, first line; French: every, first line), as two books' pages fall.
LAYOUTS = (((35, 20), (41, 30)), ((30, 10), (38, 25)), ((45, 5), (33, 40)), ((28, 15), (28, 3)))


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def spanned(groups: list[tuple[int, ...]]) -> set[int]:
    return {k for group in groups if group for k in range(min(group), max(group) + 1)}


def measure(
    result: Alignment,
    gold: list[Bead],
    pages: tuple[set[int], set[int]],
    inside: tuple[set[int], set[int]],
) -> tuple[float, int]:
    stripped = [
        Bead(
            tuple(i for i in b.src if i not in pages[0]),
            tuple(j for j in b.tgt if j not in pages[1]),
        )
        for b in result.beads
    ]
    f1 = score_file(gold, [b for b in stripped if b.src or b.tgt]).values()["f1_strict"]
    two_sided = [b for b in result.beads if b.src and b.tgt]
    strays = len(({i for b in two_sided for i in b.src} & pages[0]) - inside[0]) + len(
        ({j for b in two_sided for j in b.tgt} & pages[1]) - inside[1]
    )
    return f1, strays


def unrecognised(features: SideFeatures) -> SideFeatures:
    return dataclasses.replace(features, furniture=None)


def main() -> None:
    source, target = lines(FOLDER / "dev.de"), lines(FOLDER / "dev.fr")
    gold = read_beads(FOLDER / "dev.align")
    strong = lines(FOLDER / "dev.mt-google.fr")
    print("Text+Berg paginated, strict F1 of the text's sentences (strays: page lines in a group)")
    totals: dict[str, list[float]] = {}
    for (de_every, de_first), (fr_every, fr_first) in LAYOUTS:
        german, de_place = paginate(source, de_every, de_first, "Die Alpen 1957 — {}")
        french, fr_place = paginate(target, fr_every, fr_first, "Les Alpes 1957 — {}")
        moved = [
            Bead(tuple(de_place[i] for i in b.src), tuple(fr_place[j] for j in b.tgt)) for b in gold
        ]
        pages = (set(range(len(german))) - set(de_place), set(range(len(french))) - set(fr_place))
        inside = (
            spanned([b.src for b in moved]) & pages[0],
            spanned([b.tgt for b in moved]) & pages[1],
        )
        mt = [text.replace("Die Alpen", "Les Alpes") for text in german]
        for k, i in enumerate(de_place):
            mt[i] = strong[k]
        src, tgt = side_features(german, lang="de"), side_features(french, lang="fr")
        label = f"pages of {de_every}/{fr_every} lines"
        for name, use_mt in (("no MT", False), ("MT google", True)):
            row = []
            for features in ((src, tgt), (unrecognised(src), unrecognised(tgt))):
                started = time.process_time()
                result = align(
                    *features,
                    source_mt=mt if use_mt else None,
                    source_texts=german,
                    target_texts=french,
                )
                f1, strays = measure(result, moved, pages, inside)
                row.append(f"{f1:.4f} ({strays:2d} strays, {time.process_time() - started:.1f} s)")
                totals.setdefault(f"{name} {'termwise' if len(row) == 1 else 'peer'}", []).append(
                    f1
                )
            print(f"  {label:24} {name:9}  termwise {row[0]}   page lines unrecognised {row[1]}")
    clean = align(
        side_features(source, lang="de"),
        side_features(target, lang="fr"),
        source_texts=source,
        target_texts=target,
    )
    with_mt = align(
        side_features(source, lang="de"),
        side_features(target, lang="fr"),
        source_mt=strong,
        source_texts=source,
        target_texts=target,
    )
    print(
        f"  without page lines        no MT {score_file(gold, clean.beads).values()['f1_strict']:.4f}"
        f"   MT google {score_file(gold, with_mt.beads).values()['f1_strict']:.4f}"
    )
    for key, values in totals.items():
        print(f"  mean {key:20} {sum(values) / len(values):.4f}")


if __name__ == "__main__":
    main()
