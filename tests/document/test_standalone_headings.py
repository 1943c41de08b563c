"""A plain text's headings that stand alone between blank lines: the first line's title
("History of the Project", then a blank line) and, where a text has several between its
paragraphs, its section headings. Before, both were sentences, and a bilingual edition of
the text had no title."""

from __future__ import annotations

from pathlib import Path

from termwise.document import load_document, parse_document
from termwise.document.model import SegmentKind

PARAGRAPH = (
    "The project began in 1998 when a small group of translators met in Geneva. They wanted\n"
    "a shared glossary for their work, and the first version was a spreadsheet that\n"
    "travelled by mail between the offices of the three founding agencies every month.\n"
)
LATER = (
    "Within two years the spreadsheet held four thousand terms in six languages, and the\n"
    "agencies agreed to keep it on a server that every translator could reach by modem.\n"
)
LAST = (
    "The server was replaced in 2004 by a database, which the agencies still share today\n"
    "with their freelance translators and with two universities that train new ones.\n"
)


def _kinds(text: str, lang: str = "en") -> list[tuple[SegmentKind, str]]:
    return [(segment.kind, segment.text) for segment in parse_document(text, lang=lang).segments]


def test_a_short_first_line_before_a_blank_line_is_the_title() -> None:
    kinds = _kinds("History of the Project\n\n" + PARAGRAPH)
    assert kinds[0] == (SegmentKind.HEADING, "History of the Project")
    assert [kind for kind, _ in kinds[1:]] == [SegmentKind.SENTENCE] * 2


def test_the_title_of_a_text_of_one_paragraph_a_line(tmp_path: Path) -> None:
    # Not hard-wrapped (a web page saved as text): each line is a paragraph.
    path = tmp_path / "riding.txt"
    path.write_text(
        "Equestrianism\n\n" + " ".join(PARAGRAPH.split()) + "\n" + " ".join(LATER.split()) + "\n",
        encoding="utf-8",
    )
    segments = load_document(path, lang="en").segments
    assert (segments[0].kind, segments[0].text, segments[0].level) == (
        SegmentKind.HEADING,
        "Equestrianism",
        1,
    )
    assert all(segment.kind is SegmentKind.SENTENCE for segment in segments[1:])


def test_several_lines_alone_between_paragraphs_are_headings() -> None:
    text = (
        "History of the Project\n\n"
        + PARAGRAPH
        + "\nThe First Server\n\n"
        + LATER
        + "\nA Shared Database\n\n"
        + LAST
    )
    headings = [text for kind, text in _kinds(text) if kind is SegmentKind.HEADING]
    assert headings == ["History of the Project", "The First Server", "A Shared Database"]


def test_a_line_alone_between_paragraphs_once_stays_text() -> None:
    # One such line may be a signature or an address: only several make a text's sections.
    text = "History of the Project\n\n" + PARAGRAPH + "\nThe First Server\n\n" + LATER
    assert (SegmentKind.SENTENCE, "The First Server") in _kinds(text)


def test_captions_list_lines_and_table_cells_stay_text() -> None:
    # A caption, a line of keywords and a table's cells (one a line, pdftotext's way)
    # stand between blank lines too, but are no headings; nor is a reference number.
    text = (
        "N°: 2008-ENAM-0027\n\n"
        + PARAGRAPH
        + "\nFigure 15 Structure of the glossary\n\n"
        + LATER
        + "\nKeywords: glossary, translation, database\n\n"
        + LAST
        + "\nYear\n\nTerms\n\n1998\n\n120\n"
    )
    kinds = _kinds(text)
    assert not [text for kind, text in kinds if kind is SegmentKind.HEADING]


def test_a_first_line_that_is_a_sentence_or_alone_is_no_title() -> None:
    # A first line that ends a sentence is text, and so is a line with nothing after it.
    assert _kinds("The project began.\n\n" + PARAGRAPH)[0][0] is SegmentKind.SENTENCE
    assert _kinds("History of the Project\n\n")[0][0] is SegmentKind.SENTENCE


def test_only_the_kind_changes_not_the_text() -> None:
    # Segment texts (and so ids) stay as they were: a heading is the line the sentence was.
    text = "History of the Project\n\n" + PARAGRAPH + "\nThe First Server\n\n" + LATER
    segments = parse_document(text, lang="en").segments
    assert [segment.text for segment in segments][:2] == [
        "History of the Project",
        "The project began in 1998 when a small group of translators met in Geneva.",
    ]
