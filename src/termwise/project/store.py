"""The store: a translation file written safely and kept in step with the disk.

Saves are atomic (a temporary file, fsync, rename, the previous file kept as ``name~``) and
copy every entry that did not change from the file being replaced, so autosaving a book
formats only the entries just edited. Each file is remembered by a :class:`DiskFingerprint`;
a save refuses to overwrite a file another program changed since (``ConcurrentModificationError``)
until :func:`merge_from_disk` has brought that work in by a three-way merge. The check is
made twice: before the file is formatted, and as the new file is put in place
(``project/swap.py``), so that an edit saved by another program while termwise writes is
not replaced either.

A save writes a :class:`Snapshot` of the units (their keys: immutable tuples) taken at one
moment, so that it can run in a worker thread while the translator keeps typing: the
worker never reads a unit that the UI thread may be changing.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from termwise import languages
from termwise.errors import TermwiseError
from termwise.project import entry_spans, po_format
from termwise.project.entry_spans import ENTRY_SEPARATOR, Piece, Span
from termwise.project.omissions import waited_for, without_wait
from termwise.project.unit_matching import STRAIGHT_QUOTES
from termwise.project.units import READ_ONLY_FLAG, SegmentState, TranslationUnit, same_text

if TYPE_CHECKING:
    from termwise.project.translation_file import TranslationFile


class ConcurrentModificationError(TermwiseError):
    """The project file changed on disk since it was loaded: saving would overwrite that."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} was changed on disk by another program since termwise read it (or "
            "while termwise was saving); termwise did not write it, so the other program's "
            "version is the one on disk. Run the same termwise command again: it reads that version and "
            "adds its work to it. In the review workbench, save (Ctrl+S) merges both "
            "versions, each part of a segment from the side that changed it; where both "
            "rewrote a text, yours is kept, with the other translation in its notes (a "
            "segment the other program locked keeps its text, yours in its notes)."
        )


@dataclass(frozen=True)
class DiskFingerprint:
    """What the file on disk looked like when it was read or written."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> DiskFingerprint | None:
        """Read ``path`` now (None: no file there)."""
        try:
            stat = path.stat()
            payload = path.read_bytes()
        except FileNotFoundError:
            return None
        return cls.of_read(stat, payload)

    @classmethod
    def of_read(cls, stat: os.stat_result, data: bytes) -> DiskFingerprint:
        """The file whose ``stat`` was taken before ``data`` was read from it. A stat taken
        after the read described another program's save landing in between as read, so the
        watch and the save check both missed it; one taken before is at worst older than
        the bytes, and a later check then reads the file again (the hash decides)."""
        return cls(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())

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
    """What merging the version on disk into the one in memory did, segment by segment.

    "Yours" is the version in memory (the translator's, in the workbench), "the other
    program's" the one on disk. A segment is in at most one of the first five lists;
    ``reviews_dropped`` and ``changed`` cut across them.
    """

    # Only the other program changed them: its version was taken whole.
    taken_from_disk: list[str] = field(default_factory=list)
    # Both rewrote the text, differently: yours is kept, the other text is in the notes;
    # or the other program locked the segment (``#, read-only``) whose text you changed:
    # its text is kept, yours is in the notes (``LOCKED_NOTE``); or it wrote back what a
    # save of yours had replaced (an older copy of the file saved over it): yours is kept,
    # the older text is in the notes (``_merge_written_back``); or another termwise's merge
    # (a command that read the file before your save) had moved your saved text into the
    # notes, its own in its place: yours is kept, its text is in the notes
    # (``_displacing_line``).
    conflicts: list[str] = field(default_factory=list)
    # Entries only the file on disk has, for segments this side never had: kept as
    # obsolete entries, so that the next save does not delete them.
    added_from_disk: list[str] = field(default_factory=list)
    # Segments whose text another program rewrote while this side changed only their state,
    # notes or MT (a review of the old text): the new text was taken, the rest combined.
    superseded: list[str] = field(default_factory=list)
    # Both changed other parts of the segment (your note and its approval, say): each
    # side's change was kept.
    combined: list[str] = field(default_factory=list)
    # Later parts of a cut sentence that waited for the translation a segment before held
    # whole (``omissions.waited_for``), whose text the merge took from the other program:
    # that text may no longer hold their sentence (an edition printed nothing for it), so
    # they wait no more and show as untranslated, their MT a suggestion. The holder's
    # details say so too.
    released: list[str] = field(default_factory=list)
    # An approval given to a text the merge replaced went (it judged the old text), or the
    # other side asked for a review again: the segment needs review.
    reviews_dropped: list[str] = field(default_factory=list)
    # The segments where the merge changed what this side held (their text, state, notes,
    # comments or flags: what undo puts back). Undo must forget its steps for these, and
    # only for these: an older step would put back what the other program wrote.
    changed: list[str] = field(default_factory=list)
    # For each segment both changed, or only the other program: what was taken from where,
    # in words ("notes: yours", "state: reviewed (the other program's)").
    details: dict[str, list[str]] = field(default_factory=dict)
    # Segments of this document whose entry the other program's file no longer has (it
    # deleted it): kept here as they were, and written back by the next save.
    removed_on_disk: list[str] = field(default_factory=list)
    # Whether this side, merged, differs from the file on disk (work only it has, an entry
    # the file lost): a save must write it. A merge that only took the other program's
    # work leaves nothing unsaved.
    differs_from_disk: bool = False
    # The header fields only the other program changed (its Last-Translator, X-Generator,
    # Plural-Forms...), as its file names them: taken from it.
    header_taken: list[str] = field(default_factory=list)
    # The Language taken with ``header_taken`` (``es-MX`` for ``es``), for the workbench
    # to name: None where the Language stayed.
    language_taken: str | None = None
    # How the other program lays the file out, where that changed and was taken (its line
    # wrapping, line ends, last line), in words: the next save writes it so.
    layout_taken: list[str] = field(default_factory=list)
    # Segments whose text, written or approved by the translator, the merge replaced with
    # the other program's (taken, or superseded): the translator's text is now in the
    # segment's note (``REPLACED_NOTE``), and goes into the file with it, so that it stays
    # findable whatever saves, merges and sessions come after.
    yours_in_note: list[str] = field(default_factory=list)
    # Those of ``yours_in_note`` whose replaced text the translator did not write in this
    # session (the file held it, a colleague's perhaps: ``REPLACED_FILE_TEXT_NOTE``): the
    # workbench calls only the others "your text".
    file_text_in_note: list[str] = field(default_factory=list)

    @property
    def merged(self) -> list[str]:
        """Every segment of this document that the other program's save touched."""
        return [
            *self.taken_from_disk,
            *self.superseded,
            *self.combined,
            *self.conflicts,
            *self.removed_on_disk,
        ]


_NO_SPAN: Span = ((), -1, 0)


@dataclass(frozen=True)
class Snapshot:
    """What a save writes, as it was at one moment: each unit's key, and the obsolete units."""

    keys: tuple[tuple[object, ...], ...]
    obsolete: tuple[TranslationUnit, ...]

    @classmethod
    def of(cls, tfile: TranslationFile) -> Snapshot:
        """Take it (cheap: keys are cached on the units; a book's take a few milliseconds)."""
        return cls(
            tuple(map(TranslationUnit.key, tfile.units.values())),
            tuple(copy.copy(unit) for unit in tfile.obsolete),
        )


def save(
    tfile: TranslationFile,
    path: str | Path | None = None,
    *,
    force: bool = False,
    snapshot: Snapshot | None = None,
) -> Path:
    """Write ``tfile`` atomically (see ``TranslationFile.save``): the ``snapshot`` of it when
    one is given (taken where the units change), else the units as they are now."""
    from termwise.atomic import write_atomic
    from termwise.project import swap

    snapshot = snapshot if snapshot is not None else Snapshot.of(tfile)

    target = Path(path) if path is not None else tfile.path
    if target is None:
        raise TermwiseError("this translation has no file yet; name one to save it")
    # The written file's own stat, taken through a descriptor of it once it is in place (a
    # rename changes its ctime, not its time, size or inode): a stat of the path afterwards
    # took another program's save made in between for ours, and the next save wrote over it.
    written_stat: list[os.stat_result] = []
    unchanged: Callable[[Path], bool] | None = None
    same_file = tfile.path is not None and _same_path(tfile.path, target)
    if not force:
        check_unchanged_on_disk(tfile, target)
        expected = _expected_on_disk(tfile, target)
        unchanged = expected.matches if expected else None

    def install(new: Path, real: Path, backup: Path | None) -> None:
        descriptor = os.open(new, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            if force:
                _install_over(new, real, backup)
            else:
                # Checked again as the file goes in: an edit saved meanwhile stays on disk.
                try:
                    swap.install(new, real, backup, unchanged)
                except swap.ChangedOnDisk:
                    raise ConcurrentModificationError(target) from None
            written_stat.append(os.fstat(descriptor))
        finally:
            os.close(descriptor)

    # Unchanged entries are copied from the file being replaced, and the file is hashed
    # on the way: a book's file is never held in memory.
    digest = hashlib.sha256()
    with _open_spanned_file(tfile) as source:
        spans = tfile._written if source else {}
        header, entries, trailer, written = _plan(tfile, snapshot, spans)
        if source is not None and _up_to_date(tfile, target, source, header, entries, trailer):
            # Nothing but the revision date would change: as msgmerge leaves an up-to-date
            # file, the file keeps its bytes and time stamp (a build or sync tool watching
            # it sees no edit), and its backup stays the previous real version. The spans
            # stay those of that file: ``written``'s are laid out after the new header,
            # whose date may be written at another length than the file's.
            tfile.written_stat = os.fstat(source.fileno())
            return target
        pieces = entry_spans.chunks(header, entries, trailer, source, tfile.newline)
        write_atomic(
            target, _hashing(_in_file_style(tfile, pieces), digest), backup=True, install=install
        )
    if same_file and not force:
        _remember_replaced(tfile, snapshot.keys)
    tfile._written = written
    _hold_header_as_written(tfile, header)
    tfile.path = target
    # A stream (/dev/stdout) is written into, never installed: its own stat.
    stat = written_stat[0] if written_stat else target.stat()
    tfile.written_stat = stat
    tfile._fingerprint = DiskFingerprint(stat.st_mtime_ns, stat.st_size, digest.hexdigest())
    from termwise.project import parse_cache

    if len(snapshot.keys) >= parse_cache.MIN_UNITS:
        parse_cache.write_later(
            target,
            tfile._fingerprint.sha256,
            tfile,
            keys=snapshot.keys,
            obsolete=snapshot.obsolete,
        )
    return target


# How many entries a segment's history of replaced ones keeps (``_remember_replaced``): an
# older copy of the file saved back is most often one or two saves old.
_REPLACED_KEPT = 8


@dataclass(frozen=True)
class Replacement:
    """An entry a save of this side replaced in the file (keys: ``before`` the save, and
    ``after``, as it wrote it), and which save it was (``TranslationFile._saves_made``).
    A copy of the file that holds ``before`` again was saved back from before that save,
    unless it holds what that save, or a later one, wrote elsewhere (``_CopyAge``)."""

    save: int
    before: tuple[object, ...]
    after: tuple[object, ...]


def _remember_replaced(tfile: TranslationFile, keys: Iterable[tuple[object, ...]]) -> None:
    """Add to ``tfile._replaced`` the entries of the file on disk (``tfile._written``'s) that
    the save of ``keys`` has just replaced: a copy of the file read before this save and saved
    back by another program holds them again (see ``_written_back``)."""
    written = tfile._written
    replaced = []
    for key in keys:
        was = written.get(key[0])  # type: ignore[call-overload]
        if was is not None and was[0] is not key and was[0] != key:
            replaced.append((str(key[0]), was[0], key))
    if not replaced:
        return
    tfile._saves_made += 1
    for segment_id, before, after in replaced:
        # Replaced again, an entry counts from its latest replacement: a copy that holds it
        # was read before that save, or holds what came after it elsewhere.
        older = [r for r in tfile._replaced.get(segment_id, ()) if r.before != before]
        latest = Replacement(tfile._saves_made, before, after)
        tfile._replaced[segment_id] = (*older, latest)[-_REPLACED_KEPT:]


def _hold_header_as_written(tfile: TranslationFile, header: bytes) -> None:
    """Take the header just written (``header``) for the one read, as a command reading the
    file would. A field this side left to its default (a new file's creation date, its
    Last-Translator and Language-Team) takes the value written: held as None, the next
    merge took each field of the file for another program's change, and said so."""
    unset = [
        attribute
        for _, attribute in _HEADER_ATTRIBUTES.values()
        if getattr(tfile, attribute) is None
    ]
    if unset:
        written = type(tfile).from_bytes(header)
        for attribute in unset:
            setattr(tfile, attribute, getattr(written, attribute))
    tfile._header_read = header_fields(tfile)


def _install_over(new: Path, target: Path, backup: Path | None) -> None:
    """Put ``new`` in place of ``target`` unchecked (a forced save), as ``write_atomic``
    does without an installer: the replaced file kept as ``backup``."""
    from termwise.atomic import keep_as_backup

    if backup is not None and target.exists():
        keep_as_backup(target, backup)
    os.replace(new, target)


def _up_to_date(
    tfile: TranslationFile,
    target: Path,
    source: BinaryIO,
    header: bytes,
    entries: list[Piece],
    trailer: bytes,
) -> bool:
    """Whether the file ``save`` would write into ``target`` is the one there (``source``,
    which its fingerprint says is the file read or last saved) but for PO-Revision-Date.

    Asked only where every entry would be copied from that file: an entry formatted anew
    is a change, and a save of an edit (autosave) then costs nothing more. The file is read
    once more to hash it, not held in memory."""
    fingerprint = tfile._fingerprint
    if fingerprint is None or tfile.path is None or not _same_path(tfile.path, target):
        return False
    if any(not isinstance(entry, tuple) for entry in entries):
        return False
    kept = _revision_date_as_read(header, tfile.header_entry)
    if kept is None:
        return False
    digest, size = hashlib.sha256(), 0
    for chunk in _in_file_style(
        tfile, entry_spans.chunks(kept, entries, trailer, source, tfile.newline)
    ):
        size += len(chunk)
        if size > fingerprint.size:
            return False
        digest.update(chunk)
    return size == fingerprint.size and digest.hexdigest() == fingerprint.sha256


# A header field line as Babel writes it (one line: the date is short).
_REVISION_FIELD = re.compile(rb'^"PO-Revision-Date:[^\n]*\n', re.MULTILINE | re.IGNORECASE)


def _revision_date_as_read(header: bytes, entry: str | None) -> bytes | None:
    """``header`` with the PO-Revision-Date of the header entry read (``entry``; without
    the field where it had none); None where the entry read is not known."""
    if entry is None:
        return None
    old = _REVISION_FIELD.search(entry.encode("utf-8"))
    new = _REVISION_FIELD.search(header)
    if new is None:
        return header if old is None else None
    return header[: new.start()] + (old.group() if old else b"") + header[new.end() :]


def file_bytes(tfile: TranslationFile) -> bytes:
    """The bytes ``save`` would write (see ``TranslationFile.to_bytes``)."""
    with _open_spanned_file(tfile) as source:
        spans = tfile._written if source else {}
        header, entries, trailer, _ = _plan(tfile, Snapshot.of(tfile), spans)
        pieces = entry_spans.chunks(header, entries, trailer, source, tfile.newline)
        return b"".join(_in_file_style(tfile, pieces))


def _in_file_style(tfile: TranslationFile, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """``chunks`` with the line ends and last line of ``tfile``'s file (see
    ``po_format.in_file_style``)."""
    return po_format.in_file_style(
        chunks, newline=tfile.newline, blank_line_at_end=tfile.blank_line_at_end
    )


def _plan(
    tfile: TranslationFile, snapshot: Snapshot, spans: dict[str, Span]
) -> tuple[bytes, list[Piece], bytes, dict[str, Span]]:
    """The file to write: header, one piece per unit of ``snapshot`` (formatted now, or the
    span of an unchanged entry in ``spans``' file), obsolete entries; and the new spans.
    Units are read from the snapshot's keys only (see the module doc)."""
    from babel.messages.catalog import Message

    # Written as the file on disk is wrapped: an entry changed here looks like its neighbours.
    options = {**po_format.WRITE_OPTIONS, "wrap": tfile.wrap_width}
    header = po_format.write_catalog(po_format.new_catalog(tfile), **options)
    keys = snapshot.keys
    stale = [
        key
        for key in keys
        if (span := spans.get(key[0], _NO_SPAN))[1] < 0  # type: ignore[call-overload]
        or span[0] != key
    ]
    formatted: dict[object, bytes] = {}
    if stale:
        batch = po_format.entries_catalog(tfile)
        for key in stale:
            unit = TranslationUnit.from_key(key)
            batch[unit.source] = po_format.message_from_unit(unit, Message)
        blocks = po_format.write_catalog(batch, omit_header=True, **options).split(ENTRY_SEPARATOR)
        if len(blocks) != len(stale) + 1:  # an entry with an empty line: cannot happen
            raise TermwiseError("Babel wrote an entry with an empty line in it")
        for key, block in zip(stale, blocks, strict=False):
            formatted[key[0]] = block
    entries: list[Piece] = []
    new_spans: dict[str, Span] = {}
    # Where each entry will lie in the file written, whose line ends are the file's own.
    position = entry_spans.disk_length(header, tfile.newline)
    between = len(entry_spans.separator(tfile.newline))
    for key in keys:
        segment_id = str(key[0])
        fresh = formatted.get(segment_id)
        if fresh is None:
            _, start, length = spans[segment_id]
            entries.append((start, length))
        else:
            length = entry_spans.disk_length(fresh, tfile.newline)
            entries.append(fresh)
        new_spans[segment_id] = (key, position, length)
        position += length + between
    live = {(str(key[1]), str(key[0])) for key in keys}
    trailer = po_format.obsolete_entries(tfile, snapshot.obsolete, live, **options)
    return header, entries, trailer, new_spans


@contextlib.contextmanager
def _open_spanned_file(tfile: TranslationFile) -> Iterator[BinaryIO | None]:
    """The file the spans point into, open, if it is still the one they were taken from."""
    _scan_loaded_file(tfile)
    fingerprint = tfile._fingerprint
    if not tfile._written or tfile.path is None or fingerprint is None:
        yield None
        return
    try:
        handle = tfile.path.open("rb")
    except OSError:
        yield None
        return
    with handle:
        unchanged = entry_spans.is_unchanged(
            handle, fingerprint.size, fingerprint.mtime_ns, fingerprint.sha256
        )
        yield handle if unchanged else None


def _scan_loaded_file(tfile: TranslationFile) -> None:
    """Find the spans of the file as loaded (once, at the first save after a load)."""
    digest, tfile._pending_scan = tfile._pending_scan, None
    if digest is None or tfile.path is None:
        return
    try:
        with tfile.path.open("rb") as handle:
            keys = [key for key, _, _ in tfile._written.values()]
            found = entry_spans.scan(handle, digest, keys, tfile.newline)
    except OSError:
        return
    if found is not None:
        tfile._written = found


def _expected_on_disk(tfile: TranslationFile, target: Path) -> DiskFingerprint | None:
    """What ``target`` must still be when the save puts its file there (None: no file)."""
    same_file = tfile.path is not None and _same_path(tfile.path, target)
    return tfile._fingerprint if same_file else None


def check_unchanged_on_disk(tfile: TranslationFile, target: Path | None = None) -> None:
    """Raise ``ConcurrentModificationError`` when ``target`` changed since load/save."""
    target = target if target is not None else tfile.path
    if target is None:
        return
    same_file = tfile.path is not None and _same_path(tfile.path, target)
    expected = tfile._fingerprint if same_file else None
    if expected is None:
        # Nothing was read from this path: it must still not exist.
        if target.exists():
            raise ConcurrentModificationError(target)
        return
    if not expected.matches(target):
        raise ConcurrentModificationError(target)


def merge_from_disk(tfile: TranslationFile, path: str | Path | None = None) -> MergeReport:
    """Three-way merge of the file on disk into ``tfile`` (see ``TranslationFile.merge_from_disk``).

    The base is each unit as termwise last read or wrote it (``tfile._written``), "ours" the
    unit in memory, "theirs" the entry on disk. Each part of a segment (see
    :func:`_merge_unit`) takes the side that changed it, so that a note typed here and an
    approval given in Poedit both survive; only a part both sides changed differently is a
    conflict.
    """
    target = Path(path) if path is not None else tfile.path
    if target is None:
        raise TermwiseError("this translation has no file to merge with")
    theirs = type(tfile).load(target)
    _refuse_another_language(tfile, theirs, target)
    report = MergeReport()
    copy_age = _CopyAge(tfile._replaced, theirs.units)
    our_sources = {unit.source for unit in tfile.units.values()}
    # Segments whose text the merge took from the other program, where it differs here.
    texts_taken: set[str] = set()
    for segment_id, their_unit in theirs.units.items():
        ours = tfile.units.get(segment_id)
        written = tfile._written.get(segment_id)
        if ours is None:
            if written is None and their_unit.source in our_sources and not their_unit.has_work():
                continue
            if written is None:
                report.added_from_disk.append(segment_id)
                tfile.obsolete.append(their_unit)
            continue
        # A unit termwise never wrote (nor read) had nothing in it as far as it knows: each
        # side's content is then that side's change.
        base = (
            TranslationUnit.from_key(written[0])
            if written is not None
            else TranslationUnit(segment_id, ours.source)
        )
        replaced = [
            TranslationUnit.from_key(r.before)
            for r in tfile._replaced.get(segment_id, ())
            if not copy_age.read_after(r.save, segment_id)
        ]
        merged = _merge_unit(base, ours, their_unit, report, replaced)
        if _typed_text_lost(ours, merged):
            typed = _typed_here(base, ours, tfile._replaced.get(segment_id, ()))
            merged = _yours_into_note(ours, merged, report, typed_here=typed)
        theirs_text = _text(their_unit)
        if theirs_text not in (_text(base), _text(ours)) and _text(merged) == theirs_text:
            texts_taken.add(segment_id)
        if merged is not ours:
            if _undo_state(merged) != _undo_state(ours):
                report.changed.append(segment_id)
            tfile.units[segment_id] = merged
    report.removed_on_disk = [
        segment_id
        for segment_id in tfile.units
        if segment_id in tfile._written and segment_id not in theirs.units
    ]
    _release_waiting_parts(tfile, texts_taken, report)
    for their_unit in theirs.obsolete:
        if all(not _same_work(their_unit, unit) for unit in tfile.obsolete):
            tfile.obsolete.append(their_unit)
    report.header_taken = _merge_header(tfile, theirs)
    if "Language" in report.header_taken:
        report.language_taken = tfile.lang
    report.layout_taken = _layout_taken(tfile, theirs)
    # Written as the other program now wraps the file (``msgcat -w 200``, ``--no-wrap``), as a
    # command reading it afresh would: the entries this side changes look like the rest.
    # Its line ends and last line likewise (Poedit on Windows saves CRLF, msgcat no blank
    # line at the end): a save wrote termwise's own back over them, the whole file a change
    # to a version control diff. The spans found in that file are looked for with its ends.
    tfile.wrap_width = theirs.wrap_width
    # The header's lines likewise, its fields taken or not: kept from the file read before
    # (one field a line), a save wrote each unchanged field unwrapped among fields wrapped
    # at the other program's width (``header_lines_kept`` puts a field's old lines back).
    tfile.header_entry = theirs.header_entry
    tfile.newline = theirs.newline
    tfile.blank_line_at_end = theirs.blank_line_at_end
    report.differs_from_disk = _differs(tfile, theirs)
    tfile._fingerprint = theirs._fingerprint
    tfile._header_read = header_fields(theirs)
    # The next merge is against what is on disk now, and the next save copies from it.
    tfile._written, tfile._pending_scan = theirs._written, theirs._pending_scan
    tfile.path = target
    return report


def _typed_text_lost(ours: TranslationUnit, merged: TranslationUnit) -> bool:
    """Whether the merge replaced the text of ``ours`` that the translator wrote (not the
    MT suggestion the merged segment still holds: the dropped approval of it is told in
    ``reviews_dropped``) without keeping it in a note. A text the other program only
    punctuated or set in other quotes or spaces (``fix --everywhere`` adding full stops) is
    not lost: its words are all there, and a note on each such segment buried the notes
    that keep a text."""
    typed = _in_words(ours)
    if not typed or _text(merged) == _text(ours) or typed in merged.notes:
        return False
    if _same_but_typography(typed, _in_words(merged)):
        return False
    return _more_than_mt(ours, merged.mt)


def _same_but_typography(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ at most in the style of their quotes, runs of spaces
    and a final full stop: what `fix`'s typography and end-punctuation fixes change. Any
    other mark counts (a sign, a decimal mark, a question, a comma, a capital)."""

    def plain(text: str) -> str:
        text = " ".join(text.translate(STRAIGHT_QUOTES).split())
        return text[:-1] if text.endswith((".", "。")) else text

    return plain(a) == plain(b)


def _more_than_mt(ours: TranslationUnit, mt: str | None) -> bool:
    """Whether the text of ``ours`` is more than ``mt``, the MT the merged segment keeps as
    its suggestion: a text replaced needs a note to stay findable only then."""
    return ours.is_plural or mt is None or not same_text(ours.target, mt)


def _typed_here(base: TranslationUnit, ours: TranslationUnit, saved: Sequence[Replacement]) -> bool:
    """Whether the translator wrote the text of ``ours`` in this session: changed since the
    file was read (or last saved), or a save of this session put it into the file in place
    of another. A text the file held when read, or that a merge took from it, may be
    another program's."""
    if _text(ours) != _text(base):
        return True
    return any(
        _text(TranslationUnit.from_key(r.after)) == _text(ours)
        and _text(TranslationUnit.from_key(r.before)) != _text(ours)
        for r in saved
    )


def _yours_into_note(
    ours: TranslationUnit, merged: TranslationUnit, report: MergeReport, *, typed_here: bool
) -> TranslationUnit:
    """``merged`` with the text of ``ours`` it replaced (``_typed_text_lost``) in its note:
    in the file it outlives the next merge, a reopening and the saves after them, as a
    conflict's other version does; a backup (``name~``) was written over by the next.
    The note calls it the translator's only where ``typed_here`` (``_typed_here``)."""
    segment_id = ours.segment_id
    report.yours_in_note.append(segment_id)
    if not typed_here:
        report.file_text_in_note.append(segment_id)
    whose = "your" if typed_here else "the"
    report.details.setdefault(segment_id, []).append(f"{NOTES}: {whose} replaced text added")
    note = REPLACED_NOTE if typed_here else REPLACED_FILE_TEXT_NOTE
    return replace(merged, notes=_with_line(merged.notes, note + _in_words(ours)))


class _CopyAge:
    """When the other program read the copy of the file it saved, as far as this side's
    saves (``TranslationFile._replaced``) tell: a copy that holds what a save wrote in one
    segment was read after that save, so what it holds of another segment that the save
    replaced is that program's edit (a deliberate revert), not an older copy written back."""

    def __init__(
        self, replaced: dict[str, tuple[Replacement, ...]], theirs: dict[str, TranslationUnit]
    ) -> None:
        self._replaced, self._theirs = replaced, theirs
        # For each save asked about, up to two segments that show the copy read after it:
        # one besides the segment asked about is enough.
        self._shown: dict[int, list[str]] = {}

    def read_after(self, save: int, segment_id: str) -> bool:
        """Whether the copy holds, in a segment other than ``segment_id``, what save number
        ``save`` or a later one wrote there."""
        shown = self._shown.get(save)
        if shown is None:
            shown = self._shown[save] = []
            for other in self._showing(save):
                shown.append(other)
                if len(shown) == 2:
                    break
        return any(other != segment_id for other in shown)

    def _showing(self, save: int) -> Iterator[str]:
        """The segments whose entry in the copy is one written by ``save`` or later (the
        parts that save changed, as it wrote them), and not the one they held before it."""
        for segment_id, history in self._replaced.items():
            their_unit = self._theirs.get(segment_id)
            since = [r for r in history if r.save >= save]
            if their_unit is None or not since:
                continue
            if not _changed_parts(TranslationUnit.from_key(since[0].before), their_unit):
                continue  # as it was before: the translator put it back since
            for r in since:
                after = TranslationUnit.from_key(r.after)
                saved = _changed_parts(TranslationUnit.from_key(r.before), after)
                if saved and not saved & _changed_parts(after, their_unit):
                    yield segment_id
                    break


def _layout_taken(tfile: TranslationFile, theirs: TranslationFile) -> list[str]:
    """How ``theirs`` (the file on disk) is laid out otherwise than ``tfile`` writes it, in
    words: the merge takes it, and a notice that said "nothing changed" hid it."""
    taken = []
    if theirs.wrap_width != tfile.wrap_width:
        taken.append("its line wrapping" if theirs.wrap_width else "its unwrapped lines")
    if theirs.newline != tfile.newline:
        taken.append("its CRLF line ends" if theirs.newline == "\r\n" else "its LF line ends")
    if theirs.blank_line_at_end != tfile.blank_line_at_end:
        taken.append(f"{'a' if theirs.blank_line_at_end else 'no'} blank line at its end")
    return taken


def _refuse_another_language(tfile: TranslationFile, theirs: TranslationFile, path: Path) -> None:
    """Refuse to merge a file whose Language is now another language than ``tfile``'s: it
    is no longer this translation (another language's file copied over it, a header edited
    by mistake), and neither side's work may go into the other, nor may a save put this
    language back over that file's work. The same language otherwise written (``es_MX`` for
    ``es``) is merged, and its Language taken (``_merge_header``), as a command reads it."""
    if languages.same_language(theirs.lang, tfile.lang):
        return
    raise TermwiseError(
        f"{path} now says Language: {theirs.lang}, but the translation open here is into "
        f"{languages.display_name(tfile.lang)} ({tfile.lang}): another program put another "
        "language's file there, or changed its header. It is not merged, and nothing is saved "
        f"over it: put the {languages.display_name(tfile.lang)} file back or correct its "
        "Language header, then save again"
    )


# The header's fields a ``TranslationFile`` holds in attributes of its own: the name as a
# file spells it, the attribute (the source language is the document's: a merge keeps
# ours; another program's Language is taken only where it names the same language, see
# ``_refuse_another_language``). The comment and ``#, fuzzy`` above the header go with them.
_HEADER_ATTRIBUTES = {
    "language": ("Language", "lang"),
    "project-id-version": ("Project-Id-Version", "document_name"),
    "pot-creation-date": ("POT-Creation-Date", "created"),
    "last-translator": ("Last-Translator", "last_translator"),
    "language-team": ("Language-Team", "language_team"),
    "plural-forms": ("Plural-Forms", "plural_forms"),
    "content-type": ("Content-Type", "content_type"),
    "#comment": ("the comment above the header", "header_comment"),
    "#, fuzzy": ("the header's fuzzy flag", "header_fuzzy"),
}

HeaderFields = dict[str, tuple[str, object]]


def header_fields(tfile: TranslationFile) -> HeaderFields:
    """The header of ``tfile`` a save writes, field by field: each lower-cased name with
    the name as the file spells it and the value (None: no such field). PO-Revision-Date
    is no field here: each save writes its own."""
    fields: HeaderFields = {name.lower(): (name, value) for name, value in tfile.extra_headers}
    for key, (name, attribute) in _HEADER_ATTRIBUTES.items():
        fields[key] = (name, getattr(tfile, attribute))
    return fields


def _merge_header(tfile: TranslationFile, theirs: TranslationFile) -> list[str]:
    """Take into ``tfile`` the header fields only the other program (``theirs``, the file
    on disk) changed since ``tfile`` last read or wrote it, as ``_merge_unit`` takes an
    entry's parts: a field both changed keeps ours. Returns the names of those taken.

    Poedit, msgmerge and Weblate rewrite Last-Translator, X-Generator, POT-Creation-Date or
    Plural-Forms as they save; a save after the merge wrote the old header back over them.
    A Plural-Forms that indexes forms otherwise is taken only where every plural entry
    here is the other program's, indexed by its rule."""
    base = tfile._header_read
    if base is None:
        return []  # never read from disk: nothing tells what the other program changed
    ours, on_disk = header_fields(tfile), header_fields(theirs)
    merged = dict(ours)
    taken: list[str] = []
    for key in dict.fromkeys([*base, *ours, *on_disk]):
        was = _value(base, key)
        if _value(ours, key) != was or _value(on_disk, key) == was:
            continue
        if key == "plural-forms" and not _plural_rule_takeable(tfile, theirs):
            continue
        name = next(fields[key][0] for fields in (on_disk, ours, base) if key in fields)
        merged[key] = (name, _value(on_disk, key))
        taken.append(name)
    if not taken:
        return []
    for key, (_, attribute) in _HEADER_ATTRIBUTES.items():
        setattr(tfile, attribute, merged[key][1])
    # The other program's extra fields in its order, then those only this side has.
    extras = [name.lower() for name, _ in (*theirs.extra_headers, *tfile.extra_headers)]
    tfile.extra_headers = [
        (merged[key][0], str(merged[key][1]))
        for key in dict.fromkeys(extras)
        if _value(merged, key) is not None
    ]
    # A save writes the fields the file has (and those termwise needs), in its order: the
    # other program's, then a field it lacks that this side keeps.
    kept = (
        name
        for name in tfile.header_order
        if name not in merged or _value(merged, name) is not None
    )
    tfile.header_order = tuple(dict.fromkeys([*theirs.header_order, *kept]))
    return taken


def _value(fields: HeaderFields, key: str) -> object:
    found = fields.get(key)
    return None if found is None else found[1]


def _plural_rule_takeable(tfile: TranslationFile, theirs: TranslationFile) -> bool:
    """Whether ``tfile`` may take ``theirs``'s Plural-Forms: it indexes plural forms as
    ``tfile``'s does, or every plural entry of ``tfile`` is as ``theirs`` has it."""
    if po_format.same_plural_rule(tfile.plural_rule(), theirs.plural_rule()):
        return True
    on_disk = {unit.segment_id: unit.key() for unit in theirs.units.values()}
    obsolete = {unit.key() for unit in theirs.obsolete}
    return all(
        unit.plural_source is None or on_disk.get(unit.segment_id) == unit.key()
        for unit in tfile.units.values()
    ) and all(unit.plural_source is None or unit.key() in obsolete for unit in tfile.obsolete)


def _differs(tfile: TranslationFile, on_disk: TranslationFile) -> bool:
    """Whether a save of ``tfile`` would write other entries than ``on_disk`` (the file as
    just read) holds: a segment it lacks or holds otherwise, another order, other obsolete
    entries. (The header is ``tfile``'s either way; it alone leaves nothing unsaved.)"""
    if list(tfile.units) != list(on_disk.units):
        return True
    if any(unit.key() != on_disk.units[unit.segment_id].key() for unit in tfile.units.values()):
        return True
    return [unit.key() for unit in tfile.obsolete] != [unit.key() for unit in on_disk.obsolete]


def _release_waiting_parts(tfile: TranslationFile, holders: Set[str], report: MergeReport) -> None:
    """The parts waiting for a translation held whole by one of ``holders`` (segments
    whose text the merge took from the other program, which may have rewritten or locked
    it without their sentence) wait no more: an edition printed nothing for their sentence
    while the holder's text had none. Their note goes, their MT stays a suggestion."""
    if not holders:
        return
    for segment_id, unit in tfile.units.items():
        holder = waited_for(unit)
        if holder is None or holder not in holders:
            continue
        unit.notes = without_wait(unit.notes)
        report.released.append(segment_id)
        report.details.setdefault(segment_id, []).append(
            f"waits no more for the translation of segment {holder}, whose text is {THEIRS}"
        )
        now = "waits no more" if unit.target else "is untranslated now"
        report.details.setdefault(holder, []).append(
            f"segment {segment_id}, which waited for its share of this text, {now}"
        )
        if segment_id not in report.changed:
            report.changed.append(segment_id)


# The parts of a segment a merge takes from one side or the other (see ``_merge_unit``).
TEXT, STATE, NOTES, MT, COMMENTS, FLAGS, PREVIOUS, PLURAL, LOCATIONS = (
    "text",
    "state",
    "notes",
    "machine translation",
    "comments",
    "flags",
    "previous source",
    "plural forms",
    "source references",
)
YOURS, THEIRS, BOTH = "yours", "the other program's", "both kept"
# The note that keeps the text typed here for a segment another program locked meanwhile:
# the lock says "do not change this", yet the translator's words must stay findable.
LOCKED_NOTE = "termwise: not saved, the segment was locked by another program: "
# The note that keeps the translator's text (more than the MT it keeps) that the merge
# replaced with the other program's: the file keeps it, whatever saves and merges follow.
REPLACED_NOTE = "Your text before the other program's change: "
# The same for a text the translator did not write in this session (the file held it when
# read, or a merge took it from there): it may be another program's, so it is not "yours".
REPLACED_FILE_TEXT_NOTE = "The text before the other program's change: "


def _merge_unit(
    base: TranslationUnit,
    ours: TranslationUnit,
    theirs: TranslationUnit,
    report: MergeReport,
    replaced: Sequence[TranslationUnit] = (),
) -> TranslationUnit:
    """One segment's three-way merge, part by part: each part takes the side that changed
    it. Where both changed the same part differently:

    * the text keeps ours, and theirs goes into the notes (a conflict implies that the
      other program wrote it: it differs from the base);
    * except where the other program locked the segment (added ``#, read-only``): the lock
      means "do not change this", so the text keeps theirs, and ours goes into the notes
      (``LOCKED_NOTE``), unless it is the MT the merged segment keeps anyway;
    * notes and comments keep the lines of both, flags the flags of both;
    * MT, the previous source and the plural shape keep ours (MT can be asked for again).

    The state belongs to a text: an approval (``fuzzy`` removed) stands only for the text
    it was given to, so an approval of a text the merge replaced goes. Asking for a review
    again (``fuzzy`` added) always stands: it is the cautious side of any disagreement.

    ``replaced`` are the entries this side's saves replaced in the file (oldest first), of
    the saves the other program's copy holds nothing of elsewhere (``_CopyAge``): where
    ``theirs`` holds one of them again, the other program saved a copy read before that
    save, and what it "changed" back is no edit (``_merge_written_back``).
    Returns ``ours`` itself when nothing of the other program's is to be brought in.
    """
    written_back = _written_back(base, theirs, replaced)
    if written_back:
        return _merge_written_back(base, ours, theirs, written_back, report)
    displacing = _displacing_line(base, ours, theirs)
    if displacing is not None:
        # As if the other program had saved before this side: the translator's text stays.
        # Its approval is this side's too: the other program's was for its own text.
        without = _without_lines(theirs.notes, displacing)
        return _merge_written_back(
            base, ours, replace(theirs, notes=without), {TEXT, STATE}, report, _DISPLACED
        )
    segment_id = ours.segment_id
    ours_changed, theirs_changed = _changed_parts(base, ours), _changed_parts(base, theirs)
    if not theirs_changed or not _changed_parts(ours, theirs):
        return ours  # the other program left it as it was (or re-wrapped it), or did as we did
    if not ours_changed:
        report.taken_from_disk.append(segment_id)
        report.details[segment_id] = [f"all {THEIRS} (you had not changed it)"]
        return replace(theirs, source=ours.source, segment_id=segment_id)

    details: list[str] = []
    apart = _changed_parts(ours, theirs)  # the parts the two sides now hold differently

    def say(part: str, *, combined: bool = False) -> None:
        """Put in ``details`` where ``part`` came from; the previous source and the plural
        shape only when the other program changed them (yours are no news)."""
        if part not in theirs_changed:
            if part in ours_changed and part not in (PREVIOUS, PLURAL, LOCATIONS):
                details.append(f"{part}: {YOURS}")
        elif part not in ours_changed:
            details.append(f"{part}: {THEIRS}")
        elif part not in apart:
            details.append(f"{part}: the same on both sides")
        else:
            details.append(f"{part}: {BOTH if combined else YOURS + ' (both changed it)'}")

    def side_of(part: str) -> TranslationUnit:
        """The side whose ``part`` the merge takes: the one that changed it, ours when both
        did (said in ``details``)."""
        say(part)
        return theirs if part in theirs_changed and part not in ours_changed else ours

    # The text first: the state is judged against it.
    text_conflict = TEXT in ours_changed and TEXT in theirs_changed and TEXT in apart
    locked = TEXT in ours_changed and TEXT in apart and _locked_by(theirs, base, ours)
    text_from = side_of(TEXT)
    locked_note = None
    if locked:
        # The lock wins over the text typed here, which goes into the note instead, unless
        # it is the MT the merged segment keeps as its suggestion anyway.
        text_from = theirs
        kept_mt = (theirs if MT in theirs_changed and MT not in ours_changed else ours).mt
        typed = _in_words(ours)
        if typed and _more_than_mt(ours, kept_mt):
            locked_note = LOCKED_NOTE + typed
        details[-1] = f"{TEXT}: {THEIRS} (it locked the segment" + (
            "; yours is in the note)" if locked_note else ")"
        )
    elif text_conflict:
        details[-1] = (
            f"{TEXT}: {YOURS} ({THEIRS} is in the note)"
            if theirs.target
            else f"{TEXT}: {YOURS} (the other program had emptied it)"
        )
    mt_from = side_of(MT)
    review = _merged_review(base, ours, theirs, _text(text_from), text_conflict and not locked)
    if review.said is not None:
        details.append(f"{STATE}: {review.said}")
    if review.approval_dropped:
        report.reviews_dropped.append(segment_id)

    # Lines of notes and comments, and flags, are combined where both changed them.
    notes = _merged_lines(base.notes, ours.notes, theirs.notes)
    comments = ours.comments if COMMENTS not in theirs_changed else theirs.comments
    if COMMENTS in ours_changed and COMMENTS in theirs_changed:
        joined = _merged_lines(*("\n".join(side.comments) for side in (base, ours, theirs)))
        comments = tuple(joined.splitlines())
    flags = (ours.flags & theirs.flags) | (ours.flags - base.flags) | (theirs.flags - base.flags)
    for part in (NOTES, COMMENTS, FLAGS):
        say(part, combined=True)
    if text_conflict and theirs.target and not locked:
        notes = _with_line(notes, _other_version(theirs))
    if locked_note is not None:
        notes = _with_line(notes, locked_note)
    previous_from = side_of(PREVIOUS)
    plural_from = side_of(PLURAL)
    locations_from = side_of(LOCATIONS)

    target, forms = text_from.target, text_from.plural_forms
    merged = replace(
        ours,
        target=target,
        plural_forms=forms,
        state=_state(target, forms, mt_from.mt, reviewed=review.reviewed),
        mt=mt_from.mt,
        mt_engine=mt_from.mt_engine,
        mt_model=mt_from.mt_model,
        notes=notes,
        comments=comments,
        flags=flags,
        previous_source=previous_from.previous_source,
        previous_context=previous_from.previous_context,
        previous_plural_source=previous_from.previous_plural_source,
        plural_source=plural_from.plural_source,
        plural_index=plural_from.plural_index,
        locations=locations_from.locations,
    )
    if text_conflict or locked:
        report.conflicts.append(segment_id)
    elif TEXT in theirs_changed and TEXT not in ours_changed:
        report.superseded.append(segment_id)
    else:
        report.combined.append(segment_id)
    report.details[segment_id] = details
    return ours if merged.key() == ours.key() else merged


# The note line that keeps the other program's text where the translator's stays (the
# first of its lines, for a text of several), and the same read back (``_other_versions``).
_OTHER_VERSION = "Other version on disk ({state}): {text}"
_OTHER_VERSION_LINE = re.compile(
    re.escape(_OTHER_VERSION).replace(r"\{state\}", "([a-z]+)").replace(r"\{text\}", ".*")
)


def _other_version(theirs: TranslationUnit) -> str:
    """The note line that keeps the other program's text where the translator's stays."""
    return _OTHER_VERSION.format(state=theirs.state.value, text=theirs.target)


def _other_versions(notes: str, text: str) -> Iterator[str]:
    """The ``_other_version`` lines of ``notes`` that keep ``text``, whatever its state then.
    A text of several lines keeps them in the note's next lines: the whole run is yielded."""
    states = (
        found.group(1)
        for line in notes.splitlines()
        if (found := _OTHER_VERSION_LINE.fullmatch(line))
    )
    for state in dict.fromkeys(states):
        run = _OTHER_VERSION.format(state=state, text=text)
        if _holds(notes, run):
            yield run


def _displacing_line(
    base: TranslationUnit, ours: TranslationUnit, theirs: TranslationUnit
) -> str | None:
    """The line (lines, for a text of several) by which another termwise's merge put the
    text this side had saved (the ``base``) into the note of ``theirs``, keeping its own
    text in its place; None where ``theirs`` has none. A command such as ``termwise fix``
    that read the file before the workbench's save, and saved after it, merged that save in
    as "the other program's": the translator's text went into the note, and the command's
    took its place.

    Not where this side's note keeps the text of ``theirs`` as the other version already:
    this side kept its text over that one before (two workbenches open on the file), and
    the other side holding to its own is taken, else each took its text back in turn."""
    if base.is_plural or not base.target or not theirs.target or _text(theirs) == _text(base):
        return None
    if any(_other_versions(ours.notes, theirs.target)):
        return None
    return next(
        (run for run in _other_versions(theirs.notes, base.target) if not _holds(base.notes, run)),
        None,
    )


def _holds(notes: str, lines: str) -> bool:
    """Whether ``notes`` hold ``lines`` whole, one after the other (a note of one line, or
    a text of several kept in the note)."""
    return _run_at(notes.splitlines(), lines.splitlines()) is not None


def _without_lines(notes: str, lines: str) -> str:
    """``notes`` without the first run of ``lines`` (see ``_holds``)."""
    held, run = notes.splitlines(), lines.splitlines()
    at = _run_at(held, run)
    return notes if at is None else "\n".join(held[:at] + held[at + len(run) :])


def _run_at(held: list[str], run: list[str]) -> int | None:
    """Where ``run`` starts among ``held`` (the first time); None where it is not there."""
    for at in range(len(held) - len(run) + 1):
        if held[at : at + len(run)] == run:
            return at
    return None


def _with_line(notes: str, line: str) -> str:
    """``notes`` with ``line`` added, unless they hold it already (a merge made again)."""
    return notes if _holds(notes, line) else f"{notes}\n{line}".strip()


def _written_back(
    base: TranslationUnit, theirs: TranslationUnit, replaced: Sequence[TranslationUnit]
) -> set[str]:
    """The parts of ``theirs`` that a save of this side replaced, written back: the parts
    that the save changed in one of the ``replaced`` entries, all held by ``theirs`` as
    that entry held them (a copy of the file read before the save, saved again). Empty
    where ``theirs`` is no such copy. Of several, the entry ``theirs`` is nearest to, and
    the latest of those. A text of the other program's own is never such a copy: the
    approval of the text replaced, written back, must not pass to it."""
    found: tuple[int, set[str]] | None = None
    for older in reversed(replaced):
        if _text(theirs) not in (_text(base), _text(older)):
            continue
        saved = _changed_parts(older, base)
        differing = _changed_parts(older, theirs)
        if saved and not saved & differing and (found is None or len(differing) < found[0]):
            found = (len(differing), saved)
    return found[1] if found is not None else set()


# The fields of a unit that hold each part the merge compares (the state is read off the
# text, the MT and the approval: see ``_state``).
_PART_FIELDS = {
    TEXT: ("target", "plural_forms"),
    NOTES: ("notes",),
    MT: ("mt", "mt_engine", "mt_model"),
    COMMENTS: ("comments",),
    FLAGS: ("flags",),
    PREVIOUS: ("previous_source", "previous_context", "previous_plural_source"),
    PLURAL: ("plural_source", "plural_index"),
    LOCATIONS: ("locations",),
}
# The parts a written-back entry is told of, in this order (the others are no translator's).
_TOLD_PARTS = (TEXT, STATE, NOTES, MT, COMMENTS, FLAGS)


@dataclass(frozen=True)
class _KeptStory:
    """How the account of a merge says why this side's saved parts stayed over the other
    program's (``_merge_written_back``): after a text part, after any other."""

    text: str
    part: str


# An older copy of the file saved back (``_written_back``).
_WRITTEN_BACK = _KeptStory(
    "the other program wrote back an older text, which your save had replaced; it is in the note",
    "the other program wrote back the older one",
)
# Another termwise's merge kept its text over the one this side had saved (``_displacing_line``).
_DISPLACED = _KeptStory(
    "the other program had moved it into the note and put its own text in its place; its "
    "text is in the note now",
    "the other program's was for its own text",
)


def _merge_written_back(
    base: TranslationUnit,
    ours: TranslationUnit,
    theirs: TranslationUnit,
    written_back: set[str],
    report: MergeReport,
    story: _KeptStory = _WRITTEN_BACK,
) -> TranslationUnit:
    """Merge ``theirs``, whose parts ``written_back`` are what a save of this side replaced
    (see ``_written_back``): those parts count as unchanged by the other program, its other
    changes are merged as usual. A plain three-way merge took them for its edits and put
    the replaced text, and its state, back over the translator's saved work. It is a
    conflict all the same: the older text goes into the note, as where both rewrote it.
    ``story`` says why the parts stayed (a text another merge displaced: ``_DISPLACED``)."""
    segment_id = ours.segment_id
    changes = {
        name: getattr(base, name) for part in written_back for name in _PART_FIELDS.get(part, ())
    }
    current = replace(theirs, **changes)
    reviewed = _reviewed(base if STATE in written_back else theirs)
    current = replace(
        current,
        state=_state(current.target, current.plural_forms, current.mt, reviewed=reviewed),
    )
    rest = MergeReport()
    merged = _merge_unit(base, ours, current, rest)
    apart = _changed_parts(ours, theirs)
    details = []
    for part in _TOLD_PARTS:
        if part not in written_back or part not in apart:
            continue
        if part != TEXT:
            details.append(f"{part}: {YOURS} ({story.part})")
        elif theirs.target:
            details.append(f"{TEXT}: {YOURS} ({story.text})")
            merged = replace(merged, notes=_with_line(merged.notes, _other_version(theirs)))
        else:
            details.append(
                f"{TEXT}: {YOURS} (the other program wrote back the empty entry your save "
                "had filled)"
            )
    # The other program's own changes, told as usual (not as taken whole: ours kept parts).
    taken = _changed_parts(base, current)
    if segment_id in rest.taken_from_disk:
        details += [f"{part}: {THEIRS}" for part in _TOLD_PARTS if part in taken]
    else:
        details += rest.details.get(segment_id, [])
    if not details:
        # The translator had put back what the other program wrote back: nothing to tell.
        return ours if merged.key() == ours.key() else merged
    if TEXT in written_back & apart or segment_id in rest.conflicts or not taken:
        report.conflicts.append(segment_id)
    elif TEXT in taken and TEXT not in _changed_parts(base, ours):
        report.superseded.append(segment_id)
    else:
        report.combined.append(segment_id)
    report.details[segment_id] = details
    report.reviews_dropped += rest.reviews_dropped
    return ours if merged.key() == ours.key() else merged


@dataclass(frozen=True)
class _Review:
    """The merged segment's approval, and what to say of it (None: nothing to say)."""

    reviewed: bool
    said: str | None = None
    # An approval went with the text it was given to: the segment needs review.
    approval_dropped: bool = False


def _merged_review(
    base: TranslationUnit,
    ours: TranslationUnit,
    theirs: TranslationUnit,
    text: tuple[str, tuple[str, ...]],
    text_conflict: bool,
) -> _Review:
    """Whether the merged segment, holding ``text``, is reviewed (see ``_merge_unit``)."""
    was = _reviewed(base)
    # Who changed the approval, to what, and whether for the text the merge keeps.
    changes = [
        (by, _reviewed(side), _text(side) == text)
        for by, side in (("you", ours), ("the other program", theirs))
        if _reviewed(side) != was
    ]
    if not changes:
        return _Review(was)
    reopened = [by for by, reviewed, _ in changes if not reviewed]
    if reopened:
        return _Review(False, f"needs review (set by {' and '.join(reopened)})")
    approved = [by for by, _, applies in changes if applies]
    if approved:
        return _Review(True, f"reviewed (by {' and '.join(approved)})")
    if text_conflict and [by for by, _, _ in changes] == ["the other program"]:
        # It approved its own text: the note quotes that text as reviewed.
        return _Review(was)
    dropped = " and ".join(by for by, _, _ in changes)
    return _Review(was, f"needs review (approved by {dropped} for the text replaced)", True)


def _locked_by(theirs: TranslationUnit, base: TranslationUnit, ours: TranslationUnit) -> bool:
    """Whether the other program locked the segment (added ``#, read-only``) and this side
    did not: the merged segment is locked, and its text must be the one the lock was put on."""
    return READ_ONLY_FLAG in theirs.flags - base.flags - ours.flags


def _in_words(unit: TranslationUnit) -> str:
    """``unit``'s text as one line of a note: its plural forms numbered as ``msgstr[i]``."""
    if not unit.is_plural:
        return unit.target
    forms = unit.all_forms()
    if not any(forms):
        return ""
    return "; ".join(f"[{index}] {form}" for index, form in enumerate(forms))


def _merged_lines(base: str, ours: str, theirs: str) -> str:
    """Notes (or comments), merged: the side that changed them, or where both did, ours
    without the lines the other program deleted, then the lines it added. A re-wrap is no
    change (see ``_changed_parts``)."""
    if same_text(theirs, base):
        return ours
    if same_text(ours, base):
        return theirs
    base_lines, ours_lines = set(base.splitlines()), set(ours.splitlines())
    their_lines = theirs.splitlines()
    kept = [line for line in ours.splitlines() if line not in base_lines or line in their_lines]
    added = [line for line in their_lines if line not in base_lines and line not in ours_lines]
    return "\n".join([*kept, *added])


def _changed_parts(base: TranslationUnit, side: TranslationUnit) -> set[str]:
    """The parts of ``side`` that differ from ``base``. Notes, comments and MT compare
    without whitespace: polib and Poedit re-wrap long comment lines, which changes nothing
    a person wrote."""
    parts = set()
    if _text(side) != _text(base):
        parts.add(TEXT)
    if _reviewed(side) != _reviewed(base):
        parts.add(STATE)
    if not same_text(side.notes, base.notes):
        parts.add(NOTES)
    if not same_text(" ".join(side.comments), " ".join(base.comments)):
        parts.add(COMMENTS)
    if not _same_mt(side, base):
        parts.add(MT)
    if side.flags != base.flags:
        parts.add(FLAGS)
    if (side.previous_source, side.previous_context, side.previous_plural_source) != (
        base.previous_source,
        base.previous_context,
        base.previous_plural_source,
    ):
        parts.add(PREVIOUS)
    if (side.plural_source, side.plural_index) != (base.plural_source, base.plural_index):
        parts.add(PLURAL)
    if side.locations != base.locations:
        parts.add(LOCATIONS)
    return parts


def _same_mt(a: TranslationUnit, b: TranslationUnit) -> bool:
    if (a.mt is None) != (b.mt is None) or not same_text(a.mt or "", b.mt or ""):
        return False
    return (a.mt_engine, a.mt_model) == (b.mt_engine, b.mt_model)


def _text(unit: TranslationUnit) -> tuple[str, tuple[str, ...]]:
    return unit.target, unit.plural_forms


def _reviewed(unit: TranslationUnit) -> bool:
    """Whether the file holds the entry as reviewed (a translation without ``fuzzy``): the
    one part of the state that is not read off the text and the MT (see po_format)."""
    return unit.state is SegmentState.REVIEWED


def _state(target: str, forms: tuple[str, ...], mt: str | None, *, reviewed: bool) -> SegmentState:
    """The state a unit with this text, MT and approval is read back with (po_format)."""
    if not target and not any(forms):
        return SegmentState.NEW
    if reviewed:
        return SegmentState.REVIEWED
    if mt is not None and same_text(target, mt):
        return SegmentState.MT
    return SegmentState.EDITED


def _undo_state(unit: TranslationUnit) -> tuple[object, ...]:
    """What an undo step restores of a unit (``review.changes.UnitState``)."""
    return (unit.target, unit.state, unit.notes, unit.comments, unit.flags)


def _hashing(chunks: Iterable[bytes], digest: Any) -> Iterator[bytes]:
    for chunk in chunks:
        digest.update(chunk)
        yield chunk


def _same_work(a: TranslationUnit, b: TranslationUnit) -> bool:
    return (a.target, a.state, a.notes, a.mt) == (b.target, b.state, b.notes, b.mt)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b) if a.exists() and b.exists() else a.resolve() == b.resolve()
    except OSError:
        return a.resolve() == b.resolve()
