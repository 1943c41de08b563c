"""Opening a translation after much of its source was reworded: the fuzzy pass of
``sync_with_document``.

The case of the audit: a 5,000-sentence .txt whose translation is all edited by a person, with
2,000 sentences then reworded (one word each, as "by item" became "per item"), is synced with
its translation; every command that opens the translation pays this until a save. The
sentences are King James Bible verses from the shared alignment data (many templated:
"And they removed from Marah, and came unto Elim"), the rewording an edition's modernising
of one archaic word in each ("unto" → "to", "saith" → "says").

Peer: the fuzzy pass as it was (each new segment compared by difflib with every remaining
unit, ``reference_best_fuzzy`` below), in the same run on the same data; the carried-over
assignments of both must be identical.

``--large``: the templated lines only, 20,000 and 50,000 of them with 40% reworded, where the
pass as it was takes hours; the peer is instead the index of commit ``PEER_COMMIT`` (the
trigram-count index as first written: the shortlist read half the length slice's postings,
the character bound copied every unit's counts of the segment's characters), read with
``git show`` (``--peer a49a2a9``: the index that bounded every unit with numpy for each
segment, quadratic past about 10,000 units).
``--templated``: short lines that differ in a number only ("Table 17: stock by item at depot
17."), as a generated list or a report's captions have them, 2,000 to 20,000 (``--lines``)
with 40% reworded; the time per reworded line shows how the pass grows. Only the smallest
count is checked against the pass as it was (difflib against every unit, quadratic).
Run: ``.venv/bin/python bench/sync_fuzzy.py [--quick] [--large] [--templated] [--sentences N]
[--reworded N]``.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import importlib.util
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from termwise.document import parse_document
from termwise.document.ids import content_key
from termwise.document.model import Document
from termwise.project import translations
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import FUZZY_THRESHOLD, sync_with_document

ROOT = Path(__file__).resolve().parents[1]
# The commit that put the fuzzy index in its own module.
PEER_COMMIT = "e6f56e0"
# Where each commit kept its index: before PEER_COMMIT, in the sync's own module.
PEER_PLACES = {
    "a49a2a9": ("src/termwise/project/translations.py", "_FuzzyIndex"),
    PEER_COMMIT: ("src/termwise/project/fuzzy_carry.py", "FuzzyIndex"),
}
BIBLE = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "align-dev" / "bible-en-zh" / "dev.en"
)
# One archaic word modernised in each reworded sentence, the first of these it has.
MODERN = {
    "unto": "to",
    "saith": "says",
    "hath": "has",
    "spake": "spoke",
    "thee": "you",
    "thou": "you",
    "thy": "your",
    "shall": "will",
    "ye": "you",
    "upon": "on",
    "came": "went",
    "said": "spoke",
}


def reference_best_fuzzy(
    text: str, candidates: Sequence[tuple[int, str]]
) -> tuple[int | None, float]:
    """The fuzzy match as it was: difflib against every candidate."""
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(content_key(text))
    best: tuple[int | None, float] = (None, 0.0)
    for index, source in candidates:
        matcher.set_seq1(content_key(source))
        if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
            continue
        ratio = matcher.ratio()
        if ratio > best[1]:
            best = (index, ratio)
    return best


class ReferenceIndex:
    """The remaining units as the old pass kept them: a list, every one compared."""

    def __init__(self, candidates: Sequence[tuple[int, str]]) -> None:
        self._candidates = list(candidates)

    def __bool__(self) -> bool:
        return bool(self._candidates)

    def remove(self, index: int) -> None:
        self._candidates = [c for c in self._candidates if c[0] != index]

    def best(self, text: str) -> tuple[int | None, float]:
        return reference_best_fuzzy(text, self._candidates)


def peer_index(commit: str) -> type:
    """The fuzzy index as ``commit`` had it, loaded from that commit's file."""
    path_in_repo, name = PEER_PLACES[commit]
    source = subprocess.run(
        ["git", "show", f"{commit}:{path_in_repo}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="termwise-peer-"))
    path = folder / f"peer_{commit}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"peer_{commit}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    found: type = getattr(module, name)
    return found


def sentences(count: int) -> list[str]:
    """``count`` distinct sentences as the text reader segments them, each with an archaic
    word to modernise."""
    verses = BIBLE.read_text(encoding="utf-8").splitlines()
    document = parse_document("\n\n".join(verses), lang="en", path=Path("bible.txt"), fmt="text")
    seen: set[str] = set()
    found: list[str] = []
    for segment in document.segments:
        text = segment.text
        if text in seen or not any(re.search(rf"\b{w}\b", text) for w in MODERN):
            continue
        seen.add(text)
        found.append(text)
        if len(found) == count:
            return found
    sys.exit(f"only {len(found)} suitable sentences in {BIBLE}")


def catalogue(count: int) -> list[str]:
    """``count`` distinct sentences of one template, as a product catalogue has them: each
    reworded sentence is within the threshold of many old ones, so near-ties abound."""
    rng = random.Random(11)
    adjectives = ["blue", "red", "small", "large", "steel", "oak", "folding", "spare", "round"]
    nouns = ["chair", "table", "lamp", "shelf", "hinge", "bracket", "stool", "drawer", "frame"]
    cities = ["Lyon", "Basel", "Turin", "Graz", "Ghent", "Porto", "Bergen", "Brno", "Cork"]
    found: dict[str, None] = {}
    while len(found) < count:
        found[
            f"The {rng.choice(adjectives)} {rng.choice(nouns)} costs {rng.randint(2, 400)} euros "
            f"by item and ships from {rng.choice(cities)} within {rng.randint(1, 30)} days."
        ] = None
    return list(found)


def templated(count: int) -> list[str]:
    """``count`` short lines of one template that differ in a number only: every trigram
    but the number's is in every line, so no count of shared trigrams sets many apart."""
    return [f"Table {at}: stock by item at depot {at}." for at in range(1, count + 1)]


def modernise(text: str) -> str:
    if " by item " in text:
        return text.replace(" by item ", " per item ")
    for old, new in MODERN.items():
        changed = re.sub(rf"\b{old}\b", new, text, count=1)
        if changed != text:
            return changed
    raise AssertionError(text)


def make(texts: Sequence[str]) -> Document:
    return parse_document("\n\n".join(texts), lang="en", path=Path("doc.txt"), fmt="text")


def assignments(tfile: TranslationFile) -> list[tuple[str, str, str, str | None]]:
    units = [
        (unit.segment_id, unit.state.value, unit.target, unit.previous_source)
        for unit in tfile.units.values()
    ]
    return units + [("#~", u.segment_id, u.source, u.target) for u in tfile.obsolete]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 sentences, 400 reworded")
    parser.add_argument(
        "--large",
        action="store_true",
        help=f"20,000 and 50,000 templated lines, 40%% reworded, against {PEER_COMMIT}'s index",
    )
    parser.add_argument(
        "--peer", choices=sorted(PEER_PLACES), default=PEER_COMMIT, help="the index --large runs"
    )
    parser.add_argument(
        "--templated", action="store_true", help="short templated lines, 2,000 to 20,000"
    )
    parser.add_argument(
        "--lines",
        default="2000,5000,10000,20000",
        help="--templated: the line counts, comma-separated",
    )
    parser.add_argument("--sentences", type=int, default=5_000)
    parser.add_argument("--reworded", type=int, default=2_000)
    args = parser.parse_args()
    count, reworded = (1_000, 400) if args.quick else (args.sentences, args.reworded)
    if not BIBLE.exists():
        sys.exit(f"{BIBLE} is missing (the shared alignment data)")
    # The document reader's cache would go to the user's cache folder otherwise.
    os.environ.setdefault("XDG_CACHE_HOME", "/tmp/termwise-bench-cache")

    same = True
    if args.templated:
        counts = sorted(int(lines) for lines in args.lines.split(","))
        for lines in counts:
            print("templated lines:")
            peer = ReferenceIndex if lines == counts[0] else None
            same = run(templated(lines), lines * 2 // 5, peer) and same
        if not same:
            sys.exit(1)
        return
    if args.large:
        peer = peer_index(args.peer)
        for lines in (20_000, 50_000):
            print(f"catalogue, peer {args.peer}'s index:")
            same = run(catalogue(lines), lines * 2 // 5, peer) and same
        if not same:
            sys.exit(1)
        return
    for name, texts in (("Bible verses", sentences(count)), ("catalogue", catalogue(count))):
        print(f"{name}:")
        same = run(texts, reworded) and same
    if not same:
        sys.exit(1)


def run(texts: list[str], reworded: int, peer: type | None = ReferenceIndex) -> bool:
    """Sync the translation of ``texts`` after ``reworded`` of them changed, both ways
    (the new way alone where ``peer`` is None); whether the assignments are identical."""
    count = len(texts)
    before = make(texts)
    if [s.text for s in before.segments] != texts:
        sys.exit("the reader segments the sentences otherwise")
    tfile = TranslationFile(lang="es", source_lang="en", document_name="doc.txt")
    sync_with_document(tfile, before)
    for unit in tfile.units.values():
        unit.set_translation(f"ES: {unit.source}")  # all edited by a person

    changed = list(texts)
    for at in random.Random(7).sample(range(count), reworded):
        changed[at] = modernise(changed[at])
    after = make(changed)
    print(f"  {count} sentences, {reworded} reworded; {len(after.segments)} segments after")

    timings: dict[str, float] = {}
    results: dict[str, list[tuple[str, str, str, str | None]]] = {}
    fuzzy: dict[str, int] = {}
    indexed = translations._FuzzyIndex
    ways = [("old", peer)] if peer is not None else []
    for name, index_class in (*ways, ("new", indexed)):
        translations._FuzzyIndex = index_class  # type: ignore[misc, assignment]
        try:
            copied = copy.deepcopy(tfile)
            start = time.perf_counter()
            report = sync_with_document(copied, after)
            timings[name] = time.perf_counter() - start
        finally:
            translations._FuzzyIndex = indexed  # type: ignore[misc]
        results[name] = assignments(copied)
        fuzzy[name] = len(report.by_fuzzy)
        print(
            f"  {name}: sync {timings[name]:.2f} s ({timings[name] / reworded * 1000:.2f} ms a "
            f"reworded line); {fuzzy[name]} carried over by fuzzy match, "
            f"{len(report.new)} new, {len(report.obsoleted)} obsolete"
        )
    if peer is None:
        return True
    same = results["old"] == results["new"]
    print(f"  ratio old/new: {timings['old'] / timings['new']:.1f}x")
    print(f"  assignments identical: {'yes' if same else 'NO'}")
    for old, new in zip(results["old"], results["new"], strict=False):
        if old != new:
            print(f"    old {old}\n    new {new}")
    return same


if __name__ == "__main__":
    main()
