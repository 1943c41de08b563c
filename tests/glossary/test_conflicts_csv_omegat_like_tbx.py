"""A target homonym ("seguridad" for security and safety) is a warning of ``glossary
validate`` whatever the file's format: it was one in a TBX file and passed unsaid in a CSV
or OmegaT file, whose import then wrote it into the project's TBX. Rows giving one source
term are one concept to the import, and so no clash to validate either."""

from __future__ import annotations

import re
from pathlib import Path

from support.command_line import termwise

_HOMONYM = (
    "warning: 'seguridad' (es) is a term of {first} and of {second}: a homonym, which the "
    "checks read as the concept the source names"
)


def test_csv_with_a_language_header(tmp_path: Path) -> None:
    path = tmp_path / "client.csv"
    path.write_text(
        "en,es\nsecurity,seguridad\nsafety,seguridad\nwind turbine,aerogenerador\n"
        "wind turbine,turbina eólica\n",
        encoding="utf-8",
    )
    validated = termwise("glossary", "validate", "client.csv", cwd=tmp_path)
    assert validated.returncode == 0
    lines = validated.stdout.splitlines()
    assert [line.split(": a ")[0] for line in lines] == [
        "client.csv: " + _HOMONYM.format(first="r2", second="r3").split(": a ")[0],
        "client.csv: valid",
    ]


def test_omegat_glossary(tmp_path: Path) -> None:
    path = tmp_path / "glossary_en_es.txt"
    path.write_text("security\tseguridad\nsafety\tseguridad\tthe other one\n", encoding="utf-8")
    validated = termwise("glossary", "validate", path.name, cwd=tmp_path)
    assert validated.returncode == 0
    assert validated.stdout.startswith(f"{path.name}: " + _HOMONYM.format(first="l1", second="l2"))


def test_as_the_tbx_the_import_writes(tmp_path: Path) -> None:
    (tmp_path / "client.csv").write_text(
        "id,en,es\nc1,security,seguridad\nc2,safety,seguridad\n", encoding="utf-8"
    )
    validated = termwise("glossary", "validate", "client.csv", cwd=tmp_path)
    assert termwise("glossary", "import", "client.csv", cwd=tmp_path).returncode == 0
    imported = termwise("glossary", "validate", "glossary/client.tbx", cwd=tmp_path)
    said = validated.stdout.splitlines()[0].removeprefix("client.csv: ")
    # The TBX names the other term's line besides.
    in_tbx = imported.stdout.splitlines()[0].split(": ", 1)[1]
    assert said == re.sub(r" \(line \d+\)", "", in_tbx)


def test_a_folder_warns_of_a_homonym_and_faults_a_shared_source_term(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    assert termwise("glossary", "add", "wind farm", "--lang", "en", cwd=tmp_path).returncode == 0
    (folder / "client.csv").write_text(
        "en,es\nsecurity,seguridad\nsafety,seguridad\n", encoding="utf-8"
    )
    validated = termwise("glossary", "validate", "glossary", cwd=tmp_path)
    # The folder's own language is English: a Spanish homonym is no fault, as in one TBX.
    assert validated.returncode == 0
    assert "glossary/client.csv: " + _HOMONYM.format(first="r2", second="r3") in (validated.stdout)
    (folder / "client.csv").write_text(
        "en,es\nsecurity,seguridad\nsecurity,protección\n", encoding="utf-8"
    )
    validated = termwise("glossary", "validate", "glossary", cwd=tmp_path)
    # No command reads the folder's rows joined: an English term of two concepts.
    assert validated.returncode == 1
    assert "glossary/client.csv: 'security' (en) is a term of r2 and of r3" in validated.stdout
