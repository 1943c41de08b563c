"""What the workbench records (a candidate accepted in F6, a term added in F9) goes through
``record_term``, which ``glossary add`` calls too: another concept's term is refused saying
why, a term the matcher reads as another concept's is warned of, and a term the glossary
has already names the options that change it. Only ``glossary add`` did so, in the
command's own code; the workbench recorded "worlds peace" beside "world peace" silently
and answered another concept's term with an option it has not ("--status")."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.glossary import load_glossary
from termwise.glossary.formats import save_glossary
from termwise.glossary.model import Concept, Glossary, Term
from termwise.terms.recording import RecordingError, record_term


def _glossary(path: Path) -> Path:
    save_glossary(
        Glossary(
            [
                Concept("security", all_terms=[Term("security", "en"), Term("seguridad", "es")]),
                Concept("safety", all_terms=[Term("safety", "en")]),
                Concept("world-peace", all_terms=[Term("world peace", "en")]),
            ],
            lang="en",
        ),
        path,
    )
    return path


def test_another_concepts_source_term_is_refused_saying_why(tmp_path: Path) -> None:
    path = _glossary(tmp_path / "glossary.tbx")
    before = path.read_bytes()
    with pytest.raises(RecordingError) as refused:
        record_term(path, "security", "en", concept_id="safety", tell=[].append)
    message = str(refused.value)
    assert message.startswith(
        "'security' (en) is a term of security already, and one term of two concepts is "
        "refused: MT leaves it to the engine"
    )
    assert "termwise glossary remove 'security' --concept security" in message
    assert "--status" not in message
    assert path.read_bytes() == before


def test_a_target_homonym_is_recorded_with_a_warning(tmp_path: Path) -> None:
    path = _glossary(tmp_path / "glossary.tbx")
    said: list[str] = []
    record_term(path, "seguridad", "es", concept_id="safety", tell=said.append)
    assert said == [
        "warning: 'seguridad' (es) is a term of security and of safety: a homonym, which "
        "the checks read as the concept the source names; if it is a slip, keep it in one "
        "of them"
    ]
    glossary = load_glossary(path)
    assert [t.text for t in glossary.concept("safety").terms("es")] == ["seguridad"]
    assert [t.text for t in glossary.concept("security").terms("es")] == ["seguridad"]


def test_the_same_words_as_another_concepts_term_are_warned_of(tmp_path: Path) -> None:
    path = _glossary(tmp_path / "glossary.tbx")
    said: list[str] = []
    _, concept, _ = record_term(path, "worlds peace", "en", tell=said.append)
    assert said == [
        "warning: 'worlds peace' (en) of worlds-peace and 'world peace' of world-peace are "
        "the same words to the matcher (inflection aside): wherever one stands in a text, so "
        "does the other, and neither MT nor the checks can tell which concept it names "
        "there; give one of them another term, or make them one concept"
    ]
    # Warned, not refused: two terms someone may mean as they are.
    assert [t.text for t in load_glossary(path).concept(concept).terms("en")] == ["worlds peace"]


def test_a_folder_warns_of_another_files_concept(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    _glossary(folder / "client.tbx")
    save_glossary(
        Glossary([Concept("wind", all_terms=[Term("wind farm", "en")])]), folder / "a.tbx"
    )
    said: list[str] = []
    record_term(folder, "worlds peace", "en", concept_id="wind", tell=said.append)
    assert [line.split(" are ")[0] for line in said] == [
        "warning: 'worlds peace' (en) of wind and 'world peace' of world-peace"
    ]


def test_a_term_the_glossary_has_names_the_options_that_change_it(tmp_path: Path) -> None:
    path = _glossary(tmp_path / "glossary.tbx")
    with pytest.raises(RecordingError) as refused:
        record_term(path, "Safety", "en", tell=[].append)
    assert str(refused.value) == (
        f"'Safety' is already a term of safety in {path}, preferred; to give it another "
        "status: termwise glossary add 'safety' --concept safety --status STATUS (in the "
        "workbench, on the term in the glossary panel, F9)"
    )


def test_glossary_add_says_the_same(tmp_path: Path) -> None:
    _glossary(tmp_path / "glossary" / "glossary.tbx")
    refused = termwise(
        "glossary", "add", "security", "--concept", "safety", "--lang", "en", cwd=tmp_path
    )
    assert refused.returncode == 2
    assert "is a term of security already, and one term of two concepts is refused" in (
        refused.stderr
    )
    added = termwise("glossary", "add", "worlds peace", "--lang", "en", cwd=tmp_path)
    assert added.returncode == 0
    assert added.stderr.count("are the same words to the matcher") == 1
    # The status of a term the glossary has: warned of as well, as before.
    status = termwise(
        "glossary", "add", "worlds peace", "--status", "admitted", "--lang", "en", cwd=tmp_path
    )
    assert status.returncode == 0
    assert status.stderr.count("are the same words to the matcher") == 1
