"""One document's translation into one language: ``translations/<stem>.<lang>.po``.

:class:`TranslationFile` holds the units in the document's order and the file's header. It
reads and writes through :mod:`termwise.project.po_format` (the PO codec) and saves and
merges through :mod:`termwise.project.store` (atomic writes, the disk fingerprint).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from termwise import languages
from termwise.errors import InputError
from termwise.project import po_format, store
from termwise.project.entry_spans import Span
from termwise.project.store import DiskFingerprint, MergeReport
from termwise.project.units import SegmentState, TranslationUnit

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog


@dataclass
class TranslationFile:
    """The translation of one document into one language (``translations/<stem>.<lang>.po``)."""

    lang: str
    source_lang: str
    units: dict[str, TranslationUnit] = field(default_factory=dict)
    obsolete: list[TranslationUnit] = field(default_factory=list)
    document_name: str = ""
    last_translator: str | None = None
    language_team: str | None = None
    extra_headers: list[tuple[str, str]] = field(default_factory=list)
    # The file's Plural-Forms header, kept as it is: its plural entries' forms are indexed
    # by it (None: the language's rule, see ``po_format.language_plural_rule``).
    plural_forms: str | None = None
    created: dt.datetime | None = None
    # How the file on disk is laid out, so that a save writes it the same way (see
    # ``po_format.file_style``): its header's field order (lower-cased names; empty:
    # gettext's order) and the width its strings are wrapped at (None: unwrapped).
    header_order: tuple[str, ...] = ()
    wrap_width: int | None = None
    # The comment lines above the header, as the file has them (None: termwise's own), and
    # its Content-Type as written (None: termwise's).
    header_comment: str | None = None
    content_type: str | None = None
    # Its header entry's lines and ``#, fuzzy``, its line ends and whether it ends with a
    # blank line, as written (see ``po_format.FileStyle``; the defaults: termwise's own).
    header_entry: str | None = None
    header_fuzzy: bool = False
    newline: str = "\n"
    blank_line_at_end: bool = True
    # Each obsolete unit as read, by (source, segment id): its key then, and its entry's
    # text in the file, written back as it was while the unit is unchanged.
    obsolete_as_read: dict[tuple[str, str], tuple[tuple[object, ...], str]] = field(
        default_factory=dict, repr=False, compare=False
    )
    path: Path | None = None
    # The store's bookkeeping (see termwise.project.store).
    _fingerprint: DiskFingerprint | None = field(default=None, repr=False, compare=False)
    # Each unit as the file with ``_fingerprint`` holds it (its key: the base of a three-way
    # merge) and where its entry lies in that file (start -1: not known; see entry_spans).
    _written: dict[str, Span] = field(default_factory=dict, repr=False, compare=False)
    # The SHA-256 of the file as loaded, until its entries' places are found: at the first
    # save, by reading the file again, so that opening stays fast.
    _pending_scan: str | None = field(default=None, repr=False, compare=False)
    # The header as the file with ``_fingerprint`` holds it (``store.header_fields``): the
    # base of a merge's header, as ``_written`` is of its entries'.
    _header_read: store.HeaderFields | None = field(default=None, repr=False, compare=False)
    # For each segment, the entries this object's saves replaced in the file, oldest first,
    # a few, each with what the save wrote and which save it was: another program that read
    # the file before such a save and saves its copy writes one of them back, which undoes
    # nothing the translator did; one that read it after wrote it on purpose (see
    # ``store._written_back``, ``store._CopyAge``).
    _replaced: dict[str, tuple[store.Replacement, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # How many saves of this object replaced entries in the file: ``_replaced``'s numbering.
    _saves_made: int = field(default=0, repr=False, compare=False)
    # The stat of the file the last ``save`` left at ``path`` (written, or found up to date),
    # taken from that file itself: a stat of the path afterwards took another program's save
    # made in between for ours (None: not saved since it was read).
    written_stat: os.stat_result | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.lang = languages.normalize(self.lang)
        self.source_lang = languages.normalize(self.source_lang)

    # -- reading -------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> TranslationFile:
        """Read a project file; a malformed one is an ``InputError`` naming file and line."""
        file_path = Path(path)
        from termwise.input_files import read_input

        # Taken before the bytes are read, so that it describes them or an older file: one
        # taken after took another program's save landing in between for the file read.
        try:
            stat = file_path.stat()
        except OSError:
            stat = None  # read_input says what is wrong with the path
        data = read_input(file_path)
        from termwise.project import parse_cache

        fingerprint = DiskFingerprint.of_read(stat, data) if stat is not None else None
        digest = fingerprint.sha256 if fingerprint else hashlib.sha256(data).hexdigest()
        tfile = parse_cache.read(file_path, digest)
        if tfile is None:
            tfile = cls.from_bytes(data, file_path)
            if len(tfile.units) >= parse_cache.MIN_UNITS:
                parse_cache.write_later(file_path, digest, tfile)
        else:
            tfile.take_style(po_format.file_style(data), data, file_path)
        tfile.path = file_path
        tfile._fingerprint = fingerprint
        tfile._written = {unit.segment_id: (unit.key(), -1, 0) for unit in tfile}
        tfile._pending_scan = digest
        tfile._header_read = store.header_fields(tfile)
        return tfile

    @classmethod
    def from_bytes(cls, data: bytes, path: str | Path = "<input>") -> TranslationFile:
        catalog, raw_header = po_format.read_catalog(data, path)
        headers = po_format.parse_header(raw_header)
        lang_header = po_format.header_value(catalog, "Language")
        if not lang_header:
            raise InputError("PO header has no Language field; termwise needs it", path, line=1)
        try:
            lang = languages.normalize(lang_header)
            source_header = headers.get(po_format.SOURCE_LANGUAGE_HEADER.lower())
            source_lang = languages.normalize(source_header or "en")
        except languages.LanguageError as error:
            raise InputError(str(error), path, line=1) from error
        tfile = cls(
            lang=lang,
            source_lang=source_lang,
            document_name=headers.get("project-id-version", ""),
            # Babel gives a file without these fields its placeholders and the time now.
            created=catalog.creation_date
            if "pot-creation-date" in headers and isinstance(catalog.creation_date, dt.datetime)
            else None,
            last_translator=headers.get("last-translator") or None,
            language_team=headers.get("language-team") or None,
            extra_headers=po_format.extra_headers(raw_header),
            # A file without Plural-Forms is read by the forms its plural entries have.
            plural_forms=po_format.file_plural_forms(catalog, raw_header),
        )
        singular = tfile.singular_index()
        for message in catalog:
            if not message.id:
                continue
            unit = po_format.unit_from_message(message, singular)
            line = message.lineno
            if not unit.segment_id:
                raise InputError(
                    "entry has no msgctxt (the segment id), so this is no termwise project "
                    "file; bring its translations in with: termwise import FILE --doc DOC --to LANG",
                    path,
                    line=line,
                )
            if unit.segment_id in tfile.units:
                raise InputError(
                    f"segment id {unit.segment_id!r} appears twice (msgctxt must be unique)",
                    path,
                    line=line,
                )
            tfile.units[unit.segment_id] = unit
        for message in catalog.obsolete.values():
            tfile.obsolete.append(po_format.unit_from_message(message, singular))
        tfile.take_style(po_format.file_style(data), data, path)
        return tfile

    def take_style(self, style: po_format.FileStyle, data: bytes, path: str | Path) -> None:
        """Write as the file read (``data``) is laid out (see ``po_format.FileStyle``),
        its obsolete entries as they are in it."""
        self.header_order = style.header_order
        self.wrap_width = style.wrap_width
        self.header_comment = style.header_comment
        self.content_type = style.content_type
        self.header_entry = style.header_entry
        self.header_fuzzy = style.header_fuzzy
        self.newline = style.newline
        self.blank_line_at_end = style.blank_line_at_end
        self.obsolete_as_read = {}
        if self.obsolete and b"#~ msgid " in data:
            decoded = po_format.decode_po(data, path)
            if style.newline == "\r\n":
                decoded = decoded.replace("\r\n", "\n")  # written back with the file's ends
            written = po_format.obsolete_as_written(decoded)
            for unit in self.obsolete:
                key = (unit.source, unit.segment_id)
                text = written.get(key)
                if text is not None:
                    self.obsolete_as_read[key] = (unit.key(), text)

    def plural_rule(self) -> tuple[int, str]:
        """``(nplurals, expression)`` of this file's plural entries."""
        return po_format.plural_rule(self.plural_forms, self.lang)

    def singular_index(self) -> int:
        """Which plural form translates a plural entry's singular source (n=1)."""
        return po_format.singular_index(self.plural_rule()[1])

    # -- writing -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The PO file's bytes (UTF-8), as Babel writes them (the same as ``full_bytes()``),
        with the entries that did not change since the file was read or saved copied from it."""
        return store.file_bytes(self)

    def full_bytes(self) -> bytes:
        """The whole file formatted by Babel in one go (what ``to_bytes`` must equal)."""
        options = {**po_format.WRITE_OPTIONS, "wrap": self.wrap_width}
        live = {(unit.source, unit.segment_id) for unit in self.units.values()}
        chunks = (
            po_format.write_catalog(self.to_catalog(), ignore_obsolete=True, **options),
            po_format.obsolete_entries(self, self.obsolete, live, **options),
        )
        return b"".join(
            po_format.in_file_style(
                chunks, newline=self.newline, blank_line_at_end=self.blank_line_at_end
            )
        )

    def to_catalog(self) -> Catalog:
        return po_format.full_catalog(self)

    def save(
        self,
        path: str | Path | None = None,
        *,
        force: bool = False,
        snapshot: store.Snapshot | None = None,
    ) -> Path:
        """Write atomically, keeping the previous file as ``name~``.

        Refuses (``ConcurrentModificationError``) when the file on disk is not the one this
        object was loaded from or last saved to, unless ``force``; call ``merge_from_disk``
        first to keep both sides' work. A ``snapshot`` (``store.Snapshot.of(self)``, taken
        where the units change) is written instead of the units as they are now, so that
        another thread can save while they change.
        """
        return store.save(self, path, force=force, snapshot=snapshot)

    def check_unchanged_on_disk(self, target: Path | None = None) -> None:
        """Raise ``ConcurrentModificationError`` when ``target`` changed since load/save."""
        store.check_unchanged_on_disk(self, target)

    @property
    def saved_sha256(self) -> str | None:
        """The SHA-256 of the file as last read or written (None: never on disk)."""
        return self._fingerprint.sha256 if self._fingerprint is not None else None

    def changed_on_disk(self) -> bool:
        try:
            self.check_unchanged_on_disk()
        except store.ConcurrentModificationError:
            return True
        return False

    def merge_from_disk(self, path: str | Path | None = None) -> MergeReport:
        """Three-way merge of the file on disk into this one (base: what was loaded).

        A segment changed only on disk takes the disk's version; one changed only here keeps
        ours; one changed on both sides takes each part (text, state, notes, ...) from the
        side that changed it, and where both rewrote the text keeps ours and records the
        disk's in the notes, so neither is lost (``store._merge_unit``). An entry a save of
        this object replaced, written back by a program that held a copy read before that
        save, is no change of the other program's: the translator's stays, the older text
        in the notes. A text the translator wrote that the merge replaces goes into the
        segment's notes (``store.REPLACED_NOTE``). The header's fields go the same way
        (``store._merge_header``). Afterwards ``save`` no longer refuses.
        """
        return store.merge_from_disk(self, path)

    # -- helpers -------------------------------------------------------------------------

    def counts(self) -> dict[SegmentState, int]:
        result = dict.fromkeys(SegmentState, 0)
        for unit in self.units.values():
            result[unit.state] += 1
        return result

    def __iter__(self) -> Iterator[TranslationUnit]:
        return iter(self.units.values())
