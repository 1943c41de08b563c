"""The project's chosen rendering (``[mt.terms]`` in termwise.toml) is the one the term
checks measure against and their fixes write, as MT writes it: they put the glossary's
preferred term back over the project's decision ("use “comunidad de futuro compartido de
la humanidad”" 33 times on a translation MT made with the admitted rendering)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.glossary import save_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

PREFERRED = "comunidad de futuro compartido de la humanidad"
CHOSEN = "comunidad global de futuro compartido"

DOC = """\
We build a community with a shared future for mankind.

The community with a shared future for mankind is open.

It is a community of common destiny in practice.

Nobody opposes the community with a shared future for mankind.
"""

TRANSLATIONS = {
    "We build a community with a shared future for mankind.": f"Construimos una {CHOSEN}.",
    "The community with a shared future for mankind is open.": f"La {CHOSEN} es abierta.",
    "It is a community of common destiny in practice.": (
        "Es una comunidad de destino de la humanidad en la práctica."
    ),
    "Nobody opposes the community with a shared future for mankind.": (
        f"Nadie se opone a la {PREFERRED}."
    ),
}


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


@pytest.fixture
def project(tmp_path: Path, argos_env: Path) -> Path:
    (tmp_path / "paper.txt").write_text(DOC, encoding="utf-8")
    glossary = Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("community with a shared future for mankind", "en"),
                    Term("community of common destiny", "en", TermStatus.SUPERSEDED),
                    Term(PREFERRED, "es"),
                    Term("comunidad de destino de la humanidad", "es", TermStatus.SUPERSEDED),
                    Term(CHOSEN, "es", TermStatus.ADMITTED),
                ],
            )
        ]
    )
    (tmp_path / "glossary").mkdir()
    save_glossary(glossary, tmp_path / "glossary" / "terms.tbx")
    (tmp_path / "termwise.toml").write_text(
        f'[mt]\nengine = "apertium"\n\n[mt.terms]\nT01 = "{CHOSEN}"\n', encoding="utf-8"
    )
    document = load_document(tmp_path / "paper.txt", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment in document.segments:
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id,
            source=segment.text,
            target=TRANSLATIONS[segment.text],
            state=SegmentState.REVIEWED,
        )
    (tmp_path / "translations").mkdir()
    tfile.save(tmp_path / "translations" / "paper.es.po")
    return tmp_path


def test_check_measures_consistency_against_the_projects_choice(project: Path) -> None:
    result = termwise(project, "check", "paper.txt", "--to", "es", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    issues = json.loads(result.stdout)
    inconsistent = [i for i in issues if i["check"] == "term-inconsistent"]
    # Only the preferred rendering differs from the project's; the two chosen ones are right.
    assert [i["text"] for i in inconsistent] == [PREFERRED]
    assert inconsistent[0]["suggestion"] == CHOSEN
    assert f"use “{CHOSEN}” (the project's choice" in inconsistent[0]["message"]
    forbidden = [i for i in issues if i["check"] == "term-forbidden"]
    assert [(i["text"], i["suggestion"]) for i in forbidden] == [
        ("comunidad de destino de la humanidad", CHOSEN)
    ]


def test_fix_everywhere_writes_the_projects_choice(project: Path) -> None:
    result = termwise(project, "fix", "paper.txt", "--to", "es", "--everywhere")
    assert result.returncode == 0, result.stdout + result.stderr
    targets = TranslationFile.load(project / "translations" / "paper.es.po").units.values()
    assert [unit.target for unit in targets] == [
        f"Construimos una {CHOSEN}.",
        f"La {CHOSEN} es abierta.",
        f"Es una {CHOSEN} en la práctica.",
        f"Nadie se opone a la {CHOSEN}.",
    ]


def test_without_a_choice_the_preferred_term_stands(project: Path) -> None:
    (project / "termwise.toml").write_text('[mt]\nengine = "apertium"\n', encoding="utf-8")
    result = termwise(project, "check", "paper.txt", "--to", "es", "--format", "json")
    issues = json.loads(result.stdout)
    inconsistent = [i for i in issues if i["check"] == "term-inconsistent"]
    assert [i["text"] for i in inconsistent] == [CHOSEN, CHOSEN]
    assert all(i["suggestion"] == PREFERRED for i in inconsistent)
    assert all("project's choice" not in i["message"] for i in inconsistent)
