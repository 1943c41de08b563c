"""Seeding a project from translations another tool made (TMX, XLIFF, PO).

Units are matched to the document's segments by source text (whitespace collapsed, NFC), the
way a translation memory's exact matches work. Nothing is thrown away: a unit that matches no
segment goes to ``translations/<stem>.<lang>.unmatched.tmx``; a second, different translation
for a segment already filled becomes a note on it; inline codes that plain text cannot hold are
reported and noted on the unit (and kept in the unmatched file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from termwise import languages
from termwise.document.ids import content_key
from termwise.document.model import Document, Segment, SegmentKind
from termwise.errors import InputError
from termwise.project.interchange import InlineCode, InterchangeUnit, read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState


@dataclass
class ImportReport:
    units: int = 0
    matched_units: int = 0
    segments_filled: int = 0
    already_same: int = 0
    kept_existing: int = 0
    alternatives: int = 0
    without_target: int = 0
    paragraph_units: int = 0
    paragraphs_not_split: int = 0
    unmatched: list[InterchangeUnit] = field(default_factory=list)
    with_codes: list[tuple[str, list[InlineCode]]] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"units read:             {self.units}",
            f"matched to segments:    {self.matched_units}",
            f"segments filled:        {self.segments_filled}",
            f"already the same:       {self.already_same}",
            f"kept existing work:     {self.kept_existing}",
            f"alternatives as notes:  {self.alternatives}",
            f"units without target:   {self.without_target}",
            f"paragraph units split:  {self.paragraph_units}",
            f"paragraphs not split:   {self.paragraphs_not_split} (kept aside)",
            f"unmatched (kept aside): {len(self.unmatched)}",
            f"with inline codes:      {len(self.with_codes)}",
        ]
        return out


def unmatched_path(tfile_path: Path) -> Path:
    """``translations/<stem>.<lang>.unmatched.tmx`` beside ``<stem>.<lang>.po``."""
    return tfile_path.with_name(tfile_path.name[: -len(".po")] + ".unmatched.tmx")


def import_file(
    path: str | Path,
    document: Document,
    tfile: TranslationFile,
    *,
    overwrite: bool = False,
) -> ImportReport:
    """Read ``path`` and apply its units to ``tfile`` (in memory; the caller saves)."""
    units = read_units(path, target_lang=tfile.lang, source_lang=document.lang)
    _check_languages(units, document, tfile, Path(path))
    return apply_units(units, document, tfile, overwrite=overwrite, origin=Path(path).name)


def _check_languages(
    units: list[InterchangeUnit], document: Document, tfile: TranslationFile, path: Path
) -> None:
    for unit in units:
        if (
            unit.target_lang
            and unit.target
            and not languages.same_language(unit.target_lang, tfile.lang)
        ):
            raise InputError(
                f"the file translates into {unit.target_lang}, not {tfile.lang}",
                path,
                line=unit.line,
            )
        if unit.source_lang and not languages.same_language(unit.source_lang, document.lang):
            raise InputError(
                f"the file's source language is {unit.source_lang}, but the document is "
                f"in {document.lang}",
                path,
                line=unit.line,
            )


def apply_units(
    units: list[InterchangeUnit],
    document: Document,
    tfile: TranslationFile,
    *,
    overwrite: bool = False,
    origin: str = "import",
) -> ImportReport:
    report = ImportReport(units=len(units))
    index: dict[str, list[str]] = {}
    for segment in document.segments:
        index.setdefault(content_key(segment.text), []).append(segment.id)
    paragraphs = _paragraph_index(document)
    filled_here: set[str] = set()
    for unit in units:
        key = content_key(unit.source)
        segment_ids = index.get(key, [])
        if segment_ids:
            pieces = [unit.target] * len(segment_ids)
        elif key in paragraphs and unit.target.strip():
            # A tool that segments by paragraph: the unit covers several of our sentences.
            # Its translation is split into sentences; only when the counts agree is it
            # spread over them, otherwise it is kept aside untouched.
            segment_ids = paragraphs[key]
            split = _split_sentences(unit.target, tfile.lang, len(segment_ids))
            if split is None:
                report.paragraphs_not_split += 1
                report.unmatched.append(unit)
                continue
            pieces = split
            report.paragraph_units += 1
        else:
            if unit.source.strip():
                report.unmatched.append(unit)
            continue
        report.matched_units += 1
        if not unit.target.strip():
            report.without_target += 1
            continue
        if unit.inline_codes:
            report.with_codes.append((segment_ids[0], unit.inline_codes))
        for segment_id, target in zip(segment_ids, pieces, strict=True):
            _apply(unit, target, tfile, segment_id, report, filled_here, overwrite, origin)
    return report


def _apply(
    unit: InterchangeUnit,
    target: str,
    tfile: TranslationFile,
    segment_id: str,
    report: ImportReport,
    filled_here: set[str],
    overwrite: bool,
    origin: str,
) -> None:
    project_unit = tfile.units[segment_id]
    if project_unit.target == target:
        report.already_same += 1
        if unit.reviewed is not False and project_unit.state is not SegmentState.REVIEWED:
            project_unit.mark_reviewed()
        return
    taken_by_import = segment_id in filled_here
    has_own_work = project_unit.state in (SegmentState.EDITED, SegmentState.REVIEWED)
    if taken_by_import or (has_own_work and not overwrite):
        note = f"Alternative translation ({origin}): {target}"
        if note not in project_unit.notes:
            project_unit.notes = f"{project_unit.notes}\n{note}".strip()
        if taken_by_import:
            report.alternatives += 1
        else:
            report.kept_existing += 1
        return
    # A TM's units carry no status: they are translations a person made and kept.
    project_unit.set_translation(target, reviewed=unit.reviewed is not False)
    project_unit.previous_source = None
    if unit.notes and unit.notes not in project_unit.notes:
        project_unit.notes = f"{project_unit.notes}\n{unit.notes}".strip()
    codes = [code.native for code in unit.inline_codes if code.side == "target"]
    if codes:
        note = f"Inline codes in {origin} not kept in the text: {' '.join(codes)}"
        project_unit.notes = f"{project_unit.notes}\n{note}".strip()
    filled_here.add(segment_id)
    report.segments_filled += 1


def _paragraph_index(document: Document) -> dict[str, list[str]]:
    """Joined text of each paragraph of two or more sentences → its segment ids."""
    groups: list[list[Segment]] = []
    for segment in document.segments:
        if (
            groups
            and segment.kind is SegmentKind.SENTENCE
            and groups[-1][-1].kind is SegmentKind.SENTENCE
            and groups[-1][-1].paragraph == segment.paragraph
        ):
            groups[-1].append(segment)
        else:
            groups.append([segment])
    index: dict[str, list[str]] = {}
    for group in groups:
        if len(group) > 1:
            key = content_key(" ".join(segment.text for segment in group))
            index.setdefault(key, [segment.id for segment in group])
    return index


def _split_sentences(text: str, lang: str, count: int) -> list[str] | None:
    from termwise.document import split_sentences

    normalized = content_key(text)
    spans = split_sentences(normalized, lang)
    if len(spans) != count:
        return None
    return [normalized[start:end].strip() for start, end in spans]


def write_unmatched(
    report: ImportReport, tfile: TranslationFile, document: Document
) -> Path | None:
    """Add the unmatched units to the unmatched TMX (atomically); return its path."""
    from termwise.atomic import write_atomic
    from termwise.project.tmx import tmx_bytes

    if not report.unmatched or tfile.path is None:
        return None
    path = unmatched_path(tfile.path)
    kept: list[InterchangeUnit] = []
    if path.exists():
        kept = read_units(path, target_lang=tfile.lang, source_lang=document.lang)
    seen = {(unit.source, unit.target) for unit in kept}
    for unit in report.unmatched:
        if (unit.source, unit.target) in seen:
            continue
        seen.add((unit.source, unit.target))
        kept.append(
            InterchangeUnit(
                id=unit.id,
                source=unit.source,
                target=unit.target,
                source_lang=unit.source_lang or document.lang,
                target_lang=unit.target_lang or tfile.lang,
                notes=unit.notes,
                inline_codes=unit.inline_codes,
                properties=unit.properties,
            )
        )
    write_atomic(path, tmx_bytes(kept, document.lang), backup=True)
    return path
