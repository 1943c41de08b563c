"""Where each entry of a project file lies on disk, so that saving copies what did not change.

An editor autosaves a book's 27 MB PO file every few keystrokes. Formatting 50,000 entries
through Babel takes seconds, and keeping every entry's bytes in memory costs their size
again; so termwise remembers only where each entry lies in the file it last read or wrote
(its span), and a save copies the spans of unchanged entries from that file, in runs, into
the new one. Only the entries that changed are formatted.

The spans are trusted only for the file they were taken from: its size, modification time
and, where those differ, its SHA-256 must be the ones recorded.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

from termwise.errors import TermwiseError

# Between two entries of a PO file (a span covers an entry without it).
ENTRY_SEPARATOR = b"\n\n"
BLOCK_SIZE = 1 << 20

# (the unit's key when the entry was written or read, start, length); start -1: not known.
Span = tuple[tuple[object, ...], int, int]
# An entry to write: its bytes, formatted now, or (start, length) in the file being replaced.
Piece = bytes | tuple[int, int]

_HEADER_ENTRY = re.compile(rb'(?m)^msgid ""\s*$\n^msgstr ')


class FileChangedWhileSavingError(TermwiseError):
    """The file whose entries were being copied got shorter under us: the save is abandoned."""


def blocks(handle: BinaryIO, digest: Any = None) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of each part of the file between separators, read 1 MiB at a time:
    what ``data.split(ENTRY_SEPARATOR)`` gives, without the whole file in memory. The bytes
    read go through ``digest`` (a hashlib object) on the way."""
    pending = b""
    offset = 0  # of pending[0] in the file
    while chunk := handle.read(BLOCK_SIZE):
        if digest is not None:
            digest.update(chunk)
        pending += chunk
        position = 0
        while (end := pending.find(ENTRY_SEPARATOR, position)) >= 0:
            yield offset + position, pending[position:end]
            position = end + len(ENTRY_SEPARATOR)
        offset += position
        pending = pending[position:]
    yield offset, pending


def scan(
    handle: BinaryIO, sha256: str, loaded: Sequence[tuple[object, ...]]
) -> dict[str, Span] | None:
    """The span of each live entry of a termwise PO file, paired with the units as loaded
    (``loaded``: their keys, in the file's order; a key starts with the segment id).

    ``None`` unless the file is byte for byte the one loaded (``sha256``) and its live
    entries line up one to one with the loaded units, each naming its unit's segment id:
    then each entry as read is a faithful PO form of its unit (even one another editor
    wrapped), and can be written back unchanged until the unit changes.
    """
    from termwise.project.po_format import escape_po

    digest = hashlib.sha256()
    spans: dict[str, Span] = {}
    seen_header = False
    lined_up = True
    for offset, block in blocks(handle, digest):
        if not lined_up:
            continue  # read on: a file changed since the load is told by its hash
        if not seen_header:
            if _HEADER_ENTRY.search(block) is not None:
                seen_header = True
                lined_up = b"\r" not in block and _declares_utf8(block)
            continue
        if not (block.startswith(b"msgid ") or b"\nmsgid " in block):
            continue  # obsolete entries and stray comments are not units
        if len(spans) == len(loaded) or b"#~" in block or b"\r" in block:
            lined_up = False
            continue
        key = loaded[len(spans)]
        segment_id = str(key[0])
        if b'msgctxt "' + escape_po(segment_id).encode("utf-8") + b'"' not in block:
            lined_up = False
            continue
        if block[:1] == b"\n" or block[-1:] == b"\n":  # more blank lines than one
            stripped = block.lstrip(b"\n")
            spans[segment_id] = (
                key,
                offset + len(block) - len(stripped),
                len(stripped.rstrip(b"\n")),
            )
        else:
            spans[segment_id] = (key, offset, len(block))
    if digest.hexdigest() != sha256 or not lined_up or len(spans) != len(loaded):
        return None
    return spans


def _declares_utf8(header: bytes) -> bool:
    head = header[:4096].lower()
    return b"charset=" not in head or b"charset=utf-8" in head


def is_unchanged(handle: BinaryIO, size: int, mtime_ns: int, sha256: str) -> bool:
    """Whether the open file is still the one with this size, mtime and hash."""
    stat = os.fstat(handle.fileno())
    if stat.st_size != size:
        return False
    if stat.st_mtime_ns == mtime_ns:
        return True
    digest = hashlib.sha256()
    handle.seek(0)
    while chunk := handle.read(BLOCK_SIZE):
        digest.update(chunk)
    return digest.hexdigest() == sha256


def chunks(
    header: bytes, entries: Sequence[Piece], trailer: bytes, source: BinaryIO | None
) -> Iterator[bytes]:
    """The new file's bytes: header, entries each followed by a separator, trailer.

    Spans that follow each other in ``source`` are copied as one run, so an autosave after
    a few edits is a handful of large reads and writes.
    """
    yield header
    run: list[int] | None = None  # [start, stop) of source, to copy as one piece
    for entry in entries:
        if isinstance(entry, tuple):
            start, length = entry
            if run is not None and start == run[1] + len(ENTRY_SEPARATOR):
                # The two bytes between two spans are the separator the file was split at.
                run[1] = start + length
                continue
            if run is not None:
                yield from _copy(source, run[0], run[1])
                yield ENTRY_SEPARATOR
            run = [start, start + length]
            continue
        if run is not None:
            yield from _copy(source, run[0], run[1])
            yield ENTRY_SEPARATOR
            run = None
        yield entry
        yield ENTRY_SEPARATOR
    if run is not None:
        yield from _copy(source, run[0], run[1])
        yield ENTRY_SEPARATOR
    yield trailer


def _copy(source: BinaryIO | None, start: int, stop: int) -> Iterator[bytes]:
    if source is None:
        raise ValueError("entries to copy but no file to copy them from")
    fd = source.fileno()
    while start < stop:
        chunk = os.pread(fd, min(BLOCK_SIZE, stop - start), start)
        if not chunk:
            raise FileChangedWhileSavingError(
                "the project file changed while it was being saved; nothing was written"
            )
        start += len(chunk)
        yield chunk
