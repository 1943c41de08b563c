"""What the checks need of a project file's entries beyond their texts: the forms of the
plural entries, each entry's PO flags and the parts waiting for another's translation, taken
off a ``TranslationFile`` in one place for ``termwise check``, ``termwise fix`` and the
workbench alike.

(No check lives here: importing this module registers none ahead of its turn.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from termwise.checks.context import PluralForms

if TYPE_CHECKING:
    from termwise.project.translation_file import TranslationFile

# gettext's msgfmt -c checks a plural form strictly (every placeholder kept) when more than
# this many of the numbers 0..1000 take it (``often`` in gettext's plural distribution).
_OFTEN = 5


def exact_forms(count: int, expression: str) -> tuple[bool, ...]:
    """Which of a plural rule's forms stand for many numbers: those must keep every
    placeholder, as msgfmt -c demands; a form only for n=1 may say the number in words."""
    import gettext

    try:
        rule = gettext.c2py(expression)
        taken = [0] * count
        for n in range(1001):
            index = int(rule(n))
            if 0 <= index < count:
                taken[index] += 1
    except (ValueError, SyntaxError, RecursionError, ArithmeticError):
        return ()
    return tuple(times > _OFTEN for times in taken)


def entry_data(
    tfile: TranslationFile,
) -> tuple[dict[str, PluralForms], dict[str, frozenset[str]]]:
    """Each plural entry's forms, and the PO flags of the entries that have any."""
    count, expression = tfile.plural_rule()
    exact = exact_forms(count, expression)
    plurals: dict[str, PluralForms] = {}
    flags: dict[str, frozenset[str]] = {}
    for segment_id, unit in tfile.units.items():
        if unit.is_plural:
            plurals[segment_id] = PluralForms(
                unit.all_forms(), count, unit.plural_source, unit.plural_index, exact
            )
        if unit.flags:
            flags[segment_id] = frozenset(unit.flags)
    return plurals, flags


def plural_map(plurals: Mapping[str, object] | None) -> dict[str, PluralForms]:
    """The plural entries of ``plurals`` (a value that is no ``PluralForms`` is left out)."""
    if not plurals:
        return {}
    return {key: value for key, value in plurals.items() if isinstance(value, PluralForms)}


def waiting_on(tfile: TranslationFile) -> dict[str, str]:
    """Each part whose sentence's translation another segment holds (an import's 2-1 group, a
    cut sentence's carry-over: ``omissions.translation_in_neighbour``), with that segment's
    id: the checks compare the holder's translation with its source and theirs."""
    from termwise.project.omissions import translation_in_neighbour, waited_for

    found: dict[str, str] = {}
    for segment_id, unit in tfile.units.items():
        if translation_in_neighbour(unit):
            holder = waited_for(unit)
            if holder is not None:
                found[segment_id] = holder
    return found
