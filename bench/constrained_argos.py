"""Glossary-constrained against unconstrained Argos translation of the same document.

The package is the one the test suite trains (tests/support/trained_model.py: a 2 + 2
layer Transformer on a synthetic English → Spanish-like pair whose three multiword concepts
the model renders with their deprecated renderings), cached in ``--cache``. The document is
``--segments`` synthetic sentences (about three in four mention a concept, the rest none).

Reported, in one run:
- per mechanism alone and for the chain: compliance (term occurrences that carry the
  official rendering) and chrF (sacrebleu) against the references, on the held-out test set
  and on the document;
- time of ``ArgosEngine.translate`` and of ``translate_constrained`` (planning included) on
  the whole document, alternating, best of ``--repeat``; the ratio (goal: at most 1.5).

Usage: .venv/bin/python bench/constrained_argos.py [--segments 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--segments", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/termwise-bench-trained-argos"))
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-constrained-argos-"))
    os.environ.update(
        HOME=str(home),
        ARGOS_PACKAGES_DIR=str(home / "packages"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/",
    )
    (home / "packages").mkdir(parents=True)

    import sacrebleu

    from support import trained_model  # type: ignore[import-not-found]
    from termwise.mt.argos import ArgosEngine
    from termwise.mt.constrained.argos import CHAIN, MECHANISMS, placed, translate_constrained
    from termwise.mt.constrained.plan import GlossaryConstraints
    from termwise.mt.packages import install_archive

    started = time.perf_counter()
    archive = trained_model.trained_package(args.cache)
    print(f"package: {archive} ({time.perf_counter() - started:.1f} s to build or find)")
    install_archive(archive)
    engine = ArgosEngine()
    constraints = GlossaryConstraints(trained_model.glossary(), "en", "es")

    rng = random.Random(2026)
    document = [trained_model.make_pair(rng, official=True) for _ in range(args.segments)]
    sets = {"test set": trained_model.test_pairs(), "document": document}

    def score(pairs: list[trained_model.Pair], outputs: list[str]) -> str:
        wanted = [
            [p.target.text for p in constraints.plan(pair.source) if p.target is not None]
            for pair in pairs
        ]
        flags = [f for out, w in zip(outputs, wanted, strict=True) for f in placed(out, w)]
        chrf = sacrebleu.corpus_chrf(outputs, [[pair.target for pair in pairs]]).score
        share = 100 * sum(flags) / len(flags)
        return f"compliance {sum(flags):4d}/{len(flags):<4d} ({share:5.1f} %)  chrF {chrf:5.1f}"

    for name, pairs in sets.items():
        texts = [pair.source for pair in pairs]
        plans = [constraints.plan(text) for text in texts]
        print(f"\n{name}: {len(texts)} segments, {sum(map(len, plans))} term occurrences")
        plain = [r.target for r in engine.translate(texts, "en", "es")]
        print(f"  {'unconstrained':28s} {score(pairs, plain)}")
        for chain in [[m] for m in MECHANISMS] + [list(CHAIN)]:
            results = translate_constrained(engine, texts, "en", "es", plans, chain=chain)
            used = Counter(d.mechanism for r in results for d in r.terms)
            label = " > ".join(chain)
            print(f"  {label:28s} {score(pairs, [r.target for r in results])}  {dict(used)}")

    texts = [pair.source for pair in document]
    plain_times: list[float] = []
    constrained_times: list[float] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        engine.translate(texts, "en", "es")
        plain_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        translate_constrained(engine, texts, "en", "es", [constraints.plan(text) for text in texts])
        constrained_times.append(time.perf_counter() - started)
    plain_best, constrained_best = min(plain_times), min(constrained_times)
    print(
        f"\ntime, {len(texts)} segments, best of {args.repeat}: unconstrained "
        f"{plain_best:.2f} s, constrained {constrained_best:.2f} s, "
        f"ratio {constrained_best / plain_best:.2f}x (goal <= 1.5x)"
    )


if __name__ == "__main__":
    main()
