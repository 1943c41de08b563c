"""CSV cells a spreadsheet cannot run as formulas (CSV injection), and back.

Excel and LibreOffice run a CSV cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a
tab or carriage return before one) as a formula: a term, a note or a source sentence
written as ``=HYPERLINK(...)`` or ``-2+3+cmd|'/C calc'!A0`` became a live formula in the
translator's spreadsheet. OWASP's advice is followed: such a cell is written with a ``'``
before it, which makes it text. termwise's CSV reader takes that ``'`` off again, and a
cell that already begins with ``'`` before one of those characters gets one more, so that
what termwise writes reads back exactly as it was.

A plain number (``-5``, ``+3.5``, ``-1e3``) is left as it is: a spreadsheet reads it as
the number it is, which runs nothing, and a ``'`` would turn a count into text. Anything
else beginning with ``-`` is guarded, ``-ism`` too: unguarded, a spreadsheet tries it as a
formula and shows ``#NAME?`` instead of the term.
"""

from __future__ import annotations

import re

# What a spreadsheet may run as a formula (OWASP's list), after any apostrophes a guard or
# the text itself put before it.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def guard(cell: str) -> str:
    """``cell`` as a CSV cell no spreadsheet runs: ``'`` before a formula's first character."""
    if _FORMULA_START.match(cell) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def unguard(cell: str) -> str:
    """A cell ``guard`` wrote, as it was before (one ``'`` less before a formula's first
    character); any other cell as it is."""
    return cell[1:] if _GUARDED.match(cell) else cell
