"""The wind report (``tests/align/data/wind.md`` and its Spanish translation, which sets a
translator's note on a line of its own) aligned as a user aligns it, and its editions: what
the tests of that note's paragraph share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support.command_line import termwise

DATA = Path(__file__).resolve().parents[1] / "align" / "data"
NOTE = "Nota del traductor: en este informe, «red» traduce el inglés «grid»."
FIRST = "El primer reto es la variabilidad."
SOURCE_FIRST = "The first challenge is variability."
OPENING = "aligned sentences: opening a paragraph: "

# How the report is rewritten before it is aligned, in the source and in its translation
# (to stand the note in a quote, a list item or a table's cell).
Rewrite = Callable[[str], str]


def as_is(text: str) -> str:
    return text


def aligned(folder: Path, source: Rewrite = as_is, target: Rewrite = as_is) -> Path:
    """The report, rewritten by ``source`` and ``target``, aligned in ``folder`` without
    MT; its translation file."""
    (folder / "wind.md").write_text(source((DATA / "wind.md").read_text("utf-8")), "utf-8")
    (folder / "wind.es.md").write_text(target((DATA / "wind.es.md").read_text("utf-8")), "utf-8")
    result = termwise(
        "align", "wind.md", "wind.es.md", "--from", "en", "--to", "es", "--no-mt", cwd=folder
    )
    assert result.returncode == 0, result.stderr
    return folder / "translations" / "wind.es.po"


def exported(folder: Path, fmt: str, *extra: str) -> Path:
    """The report's edition in ``fmt`` (unreviewed translations included), with the
    options ``extra``; a file of its own for each set of options."""
    out = folder / f"out{'-'.join(extra)}.{fmt}"
    result = termwise(
        "export", "wind.md", "--to", "es", "--format", fmt, "--include-unreviewed",
        "-o", str(out), *extra, cwd=folder,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out
