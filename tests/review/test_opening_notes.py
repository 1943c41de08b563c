"""What opening a translation did to earlier work, held by the session for the workbench to
show: the command line prints it on standard error (``note: note.en.po: …``), which the
workbench hides, so a translator saw two translations turn into one without a word."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translations import collecting_sync_reports
from termwise.review.session import ReviewSession

NOTE = (
    "Das Konzept wurde 2013 vorgestellt (Anm. d. Übers.: gemeint ist die Initiative). "
    "Danach folgte eine Rede.\n"
)
# As a termwise whose segmenter cut at "Anm. d." wrote the English translation of NOTE.
OLD_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: en\\n"
"X-Source-Language: de\\n"

msgctxt "f9ccecdc053c"
msgid "Das Konzept wurde 2013 vorgestellt (Anm. d."
msgstr "The concept was presented in 2013 (Translator's"

msgctxt "41c9dbbd3353"
msgid "Übers.: gemeint ist die Initiative)."
msgstr "note: the initiative is meant)."

msgctxt "b53fe0e6489a"
msgid "Danach folgte eine Rede."
msgstr "Then a speech followed."
"""
JOINED = (
    "note.en.po: 2 translations carried over into 1 segment the segmenter now makes of "
    "them (joined, to review)"
)


def note_project(root: Path) -> Path:
    """A German note whose English an older termwise cut in three (see OLD_PO)."""
    document = root / "note.txt"
    document.write_text(NOTE, encoding="utf-8")
    (root / "translations").mkdir()
    (root / "translations" / "note.en.po").write_text(OLD_PO, encoding="utf-8")
    return document


def test_the_session_holds_what_the_sync_did(tmp_path: Path) -> None:
    document = note_project(tmp_path)
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "en", source_lang="de")
    assert session.opening_notes == [JOINED]
    assert session.rows[0].target.startswith("The concept was presented in 2013 (Translator's")


def test_a_session_with_nothing_moved_has_no_notes(tmp_path: Path) -> None:
    document = note_project(tmp_path)
    layout = ProjectLayout.at(tmp_path)
    ReviewSession(layout, document, "en", source_lang="de").save()
    assert ReviewSession(layout, document, "en", source_lang="de").opening_notes == []


def test_the_session_holds_the_old_name_note(tmp_path: Path) -> None:
    """``paper.zh-Hant.po`` whose header says zh_Hant may be the zh-TW translation an older
    termwise wrote: the session opens a new zh-TW one and says how to rename the old."""
    (tmp_path / "doc.txt").write_text("The cat is blue.\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "doc.zh-Hant.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: zh_Hant\\n"\n\nmsgid "The cat is blue."\nmsgstr "貓是藍色的。"\n',
        encoding="utf-8",
    )
    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "doc.txt", "zh-TW")
    [note] = session.opening_notes
    assert "may be the zh-TW translation an older termwise wrote" in note
    assert note.endswith("translations/doc.zh-TW.po")
    assert "mv " in note and "doc.zh-Hant.po" in note


def test_a_command_around_the_session_still_gets_the_report(tmp_path: Path) -> None:
    """The session gathers the sync report for itself; the command line's gathering around
    it (``termwise fix``, ``review`` before its screen) gets it too, to print."""
    document = note_project(tmp_path)
    with collecting_sync_reports() as outer:
        ReviewSession(ProjectLayout.at(tmp_path), document, "en", source_lang="de")
    assert [(path.name if path else None, report.lines()) for path, report in outer] == [
        ("note.en.po", [JOINED.removeprefix("note.en.po: ")])
    ]
