"""``check`` takes a correctly inflected Spanish or French plural for the term: "Muchas
globalizaciones económicas" was reported as missing "globalización económica" (T36)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "Many economic globalizations have happened in history."
TARGETS = {
    "es": "Muchas globalizaciones económicas han ocurrido en la historia.",
    "fr": "Plusieurs mondialisations économiques ont eu lieu dans l'histoire.",
}


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_a_plural_rendering_is_no_missing_term(tmp_path: Path, lang: str) -> None:
    (tmp_path / "paper.txt").write_text(SOURCE + "\n", encoding="utf-8")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    segment = load_document(tmp_path / "paper.txt", lang="en").segments[0]
    tfile = TranslationFile(lang=lang, source_lang="en")
    tfile.units[segment.id] = TranslationUnit(
        segment_id=segment.id,
        source=segment.text,
        target=TARGETS[lang],
        state=SegmentState.REVIEWED,
    )
    (tmp_path / "translations").mkdir()
    tfile.save(tmp_path / "translations" / f"paper.{lang}.po")
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(tmp_path), "check", "paper.txt"]
        + ["--to", lang, "--format", "json", "--variations"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert not [i for i in report["issues"] if i["concept"] == "T36"], report["issues"]
    # Found on both sides, the plural as an inflected form of the glossary's term.
    (t36,) = [v for v in report["variations"] if v["concept"] == "T36"]
    target = [r for r in t36["renderings"] if r["lang"] == lang]
    assert [(r["status"], r["forms"]) for r in target] == [
        ("preferred", {" ".join(TARGETS[lang].split()[1:3]): 1})
    ]
