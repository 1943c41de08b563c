"""Abbreviations written with or without a space inside ("e. g." and "e.g.", "p. ex." and
"p.ex.") end a sentence alike: one that never ends a sentence ends none in either spacing,
the capital after it being a name. A spaced time ("5 p. m.") still ends one before a capital.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termwise.document.segmentation import split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Prices rose, e. g. Paris saw a rise.", "en"),
        ("Use a tool, i. e. Git, for this.", "en"),
        ("Use a tool, i. e. The one we know.", "en"),
        ("Prices rose, e. g. Beijing saw a rise.", "zh"),
        ("Une ville, e. g. Paris, est chère.", "fr"),
        ("Des villes, p.ex. Paris, sont chères.", "fr"),
        ("Unas ciudades, i. e. Madrid, son caras.", "es"),
        ("Unas ciudades, p.ej. Madrid, son caras.", "es"),
        ("Города, e. g. Москва, дороги.", "ru"),
        ("Wir sahen z.B. Das Haus am See.", "de"),
    ],
)
def test_an_abbreviation_ends_no_sentence_in_either_spacing(text: str, lang: str) -> None:
    assert sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Prices rose, e.g. Paris saw a rise.", "en"),
        ("Des villes, p. ex. Paris, sont chères.", "fr"),
        ("Unas ciudades, p. ej. Madrid, son caras.", "es"),
        ("Wir sahen z. B. Paris am Abend.", "de"),
        ("Das heißt d. h. Berlin ist groß.", "de"),
        ("Es kamen u. a. Peter und Paul.", "de"),
        ("Une ville, c.-à-d. Paris, est chère.", "fr"),
    ],
)
def test_the_forms_that_worked_still_do(text: str, lang: str) -> None:
    assert sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We met at 5 p. m. Then we left.", ["We met at 5 p. m.", "Then we left."]),
        ("We met at 5 p.m. Then we left.", ["We met at 5 p.m.", "Then we left."]),
        ("We met at 5 a. m. Marie left first.", ["We met at 5 a. m.", "Marie left first."]),
    ],
)
def test_a_spaced_time_still_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


def test_termwise_segments_keeps_the_spaced_forms_whole(tmp_path: Path) -> None:
    source = tmp_path / "t.txt"
    source.write_text(
        "Prices rose, e. g. Paris saw a rise. Use a tool, i. e. Git, for this.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "segments", str(source), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Prices rose, e. g. Paris saw a rise." in result.stdout
    assert "Use a tool, i. e. Git, for this." in result.stdout
