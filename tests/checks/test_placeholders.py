"""The ``placeholders`` check: a software string's printf and brace placeholders survive
translation (pofilter's ``printf`` and ``pythonbraceformat``, what ``msgfmt -c`` enforces),
and prose with a percent sign or LaTeX braces is never taken for one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.checks import Issue
from termwise.cli import cli

from .test_qa import fixed, run_one


def check(source: str, target: str, lang: str = "es") -> list[Issue]:
    return run_one("placeholders", [source], [target], target_lang=lang)


def messages(source: str, target: str, lang: str = "es") -> list[str]:
    return [issue.message for issue in check(source, target, lang)]


# -- prose is never a placeholder -------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "lang"),
    [
        ("Growth reached 50% of the total.", "El crecimiento alcanzó el 50 % del total.", "es"),
        ("About 20% described it.", "Environ 20 % des personnes l'ont décrit.", "fr"),
        ("Coverage is 100%.", "La cobertura es del 100 %.", "es"),
        ("Coverage is 100%.", "La cobertura es del 100%s.", "es"),  # the source has none
        ("A 50% rise.", "Eine 50%ige Steigerung.", "de"),
        ("A 50%increase, 5%some.", "Un aumento del 50%.", "es"),  # no space: weak, not counted
        ("The 1%'s share grew.", "La parte del 1% creció.", "es"),  # no "'" flag
        ("Rates of 5%-10% apply.", "Se aplican tasas del 5 %-10 %.", "es"),
        ("See https://example.org/a%20de%2Fb now.", "Véase https://example.org/x ahora.", "es"),
        ("Turkish writes %50 of it.", "Bunun %50'si.", "tr"),
        ("We prove \\emph{this} for x^{2} and \\frac{a}{b}.", "Probamos \\emph{esto}.", "es"),
        ("See \\textcolor{red}{warning} here.", "Véase \\textcolor{red}{aviso} aquí.", "es"),
        ("The set {1, 2, 3} is finite.", "El conjunto {1, 2} es finito.", "es"),
        ("Use {{braces}} and %% signs.", "Use {{llaves}} y signos %%.", "es"),
        ("-{no-}jsri: {dis}able it.", "-{no-}jsri: {des}activarlo.", "es"),  # usage syntax
        ("  {INTEGER}  repeat the pattern", "  {ENTIER}  répéter le motif", "fr"),
        ("Set ${VARIABLE} first.", "Defina ${VARIABLE_ES} primero.", "es"),  # left out
        (
            "{count, plural, one {# file} other {# files}}",  # ICU: its braces hold text
            "{count, plural, one {# archivo} other {# archivos}}",
            "es",
        ),
        ("%a %b %e %H:%M:%S %Y", "%a %d %b %Y %T", "es"),  # a date format
    ],
)
def test_prose_percent_signs_and_braces_are_no_placeholders(
    source: str, target: str, lang: str
) -> None:
    assert check(source, target, lang) == []


def test_placeholders_that_survive_are_fine() -> None:
    for source, target, lang in [
        ("Deleted %d files from %s.", "Se eliminaron %d archivos de %s.", "es"),
        ("Deleted %d files from %s.", "Von %2$s wurden %1$d Dateien gelöscht.", "de"),
        ("Deleted %d files.", "已删除%d个文件。", "zh"),  # a CJK letter may follow
        ("%(count)d of %(total)d", "%(total)d 中的 %(count)d", "zh"),  # named: any order
        ("Progress: %5.2f%%", "Progreso: %.1f %%", "es"),  # width and precision may change
        ("Used %ld bytes, %i%% of %lu.", "Usados %ld bytes, el %d%% de %lu.", "es"),
        ("%15zu bytes, %<PRIu64> entries", "%15Zu Bytes, %<PRIu64> Einträge", "de"),
        ("Size: %dpx", "Tamaño: %d px", "es"),  # weak on one side, settled
        ("Hello {name}, you have {count} messages.", "{count} mensajes, {name}.", "es"),
        ("{} of {}", "{1} de {0}", "es"),  # numbering reorders
        ("{0:>10} {user.name!r} {items[0]}", "{items[0]} {user.name!r} {0:>12}", "es"),
        ("Hi %{name}, it is %{time}.", "Hola %{name}, son las %{time}.", "es"),
        ("name: %.*s, %s", "nombre: %2$.*1$s, %3$s", "es"),  # "*" takes an argument
    ]:
        assert check(source, target, lang) == [], (source, target)


# -- printf -------------------------------------------------------------------------------------


def test_changed_conversion_is_reported_and_fixed() -> None:
    target = "Se eliminaron %s archivos de %s."
    issues = check("Deleted %d files from %s.", target)
    assert [i.message for i in issues] == ["placeholder %s differs from the source's %d"]
    assert (issues[0].start, issues[0].end, issues[0].severity.value) == (14, 16, "error")
    assert fixed(issues, target) == "Se eliminaron %d archivos de %s."


def test_missing_and_added_printf_placeholders() -> None:
    assert messages("Deleted %d files from %s.", "Se eliminaron archivos de %s.") == [
        "placeholder %d of the source is missing from the target"
    ]
    # Machine translation's "% s" (glibc's pg_dump catalog) is no "%s" here.
    assert messages("Command was: %s", "La orden era: % s") == [
        "placeholder %s of the source is missing from the target"
    ]
    assert messages("%s: %s (%d)", "(%d)") == [
        "placeholder %s of the source is missing from the target (2×)"
    ]
    issues = check("Deleted %d files.", "Se eliminaron %d archivos de %s.")
    assert [i.message for i in issues] == ["placeholder %s is not in the source"]
    assert issues[0].fix is None  # nothing to put back: no automatic fix


def test_unnumbered_printf_order_matters_numbered_may_move() -> None:
    issues = check("Deleted %d files from %s.", "Desde %s se eliminaron %d archivos.")
    assert [i.message for i in issues] == [
        "placeholders are in a different order than in the source: %d %s "
        "(unnumbered placeholders take the arguments in order)"
    ]
    assert issues[0].fix is None
    assert check("Deleted %1$d files from %2$s.", "Desde %2$s se eliminaron %1$d.") == []
    assert messages("Deleted %d files from %s.", "Desde %2$d se eliminaron %1$s.") == [
        "placeholder %2$d differs from the source's %s",
        "placeholder %1$s differs from the source's %d",
    ]


def test_named_printf_typo_type_change_and_loss() -> None:
    target = "¡Hola, %(nmae)s! Tienes %(count)d mensajes."
    issues = check("Hello, %(name)s! You have %(count)d messages.", target)
    assert [i.message for i in issues] == [
        "placeholder %(nmae)s differs from the source's %(name)s"
    ]
    assert fixed(issues, target) == "¡Hola, %(name)s! Tienes %(count)d mensajes."
    target = "Tienes %(count)s mensajes."
    issues = check("You have %(count)d messages.", target)
    assert [i.message for i in issues] == [
        "placeholder %(count)s differs from the source's %(count)d"
    ]
    assert fixed(issues, target) == "Tienes %(count)d mensajes."
    assert messages("%(count)d of %(total)d", "%(count)d") == [
        "placeholder %(total)d of the source is missing from the target"
    ]


def test_a_literal_percent_is_no_placeholder() -> None:
    assert messages("100%% of %s", "100%% de") == [
        "placeholder %s of the source is missing from the target"
    ]
    assert messages("%d%% done", "%%d hecho") == [
        "placeholder %d of the source is missing from the target"
    ]


# -- braces -------------------------------------------------------------------------------------


def test_brace_placeholders_missing_added_and_misspelt() -> None:
    assert messages("Saved {count} items to {path}.", "Se guardaron {count} elementos.") == [
        "placeholder {path} of the source is missing from the target"
    ]
    target = "Hola {nmae}."
    issues = check("Hello {name}.", target)
    assert [i.message for i in issues] == ["placeholder {nmae} differs from the source's {name}"]
    assert fixed(issues, target) == "Hola {name}."
    assert messages("Hello {name}.", "Hola {name}, {user.email}.") == [
        "placeholder {user.email} is not in the source"
    ]
    assert messages("Value {0!r}", "Valor {0!s}") == [
        "placeholder {0!s} differs from the source's {0!r}"
    ]
    assert messages("Total: {:.2f} of {}", "Total: {} de {:.2f}") == [
        "placeholders are in a different order than in the source: {:.2f} {} "
        "(unnumbered placeholders take the arguments in order)"
    ]


def test_a_plural_entry_singular_may_drop_its_number() -> None:
    # msgstr[0] may say "one file" without "%d"; the check sees the plural map.
    from termwise.checks import CheckConfig, check_document
    from termwise.checks.plurals import PluralForms

    from .documents import build_document

    document = build_document(["%d file deleted from %s."], "en")
    result = check_document(
        document,
        None,
        target_lang="es",
        targets={"s1": "Se eliminó un archivo de %s."},
        config=CheckConfig(enabled_only=frozenset({"placeholders"})),
        plurals={"s1": PluralForms(("Se eliminó un archivo de %s.", "%d archivos"), 2)},
    )
    assert result.issues == []


# -- end to end: a Poedit PO imported against the document ----------------------------------------

DOC = (
    "Deleted %d files from %s.\n\nWelcome back, %(name)s!\n\n"
    "Saved {count} items to {path}.\n\nSaved 5% of the space.\n"
)

POEDIT_PO = r"""msgid ""
msgstr ""
"Project-Id-Version: doc 1.0\n"
"POT-Creation-Date: 2024-03-01 10:00+0000\n"
"PO-Revision-Date: 2024-03-04 12:31+0100\n"
"Last-Translator: Ana García <ana@example.org>\n"
"Language-Team: Spanish\n"
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"X-Generator: Poedit 3.4.2\n"

#: src/files.c:42
#, c-format
msgid "Deleted %d files from %s."
msgstr "Se eliminaron %s archivos de %s."

#: app/views.py:10
#, python-format
msgid "Welcome back, %(name)s!"
msgstr "¡Bienvenido de nuevo, %(nombre)s!"

#: app/views.py:31
#, python-brace-format
msgid "Saved {count} items to {path}."
msgstr "Se guardaron {count} elementos."

#: app/views.py:60
#, no-python-format
msgid "Saved 5% of the space."
msgstr "Se ahorró el 5 % del espacio."
"""


def test_check_reports_the_broken_placeholders_of_an_imported_po(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    po.write_text(POEDIT_PO, encoding="utf-8")
    # msgfmt -c rejects the file; the check says the same, with where in the document.
    checked = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True)
    assert checked.returncode != 0 and checked.stderr.count(b"es.po:") == 3
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    runner = CliRunner()
    imported = runner.invoke(
        cli,
        ["--project", str(root), "import", str(po), "--doc", str(root / "doc.txt"), "--to", "es"],
    )
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(
        cli, ["--project", str(root), "check", str(root / "doc.txt"), "--to", "es"]
    )
    lines = [line for line in result.output.splitlines() if ": placeholders: " in line]
    doc = root / "doc.txt"
    assert [line.split(" #")[0] for line in lines] == [
        f"{doc}:1:1: placeholders: error:",
        f"{doc}:3:1: placeholders: error:",
        f"{doc}:5:1: placeholders: error:",
    ], result.output
    assert lines[0].endswith(
        "target, col 15: placeholder %s differs from the source's %d [fix: “%s” → “%d”]"
    )
    assert lines[1].endswith(
        "placeholder %(nombre)s differs from the source's %(name)s [fix: “%(nombre)s” → “%(name)s”]"
    )
    assert lines[2].endswith("target: placeholder {path} of the source is missing from the target")
    assert result.exit_code == 1  # errors fail the run
