"""Glossary-constrained Apertium English→Spanish on the seed paper, against plain Apertium.

In one run, on termwise's own segmentation of the paper and the curated glossary/:

- compliance: of the concept occurrences whose concept has a Spanish rendering (the
  glossary's matcher finds them in the source), how many come out with the official
  rendering, plain and constrained. Each occurrence counts once; a segment with two
  occurrences of a concept needs the rendering twice. The head may be inflected (a plural
  occurrence), so every word of the rendering but the head must be there in order;
- damage to the rest of the sentence: chrF (sacrebleu) of each constrained segment against
  the plain one, with the official rendering removed from the first and the engine's words
  for the term removed from the second (the words of the plain output between the article
  or preposition before the term and the next function word are not known, so the
  constrained rendering and every word Apertium made of the source term's words, looked
  up one by one, are removed), averaged over the segments with an occurrence;
- time: the whole document through ``ApertiumEngine`` and through
  ``ConstrainedEngine(ApertiumEngine)``, each best of ``--repeat`` runs, and the ratio.

Usage: .venv/bin/python bench/constrained_mt.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def words(text: str) -> list[str]:
    return re.findall(r"\w[\w-]*", text.lower())


def complies(output: str, rendering: str) -> int:
    """How many times ``rendering`` is in ``output``, the first word (the head) inflected."""
    parts = [re.escape(w) for w in rendering.lower().split()]
    head = parts[0] + r"\w*" if parts else ""
    pattern = r"\b" + r"\s+".join([head, *parts[1:]]) + r"\b"
    return len(re.findall(pattern, output.lower()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import sacrebleu

    from termwise.document import load_document
    from termwise.glossary import load_glossary
    from termwise.mt.apertium import ApertiumEngine
    from termwise.mt.constrained.engine import ConstrainedEngine
    from termwise.mt.constrained.plan import GlossaryConstraints

    texts = [s.text for s in load_document(SEED).segments]
    glossary = load_glossary(ROOT / "glossary")
    constraints = GlossaryConstraints(glossary, "en", "es")
    plain_engine = ApertiumEngine()
    constrained_engine = ConstrainedEngine(plain_engine, constraints)

    from termwise.mt.constrained import apertium as constrained_apertium

    # Alternated, so that the load of a shared machine falls on both alike; the head
    # analyses remembered by the process are forgotten before each constrained run, so
    # every run pays what a first translation pays.
    plain_times: list[float] = []
    constrained_times: list[float] = []
    plain: list = []  # type: ignore[type-arg]
    constrained: list = []  # type: ignore[type-arg]
    for _ in range(args.repeat):
        start = time.perf_counter()
        plain = plain_engine.translate(texts, "en", "es")
        plain_times.append(time.perf_counter() - start)
        constrained_apertium._ANALYSED.clear()
        start = time.perf_counter()
        constrained = constrained_engine.translate(texts, "en", "es")
        constrained_times.append(time.perf_counter() - start)
    plain_time, constrained_time = min(plain_times), min(constrained_times)

    total = plain_ok = constrained_ok = 0
    scores: list[float] = []
    missed: list[str] = []
    for text, before, after in zip(texts, plain, constrained, strict=True):
        plan = [p for p in constraints.plan(text) if p.target is not None]
        if not plan:
            continue
        wanted: dict[str, int] = {}
        for placement in plan:
            assert placement.target is not None
            wanted[placement.target.text] = wanted.get(placement.target.text, 0) + 1
        for rendering, count in wanted.items():
            total += count
            plain_ok += min(count, complies(before.target, rendering))  # type: ignore[attr-defined]
            got = min(count, complies(after.target, rendering))  # type: ignore[attr-defined]
            constrained_ok += got
            if got < count:
                missed.append(f"{rendering!r} in {after.target!r}")  # type: ignore[attr-defined]
        # chrF of the rest: term words out of both sides.
        term_words = {w for r in wanted for w in words(r)}
        source_term_words = {w for p in plan for w in words(p.source)}
        engine_words = set()
        for word in source_term_words:
            engine_words.update(words(plain_engine.translate([word], "en", "es")[0].target))
        rest_after = " ".join(w for w in words(after.target) if w not in term_words)  # type: ignore[attr-defined]
        rest_before = " ".join(
            w
            for w in words(before.target)  # type: ignore[attr-defined]
            if w not in engine_words and w not in source_term_words and w not in term_words
        )
        scores.append(sacrebleu.sentence_chrf(rest_after, [rest_before]).score)

    print(f"segments: {len(texts)}; with a forced concept: {len(scores)}")
    print(
        f"official Spanish rendering: plain {plain_ok}/{total} = {100 * plain_ok / total:.1f} %, "
        f"constrained {constrained_ok}/{total} = {100 * constrained_ok / total:.1f} %"
    )
    print(
        f"chrF of the rest of each sentence (constrained vs plain): {sum(scores) / len(scores):.1f}"
    )
    print(
        f"time, best of {args.repeat}: plain {plain_time:.3f} s, constrained "
        f"{constrained_time:.3f} s, ratio {constrained_time / plain_time:.2f}× "
        f"(medians {sorted(plain_times)[len(plain_times) // 2]:.3f} / "
        f"{sorted(constrained_times)[len(constrained_times) // 2]:.3f} s)"
    )
    for line in missed:
        print("missed:", line)
    agreement = [
        r.target  # type: ignore[attr-defined]
        for r in constrained
        if re.search(r"\b(el|un|del|al|este|ese)\s+comunidad", r.target, re.I)  # type: ignore[attr-defined]
    ]
    print(f"masculine article before 'comunidad': {len(agreement)}")


if __name__ == "__main__":
    main()
