"""Benchmark: what term extraction finds by term length, on whole corpora and short passages.

The same data and the same leave-one-domain-out scoring as ``bench/terms.py`` (the combiner
that scores a domain is trained on the other domain of its language), broken down by the
number of words of the gold term (1, 2, 3 or more):

- *candidates*: the share of the gold list that the candidate pass produces at all (no
  score can keep a term that is no candidate);
- *kept*: recall of what the extractor keeps (cut-off and density floor), and the
  precision of the kept forms of each length.

Short passages: each held-out document cut into passages of about ``--passage`` running
words (whole segments), each extracted alone as a short text is (where the density floor,
not the cut-off, decides how many are kept), scored against the gold terms that occur in
the passage as candidates; precision, recall and F1 summed over the passages. This is what
a translator sees on one short text, scored as the whole corpus is.

    .venv/bin/python bench/terms_recall.py
    .venv/bin/python bench/terms_recall.py --passage 300 --passages 60
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from termwise.terms import candidates as cand  # noqa: E402
from termwise.terms.model import Combiner  # noqa: E402
from termwise.terms.scoring import feature_matrix  # noqa: E402
from termwise.terms.train import (  # noqa: E402
    Corpus,
    acter_domains,
    corpus_texts,
    f1_score,
    fit,
    load_corpus,
    pieces,
)
from termwise.terms.variants import (  # noqa: E402
    StemKeys,
    add_defined_forms,
    build_groups,
    find_abbreviations,
    group_frequencies,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "term-dev"
LENGTHS = ("1", "2", "3+")


def length(form: str) -> str:
    n = len(form.replace("'", "' ").split())
    return "3+" if n >= 3 else str(n)


def by_length(forms: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {key: set() for key in LENGTHS}
    for form in forms:
        out[length(form)].add(form)
    return out


def kept_forms(texts: list[list[str]], lang: str, combiner: Combiner) -> tuple[set[str], set[str]]:
    """What ``extract_terms`` keeps of ``texts`` (every form of each kept group), and every
    candidate form."""
    index = cand.collect(texts, lang)
    forms = list(index.forms)
    if not forms:
        return set(), set()
    keys = StemKeys(lang)
    rows = feature_matrix(index, forms, group_frequencies(index.forms, keys))
    probability = combiner.probabilities(rows)
    kept = {forms[i] for i in combiner.keep(probability, index.words)}
    abbreviations = find_abbreviations((t for doc in texts for t in doc), lang)
    kept |= add_defined_forms(index.forms, abbreviations, lang)
    groups = build_groups(index.forms, keys, seeds=kept, abbreviations=abbreviations)
    return {form for group in groups for form in group.forms}, set(index.forms)


def report_corpus(corpus: Corpus, combiner: Combiner, candidates: set[str]) -> float:
    kept = corpus.extracted(combiner)
    gold = by_length(corpus.gold)
    found = by_length(kept)
    p, r, f = f1_score(kept, corpus.gold)
    cells = []
    for key in LENGTHS:
        g, k = gold[key], found[key]
        cells.append(
            f"{key}w gold {len(g):4d} cand {len(g & candidates) / max(len(g), 1):.3f} "
            f"kept R {len(g & k) / max(len(g), 1):.3f} P {len(g & k) / max(len(k), 1):.3f} "
            f"n {len(k):4d}"
        )
    print(f"{corpus.name:<8} corpus  P {p:.3f} R {r:.3f} F1 {f:.3f} | " + " | ".join(cells))
    return f


def report_passages(
    name: str,
    texts: list[list[str]],
    lang: str,
    gold: set[str],
    combiner: Combiner,
    args: argparse.Namespace,
) -> float:
    chosen = pieces(texts, args.passage)
    step = max(len(chosen) // args.passages, 1)
    chosen = chosen[::step][: args.passages]
    hits = {key: 0 for key in LENGTHS}
    kept_n = {key: 0 for key in LENGTHS}
    gold_n = {key: 0 for key in LENGTHS}
    for passage in chosen:
        kept, every = kept_forms([passage], lang, combiner)
        present = gold & every
        for key, forms in by_length(kept).items():
            kept_n[key] += len(forms)
            hits[key] += len(forms & present)
        for key, forms in by_length(present).items():
            gold_n[key] += len(forms)
    h, k, g = sum(hits.values()), sum(kept_n.values()), sum(gold_n.values())
    p, r = h / max(k, 1), h / max(g, 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    cells = [
        f"{key}w R {hits[key] / max(gold_n[key], 1):.3f} P {hits[key] / max(kept_n[key], 1):.3f} "
        f"n {kept_n[key]:4d}"
        for key in LENGTHS
    ]
    print(
        f"{name:<8} {len(chosen):3d} passages P {p:.3f} R {r:.3f} F1 {f:.3f} | " + " | ".join(cells)
    )
    return f


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--passage", type=int, default=300, help="words per passage")
    parser.add_argument("--passages", type=int, default=40, help="passages per corpus")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent (ACTER development data)")
        return
    domains = acter_domains(args.data)
    corpora = {(lang, domain): load_corpus(args.data, lang, domain) for lang, domain in domains}
    whole: dict[str, list[float]] = {}
    short: dict[str, list[float]] = {}
    for (lang, domain), corpus in corpora.items():
        others = [c for (lg, dm), c in corpora.items() if lg == lang and dm != domain]
        combiner = fit(others)
        texts = corpus_texts(args.data, lang, domain)
        candidates = set(corpus.forms) | set(corpus.defined_forms)
        whole.setdefault(lang, []).append(report_corpus(corpus, combiner, candidates))
        short.setdefault(lang, []).append(
            report_passages(corpus.name, texts, lang, corpus.gold, combiner, args)
        )
    for lang in sorted(whole):
        print(
            f"mean {lang}: corpus F1 {sum(whole[lang]) / len(whole[lang]):.4f}, "
            f"passage F1 {sum(short[lang]) / len(short[lang]):.4f}"
        )


if __name__ == "__main__":
    main()
