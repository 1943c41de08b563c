"""A German translator's or editor's note, "(Anm. d. Übers.: …)", is no sentence end.

"d." there abbreviates an article ("des Übersetzers"); as a lone lowercase letter before a
capital it was read as the end of a sentence, and the note was cut in two.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termwise.document import split_sentences

from .test_cli import termwise

NOTE = "Er kam spät an. (Anm. d. Übers.: Das ist falsch.) Dann ging er."


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, "de")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            NOTE,
            ["Er kam spät an.", "(Anm. d. Übers.: Das ist falsch.)", "Dann ging er."],
        ),
        (
            "Er kam spät an. Anm. d. Übers. Das ist falsch. Dann ging er.",
            ["Er kam spät an.", "Anm. d. Übers. Das ist falsch.", "Dann ging er."],
        ),
        (
            "So steht es da (Anm. d. Red.). Dann ging er (Anm. d. Verf.: Nicht wahr).",
            ["So steht es da (Anm. d. Red.).", "Dann ging er (Anm. d. Verf.: Nicht wahr)."],
        ),
        (
            "Er kam spät, d. h. Peter wartete. Dann ging er.",
            ["Er kam spät, d. h. Peter wartete.", "Dann ging er."],
        ),
        # A sentence that does end after a lone letter still ends there.
        (
            "Die Variable heißt d. Dann ging er.",
            ["Die Variable heißt d.", "Dann ging er."],
        ),
    ],
)
def test_notes_and_d_h_stay_in_their_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_segments_keeps_the_note_whole(tmp_path: Path) -> None:
    source = tmp_path / "bericht.txt"
    source.write_text(NOTE + "\n", encoding="utf-8")
    result = termwise("segments", str(source), "--lang", "de", "--format", "json")
    assert result.returncode == 0, result.stderr
    texts = [row["text"] for row in json.loads(result.stdout)]
    assert texts == ["Er kam spät an.", "(Anm. d. Übers.: Das ist falsch.)", "Dann ging er."]
