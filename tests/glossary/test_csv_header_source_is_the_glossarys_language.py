"""A table whose header names its languages ("es,en,status") says not which is the source:
imported into a project, the source is the language of the project's glossary, where the
header names it, and the status column rates the renderings. The first column was taken,
and a client's "Forbidden" Spanish rendering made the English source term "security"
deprecated, which the checks then flagged wherever the source used it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.glossary import load_glossary

_TABLE = "es,en,status\nseguridad,security,Forbidden\nturbina,turbine,Preferred\n"


def _statuses(project: Path) -> dict[tuple[str, str], str]:
    glossary = load_glossary(project / "glossary")
    return {
        (term.lang, term.text): term.status.value
        for concept in glossary.concepts
        for term in concept.all_terms
        if term.text != "wind farm"
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_the_projects_language_is_the_source(tmp_path: Path, encoding: str) -> None:
    assert termwise("glossary", "add", "wind farm", "--lang", "en", cwd=tmp_path).returncode == 0
    (tmp_path / "client.csv").write_bytes(_TABLE.encode(encoding))
    imported = termwise("glossary", "import", "client.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "languages: es, en (from the file)" in imported.stdout
    assert _statuses(tmp_path) == {
        ("es", "seguridad"): "deprecated",
        ("en", "security"): "preferred",
        ("es", "turbina"): "preferred",
        ("en", "turbine"): "preferred",
    }


def test_from_still_decides(tmp_path: Path) -> None:
    assert termwise("glossary", "add", "wind farm", "--lang", "en", cwd=tmp_path).returncode == 0
    (tmp_path / "client.csv").write_text(_TABLE, encoding="utf-8")
    imported = termwise(
        "glossary", "import", "client.csv", "--from", "es", "--to", "en", cwd=tmp_path
    )
    assert imported.returncode == 0, imported.stderr
    assert _statuses(tmp_path)[("en", "security")] == "deprecated"


def test_without_a_glossary_the_first_column_is_the_source(tmp_path: Path) -> None:
    (tmp_path / "client.csv").write_text(_TABLE, encoding="utf-8")
    imported = termwise("glossary", "import", "client.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert _statuses(tmp_path)[("en", "security")] == "deprecated"
    assert _statuses(tmp_path)[("es", "seguridad")] == "preferred"


def test_a_header_with_regions_is_read_by_language(tmp_path: Path) -> None:
    assert termwise("glossary", "add", "wind farm", "--lang", "en", cwd=tmp_path).returncode == 0
    table = _TABLE.replace("es,en,", "es-ES,en-US,")
    (tmp_path / "client.csv").write_text(table, encoding="utf-8")
    imported = termwise("glossary", "import", "client.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    statuses = _statuses(tmp_path)
    assert statuses[("en-US", "security")] == "preferred"
    assert statuses[("es-ES", "seguridad")] == "deprecated"
