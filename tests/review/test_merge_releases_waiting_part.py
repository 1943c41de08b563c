"""A part left waiting by F4 (its sentence's translation held whole by the segment before,
``omissions.IN_NEIGHBOUR_NOTE``) while another program rewrites that holder: the save's
merge keeps the other program's text there (a lock wins over the text typed here), and
that text may no longer hold the part's sentence, yet the part went on waiting, so every
edition printed nothing for it. The merge now releases the part (its note goes, its MT
stays a suggestion: an edition says "[untranslated]") and its report says so.

The project is made as a user makes it: a hand-written PO (both sentences reviewed), the
workbench's F3, a translation rewritten as one, F4; the other program is a hand edit of
the PO (what ``sed -i`` does), saved while the workbench holds unsaved text."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import confirmed_omission, waited_for
from termwise.project.store import MergeReport
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

ROTOR, BLADES = "The rotor turns slowly.", "The blades are long."
WHOLE = "El rotor de palas largas gira despacio."
TYPED = "El rotor, de palas largas, gira despacio."
LOCKED = "El rotor gira lentamente."


def _project(tmp_path: Path) -> tuple[ProjectLayout, Path, Path]:
    document = tmp_path / "doc.txt"
    document.write_text(f"Wind\n\n{ROTOR} {BLADES}\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    po = tmp_path / "translations" / "doc.es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        f'msgctxt "{content_hash("Wind")}"\nmsgid "Wind"\nmsgstr "Viento"\n\n'
        f'#. mt: El rotor gira despacio.\nmsgctxt "{content_hash(ROTOR)}"\n'
        f'msgid "{ROTOR}"\nmsgstr "El rotor gira despacio."\n\n'
        f'#. mt: Las palas son largas.\nmsgctxt "{content_hash(BLADES)}"\n'
        f'msgid "{BLADES}"\nmsgstr "Las palas son largas."\n',
        encoding="utf-8",
    )
    return ProjectLayout.at(tmp_path), document, po


def _waiting(tmp_path: Path) -> tuple[ReviewSession, Path, str, str]:
    """F3, the joined translation rewritten as one, F4, saved: #3 waits for #2."""
    layout, document, po = _project(tmp_path)
    session = ReviewSession(layout, document, "es")
    rotor, blades = content_hash(ROTOR), content_hash(BLADES)
    session.join_with_next(rotor)
    session.set_target(rotor, WHOLE)
    session.split(rotor, session.split_points(rotor)[0])
    assert waited_for(session.unit(blades)) == rotor
    session.save()
    assert waited_for(TranslationFile.load(po).units[blades]) == rotor
    return session, po, rotor, blades


def _edition(tmp_path: Path) -> str:
    out = tmp_path / "doc.es.txt"
    exported = termwise(
        "export", "doc.txt", "--to", "es", "-o", str(out), "--target-only",
        "--include-unreviewed", cwd=tmp_path,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    return out.read_text(encoding="utf-8")


def _saved_with_merge(session: ReviewSession) -> MergeReport:
    reports: list[MergeReport] = []
    session.save(on_merge=lambda report, _forgotten: reports.append(report))
    (report,) = reports
    return report


def test_a_holder_locked_and_rewritten_there_releases_the_part_waiting_for_it(
    tmp_path: Path,
) -> None:
    session, po, rotor, blades = _waiting(tmp_path)
    session.set_target(rotor, TYPED)  # not saved
    # Another program locks #2 and rewrites its text, as ``sed -i`` would.
    text = po.read_text(encoding="utf-8")
    entry = f'msgctxt "{rotor}"\nmsgid "{ROTOR}"\nmsgstr "{WHOLE}"\n'
    assert text.count(entry) == 1, text
    po.write_text(
        text.replace(
            entry, f'#, read-only\nmsgctxt "{rotor}"\nmsgid "{ROTOR}"\nmsgstr "{LOCKED}"\n'
        ),
        encoding="utf-8",
    )

    report = _saved_with_merge(session)
    part = session.unit(blades)
    assert waited_for(part) is None and not confirmed_omission(part)
    assert (part.target, part.mt) == ("", "Las palas son largas.")  # MT a suggestion
    assert report.conflicts == [rotor]
    assert report.released == [blades]
    assert blades in report.changed  # undo must not bring the note back
    assert any(blades in line and "untranslated" in line for line in report.details[rotor])

    saved = TranslationFile.load(po).units
    assert saved[rotor].target == LOCKED
    assert waited_for(saved[blades]) is None
    assert "El rotor gira lentamente.† [untranslated]" in _edition(tmp_path)


def test_a_holder_rewritten_there_without_a_lock_releases_it_too(tmp_path: Path) -> None:
    session, po, rotor, blades = _waiting(tmp_path)
    session.set_note(rotor, "checked the term")  # an unsaved change elsewhere
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(f'msgstr "{WHOLE}"', f'msgstr "{LOCKED}"'), encoding="utf-8")

    report = _saved_with_merge(session)
    assert waited_for(TranslationFile.load(po).units[blades]) is None
    assert report.superseded == [rotor] and report.released == [blades]
    assert "El rotor gira lentamente.† [untranslated]" in _edition(tmp_path)


def test_a_part_still_waits_where_the_holder_keeps_the_text_typed_here(tmp_path: Path) -> None:
    session, po, rotor, blades = _waiting(tmp_path)
    session.set_target(rotor, TYPED)
    # The other program rewrote the holder too, without a lock: the text typed here wins.
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(f'msgstr "{WHOLE}"', f'msgstr "{LOCKED}"'), encoding="utf-8")
    report = _saved_with_merge(session)
    assert waited_for(TranslationFile.load(po).units[blades]) == rotor
    assert report.conflicts == [rotor] and not getattr(report, "released", [])
