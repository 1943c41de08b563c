"""Sentence ends that depend on where a period stands: a German note mark's last period, a
table cell's enumerator, and a period inside a Markdown code span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termwise.document import load_document, split_sentences

from .test_cli import termwise


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


def markdown_segments(tmp_path: Path, source: str) -> list[str]:
    path = tmp_path / "doc.en.md"
    path.write_text(source, encoding="utf-8")
    document = load_document(path, lang="en")
    for segment in document.segments:
        # Source fixes rewrite the file through these offsets.
        assert document.text[segment.start : segment.end] == segment.text
    return [segment.text for segment in document.segments]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The mark closes a reference: the sentence ends after it.
        (
            "Siehe S. 12 und Anm. d. Verf. Dort steht mehr.",
            ["Siehe S. 12 und Anm. d. Verf.", "Dort steht mehr."],
        ),
        (
            "Vgl. das Vorwort d. Hrsg. Dort steht mehr.",
            ["Vgl. das Vorwort d. Hrsg.", "Dort steht mehr."],
        ),
        # The mark opens its sentence or bracket: the note follows it, in the same sentence.
        (
            "Der Text endet hier. Anm. d. Übers. Dieser Satz wurde ergänzt.",
            ["Der Text endet hier.", "Anm. d. Übers. Dieser Satz wurde ergänzt."],
        ),
        (
            "Er kam (Anm. d. Übers. Das ist falsch.) an. Dann ging er.",
            ["Er kam (Anm. d. Übers. Das ist falsch.) an.", "Dann ging er."],
        ),
        # Its inner periods never end a sentence, nor does a colon after it.
        (
            "Siehe Anm. d. Verf.: Dort steht mehr. Dann ging er.",
            ["Siehe Anm. d. Verf.: Dort steht mehr.", "Dann ging er."],
        ),
        (
            "So steht es da (Anm. d. Red.). Er sagt [Anm. d. Ü.] nichts.",
            ["So steht es da (Anm. d. Red.).", "Er sagt [Anm. d. Ü.] nichts."],
        ),
    ],
)
def test_a_german_note_mark_ends_a_sentence_only_where_it_closes_a_reference(
    text: str, expected: list[str]
) -> None:
    assert sentences(text, "de") == expected


def test_segments_cuts_after_a_closing_note_mark(tmp_path: Path) -> None:
    source = tmp_path / "verweis.txt"
    source.write_text("Siehe S. 12 und Anm. d. Verf. Dort steht mehr.\n", encoding="utf-8")
    result = termwise("segments", str(source), "--lang", "de", "--format", "json")
    assert result.returncode == 0, result.stderr
    texts = [row["text"] for row in json.loads(result.stdout)]
    assert texts == ["Siehe S. 12 und Anm. d. Verf.", "Dort steht mehr."]


def test_a_table_cells_letter_enumerator_is_no_sentence(tmp_path: Path) -> None:
    table = "| Item | Note |\n| --- | --- |\n| a. B | It rose. Then it fell. |\n"
    assert markdown_segments(tmp_path, table) == [
        "Item",
        "Note",
        "a. B",
        "It rose.",
        "Then it fell.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a. Buy milk.", ["a. Buy milk."]),
        # Not before its sentence: a lone letter still ends one.
        ("Use option b. Then restart.", ["Use option b.", "Then restart."]),
    ],
)
def test_a_lone_lowercase_letter_before_its_sentence_is_an_enumerator(
    text: str, expected: list[str]
) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("A `code <!-- x. Y` span. Next one.\n", ["A `code <!-- x. Y` span.", "Next one."]),
        ("A ``x. ` Y`` span. Next one.\n", ["A ``x. ` Y`` span.", "Next one."]),
        # Beside a comment, which the segmenter reads without.
        (
            "A `x. Y` span. <!-- n. O --> Next `a. B` one. Done.\n",
            ["A `x. Y` span. <!-- n. O -->", "Next `a. B` one.", "Done."],
        ),
        # A numbered list after a colon starts no sentence inside code.
        ("Run `foo: 1. bar` now. Done.\n", ["Run `foo: 1. bar` now.", "Done."]),
        # An escaped backtick, or a run no run of its length closes, opens no code span.
        ("Run \\`x. Y` now.\n", ["Run \\`x.", "Y` now."]),
        ("Run ``x. Y` now.\n", ["Run ``x.", "Y` now."]),
    ],
)
def test_no_sentence_ends_inside_a_code_span(
    tmp_path: Path, source: str, expected: list[str]
) -> None:
    assert markdown_segments(tmp_path, source) == expected


def test_plain_text_has_no_code_spans(tmp_path: Path) -> None:
    # Backticks are Markdown only: in plain text the period ends the sentence as before.
    path = tmp_path / "notes.txt"
    path.write_text("A `x. Y` span.\n", encoding="utf-8")
    document = load_document(path, lang="en")
    assert [segment.text for segment in document.segments] == ["A `x.", "Y` span."]
