"""Fixing an aligned translation in the review session: unsure groups, moves, confirm, undo."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from termwise.align.beads import Bead
from termwise.align.output import NOT_APPLIED, write_project
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source
from termwise.review.alignment import (
    confidence,
    confirm,
    low_confidence_rows,
    move_first_to_previous,
    move_last_to_next,
    notes,
)
from termwise.review.session import ReviewSession


def aligned_project(layout: ProjectLayout, paper: Path) -> list[str]:
    """The paper aligned with a translation whose 3rd group took the 4th's first sentence."""
    document = load_source(layout, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count + 1)]
    beads = [Bead((0,), (0,), 0.99), Bead((1,), (1,), 0.98), Bead((2,), (2, 3), 0.3)]
    beads += [Bead((k,), (k + 1,), 0.95) for k in range(3, count)]
    write_project(layout, paper, document, targets, beads, "es")
    return [segment.id for segment in document.segments]


def test_unsure_group_is_listed_and_a_sentence_moves_to_the_next_group(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = aligned_project(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    assert [row.segment_id for row in session.rows] == ids
    assert confidence(session.unit(ids[2])) == 0.3
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2]]

    move_last_to_next(session, ids[2])
    assert session.unit(ids[2]).target == "Frase número 2."
    assert session.unit(ids[3]).target == "Frase número 3. Frase número 4."
    move_first_to_previous(session, ids[3])
    assert session.unit(ids[2]).target == "Frase número 2. Frase número 3."
    session.undo()
    assert session.unit(ids[3]).target == "Frase número 3. Frase número 4."

    assert confirm(session, ids[2])
    # The group that took the sentence was sure (0.95), but the translator changed it: it
    # is listed until they confirm it too.
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[3]]
    assert confirm(session, ids[3])
    assert low_confidence_rows(session) == []
    session.save()
    again = ReviewSession(review_project, paper, "es")
    assert [row.segment_id for row in again.rows] == ids
    assert again.unit(ids[3]).target == "Frase número 3. Frase número 4."
    assert again.unit(ids[2]).state.value == "reviewed"
    assert low_confidence_rows(again) == []
    # Undo of the confirmations lists the groups again.
    session.undo()
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[3]]
    session.undo()
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2], ids[3]]


def _align_comment(session: ReviewSession, segment_id: str) -> str:
    return next(c for c in session.unit(segment_id).comments if c.startswith("align: "))


def test_a_regrouped_group_no_longer_claims_the_aligners_grouping(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The aligner's comment says what it made of a group ("group 1-2"). Once the translator
    # moves a sentence or joins two groups, that account is wrong: the comment says the group
    # was regrouped, and keeps the lowest confidence of what it took in, so the group stays
    # listed until it is confirmed. Undo puts the aligner's comment back.
    ids = aligned_project(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    assert _align_comment(session, ids[2]) == "align: confidence 0.30, group 1-2"

    move_last_to_next(session, ids[2])
    assert _align_comment(session, ids[2]) == "align: confidence 0.30, regrouped in review"
    # The group that took the sentence in takes its doubt too (it kept its own 0.95).
    assert _align_comment(session, ids[3]) == "align: confidence 0.30, regrouped in review"
    assert notes(session.unit(ids[2])) == ("regrouped in review",)
    session.undo()
    assert _align_comment(session, ids[2]) == "align: confidence 0.30, group 1-2"
    assert _align_comment(session, ids[3]) == "align: confidence 0.95, group 1-1"

    session.join_with_next(ids[1])
    assert _align_comment(session, ids[1]) == "align: confidence 0.30, regrouped in review"
    assert "align-check" in session.unit(ids[1]).flags
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[1]]
    session.save()
    again = ReviewSession(review_project, paper, "es")
    assert _align_comment(again, ids[1]) == "align: confidence 0.30, regrouped in review"
    session.undo()
    assert _align_comment(session, ids[1]) == "align: confidence 0.98, group 1-1"
    assert "align-check" not in session.unit(ids[1]).flags


def test_a_group_the_alignment_without_mt_disputes_is_listed_and_says_why(
    review_project: ProjectLayout, paper: Path
) -> None:
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[1] = Bead((1,), (1,), 0.6, disputed=True)
    beads[3] = Bead((3,), (3,), 0.65, mt_splits=True)
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    ids = [segment.id for segment in document.segments]
    assert _align_comment(session, ids[1]) == (
        "align: confidence 0.60, group 1-1, grouped otherwise without MT"
    )
    assert _align_comment(session, ids[3]) == (
        "align: confidence 0.65, group 1-1, split otherwise with MT"
    )
    assert "align-check" in session.unit(ids[1]).flags
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[1], ids[3]]
    assert notes(session.unit(ids[1])) == ("grouped otherwise without MT",)
    assert notes(session.unit(ids[3])) == ("split otherwise with MT",)
    assert notes(session.unit(ids[0])) == ()


def test_a_sentence_the_translation_leaves_out_is_flagged_confirmed_and_not_filled_by_mt(
    review_project: ProjectLayout, paper: Path
) -> None:
    from termwise.mt.engine import MTResult

    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[2] = Bead((2,), (), 0.6)
    report = write_project(
        review_project, paper, document, [f"Frase {j}." for j in range(count)], beads, "es"
    )
    # Counted and flagged like every other unsure group (it was counted, not flagged).
    assert report.flagged == 1 and report.unmatched_source == 1
    session = ReviewSession(review_project, paper, "es")
    ids = [segment.id for segment in document.segments]
    gap = session.unit(ids[2])
    assert "align-check" in gap.flags
    assert notes(gap) == ("no counterpart in the translation",)
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2]]

    # MT on open gives the gap a suggestion, not a translation the translator did not make.
    result = MTResult(gap.source, "Frase de la máquina.", "apertium", "apertium-eng-spa")
    assert session.record_mt({ids[2]: result}) == 0
    assert gap.mt == "Frase de la máquina." and gap.target == ""
    assert ids[2] not in session.needs_mt()

    # Confirming it says so in its comment; it cannot be marked reviewed without a target.
    assert confirm(session, ids[2])
    assert low_confidence_rows(session) == []
    assert notes(gap) == ("no counterpart in the translation", "confirmed in review")
    assert not confirm(session, ids[2])
    session.save()
    again = ReviewSession(review_project, paper, "es")
    assert low_confidence_rows(again) == []
    assert again.unit(ids[2]).mt == "Frase de la máquina." and not again.unit(ids[2]).target
    session.undo()
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2]]
    # The suggestion is the translator's to take.
    assert session.accept_mt(ids[2]) and gap.target == "Frase de la máquina."


def test_a_sure_omission_is_listed_and_a_note_opening_a_paragraph_goes_forward(
    review_project: ProjectLayout, paper: Path
) -> None:
    # A sentence the translation leaves out was flagged only below 0.7 (one at 0.70 was in
    # no list); a translator's note opening a section was appended to the heading before it.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    # The translation leaves out sentence 2 and has a note of its own before sentence 6.
    targets: list[str] = []
    beads: list[Bead] = []
    for k in range(count):
        if k == 6:
            note = len(targets)
            targets.append("Nota del traductor: breve.")
            beads.append(Bead((), (note,), 0.9))
        if k == 2:
            beads.append(Bead((2,), (), 0.9))
            continue
        beads.append(Bead((k,), (len(targets),), 0.95))
        targets.append(f"Frase {k}.")
    # The note opens the paragraph that group 6's translation goes on.
    starts = [False] * len(targets)
    starts[note] = True
    report = write_project(review_project, paper, document, targets, beads, "es", starts)
    assert report.flagged == 2
    assert (report.flagged_for_omitted, report.flagged_for_appended) == (1, 1)
    session = ReviewSession(review_project, paper, "es")
    assert "align-check" in session.unit(ids[2]).flags
    assert session.unit(ids[5]).target == "Frase 5."
    assert session.unit(ids[6]).target == "Nota del traductor: breve. Frase 6."
    assert notes(session.unit(ids[6])) == ("1 target sentence(s) without a source put first",)
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[2], ids[6]]

    # Where the next group's translation starts a paragraph of its own, the note stays with
    # the group before it.
    starts[note + 1] = True
    shutil.rmtree(review_project.translations_dir)
    write_project(review_project, paper, document, targets, beads, "es", starts)
    again = ReviewSession(review_project, paper, "es")
    assert again.unit(ids[5]).target == "Frase 5. Nota del traductor: breve."
    assert again.unit(ids[6]).target == "Frase 6."


def test_a_confirmed_omission_is_no_longer_reported_as_untranslated(
    review_project: ProjectLayout, paper: Path
) -> None:
    # F7 on a sentence the translation leaves out recorded the decision, but `check` and
    # the workbench's issues still called it untranslated, for good.
    import json
    import subprocess
    import sys

    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[2] = Bead((2,), (), 0.9)
    write_project(
        review_project, paper, document, [f"Frase {j}." for j in range(count)], beads, "es"
    )
    session = ReviewSession(review_project, paper, "es")

    def untranslated() -> list[str]:
        snapshot, targets, _ = session.check_inputs()
        found = session.compute_issues(snapshot, targets)
        return [issue.segment_id for issue in found if issue.check == "untranslated"]

    def from_the_command_line() -> list[str]:
        found = subprocess.run(
            [sys.executable, "-c", "from termwise.cli import main; main()", "check"]
            + [str(paper), "--to", "es", "--format", "json"],
            cwd=review_project.root,
            capture_output=True,
            text=True,
        ).stdout
        return [i["segment"] for i in json.loads(found) if i["check"] == "untranslated"]

    assert untranslated() == [ids[2]]
    assert from_the_command_line() == [ids[2]]
    assert confirm(session, ids[2])
    assert untranslated() == []
    session.save()
    assert from_the_command_line() == []
    session.undo()
    assert untranslated() == [ids[2]]

    # An edition shows an empty place there, not "[untranslated]" (work still to come).
    from termwise.export.edition import build_edition
    from termwise.project.translation_file import TranslationFile

    session.redo()
    for unit_id in ids:
        if unit_id != ids[2]:
            session.mark_reviewed(unit_id)
    session.save()
    edition = build_edition(session.document, TranslationFile.load(session.translation_path))
    shown = {item.segment.id: item.target for block in edition.blocks for item in block.segments}
    assert shown[ids[2]] == "" and all(shown[i] for i in ids if i != ids[2])
    from termwise.export.html import html_edition

    page = html_edition(edition)
    assert "  " not in re.sub(r"<[^>]*>", "", page.split("<body>")[1])  # no gap left there
    # `stats` counts it apart among the new segments: no work left to do there.
    stats = subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", "stats"]
        + [str(paper), "--to", "es", "--format", "json"],
        cwd=review_project.root,
        capture_output=True,
        text=True,
    ).stdout
    assert json.loads(stats)[0]["left_out"]["segments"] == 1


def test_a_second_alignment_leaves_the_translators_work_alone(
    review_project: ProjectLayout, paper: Path
) -> None:
    # A second `termwise align` joined a reviewed segment with its neighbour (sending it back
    # to review with another source) and wrote the aligner's comment over a confirmation.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    targets = [f"Frase {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[3] = Bead((3,), (), 0.6)
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    assert session.mark_reviewed(ids[1]) and confirm(session, ids[3])
    session.save()
    reviewed_source = session.unit(ids[1]).source

    again = [Bead((0,), (0,), 0.9), Bead((1, 2), (1, 2), 0.9), Bead((3, 4), (3, 4), 0.9)]
    again += [Bead((k,), (k,), 0.9) for k in range(5, count)]
    report = write_project(review_project, paper, document, targets, again, "es")
    # Neither group is joined: each holds the translator's work.
    assert report.joins == 0
    segmentation = review_project.translations_dir / f"{paper.stem}.segmentation.json"
    assert not segmentation.exists()
    later = ReviewSession(review_project, paper, "es")
    assert [row.segment_id for row in later.rows] == ids
    assert later.unit(ids[1]).state.value == "reviewed"
    assert later.unit(ids[1]).source == reviewed_source
    assert "confirmed in review" in notes(later.unit(ids[3]))
    # Their neighbours, the aligner's own text, could not join them: listed, not applied.
    assert [row.segment_id for row in low_confidence_rows(later)] == [ids[2], ids[4]]
    assert all(NOT_APPLIED in notes(later.unit(i)) for i in (ids[2], ids[4]))


def test_a_second_alignment_never_gives_a_sentence_a_kept_translation_holds(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The translator put the 4th group's first sentence into the reviewed 3rd segment by
    # hand (the 4th left as the aligner wrote it); a second alignment, knowing nothing of
    # it, gave that sentence to the 4th segment again: the published text stood twice.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    targets = [f"Frase número {j} del texto publicado." for j in range(count + 1)]
    beads = [Bead((k,), (k,), 0.95) for k in range(3)]
    beads += [Bead((3,), (3, 4), 0.95)] + [Bead((k,), (k + 1,), 0.95) for k in range(4, count)]
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    session.set_target(ids[2], f"{targets[2]} {targets[3]}")
    assert session.mark_reviewed(ids[2])
    session.save()

    report = write_project(review_project, paper, document, targets, beads, "es")
    later = ReviewSession(review_project, paper, "es")
    assert later.unit(ids[2]).target == f"{targets[2]} {targets[3]}"
    assert later.unit(ids[3]).target == targets[4]
    assert report.held_elsewhere == 1
    assert "1 target sentence(s) left out: a kept translation nearby holds them" in notes(
        later.unit(ids[3])
    )
    assert ids[3] in [row.segment_id for row in low_confidence_rows(later)]
    # A sentence no kept translation holds is given as before.
    assert later.unit(ids[5]).target == targets[6]


def test_a_move_takes_one_sentence_as_the_alignment_counted_them(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Captions have no full stop: cut again by the segmenter, "Lhotse (8501 m) Photo
    # Schweiz Stiftung für alpine Forschungen" was one sentence, and Alt+Down moved all three.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    captions = ["Lhotse (8501 m)", "Photo Schweiz", "Stiftung für alpine Forschungen"]
    targets = ["Frase 0.", "Frase 1.", "Frase 2.", *captions]
    targets += [f"Frase {j}." for j in range(len(targets), count + 3)]
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((2,), (2, 3, 4, 5), 0.4)]
    beads += [Bead((k,), (k + 3,), 0.9) for k in range(3, count)]
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    move_last_to_next(session, ids[2])
    assert session.unit(ids[2]).target == "Frase 2. Lhotse (8501 m) Photo Schweiz"
    assert session.unit(ids[3]).target == "Stiftung für alpine Forschungen Frase 6."
    move_last_to_next(session, ids[2])
    assert session.unit(ids[2]).target == "Frase 2. Lhotse (8501 m)"
    assert session.unit(ids[3]).target == ("Photo Schweiz Stiftung für alpine Forschungen Frase 6.")
    # Back the other way, one caption at a time, as counted after the moves.
    move_first_to_previous(session, ids[3])
    assert session.unit(ids[2]).target == "Frase 2. Lhotse (8501 m) Photo Schweiz"
    session.undo()
    session.undo()
    assert session.unit(ids[2]).target == "Frase 2. Lhotse (8501 m) Photo Schweiz"
    # Typed over, the text is cut as the segmenter cuts it.
    session.set_target(ids[3], "Stiftung für alpine Forschungen. Frase seis.")
    move_first_to_previous(session, ids[3])
    assert session.unit(ids[3]).target == "Frase seis."


def test_a_sure_group_whose_sides_share_no_number_is_listed(
    review_project: ProjectLayout,
) -> None:
    # Where the translation lacks a paragraph beside a block of captions, the aligner gave
    # "The new height is 8222 m." the caption "6 - Photo R. Angst, 1934", sure (0.96), unlisted.
    report = review_project.root / "chronicle.md"
    report.write_text(
        "The peak was measured again. The new height is 8222 m.\n\n"
        "In 1956 the team climbed it. It had 12 members and 12,400 francs.\n",
        encoding="utf-8",
    )
    document = load_source(review_project, report, lang="en")
    ids = [segment.id for segment in document.segments]
    targets = [
        "On a mesuré le sommet à nouveau.",
        "6 - Photo R. Angst, 1934",  # no number of "8222 m"
        "En 1956 l'équipe l'a gravi.",  # shares 1956
        # "12" is too short a number to judge by; "12 400" groups its thousands by a space.
        "Elle comptait 12 membres et 12 400 francs.",
    ]
    beads = [Bead((k,), (k,), 0.96) for k in range(4)]
    write_project(review_project, report, document, targets, beads, "fr")
    session = ReviewSession(review_project, report, "fr")
    assert [row.segment_id for row in low_confidence_rows(session)] == [ids[1]]
    assert "numbers differ (8222 / 1934)" in notes(session.unit(ids[1]))


def test_a_correction_to_the_published_text_of_a_kept_group_is_brought_to_review(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Aligning again after "viejo molino" became "antiguo molino" in the published file
    # kept every confirmed or regrouped segment as it was: the correction was lost unsaid.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    targets = [f"Frase publicada {j}, sobre el viejo molino." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    assert confirm(session, ids[1])
    move_last_to_next(session, ids[3])  # ids[3] and ids[4] regrouped
    move_first_to_previous(session, ids[4])  # ...and back
    session.save()

    corrected = list(targets)
    corrected[1] = corrected[1].replace("viejo", "antiguo")
    corrected[3] = corrected[3].replace("viejo", "antiguo")
    report = write_project(review_project, paper, document, corrected, beads, "es")
    assert report.published_changed == 2
    later = ReviewSession(review_project, paper, "es")
    for changed in (ids[1], ids[3]):
        unit = later.unit(changed)
        assert "viejo" in unit.target  # the translator's text is kept...
        assert unit.state.value == "edited"  # ...and back to review
        number = ids.index(changed)
        assert _align_comment(later, changed).endswith(
            f', published text changed: "{corrected[number]}"'
        )
    listed = [row.segment_id for row in low_confidence_rows(later)]
    assert ids[1] in listed and ids[3] in listed
    # Aligning a third time with nothing changed says nothing again.
    again = write_project(review_project, paper, document, corrected, beads, "es")
    assert again.published_changed == 0


def test_a_kept_group_the_new_alignment_groups_otherwise_is_no_correction(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Aligned again with both files unchanged, a book's confirmed long sentences went back to
    # review, "published text changed": the new alignment had grouped their sentences
    # otherwise, and the text it grouped was taken for a corrected one.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    targets = [f"Frase publicada {j}, sobre el viejo molino." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    assert confirm(session, ids[1])
    session.save()
    otherwise = [*beads[:1], Bead((1,), (1, 2), 0.95), Bead((2,), (), 0.6), *beads[3:]]
    report = write_project(review_project, paper, document, targets, otherwise, "es")
    assert report.published_changed == 0
    later = ReviewSession(review_project, paper, "es")
    assert later.unit(ids[1]).state.value == "reviewed"
    assert "published text changed" not in _align_comment(later, ids[1])
    # A real correction nearby is still found.
    corrected = list(targets)
    corrected[1] = corrected[1].replace("viejo", "antiguo")
    report = write_project(review_project, paper, document, corrected, otherwise, "es")
    assert report.published_changed == 1


def test_a_correction_is_found_in_a_refrain_and_in_a_joined_group(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Both went unflagged: the corrected sentence stood unchanged elsewhere ("Pulse el botón
    # verde." three times), or was the second part of a group joined in review, whose
    # record names its first part alone.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    segments = document.segments
    ids = [segment.id for segment in segments]
    targets = [f"Frase publicada {j}." for j in range(count)]
    targets[1] = targets[6] = "Pulse el botón verde."
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    joined = next(
        k
        for k in range(8, count - 1)
        if segments[k].paragraph == segments[k + 1].paragraph
        and segments[k].kind.value == segments[k + 1].kind.value == "sentence"
    )
    session.join_with_next(ids[joined])
    for segment_id in (ids[1], ids[joined]):
        assert confirm(session, segment_id)
    session.save()
    joined_document = load_source(review_project, paper, lang="en")
    corrected = list(targets)
    corrected[1] = "Presione el botón verde."
    corrected[joined + 1] = "Frase corregida."
    # The joined segments are one group now, as the aligner would find them.
    regrouped: list[Bead] = []
    for k in range(count):
        if k == joined + 1:
            continue
        if k == joined:
            regrouped.append(Bead((len(regrouped),), (k, k + 1), 0.95))
        else:
            regrouped.append(Bead((len(regrouped),), (k,), 0.95))
    report = write_project(review_project, paper, joined_document, corrected, regrouped, "es")
    assert report.published_changed == 2


def test_what_review_changes_in_a_group_is_said_and_listed(
    review_project: ProjectLayout, paper: Path
) -> None:
    from termwise.mt.engine import MTResult

    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    ids = [segment.id for segment in document.segments]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[2] = Bead((2,), (), 0.9)
    beads.insert(5, Bead((), (count,), 0.9))
    targets = [f"Frase {j}." for j in range(count)] + ["(N. del T.: nota.)"]
    write_project(review_project, paper, document, targets, beads, "es")
    session = ReviewSession(review_project, paper, "es")
    # The comment's every remark reaches the status line, this one too.
    assert notes(session.unit(ids[4])) == ("1 target sentence(s) without a source appended",)

    # A confirmed gap that was then regrouped still gets MT only as a suggestion.
    assert confirm(session, ids[2])
    session.join_with_next(ids[2])
    session.undo()
    gap = session.unit(ids[2])
    result = MTResult(gap.source, "Traducción automática.", "apertium", "apertium-eng-spa")
    session.record_mt({ids[2]: result})
    assert gap.target == "" and gap.mt == "Traducción automática."
    # Taken, it is a translation the aligner did not find: changed in review, to confirm.
    assert session.accept_mt(ids[2])
    assert notes(gap) == ("regrouped in review",)
    assert ids[2] in [row.segment_id for row in low_confidence_rows(session)]

    # The part a split makes of a group is a changed group too (it had no comment).
    segment_id = next(
        row.segment_id for row in session.rows if session.split_points(row.segment_id)
    )
    before = set(session.tfile.units)
    session.split(segment_id, session.split_points(segment_id)[0])
    (part,) = set(session.tfile.units) - before
    listed = [row.segment_id for row in low_confidence_rows(session)]
    assert part in listed and notes(session.unit(part)) == ("regrouped in review",)
    # A join split again gives the second group back as the aligner made it.
    first_part = session.source_text(ids[8])
    session.join_with_next(ids[8])
    session.split(ids[8], len(first_part) + 1)
    assert session.unit(ids[9]).target == "Frase 9."
    assert (session.unit(ids[8]).target, notes(session.unit(ids[8]))) == (
        "Frase 8.",
        ("regrouped in review",),
    )


def test_aligning_again_keeps_the_comments_in_their_order(
    review_project: ProjectLayout, paper: Path
) -> None:
    from termwise.project.translations import open_translation

    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[2] = Bead((2,), (), 0.9)
    write_project(review_project, paper, document, targets, beads, "es")
    tfile = open_translation(review_project, document, "es")
    gap = tfile.units[document.segments[2].id]
    gap.comments = (*gap.comments, "glossary: T01 -> comunidad (apertium-lexical)")
    tfile.save()
    beads[2] = Bead((2,), (2,), 0.8)
    write_project(review_project, paper, document, targets, beads, "es")
    again = open_translation(review_project, document, "es").units[document.segments[2].id]
    assert again.comments[:2] == (
        "align: confidence 0.80, group 1-1",
        "glossary: T01 -> comunidad (apertium-lexical)",
    )
    assert again.comments[2].startswith("aligned text: ")  # the text it wrote, by fingerprint


def test_a_heading_takes_no_sentence_of_the_group_beside_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The audit: F3 on a heading joined it with the first sentence after it, and Alt+Up put
    # a body sentence into the translated heading; both printed as headings in every edition.
    ids = aligned_project(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    heading = next(k for k, row in enumerate(session.rows) if row.heading)
    assert heading > 0 and not session.rows[heading + 1].heading
    with pytest.raises(TermwiseError, match="heading"):
        session.join_with_next(ids[heading])
    with pytest.raises(TermwiseError, match="heading"):
        session.join_with_next(ids[heading - 1])
    with pytest.raises(TermwiseError, match="heading"):
        move_first_to_previous(session, ids[heading + 1])
    with pytest.raises(TermwiseError, match="heading"):
        move_last_to_next(session, ids[heading - 1])
    assert not session.can_undo
    # The heading's own translation, which the aligner gave the group after it, may move in.
    session.set_target(ids[heading], "")
    move_first_to_previous(session, ids[heading + 1])
    assert session.unit(ids[heading]).target.startswith("Frase número")
    # Its own translation, alone, stays: moved into the paragraph after, "Capítulo 1" was
    # printed as that paragraph's first sentence.
    session.set_target(ids[heading], "Capítulo 1")
    with pytest.raises(TermwiseError, match="heading's own translation"):
        move_last_to_next(session, ids[heading])
    # Out of a heading, a sentence the aligner put beside its translation moves on.
    session.set_target(ids[heading], "Capítulo 1. Frase suelta.")
    move_last_to_next(session, ids[heading])
    assert session.unit(ids[heading]).target == "Capítulo 1."


def test_a_group_left_unapplied_is_not_confirmed_while_it_holds_the_mt(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Aligning again over kept work leaves the group's other segment with its MT and the
    # published text in its comment; F7 there printed the MT as the reviewed translation.
    from termwise.align.output import NOT_APPLIED
    from termwise.project.translation_file import TranslationFile
    from termwise.project.units import SegmentState

    ids = aligned_project(review_project, paper)
    tfile = TranslationFile.load(review_project.translation_file(paper, "es"))
    unit = tfile.units[ids[4]]
    unit.mt, unit.target, unit.state = (
        "Frase de la máquina.",
        "Frase de la máquina.",
        SegmentState.MT,
    )
    unit.comments = (f'align: confidence 0.95, group 2-1, {NOT_APPLIED}, published: "Frase."',)
    tfile.save()
    session = ReviewSession(review_project, paper, "es")
    with pytest.raises(TermwiseError, match="still the MT"):
        confirm(session, ids[4])
    assert session.unit(ids[4]).state is SegmentState.MT
    session.set_target(ids[4], "Frase.")
    assert confirm(session, ids[4])
    assert session.unit(ids[4]).state is SegmentState.REVIEWED
