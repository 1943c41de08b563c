"""Alignment of a translation that lacks a block of its source, or has one its source lacks.

A block of lines is cut from one side of a development set and the gold renumbered (the
cut lines' partners become groups with one side empty). Strict F1 of termwise, and of the
textbook Gale–Church aligner of ``bench/align.py`` on the same cut in the same run. Text+Berg
is cut eight ways (start, middle and end of each side) and aligned without MT and with each
MT; the first 800 verses of the Bible four ways, without MT. ``--long`` adds the whole
10,000-verse Bible, cut three ways, without MT and with the stand-in MT of
``tests/support/garbled_mt.py`` (half its characters garbled). ``--short`` adds pages: windows
of 20, 30 and 40 lines of each development set (from the first line of a gold group), whole
and with a quarter of the target cut a third of the way in, strict F1 pooled over the pages;
Text+Berg's pages also with a wrong MT (the strong MT of the German 200 lines on), which
must do no worse than no MT. A translation of part of its source (a chapter, a partial
edition) is one side kept whole and the other cut to its first or last 15% or 30%: Text+Berg
without MT and with each MT, the first 800 verses of the Bible without MT.

A gold group of Text+Berg whose partners were all cut becomes one group per remaining line,
as an aligner writes a line with no counterpart (the Bible's lines of a verse are merged in
verse mode anyway).

Run: ``.venv/bin/python bench/align_gaps.py [--long] [--short]``.
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
from termwise.align.scoring import Score, merge_within_verses, score_file, score_files

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
PAGE_SIZES = (20, 30, 40)
# One side kept whole, the other cut to a share of its lines at its start ("first") or end.
TEXT_BERG_PARTS = [
    ("fr", "first", 0.15),
    ("fr", "last", 0.15),
    ("de", "first", 0.3),
    ("fr", "first", 0.3),
]
BIBLE_800_PARTS = [("tgt", "first", 0.15), ("src", "last", 0.3)]


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
            return Pair(self.source, target, _nonempty(gold, self.verses is None), verses, self.mts)
        kept = [i for i in range(len(self.source)) if not start <= i < end]
        new = {i: k for k, i in enumerate(kept)}
        gold = [Bead(tuple(new[i] for i in b.src if i in new), b.tgt) for b in self.gold]
        verses = self.verses and ([self.verses[0][i] for i in kept], self.verses[1])
        mts = {name: [mt[i] for i in kept] for name, mt in self.mts.items()}
        return Pair(
            [self.source[i] for i in kept],
            self.target,
            _nonempty(gold, self.verses is None),
            verses,
            mts,
        )

    def part(self, side: str, where: str, share: float) -> Pair:
        """The pair with one side ("src" or "tgt") cut to the ``share`` of its lines at its
        start (``where`` "first") or end ("last"): a translation of part of a text."""
        count = len(self.source if side == "src" else self.target)
        kept = round(count * share)
        return self.cut(side, kept, count) if where == "first" else self.cut(side, 0, count - kept)

    def window(self, start: int, size: int) -> Pair:
        """The source lines of the gold groups that begin in ``start`` .. ``start + size``
        (counted from the first line of a group), the target lines of those groups."""
        firsts = sorted(min(bead.src) for bead in self.gold if bead.src)
        first = min(i for i in firsts if i >= start)
        end = max(i for i in firsts if i <= first + size)
        inside = [bead for bead in self.gold if bead.src and first <= min(bead.src) < end]
        targets = [j for bead in inside for j in bead.tgt]
        low, high = min(targets), max(targets) + 1
        gold = [
            Bead(tuple(i - first for i in bead.src), tuple(j - low for j in bead.tgt))
            for bead in self.gold
            if (bead.src or bead.tgt)
            and all(first <= i < end for i in bead.src)
            and all(low <= j < high for j in bead.tgt)
        ]
        verses = self.verses and (self.verses[0][first:end], self.verses[1][low:high])
        mts = {name: mt[first:end] for name, mt in self.mts.items()}
        return Pair(self.source[first:end], self.target[low:high], gold, verses, mts)

    def scored(self, beads: Sequence[Bead]) -> tuple[list[Bead], Sequence[Bead | Any]]:
        """The gold and the beads as they are scored (verse mode where there are verses)."""
        test: Sequence[Bead | Any] = beads
        if self.verses is not None:
            test = merge_within_verses(beads, *self.verses)
        return self.gold, test

    def f1(self, beads: Sequence[Bead]) -> float:
        return score_file(*self.scored(beads)).values()["f1_strict"]


def _nonempty(gold: list[Bead], per_line: bool) -> list[Bead]:
    """The groups left with a side; with ``per_line``, a group whose other side was cut as
    one group per line (in verse mode, the lines of a verse are one group anyway)."""
    kept: list[Bead] = []
    for bead in gold:
        if (bead.src and bead.tgt) or not per_line:
            kept += [bead] if bead.src or bead.tgt else []
        else:
            kept += [Bead((i,), ()) for i in bead.src] + [Bead((), (j,)) for j in bead.tgt]
    return kept


def text_berg() -> Pair:
    folder = DEV / "textberg-de-fr"
    mts = {name: lines(folder / f"dev.mt-{name}.fr") for name in ("google", "europarl")}
    google = mts["google"]
    mts["wrong"] = [google[(i + 200) % len(google)] for i in range(len(google))]
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


def report_pages(
    name: str, pages: Sequence[Pair], langs: tuple[str, str], mts: Sequence[str | None]
) -> None:
    """Strict F1 pooled over the pages, termwise with each MT and Gale-Church."""

    def pooled(files: list[tuple[list[Bead], Sequence[Bead | Any]]]) -> float:
        score: Score = score_files(files)
        return score.values()["f1_strict"]

    peer = pooled(
        [page.scored(bench_align.gale_church(page.source, page.target)) for page in pages]
    )
    cells = []
    for mt in mts:
        started = time.process_time()
        files = []
        for page in pages:
            beads = align(
                side_features(page.source, lang=langs[0]),
                side_features(page.target, lang=langs[1]),
                source_mt=page.mts[mt] if mt else None,
                source_texts=page.source,
                target_texts=page.target,
            ).beads
            files.append(page.scored(beads))
        cells.append(f"{mt or 'no MT'} {pooled(files):.3f} ({time.process_time() - started:.1f} s)")
    print(f"{name:34} Gale-Church {peer:.3f}   termwise " + ", ".join(cells), flush=True)


def pages(pair: Pair, step: int) -> dict[str, list[Pair]]:
    """Windows of 20, 30 and 40 lines every ``step`` lines, whole and with a quarter of the
    target cut a third of the way in."""
    whole = [
        pair.window(start, size)
        for size in PAGE_SIZES
        for start in range(0, len(pair.source) - size, step)
    ]
    cut = []
    for page in whole:
        start = len(page.target) // 3
        cut.append(page.cut("tgt", start, start + max(3, len(page.target) // 4)))
    return {"whole": whole, "a quarter of the target cut": cut}


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
    parser.add_argument("--short", action="store_true", help="also pages of 20 to 40 lines")
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
    print("Text+Berg, one side only a part of the other")
    for side, where, share in TEXT_BERG_PARTS:
        part = tb.part("src" if side == "de" else "tgt", where, share)
        report(
            f"  {names[side]} only its {where} {share:.0%}",
            part,
            ("de", "fr"),
            [None, "google", "europarl"],
        )
    short = bible(800)
    print(f"Bible, first 800 verses ({len(short.target)} Chinese lines), verse mode")
    for side, start, end in BIBLE_800_CUTS:
        label = f"  {names[side]} {start}-{end - 1} cut" if end else "  nothing cut"
        report(label, short.cut(side, start, end), ("en", "zh"), [None])
    for side, where, share in BIBLE_800_PARTS:
        label = f"  {names[side]} only its {where} {share:.0%}"
        report(label, short.part(side, where, share), ("en", "zh"), [None])
    if args.long:
        whole = bible()
        print(f"Bible, {len(whole.source)} / {len(whole.target)} lines, verse mode")
        for side, start, end in BIBLE_CUTS:
            cut = whole.cut(side, start, end)
            report(f"  {names[side]} {start}-{end - 1} cut", cut, ("en", "zh"), [None, "stand-in"])
    if args.short:
        tb_pages = pages(tb, 37)
        print(f"Text+Berg, {len(tb_pages['whole'])} pages, strict F1 pooled")
        for label, group in tb_pages.items():
            report_pages(f"  {label}", group, ("de", "fr"), [None, "google", "europarl", "wrong"])
        bible_pages = pages(bible(), 900)
        print(f"Bible, {len(bible_pages['whole'])} pages, verse mode, strict F1 pooled")
        for label, group in bible_pages.items():
            report_pages(f"  {label}", group, ("en", "zh"), [None])


if __name__ == "__main__":
    main()
