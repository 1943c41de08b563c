"""A join (F3) split again (F4) where nobody rewrote the joined translation gives each part
back its own translation *and* its review: a reviewed segment whose text equals its MT came
back as MT (fuzzy), one with its own text came back edited, and ``export --target-only``
printed "[untranslated]" where the reviewed text stood. The first part's approval is kept
aside with its text (an obsolete ``#~`` entry), so it survives a save and reopen; a join
edited meanwhile comes back to review."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

TOWER, NACELLE, CREW, WIND = (
    "The tower is tall.",
    "The nacelle is heavy.",
    "The crew works at night.",
    "The wind is strong.",
)
CREW_ES = "La tripulación trabaja de noche."


def _entry(source: str, target: str, mt: str | None, *, fuzzy: bool) -> str:
    comments = f"#. mt: {mt}\n#. mt-engine: apertium\n#. mt-model: eng-spa\n" if mt else ""
    flag = "#, fuzzy\n" if fuzzy else ""
    return (
        f'{comments}{flag}msgctxt "{content_hash(source)}"\nmsgid "{source}"\nmsgstr "{target}"\n\n'
    )


def _project(tmp_path: Path) -> tuple[ProjectLayout, Path, Path]:
    """The audit's paragraph: the tower reviewed as its MT, the nacelle MT only, the crew
    reviewed with its own text, the wind untranslated; as termwise writes the PO."""
    document = tmp_path / "doc.txt"
    document.write_text(f"{TOWER} {NACELLE} {CREW} {WIND}\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    po = tmp_path / "translations" / "doc.es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        + _entry(TOWER, "La torre es alta.", "La torre es alta.", fuzzy=False)
        + _entry(NACELLE, "La góndola es pesada.", "La góndola es pesada.", fuzzy=True)
        + _entry(CREW, CREW_ES, "Las obras de tripulación por la noche.", fuzzy=False)
        + _entry(WIND, "", None, fuzzy=False),
        encoding="utf-8",
    )
    return ProjectLayout.at(tmp_path), document, po


def _states(session: ReviewSession) -> list[tuple[str, SegmentState]]:
    return [
        (session.unit(r.segment_id).target, session.unit(r.segment_id).state) for r in session.rows
    ]


BEFORE = [
    ("La torre es alta.", SegmentState.REVIEWED),
    ("La góndola es pesada.", SegmentState.MT),
    (CREW_ES, SegmentState.REVIEWED),
    ("", SegmentState.NEW),
]


def _join_and_split(session: ReviewSession, segment_id: str) -> None:
    session.join_with_next(segment_id)
    session.split(segment_id, session.split_points(segment_id)[0])


def test_a_join_split_again_unchanged_keeps_each_parts_review(tmp_path: Path) -> None:
    layout, document, po = _project(tmp_path)
    session = ReviewSession(layout, document, "es")
    tower, _, crew, _ = (row.segment_id for row in session.rows)
    assert _states(session) == BEFORE

    _join_and_split(session, tower)
    _join_and_split(session, crew)
    assert _states(session) == BEFORE
    session.save()
    assert _states(ReviewSession(layout, document, "es")) == BEFORE
    assert not TranslationFile.load(po).obsolete  # nothing left aside

    # Undo and redo go through the same states.
    session.undo()
    assert _states(session)[2] == (CREW_ES, SegmentState.EDITED)  # the crew joined again
    for _ in range(3):
        session.undo()
    assert _states(session) == BEFORE
    session.redo()
    assert _states(session)[0] == (
        "La torre es alta. La góndola es pesada.",
        SegmentState.MT,
    )
    session.redo()
    assert _states(session) == BEFORE
    for _ in range(2):
        session.redo()
    assert _states(session) == BEFORE

    session.save()
    out = tmp_path / "doc.es.txt"
    exported = termwise(
        "export", "doc.txt", "--to", "es", "-o", str(out), "--target-only", cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    edition = out.read_text(encoding="utf-8")
    assert f"La torre es alta. [untranslated] {CREW_ES} [untranslated]" in edition, edition


def test_the_approval_kept_aside_survives_a_save_and_reopen_while_joined(tmp_path: Path) -> None:
    layout, document, po = _project(tmp_path)
    session = ReviewSession(layout, document, "es")
    tower = session.rows[0].segment_id
    session.join_with_next(tower)
    session.save()

    again = ReviewSession(layout, document, "es")
    again.split(tower, again.split_points(tower)[0])
    assert _states(again) == BEFORE
    again.save()
    assert [(u.target, u.state) for u in TranslationFile.load(po).units.values()] == BEFORE


def test_a_join_edited_meanwhile_comes_back_to_review(tmp_path: Path) -> None:
    layout, document, _ = _project(tmp_path)
    session = ReviewSession(layout, document, "es")
    tower, _, crew, _ = (row.segment_id for row in session.rows)
    session.join_with_next(tower)
    session.set_target(tower, "La torre es muy alta. La góndola es pesada.")
    session.split(tower, session.split_points(tower)[0])
    assert (session.unit(tower).target, session.unit(tower).state) == (
        "La torre es muy alta.",
        SegmentState.EDITED,
    )
    session.join_with_next(crew)
    session.set_target(crew, "La tripulación trabaja por la noche.")
    session.split(crew, session.split_points(crew)[0])
    assert session.unit(crew).state is SegmentState.EDITED
