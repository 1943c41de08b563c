"""Issues whose wording and fix one rule makes, pinned where that rule serves several
places: French typography's missing no-break spaces (before or after the mark), and a
placeholder the translation changed (in order, renamed, or with another argument)."""

from __future__ import annotations

from termwise.checks import Issue

from .test_qa import run_one


def _seen(issues: list[Issue]) -> list[tuple[int, str, str, str | None, bool]]:
    return [(i.start, i.text, i.message, i.suggestion, i.fix is not None) for i in issues]


def test_french_no_break_spaces_missing_or_plain() -> None:
    target = "Voici «paix» et «guerre»; la règle: oui! Non ? « bien »"
    issues = run_one("typography", ["Peace and war; the rule: yes! No? fine"], [target], "fr")
    space, narrow = "\u00a0", "\u202f"
    before = "French typography: a no-break space belongs before"
    after = "French typography: a no-break space belongs after"
    assert _seen(issues) == [
        (6, "«", f"{after} «", "«" + space, True),
        (11, "»", f"{before} »", space + "»", True),
        (16, "«", f"{after} «", "«" + space, True),
        (23, "»", f"{before} »", space + "»", True),
        (34, ":", f"{before} :", space + ":", True),
        (39, "!", f"{before} !", narrow + "!", True),
        (44, " ", f"{before} ?", narrow, True),
        (48, " ", f"{after} «", space, True),
        (53, " ", f"{before} »", space, True),
    ]


def _placeholders(source: str, target: str) -> list[tuple[str, str, str | None, bool]]:
    issues = run_one("placeholders", [source], [target], target_lang="es")
    return [(i.text, i.message, i.suggestion, i.fix is not None) for i in issues]


def test_a_changed_placeholder_reads_alike_wherever_it_is_found() -> None:
    differs = "placeholder {} differs from the source's {}"
    # In order: one placeholder changed is fixed, two are only reported.
    assert _placeholders("Saved %s of %d files.", "Guardados %d de %d archivos.") == [
        ("%d", differs.format("%d", "%s"), "%s", True)
    ]
    assert _placeholders("Got %s and %s", "Tiene %d y %x") == [
        ("%d", differs.format("%d", "%s"), None, False),
        ("%x", differs.format("%x", "%s"), None, False),
    ]
    # Renamed: fixed where the new name stands once.
    assert _placeholders("Hello {name}!", "¡Hola {nmae}!") == [
        ("{nmae}", differs.format("{nmae}", "{name}"), "{name}", True)
    ]
    assert _placeholders("Hello {name} {name}!", "¡Hola {nmae} {nmae}!") == [
        ("{nmae}", differs.format("{nmae}", "{name}"), None, False),
        ("{nmae}", differs.format("{nmae}", "{name}"), None, False),
    ]
    # The same key with another argument.
    assert _placeholders("Got %1$s items", "Tiene %1$d elementos") == [
        ("%1$d", differs.format("%1$d", "%1$s"), "%1$s", True)
    ]
