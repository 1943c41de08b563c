"""Segments other CAT tools lock come in read-only, as those marked translate="no" do:
memoQ's ``mq:locked="locked"`` on a trans-unit, Trados Studio's ``locked="true"`` on the
segment's ``sdl:seg``. The import says which lock it read; the segment keeps the file's text
and is flagged ``read-only`` (Weblate's flag), with a comment saying who locked it, so that
machine translation and the workbench leave it alone."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.mt.engine import MTResult
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import record_machine_translation
from termwise.project.units import SegmentState, TranslationUnit

from .test_xliff12_extensions import DOC, MEMOQ, SDLXLIFF

READ_ONLY_FLAG = "read-only"

# memoQ: the second unit locked (a reviewed translation the client signed off).
MEMOQ_LOCKED = MEMOQ.replace(
    '<trans-unit id="2" mq:status="PartiallyEdited"',
    '<trans-unit id="2" mq:status="ManuallyConfirmed" mq:locked="locked"',
)
# memoQ writes mq:locked="False" on an unlocked unit in some versions: no lock.
MEMOQ_UNLOCKED = MEMOQ.replace(
    '<trans-unit id="1" mq:status="ManuallyConfirmed"',
    '<trans-unit id="1" mq:status="ManuallyConfirmed" mq:locked="False"',
)
# Trados: the first segment locked (a context match), the second not.
TRADOS_LOCKED = SDLXLIFF.replace(
    '<sdl:seg id="1" conf="Translated" origin="interactive"/>',
    '<sdl:seg id="1" conf="Translated" origin="tm" percent="101" locked="true"/>',
)
# A locked segment with no translation yet (memoQ locks numbers, codes): its text is the
# source, as a unit not for translation keeps it.
MEMOQ_LOCKED_EMPTY = MEMOQ.replace(
    '<trans-unit id="2" mq:status="PartiallyEdited" mq:percent="0" xml:space="preserve">\n'
    '        <source xml:space="preserve">The file was saved.</source>\n'
    '        <target xml:space="preserve">Se guardó el archivo.</target>',
    '<trans-unit id="2" mq:status="NotStarted" mq:locked="locked" xml:space="preserve">\n'
    '        <source xml:space="preserve">The file was saved.</source>',
)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def import_text(tmp_path: Path, name: str, text: str) -> tuple[dict[str, TranslationUnit], str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    return {unit.source: unit for unit in tfile}, result.output


def test_memoq_lock_makes_the_segment_read_only(tmp_path: Path) -> None:
    units, output = import_text(tmp_path, "doc.mqxliff", MEMOQ_LOCKED)
    assert 'locked in the file:     1 (memoQ mq:locked="locked"; marked read-only)' in output
    assert '1 segment locked in the file (memoQ mq:locked="locked")' in output  # the warning
    locked = units["The file was saved."]
    assert READ_ONLY_FLAG in locked.flags
    # A translation of its own keeps the file's state (memoQ's "confirmed": edited).
    assert locked.target == "Se guardó el archivo." and locked.state is SegmentState.EDITED
    assert locked.comments == (
        'Locked (memoQ mq:locked="locked" in doc.mqxliff): keep the text as it is',
    )
    free = units["The file could not be read."]
    assert READ_ONLY_FLAG not in free.flags and not free.comments

    # Machine translation leaves it alone (`termwise translate`, the workbench's F2).
    path = tmp_path / "proj" / "translations" / "doc.es.po"
    tfile = TranslationFile.load(path)
    unit = next(u for u in tfile if u.source == "The file was saved.")
    unit.target, unit.state = "", SegmentState.NEW
    record_machine_translation(tfile, [MTResult(unit.source, "MT", "argos", "m")])
    assert unit.target == "" and unit.mt is None


def test_memoq_unlocked_units_stay_free(tmp_path: Path) -> None:
    units = read_units(_write(tmp_path, "doc.mqxliff", MEMOQ_UNLOCKED))
    assert [unit.locked for unit in units] == [None, None]
    _, output = import_text(tmp_path, "doc2.mqxliff", MEMOQ_UNLOCKED)
    assert "locked in the file:     0" in output and "marked read-only" not in output


def test_trados_segment_lock_makes_the_segment_read_only(tmp_path: Path) -> None:
    read = read_units(_write(tmp_path, "doc.sdlxliff", TRADOS_LOCKED))
    assert [unit.locked for unit in read] == ['Trados sdl:seg locked="true"', None]
    units, output = import_text(tmp_path, "doc2.sdlxliff", TRADOS_LOCKED)
    assert 'locked in the file:     1 (Trados sdl:seg locked="true"; marked read-only)' in output
    locked = units["The file could not be read."]
    assert READ_ONLY_FLAG in locked.flags and locked.target == "No se pudo leer el archivo."
    assert locked.comments == (
        'Locked (Trados sdl:seg locked="true" in doc2.sdlxliff): keep the text as it is',
    )
    assert READ_ONLY_FLAG not in units["The file was saved."].flags


def test_a_locked_segment_without_translation_keeps_the_source(tmp_path: Path) -> None:
    units, _ = import_text(tmp_path, "doc.mqxliff", MEMOQ_LOCKED_EMPTY)
    locked = units["The file was saved."]
    assert READ_ONLY_FLAG in locked.flags
    assert locked.target == "The file was saved." and locked.state is SegmentState.REVIEWED


def test_importing_the_locked_file_again_adds_nothing(tmp_path: Path) -> None:
    units, _ = import_text(tmp_path, "doc.mqxliff", MEMOQ_LOCKED)
    root = tmp_path / "proj"
    again = run(
        root, "import", str(tmp_path / "doc.mqxliff"), "--doc", str(root / "doc.txt"), "--to", "es"
    )
    assert again.exit_code == 0, again.output
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    locked = next(unit for unit in tfile if unit.source == "The file was saved.")
    assert locked.comments == units["The file was saved."].comments
    assert locked.notes == ""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
