"""A term two concepts of one TBX file share is a fault of the file: ``glossary validate``
names both concepts at the later term's line and fails, and ``glossary import`` refuses the
file as it refuses one against a concept the project has, writing nothing. Both went
through, and MT then left the term to the engine ("the source form is shared with c2")."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.glossary.validate import validate_file

PREFERRED = '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'


def _tbx(path: Path, *concepts: str) -> Path:
    """A TBX-Basic file, one concept a line: ``id|en term|es term``."""
    entries = []
    for concept in concepts:
        concept_id, en, es = concept.split("|")
        entries.append(
            f'<conceptEntry id="{concept_id}">'
            f'<langSec xml:lang="en"><termSec><term>{en}</term>{PREFERRED}</termSec></langSec>'
            f'<langSec xml:lang="es"><termSec><term>{es}</term>{PREFERRED}</termSec></langSec>'
            "</conceptEntry>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n"
        "<text><body>\n" + "\n".join(entries) + "\n</body></text></tbx>\n",
        encoding="utf-8",
    )
    return path


def test_validate_names_both_concepts_of_a_shared_source_term(tmp_path: Path) -> None:
    path = _tbx(
        tmp_path / "conflict.tbx",
        "c1|wind turbine|aerogenerador",
        "c2|wind turbine|velocidad específica",
    )
    problems = validate_file(path)
    assert [(p.line, p.warning) for p in problems] == [(6, False)]
    assert problems[0].message.startswith(
        "'wind turbine' (en) is a term of c1 (line 5) and of c2: a term of two concepts "
        "belongs to neither in a text"
    )


def test_a_target_term_two_concepts_share_is_a_warning(tmp_path: Path) -> None:
    # A homonym in a translation ("seguridad" for security and safety) is a termbase's
    # matter of course: the checks take it for one concept alone (see
    # test_conflicts_target_homonym), which is worth a warning, not a refused file.
    path = _tbx(tmp_path / "homonym.tbx", "sec|security|seguridad", "saf|safety|seguridad")
    problems = validate_file(path)
    assert [(p.line, p.warning) for p in problems] == [(6, True)]
    assert "'seguridad' (es) is a term of sec (line 5) and of saf" in problems[0].message


def test_concepts_with_terms_of_their_own_are_valid(tmp_path: Path) -> None:
    path = _tbx(tmp_path / "fine.tbx", "c1|wind turbine|aerogenerador", "c2|wind farm|parque")
    assert validate_file(path) == []


def test_validate_fails_and_import_refuses_the_file(tmp_path: Path) -> None:
    path = _tbx(
        tmp_path / "conflict.tbx",
        "c1|wind turbine|aerogenerador",
        "c2|wind turbine|velocidad específica",
    )
    project = tmp_path / "project"
    project.mkdir()
    validated = termwise("glossary", "validate", str(path), cwd=project)
    assert validated.returncode == 1
    assert f"{path}:6: 'wind turbine' (en) is a term of c1 (line 5) and of c2" in validated.stdout
    imported = termwise("glossary", "import", str(path), cwd=project)
    assert imported.returncode == 2, imported.stdout
    assert "'wind turbine' (en) is a term of c1 (line 5) and of c2" in imported.stderr
    assert "nothing written" in imported.stderr
    assert not (project / "glossary").exists()


def test_a_term_three_concepts_share_is_told_twice_against_the_first(tmp_path: Path) -> None:
    path = _tbx(
        tmp_path / "three.tbx",
        "c1|wind turbine|aerogenerador",
        "c2|wind turbine|turbina",
        "c3|wind turbine|molino",
    )
    problems = validate_file(path)
    assert [(p.line, p.warning) for p in problems] == [(6, False), (7, False)]
    assert all("is a term of c1 (line 5)" in p.message for p in problems)


def test_a_file_with_a_target_homonym_validates_and_imports(tmp_path: Path) -> None:
    path = _tbx(tmp_path / "homonym.tbx", "sec|security|seguridad", "saf|safety|seguridad")
    project = tmp_path / "project"
    project.mkdir()
    validated = termwise("glossary", "validate", str(path), cwd=project)
    assert validated.returncode == 0, validated.stdout
    assert f"{path}:6: warning: 'seguridad' (es) is a term of sec" in validated.stdout
    imported = termwise("glossary", "import", str(path), cwd=project)
    assert imported.returncode == 0, imported.stdout + imported.stderr
