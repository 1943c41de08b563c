"""Plain-text headings that were sentences, or split in two.

A title in Title Case wrapped over two lines with no print header above it was a heading
and a sentence ("A Study of Translation Memory Reuse" / "In Large Public
Administrations"); "What we learned" between paragraphs read as speech for its "we"; and
"Vitamin A" ended on the article "a" read case-blind, so that it and "Vitamin C" after it
were both sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import parse_document
from termwise.document.model import SegmentKind

HEADING, SENTENCE = SegmentKind.HEADING, SegmentKind.SENTENCE
PARAGRAPH = (
    "The project began in 1998 when a small group of translators met in Geneva. They wanted\n"
    "a shared glossary for their work, and the first version was a spreadsheet that\n"
    "travelled by mail between the offices of the three founding agencies every month.\n"
)


def _kinds(text: str) -> list[tuple[SegmentKind, str]]:
    return [(segment.kind, segment.text) for segment in parse_document(text, lang="en").segments]


def test_a_title_wrapped_over_two_lines_is_one_heading() -> None:
    kinds = _kinds(
        "A Study of Translation Memory Reuse\nIn Large Public Administrations\n\n" + PARAGRAPH
    )
    assert kinds[0] == (
        HEADING,
        "A Study of Translation Memory Reuse In Large Public Administrations",
    )
    assert [kind for kind, _ in kinds[1:]] == [SENTENCE] * 2
    lowercase_second = _kinds(
        "Neural Methods for Sentence Alignment\nin Low-Resource Translation Projects\n\n"
        + PARAGRAPH
    )
    assert lowercase_second[0] == (
        HEADING,
        "Neural Methods for Sentence Alignment in Low-Resource Translation Projects",
    )
    # Capitalised, a word no title ends with still carries the title onto the next line.
    cut_on_with = _kinds("Getting Started With Shared Glossaries\nAnd Translation Memories\n\n")
    assert cut_on_with[0][1] == "Getting Started With Shared Glossaries And Translation Memories"
    # German and French titles wrap on their own prepositions and articles.
    for lang, opening, paragraph in (
        (
            "de",
            "Jahresbericht Über Die Übersetzung In Den\nÖffentlichen Verwaltungen Der Länder",
            "Dieser Bericht stellt die Ergebnisse des Jahres vor. Er umfasst alle Verwaltungen.",
        ),
        (
            "fr",
            "Rapport Annuel Sur La Traduction\nDans Les Administrations Publiques",
            "Ce rapport présente les résultats de l'année écoulée. Il couvre toutes les "
            "administrations.",
        ),
    ):
        document = parse_document(opening + "\n\n" + paragraph + "\n", lang=lang)
        first = document.segments[0]
        assert (first.kind, first.text) == (HEADING, " ".join(opening.split("\n")))


@pytest.mark.parametrize(
    "lines",
    [
        # A title and its authors, or its university.
        ("Neural Machine Translation For Legal Texts", "Maria Garcia And Peter Braun"),
        ("Terminology Management In Small Translation Agencies", "University Of Geneva"),
        # A report's title and its section, in Spanish and in English.
        ("Informe Anual Sobre La Calidad", "Resumen Ejecutivo"),
        ("Sales And Marketing Department", "Quarterly Report"),
        # A letter's sender block, a poem's couplet, a contents list.
        ("Office Of The Director General", "World Health Organization"),
        ("The Woods Are Lovely Dark And Deep", "But I Have Promises To Keep"),
        (
            "Getting Started With The Toolkit",
            "Installing The Command Line Tools",
            "Working With Glossaries",
        ),
    ],
)
def test_title_case_lines_that_each_end_whole_are_not_one_title(lines: tuple[str, ...]) -> None:
    """Each line ends on a word a title may end with and the next opens as a title does:
    none wrapped, so none is joined to the next."""
    paragraph = (
        "We study how small translation agencies share their glossaries. Our results show "
        "clear gains.\n"
    )
    texts = [text for _, text in _kinds("\n".join(lines) + "\n\n" + paragraph)]
    assert texts[: len(lines)] == list(lines)


def test_openings_that_are_no_wrapped_title_are_read_as_before() -> None:
    # A name over an address, a sentence's lines, and a greeting.
    for opening in (
        "Jane Doe\nRiverside Park Road\n\n",
        "The Committee met on Monday and it\nAgreed With the Plan in Full\n\n",
        "Thank You All for Coming Here\nTo Our Annual Meeting Tonight\n\n",
    ):
        joined = " ".join(opening.split("\n")).strip()
        kinds = _kinds(opening + PARAGRAPH)
        assert (HEADING, joined) not in kinds, kinds


def test_a_headline_with_a_question_word_before_its_subject_is_a_heading() -> None:
    text = (
        "Background\n\n"
        + PARAGRAPH
        + "\nWhat we learned\n\n"
        + PARAGRAPH
        + "\nFuture Work\n\n"
        + PARAGRAPH
    )
    headings = [text for kind, text in _kinds(text) if kind == HEADING]
    assert headings == ["Background", "What we learned", "Future Work"]
    # A question with its verb first is still speech.
    asked = "Intro\n\n" + PARAGRAPH + "\nWhat are we doing\n\n" + PARAGRAPH
    assert (SENTENCE, "What are we doing") in _kinds(asked)


def test_headings_ending_on_a_capital_letter_label_stand_alone(tmp_path: Path) -> None:
    (tmp_path / "vitamins.txt").write_text(
        "Nutrition in Practice\n\n"
        + PARAGRAPH
        + "\nVitamin A\n\n"
        + PARAGRAPH
        + "\nVitamin C\n\n"
        + PARAGRAPH,
        encoding="utf-8",
    )
    shown = termwise("segments", "vitamins.txt", "--lang", "en", "--format", "json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    headings = [s["text"] for s in json.loads(shown.stdout) if s["kind"] == "heading"]
    assert headings == ["Nutrition in Practice", "Vitamin A", "Vitamin C"]
    # Lowercase, "a" still ends a line cut before its sentence goes on.
    cut = "Intro\n\n" + PARAGRAPH + "\nVitamins and a\n\n" + PARAGRAPH
    assert (HEADING, "Vitamins and a") not in _kinds(cut)
