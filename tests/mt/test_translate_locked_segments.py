"""``translate`` and locked segments (``#, read-only``: Weblate's lock, an import's
translate="no"), with real Apertium and the ``termwise`` command itself.

A locked segment's MT is never saved nor applied, yet ``translate`` machine-translated and
printed it (``es: <new MT>``) as it did the segments it saved. A locked sentence whose
source was reworded keeps its lock and the old words' MT, so the printed MT was not the one
the file holds, and a second run said the file "already holds these machine translations".
Now a locked segment is neither translated nor printed, and one line says how many were
left as they are, and that a reworded one keeps the old words' MT.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.project.translation_file import TranslationFile
from termwise.project.units import READ_ONLY_FLAG

pytestmark = pytest.mark.skipif(not shutil.which("apertium"), reason="needs apertium eng-spa")

OLD = "The committee met in Paris in May of that year."
NEW = "The committee met in Geneva in May of that year."
FREE = "The rest of the text is free to translate."


def termwise(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "termwise", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


def translate(folder: Path) -> subprocess.CompletedProcess[str]:
    return termwise(folder, "translate", "doc.md", "--to", "es", "--engine", "apertium")


def lock_first_entry(po: Path) -> None:
    """Lock the entry of ``OLD`` as Weblate does: its flag line gains ``read-only``."""
    text = po.read_text(encoding="utf-8")
    start = text.index(f'msgid "{OLD}"')
    flags = text.rindex("#, fuzzy\n", 0, start)
    po.write_text(text[:flags] + "#, fuzzy, read-only\n" + text[flags + 9 :], encoding="utf-8")


def test_a_locked_segment_is_not_translated_nor_printed(tmp_path: Path) -> None:
    document = tmp_path / "doc.md"
    document.write_text(f"{OLD}\n\n{FREE}\n", encoding="utf-8")
    translate(tmp_path)
    po = tmp_path / "translations" / "doc.es.po"
    lock_first_entry(po)
    old_mt = TranslationFile.load(po).units
    (locked_mt,) = [unit.mt for unit in old_mt.values() if unit.source == OLD]
    assert locked_mt and "París" in locked_mt

    same = translate(tmp_path)
    assert OLD not in same.stdout and FREE in same.stdout
    assert "termwise: 1 locked segment (read-only) left as it is: not machine-translated\n" in (
        same.stderr
    )

    # Reworded: the lock stays, with the old words' MT; nothing is printed for it.
    document.write_text(f"{NEW}\n\n{FREE}\n", encoding="utf-8")
    for run in (translate(tmp_path), translate(tmp_path)):
        assert "Geneva" not in run.stdout and "Ginebra" not in run.stdout, run.stdout
        assert FREE in run.stdout
        assert (
            "termwise: 1 locked segment (read-only) left as it is: not machine-translated; its "
            "source changed since it was locked, and it keeps the old words' MT: look whether "
            "the lock holds"
        ) in run.stderr
        units = TranslationFile.load(po).units.values()
        (kept,) = [unit for unit in units if unit.source == NEW]
        assert READ_ONLY_FLAG in kept.flags
        assert kept.mt == locked_mt and kept.previous_source == OLD
