"""A join (F3) split again (F4) whose later part had neither a translation nor MT before the
join: where the translator rewrote the join's translation as one, the later part's share is
in it, so the part waits for it (as it does when it had a translation before the join), and
MT and an edition leave it empty; where the translation is still the first part's own, the
later part comes back new, for MT to fill. Projects are made as a translator without MT
makes one: the workbench on a plain text, saved and opened again between the steps."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import confirmed_omission, translation_in_neighbour, waited_for
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

SOURCE = (
    "The committee met in May. The project grew fast across the region, and the budget "
    "doubled. The council approved the plan.\n"
)
OWN = "El proyecto creció rápido en la región, y el presupuesto se duplicó."
REWRITTEN = "El proyecto creció rápido y el presupuesto se duplicó, con el visto bueno del consejo."


def _project(tmp_path: Path) -> tuple[ProjectLayout, Path]:
    document = tmp_path / "doc.txt"
    document.write_text(SOURCE, encoding="utf-8")
    return ProjectLayout.at(tmp_path), document


def _joined(layout: ProjectLayout, document: Path, own: str) -> tuple[str, str]:
    """#2 translated as ``own`` (maybe nothing) and joined with #3, which has nothing;
    saved, as the workbench leaves it on quitting."""
    session = ReviewSession(layout, document, "es")
    _, second, third = (row.segment_id for row in session.rows)
    assert not session.unit(third).target and session.unit(third).mt is None
    if own:
        session.set_target(second, own)
    session.join_with_next(second)
    session.save()
    return second, third


def test_a_join_rewritten_as_one_makes_the_later_part_wait(tmp_path: Path) -> None:
    layout, document = _project(tmp_path)
    second, third = _joined(layout, document, OWN)
    session = ReviewSession(layout, document, "es")
    session.set_target(second, REWRITTEN)
    session.split(second, session.split_points(second)[0])

    assert session.unit(second).target == REWRITTEN
    later = session.unit(third)
    assert later.target == "" and translation_in_neighbour(later)
    assert waited_for(later) == second and confirmed_omission(later)
    session.save()
    assert waited_for(TranslationFile.load(session.translation_path).units[third]) == second

    # MT leaves it a suggestion, and the edition prints the council's sentence once.
    done = termwise("translate", "doc.txt", "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    units = TranslationFile.load(session.translation_path).units
    assert units[third].target == "" and units[third].mt
    edition = tmp_path / "doc.es.txt"
    exported = termwise(
        "export", "doc.txt", "--to", "es", "-o", str(edition), "--target-only",
        "--include-unreviewed", cwd=tmp_path,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    text = edition.read_text(encoding="utf-8")
    assert text.count("consejo") == 1, text

    # Undo brings the join back; redo the waiting part.
    session.undo()
    assert third not in session.row_index
    session.redo()
    assert waited_for(session.unit(third)) == second


def test_a_translation_written_while_joined_holds_the_later_part_too(tmp_path: Path) -> None:
    layout, document = _project(tmp_path)
    second, third = _joined(layout, document, "")
    session = ReviewSession(layout, document, "es")
    session.set_target(second, REWRITTEN)
    session.split(second, session.split_points(second)[0])
    assert session.unit(second).target == REWRITTEN
    assert waited_for(session.unit(third)) == second


def test_a_join_split_with_its_own_translation_unchanged_leaves_the_later_part_new(
    tmp_path: Path,
) -> None:
    layout, document = _project(tmp_path)
    second, third = _joined(layout, document, OWN)
    session = ReviewSession(layout, document, "es")
    session.split(second, session.split_points(second)[0])
    assert session.unit(second).target == OWN
    assert session.unit(second).state.value == "edited"
    later = session.unit(third)
    assert later.target == "" and later.notes == "" and not confirmed_omission(later)
    assert third in session.needs_mt()
    session.save()
    # Nothing is left aside once the join is undone by the split.
    assert not TranslationFile.load(session.translation_path).obsolete
