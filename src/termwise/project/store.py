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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from termwise.errors import TermwiseError
from termwise.project import entry_spans, po_format
from termwise.project.entry_spans import ENTRY_SEPARATOR, Piece, Span
from termwise.project.units import TranslationUnit

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
            "versions; a segment changed on both sides keeps yours, with the other "
            "translation in its notes."
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
    # Segments whose text another program rewrote while this side changed only their state,
    # notes or MT (a review of the old text): the new text was taken, that review dropped.
    superseded: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        """The segments whose translation is now not what this side had."""
        return [*self.taken_from_disk, *self.superseded]


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
    from termwise.atomic import Installer, write_atomic
    from termwise.project import swap

    snapshot = snapshot if snapshot is not None else Snapshot.of(tfile)

    target = Path(path) if path is not None else tfile.path
    if target is None:
        raise TermwiseError("this translation has no file yet; name one to save it")
    installer: Installer | None = None
    if not force:
        check_unchanged_on_disk(tfile, target)
        expected = _expected_on_disk(tfile, target)

        def checked_install(new: Path, real: Path, backup: Path | None) -> None:
            # Checked again as the file goes in: an edit saved meanwhile stays on disk.
            try:
                swap.install(new, real, backup, expected.matches if expected else None)
            except swap.ChangedOnDisk:
                raise ConcurrentModificationError(target) from None

        installer = checked_install

    # Unchanged entries are copied from the file being replaced, and the file is hashed
    # on the way: a book's file is never held in memory.
    digest = hashlib.sha256()
    with _open_spanned_file(tfile) as source:
        spans = tfile._written if source else {}
        header, entries, trailer, written = _plan(tfile, snapshot, spans)
        chunks = entry_spans.chunks(header, entries, trailer, source)
        write_atomic(target, _hashing(chunks, digest), backup=True, install=installer)
    tfile._written = written
    tfile.path = target
    stat = target.stat()
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


def file_bytes(tfile: TranslationFile) -> bytes:
    """The bytes ``save`` would write (see ``TranslationFile.to_bytes``)."""
    with _open_spanned_file(tfile) as source:
        spans = tfile._written if source else {}
        header, entries, trailer, _ = _plan(tfile, Snapshot.of(tfile), spans)
        return b"".join(entry_spans.chunks(header, entries, trailer, source))


def _plan(
    tfile: TranslationFile, snapshot: Snapshot, spans: dict[str, Span]
) -> tuple[bytes, list[Piece], bytes, dict[str, Span]]:
    """The file to write: header, one piece per unit of ``snapshot`` (formatted now, or the
    span of an unchanged entry in ``spans``' file), obsolete entries; and the new spans.
    Units are read from the snapshot's keys only (see the module doc)."""
    from babel.messages.catalog import Message

    options = po_format.WRITE_OPTIONS
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
    position = len(header)
    for key in keys:
        segment_id = str(key[0])
        fresh = formatted.get(segment_id)
        if fresh is None:
            _, start, length = spans[segment_id]
            entries.append((start, length))
        else:
            length = len(fresh)
            entries.append(fresh)
        new_spans[segment_id] = (key, position, length)
        position += length + len(ENTRY_SEPARATOR)
    live = {(str(key[1]), str(key[0])) for key in keys}
    trailer = po_format.write_catalog(
        po_format.obsolete_catalog(tfile, snapshot.obsolete, live), omit_header=True, **options
    )
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
            found = entry_spans.scan(handle, digest, [key for key, _, _ in tfile._written.values()])
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
    """Three-way merge of the file on disk into ``tfile`` (see ``TranslationFile.merge_from_disk``)."""
    target = Path(path) if path is not None else tfile.path
    if target is None:
        raise TermwiseError("this translation has no file to merge with")
    theirs = type(tfile).load(target)
    report = MergeReport()
    our_sources = {unit.source for unit in tfile.units.values()}
    for segment_id, their_unit in theirs.units.items():
        ours = tfile.units.get(segment_id)
        written = tfile._written.get(segment_id)
        base = _work_of(written[0]) if written is not None else None
        if ours is None:
            if base is None and their_unit.source in our_sources and not their_unit.has_work():
                continue
            if base is None:
                report.added_from_disk.append(segment_id)
                tfile.obsolete.append(their_unit)
            continue
        if _same_work(ours, their_unit):
            continue
        ours_changed = base is None or _work(ours) != base
        theirs_changed = base is None or _work(their_unit) != base
        if theirs_changed and not ours_changed:
            merged = replace(their_unit, source=ours.source, segment_id=segment_id)
            tfile.units[segment_id] = merged
            report.taken_from_disk.append(segment_id)
        elif theirs_changed and ours_changed:
            if base is not None and ours.target == base[0] != their_unit.target:
                tfile.units[segment_id] = _their_text(ours, their_unit, base)
                report.superseded.append(segment_id)
                continue
            if their_unit.target and their_unit.target != ours.target:
                note = f"Other version on disk ({their_unit.state.value}): {their_unit.target}"
                if note not in ours.notes:
                    ours.notes = f"{ours.notes}\n{note}".strip()
            report.conflicts.append(segment_id)
    for their_unit in theirs.obsolete:
        if all(not _same_work(their_unit, unit) for unit in tfile.obsolete):
            tfile.obsolete.append(their_unit)
    tfile._fingerprint = theirs._fingerprint
    # The next merge is against what is on disk now, and the next save copies from it.
    tfile._written, tfile._pending_scan = theirs._written, theirs._pending_scan
    tfile.path = target
    return report


def _their_text(
    ours: TranslationUnit, theirs: TranslationUnit, base: tuple[object, ...]
) -> TranslationUnit:
    """``theirs``, for a unit whose text only the other program changed: a state this side
    set (reviewed) judged the old text and goes, but notes and MT this side added stay where
    the other program left those as they were."""
    merged = replace(theirs, source=ours.source, segment_id=ours.segment_id)
    _, _, base_notes, base_mt = base
    if theirs.notes == base_notes:
        merged.notes = ours.notes
    if theirs.mt == base_mt:
        merged.mt, merged.mt_engine, merged.mt_model = ours.mt, ours.mt_engine, ours.mt_model
    return merged


def _hashing(chunks: Iterable[bytes], digest: Any) -> Iterator[bytes]:
    for chunk in chunks:
        digest.update(chunk)
        yield chunk


def _work(unit: TranslationUnit) -> tuple[object, ...]:
    return (unit.target, unit.state, unit.notes, unit.mt)


def _work_of(key: tuple[object, ...]) -> tuple[object, ...]:
    # _work() of the unit a key was taken from (the fields' places in units._unit_key).
    return (key[2], key[3], key[7], key[4])


def _same_work(a: TranslationUnit, b: TranslationUnit) -> bool:
    return (a.target, a.state, a.notes, a.mt) == (b.target, b.state, b.notes, b.mt)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b) if a.exists() and b.exists() else a.resolve() == b.resolve()
    except OSError:
        return a.resolve() == b.resolve()
