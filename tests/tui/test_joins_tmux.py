"""F3 and F4 in a real terminal (tmux): F4 on a segment of three joined sentences splits it
once, where asked, and F3 refuses to join a segment another language has translated."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_e2e_tmux import Terminal, termwise_command


def test_f4_splits_a_join_of_three_once_and_f3_keeps_off_french_work(
    review_project: ProjectLayout, paper: Path
) -> None:
    spanish = ReviewSession(review_project, paper, "es")
    ids = [row.segment_id for row in spanish.rows[:6]]
    for number in (1, 2, 3):
        spanish.set_target(ids[number], f"Frase {number}.")
    spanish.save()
    french = ReviewSession(review_project, paper, "fr")
    french.set_target(ids[5], "Une phrase.")
    french.save()
    texts = [spanish.source_text(segment_id) for segment_id in ids]

    terminal = Terminal(termwise_command(review_project, paper), review_project.root)
    try:
        terminal.wait_for(r"English → Spanish .* 3 edited")
        terminal.keys("Down", "F3", "F3")
        terminal.wait_for(r"101 new|99 new")
        terminal.keys("F4")
        terminal.wait_for(r"Split where\?")
        # The first place offered: after the first sentence.
        terminal.keys("Enter")
        # Two rows down from the first part: the paragraph's fifth sentence, whose next
        # one the French translation holds.
        terminal.keys("Down", "Down", "F3")
        terminal.wait_for(r"French")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()

    saved = TranslationFile.load(review_project.translation_file(paper, "es")).units
    assert saved[ids[1]].source == texts[1]
    assert saved[ids[1]].target == "Frase 1."
    # The second and third sentences are still one segment: one split undid one join.
    assert saved[ids[2]].source == f"{texts[2]} {texts[3]}"
    assert saved[ids[2]].target == "Frase 2. Frase 3."
    assert ids[3] not in saved
    # No join took in the segment French has work in, nor the one before it.
    assert saved[ids[4]].source == texts[4] and saved[ids[5]].source == texts[5]
    kept = TranslationFile.load(review_project.translation_file(paper, "fr")).units
    assert kept[ids[5]].target == "Une phrase."
