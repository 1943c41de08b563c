"""One target rendering for two concepts ("seguridad" for security and safety) is normal in
terminology, but the checks take a term for one concept alone: a translation of "safety"
as "seguridad" is reported as missing its term. So ``glossary add`` keeps refusing it, now
saying why and how to move the term, not to give --status (which changes the other
concept's term)."""

from __future__ import annotations

from pathlib import Path

from checks.documents import build_document
from support.command_line import termwise
from termwise.checks import run_checks
from termwise.glossary.model import Concept, Glossary, Term


def test_add_refuses_with_the_reason(tmp_path: Path) -> None:
    for args in (
        ("security", "--lang", "en"),
        ("seguridad", "--concept", "security", "--lang", "es"),
        ("safety", "--lang", "en"),
    ):
        assert termwise("glossary", "add", *args, cwd=tmp_path).returncode == 0
    file = tmp_path / "glossary" / "glossary.tbx"
    before = file.read_bytes()
    for status in ((), ("--status", "admitted")):
        refused = termwise(
            "glossary",
            "add",
            "seguridad",
            "--concept",
            "safety",
            "--lang",
            "es",
            *status,
            cwd=tmp_path,
        )
        assert refused.returncode == 2
        assert (
            "'seguridad' (es) is a term of security already, and one term of two concepts is "
            "refused: the checks take it for security's alone"
        ) in refused.stderr
        assert "--status" not in refused.stderr
        assert "glossary remove 'seguridad' --concept security" in refused.stderr
        assert file.read_bytes() == before


def test_why_the_checks_cannot_take_a_target_homonym() -> None:
    # The assumption the refusal keeps: a target term is one concept's, so "seguridad" in
    # a translation of "safety" counts for security, and safety's term is "missing".
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
    assert [(i.check, i.concept) for i in issues if i.check == "term-missing"] == [
        ("term-missing", "saf")
    ]
