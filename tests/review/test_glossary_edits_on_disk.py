"""The workbench's glossary edits are made to the glossary file as it is on disk now.

A newcomer's walk-through: with the workbench open, ``termwise glossary add "gobernanza
universal" --concept T21 --lang es`` in another shell; back in the workbench a term added to
T21 rewrote ``key-terms.tbx`` from the copy the workbench held in memory, and "gobernanza
universal" was gone (the same with ``glossary remove``: the term came back). Another
program's ``termwise`` runs here as a subprocess, as in that shell.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import termwise
from termwise.errors import TermwiseError
from termwise.glossary import load_glossary
from termwise.glossary.model import TermStatus
from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


@pytest.fixture
def project(tmp_path: Path, argos_env: Path) -> ProjectLayout:
    """The seed paper and the project's own ``glossary/key-terms.tbx``."""
    (tmp_path / "glossary").mkdir()
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", tmp_path / "glossary" / "key-terms.tbx")
    shutil.copy(SEED, tmp_path / "paper.txt")
    return ProjectLayout.at(tmp_path)


def other_shell(layout: ProjectLayout, *args: str) -> None:
    """``termwise ARGS`` in another process, in the project folder, as a person would."""
    env = {**os.environ, "PYTHONPATH": str(Path(termwise.__file__).parents[1])}
    result = subprocess.run(
        [sys.executable, "-m", "termwise", *args],
        cwd=layout.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def es_terms(layout: ProjectLayout, concept: str) -> dict[str, TermStatus]:
    glossary = load_glossary(layout.glossary_dir)
    return {term.text: term.status for term in glossary.concept(concept).terms("es")}


def test_a_term_added_in_another_shell_survives_the_workbenchs_add(
    project: ProjectLayout,
) -> None:
    session = ReviewSession(project, project.root / "paper.txt", "es")
    other_shell(
        project, "glossary", "add", "gobernanza universal", "--concept", "T21", "--lang", "es"
    )
    path = session.add_term("T21", "es", "admitted", "gobernanza del mundo")
    assert path == project.glossary_dir / "key-terms.tbx"
    terms = es_terms(project, "T21")
    assert "gobernanza del mundo" in terms
    assert "gobernanza universal" in terms, "the other shell's term was written over"
    # The session reads the glossary as it is now: the other shell's term marks and checks.
    assert session.glossary is not None
    assert "gobernanza universal" in {t.text for t in session.glossary.concept("T21").all_terms}


def test_a_term_removed_in_another_shell_stays_removed_after_a_status_change(
    project: ProjectLayout,
) -> None:
    session = ReviewSession(project, project.root / "paper.txt", "es")
    assert session.glossary is not None
    concept = session.glossary.concept("T01")
    kept = next(t for t in concept.terms("es") if t.status is TermStatus.PREFERRED)
    gone = next(t for t in concept.terms("es") if t is not kept)
    other_shell(project, "glossary", "remove", gone.text, "--concept", "T01", "--lang", "es")
    session.set_term_status(concept, kept, "admitted")
    terms = es_terms(project, "T01")
    assert terms[kept.text] is TermStatus.ADMITTED
    assert gone.text not in terms, "the term another shell removed came back"


def test_undo_never_takes_back_another_programs_change(project: ProjectLayout) -> None:
    session = ReviewSession(project, project.root / "paper.txt", "es")
    session.add_term("T21", "es", "admitted", "gobernanza del mundo")
    other_shell(
        project, "glossary", "add", "gobernanza universal", "--concept", "T21", "--lang", "es"
    )
    # Ctrl+Z before the workbench looked at the disk: refused, saying why.
    with pytest.raises(TermwiseError, match="another program changed"):
        session.undo()
    terms = es_terms(project, "T21")
    assert {"gobernanza universal", "gobernanza del mundo"} <= terms.keys()
    assert not session.can_undo


def test_a_change_on_disk_is_read_in_once_and_forgets_the_steps_it_outdates(
    project: ProjectLayout,
) -> None:
    session = ReviewSession(project, project.root / "paper.txt", "es")
    path = session.add_term("T21", "es", "admitted", "gobernanza del mundo")
    # The workbench's own write is no change of another program's.
    assert session.reload_glossary() is None
    assert session.can_undo
    other_shell(
        project, "glossary", "add", "gobernanza universal", "--concept", "T21", "--lang", "es"
    )
    version = session.glossary_version
    reload = session.reload_glossary()
    assert reload is not None
    assert reload.files == (path,) and reload.undo_forgotten == (path,)
    assert session.glossary_version > version  # the checks run under the new glossary
    assert session.glossary is not None
    assert "gobernanza universal" in {t.text for t in session.glossary.concept("T21").all_terms}
    assert not session.can_undo
    assert session.reload_glossary() is None  # told once


def test_undo_of_the_workbenchs_own_edit_still_works(project: ProjectLayout) -> None:
    session = ReviewSession(project, project.root / "paper.txt", "es")
    other_shell(
        project, "glossary", "add", "gobernanza universal", "--concept", "T21", "--lang", "es"
    )
    session.add_term("T21", "es", "admitted", "gobernanza del mundo")
    session.undo()
    terms = es_terms(project, "T21")
    # Undo takes back the workbench's term only: the file is as the other shell left it.
    assert "gobernanza del mundo" not in terms and "gobernanza universal" in terms
    session.redo()
    assert {"gobernanza universal", "gobernanza del mundo"} <= es_terms(project, "T21").keys()


def test_a_further_variant_is_offered_deprecated_and_a_second_preferred_is_told(
    project: ProjectLayout,
) -> None:
    session = ReviewSession(project, project.root / "paper.txt", "es")
    # As `glossary add` gives it: T21 has its Spanish rendering; T01's German is new.
    assert session.default_term_status("T21", "es") is TermStatus.DEPRECATED
    assert session.default_term_status("T21", "it") is TermStatus.PREFERRED
    assert session.default_term_status("a-new-concept", "es") is TermStatus.PREFERRED
    said: list[str] = []
    session.add_term("T21", "es", "", "gobernanza mundial", tell=said.append)
    assert es_terms(project, "T21")["gobernanza mundial"] is TermStatus.DEPRECATED
    assert said == []
    session.add_term("T21", "es", "preferred", "gobernanza del mundo", tell=said.append)
    assert said == [
        "warning: T21 has another preferred es term, 'gobernanza global': MT forces the "
        "first it meets, and the checks call the other inconsistent; give one of them "
        "another status"
    ]
