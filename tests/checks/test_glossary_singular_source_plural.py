"""A glossary's singular phrase ("human being", "ser humano") is found in a text holding
only its plural ("human beings", "seres humanos"), on both sides: a regression guard, as
termwise check runs it on a project from other tools' files."""

from __future__ import annotations

from pathlib import Path

from .po_tbx_project import GlossaryRows, make_project, terminology_issues

HUMAN_BEING: GlossaryRows = [
    ("human-being", [("en", "human being", "preferred"), ("es", "ser humano", "preferred")]),
]


def test_the_plural_of_a_glossary_phrase_is_the_term(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p",
        [
            ("All human beings are born free.", "Todos los seres humanos nacen libres."),
            (
                "Human beings have rights everywhere.",
                "Las personas tienen derechos en todas partes.",
            ),
        ],
        HUMAN_BEING,
    )
    # The second translation says "personas": the plural source is the term, still missing.
    assert terminology_issues(project) == [("term-missing", "human-being", "")]
