"""A target term two concepts share ("seguridad" for security and safety) names whichever of
them the source names: the checks read every concept of a match (``TermMatch.also``), not
the glossary's first alone, so "Safety first" as "La seguridad primero" misses no term.

Each test is a project as a user has it: a plain-text paper, a hand-written TBX-Basic
glossary and a PO file as Poedit writes it, checked by ``termwise check`` in a process."""

from __future__ import annotations

from pathlib import Path

from .po_tbx_project import GlossaryRows, check_issues, make_project, terminology_issues

SECURITY_FIRST: GlossaryRows = [
    (
        "security",
        [("en", "security", "preferred"), ("es", "seguridad", "preferred")]
        + [("es", "protección", "admitted")],
    ),
    (
        "safety",
        [("en", "safety", "preferred"), ("es", "seguridad", "preferred")]
        + [("es", "inocuidad", "admitted")],
    ),
    (
        "food-safety",
        [("en", "food safety", "preferred"), ("es", "seguridad alimentaria", "preferred")],
    ),
]


def test_a_shared_target_term_is_no_missing_term_of_its_second_concept(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p",
        [
            ("Safety comes first in every plant.", "La seguridad es lo primero en cada planta."),
            ("Security of the network matters.", "La seguridad de la red importa."),
            # Still missing: nothing in the translation names safety.
            ("Safety rules apply here.", "Las reglas se aplican aquí."),
        ],
        SECURITY_FIRST,
    )
    assert terminology_issues(project) == [("term-missing", "safety", "")]


def test_a_shared_term_inside_a_longer_one_is_either_concepts(tmp_path: Path) -> None:
    # "seguridad alimentaria" is food safety's; the nested lookup finds "seguridad" in it,
    # which is safety's as much as security's.
    project = make_project(
        tmp_path / "p",
        [
            (
                "The safety of food is checked daily.",
                "La seguridad alimentaria se controla a diario.",
            )
        ],
        SECURITY_FIRST,
    )
    assert terminology_issues(project) == []


def test_consistency_counts_a_shared_term_for_the_concept_the_source_names(
    tmp_path: Path,
) -> None:
    # Safety is rendered two ways ("seguridad", "inocuidad"): reported. Security once
    # ("protección"): the "seguridad" of the safety sentence is no second rendering of it.
    project = make_project(
        tmp_path / "p",
        [
            ("Safety comes first in every plant.", "La seguridad es lo primero en cada planta."),
            ("Safety of the workers is checked.", "La inocuidad de los trabajadores se controla."),
            ("Security of the network matters.", "La protección de la red importa."),
        ],
        SECURITY_FIRST,
    )
    assert terminology_issues(project) == [("term-inconsistent", "safety", "inocuidad")]


def test_both_concepts_named_take_the_one_no_other_term_renders(tmp_path: Path) -> None:
    # "protección" renders security, so "seguridad" stands for safety here: each concept
    # once, consistent across the paper.
    project = make_project(
        tmp_path / "p",
        [
            ("Safety and security go together.", "La seguridad y la protección van juntas."),
            ("Security of the network matters.", "La protección de la red importa."),
        ],
        SECURITY_FIRST,
    )
    assert terminology_issues(project) == []


def test_a_shared_term_has_the_status_of_the_concept_the_source_names(tmp_path: Path) -> None:
    # A food-safety glossary: "seguridad" is deprecated for safety (ambiguous there), and
    # security's preferred term. Listed first, safety's status was read for both.
    rows: GlossaryRows = [
        (
            "safety",
            [("en", "safety", "preferred"), ("es", "inocuidad", "preferred")]
            + [("es", "seguridad", "deprecated")],
        ),
        ("security", [("en", "security", "preferred"), ("es", "seguridad", "preferred")]),
    ]
    project = make_project(
        tmp_path / "p",
        [
            ("Security of the network matters.", "La seguridad de la red importa."),
            ("Safety comes first in every plant.", "La seguridad es lo primero en cada planta."),
        ],
        rows,
    )
    issues = [
        (issue["check"], issue["concept"], issue["text"], issue["suggestion"])
        for issue in check_issues(project)
        if issue["check"].startswith("term-")
    ]
    assert issues == [("term-forbidden", "safety", "seguridad", "inocuidad")]


def test_one_use_of_a_shared_term_renders_one_of_two_concepts_named(tmp_path: Path) -> None:
    # The source names both; a single "seguridad" translates one of them, and the other
    # (whichever it is) is still missing, as before the checks read every concept.
    project = make_project(
        tmp_path / "p",
        [("Security and safety are key.", "La seguridad es clave.")],
        SECURITY_FIRST,
    )
    assert [issue[0] for issue in terminology_issues(project)] == ["term-missing"]
