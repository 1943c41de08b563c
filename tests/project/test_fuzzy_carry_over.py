"""Carrying translations over by fuzzy match after much of the source was reworded: each
line keeps its own translation, a tie goes to the first unit, and opening the translation
no longer compares each new line in full with every unit left over (2 min 14 s for 5,000
sentences with 2,000 reworded)."""

from __future__ import annotations

import difflib
import random
from pathlib import Path

import pytest

from termwise.document import parse_document
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import open_translation
from termwise.project.units import SegmentState


def catalogue(rng: random.Random, count: int) -> list[str]:
    """Templated lines, as a product catalogue has them: many within the threshold of each
    other."""
    lines: dict[str, None] = {}
    while len(lines) < count:
        lines[
            f"The {rng.choice(['red', 'blue', 'oak'])} {rng.choice(['chair', 'lamp', 'shelf'])} "
            f"costs {rng.randint(2, 60)} euros by item and ships from "
            f"{rng.choice(['Lyon', 'Basel', 'Graz'])} within {rng.randint(1, 9)} days."
        ] = None
    return list(lines)


def reworded_project(layout: ProjectLayout, lines: list[str], reworded: int) -> Path:
    """A .txt of ``lines`` whose translation a person has edited throughout, saved; then
    ``reworded`` of its lines changed "by item" to "per item". The document's path."""
    path = layout.root / "catalogue.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    document = parse_document(path.read_text(encoding="utf-8"), lang="en", path=path, fmt="text")
    assert len(document.segments) == len(lines)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation("ES " + unit.source)
    tfile.save()
    changed = [
        line.replace("by item", "per item") if at % (len(lines) // reworded) == 0 else line
        for at, line in enumerate(lines)
    ]
    path.write_text("\n\n".join(changed) + "\n", encoding="utf-8")
    return path


def test_reworded_lines_keep_their_own_translation_and_the_first_tie_wins(
    layout: ProjectLayout,
) -> None:
    lines = catalogue(random.Random(1), 200)
    # Two lines as close to a third one's new wording as each other: the earlier one's
    # translation goes to it (the tie rule of the pass), the later one becomes obsolete.
    # At odd places, which the rewording leaves alone.
    first = "The steel hinge costs 14 euros by item and ships from Cork within 5 days."
    second = "The steel hinge costs 16 euros by item and ships from Cork within 5 days."
    lines[1:1] = [first]
    lines[3:3] = [second]
    path = reworded_project(layout, lines, 101)
    text = path.read_text(encoding="utf-8")
    text = text.replace(first, first.replace("14", "15")).replace(second + "\n", "")
    path.write_text(text, encoding="utf-8")
    document = parse_document(path.read_text(encoding="utf-8"), lang="en", path=path, fmt="text")
    tfile = open_translation(layout, document, "es")
    for segment in document.segments:
        unit = tfile.units[segment.id]
        if segment.text.startswith("The steel hinge"):
            assert unit.target == "ES " + first
            assert unit.previous_source == first
        elif "per item" in segment.text:
            # Its own old line, not a neighbour's that is nearly as close.
            assert unit.target == "ES " + segment.text.replace("per item", "by item")
            assert unit.state is SegmentState.EDITED
        else:
            assert unit.target == "ES " + segment.text
    assert [u.source for u in tfile.obsolete] == [second]
    saved = TranslationFile.load(layout.translations_dir / "catalogue.es.po")
    assert len(saved.units) == len(lines)  # opening wrote nothing


def test_opening_after_much_rewording_compares_each_line_in_full_only_with_a_few(
    layout: ProjectLayout, monkeypatch: pytest.MonkeyPatch
) -> None:
    """3,000 templated lines, 1,500 reworded: each reworded line was compared in full
    (difflib's quadratic ``ratio``) with every line left over that the cheap bounds let
    through, which took 70 s of CPU here (2026-12-06); through the index a few each. Time is
    measured by ``bench/sync_fuzzy.py``; this counts the full comparisons."""
    lines = catalogue(random.Random(2), 3000)
    path = reworded_project(layout, lines, 1500)
    document = parse_document(path.read_text(encoding="utf-8"), lang="en", path=path, fmt="text")
    full_comparisons = 0
    ratio = difflib.SequenceMatcher.ratio

    def counted(matcher: difflib.SequenceMatcher[str]) -> float:
        nonlocal full_comparisons
        full_comparisons += 1
        return ratio(matcher)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    tfile = open_translation(layout, document, "es")
    carried = [u for u in tfile.units.values() if u.previous_source is not None]
    assert len(carried) == 1500
    assert all(u.previous_source == u.source.replace("per item", "by item") for u in carried)
    assert full_comparisons <= 3 * len(carried), full_comparisons
