"""The export formats, registered by name: ``termwise export --format NAME``.

Each format is one function from (document, translation, options) to bytes; the command only
chooses one, so a new format is one more ``@exporter`` here or in a module that imports it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termwise.document.model import Document
from termwise.project.states import to_tmx
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.spreadsheet_cells import guard

if TYPE_CHECKING:
    from termwise.export.docx_source import WordSource
    from termwise.export.edition import Edition
    from termwise.glossary.model import Glossary


@dataclass(frozen=True)
class ExportOptions:
    target_only: bool = False
    include_unreviewed: bool = False
    glossary: Glossary | None = None
    title: str | None = None  # the edition's title, instead of the document's
    title_lang: str | None = None  # the language ``title`` is written in, where given
    # Concept id → the rendering the project chose ([mt.terms]): the "official" a marked
    # term's note names.
    chosen_terms: Mapping[str, str] = field(default_factory=dict)
    # ``--term-marks``/``--no-term-marks``; None: as ``marks_terms`` decides by default.
    term_marks: bool | None = None
    # A Word source's file as the export read it, once for the edition and its notes.
    word_source: WordSource | None = None

    @property
    def marks_terms(self) -> bool:
        """Whether the edition marks glossary terms (``marks_terms``)."""
        return marks_terms(self.target_only, self.term_marks)


def marks_terms(target_only: bool, term_marks: bool | None) -> bool:
    """Whether an edition marks glossary terms, the one rule every format follows: a
    bilingual edition is a review copy and does; the translation alone is the deliverable
    the client reads, where dotted underlines and an English legend are noise, so it does
    only when ``--term-marks`` asks (a review copy of the translation)."""
    return not target_only if term_marks is None else term_marks


ExportFunction = Callable[[Document, TranslationFile, ExportOptions], bytes]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    suffixes: tuple[str, ...]
    edition: bool  # a reading edition (supports --target-only, leaves out unreviewed MT)
    write: ExportFunction
    target_only_description: str | None = None  # an edition's, with --target-only

    def describe(self, options: ExportOptions) -> str:
        """What was written, for the user: a translated edition is no side-by-side one."""
        if options.target_only and self.target_only_description:
            return self.target_only_description
        return self.description


FORMATS: dict[str, ExportFormat] = {}


def exporter(
    name: str,
    description: str,
    suffixes: tuple[str, ...],
    *,
    edition: bool = False,
    target_only: str | None = None,
) -> Callable[[ExportFunction], ExportFunction]:
    """Registers a format; ``target_only`` describes an edition's translation alone."""

    def register(function: ExportFunction) -> ExportFunction:
        FORMATS[name] = ExportFormat(name, description, suffixes, edition, function, target_only)
        return function

    return register


def edition_names() -> tuple[str, ...]:
    """The formats that write a reading edition, for the messages that name them."""
    return tuple(name for name, export_format in FORMATS.items() if export_format.edition)


def format_for_suffix(suffix: str) -> ExportFormat | None:
    for export_format in FORMATS.values():
        if suffix.lower() in export_format.suffixes:
            return export_format
    return None


def _edition(document: Document, tfile: TranslationFile, options: ExportOptions) -> Edition:
    """The edition that the html, md, docx and txt formats each write, built once here so
    that the four read the options alike."""
    from termwise.export.edition import build_edition

    return build_edition(
        document,
        tfile,
        include_unreviewed=options.include_unreviewed,
        glossary=options.glossary if options.marks_terms else None,
        title=options.title,
        title_lang=options.title_lang,
        chosen_terms=options.chosen_terms,
        word_source=options.word_source,
    )


@exporter(
    "html",
    "standalone HTML edition, side by side",
    (".html", ".htm"),
    edition=True,
    target_only="standalone HTML edition of the translation",
)
def _html(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.export.html import html_edition

    return html_edition(_edition(document, tfile, options), target_only=options.target_only).encode(
        "utf-8"
    )


@exporter(
    "md",
    "Markdown edition",
    (".md", ".markdown"),
    edition=True,
    target_only="Markdown edition of the translation",
)
def _markdown(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.export.text_formats import markdown_edition

    return markdown_edition(
        _edition(document, tfile, options), target_only=options.target_only
    ).encode("utf-8")


@exporter(
    "docx",
    "Word edition (two-column table)",
    (".docx",),
    edition=True,
    target_only="Word edition of the translation",
)
def _docx(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.export.docx_edition import docx_edition

    return docx_edition(_edition(document, tfile, options), target_only=options.target_only)


@exporter(
    "txt",
    "plain-text edition",
    (".txt",),
    edition=True,
    target_only="plain-text edition of the translation",
)
def _text(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.export.text_formats import text_edition

    return text_edition(_edition(document, tfile, options), target_only=options.target_only).encode(
        "utf-8"
    )


@exporter("tmx", "TMX 1.4b translation memory", (".tmx",))
def _tmx(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.project.interchange import InterchangeUnit
    from termwise.project.tmx import tmx_bytes

    wanted = {SegmentState.REVIEWED}
    if options.include_unreviewed:
        wanted |= {SegmentState.MT, SegmentState.EDITED}
    units = []
    for segment in document.segments:
        unit = tfile.units.get(segment.id)
        if unit is None or not unit.target or unit.state not in wanted:
            continue
        properties = {**to_tmx(unit.state), "x-kind": segment.kind.value}
        if unit.mt_engine:
            properties["x-mt-engine"] = unit.mt_engine
        if unit.mt_model:
            properties["x-mt-model"] = unit.mt_model
        if unit.mt and unit.mt != unit.target:
            # The MT a translator replaced: TMX has no other place for it.
            properties["x-mt"] = unit.mt
        units.append(
            InterchangeUnit(
                id=segment.id,
                source=segment.text,
                target=unit.target,
                source_lang=tfile.source_lang,
                target_lang=tfile.lang,
                notes=unit.notes,
                properties=properties,
            )
        )
    return tmx_bytes(units, tfile.source_lang)


@exporter("xliff", "XLIFF 2.1", (".xlf", ".xliff"))
def _xliff2(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.export.xliff import xliff2_bytes

    return xliff2_bytes(document, tfile)


@exporter("xliff12", "XLIFF 1.2", (".xlf12",))
def _xliff12(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.export.xliff import xliff12_bytes

    return xliff12_bytes(document, tfile)


CSV_COLUMNS = ("id", "kind", "source", "target", "state", "mt", "mt_engine", "mt_model", "notes")


@exporter("csv", "CSV table (UTF-8 with BOM, opens in spreadsheets)", (".csv",))
def _csv(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    from termwise.project.units import TranslationUnit, describe

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for segment in document.segments:
        unit = tfile.units.get(segment.id) or TranslationUnit(segment.id, segment.text)
        row = describe(unit)
        row["kind"] = segment.kind.value
        row["source"] = segment.text
        # A sentence or note beginning "=" or "-" must stay text in the spreadsheet.
        writer.writerow(
            {
                column: guard(value) if isinstance(value, str) else value
                for column, value in row.items()
            }
        )
    # The BOM is what makes Excel read UTF-8 instead of the ANSI code page.
    return buffer.getvalue().encode("utf-8-sig")


@exporter("po", "gettext PO (the project file format)", (".po",))
def _po(document: Document, tfile: TranslationFile, options: ExportOptions) -> bytes:
    return tfile.to_bytes()
