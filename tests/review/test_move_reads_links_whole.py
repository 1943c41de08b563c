"""Moving a sentence between aligned groups of a Markdown document cuts the group's typed-over
translation as the segmenter cuts the document: a link's target (``[x](<a. B>)``) and the
label of a reference to a label the document defines are read whole. ``target_sentences``
read neither, so Alt+Up moved "Vea [x](<a." into the group before and left "B>) hoy." behind:
a broken link in every edition."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source
from termwise.review.alignment import move_first_to_previous, move_last_to_next
from termwise.review.session import ReviewSession

DOCUMENT = """\
# Plans

The river rose quickly.

The village was evacuated.

Nobody was hurt.

The water fell by Friday.

[mr. b. smith]: https://example.org/smith
"""


def aligned(tmp_path: Path) -> tuple[ProjectLayout, Path, list[str]]:
    """The document aligned 1-1 with a Spanish translation, as ``termwise align`` writes it."""
    path = tmp_path / "doc.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    document = load_source(layout, path, lang="en")
    targets = [
        "Planes",
        "El río subió rápidamente.",
        "Se evacuó el pueblo.",
        "Nadie resultó herido.",
        "El agua bajó el viernes.",
    ]
    assert len(document.segments) == len(targets)
    beads = [Bead((k,), (k,), 0.4) for k in range(len(targets))]
    write_project(layout, path, document, targets, beads, "es")
    return layout, path, [segment.id for segment in document.segments]


def test_a_moved_sentence_takes_a_link_whole(tmp_path: Path) -> None:
    layout, path, ids = aligned(tmp_path)
    session = ReviewSession(layout, path, "es", source_lang="en")
    # Typed over: the alignment's count of its sentences no longer holds, so it is cut again.
    session.set_target(ids[2], "Vea [el mapa](<a. B>) hoy. Se evacuó el pueblo.")
    move_first_to_previous(session, ids[2])
    assert session.unit(ids[1]).target == "El río subió rápidamente. Vea [el mapa](<a. B>) hoy."
    assert session.unit(ids[2]).target == "Se evacuó el pueblo."


def test_a_moved_sentence_takes_a_reference_to_a_defined_label_whole(tmp_path: Path) -> None:
    layout, path, ids = aligned(tmp_path)
    session = ReviewSession(layout, path, "es", source_lang="en")
    session.set_target(ids[3], "Nadie resultó herido. Lo dijo [el señor][Mr. B. Smith] ayer.")
    move_last_to_next(session, ids[3])
    assert session.unit(ids[3]).target == "Nadie resultó herido."
    assert session.unit(ids[4]).target == (
        "Lo dijo [el señor][Mr. B. Smith] ayer. El agua bajó el viernes."
    )
    session.save()
    again = ReviewSession(layout, path, "es", source_lang="en")
    assert again.unit(ids[4]).target.startswith("Lo dijo [el señor][Mr. B. Smith] ayer.")
