"""The fuzzy pass's index finds exactly what comparing a new segment with every unit left
over finds, and proves most units unable to match without difflib: a new line with no close
match among many lines of its length and characters (a parts list's codes) was compared in
full with each of them."""

from __future__ import annotations

import difflib
import random
from collections.abc import Sequence

import pytest

from termwise.document.ids import content_key
from termwise.project.translations import FUZZY_THRESHOLD, _FuzzyIndex


def brute_force(text: str, left: Sequence[tuple[int, str]]) -> tuple[int | None, float]:
    """The match as the rule defines it: difflib with every unit, the first best wins."""
    best: tuple[int | None, float] = (None, 0.0)
    for index, source in left:
        ratio = difflib.SequenceMatcher(None, content_key(source), content_key(text), False).ratio()
        if ratio >= FUZZY_THRESHOLD and ratio > best[1]:
            best = (index, ratio)
    return best


def edited(rng: random.Random, text: str, alphabet: str) -> str:
    """``text`` with up to three characters deleted, inserted or replaced."""
    chars = list(text)
    for _ in range(rng.randint(0, 3)):
        place = rng.randint(0, len(chars))
        operation = rng.randrange(3)
        if operation == 0 and place < len(chars):
            del chars[place]
        elif operation == 1:
            chars.insert(place, rng.choice(alphabet))
        elif place < len(chars):
            chars[place] = rng.choice(alphabet)
    return "".join(chars)


@pytest.mark.parametrize("seed", range(40))
def test_index_finds_what_every_comparison_finds_on_random_texts(seed: int) -> None:
    # Few letters, so that near-ties and exact ties abound; lengths from empty to long, so
    # that the length slices, the trigram bound and its fallback for short texts all serve.
    rng = random.Random(seed)
    alphabet = rng.choice(["ab", "abc", "ab c", "the cat sat", "0123456789 -"])
    sources = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, rng.choice([4, 12, 40]))))
        for _ in range(rng.randint(_FuzzyIndex.SHORTLIST + 1, 150))
    ]
    queries = [edited(rng, rng.choice(sources), alphabet) for _ in range(60)]
    index = _FuzzyIndex(list(enumerate(sources)))
    left = list(enumerate(sources))
    matched = 0
    for query in queries:
        expected = brute_force(query, left)
        assert index.best(query) == expected, (seed, query)
        if expected[0] is not None:
            matched += 1
            index.remove(expected[0])
            left = [unit for unit in left if unit[0] != expected[0]]
    assert matched


def part_codes(rng: random.Random, count: int) -> list[str]:
    """A parts list: codes of the same length and digits, none close to another."""
    return [
        "Part " + " ".join(f"{rng.randrange(10_000):04d}" for _ in range(5)) for _ in range(count)
    ]


def test_a_new_code_among_many_alike_is_not_compared_in_full_with_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1,000 codes left over, 100 new ones and 100 reworded (one digit changed): each new
    code's characters are nearly all every other code's, so the character bound let units
    through to difflib's full comparison (5,957 comparisons before the trigram bound, 369
    with it): the trigram bound proves them short of the threshold."""
    rng = random.Random(4)
    sources = part_codes(rng, 1_000)
    queries = part_codes(rng, 100)
    for source in rng.sample(sources, 100):
        at = rng.choice([i for i, char in enumerate(source) if char.isdigit()])
        queries.append(source[:at] + str((int(source[at]) + 1) % 10) + source[at + 1 :])
    rng.shuffle(queries)
    full_comparisons = 0
    ratio = difflib.SequenceMatcher.ratio

    def counted(matcher: difflib.SequenceMatcher[str]) -> float:
        nonlocal full_comparisons
        full_comparisons += 1
        return ratio(matcher)

    index = _FuzzyIndex(list(enumerate(sources)))
    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    found = []
    for query in queries:
        best = index.best(query)
        if best[0] is not None:
            index.remove(best[0])
            found.append((sources[best[0]], query))
    monkeypatch.undo()
    assert len(found) == 100
    assert all(sum(a != b for a, b in zip(old, new, strict=True)) == 1 for old, new in found)
    assert full_comparisons <= 2 * len(queries), full_comparisons


def templated(rng: random.Random, count: int) -> list[str]:
    """A catalogue's lines: one template, few words and numbers in it, so that most lines are
    within the threshold of many others and exact ties for the best ratio are common."""
    lines: dict[str, None] = {}
    while len(lines) < count:
        lines[
            f"The {rng.choice(['red', 'oak', 'blue'])} {rng.choice(['chair', 'lamp', 'stool'])} "
            f"costs {rng.randint(1, 40)} euros by item, from {rng.choice(['Lyon', 'Graz'])} "
            f"in {rng.randint(1, 9)} days."
        ] = None
    return list(lines)


@pytest.mark.parametrize("seed", range(12))
def test_index_finds_what_every_comparison_finds_on_templated_lines(seed: int) -> None:
    # Reworded lines (the bar rises to their old line's ratio), lines with a number changed
    # (equally close to several old lines: ties) and lines no old line is close to, carried
    # over in turn as the sync does, so that removed units must stay out of every bound.
    rng = random.Random(100 + seed)
    sources = templated(rng, rng.randint(60, 250))
    queries = [line.replace("by item", "per item") for line in rng.sample(sources, 40)]
    queries += [edited(rng, line, "0123456789 ") for line in rng.sample(sources, 40)]
    queries += [f"Shipping from Graz takes {n} days." for n in range(5)]
    # Twins a digit apart, and a line a digit from each: exactly as close to both.
    for line in rng.sample(sources, 10):
        days = line[line.index(" in ") + 4]
        twin, between = (
            line.replace(f" in {days} days", f" in {other} days")
            for other in rng.sample([d for d in "123456789" if d != days], 2)
        )
        if twin not in sources and between not in sources:
            sources.insert(rng.randrange(len(sources) + 1), twin)
            queries.append(between)
    rng.shuffle(queries)
    index = _FuzzyIndex(list(enumerate(sources)))
    left = list(enumerate(sources))
    matched = ties = 0
    for query in queries:
        key = content_key(query)
        ratios = [
            difflib.SequenceMatcher(None, content_key(source), key, False).ratio()
            for _, source in left
        ]
        expected: tuple[int | None, float] = (None, 0.0)
        for (at, _), ratio in zip(left, ratios, strict=True):
            if ratio >= FUZZY_THRESHOLD and ratio > expected[1]:
                expected = (at, ratio)  # the first best, as the rule takes it
        assert index.best(query) == expected, (seed, query)
        if expected[0] is None:
            continue
        matched += 1
        ties += ratios.count(expected[1]) > 1
        index.remove(expected[0])
        left = [unit for unit in left if unit[0] != expected[0]]
    assert matched >= 60
    assert ties >= 5, ties
