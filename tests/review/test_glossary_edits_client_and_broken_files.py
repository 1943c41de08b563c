"""The workbench's glossary edits beside a client's CSV file, and with a broken file.

Two walk-throughs. A glossary folder holding only ``client.csv``: adding a term to its
concept r2 said "no concept 'r2'", and a status change said "another program changed the
glossary", neither of them true. A term added, then another program writes a broken
``other.tbx``, then Ctrl+Z: ``key-terms.tbx`` was put back, reading the folder again failed,
the step was neither undone nor redoable, and the marks still showed the term.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termwise.errors import InputError
from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout
from termwise.review.session import GlossaryUnreadable, ReviewSession
from termwise.terms.recording import NotRewritten

ROOT = Path(__file__).resolve().parents[2]
CLIENT = "English;Spanish\nglobal governance;gobernanza mundial\nforeign aid;ayuda exterior\n"
BROKEN = '<?xml version="1.0"?><tbx><text><body><conceptEntry id="q"><langSec'
PAPER = "Global governance needs reform.\n\nForeign aid is large.\n"


def _project(root: Path, files: dict[str, str]) -> ProjectLayout:
    (root / "glossary").mkdir()
    for name, text in files.items():
        (root / "glossary" / name).write_text(text, encoding="utf-8")
    (root / "paper.txt").write_text(PAPER, encoding="utf-8")
    return ProjectLayout.at(root)


@pytest.fixture
def client_only(tmp_path: Path) -> ProjectLayout:
    return _project(tmp_path, {"client.csv": CLIENT})


@pytest.fixture
def key_terms(tmp_path: Path) -> ProjectLayout:
    layout = _project(tmp_path, {})
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", layout.glossary_dir / "key-terms.tbx")
    return layout


def _files(layout: ProjectLayout) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in layout.glossary_dir.iterdir()}


def _es(session: ReviewSession, concept: str) -> set[str]:
    assert session.glossary is not None
    return {term.text for term in session.glossary.concept(concept).terms("es")}


def test_a_term_for_a_csv_concept_is_refused_naming_the_file(client_only: ProjectLayout) -> None:
    session = ReviewSession(client_only, client_only.root / "paper.txt", "es")
    before = _files(client_only)
    with pytest.raises(NotRewritten) as refusal:
        session.add_term("r2", "es", "", "gobernanza planetaria")
    assert "r2 is held in client.csv, which termwise does not rewrite" in str(refusal.value)
    assert _files(client_only) == before
    assert not session.can_undo
    assert _es(session, "r2") == {"gobernanza mundial"}


def test_a_status_change_of_a_csv_term_is_refused_naming_the_file(
    client_only: ProjectLayout,
) -> None:
    session = ReviewSession(client_only, client_only.root / "paper.txt", "es")
    assert session.glossary is not None
    concept = session.glossary.concept("r2")
    before = _files(client_only)
    with pytest.raises(NotRewritten) as refusal:
        session.set_term_status(concept, concept.terms("es")[0], "deprecated")
    message = str(refusal.value)
    assert "'gobernanza mundial' (es) of r2 is held in client.csv" in message
    assert "another program" not in message
    assert _files(client_only) == before
    assert not session.can_undo


def test_undo_waits_while_a_glossary_file_cannot_be_read(key_terms: ProjectLayout) -> None:
    session = ReviewSession(key_terms, key_terms.root / "paper.txt", "es")
    session.add_term("T21", "es", "admitted", "gobernanza del mundo")
    added = (key_terms.glossary_dir / "key-terms.tbx").read_bytes()
    other = key_terms.glossary_dir / "other.tbx"
    other.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(GlossaryUnreadable) as refusal:
        session.undo()
    assert "other.tbx" in str(refusal.value)
    # Nothing changed: disk, memory and the step agree, and the step is still to undo.
    assert (key_terms.glossary_dir / "key-terms.tbx").read_bytes() == added
    assert "gobernanza del mundo" in _es(session, "T21")
    assert session.can_undo and not session.can_redo
    other.unlink()
    session.undo()
    assert "gobernanza del mundo" not in _es(session, "T21")
    assert "gobernanza del mundo" not in {
        term.text for term in load_glossary(key_terms.glossary_dir).concept("T21").terms("es")
    }
    assert session.can_redo


def test_redo_waits_while_a_glossary_file_cannot_be_read(key_terms: ProjectLayout) -> None:
    session = ReviewSession(key_terms, key_terms.root / "paper.txt", "es")
    session.add_term("T21", "es", "admitted", "gobernanza del mundo")
    session.undo()
    undone = (key_terms.glossary_dir / "key-terms.tbx").read_bytes()
    other = key_terms.glossary_dir / "other.tbx"
    other.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(GlossaryUnreadable):
        session.redo()
    assert (key_terms.glossary_dir / "key-terms.tbx").read_bytes() == undone
    assert "gobernanza del mundo" not in _es(session, "T21")
    assert session.can_redo
    other.unlink()
    session.redo()
    assert "gobernanza del mundo" in _es(session, "T21")


def test_a_status_change_with_a_broken_file_writes_nothing(key_terms: ProjectLayout) -> None:
    # key-terms.tbx comes before other.tbx: its term was rewritten, then reading the folder
    # failed, and the marks kept the old status of a term disk had changed.
    session = ReviewSession(key_terms, key_terms.root / "paper.txt", "es")
    assert session.glossary is not None
    concept = session.glossary.concept("T21")
    before = (key_terms.glossary_dir / "key-terms.tbx").read_bytes()
    (key_terms.glossary_dir / "other.tbx").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(InputError):
        session.set_term_status(concept, concept.terms("es")[0], "deprecated")
    assert (key_terms.glossary_dir / "key-terms.tbx").read_bytes() == before
    assert not session.can_undo


def test_a_reload_that_failed_names_every_file_changed_since_the_last_read(
    key_terms: ProjectLayout,
) -> None:
    # The failed read was taken as read: once the broken file went, the reload named it
    # alone, not the term another program had added to key-terms.tbx meanwhile.
    session = ReviewSession(key_terms, key_terms.root / "paper.txt", "es")
    tbx = key_terms.glossary_dir / "key-terms.tbx"
    tbx.write_text(
        tbx.read_text(encoding="utf-8").replace("gobernanza global", "gobernanza universal"),
        encoding="utf-8",
    )
    other = key_terms.glossary_dir / "other.tbx"
    other.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(InputError):
        session.reload_glossary()
    other.unlink()
    reload = session.reload_glossary()
    assert reload is not None and tbx in reload.files
    assert "gobernanza universal" in _es(session, "T21")
