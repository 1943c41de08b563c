"""A group of Chinese sentences made one text keeps the space after a sentence of Latin text.

The editions joined a paragraph's sentences by ``languages.glue_after`` (none after Chinese
writing, a space after Latin text), but every other place that makes one text of a group
joined with nothing in Chinese: an aligned group "It works." + "我们同意。" became
"It works.我们同意。" in the project, as did a sentence moved between groups in review, a
joined segment's translation ("报告由 Dr.Smith 于五月宣读。") and the source a check reads for a
segment with parts waiting on it, whose issues then landed a character off. All now call
``languages.join_sentences`` (offsets: ``languages.sentence_starts``).
"""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import aligned_sentences, write_project
from termwise.checks.context import Pair
from termwise.checks.issue import Fix, Issue, Severity
from termwise.checks.waiting import onto_waiting, whole_pairs
from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source, open_translation
from termwise.project.units import SegmentState
from termwise.review.alignment import move_last_to_next
from termwise.review.session import ReviewSession

SOURCE = "We agree with the plan, and it works.\n\nThe council approved it.\n"
TARGETS = ["我们同意这个计划。", "It works.", "理事会批准了。"]


def test_sentences_join_by_what_each_ends_with() -> None:
    from termwise.languages import join_sentences, sentence_starts

    sentences = ["他说：", "It works.", "我们同意。", "OK."]
    assert join_sentences(sentences, "zh") == "他说：It works. 我们同意。OK."
    assert join_sentences(["It works.", "We agree."], "en") == "It works. We agree."
    joined = join_sentences(sentences, "zh")
    starts = sentence_starts(sentences, "zh")
    assert [
        joined[start : start + len(text)] for start, text in zip(starts, sentences, strict=True)
    ] == sentences
    assert starts == [0, 3, 13, 18]


def _aligned(tmp_path: Path, beads: list[Bead]) -> ReviewSession:
    layout = ProjectLayout.at(tmp_path)
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    document = load_source(layout, path, lang="en")
    write_project(layout, path, document, TARGETS, beads, "zh")
    return ReviewSession(layout, path, "zh")


def test_a_group_with_latin_text_first_is_spaced_and_recorded(tmp_path: Path) -> None:
    layout = ProjectLayout.at(tmp_path)
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    document = load_source(layout, path, lang="en")
    targets = ["It works.", "我们同意这个计划。", "理事会批准了。"]
    write_project(
        layout, path, document, targets, [Bead((0,), (0, 1), 0.9), Bead((1,), (2,), 0.95)], "zh"
    )
    session = ReviewSession(layout, path, "zh")
    unit = session.unit(session.rows[0].segment_id)
    assert unit.target == "It works. 我们同意这个计划。"
    assert aligned_sentences(unit) == ["It works.", "我们同意这个计划。"]


def test_a_sentence_moved_in_review_keeps_its_space(tmp_path: Path) -> None:
    session = _aligned(tmp_path, [Bead((0,), (0, 1), 0.9), Bead((1,), (2,), 0.95)])
    first, second = (session.unit(row.segment_id) for row in session.rows)
    assert first.target == "我们同意这个计划。It works."
    move_last_to_next(session, session.rows[0].segment_id)
    assert first.target == "我们同意这个计划。"
    assert second.target == "It works. 理事会批准了。"
    # Recorded where it starts, so that moving it back moves exactly it.
    assert aligned_sentences(second) == ["It works.", "理事会批准了。"]


FIRST = "The report by Dr."
SECOND = "Smith was read in May."
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: zh\\n"\n"X-Source-Language: en\\n"\n\n'
)


def test_parts_the_segmenter_joins_again_keep_the_space(tmp_path: Path) -> None:
    # Translated while the segmenter cut the sentence after "Dr.": joined again, the parts'
    # translations read "报告由 Dr.Smith 于五月宣读。".
    document = tmp_path / "d.txt"
    document.write_text(f"{FIRST} {SECOND}\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    layout.translation_file(document, "zh").write_text(
        HEADER
        + f'#, fuzzy\nmsgctxt "{content_hash(FIRST)}"\nmsgid "{FIRST}"\nmsgstr "报告由 Dr."\n\n'
        + f'#, fuzzy\nmsgctxt "{content_hash(SECOND)}"\nmsgid "{SECOND}"\n'
        + 'msgstr "Smith 于五月宣读。"\n',
        encoding="utf-8",
    )
    tfile = open_translation(layout, load_source(layout, document, lang="en"), "zh")
    (unit,) = tfile.units.values()
    assert unit.source == f"{FIRST} {SECOND}"
    assert unit.target == "报告由 Dr. Smith 于五月宣读。"
    assert unit.state is SegmentState.EDITED


def test_a_checks_issue_in_a_waiting_part_lands_on_its_words() -> None:
    holder = Pair(
        "a", 0, "他说：It works.", "He said: It works. We agree.", waiting=(("b", "我们同意。"),)
    )
    (whole,) = whole_pairs([holder], "zh")
    assert whole.source == "他说：It works. 我们同意。"
    at = whole.source.index("同意")
    issue = Issue(
        "term", Severity.WARNING, "a", "source", at, at + 2, "同意", "a variant",
        fix=Fix("a", "source", at, at + 2, "赞成"),
    )  # fmt: skip
    (placed,) = onto_waiting([issue], {"a": holder}, "zh")
    assert (placed.segment_id, placed.start, placed.end, placed.text) == ("b", 2, 4, "同意")
    assert placed.fix is not None and placed.fix.apply("我们同意。") == "我们赞成。"
