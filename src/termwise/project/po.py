"""Project files: one document's translation into one language, as a gettext PO file.

PO is what Poedit, Lokalize, Weblate, pofilter and msgfmt already read, so a translator can
take the file anywhere. termwise maps its model onto plain PO conventions:

* ``msgctxt`` is the segment id, ``msgid`` the source, ``msgstr`` the translation;
* translator comments (``# ...``) are the translator's notes;
* extracted comments (``#. mt: ...``, ``#. mt-engine: ...``, ``#. mt-model: ...``) hold the
  machine translation, so it survives next to the human one;
* the state is read off the file, never stored beside it: an empty ``msgstr`` is *new*; a
  ``fuzzy`` ``msgstr`` equal to the MT is *mt*; any other ``fuzzy`` ``msgstr`` is *edited*;
  a ``msgstr`` without ``fuzzy`` is *reviewed*. Whatever another editor did to the file
  therefore means the same thing to termwise.

Babel writes and parses the file. Babel is lenient (it silently drops a character of a
string with a missing quote), so :func:`check_po_syntax` first checks every line strictly and
names the line and column of the first error, before anything is parsed or written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from termwise import languages
from termwise.errors import InputError, TermwiseError
from termwise.project import entry_spans
from termwise.project.entry_spans import ENTRY_SEPARATOR, Piece, Span

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

MT_PREFIX = "mt: "
MT_ENGINE_PREFIX = "mt-engine: "
MT_MODEL_PREFIX = "mt-model: "
# An MT text or a note that a comment line cannot hold as it is (a TAB, spaces at a line's
# end, an empty line: Babel expands tabs and strips comment lines) is written once, quoted
# and escaped like a PO string, so that it comes back exactly.
MT_QUOTED_PREFIX = "mt-quoted: "
SOURCE_LANGUAGE_HEADER = "X-Source-Language"
# Comments are written unwrapped: Babel wraps comments at the line width and the break
# loses the exact text (``well-known`` may come back as ``well- known``), and the state
# *mt* depends on the MT comparing equal to the translation. ``msgcat --no-wrap`` does the same.
NO_WRAP = 1_000_000


class SegmentState(str, Enum):
    """Where a segment's translation stands, as the PO file shows it."""

    NEW = "new"
    MT = "mt"
    EDITED = "edited"
    REVIEWED = "reviewed"


@dataclass(slots=True)
class TranslationUnit:
    """One segment's translation, its machine translation and the translator's notes."""

    segment_id: str
    source: str
    target: str = ""
    state: SegmentState = SegmentState.NEW
    mt: str | None = None
    mt_engine: str | None = None
    mt_model: str | None = None
    notes: str = ""
    # The source this translation was made for, when it was carried over from a changed
    # sentence (written as gettext's ``#| msgid`` so Poedit shows the difference).
    previous_source: str | None = None
    flags: frozenset[str] = frozenset()
    # Extracted comments from other tools (``#. ...``), kept so a save does not drop them.
    comments: tuple[str, ...] = ()
    # ``key()`` cached. Slots rather than a __dict__ per unit: a book holds 50,000 units,
    # and a dict of a dozen fields costs several times the fields themselves.
    _key: tuple[object, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def __setattr__(self, name: str, value: object) -> None:
        # Any change forgets the cached key, so a save formats this entry again (and only
        # the entries that changed: a book has 50,000 of them and autosave runs often).
        object.__setattr__(self, name, value)
        object.__setattr__(self, "_key", None)

    def key(self) -> tuple[object, ...]:
        """Everything written to the file for this unit; equal keys mean equal entries."""
        cached = self._key
        if cached is None:
            cached = _unit_key(self)
            object.__setattr__(self, "_key", cached)
        return cached

    @classmethod
    def from_key(cls, key: tuple[object, ...]) -> TranslationUnit:
        """A unit from its key (a parse cache row), without the cost of ``__init__``."""
        unit = cls.__new__(cls)
        set_field = object.__setattr__
        for name, value in zip(KEY_FIELDS, key, strict=True):
            set_field(unit, name, value)
        set_field(unit, "_key", key)
        return unit

    @property
    def fuzzy(self) -> bool:
        return self.state in (SegmentState.MT, SegmentState.EDITED) and bool(self.target)

    def set_translation(self, text: str, *, reviewed: bool = False) -> None:
        """A person typed ``text``: edited (still fuzzy) or, with ``reviewed``, done."""
        self.target = text
        if not text:
            self.state = SegmentState.NEW
        elif reviewed:
            self.state = SegmentState.REVIEWED
        elif self.mt is not None and same_text(text, self.mt):
            self.state = SegmentState.MT
        else:
            self.state = SegmentState.EDITED

    def mark_reviewed(self) -> None:
        if self.target:
            self.state = SegmentState.REVIEWED
            self.previous_source = None

    def has_work(self) -> bool:
        """Whether losing this unit would lose something a person or an engine produced."""
        return bool(self.target or self.notes or self.mt)


class ConcurrentModificationError(TermwiseError):
    """The project file changed on disk since it was loaded: saving would overwrite that."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} was changed on disk by another program since termwise loaded it; "
            "nothing was written. Merge the changes on disk (TranslationFile.merge_from_disk, "
            "or reopen the file) or overwrite them deliberately (save(force=True))."
        )


@dataclass(frozen=True)
class DiskFingerprint:
    """What the file on disk looked like when it was read or written."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path, data: bytes | None = None) -> DiskFingerprint | None:
        try:
            stat = path.stat()
            payload = path.read_bytes() if data is None else data
        except FileNotFoundError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size, hashlib.sha256(payload).hexdigest())

    def matches(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except FileNotFoundError:
            return False
        if stat.st_size != self.size:
            return False
        if stat.st_mtime_ns == self.mtime_ns:
            return True
        # Same size, other mtime: a ``touch`` or an editor that saved the same bytes is no
        # conflict, so the hash decides.
        return hashlib.sha256(path.read_bytes()).hexdigest() == self.sha256


@dataclass
class MergeReport:
    """What merging the version on disk into the one in memory did."""

    taken_from_disk: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    added_from_disk: list[str] = field(default_factory=list)


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
    created: dt.datetime | None = None
    path: Path | None = None
    _fingerprint: DiskFingerprint | None = field(default=None, repr=False, compare=False)
    # Each unit as the file with ``_fingerprint`` holds it (its key: the base of a three-way
    # merge) and where its entry lies in that file (start -1: not known; see entry_spans).
    _written: dict[str, Span] = field(default_factory=dict, repr=False, compare=False)
    # The SHA-256 of the file as loaded, until its entries' places are found: at the first
    # save, by reading the file again, so that opening stays fast.
    _pending_scan: str | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.lang = languages.normalize(self.lang)
        self.source_lang = languages.normalize(self.source_lang)

    # -- reading -------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> TranslationFile:
        """Read a project file; a malformed one is an ``InputError`` naming file and line."""
        file_path = Path(path)
        from termwise.input_files import read_input

        data = read_input(file_path)
        from termwise.project import parse_cache

        fingerprint = DiskFingerprint.of(file_path, data)
        digest = fingerprint.sha256 if fingerprint else hashlib.sha256(data).hexdigest()
        tfile = parse_cache.read(file_path, digest)
        if tfile is None:
            tfile = cls.from_bytes(data, file_path)
            if len(tfile.units) >= parse_cache.MIN_UNITS:
                parse_cache.write_later(file_path, digest, tfile)
        tfile.path = file_path
        tfile._fingerprint = fingerprint
        tfile._written = {unit.segment_id: (unit.key(), -1, 0) for unit in tfile}
        tfile._pending_scan = digest
        return tfile

    @classmethod
    def from_bytes(cls, data: bytes, path: str | Path = "<input>") -> TranslationFile:
        catalog, raw_header = read_catalog(data, path)
        headers = _parse_header(raw_header)
        lang_header = _header(catalog, "Language")
        if not lang_header:
            raise InputError("PO header has no Language field; termwise needs it", path, line=1)
        try:
            lang = languages.normalize(lang_header)
            source_lang = languages.normalize(headers.get(SOURCE_LANGUAGE_HEADER.lower()) or "en")
        except languages.LanguageError as error:
            raise InputError(str(error), path, line=1) from error
        tfile = cls(
            lang=lang,
            source_lang=source_lang,
            document_name=headers.get("project-id-version", ""),
            created=catalog.creation_date
            if isinstance(catalog.creation_date, dt.datetime)
            else None,
            last_translator=catalog.last_translator or None,
            language_team=catalog.language_team or None,
            extra_headers=_extra_headers(raw_header),
        )
        for message in catalog:
            if not message.id:
                continue
            unit = unit_from_message(message)
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
            tfile.obsolete.append(unit_from_message(message))
        return tfile

    # -- writing -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The PO file's bytes (UTF-8), as Babel writes them (the same as ``full_bytes()``),
        with the entries that did not change since the file was read or saved copied from it."""
        with self._open_spanned_file() as source:
            header, entries, trailer, _ = self._plan(self._written if source else {})
            return b"".join(entry_spans.chunks(header, entries, trailer, source))

    def _plan(self, spans: dict[str, Span]) -> tuple[bytes, list[Piece], bytes, dict[str, Span]]:
        """The file to write: header, one piece per unit (formatted now, or the span of an
        unchanged entry in ``spans``' file), obsolete entries; and the units' new spans."""
        from babel.messages.catalog import Catalog, Message

        options = {"width": NO_WRAP, "no_location": True, "include_previous": True}
        header = _write(_new_catalog(self), **options)
        units = list(self.units.values())
        keys = [unit.key() for unit in units]
        stale = [
            (unit, key)
            for unit, key in zip(units, keys, strict=True)
            if (span := spans.get(unit.segment_id, _NO_SPAN))[1] < 0 or span[0] != key
        ]
        formatted: dict[str, bytes] = {}
        if stale:
            batch = Catalog(fuzzy=False, charset="utf-8")
            for unit, _ in stale:
                batch[unit.source] = message_from_unit(unit, Message)
            blocks = _write(batch, omit_header=True, **options).split(ENTRY_SEPARATOR)
            if len(blocks) != len(stale) + 1:  # an entry with an empty line: cannot happen
                raise TermwiseError("Babel wrote an entry with an empty line in it")
            for (unit, _), block in zip(stale, blocks, strict=False):
                formatted[unit.segment_id] = block
        entries: list[Piece] = []
        new_spans: dict[str, Span] = {}
        position = len(header)
        for unit, key in zip(units, keys, strict=True):
            fresh = formatted.get(unit.segment_id)
            if fresh is None:
                _, start, length = spans[unit.segment_id]
                entries.append((start, length))
            else:
                length = len(fresh)
                entries.append(fresh)
            new_spans[unit.segment_id] = (key, position, length)
            position += length + len(ENTRY_SEPARATOR)
        trailer = _write(self._obsolete_catalog(), omit_header=True, **options)
        return header, entries, trailer, new_spans

    @contextlib.contextmanager
    def _open_spanned_file(self) -> Iterator[BinaryIO | None]:
        """The file the spans point into, open, if it is still the one they were taken from."""
        self._scan_loaded_file()
        fingerprint = self._fingerprint
        if not self._written or self.path is None or fingerprint is None:
            yield None
            return
        try:
            handle = self.path.open("rb")
        except OSError:
            yield None
            return
        with handle:
            unchanged = entry_spans.is_unchanged(
                handle, fingerprint.size, fingerprint.mtime_ns, fingerprint.sha256
            )
            yield handle if unchanged else None

    def full_bytes(self) -> bytes:
        """The whole file formatted by Babel in one go (what ``to_bytes`` must equal)."""
        return _write(self.to_catalog(), width=NO_WRAP, no_location=True, include_previous=True)

    def _obsolete_catalog(self) -> Catalog:
        from babel.messages.catalog import Catalog, Message

        catalog = Catalog(fuzzy=False, charset="utf-8")
        live = {(unit.source, unit.segment_id) for unit in self.units.values()}
        for unit in self.obsolete:
            key = (unit.source, unit.segment_id)
            if key in live or key in catalog.obsolete:
                continue
            catalog.obsolete[key] = message_from_unit(unit, Message)
        return catalog

    def to_catalog(self) -> Catalog:
        from babel.messages.catalog import Message

        catalog = _new_catalog(self)
        for unit in self.units.values():
            # The key Babel uses is (msgid, msgctxt), so two segments with the same source
            # stay two entries.
            catalog[unit.source] = message_from_unit(unit, Message)
        for unit in self.obsolete:
            key = (unit.source, unit.segment_id)
            if key in catalog._messages or key in catalog.obsolete:
                continue
            catalog.obsolete[key] = message_from_unit(unit, Message)
        return catalog

    def save(self, path: str | Path | None = None, *, force: bool = False) -> Path:
        """Write atomically, keeping the previous file as ``name~``.

        Refuses (``ConcurrentModificationError``) when the file on disk is not the one this
        object was loaded from or last saved to, unless ``force``; call ``merge_from_disk``
        first to keep both sides' work.
        """
        from termwise.atomic import write_atomic

        target = Path(path) if path is not None else self.path
        if target is None:
            raise TermwiseError("this translation has no file yet; name one to save it")
        if not force:
            self.check_unchanged_on_disk(target)
        # Unchanged entries are copied from the file being replaced, and the file is hashed
        # on the way: a book's file is never held in memory.
        digest = hashlib.sha256()
        with self._open_spanned_file() as source:
            header, entries, trailer, written = self._plan(self._written if source else {})
            chunks = entry_spans.chunks(header, entries, trailer, source)
            write_atomic(target, _hashing(chunks, digest), backup=True)
        self._written = written
        self.path = target
        stat = target.stat()
        self._fingerprint = DiskFingerprint(stat.st_mtime_ns, stat.st_size, digest.hexdigest())
        if len(self.units) >= _parse_cache_min_units() and self._fingerprint is not None:
            from termwise.project import parse_cache

            keys = [key for key, _, _ in written.values()]
            parse_cache.write_later(target, self._fingerprint.sha256, self, keys=keys)
        return target

    def _scan_loaded_file(self) -> None:
        """Find the spans of the file as loaded (once, at the first save after a load)."""
        digest, self._pending_scan = self._pending_scan, None
        if digest is None or self.path is None:
            return
        try:
            with self.path.open("rb") as handle:
                found = entry_spans.scan(
                    handle, digest, [key for key, _, _ in self._written.values()]
                )
        except OSError:
            return
        if found is not None:
            self._written = found

    def check_unchanged_on_disk(self, target: Path | None = None) -> None:
        """Raise ``ConcurrentModificationError`` when ``target`` changed since load/save."""
        target = target if target is not None else self.path
        if target is None:
            return
        same_file = self.path is not None and _same_path(self.path, target)
        expected = self._fingerprint if same_file else None
        if expected is None:
            # Nothing was read from this path: it must still not exist.
            if target.exists():
                raise ConcurrentModificationError(target)
            return
        if not expected.matches(target):
            raise ConcurrentModificationError(target)

    @property
    def saved_sha256(self) -> str | None:
        """The SHA-256 of the file as last read or written (None: never on disk)."""
        return self._fingerprint.sha256 if self._fingerprint is not None else None

    def changed_on_disk(self) -> bool:
        try:
            self.check_unchanged_on_disk()
        except ConcurrentModificationError:
            return True
        return False

    def merge_from_disk(self, path: str | Path | None = None) -> MergeReport:
        """Three-way merge of the file on disk into this one (base: what was loaded).

        A segment changed only on disk takes the disk's version; one changed only here keeps
        ours; one changed on both sides keeps ours and records the disk's translation in the
        notes, so neither is lost. Afterwards ``save`` no longer refuses.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise TermwiseError("this translation has no file to merge with")
        theirs = TranslationFile.load(target)
        report = MergeReport()
        our_sources = {unit.source for unit in self.units.values()}
        for segment_id, their_unit in theirs.units.items():
            ours = self.units.get(segment_id)
            written = self._written.get(segment_id)
            base = _work_of(written[0]) if written is not None else None
            if ours is None:
                if base is None and their_unit.source in our_sources and not their_unit.has_work():
                    continue
                if base is None:
                    report.added_from_disk.append(segment_id)
                    self.obsolete.append(their_unit)
                continue
            if _same_work(ours, their_unit):
                continue
            ours_changed = base is None or _work(ours) != base
            theirs_changed = base is None or _work(their_unit) != base
            if theirs_changed and not ours_changed:
                merged = replace(their_unit, source=ours.source, segment_id=segment_id)
                self.units[segment_id] = merged
                report.taken_from_disk.append(segment_id)
            elif theirs_changed and ours_changed:
                if their_unit.target and their_unit.target != ours.target:
                    note = f"Other version on disk ({their_unit.state.value}): {their_unit.target}"
                    if note not in ours.notes:
                        ours.notes = f"{ours.notes}\n{note}".strip()
                report.conflicts.append(segment_id)
        for their_unit in theirs.obsolete:
            if all(not _same_work(their_unit, unit) for unit in self.obsolete):
                self.obsolete.append(their_unit)
        self._fingerprint = theirs._fingerprint
        # The next merge is against what is on disk now, and the next save copies from it.
        self._written, self._pending_scan = theirs._written, theirs._pending_scan
        self.path = target
        return report

    # -- helpers -------------------------------------------------------------------------

    def counts(self) -> dict[SegmentState, int]:
        result = dict.fromkeys(SegmentState, 0)
        for unit in self.units.values():
            result[unit.state] += 1
        return result

    def __iter__(self) -> Iterator[TranslationUnit]:
        return iter(self.units.values())


_NO_SPAN: Span = ((), -1, 0)
_NEEDS_ESCAPING = re.compile(r'["\\\n\t\r]')


def _hashing(chunks: Iterable[bytes], digest: Any) -> Iterator[bytes]:
    for chunk in chunks:
        digest.update(chunk)
        yield chunk


def _parse_cache_min_units() -> int:
    from termwise.project.parse_cache import MIN_UNITS

    return MIN_UNITS


def escape_po(text: str) -> str:
    """A string as Babel writes it between PO quotes."""
    if _NEEDS_ESCAPING.search(text) is None:
        return text  # segment ids are hex digits: the common case needs no escaping
    from babel.messages.pofile import escape

    return escape(text)[1:-1]


def _write(catalog: Catalog, **options: Any) -> bytes:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, **options)
    return buffer.getvalue()


KEY_FIELDS = (
    "segment_id",
    "source",
    "target",
    "state",
    "mt",
    "mt_engine",
    "mt_model",
    "notes",
    "previous_source",
    "flags",
    "comments",
)


def _unit_key(unit: TranslationUnit) -> tuple[object, ...]:
    return (
        unit.segment_id,
        unit.source,
        unit.target,
        unit.state,
        unit.mt,
        unit.mt_engine,
        unit.mt_model,
        unit.notes,
        unit.previous_source,
        unit.flags,
        unit.comments,
    )


def _work(unit: TranslationUnit) -> tuple[object, ...]:
    return (unit.target, unit.state, unit.notes, unit.mt)


def _work_of(key: tuple[object, ...]) -> tuple[object, ...]:
    # _work() of the unit a key was taken from (the fields' places in _unit_key).
    return (key[2], key[3], key[7], key[4])


def _same_work(a: TranslationUnit, b: TranslationUnit) -> bool:
    return (a.target, a.state, a.notes, a.mt) == (b.target, b.state, b.notes, b.mt)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b) if a.exists() and b.exists() else a.resolve() == b.resolve()
    except OSError:
        return a.resolve() == b.resolve()


# -- mapping between units and Babel messages ------------------------------------------


def message_from_unit(unit: TranslationUnit, message_cls: type[Message]) -> Message:
    auto_comments: list[str] = list(unit.comments)
    if unit.mt is not None and _needs_quoting(unit.mt, strips_start=False):
        auto_comments.append(MT_QUOTED_PREFIX + _quote_comment(unit.mt))
    elif unit.mt is not None:
        auto_comments.extend(MT_PREFIX + line for line in _comment_lines(unit.mt))
    # The engine and model are kept even without the MT text (another tool may drop it).
    if unit.mt_engine:
        auto_comments.append(MT_ENGINE_PREFIX + unit.mt_engine)
    if unit.mt_model:
        auto_comments.append(MT_MODEL_PREFIX + unit.mt_model)
    if _needs_quoting(unit.notes, strips_start=True) or _looks_quoted(unit.notes):
        user_comments = [_quote_comment(unit.notes)]
    else:
        user_comments = unit.notes.splitlines()
    flags = set(unit.flags) - {"fuzzy", "python-format"}
    if unit.fuzzy:
        flags.add("fuzzy")
    message = message_cls(
        unit.source,
        unit.target,
        flags=sorted(flags),
        auto_comments=auto_comments,
        user_comments=user_comments,
        previous_id=unit.previous_source or (),
        context=unit.segment_id,
    )
    # Babel guesses ``python-format`` from a ``%`` in the text ("5% in 2020"), and msgfmt
    # --check would then demand matching placeholders in the translation.
    message.flags.discard("python-format")
    if "python-format" in unit.flags:
        message.flags.add("python-format")
    return message


def unit_from_message(message: Message) -> TranslationUnit:
    source = message.id if isinstance(message.id, str) else message.id[0]
    string = message.string
    target = string if isinstance(string, str) else (string[0] if string else "")
    target = target or ""
    mt_lines: list[str] = []
    engine = model = None
    other: list[str] = []
    current: str | None = None
    for comment in message.auto_comments:
        if comment.startswith(MT_QUOTED_PREFIX):
            mt_lines = [_unquote_po(comment[len(MT_QUOTED_PREFIX) :])]
            current = None
        elif comment.startswith(MT_PREFIX) or comment == MT_PREFIX.strip():
            mt_lines.append(comment[len(MT_PREFIX) :])
            current = "mt"
        elif comment.startswith(MT_ENGINE_PREFIX):
            engine = comment[len(MT_ENGINE_PREFIX) :].strip() or None
            current = None
        elif comment.startswith(MT_MODEL_PREFIX):
            model = comment[len(MT_MODEL_PREFIX) :].strip() or None
            current = None
        elif current == "mt" and mt_lines:
            # Another editor (polib, Poedit, msgcat) re-wrapped the long comment line.
            mt_lines[-1] = _rejoin(mt_lines[-1], comment)
        else:
            other.append(comment)
    notes: list[str] = []
    previous: str | None = None
    for comment in message.user_comments:
        # Babel hands gettext's ``#| msgid "..."`` (previous source) back as a translator
        # comment; it is not a note.
        if comment.startswith("|"):
            field_text = comment[1:].strip()
            if field_text.startswith("msgid "):
                previous = _unquote_po(field_text[len("msgid ") :])
            elif field_text.startswith('"') and previous is not None:
                previous += _unquote_po(field_text)
            continue
        notes.append(comment)
    previous_id = message.previous_id
    if previous is None and previous_id:
        previous = previous_id if isinstance(previous_id, str) else previous_id[0]
    if len(notes) == 1 and _looks_quoted(notes[0]):
        notes = [_unquote_po(notes[0])]
    fuzzy = "fuzzy" in message.flags
    mt = "\n".join(mt_lines) if mt_lines else None
    if not target:
        state = SegmentState.NEW
    elif not fuzzy:
        state = SegmentState.REVIEWED
    elif mt is not None and same_text(target, mt):
        state = SegmentState.MT
    else:
        state = SegmentState.EDITED
    flags = frozenset(message.flags) - {"fuzzy", "python-format"}
    return TranslationUnit(
        segment_id=message.context if message.context is not None else "",
        source=source,
        target=target,
        state=state,
        mt=mt,
        mt_engine=engine,
        mt_model=model,
        notes="\n".join(notes),
        previous_source=previous or None,
        flags=flags,
        comments=tuple(other),
    )


def same_text(a: str, b: str) -> bool:
    """Equal but for whitespace: how a re-wrapped MT comment still matches the translation."""
    return "".join(a.split()) == "".join(b.split())


def _rejoin(line: str, continuation: str) -> str:
    # Text wrappers break after the hyphen of "well-known"; a space there was not in the text.
    if line.endswith("-") and len(line) > 1 and line[-2].isalnum() and continuation[:1].isalnum():
        return line + continuation
    return f"{line} {continuation}"


_UNSAFE_IN_COMMENTS = re.compile(r"[\t\r\f\v]")


def _needs_quoting(text: str, *, strips_start: bool) -> bool:
    """Whether comment lines would change ``text``: Babel expands tabs and strips each
    comment line (a note's at both ends; the MT's start is protected by its prefix), and
    empty note lines are not written."""
    if not text:
        return False
    if _UNSAFE_IN_COMMENTS.search(text):
        return True
    for line in text.split("\n"):
        if line != line.rstrip() or (strips_start and (line != line.lstrip() or not line)):
            return True
        if strips_start and line.startswith("|"):  # read back as gettext's ``#|`` lines
            return True
    return False


def _looks_quoted(text: str) -> bool:
    return len(text) >= 2 and text[0] == '"' and text[-1] == '"' and "\n" not in text


def _quote_comment(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    for raw, code in (("\n", "n"), ("\t", "t"), ("\r", "r"), ("\f", "f"), ("\v", "v")):
        escaped = escaped.replace(raw, "\\" + code)
    return f'"{escaped}"'


def _comment_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return lines or [""]


def _unquote_po(quoted: str) -> str:
    quoted = quoted.strip()
    if len(quoted) >= 2 and quoted[0] == '"' and quoted[-1] == '"':
        return _unescape(quoted[1:-1])
    return quoted


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPES.update({"f": "\f", "v": "\v"})


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


# -- catalog header --------------------------------------------------------------------


def _new_catalog(tfile: TranslationFile) -> Catalog:
    from babel.core import Locale, UnknownLocaleError
    from babel.messages.catalog import Catalog

    class ProjectCatalog(Catalog):
        """A Catalog whose header carries termwise's fields and keeps other tools' ones."""

        def _project_headers(self) -> list[tuple[str, str]]:
            headers = Catalog._get_mime_headers(self)
            out: list[tuple[str, str]] = []
            for name, value in headers:
                if name == "Project-Id-Version":
                    value = tfile.document_name or "termwise"
                elif name == "Report-Msgid-Bugs-To":
                    continue
                elif name == "Generated-By":
                    value = value.rstrip("\n")
                elif name == "Language" and language_override:
                    value = language_override
                out.append((name, value))
            if not any(name == "Language" for name, _ in out):
                out.insert(4, ("Language", language_override or tfile.lang))
            if not any(name == "Plural-Forms" for name, _ in out):
                out.append(("Plural-Forms", "nplurals=2; plural=(n != 1);"))
            out.append((SOURCE_LANGUAGE_HEADER, tfile.source_lang))
            known = {name.lower() for name, _ in out}
            out.extend(
                (name, value) for name, value in tfile.extra_headers if name.lower() not in known
            )
            last = out[-1]
            out[-1] = (last[0], last[1] + "\n")  # Babel's header ends with a newline
            return out

        mime_headers = property(_project_headers, Catalog._set_mime_headers)  # type: ignore[assignment]

    locale_id = tfile.lang.replace("-", "_")
    language_override: str | None = None
    try:
        Locale.parse(locale_id)
        locale: str | None = locale_id
    except (UnknownLocaleError, ValueError):
        locale = None
        language_override = tfile.lang
    name = tfile.document_name or "termwise"
    catalog = ProjectCatalog(
        locale=locale,
        project=name,
        version=None,
        header_comment=(
            f"# Translation of {name} into {languages.display_name(tfile.lang)}.\n"
            "# Written by termwise: msgctxt is the segment id; '#. mt:' is the machine\n"
            "# translation; fuzzy means not yet reviewed."
        ),
        last_translator=tfile.last_translator or "termwise",
        language_team=tfile.language_team or languages.display_name(tfile.lang),
        charset="utf-8",
        fuzzy=False,
        revision_date=dt.datetime.now(dt.timezone.utc),
    )
    if tfile.created is not None:
        catalog.creation_date = tfile.created
    return catalog


def _header(catalog: Catalog, name: str) -> str:
    for key, value in catalog.mime_headers:
        if key.lower() == name.lower():
            return str(value).strip()
    return ""


_BABEL_HEADERS = {
    "project-id-version",
    "report-msgid-bugs-to",
    "pot-creation-date",
    "po-revision-date",
    "last-translator",
    "language",
    "language-team",
    "plural-forms",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "generated-by",
    SOURCE_LANGUAGE_HEADER.lower(),
}


def _parse_header(raw: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in raw.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()
    return fields


def _extra_headers(raw: str) -> list[tuple[str, str]]:
    # Babel's Catalog keeps only the fields it knows; the raw header has the rest (Poedit's
    # X-Generator, Weblate's X-...), which a save must not drop.
    extras: list[tuple[str, str]] = []
    for line in raw.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() not in _BABEL_HEADERS:
            extras.append((name.strip(), value.strip()))
    return extras


# -- strict reading ----------------------------------------------------------------------

_STRING = r'"(?:[^"\\]|\\(?:[ntrabfv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+))*"'
_KEYWORD_LINE = re.compile(
    r"^(?:#~\s*)?(?:#?\|\s*)?(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+("
    + _STRING
    + r")\s*$"
)
_CONTINUATION = re.compile(r"^(?:#~\s*)?(?:#?\|\s*)?(" + _STRING + r")\s*$")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


def decode_po(data: bytes, path: str | Path) -> str:
    """Decode a PO file's bytes with the charset its header names, strictly."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError("binary file (NUL byte); expected a PO text file", path, line=line)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    charset = _declared_charset(data)
    try:
        return data.decode(charset)
    except LookupError as error:
        raise InputError(f"PO header names an unknown charset {charset!r}", path, line=1) from error
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"not valid {charset} text (byte {data[error.start : error.start + 1]!r}); "
            "the file's encoding differs from the charset its header declares",
            path,
            line=line,
            column=column,
        ) from error


def _declared_charset(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    charset = match.group(1).decode("ascii").lower() if match else "utf-8"
    return "utf-8" if charset == "charset" else charset  # "charset": gettext's placeholder


def check_po_syntax(text: str, path: str | Path) -> None:
    """Raise ``InputError`` at the first line that is not valid PO syntax."""
    expecting_string = False
    for number, line in enumerate(_lines(text), start=1):
        stripped = line.strip()
        if not stripped:
            expecting_string = False
            continue
        if stripped.startswith("#") and not stripped.startswith(("#~", "#|")):
            continue
        if stripped.startswith("#~") and not re.match(r"^#~\s*(msg|\"|\|)", stripped):
            if re.match(r"^#~\s*([,.:#]|$)", stripped):
                continue  # a flag or comment line of an obsolete entry ("#~, fuzzy")
            raise InputError("obsolete entry line is not PO syntax", path, line=number, column=1)
        if stripped.startswith("#|") and not re.match(r'^#\|\s*(msg|")', stripped):
            continue
        if _KEYWORD_LINE.match(stripped):
            expecting_string = True
            continue
        if _CONTINUATION.match(stripped):
            if not expecting_string:
                raise InputError(
                    "string continuation without a msgid/msgstr before it",
                    path,
                    line=number,
                    column=1,
                )
            continue
        column = _error_column(line)
        raise InputError(_describe_bad_line(stripped), path, line=number, column=column)


def _lines(text: str) -> Iterator[str]:
    """The lines of a text one at a time: a book's PO file as a list of lines would cost
    another 50 MB while it is checked. Lines end at "\n", as Babel reads them."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _describe_bad_line(stripped: str) -> str:
    body = re.sub(r"^(#~|#\|)\s*", "", stripped)
    keyword, _, rest = body.partition(" ")
    if keyword.startswith("msg") or body.startswith('"'):
        quoted = rest.strip() if keyword.startswith("msg") else body
        if not quoted.startswith('"'):
            return f"{keyword}: string does not start with a double quote"
        if not quoted.endswith('"') or quoted == '"':
            return "string is not closed with a double quote (broken quoting)"
        return 'bad quoting inside the string (an unescaped " or an unknown \\ escape)'
    return f"not PO syntax: {stripped[:40]!r}"


def _error_column(line: str) -> int:
    index = line.find('"')
    return index + 1 if index >= 0 else len(line) - len(line.lstrip()) + 1


def read_catalog(data: bytes, path: str | Path) -> tuple[Catalog, str]:
    """Decode, check strictly and parse PO bytes with Babel; also return the raw header."""
    from babel.messages.pofile import PoFileError, read_po

    text = decode_po(data, path)
    check_po_syntax(text, path)
    raw_header = _raw_header(text)
    lines: Iterable[bytes] | io.StringIO
    if _declared_charset(data) == "utf-8":
        # Babel reads the bytes a line at a time: the text (twice the file's size for
        # Chinese) and a StringIO of it (four times) need not exist while it builds the
        # catalog.
        del text
        body = io.BytesIO(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
        lines = _previous_of_obsolete(body) if b"#~|" in data else body
    else:
        lines = io.StringIO(re.sub(r"(?m)^#~\|", "#|", text) if "#~|" in text else text)
    try:
        catalog = read_po(lines, abort_invalid=True)  # type: ignore[type-var]
    except PoFileError as error:
        lineno = getattr(error, "lineno", None)
        raise InputError(
            f"invalid PO file: {error}", path, line=lineno + 1 if lineno is not None else None
        ) from error
    except (ValueError, TypeError) as error:
        raise InputError(f"invalid PO file: {error}", path) from error
    return catalog, raw_header


def _previous_of_obsolete(lines: Iterable[bytes]) -> Iterator[bytes]:
    # Babel cannot parse msgmerge's "#~| msgid" (an obsolete entry's previous source); as
    # "#|" it reaches the entry like any previous source. Line numbers stay the same.
    for line in lines:
        yield b"#" + line[2:] if line.startswith(b"#~|") else line


def _raw_header(text: str) -> str:
    """The header entry's msgstr (the entry whose msgid is empty), unescaped."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == 'msgid ""' and index + 1 < len(lines):
            if not lines[index + 1].startswith('msgstr "'):
                return ""
            parts = [_unquote_po(lines[index + 1][len("msgstr ") :])]
            for follow in lines[index + 2 :]:
                if not follow.strip().startswith('"'):
                    break
                parts.append(_unquote_po(follow))
            return "".join(parts)
        if line.startswith("msgid "):
            return ""
    return ""


def iter_units(tfile: TranslationFile, states: Iterable[SegmentState]) -> Iterator[TranslationUnit]:
    wanted = set(states)
    return (unit for unit in tfile.units.values() if unit.state in wanted)


def describe(unit: TranslationUnit) -> dict[str, Any]:
    """A plain dict of a unit (CSV export, JSON output)."""
    return {
        "id": unit.segment_id,
        "source": unit.source,
        "target": unit.target,
        "state": unit.state.value,
        "mt": unit.mt or "",
        "mt_engine": unit.mt_engine or "",
        "mt_model": unit.mt_model or "",
        "notes": unit.notes,
    }
