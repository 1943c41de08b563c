"""Obsolete entries go back as gettext wrote them: a re-save kept only their strings and
translator comments, so an obsolete draft lost its ``#, fuzzy`` (and came back reviewed),
its previous source (``#~|``) and its machine translation."""

from __future__ import annotations

import subprocess
from pathlib import Path

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: paper 1.0\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""
LONG = (
    "International trade in intermediate goods grew faster than trade in final goods "
    "during the 1990s, and well-known models failed to predict it."
)


def write(path: Path, body: str) -> Path:
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def after_live(data: bytes) -> bytes:
    """The file after its one live entry (a1): the obsolete entries."""
    start = data.index(b"\n\n", data.index(b'msgctxt "a1"')) + 2
    return data[start:].rstrip(b"\n")


def test_obsolete_entries_msgmerge_wrote_are_kept_as_they_were(tmp_path: Path) -> None:
    old = write(
        tmp_path / "old.po",
        'msgctxt "a1"\nmsgid "Short one."\nmsgstr "Corta."\n\n'
        '# checked by Ana\nmsgctxt "a2"\nmsgid "The old one."\nmsgstr "La vieja."\n\n'
        f'msgctxt "a3"\nmsgid "{LONG} Twice."\nmsgstr "Largo."\n',
    )
    # The sources of a2 and a3 changed: msgmerge --previous makes them drafts with their
    # previous source; then they left the document, and msgmerge made them obsolete.
    changed = write(
        tmp_path / "changed.pot",
        'msgctxt "a1"\nmsgid "Short one."\nmsgstr ""\n\n'
        'msgctxt "a2"\nmsgid "The older one."\nmsgstr ""\n\n'
        f'msgctxt "a3"\nmsgid "{LONG}"\nmsgstr ""\n',
    )
    gone = write(tmp_path / "gone.pot", 'msgctxt "a1"\nmsgid "Short one."\nmsgstr ""\n')
    path = tmp_path / "paper.es.po"
    for source, pot in ((old, changed), (path, gone)):
        subprocess.run(
            ["msgmerge", "--previous", "-q", "-o", str(path), str(source), str(pot)], check=True
        )
    merged = path.read_bytes()
    assert b'#, fuzzy\n#~| msgctxt "a2"\n#~| msgid "The old one."' in merged
    tfile = TranslationFile.load(path)
    assert [(unit.state, unit.previous_source) for unit in tfile.obsolete] == [
        (SegmentState.EDITED, "The old one."),
        (SegmentState.EDITED, f"{LONG} Twice."),
    ]
    tfile.units["a1"].target = "Cortita."
    tfile.save()
    saved = path.read_bytes()
    assert b'msgstr "Cortita."' in saved
    assert after_live(saved) == after_live(merged)
    assert tfile.to_bytes() == tfile.full_bytes()
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--only-obsolete", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert '#~ msgctxt "a2"' in fuzzy and '#~ msgctxt "a3"' in fuzzy


def test_an_entry_termwise_makes_obsolete_is_written_as_msgattrib_writes_it(
    tmp_path: Path,
) -> None:
    units = [
        TranslationUnit("a1", "Short one.", "Corta.", SegmentState.REVIEWED),
        TranslationUnit(
            "a2",
            "The older one.",
            "La vieja.",
            SegmentState.MT,
            mt="La vieja.",
            notes="checked by Ana",
            previous_source="The old one.",
        ),
        TranslationUnit(
            "a3", LONG, "El comercio creció.", SegmentState.EDITED, previous_source=LONG + " Twice."
        ),
    ]
    path = tmp_path / "paper.es.po"
    live = TranslationFile(lang="es", source_lang="en", document_name="paper.md")
    live.units = {unit.segment_id: unit for unit in units}
    live.save(path)
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)  # wrapped at 79
    subprocess.run(["msgattrib", "--only-fuzzy", "-o", str(tmp_path / "sel.po"), str(path)])
    subprocess.run(
        ["msgattrib", "--set-obsolete", f"--only-file={tmp_path / 'sel.po'}", "-o", "-", str(path)],
        check=True,
        stdout=(tmp_path / "gettext.po").open("wb"),
    )
    tfile = TranslationFile.load(path)
    # The document lost a2 and a3: termwise keeps their work as obsolete entries.
    tfile.obsolete = [tfile.units.pop("a2"), tfile.units.pop("a3")]
    tfile.save()
    saved = path.read_bytes()
    assert after_live(saved) == after_live((tmp_path / "gettext.po").read_bytes())
    again = TranslationFile.load(path)
    assert [(u.state, u.previous_source, u.mt, u.notes) for u in again.obsolete] == [
        (u.state, u.previous_source, u.mt, u.notes) for u in units[1:]
    ]
