"""One target rendering for two concepts ("seguridad" for security and safety) is normal in
terminology, and the checks read it as the concept the source names: ``glossary add``
takes it with a warning. In the glossary's own language one term of two concepts is still
refused, saying why and how to move the term, not to give --status (which changes the other
concept's term)."""

from __future__ import annotations

from pathlib import Path

from checks.documents import build_document
from support.command_line import termwise
from termwise.checks import run_checks
from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, Glossary, Term


def test_add_takes_a_target_homonym_with_a_warning(tmp_path: Path) -> None:
    for args in (
        ("security", "--lang", "en"),
        ("seguridad", "--concept", "security", "--lang", "es"),
        ("safety", "--lang", "en"),
    ):
        assert termwise("glossary", "add", *args, cwd=tmp_path).returncode == 0
    added = termwise(
        "glossary", "add", "seguridad", "--concept", "safety", "--lang", "es", cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    assert (
        "warning: 'seguridad' (es) is a term of security and of safety: a homonym" in added.stderr
    )
    glossary = load_glossary(tmp_path / "glossary")
    for concept in ("security", "safety"):
        assert [t.text for t in glossary.concept(concept).terms("es")] == ["seguridad"]


def test_add_refuses_a_source_term_of_another_concept(tmp_path: Path) -> None:
    for args in (("security", "--lang", "en"), ("safety", "--lang", "en")):
        assert termwise("glossary", "add", *args, cwd=tmp_path).returncode == 0
    file = tmp_path / "glossary" / "glossary.tbx"
    before = file.read_bytes()
    for status in ((), ("--status", "admitted")):
        refused = termwise(
            "glossary",
            "add",
            "security",
            "--concept",
            "safety",
            "--lang",
            "en",
            *status,
            cwd=tmp_path,
        )
        assert refused.returncode == 2
        assert (
            "'security' (en) is a term of security already, and one term of two concepts is "
            "refused: MT leaves it to the engine"
        ) in refused.stderr
        assert "--status" not in refused.stderr
        assert "glossary remove 'security' --concept security" in refused.stderr
        assert file.read_bytes() == before


def test_the_checks_read_a_target_homonym_as_the_concept_the_source_names() -> None:
    glossary = Glossary(
        [
            Concept("sec", all_terms=[Term("security", "en"), Term("seguridad", "es")]),
            Concept("saf", all_terms=[Term("safety", "en"), Term("seguridad", "es")]),
        ],
        lang="en",
    )
    issues = run_checks(
        build_document(["Safety comes first."]),
        glossary,
        target_lang="es",
        targets={"s1": "La seguridad es lo primero."},
    )
    assert [i for i in issues if i.check == "term-missing"] == []
