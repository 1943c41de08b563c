"""An edition's note on a marked term names the rendering the project chose ([mt.terms]), as
the checks and MT do: it named the glossary's preferred term over the project's decision."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from termwise.document import load_document
from termwise.glossary import save_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

PREFERRED = "comunidad de futuro compartido de la humanidad"
CHOSEN = "comunidad global de futuro compartido"
OLD = "comunidad de destino de la humanidad"


def project(root: Path, settings: str) -> Path:
    (root / "paper.txt").write_text(
        "We build a community with a shared future for mankind.\n\n"
        "It is a community with a shared future for mankind in practice.\n",
        encoding="utf-8",
    )
    glossary = Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("community with a shared future for mankind", "en"),
                    Term(PREFERRED, "es"),
                    Term(OLD, "es", TermStatus.SUPERSEDED),
                    Term(CHOSEN, "es", TermStatus.ADMITTED),
                ],
            )
        ]
    )
    (root / "glossary").mkdir()
    save_glossary(glossary, root / "glossary" / "terms.tbx")
    (root / "termwise.toml").write_text(settings, encoding="utf-8")
    document = load_document(root / "paper.txt", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    targets = [f"Construimos una {CHOSEN}.", f"Es una {OLD} en la práctica."]
    for segment, target in zip(document.segments, targets, strict=True):
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id, source=segment.text, target=target, state=SegmentState.REVIEWED
        )
    (root / "translations").mkdir()
    tfile.save(root / "translations" / "paper.es.po")
    return root


def tips(root: Path) -> list[str]:
    out = root / "paper.es.html"
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(root), "export", "paper.txt"]
        + ["--to", "es", "--format", "html", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert result.returncode == 0, result.stderr
    return re.findall(r'<span class="term[^"]*"[^>]*title="([^"]*)"', out.read_text("utf-8"))


def test_the_edition_names_the_projects_choice_as_official(tmp_path: Path) -> None:
    shown = tips(project(tmp_path, f'[mt.terms]\nT01 = "{CHOSEN}"\n'))
    old = [tip for tip in shown if "superseded" in tip]
    assert old and all(f"official: {CHOSEN}" in tip for tip in old), shown
    # The chosen rendering is official itself: its note names no other.
    admitted = [tip for tip in shown if "admitted" in tip]
    assert admitted and not any("official:" in tip for tip in admitted), shown


def test_without_a_choice_the_preferred_term_is_official(tmp_path: Path) -> None:
    shown = tips(project(tmp_path, "[mt]\n"))
    old = [tip for tip in shown if "superseded" in tip]
    assert old and all(f"official: {PREFERRED}" in tip for tip in old), shown
    admitted = [tip for tip in shown if "admitted" in tip]
    assert admitted and all(f"official: {PREFERRED}" in tip for tip in admitted), shown
