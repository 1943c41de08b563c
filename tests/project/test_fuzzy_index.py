"""The fuzzy pass's index finds what comparing a new segment with every remaining unit
found: the same unit, the same ratio, the same winner of a tie."""

from __future__ import annotations

import difflib
import random
from collections.abc import Sequence

from termwise.document.ids import content_key
from termwise.project.translations import FUZZY_THRESHOLD, _FuzzyIndex


def ratios(text: str, candidates: Sequence[tuple[int, str]]) -> list[float]:
    """difflib's ratio with every candidate, as the fuzzy match compared them before."""
    return [
        difflib.SequenceMatcher(None, content_key(source), content_key(text), False).ratio()
        for _, source in candidates
    ]


def catalogue(rng: random.Random, count: int) -> list[str]:
    """Templated lines, many within the threshold of each other: near-ties abound."""
    lines: dict[str, None] = {}
    while len(lines) < count:
        lines[
            f"The {rng.choice(['red', 'blue', 'oak'])} {rng.choice(['chair', 'lamp', 'shelf'])} "
            f"costs {rng.randint(2, 60)} euros by item and ships from "
            f"{rng.choice(['Lyon', 'Basel', 'Graz'])} within {rng.randint(1, 9)} days."
        ] = None
    return list(lines)


def replay(sources: Sequence[str], queries: Sequence[str]) -> tuple[int, int]:
    """Carry over as the sync does, through the index and by every comparison side by side,
    asserting the same unit and ratio at each step; how many matched and how many of those
    had a tie for the best ratio."""
    candidates = list(enumerate(sources))
    index = _FuzzyIndex(candidates)
    left = list(candidates)
    matched = ties = 0
    for query in queries:
        each = ratios(query, left)
        expected: tuple[int | None, float] = (None, 0.0)
        for (at, _), ratio in zip(left, each, strict=True):
            if ratio >= FUZZY_THRESHOLD and ratio > expected[1]:
                expected = (at, ratio)  # the first best, as the old pass took it
        assert index.best(query) == expected, query
        if expected[0] is None:
            continue
        matched += 1
        ties += each.count(expected[1]) > 1
        index.remove(expected[0])
        left = [c for c in left if c[0] != expected[0]]
    return matched, ties


def test_index_finds_the_same_unit_as_every_comparison_with_near_ties() -> None:
    rng = random.Random(3)
    sources = catalogue(rng, 200)
    queries = [s.replace("by item", "per item") for s in rng.sample(sources, 100)]
    # Lines no old unit is exactly: one number moved, equally far from its neighbours.
    queries += [s.replace("costs 1", "costs 9") for s in sources[:60] if "costs 1" in s]
    queries += [f"Shipping from Lyon takes {n} days." for n in range(20)]
    # Two units exactly as close: the first in the file wins, whichever is listed first.
    for n in range(20):
        pair = [f"Stool {n} costs {price} euros by item from Ghent." for price in (14, 16)]
        sources += pair if n % 2 else pair[::-1]
        queries.append(f"Stool {n} costs 15 euros by item from Ghent.")
    rng.shuffle(queries)
    matched, ties = replay(sources, queries)
    assert matched > 100
    assert ties >= 20
    # As few units as the short list holds are compared as they are: the same rule.
    assert _FuzzyIndex.SHORTLIST >= 10
    matched, ties = replay(sources[-10:], queries)
    assert matched >= 5 and ties >= 5


def test_index_on_chinese_with_more_characters_than_columns() -> None:
    # Beyond ``COLUMNS`` distinct characters, the rarer ones share a column of the bound.
    rng = random.Random(5)
    alphabet = [chr(code) for code in range(0x4E00, 0x4E00 + 400)]
    sources = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 40))) for _ in range(200)
    ]
    queries = []
    for source in rng.sample(sources, 80):
        chars = list(source)
        chars[rng.randrange(len(chars))] = rng.choice(alphabet)
        queries.append("".join(chars))
    matched, _ = replay(sources, queries)
    assert matched > 60


def test_a_close_match_outranked_by_reordered_lines_is_still_found() -> None:
    # Sixty lines of the segment's very words in other orders share more of its trigrams
    # than its true close match (a letter changed in five words), and compare worse: the
    # short list by shared trigrams holds none but them, and the bound must find the match.
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    words += ["india", "juliet", "kilo", "lima"]
    query = " ".join(words) + "."
    rng = random.Random(9)
    reordered: dict[str, None] = {}
    while len(reordered) < 60:
        shuffled = words[:]
        rng.shuffle(shuffled)
        reordered[" ".join(shuffled) + "."] = None
    close = query.replace("bravo", "brave").replace("echo", "ecco").replace("hotel", "hostel")
    close = close.replace("kilo", "kile").replace("golf", "gulf")
    sources = [*reordered, close]
    ratio = difflib.SequenceMatcher(None, close, query, False).ratio()
    assert ratio >= FUZZY_THRESHOLD
    grams = _FuzzyIndex._grams(query)

    def dice(text: str) -> float:
        other = _FuzzyIndex._grams(text)
        return 2 * len(grams & other) / (len(grams) + len(other))

    outranking = [s for s in reordered if dice(s) > dice(close)]
    assert len(outranking) > _FuzzyIndex.SHORTLIST
    assert all(difflib.SequenceMatcher(None, s, query, False).ratio() < ratio for s in outranking)
    assert _FuzzyIndex(list(enumerate(sources))).best(query) == (len(sources) - 1, ratio)
