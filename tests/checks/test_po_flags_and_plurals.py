"""What a PO entry says about itself reaches the placeholders check: its format flags
(``c-format``, ``no-python-format``...) and every form of a plural entry, in ``termwise
check`` and ``termwise fix`` alike; and a percentage in prose is no placeholder."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from click.testing import CliRunner

from termwise.checks import CheckConfig, check_document
from termwise.cli import cli

from .documents import build_document

ONLY_PLACEHOLDERS = CheckConfig(enabled_only=frozenset({"placeholders"}))


def messages(source: str, target: str, flags: frozenset[str] = frozenset()) -> list[str]:
    entry_flags = {"flags": {"s1": flags}} if flags else {}
    result = check_document(
        build_document([source], "en"),
        None,
        target_lang="es",
        targets={"s1": target},
        config=ONLY_PLACEHOLDERS,
        **entry_flags,  # type: ignore[arg-type]
    )
    return [issue.message for issue in result.issues]


# -- a percentage in prose ------------------------------------------------------------------


def test_a_digit_before_the_percent_sign_makes_it_a_percentage_in_prose() -> None:
    assert (
        messages("Exports fell from 7%s in 2019.", "Las exportaciones cayeron del 7 % en 2019.")
        == []
    )
    assert messages("Inflation reached 7%d points.", "La inflación llegó a 7 puntos.") == []
    assert messages("Half of it: 50% of the votes.", "La mitad: el 50 % de los votos.") == []
    # A placeholder after a space or a letter is still one.
    assert messages("Deleted %d files from %s.", "Se eliminaron archivos de %s.") == [
        "placeholder %d of the source is missing from the target"
    ]
    assert messages("Version v%d is out.", "Ya salió la versión.") == [
        "placeholder %d of the source is missing from the target"
    ]


# -- PO flags ---------------------------------------------------------------------------------


def test_a_no_format_flag_turns_that_placeholder_kind_off() -> None:
    source, target = "Press %s to go on; {name} waits.", "Pulse Intro para seguir; {name} espera."
    assert messages(source, target) == ["placeholder %s of the source is missing from the target"]
    assert messages(source, target, frozenset({"no-c-format"})) == []
    assert messages(source, target, frozenset({"no-python-format"})) == []
    # Another kind's "no-" flag leaves printf alone.
    assert messages(source, target, frozenset({"no-python-brace-format"})) == [
        "placeholder %s of the source is missing from the target"
    ]
    assert messages("Hi {name}!", "¡Hola!", frozenset({"no-python-brace-format"})) == []


def test_a_format_flag_makes_the_check_strict_for_that_kind() -> None:
    # In prose these are a percentage, a weak candidate and a usage text's metavariable.
    prose = [
        ("Exports fell from 7%s in 2019.", "Las exportaciones cayeron un 7 % en 2019."),
        ("Resize to %dpx wide.", "Redimensionar a px de ancho."),
    ]
    for source, target in prose:
        assert messages(source, target) == []
        assert messages(source, target, frozenset({"c-format"})), source
    assert messages("Disk 50% full.", "Disco lleno al 50 %.") == []
    # msgfmt -c reads "% f" as a conversion with the space flag.
    assert messages("Disk 50% full.", "Disco lleno al 50 %.", frozenset({"c-format"})) == [
        "placeholder % f of the source is missing from the target"
    ]
    assert messages("Set {WIDTH}.", "Fija {ANCHO}.") == []
    assert messages("Set {WIDTH}.", "Fija {ANCHO}.", frozenset({"python-brace-format"})) == [
        "placeholder {ANCHO} differs from the source's {WIDTH}"
    ]


FLAGGED_PO = r"""msgid ""
msgstr ""
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#, no-c-format
msgid "Press %s to go on."
msgstr "Pulse Intro para seguir."

#, c-format
msgid "Resize to %dpx wide."
msgstr "Redimensionar a px de ancho."

#, c-format
msgid "Deleted %d file."
msgid_plural "Deleted %d files."
msgstr[0] "Se eliminó un archivo."
msgstr[1] "Se eliminaron archivos."
"""

DOC = "Press %s to go on.\n\nResize to %dpx wide.\n\nDeleted %d file.\n"
MISSING = "placeholder %d of the source is missing from the target"


def project_with_po(tmp_path: Path) -> tuple[Path, Path]:
    po = tmp_path / "es.po"
    po.write_text(FLAGGED_PO, encoding="utf-8")
    root = tmp_path / "proj"
    root.mkdir()
    doc = root / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    imported = CliRunner().invoke(
        cli, ["--project", str(root), "import", str(po), "--doc", str(doc), "--to", "es"]
    )
    assert imported.exit_code == 0, imported.output
    return root, doc


def test_check_honours_the_flags_and_every_plural_form_of_an_imported_po(tmp_path: Path) -> None:
    root, doc = project_with_po(tmp_path)
    # msgfmt -c finds the same two entries at fault: the c-format one, and msgstr[1] (the
    # form for every n but 1), not msgstr[0] (n=1 alone) nor the no-c-format entry.
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(tmp_path / "es.po")],
        capture_output=True,
        text=True,
    )
    faults = sorted(
        line.split(":")[1] for line in checked.stderr.splitlines() if ": number" in line
    )
    assert faults == ["15", "20"], checked.stderr
    result = CliRunner().invoke(
        cli, ["--project", str(root), "check", str(doc), "--to", "es", "--format", "json"]
    )
    found = [
        (issue["line"], issue["message"])
        for issue in json.loads(result.stdout)
        if issue["check"] == "placeholders"
    ]
    assert found == [(3, MISSING), (5, f"msgstr[1]: {MISSING}")], result.output


def test_fix_sees_the_flags_and_plural_forms_as_check_does(tmp_path: Path) -> None:
    root, doc = project_with_po(tmp_path)
    result = CliRunner().invoke(
        cli, ["--project", str(root), "fix", str(doc), "--to", "es", "--format", "json"]
    )
    found = [
        (issue["line"], issue["message"])
        for issue in json.loads(result.output)["skipped"]
        if issue["check"] == "placeholders"
    ]
    assert found == [(3, MISSING), (5, f"msgstr[1]: {MISSING}")], result.output


def test_check_target_po_honours_the_flags_and_every_plural_form(tmp_path: Path) -> None:
    # `check --target es.po` read only each entry's text: the c-format entry and msgstr[1]
    # passed there while the imported project's check (and msgfmt -c) found both.
    po = tmp_path / "es.po"
    po.write_text(FLAGGED_PO, encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--project", str(tmp_path), "check", str(doc), "--target", str(po), "--format", "json"],
    )
    found = [
        (issue["line"], issue["message"])
        for issue in json.loads(result.stdout)
        if issue["check"] == "placeholders"
    ]
    assert found == [(3, MISSING), (5, f"msgstr[1]: {MISSING}")], result.output
