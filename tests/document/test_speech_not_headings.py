"""Short lines alone between blank lines that read as speech, a sentence or a list's item
are no headings: a letter's greeting, a speech's first sentence, a question, a to-do list,
a diary's dates and a play's speakers became headings, and an edition took the greeting
for its title."""

from __future__ import annotations

import pytest

from termwise.document import parse_document
from termwise.document.model import SegmentKind

BODY = (
    "Thank you for your letter of last week. I was glad to hear from you and the children.\n"
    "\n"
    "We will arrive on Tuesday and stay until Friday. Please let me know if that suits you.\n"
)


def _headings(text: str, lang: str = "en") -> list[str]:
    return [
        segment.text
        for segment in parse_document(text, lang=lang).segments
        if segment.kind is SegmentKind.HEADING
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "Dear Maria",
        "Hi team",
        "Hello",
        "Yes",
        "Good morning everyone",
        "Thank you all for coming today",
        "Where are you going",
        "I never thought I would write this letter to you",
    ],
)
def test_an_english_opening_line_is_no_title(opening: str) -> None:
    assert _headings(opening + "\n\n" + BODY) == []


@pytest.mark.parametrize(
    ("opening", "body", "lang"),
    [
        (
            "Querida Ana",
            "Te escribo desde Madrid. El tiempo es estupendo y la ciudad está llena de gente.\n"
            "\nMañana vamos al Prado. Te echo de menos y espero verte muy pronto en casa.\n",
            "es",
        ),
        (
            "Madame, Monsieur",
            "Je vous écris pour vous signaler un problème avec ma commande. Le colis est "
            "arrivé.\n\nJe vous prie de bien vouloir me rembourser dans les meilleurs délais.\n",
            "fr",
        ),
    ],
)
def test_a_greeting_in_another_language_is_no_title(opening: str, body: str, lang: str) -> None:
    assert _headings(opening + "\n\n" + body, lang=lang) == []


def test_a_to_do_list_between_paragraphs_has_no_headings() -> None:
    text = (
        "Buy milk\n\n"
        "Call the plumber about the kitchen sink. He said he could come on Monday.\n\n"
        "Pick up the kids\n\n"
        "Pay the electricity bill before the end of the month. It is overdue.\n\n"
        "Water the plants\n\n"
        "Remember to book the flights. Prices go up after Friday.\n"
    )
    assert _headings(text) == []


def test_a_diary_s_dates_are_no_headings() -> None:
    text = (
        "Monday 12 March\n\nToday I went to the market. It rained all day.\n\n"
        "Tuesday 13 March\n\nStayed home and read. The book was good.\n\n"
        "Wednesday 14 March\n\nWork again. Nothing new.\n"
    )
    assert _headings(text) == []


def test_a_play_s_speakers_are_no_headings() -> None:
    text = (
        "HAMLET\n\nTo be or not to be. That is the question.\n\n"
        "OPHELIA\n\nGood my lord. How does your honour for this many a day?\n"
    )
    assert _headings(text) == []


def test_questions_of_a_faq_are_no_headings() -> None:
    text = (
        "What is termwise\n\n"
        "Termwise is a translator's workbench. It checks terminology against a glossary.\n\n"
        "How do I install it\n\nRun pip install termwise. It needs Python 3.11 or later.\n\n"
        "Where do I report bugs\n\nOpen an issue on the project's page. We read every one.\n"
    )
    assert _headings(text) == []


def test_titles_that_look_like_speech_in_title_case_stay_headings() -> None:
    # A title capitalises its pronouns and verbs; "How to" and "When and How" open titles.
    text = (
        "How to Ride the Shoulder-In\n\n"
        "A ride needs a plan. The plan follows the horse's training scale.\n\n"
        "When and How to Begin\n\nBegin at the walk. The horse should be relaxed.\n\n"
        "Find Your Free Walk\n\nLet the reins slide. The horse stretches forward and down.\n\n"
        "Pick Up Each Hind Leg\n\nAsk for each leg in turn. Praise the horse every time.\n\n"
        "NO WARRANTY\n\nThe program is provided as it is. No warranty is given.\n"
    )
    assert _headings(text) == [
        "How to Ride the Shoulder-In",
        "When and How to Begin",
        "Find Your Free Walk",
        "Pick Up Each Hind Leg",
        "NO WARRANTY",
    ]


def test_sentence_case_headings_between_paragraphs_stay_headings() -> None:
    text = (
        "Classical dressage\n\n"
        "Classical dressage is an old art. It was taught in the courts of Europe.\n\n"
        "A history of classical dressage\n\nXenophon wrote about it. Riders read him still.\n\n"
        "Classical dressage vs. competitive dressage\n\nThe two differ. Judges reward both.\n"
    )
    assert _headings(text) == [
        "Classical dressage",
        "A history of classical dressage",
        "Classical dressage vs. competitive dressage",
    ]
