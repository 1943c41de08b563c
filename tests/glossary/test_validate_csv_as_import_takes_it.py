"""``glossary validate`` fails a CSV only where ``glossary import`` refuses it.

A status the CSV reader does not know leaves the term without one, and the import takes the
file with a warning; validate called the same file a problem and exited 1, so a CI step that
validates before importing stopped a file the import takes. Validate now warns and exits 0,
and still fails what the import refuses (a file with no usable entry, broken quoting).
"""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise

UNKNOWN_STATUS = (
    "en,es,status\nwind turbine,aerogenerador,bogus\nsolar panel,panel solar,preferred\n"
)


def test_an_unknown_status_is_a_warning_in_validate_as_in_import(tmp_path: Path) -> None:
    path = tmp_path / "client.csv"
    path.write_text(UNKNOWN_STATUS, encoding="utf-8")
    # The row's one status rates its translation, so only the Spanish term is left without.
    said = "unknown status 'bogus' on 1 term (line 2); it keeps no status"
    validated = termwise("glossary", "validate", "client.csv", cwd=tmp_path)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert f"client.csv:2: warning: {said}" in validated.stdout, validated.stdout
    assert "client.csv: valid" in validated.stdout, validated.stdout
    imported = termwise("--project", ".", "glossary", "import", "client.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert f"warning: client.csv:2: {said}" in imported.stderr, imported.stderr


def test_a_csv_the_import_refuses_still_fails_validate(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("en,es\n,\n", encoding="utf-8")
    imported = termwise("--project", ".", "glossary", "import", "empty.csv", cwd=tmp_path)
    assert imported.returncode == 2, imported.stderr
    assert "empty.csv: no entry in the file; nothing written" in imported.stderr
    validated = termwise("glossary", "validate", "empty.csv", cwd=tmp_path)
    assert validated.returncode == 1, validated.stdout + validated.stderr
    assert "empty.csv: no entry in the file\n" in validated.stdout, validated.stdout
