"""Benchmark: termwise's term extraction against yake (and pyate) on ACTER, TermEval 2020 style.

Data: ``../shared/term-dev`` (ACTER 1.5: dressage and wind energy, English and French).
Scoring as in TermEval 2020: one list of unique lower-cased forms per domain corpus (for
termwise, every form of every kept variant group), precision, recall and F1 against the
domain's unique annotation list, with and without named entities.

termwise is scored as ``terms extract`` lists the terms (``listed``): ``extract_terms``
with the occurrences, so that the rules that need them (a candidate written mostly inside
one longer candidate is a fragment of it and is not listed) count; a list built from the
scores alone missed them. It is scored leave-one-domain-out: the combiner is trained on
the other domain of the same language and its cut-off is the one it learned there, so no
score below comes from a model that saw the domain it is scored on (the shipped model,
trained on both, would).
yake runs in the same process on the same documents with its top N set to the size of the
gold list (with named entities), which tells it the answer's size; termwise gets no count.
pyate is tried and reported as not run where it cannot (it needs a spaCy model, which is
not on the package registries).

Speed: the English texts of both domains, repeated to 300,000 words as separate documents,
read and extracted end to end (``extract_terms`` with occurrences), against yake on the
same text.

``no-names`` is termwise as ``terms extract --no-names`` lists it: without the candidates
it marks as named entities (``termwise.terms.names``), which ACTER's list without named
entities leaves out.

Single documents (``--single``): how a translator most often runs termwise, on one paper.
Each domain's documents are cut into pieces of about 2,000 and 250 running words (whole
segments, never across documents), up to 12 pieces a size and domain spread over the
corpus; each piece is extracted alone by the combiner trained on the other domain and
scored against the domain's gold terms that occur in the piece (whole words, lower-cased);
the mean F1 over the pieces is reported.

    .venv/bin/python bench/terms.py            # everything
    .venv/bin/python bench/terms.py --quick    # quality only, no speed run
    .venv/bin/python bench/terms.py --quick --single   # and one-document inputs
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from termwise.document.reading import load_document  # noqa: E402
from termwise.terms.candidates import fold  # noqa: E402
from termwise.terms.extract import (  # noqa: E402
    extract_terms,
    segment_texts,
    segments_document,
)
from termwise.terms.model import Combiner  # noqa: E402
from termwise.terms.train import (  # noqa: E402
    acter_domains,
    corpus_documents,
    f1_score,
    fit,
    load_corpus,
    pieces,
)

if TYPE_CHECKING:
    from termwise.document.model import Document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "term-dev"


def yake_terms(texts: list[list[str]], lang: str, top: int) -> set[str]:
    import yake

    extractor = yake.KeywordExtractor(lan=lang, n=3, top=top)
    text = "\n".join(" ".join(doc) for doc in texts)
    return {keyword.lower() for keyword, _ in extractor.extract_keywords(text)}


def listed(documents: list[Document], lang: str, combiner: Combiner) -> tuple[set[str], set[str]]:
    """The TermEval lists of what ``terms extract`` lists for ``documents``: every form of
    every candidate, and the same without the named entities (``--no-names``)."""
    candidates = extract_terms(documents, lang, combiner=combiner).candidates
    every = {form for candidate in candidates for form in candidate.forms}
    unnamed = {form for candidate in candidates if not candidate.name for form in candidate.forms}
    return every, unnamed


def pyate_status() -> str:
    try:
        import pyate  # noqa: F401
    except Exception as error:  # pyate imports spaCy and loads a model at import time
        return f"not run: {type(error).__name__}: {str(error).splitlines()[0][:120]}"
    return "imported"


def quality(data: Path) -> list[tuple[str, str, float, float]]:
    domains = acter_domains(data)
    corpora = {(lang, domain): load_corpus(data, lang, domain) for lang, domain in domains}
    print(f"{'corpus':<12} {'system':<9} {'NEs':<4} {'P':>6} {'R':>6} {'F1':>6} {'n':>6}")
    results = []
    for (lang, domain), corpus in corpora.items():
        others = [c for (lg, dm), c in corpora.items() if lg == lang and dm != domain]
        combiner = fit(others)
        documents = corpus_documents(data, lang, domain)
        selected, unnamed = listed(documents, lang, combiner)
        started = time.process_time()
        peer = yake_terms([segment_texts(doc) for doc in documents], lang, len(corpus.gold))
        yake_seconds = time.process_time() - started
        f1_ours = f1_yake = 0.0
        for label, gold in (("yes", corpus.gold), ("no", corpus.gold_no_entities)):
            for system, found in (("termwise", selected), ("no-names", unnamed), ("yake", peer)):
                p, r, f = f1_score(found, gold)
                print(
                    f"{corpus.name:<12} {system:<9} {label:<4} {p:6.3f} {r:6.3f} {f:6.3f} "
                    f"{len(found):6d}"
                )
                if label == "yes":
                    if system == "termwise":
                        f1_ours = f
                    else:
                        f1_yake = f
        print(
            f"{corpus.name:<12} F1 ratio termwise/yake (with NEs): {f1_ours / f1_yake:.2f}; "
            f"termwise cut-off {combiner.threshold:.2f} learned on {', '.join(combiner.trained_on)}; "
            f"yake {yake_seconds:.1f} s"
        )
        results.append((lang, domain, f1_ours, f1_yake))
    for lang in sorted({r[0] for r in results}):
        ours = [r[2] for r in results if r[0] == lang]
        peer = [r[3] for r in results if r[0] == lang]
        print(
            f"mean {lang} (with NEs, held-out domain): termwise {sum(ours) / len(ours):.3f}, "
            f"yake {sum(peer) / len(peer):.3f}, ratio {sum(ours) / sum(peer):.2f}"
        )
    print(f"pyate: {pyate_status()}")
    return results


PIECE_SIZES = (2000, 250)
PIECES_PER_DOMAIN = 12


def sample(texts: list[list[str]], size: int) -> list[list[str]]:
    """``PIECES_PER_DOMAIN`` of the corpus's pieces of about ``size`` words, evenly spread."""
    found = pieces(texts, size)
    if len(found) <= PIECES_PER_DOMAIN:
        return found
    step = len(found) / PIECES_PER_DOMAIN
    return [found[int(i * step)] for i in range(PIECES_PER_DOMAIN)]


def present(gold: set[str], segments: list[str]) -> set[str]:
    """The gold terms the piece writes, as whole words."""
    text = " " + fold(" ".join(segments)) + " "
    return {term for term in gold if re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text)}


def single(data: Path) -> None:
    """Mean F1 of one-document inputs (see the module's text)."""
    domains = acter_domains(data)
    corpora = {(lang, domain): load_corpus(data, lang, domain) for lang, domain in domains}
    means: dict[tuple[str, int], list[float]] = {}
    for (lang, domain), corpus in corpora.items():
        combiner = fit([c for (lg, dm), c in corpora.items() if lg == lang and dm != domain])
        texts = [segment_texts(doc) for doc in corpus_documents(data, lang, domain)]
        for size in PIECE_SIZES:
            scores = []
            for piece in sample(texts, size):
                alone = segments_document([(str(i), text) for i, text in enumerate(piece)], lang)
                found, _ = listed([alone], lang, combiner)
                scores.append(f1_score(found, present(corpus.gold, piece)))
            p, r, f = (sum(s[i] for s in scores) / len(scores) for i in range(3))
            print(
                f"single {corpus.name:<8} {size:5d} words: {len(scores):2d} pieces, "
                f"P {p:.3f} R {r:.3f} F1 {f:.3f}"
            )
            means.setdefault((lang, size), []).append(f)
    for (lang, size), values in sorted(means.items()):
        print(
            f"mean single {lang} {size:5d} words (with NEs, held-out domain): {sum(values) / len(values):.3f}"
        )


def speed(data: Path, words: int) -> None:
    base = data / "acter" / "en"
    sources = sorted(base.glob("*/annotated/texts/*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        total = 0
        paths = []
        while total < words:
            for source in sources:
                text = source.read_text(encoding="utf-8")
                path = Path(folder) / f"{len(paths):04d}_{source.name}"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
                total += len(text.split())
                if total >= words:
                    break
        started, cpu = time.perf_counter(), time.process_time()
        documents = [load_document(path, lang="en") for path in paths]
        extraction = extract_terms(documents, "en")
        ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        texts = [[segment.text for segment in doc.segments] for doc in documents]
        yake_terms(texts, "en", 1500)
        peer, peer_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"speed: {total:,} words in {len(paths)} documents, read and extracted: termwise "
        f"{ours:.1f} s wall / {ours_cpu:.1f} s CPU ({len(extraction.candidates)} candidates), "
        f"yake {peer:.1f} s wall / {peer_cpu:.1f} s CPU; CPU ratio yake/termwise "
        f"{peer_cpu / ours_cpu:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="quality only")
    parser.add_argument("--single", action="store_true", help="also one-document inputs")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--words", type=int, default=300_000)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent (ACTER development data)")
        return
    quality(args.data)
    if args.single:
        single(args.data)
    if not args.quick:
        speed(args.data, args.words)


if __name__ == "__main__":
    main()
