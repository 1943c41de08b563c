"""A short acronym of the glossary ("UN", "US", Spanish "ONU") is found only where a text
writes it in capitals, whether or not the glossary marks it case-sensitive (a TBX from
another tool does not): in lower case it is another word ("let us", the Spanish article
"un"), and "onu" for "ONU" is a misspelt acronym, which the checks now report. A longer
one is written as a word too ("Nato") and still found so.

Each test is a project as a user has it, checked by ``termwise check`` in a process."""

from __future__ import annotations

from pathlib import Path

from .po_tbx_project import GlossaryRows, check_issues, make_project, terminology_issues

# Acronyms change across languages: the UN is la ONU, the US los EE. UU.
ACRONYMS: GlossaryRows = [
    (
        "un",
        [("en", "United Nations", "preferred"), ("en", "UN", "admitted")]
        + [("es", "Naciones Unidas", "preferred"), ("es", "ONU", "admitted")],
    ),
    (
        "us",
        [("en", "United States", "preferred"), ("en", "US", "admitted")]
        + [("es", "Estados Unidos", "preferred"), ("es", "EE. UU.", "admitted")],
    ),
    ("nato", [("en", "NATO", "preferred"), ("es", "OTAN", "preferred")]),
]


def test_a_lower_case_target_acronym_is_no_rendering(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p",
        [
            ("The UN met in New York.", "La ONU se reunió en Nueva York."),
            ("The UN spoke in Geneva.", "La onu habló en Ginebra."),
            ("The US voted.", "EE. UU. votó."),
        ],
        ACRONYMS,
    )
    issues = check_issues(project)
    assert sorted(
        (issue["check"], issue["concept"] or issue["text"])
        for issue in issues
        if issue["check"] in ("term-missing", "spelling")
    ) == [("spelling", "onu"), ("term-missing", "un")]


def test_a_word_in_lower_case_is_no_acronym_of_the_source(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p",
        [
            ("Let us see what they said.", "Veamos lo que dijeron."),
            ("The US voted against it.", "Los Estados Unidos votaron en contra."),
            # British usage: still the acronym, whose rendering the translation lacks.
            ("Nato troops met in Brussels.", "Las tropas se reunieron en Bruselas."),
        ],
        ACRONYMS,
    )
    assert terminology_issues(project) == [("term-missing", "nato", "")]


def test_a_word_in_lower_case_is_no_deprecated_acronym_of_the_target(tmp_path: Path) -> None:
    # The English acronym kept in a Spanish translation is deprecated; the article "un"
    # is not it.
    rows: GlossaryRows = [
        (
            "un",
            [("en", "United Nations", "preferred"), ("en", "UN", "admitted")]
            + [("es", "ONU", "preferred"), ("es", "UN", "deprecated")],
        )
    ]
    project = make_project(
        tmp_path / "p",
        [
            ("It was a good day in New York.", "Fue un buen día en Nueva York."),
            ("The UN agreed in Geneva.", "La UN acordó en Ginebra."),
        ],
        rows,
    )
    assert terminology_issues(project) == [("term-forbidden", "un", "UN")]


def test_a_glossary_written_in_capitals_has_no_acronyms(tmp_path: Path) -> None:
    # Its short terms are words written as the rest of it is: "tax" is its TAX.
    project = make_project(
        tmp_path / "p",
        [("The tax and the fee are set by law.", "El impuesto lo fija el estado.")],
        [
            ("tax", [("en", "TAX", "preferred"), ("es", "IMPUESTO", "preferred")]),
            ("fee", [("en", "FEE", "preferred"), ("es", "TASA", "preferred")]),
            ("law", [("en", "LAW", "preferred"), ("es", "LEY", "preferred")]),
            ("vat", [("en", "VALUE ADDED TAX", "preferred"), ("es", "IVA", "preferred")]),
        ],
    )
    assert sorted(issue[1] for issue in terminology_issues(project)) == ["fee", "law"]
