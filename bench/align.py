"""Sentence alignment: speed, memory and accuracy against a plain Gale-Church aligner.

Peer (same run): Gale and Church's aligner as published (fixed ratio 1, variance 6.8, their
bead priors, 1-1/1-0/0-1/2-1/1-2/2-2), a dynamic program in pure Python searching a band
of +-100 sentences around the diagonal, as most implementations do. termwise: ``align.aligner``
without MT (and, on Text+Berg, with each of the two MT files).

Run: ``.venv/bin/python bench/align.py [--quick]`` (reads ``../shared/align-dev/``);
``--book 20`` measures only a same-script book with MT (Text+Berg repeated 20 times).
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from termwise.align.aligner import align
from termwise.align.beads import Bead, read_beads
from termwise.align.features import sentence_length, side_features
from termwise.align.scoring import merge_within_verses, score_file

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "align-dev"

GC_PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.089,
    (1, 2): 0.089,
    (2, 2): 0.011,
}
GC_VARIANCE = 6.8


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def _gc_match(l1: float, l2: float) -> float:
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / 1.0) / 2
    delta = (l2 - l1) / math.sqrt(mean * GC_VARIANCE)
    tail = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)  # two-tailed probability
    return -math.log(tail)


def gale_church(source: Sequence[str], target: Sequence[str], band: int = 100) -> list[Bead]:
    """Gale and Church (1993), textbook form, banded around the diagonal."""
    src_len = [float(sentence_length(s)) for s in source]
    tgt_len = [float(sentence_length(t)) for t in target]
    rows, columns = len(src_len), len(tgt_len)
    prior = {kind: -math.log(p) for kind, p in GC_PRIORS.items()}
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    slope = columns / max(rows, 1)
    for i in range(rows + 1):
        centre = int(i * slope)
        for j in range(max(0, centre - band), min(columns, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            best = math.inf
            chosen = (1, 1)
            for (a, b), penalty in prior.items():
                previous = cost.get((i - a, j - b))
                if previous is None:
                    continue
                l1 = sum(src_len[i - a : i])
                l2 = sum(tgt_len[j - b : j])
                value = previous + penalty + _gc_match(l1, l2)
                if value < best:
                    best, chosen = value, (a, b)
            if best < math.inf:
                cost[(i, j)] = best
                back[(i, j)] = chosen
    beads: list[Bead] = []
    i, j = rows, columns
    while i > 0 or j > 0:
        a, b = back[(i, j)]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def termwise_align(
    source: Sequence[str],
    target: Sequence[str],
    mt: Sequence[str] | None = None,
    langs: tuple[str, str] = ("en", "zh"),
) -> list[Bead]:
    return align(
        side_features(source, lang=langs[0]),
        side_features(target, lang=langs[1]),
        source_mt=mt,
        target_texts=target,
        source_texts=source,
    ).beads


def _child(function: Callable[[], Any], pipe: Any) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    result = function()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pipe.send(((seconds, cpu), (peak - before) / 1024, result))
    pipe.close()


def measure(function: Callable[[], Any]) -> tuple[tuple[float, float], float, Any]:
    """((wall seconds, CPU seconds), MiB the peak resident memory grew by, result), in a fresh forked process so
    that neither side pays for tracing and each starts from the same memory."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(function, sender))
    process.start()
    seconds, grown, result = receiver.recv()
    process.join()
    return seconds, grown, result


def f1(
    gold: Sequence[Bead], beads: Sequence[Bead], verses: tuple[list[str], list[str]] | None
) -> float:
    test: Sequence[Any] = beads
    if verses is not None:
        test = merge_within_verses(beads, *verses)
    return score_file(gold, test).values()["f1_strict"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 Bible sentences, no scaling")
    parser.add_argument(
        "--book",
        type=int,
        metavar="COPIES",
        help="only a same-script book with MT: Text+Berg repeated COPIES times, strong MT",
    )
    args = parser.parse_args()
    if args.book:
        book_with_mt(args.book)
        return
    if not DEV.is_dir():
        raise SystemExit(f"{DEV} is absent: nothing to measure")
    bible = DEV / "bible-en-zh"
    en, zh = lines(bible / "dev.en"), lines(bible / "dev.zh")
    verses = (lines(bible / "dev.en.verse"), lines(bible / "dev.zh.verse"))
    gold = read_beads(bible / "dev.align")
    if args.quick:
        last = verses[0][1999]
        end = max(k for k, verse in enumerate(verses[1]) if verse == last) + 1
        en, zh = en[:2000], zh[:end]
        gold = [b for b in gold if b.src and max(b.src) < 2000 and b.tgt and max(b.tgt) < end]

    print(f"English-Chinese Bible, {len(en)} / {len(zh)} sentences, no MT, verse mode")
    (ours_s, ours_cpu), ours_mb, ours = measure(lambda: termwise_align(en, zh))
    (peer_s, peer_cpu), peer_mb, peer = measure(lambda: gale_church(en, zh))
    for name, wall, cpu, grown, beads in (
        ("termwise", ours_s, ours_cpu, ours_mb, ours),
        ("Gale-Church", peer_s, peer_cpu, peer_mb, peer),
    ):
        print(
            f"  {name:12} {wall:7.2f} s wall {cpu:7.2f} s CPU  +{grown:6.1f} MiB peak RSS  "
            f"strict F1 {f1(gold, beads, verses):.4f}"
        )
    print(
        f"  CPU time ratio peer/termwise {peer_cpu / ours_cpu:.1f}x, "
        f"memory ratio {peer_mb / max(ours_mb, 0.1):.1f}x"
    )

    if not args.quick:
        print("Scaling (the Bible repeated), termwise, no MT")
        for copies in (1, 2, 4):
            (seconds, cpu), peak, _ = measure(
                lambda copies=copies: termwise_align(en * copies, zh * copies)
            )
            print(
                f"  {len(en) * copies:6d} x {len(zh) * copies:6d}  {seconds:7.2f} s wall "
                f"{cpu:7.2f} s CPU  +{peak:6.1f} MiB peak RSS"
            )

    berg = DEV / "textberg-de-fr"
    de, fr = lines(berg / "dev.de"), lines(berg / "dev.fr")
    berg_gold = read_beads(berg / "dev.align")
    print(f"Text+Berg German-French, {len(de)} / {len(fr)} sentences, strict F1")
    print(f"  Gale-Church             {f1(berg_gold, gale_church(de, fr), None):.4f}")
    print(
        f"  termwise, no MT         {f1(berg_gold, termwise_align(de, fr, None, ('de', 'fr')), None):.4f}"
    )
    for name in ("google", "europarl"):
        mt = lines(berg / f"dev.mt-{name}.fr")
        print(
            f"  termwise, MT {name:9}  {f1(berg_gold, termwise_align(de, fr, mt, ('de', 'fr')), None):.4f}"
        )
    print("MT similarity against chrF (sacrebleu), Text+Berg 1-1 gold pairs and their neighbours")
    similarity_peer()


def book_with_mt(copies: int) -> None:
    """Time and memory of a same-script book with MT, where the n-grams of the MT, the
    target and a word table are built for every sentence (the Bible, across scripts and
    without MT, builds none)."""
    berg = DEV / "textberg-de-fr"
    de, fr = lines(berg / "dev.de") * copies, lines(berg / "dev.fr") * copies
    mt = lines(berg / "dev.mt-google.fr") * copies
    print(f"Text+Berg x {copies}, {len(de)} / {len(fr)} sentences, MT google")
    (ours_s, ours_cpu), ours_mb, _ = measure(lambda: termwise_align(de, fr, mt, ("de", "fr")))
    (peer_s, peer_cpu), peer_mb, _ = measure(lambda: gale_church(de, fr))
    for name, wall, cpu, grown in (
        ("termwise", ours_s, ours_cpu, ours_mb),
        ("Gale-Church", peer_s, peer_cpu, peer_mb),
    ):
        print(f"  {name:12} {wall:7.2f} s wall {cpu:7.2f} s CPU  +{grown:6.1f} MiB peak RSS")
    print(
        f"  CPU time ratio peer/termwise {peer_cpu / ours_cpu:.1f}x, "
        f"memory ratio {peer_mb / max(ours_mb, 0.1):.1f}x"
    )


def similarity_peer() -> None:
    """The MT similarity against sacrebleu's chrF: does it rank the right target first, and
    how long does it take per pair? (Text+Berg 1-1 gold pairs against their neighbours.)"""
    import numpy as np
    from sacrebleu.metrics import CHRF

    from termwise.align.similarity import BandSimilarity

    berg = DEV / "textberg-de-fr"
    fr = lines(berg / "dev.fr")
    ones = [
        b for b in read_beads(berg / "dev.align") if b.kind == (1, 1) and 0 < b.tgt[0] < len(fr) - 1
    ]
    for name in ("google", "europarl"):
        mt = lines(berg / f"dev.mt-{name}.fr")
        src = np.asarray([b.src[0] for b in ones], np.int64)
        tgt = np.asarray([b.tgt[0] for b in ones], np.int64)
        start = time.perf_counter()
        similarity = BandSimilarity(mt, fr)
        rows = len(mt)
        similarity.prepare(np.zeros(rows + 1, np.int64), np.full(rows + 1, len(fr) + 1, np.int64))
        scores = [similarity.group_cosine(src, 1, tgt + shift, 1) for shift in (-1, 0, 1)]
        ours_s = time.perf_counter() - start
        ours = float(np.mean((scores[1] > scores[0]) & (scores[1] > scores[2])))
        chrf = CHRF()
        start = time.perf_counter()
        table = [
            [
                chrf.sentence_score(mt[i], [fr[j + shift]]).score
                for i, j in zip(src, tgt, strict=True)
            ]
            for shift in (-1, 0, 1)
        ]
        peer_s = time.perf_counter() - start
        right = np.asarray(table[1])
        peer = float(np.mean((right > np.asarray(table[0])) & (right > np.asarray(table[2]))))
        pairs = 3 * len(ones)
        print(
            f"  MT {name:9} n-gram cosine: right target first {ours:.3f}, "
            f"{ours_s / (rows * len(fr)) * 1e6:.1f} us/pair (all {rows}x{len(fr)} pairs compared); "
            f"sacrebleu chrF {peer:.3f}, {peer_s / pairs * 1e6:.0f} us/pair"
        )


if __name__ == "__main__":
    main()
