"""Which languages an imported file is in, and which of its units belong to the project.

The document's language decides how it is segmented, and a short document is too little
text to detect a language from: ``termwise import`` takes ``--from``, else the source
language the file's units declare (XLIFF ``srcLang``/``source-language``, TMX ``srclang``
and ``xml:lang``, PO ``X-Source-Language``), and only then detection.

A file whose units all translate into another language is refused; a few units in another
language (a TMX ``tuv`` or an XLIFF ``target`` with its own ``xml:lang``) are skipped and
reported, and the rest is imported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from termwise import languages
from termwise.document.model import Document
from termwise.errors import InputError
from termwise.project.interchange import InterchangeUnit


def declared_source_language(units: list[InterchangeUnit]) -> str | None:
    """The source language the file's units declare, when they agree on one; else None.

    Read off the units rather than the header: translate-toolkit's po2tmx, for one, writes
    ``srclang="en"`` in the header whatever ``--source-language`` says, and the right one on
    each ``<tu>``.
    """
    counts = Counter(unit.source_lang for unit in units if unit.source_lang)
    if not counts or len({_base(tag) for tag in counts}) != 1:
        return None
    try:
        return languages.normalize(counts.most_common(1)[0][0])
    except languages.LanguageError:
        return None


def as_the_project_names_it(declared: str, project_file: Path) -> str:
    """``declared``, the source language an imported file names, as the project's translation
    file names it where that is the same language: the project's tags are its own, and a
    tool's default region (translate-toolkit's ``en-US`` for a project in ``en``) is no
    reason to rewrite its header."""
    from termwise.project.po_format import SOURCE_LANGUAGE_HEADER, header_field

    if not project_file.is_file():
        return declared
    with project_file.open("rb") as handle:
        ours = header_field(handle.read(1 << 16), SOURCE_LANGUAGE_HEADER)
    try:
        ours = languages.normalize(ours) if ours else ""
    except languages.LanguageError:
        return declared
    return ours if ours and same_language(ours, declared) else declared


def _base(tag: str) -> str:
    try:
        return languages.primary(tag)
    except languages.LanguageError:
        return tag.split("-")[0].lower()


@dataclass(frozen=True)
class SkippedUnit:
    """A unit left out because it is in another language than the project's."""

    unit: InterchangeUnit
    reason: str

    def __str__(self) -> str:
        where = f"line {self.unit.line}" if self.unit.line else f"unit {self.unit.id or '?'}"
        return f"{where}: {self.reason}"


def split_by_language(
    units: list[InterchangeUnit], document: Document, target_lang: str, path: Path
) -> tuple[list[InterchangeUnit], list[SkippedUnit]]:
    """The units in the project's languages, and those skipped; refuse a file with none."""
    kept: list[InterchangeUnit] = []
    skipped: list[SkippedUnit] = []
    first_error: InputError | None = None
    for unit in units:
        if unit.target_lang and unit.target and not same_language(unit.target_lang, target_lang):
            reason = f"translates into {unit.target_lang}, not {target_lang}"
            error = InputError(f"the file {reason}", path, line=unit.line)
        elif unit.source_lang and not same_language(unit.source_lang, document.lang):
            reason = f"source language is {unit.source_lang}, not {document.lang}"
            error = InputError(
                f"the file's source language is {unit.source_lang}, but the document is "
                f"in {document.lang} (give --from if the document is not)",
                path,
                line=unit.line,
            )
        else:
            kept.append(unit)
            continue
        skipped.append(SkippedUnit(unit, reason))
        first_error = first_error or error
    if first_error is not None and not kept:
        raise first_error
    return kept, skipped


def same_language(a: str, b: str) -> bool:
    return _base(a) == _base(b)
