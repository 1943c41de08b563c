"""The review session without a terminal: splitting, undo of structure, reopening."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.checks.issue import Issue
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession


def test_split_at_a_colon_keeps_the_id_and_survives_reopening(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first = session.rows[0]
    assert first.source.startswith("Abstract: ")
    session.set_target(first.segment_id, "Resumen: la construcción.")
    session.mark_reviewed(first.segment_id)
    cut = session.split_points(first.segment_id)[0]
    assert first.source[:cut].strip() == "Abstract:"
    count = len(session.rows)
    session.split(first.segment_id, cut)
    assert len(session.rows) == count + 1
    head, tail = session.rows[0], session.rows[1]
    assert head.segment_id == first.segment_id and head.source == "Abstract:"
    assert tail.source.startswith("China's construction of the community")
    assert tail.state == "new"
    # The file offsets of the second part still point at its text in the paper.
    segment = session.document.segment(tail.segment_id)
    start, end = segment.to_source(0, len("China's"))
    assert session.document.text[start:end] == "China's"
    session.save()
    again = ReviewSession(review_project, paper, "es")
    assert [r.segment_id for r in again.rows[:2]] == [head.segment_id, tail.segment_id]
    assert again.unit(head.segment_id).target == "Resumen: la construcción."
    # Undo puts the segmentation and the translation back as they were.
    session.undo()
    assert len(session.rows) == count
    assert session.rows[0].source == first.source
    assert session.unit(first.segment_id).state.value == "reviewed"
    session.save()
    saved = TranslationFile.load(session.translation_path)
    assert len(saved.units) == count


def test_fix_plan_everywhere_groups_identical_issues(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    issue = next(i for i in session.issues if i.text == "human destiny community")
    plan = session.plan_fix(issue, "everywhere")
    assert len(plan.issues) > 1
    assert {i.text for i in plan.issues} == {"human destiny community"}
    preview = session.fix_preview(plan)
    assert all("human destiny community" in before for _, before, _ in preview)
    assert all("community with a shared future for mankind" in after for _, _, after in preview)
    assert len(session.plan_fix(issue).issues) == 1


def test_fixing_all_variants_of_a_concept_is_one_step_and_one_undo(
    review_project: ProjectLayout, paper: Path
) -> None:
    original = paper.read_text(encoding="utf-8")
    session = ReviewSession(review_project, paper, "es")
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    issue = next(i for i in session.issues if i.text == "human destiny community")

    def flagged(issues: list[Issue]) -> list[Issue]:
        return [
            i
            for i in issues
            if (i.check, i.side, i.concept) == (issue.check, issue.side, issue.concept)
        ]

    forms = {i.text.casefold() for i in flagged(session.issues)}
    assert len(forms) >= 2  # the paper uses several variant forms of this concept
    plan = session.plan_fix(issue, "variants")
    assert {i.text.casefold() for i in plan.issues} == forms
    assert len(plan.issues) > len(session.plan_fix(issue, "everywhere").issues)
    assert len(plan.issues) == len(flagged(session.issues))
    session.apply_fix(plan)
    # Checked again from the file as written: no form of the concept is left to fix.
    document, targets, generation = session.check_inputs()
    assert flagged(session.compute_issues(document, targets)) == []
    again = ReviewSession(review_project, paper, "es")
    assert [row.segment_id for row in again.rows] == [row.segment_id for row in session.rows]
    session.undo()
    assert paper.read_text(encoding="utf-8") == original


def test_history_keeps_the_last_steps_and_a_new_change_forgets_the_undone() -> None:
    from termwise.review.changes import Change, History

    history = History(limit=3)
    for number in range(5):
        history.record(Change(f"step {number}"))
    assert [change.label for change in history.done] == ["step 2", "step 3", "step 4"]
    history.undone.append(history.done.pop())
    assert history.can_redo
    history.record(Change("new"))
    assert not history.can_redo
    assert history.last is not None and history.last.label == "new"


def test_a_step_that_changes_nothing_is_no_undo_step(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first = session.rows[0].segment_id
    session.set_target(first, "Uno.")
    assert session.mark_reviewed(first)
    assert session.mark_reviewed(first)  # again: nothing changes
    session.undo()  # one undo takes back the marking, not the no-op
    assert session.unit(first).state.value == "edited"


def test_splitting_a_join_again_gives_each_segment_its_own_translation(
    review_project: ProjectLayout, paper: Path
) -> None:
    # F3 then F4 left the joined translation on the first segment and the second empty,
    # its machine translation gone (undo alone brought it back).
    session = ReviewSession(review_project, paper, "es")
    first, second = (row.segment_id for row in session.rows[1:3])
    session.set_target(first, "Primera frase.")
    session.unit(second).mt = "Segunda frase."
    session.accept_mt(second)
    first_source = session.source_text(first)
    session.join_with_next(first)
    assert session.unit(first).target == "Primera frase. Segunda frase."
    session.split(first, len(first_source) + 1)
    assert session.unit(first).target == "Primera frase."
    assert session.unit(first).state.value == "edited"
    restored = session.unit(second)
    assert (restored.target, restored.mt, restored.state.value) == (
        "Segunda frase.",
        "Segunda frase.",
        "mt",
    )
    session.save()
    again = TranslationFile.load(session.translation_path)
    assert not again.obsolete
    # Undo of the split and of the join leave no stray copy behind either.
    session.undo()
    session.undo()
    session.save()
    assert not TranslationFile.load(session.translation_path).obsolete
    assert session.unit(second).target == "Segunda frase."


def test_another_programs_text_survives_a_review_of_the_old_text_and_undo(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The audit: the PO's text changed on disk, the translator pressed Ctrl+R on the old
    # text, then Ctrl+Z and Ctrl+Y: the other program's text was in no file any more.
    session = ReviewSession(review_project, paper, "es")
    first, second, third = (row.segment_id for row in session.rows[:3])
    session.set_target(first, "Antecedentes.")
    session.set_target(second, "Dos.")
    session.save()
    theirs = TranslationFile.load(session.translation_path)
    theirs.units[first].set_translation("Contexto externo.")
    theirs.units[third].set_translation("Tres, de fuera.")
    theirs.save()

    assert session.mark_reviewed(first)  # a review of "Antecedentes."
    session.set_target(second, "Dos, mío.")
    session.save()  # finds the file changed, merges, saves

    assert session.unit(first).target == "Contexto externo."
    assert session.unit(first).state.value == "edited"  # the review judged the old text
    assert session.unit(third).target == "Tres, de fuera."
    assert session.unit(second).target == "Dos, mío."
    # Undo could only have put "Antecedentes." back over the other program's text.
    assert not session.can_undo and session.undo() is None
    saved = TranslationFile.load(session.translation_path)
    assert (saved.units[first].target, saved.units[second].target) == (
        "Contexto externo.",
        "Dos, mío.",
    )


def test_a_merge_of_segments_undo_never_touched_keeps_the_undo_steps(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first, second = (row.segment_id for row in session.rows[:2])
    session.save()
    theirs = TranslationFile.load(session.translation_path)
    theirs.units[second].set_translation("De fuera.")
    theirs.save()
    session.set_target(first, "Mío.")
    session.save()
    assert session.unit(second).target == "De fuera."
    assert session.undo() is not None
    assert session.unit(first).target == ""


def test_ignore_all_like_it_stays_within_one_concept(
    review_project: ProjectLayout, paper: Path
) -> None:
    # "I" on one concept's "term-missing" (no flagged text) offered every concept's: 60 issues.
    from dataclasses import replace

    from termwise.checks.issue import Severity

    session = ReviewSession(review_project, paper, "es")
    ids = [row.segment_id for row in session.rows[:3]]
    base = Issue("term-missing", Severity.ERROR, ids[0], "target", 0, 0, "", "missing")
    session.issues = [
        replace(base, segment_id=segment_id, concept=concept)
        for segment_id in ids
        for concept in ("T01", "T02")
    ]
    alike = session.issues_like(session.issues[0])
    assert [(issue.segment_id, issue.concept) for issue in alike] == [
        (segment_id, "T01") for segment_id in ids
    ]


def test_a_glossary_change_in_review_is_checked_at_once(
    review_project: ProjectLayout, paper: Path
) -> None:
    # A term set to deprecated in the glossary panel stayed unreported until the workbench
    # was opened again: the checker kept what it had found under the old glossary.
    session = ReviewSession(review_project, paper, "es")
    row = next(r for r in session.rows if "community of human destiny" in r.source)
    session.set_target(row.segment_id, "La comunidad de futuro compartido de la humanidad.")

    def forbidden() -> list[Issue]:
        document, targets, _ = session.check_inputs()
        return [
            issue
            for issue in session.compute_issues(document, targets)
            if issue.check == "term-forbidden" and issue.segment_id == row.segment_id
        ]

    assert forbidden() == []
    assert session.glossary is not None
    concept = session.glossary.get("T01")
    assert concept is not None
    term = next(t for t in concept.all_terms if t.text.startswith("comunidad de futuro"))
    session.set_term_status(concept, term, "deprecated")
    assert [issue.text for issue in forbidden()] == [
        "comunidad de futuro compartido de la humanidad"
    ]


def test_an_ignore_is_an_undo_step_of_its_own(review_project: ProjectLayout, paper: Path) -> None:
    # Ctrl+Z after an ignore undid the edit before it, and the ignore stayed.
    from termwise.checks.ignores import IgnoreStore
    from termwise.checks.issue import Severity

    session = ReviewSession(review_project, paper, "es")
    first, second = (row.segment_id for row in session.rows[:2])
    session.set_target(first, "Un texto revisado.")
    issue = Issue("spelling", Severity.WARNING, second, "source", 0, 7, "destiny", "unknown")
    session.issues = [issue]
    session.ignore(issue, "a word of the paper")
    assert session.ignores.is_ignored(issue, "es")
    undone = session.undo()
    assert undone is not None and undone.label == "ignore"
    assert not session.ignores.is_ignored(issue, "es")
    assert not IgnoreStore.for_document(review_project, paper).is_ignored(issue, "es")
    assert session.unit(first).target == "Un texto revisado."
    session.redo()
    assert IgnoreStore.for_document(review_project, paper).is_ignored(issue, "es")


def test_a_join_across_a_paragraph_end_is_refused(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Joined, the next paragraph's first sentence printed at the end of this paragraph in
    # every edition, source and translation alike.
    session = ReviewSession(review_project, paper, "es")
    segments = session.document.segments
    last, first = next(
        (a, b)
        for a, b in zip(segments, segments[1:], strict=False)
        if a.paragraph != b.paragraph
        and not (a.kind.value == "heading" or b.kind.value == "heading")
    )
    with pytest.raises(TermwiseError, match="paragraph"):
        session.join_with_next(last.id)
    assert [row.segment_id for row in session.rows].count(first.id) == 1
    assert not session.can_undo
    # Within a paragraph a join still goes through.
    inside = next(
        a for a, b in zip(segments, segments[1:], strict=False) if a.paragraph == b.paragraph
    )
    session.join_with_next(inside.id)


def test_a_glossary_edit_is_an_undo_step(review_project: ProjectLayout, paper: Path) -> None:
    # F9 then "a" added a term; Ctrl+Z said "Nothing to undo", and a typo in the glossary
    # meant editing the TBX file by hand.
    session = ReviewSession(review_project, paper, "es")
    path = session.add_term("T01", "es", "admitted", "comunidad de destino comun")
    assert session.glossary is not None
    assert any(
        t.text == "comunidad de destino comun" for t in session.glossary.concept("T01").all_terms
    )
    session.undo()
    assert "comunidad de destino comun" not in path.read_text(encoding="utf-8")
    assert not any(
        t.text == "comunidad de destino comun" for t in session.glossary.concept("T01").all_terms
    )
    session.redo()
    assert "comunidad de destino comun" in path.read_text(encoding="utf-8")
    assert session.glossary.concept("T01").terms("es")
