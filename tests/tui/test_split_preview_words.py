"""The split dialog (F4) shows whole words on each side of a split point: cut at 40
characters, it began mid-word ("romote world peace."), as if the text were clipped."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import Choose
from termwise.tui.workbench import Workbench

from .pilot import settle


async def test_the_split_dialog_shows_whole_words(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    texts = [session.source_text(row.segment_id) for row in session.rows]
    # Two sentences of a paragraph where 40 characters from the first one's end is mid-word.
    first = next(
        k
        for k in range(len(texts) - 1)
        if len(texts[k]) > 41
        and texts[k][-41] != " "
        and texts[k][-40] != " "
        and session.document.segment(session.rows[k].segment_id).kind == "sentence"
        and session.document.segment(session.rows[k + 1].segment_id).kind == "sentence"
    )
    first_id = session.rows[first].segment_id
    before, after = texts[first], texts[first + 1]
    session.join_with_next(first_id)
    session.save()
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        app.query_one(Workbench).jump_to(first_id)
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, Choose)
        options = app.screen.query_one(OptionList)
        label = str(options.get_option_at_index(0).prompt)
        left, right = label.split(" ┃ ")
        # Cut at a word's start, and said to be cut.
        assert left.startswith("…"), label
        shown = left.removeprefix("…")
        assert before.endswith(" " + shown), label
        # Up to a word's end.
        head = right.removesuffix("…")
        assert head == after or after.startswith(head + " "), label


def test_a_text_without_spaces_is_cut_at_a_character() -> None:
    from termwise.tui.workbench import split_preview

    sentence = "人类命运共同体是中国的外交理念，它强调各国的共同利益和共同责任，需要长期坚持。"
    text = sentence * 4
    offset = len(sentence) * 2
    left, right = split_preview(text, offset).split(" ┃ ")
    assert left == "…" + text[:offset][-40:]
    assert right == text[offset:][:40] + "…"
