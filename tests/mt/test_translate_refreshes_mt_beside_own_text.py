"""``translate`` after a glossary change refreshes the MT stored beside a translator's text.

A segment reviewed by hand keeps the MT it was drafted from (``#. mt:``), which the
workbench shows beside it and Ctrl+T puts back. Once the glossary gained a Spanish
rendering for T25, ``translate`` printed the new MT but said the file "already holds these
machine translations: left as it was": the PO kept the MT with the deprecated rendering and
the false "no preferred Spanish rendering" line. Real Apertium, real files, the command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

ROOT = Path(__file__).resolve().parents[2]
TEXT = "China wants to be a responsible big country in world affairs.\n\nThe aid grew fast.\n"
OWN = "China quiere ser un país responsable de primer orden en los asuntos mundiales."
NO_RENDERING = "glossary: T25 left to the engine: the glossary has no preferred Spanish rendering"

pytestmark = pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Apertium")


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / ".cache"))
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def translate(project: Path) -> subprocess.CompletedProcess[str]:
    run = termwise("translate", "aid.txt", "--to", "es", "--engine", "apertium", cwd=project)
    assert run.returncode == 0, run.stderr
    return run


def test_new_mt_replaces_the_mt_beside_a_reviewed_translation(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "aid.txt").write_text(TEXT, encoding="utf-8")
    translate(tmp_path)
    path = tmp_path / "translations" / "aid.es.po"
    tfile = TranslationFile.load(path)
    unit = next(u for u in tfile.units.values() if u.source.startswith("China"))
    old_mt = unit.mt
    assert old_mt is not None and "gran país responsable" not in old_mt
    assert NO_RENDERING in unit.comments
    # The translator's own text, reviewed (no fuzzy flag), as the workbench saves it.
    unit.set_translation(OWN, reviewed=True)
    tfile.save(path)
    assert '#, fuzzy\nmsgctxt "' + unit.segment_id not in path.read_text(encoding="utf-8")

    added = termwise(
        "glossary", "add", "gran país responsable", "--concept", "T25", "--lang", "es", cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    run = translate(tmp_path)
    assert "gran país responsable" in run.stdout
    assert "left as it was" not in run.stderr
    assert "refreshed the MT beside 1 translation a person made" in run.stderr

    again = TranslationFile.load(path)
    unit = again.units[unit.segment_id]
    assert unit.target == OWN and unit.state is SegmentState.REVIEWED
    assert unit.mt is not None and "gran país responsable" in unit.mt
    assert (unit.mt_engine, unit.mt_model) == ("apertium", "eng-spa")
    assert NO_RENDERING not in unit.comments
    assert any(c.startswith("glossary: T25 -> gran país responsable") for c in unit.comments)

    # Nothing new the next time: the file is left as it was, and nothing is refreshed.
    last = translate(tmp_path)
    assert "already holds these machine translations: left as it was" in last.stderr
    assert "refreshed" not in last.stderr
