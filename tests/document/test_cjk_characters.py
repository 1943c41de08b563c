"""One rule for Chinese and Japanese writing (``languages.cjk_character``), which the plain
text reader, the segmenter, the encoding check and the glossary share: each had its own
ranges, and the reader's stopped before the ideographs of extension B ("𠮷", a common name
character), so a line break beside one became a space in the middle of a Chinese sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise import languages
from termwise.document import load_document


def _segments(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    return [segment.text for segment in load_document(path).segments]


def test_a_line_break_beside_an_extension_b_ideograph_takes_no_space(tmp_path: Path) -> None:
    assert _segments(tmp_path, "他的姓是𠮷\n“野”是名字。\n") == ["他的姓是𠮷“野”是名字。"]


def test_a_line_break_between_latin_words_still_takes_a_space(tmp_path: Path) -> None:
    assert _segments(tmp_path, "The wind\nturbine turns.\n") == ["The wind turbine turns."]


def test_korean_sentences_after_a_full_stop_still_split(tmp_path: Path) -> None:
    assert _segments(tmp_path, "Done. 다음 문장입니다. 끝.\n") == [
        "Done.",
        "다음 문장입니다.",
        "끝.",
    ]


@pytest.mark.parametrize(
    ("char", "letter", "sign"),
    [
        ("中", True, True),
        ("𠮷", True, True),  # extension B
        ("⼀", True, True),  # a Kangxi radical, as pdftotext gives 一
        ("か", True, True),
        ("，", False, True),  # full-width comma
        ("。", False, True),
        ("A", False, False),
        ("한", False, False),  # Korean puts spaces between words
    ],
)
def test_the_rule(char: str, letter: bool, sign: bool) -> None:
    assert languages.cjk_character(char) is letter
    assert languages.cjk_character(char, signs=True) is sign
    assert languages.written_in_cjk(f"x{char}") is letter


def test_kana_can_be_left_out() -> None:
    assert languages.cjk_character("か", kana=False) is False
    assert languages.cjk_character("中", kana=False) is True
