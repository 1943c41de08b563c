"""Alignment of a translation that lacks a block of its source, or has one its source lacks.

A block of lines is cut from one side of a development set and the gold renumbered (the
cut lines' partners become groups with one side empty). Strict F1 of termwise, and of the
textbook Gale–Church aligner of ``bench/align.py`` on the same cut in the same run. Text+Berg
is cut eight ways (start, middle and end of each side) and aligned without MT and with each
MT; the first 800 verses of the Bible four ways, without MT. ``--long`` adds the whole
10,000-verse Bible, cut three ways, without MT and with the stand-in MT of
``tests/support/garbled_mt.py`` (half its characters garbled).

Run: ``.venv/bin/python bench/align_gaps.py [--long]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termwise.align.aligner import align
from termwise.align.beads import Bead, read_beads
from termwise.align.features import side_features
from termwise.align.scoring import merge_within_verses, score_file

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "align-dev"
sys.path.insert(0, str(ROOT / "tests"))

from support.garbled_mt import garbled_mt  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_align", ROOT / "bench" / "align.py")
assert _spec is not None and _spec.loader is not None
bench_align: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_align)

TEXT_BERG_CUTS = [
    ("fr", 150, 300),
    ("de", 100, 250),
    ("fr", 0, 120),
    ("de", 300, 468),
    ("de", 0, 100),
    ("fr", 400, 554),
    ("de", 350, 468),
    ("fr", 450, 554),
]
BIBLE_800_CUTS = [("src", 600, 800), ("src", 0, 200), ("tgt", 300, 500), ("src", 0, 0)]
BIBLE_CUTS = [("tgt", 6000, 8000), ("src", 8000, 10000), ("tgt", 0, 1500)]


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


class Pair:
    """Two sides, their gold, and (for the Bible) their verse labels and an MT of the source."""

    def __init__(
        self,
        source: list[str],
        target: list[str],
        gold: list[Bead],
        verses: tuple[list[str], list[str]] | None = None,
        mts: dict[str, list[str]] | None = None,
    ) -> None:
        self.source, self.target, self.gold, self.verses = source, target, gold, verses
        self.mts = mts or {}

    def cut(self, side: str, start: int, end: int) -> Pair:
        """The pair without lines start..end-1 of one side ("src" or "tgt")."""
        if side == "tgt":
            kept = [j for j in range(len(self.target)) if not start <= j < end]
            new = {j: k for k, j in enumerate(kept)}
            gold = [Bead(b.src, tuple(new[j] for j in b.tgt if j in new)) for b in self.gold]
            verses = self.verses and (self.verses[0], [self.verses[1][j] for j in kept])
            target = [self.target[j] for j in kept]
            return Pair(self.source, target, _nonempty(gold), verses, self.mts)
        kept = [i for i in range(len(self.source)) if not start <= i < end]
        new = {i: k for k, i in enumerate(kept)}
        gold = [Bead(tuple(new[i] for i in b.src if i in new), b.tgt) for b in self.gold]
        verses = self.verses and ([self.verses[0][i] for i in kept], self.verses[1])
        mts = {name: [mt[i] for i in kept] for name, mt in self.mts.items()}
        return Pair([self.source[i] for i in kept], self.target, _nonempty(gold), verses, mts)

    def f1(self, beads: Sequence[Bead]) -> float:
        test: Sequence[Bead] = beads
        if self.verses is not None:
            test = merge_within_verses(beads, *self.verses)
        return score_file(self.gold, test).values()["f1_strict"]


def _nonempty(gold: list[Bead]) -> list[Bead]:
    return [bead for bead in gold if bead.src or bead.tgt]


def text_berg() -> Pair:
    folder = DEV / "textberg-de-fr"
    mts = {name: lines(folder / f"dev.mt-{name}.fr") for name in ("google", "europarl")}
    return Pair(
        lines(folder / "dev.de"),
        lines(folder / "dev.fr"),
        read_beads(folder / "dev.align"),
        None,
        mts,
    )


def bible(verses: int | None = None) -> Pair:
    folder = DEV / "bible-en-zh"
    source, target = lines(folder / "dev.en"), lines(folder / "dev.zh")
    src_verses, tgt_verses = lines(folder / "dev.en.verse"), lines(folder / "dev.zh.verse")
    gold = read_beads(folder / "dev.align")
    if verses is not None:
        end = max(k for k, verse in enumerate(tgt_verses) if verse == src_verses[verses - 1]) + 1
        source, target = source[:verses], target[:end]
        gold = [b for b in gold if b.src and max(b.src) < verses and b.tgt and max(b.tgt) < end]
    mt = garbled_mt(gold, source, target, 0.5)
    return Pair(source, target, gold, (src_verses, tgt_verses), {"stand-in": mt})


def run(pair: Pair, langs: tuple[str, str], mt: str | None) -> tuple[float, float]:
    """termwise's strict F1 and its CPU seconds."""
    started = time.process_time()
    beads = align(
        side_features(pair.source, lang=langs[0]),
        side_features(pair.target, lang=langs[1]),
        source_mt=pair.mts[mt] if mt else None,
        source_texts=pair.source,
        target_texts=pair.target,
    ).beads
    return pair.f1(beads), time.process_time() - started


def report(name: str, pair: Pair, langs: tuple[str, str], mts: Sequence[str | None]) -> None:
    peer = pair.f1(bench_align.gale_church(pair.source, pair.target))
    cells = []
    for mt in mts:
        score, seconds = run(pair, langs, mt)
        cells.append(f"{mt or 'no MT'} {score:.3f} ({seconds:.1f} s)")
    print(f"{name:34} Gale-Church {peer:.3f}   termwise " + ", ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="also the whole Bible, cut")
    args = parser.parse_args()
    names = {"de": "German", "fr": "French", "src": "English", "tgt": "Chinese"}
    tb = text_berg()
    print(f"Text+Berg, {len(tb.source)} German / {len(tb.target)} French lines, strict F1")
    for side, start, end in TEXT_BERG_CUTS:
        cut = tb.cut("src" if side == "de" else "tgt", start, end)
        report(
            f"  {names[side]} {start}-{end - 1} cut",
            cut,
            ("de", "fr"),
            [None, "google", "europarl"],
        )
    short = bible(800)
    print(f"Bible, first 800 verses ({len(short.target)} Chinese lines), verse mode")
    for side, start, end in BIBLE_800_CUTS:
        label = f"  {names[side]} {start}-{end - 1} cut" if end else "  nothing cut"
        report(label, short.cut(side, start, end), ("en", "zh"), [None])
    if args.long:
        whole = bible()
        print(f"Bible, {len(whole.source)} / {len(whole.target)} lines, verse mode")
        for side, start, end in BIBLE_CUTS:
            cut = whole.cut(side, start, end)
            report(f"  {names[side]} {start}-{end - 1} cut", cut, ("en", "zh"), [None, "stand-in"])


if __name__ == "__main__":
    main()
