"""Checks benchmark: termwise's checks against translate-toolkit's pofilter on the same pairs.

A seeded generator writes a bilingual corpus (English-like source, Spanish target made of
words from Debian's es_ES Hunspell dictionary) of distinct segment pairs of 10 to 40 words,
and a glossary of 10,000 concepts whose English and Spanish terms (1 to 5 words, some with
deprecated variants) occur about once per segment. Some pairs carry planted problems
(numbers, citation markers, deprecated terms, misspellings, double spaces, wrong end
punctuation) so that the checks have something to report.

termwise runs every check (terminology, consistency, QA, Hunspell spelling) through
``run_checks``; pofilter runs its default checks on the same pairs written as a PO file, in
the same run. Both are timed from data in memory (termwise) or on disk (pofilter) to the
list of issues; building the glossary's matchers is included in termwise's time. Times are
CPU seconds (user + system, including the Hunspell and pofilter child processes), because
the machine is shared; wall times are printed beside them.

    .venv/bin/python bench/checks.py            # 100,000 pairs, 10,000 concepts
    .venv/bin/python bench/checks.py --quick    # 10,000 pairs, 2,000 concepts
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from termwise.checks import run_checks  # noqa: E402
from termwise.document.model import Document, Segment, SegmentKind  # noqa: E402
from termwise.glossary.model import Concept, Glossary, Term, TermStatus  # noqa: E402

SPANISH_DIC = Path("/usr/share/hunspell/es_ES.dic")
POFILTER = ROOT / ".venv" / "bin" / "pofilter"
_ONSETS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr", "pl"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
_CODAS = ["", "", "n", "r", "s", "l", "nd", "st", "m"]


def pseudo_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Distinct pronounceable English-looking words not in ``taken``."""
    words: list[str] = []
    while len(words) < count:
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
            for _ in range(rng.randint(2, 3))
        )
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def split_by_stem(words: list[str], lang: str, first: int) -> tuple[list[str], list[str]]:
    """Two word pools that share no Snowball stem, so filler never matches a glossary term.

    The matcher stems (it must find "destiny communities" for "destiny community"); pools
    split by surface form alone would let "abandonar" in the filler match the term
    "abandono", and the corpus would have many more hits than it is meant to.
    """
    import Stemmer

    stem = Stemmer.Stemmer(lang).stemWord
    by_stem: dict[str, list[str]] = {}
    for word in words:
        by_stem.setdefault(stem(word), []).append(word)
    pool_a: list[str] = []
    pool_b: list[str] = []
    for group in by_stem.values():
        (pool_a if len(pool_a) < first else pool_b).append(group[0])
    return pool_a, pool_b


def spanish_words(rng: random.Random) -> list[str]:
    """Lower-case stems of the es_ES dictionary: real words Hunspell accepts."""
    words = []
    for line in SPANISH_DIC.read_text(encoding="utf-8").splitlines()[1:]:
        word = line.split("/", 1)[0].strip()
        if 4 <= len(word) <= 12 and word.isalpha() and word.islower():
            words.append(word)
    rng.shuffle(words)
    return words


def build_glossary(
    rng: random.Random, concepts: int, en_pool: list[str], es_pool: list[str]
) -> Glossary:
    glossary = Glossary()
    seen_en: set[str] = set()
    seen_es: set[str] = set()
    for number in range(concepts):
        concept = Concept(f"C{number:05d}")

        def term(pool: list[str], seen: set[str]) -> str:
            while True:
                text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 5)))
                if text not in seen:
                    seen.add(text)
                    return text

        concept.add(Term(term(en_pool, seen_en), "en", TermStatus.PREFERRED))
        if rng.random() < 0.25:
            concept.add(Term(term(en_pool, seen_en), "en", TermStatus.DEPRECATED))
        concept.add(Term(term(es_pool, seen_es), "es", TermStatus.PREFERRED))
        if rng.random() < 0.15:
            concept.add(Term(term(es_pool, seen_es), "es", TermStatus.ADMITTED))
        if rng.random() < 0.15:
            concept.add(Term(term(es_pool, seen_es), "es", TermStatus.DEPRECATED))
        glossary.concepts.append(concept)
    return glossary


def build_corpus(
    rng: random.Random,
    pairs: int,
    glossary: Glossary,
    en_filler: list[str],
    es_filler: list[str],
) -> tuple[list[str], list[str]]:
    sources: list[str] = []
    targets: list[str] = []
    seen: set[str] = set()
    while len(sources) < pairs:
        concept = rng.choice(glossary.concepts)
        en_terms = concept.terms("en")
        es_terms = concept.terms("es")
        length = rng.randint(10, 40)
        en_term = rng.choice(en_terms).text
        words = [rng.choice(en_filler) for _ in range(max(1, length - len(en_term.split())))]
        at = rng.randrange(len(words) + 1)
        words[at:at] = [en_term]
        target_words = [rng.choice(es_filler) for _ in range(max(1, int(length * 1.1)))]
        roll = rng.random()
        if roll < 0.9:
            # Mostly the official rendering; sometimes an admitted or deprecated one.
            es_term = rng.choice(es_terms).text if roll < 0.2 else es_terms[0].text
            target_words.insert(rng.randrange(len(target_words) + 1), es_term)
        # Planted problems, a few per cent each, so the checks report something.
        trouble = rng.random()
        if trouble < 0.05:
            number = str(rng.randint(2, 2020))
            words.insert(rng.randrange(len(words)), number)
            target_words.insert(rng.randrange(len(target_words)), number)
        elif trouble < 0.08:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 99)))
        elif trouble < 0.11:
            words.append(f"[{rng.randint(1, 60)}]")
        elif trouble < 0.14:
            victim = rng.randrange(len(target_words))
            target_words[victim] = target_words[victim][:-1] + "q"
        source = " ".join(words)
        source = source[0].upper() + source[1:] + "."
        target = " ".join(target_words)
        target = target[0].upper() + target[1:]
        target += "" if rng.random() < 0.02 else "."
        if rng.random() < 0.02:
            target = target.replace(" ", "  ", 1)
        if source in seen:
            continue
        seen.add(source)
        sources.append(source)
        targets.append(target)
    return sources, targets


def make_document(sources: list[str]) -> Document:
    segments = []
    offset = 0
    for index, text in enumerate(sources):
        segments.append(
            Segment(
                id=f"p{index:06d}",
                kind=SegmentKind.SENTENCE,
                text=text,
                line=index + 1,
                column=1,
                paragraph=index,
                start=offset,
                end=offset + len(text),
            )
        )
        offset += len(text) + 1
    return Document(None, "\n".join(sources), "en", "utf-8", segments)


def cpu_seconds() -> float:
    """User plus system CPU time of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(path: Path, ids: list[str], sources: list[str], targets: list[str]) -> None:
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Language: es\\n"',
        "",
    ]
    for segment_id, source, target in zip(ids, sources, targets, strict=True):
        lines += [
            f"msgctxt {po_quote(segment_id)}",
            f"msgid {po_quote(source)}",
            f"msgstr {po_quote(target)}",
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 pairs, 2,000 concepts")
    parser.add_argument("--pairs", type=int, default=None)
    parser.add_argument("--concepts", type=int, default=None)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--skip-pofilter", action="store_true")
    parser.add_argument(
        "--pofilter-pairs",
        type=int,
        default=None,
        help="pofilter on the first N pairs only (default: all with --quick, 20,000 otherwise;"
        " its cost is per pair, so the rate carries over)",
    )
    args = parser.parse_args()
    pairs = args.pairs or (10_000 if args.quick else 100_000)
    concepts = args.concepts or (2_000 if args.quick else 10_000)

    rng = random.Random(args.seed)
    started = time.perf_counter()
    en_filler, en_terms = split_by_stem(pseudo_words(rng, 24_000, set()), "english", 8_000)
    es_filler, es_terms = split_by_stem(spanish_words(rng), "spanish", 12_000)
    en_terms, es_terms = en_terms[:12_000], es_terms[:12_000]
    glossary = build_glossary(rng, concepts, en_terms, es_terms)
    sources, targets = build_corpus(rng, pairs, glossary, en_filler, es_filler)
    document = make_document(sources)
    ids = [segment.id for segment in document.segments]
    mapping = dict(zip(ids, targets, strict=True))
    words = sum(len(source.split()) for source in sources)
    print(
        f"corpus: {pairs:,} distinct pairs ({words / pairs:.1f} source words each), "
        f"{concepts:,} concepts, generated in {time.perf_counter() - started:.1f} s"
    )

    # CPU seconds (this process plus its Hunspell child), not wall time: the 2-core machine
    # is shared, and CPU time is what one core spends on the job.
    started_wall, started_cpu = time.perf_counter(), cpu_seconds()
    issues = run_checks(document, glossary, target_lang="es", targets=mapping)
    termwise_seconds = cpu_seconds() - started_cpu
    termwise_wall = time.perf_counter() - started_wall
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = Counter(issue.check for issue in issues)
    print(
        f"termwise (one process): {termwise_seconds:.2f} CPU s ({termwise_wall:.2f} s wall), "
        f"{pairs / termwise_seconds:,.0f} pairs/s (CPU), {pairs / termwise_wall:,.0f} pairs/s "
        f"(wall), {len(issues):,} issues, peak RSS {peak_mib:.0f} MiB"
    )
    print("  by check: " + ", ".join(f"{check} {n:,}" for check, n in counts.most_common()))

    # The glossary matcher's share (both sides, fresh matchers), for the record.
    import gc

    from termwise.glossary.matcher import TermMatcher

    gc.disable()  # as run_checks does
    started = cpu_seconds()
    en_matcher, es_matcher = TermMatcher(glossary, "en"), TermMatcher(glossary, "es")
    kept = [en_matcher.find(source) for source in sources]
    kept += [es_matcher.find(target) for target in targets]
    matching_seconds = cpu_seconds() - started
    del kept
    gc.enable()
    print(
        f"  of which term matching (TermMatcher build + find on both sides): "
        f"{matching_seconds:.2f} s; everything else {termwise_seconds - matching_seconds:.2f} s "
        f"({pairs / max(termwise_seconds - matching_seconds, 1e-9):,.0f} pairs/s)"
    )

    if args.skip_pofilter:
        return
    subset = min(pairs, args.pofilter_pairs or (pairs if args.quick else 20_000))
    with tempfile.TemporaryDirectory() as folder:
        po = Path(folder) / "corpus.es.po"
        out = Path(folder) / "failed.po"
        write_po(po, ids[:subset], sources[:subset], targets[:subset])
        started_wall, started_cpu = time.perf_counter(), cpu_seconds()
        result = subprocess.run(
            [str(POFILTER), "--progress=none", "-i", str(po), "-o", str(out)],
            capture_output=True,
            text=True,
        )
        pofilter_seconds = cpu_seconds() - started_cpu
        pofilter_wall = time.perf_counter() - started_wall
        if result.returncode != 0:
            sys.exit(f"pofilter failed: {result.stderr.strip()}")
        flagged = out.read_text(encoding="utf-8").count("\nmsgid ") if out.exists() else 0
    theirs = subset / pofilter_seconds
    ours = pairs / termwise_seconds
    print(
        f"pofilter (default checks) on the first {subset:,} pairs: {pofilter_seconds:.2f} CPU s "
        f"({pofilter_wall:.2f} s wall), {theirs:,.0f} pairs/s (CPU), "
        f"{subset / pofilter_wall:,.0f} pairs/s (wall), {flagged:,} units flagged"
    )
    print(
        f"ratio termwise/pofilter, pairs per CPU second: {ours / theirs:.1f}x; "
        f"pairs per wall second: {(pairs / termwise_wall) / (subset / pofilter_wall):.1f}x"
    )
    print(f"goal >= 20,000 pairs/s: {'met' if ours >= 20_000 else 'NOT met'} (CPU, one process)")


if __name__ == "__main__":
    main()
