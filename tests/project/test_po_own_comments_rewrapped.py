"""termwise's own extracted comments that polib wrapped come back whole.

polib saves a PO file with every comment line wrapped at 78 columns. termwise rejoined its
``#. mt:`` lines but not the others: after ``polib.pofile(...).save()`` the seed paper's
``glossary:`` lines came back as fragments ("rendering", "lexical)", "suffix rule (suffix
-anza (es))"), which the XLIFF export carried as 67 developer notes and a later
``translate`` left behind. Real polib, real files (and real Apertium for the seed paper).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from termwise.export.xliff import source_comments
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

ROOT = Path(__file__).resolve().parents[2]
MT = (
    "La gobernanza global necesita la comunidad de futuro compartido de la humanidad, y los "
    "países pueden compartir tecnología y recursos para el desarrollo común del mundo."
)
OWN = (
    "glossary: T02 left to the engine: the glossary has no preferred Spanish rendering",
    "glossary: T01 -> comunidad de futuro compartido de la humanidad (apertium-lexical)",
    "glossary: T25 -> gobernanza (apertium-lexical): feminine by the suffix rule (suffix "
    "-anza (es))",
    "align: confidence 0.42, group 2-1, numbers differ (8579 m; 8597 m), published: "
    '"well-known text of the published translation"',
    'Not for translation (translate="no" in the-client-delivery-file-2024.xlf): keep the '
    "text as it is",
)


def polib_saves(path: Path) -> None:
    """Another program (a polib script) opens the file and saves it, as polib writes."""
    polib.pofile(str(path)).save()


def test_every_own_comment_polib_wrapped_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.txt")
    unit = TranslationUnit(
        "a1", "Global governance needs it.", MT, SegmentState.MT, mt=MT, mt_engine="apertium"
    )
    # Weblate's words on a lock follow termwise's read-only reason, whole once it ends.
    unit.comments = ("Translators: keep the figures.", *OWN, "Locked in Weblate: legal text")
    tfile.units["a1"] = unit
    tfile.save(path)
    polib_saves(path)
    assert "\n#. rendering\n" in path.read_text(encoding="utf-8")  # polib did wrap them
    loaded = TranslationFile.load(path).units["a1"]
    assert loaded.comments == unit.comments
    assert loaded.mt == MT and loaded.state is SegmentState.MT
    assert source_comments(loaded) == [
        "Translators: keep the figures.",
        OWN[-1],
        "Locked in Weblate: legal text",
    ]


def test_a_comment_after_a_short_own_line_stays_its_own(tmp_path: Path) -> None:
    # The developer's comment follows a termwise line that polib left whole: no wrapper
    # broke there, so it is no continuation of it.
    path = tmp_path / "paper.es.po"
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.txt")
    unit = TranslationUnit("a1", "It is ours.", MT, SegmentState.MT, mt=MT)
    unit.comments = ("glossary: T01 -> comunidad (lexical)", "Keep it short.")
    tfile.units["a1"] = unit
    tfile.save(path)
    polib_saves(path)
    assert TranslationFile.load(path).units["a1"].comments == unit.comments


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Apertium")
def test_the_seed_paper_after_polib_has_no_comment_fragments(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    shutil.copy(ROOT / "seeds" / "000_204c7e650900ae41.txt", tmp_path / "paper.txt")
    run = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "translate", "paper.txt", "--to", "es"]
        + ["--engine", "apertium"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path / ".cache")),
        check=False,
    )
    assert run.returncode == 0, run.stderr
    path = tmp_path / "translations" / "paper.es.po"
    before = {u.segment_id: (u.comments, u.mt) for u in TranslationFile.load(path).units.values()}
    polib_saves(path)
    after = TranslationFile.load(path).units.values()
    assert {u.segment_id: (u.comments, u.mt) for u in after} == before
    assert [c for u in after for c in source_comments(u)] == []
