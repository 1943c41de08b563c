"""Two lines the capitalised-line rule took for headings: a letter's signature ("Jane Doe"
above "Sales Manager", each a line of its own) and a line cut before its sentence goes on
("History of the" above "Project began in 1990 …"). Neither heads anything."""

from __future__ import annotations

from termwise.document import parse_document
from termwise.document.model import SegmentKind

LETTER = (
    "Dear Mr Smith,\n"
    "\n"
    "Thank you for your order of the wind turbine parts that reached us last week. We will ship\n"
    "the goods next Monday and send the invoice by mail as agreed with your purchasing team.\n"
    "Please let us know if anything is missing from the delivery when it arrives at your site.\n"
    "\n"
    "Yours sincerely,\n"
    "\n"
    "Jane Doe\n"
    "Sales Manager\n"
)

HISTORY = (
    "The report describes the work of the team over the last ten years and the results of the\n"
    "wind measurements that the team made at the three sites on the northern coast of Norway.\n"
    "History of the\n"
    "Project began in 1990 when the first turbine was built near the harbour of the old town.\n"
    "The team then moved to the second site and measured the wind there for another five years.\n"
)


def _segments(text: str) -> list[tuple[SegmentKind, str]]:
    return [(segment.kind, segment.text) for segment in parse_document(text, lang="en").segments]


def test_a_signature_is_two_lines_of_text_not_a_heading() -> None:
    assert _segments(LETTER)[-2:] == [
        (SegmentKind.SENTENCE, "Jane Doe"),
        (SegmentKind.SENTENCE, "Sales Manager"),
    ]


def test_a_line_ending_on_a_function_word_goes_on_into_its_sentence() -> None:
    assert _segments(HISTORY)[1] == (
        SegmentKind.SENTENCE,
        "History of the Project began in 1990 when the first turbine was built near the "
        "harbour of the old town.",
    )


def test_a_heading_over_its_paragraph_stays_one() -> None:
    # The shapes the rule is for: a short capitalised line above prose, and one wrapped
    # after a function word whose second line heads the prose.
    text = HISTORY.replace("History of the\nProject began", "Early Results\nThe project began")
    assert (SegmentKind.HEADING, "Early Results") in _segments(text)
    wrapped = HISTORY.replace(
        "History of the\nProject began", "History of the\nWind Project\nThe project began"
    )
    assert (SegmentKind.HEADING, "History of the Wind Project") in _segments(wrapped)
