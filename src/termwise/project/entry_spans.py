"""Where each entry of a project file lies on disk, so that saving copies what did not change.

An editor autosaves a book's 27 MB PO file every few keystrokes. Formatting 50,000 entries
through Babel takes seconds, and keeping every entry's bytes in memory costs their size
again; so termwise remembers only where each entry lies in the file it last read or wrote
(its span), and a save copies the spans of unchanged entries from that file, in runs, into
the new one. Only the entries that changed are formatted.

The spans are trusted only for the file they were taken from: its size, modification time
and, where those differ, its SHA-256 must be the ones recorded. They count the file's own
bytes: in a file with CRLF line ends (Windows editors, a Git checkout with autocrlf) a
span's "\r\n" are copied as they are, and the entries formatted now get them on the way
out (``po_format.in_file_style``).
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


def separator(newline: str) -> bytes:
    """The bytes between two entries of a file whose lines end with ``newline``."""
    return ENTRY_SEPARATOR.replace(b"\n", newline.encode("ascii"))


def disk_length(formatted: bytes, newline: str) -> int:
    """How many bytes ``formatted`` ("\n" line ends) takes in a file whose lines end with
    ``newline``: what ``po_format.in_file_style`` makes of it."""
    return len(formatted) + formatted.count(b"\n") * (len(newline) - 1)


def blocks(
    handle: BinaryIO, digest: Any = None, between: bytes = ENTRY_SEPARATOR
) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of each part of the file between separators (``between``), read
    1 MiB at a time: what ``data.split(between)`` gives, without the whole file in memory.
    The bytes read go through ``digest`` (a hashlib object) on the way."""
    pending = b""
    offset = 0  # of pending[0] in the file
    while chunk := handle.read(BLOCK_SIZE):
        if digest is not None:
            digest.update(chunk)
        pending += chunk
        position = 0
        while (end := pending.find(between, position)) >= 0:
            yield offset + position, pending[position:end]
            position = end + len(between)
        offset += position
        pending = pending[position:]
    yield offset, pending


def scan(
    handle: BinaryIO, sha256: str, loaded: Sequence[tuple[object, ...]], newline: str = "\n"
) -> dict[str, Span] | None:
    """The span of each live entry of a termwise PO file, paired with the units as loaded
    (``loaded``: their keys, in the file's order; a key starts with the segment id), in a
    file whose lines end with ``newline`` (``po_format.FileStyle.newline``).

    ``None`` unless the file is byte for byte the one loaded (``sha256``) and its live
    entries line up one to one with the loaded units, each naming its unit's segment id:
    then each entry as read is a faithful PO form of its unit (even one another editor
    wrapped), and can be written back unchanged until the unit changes. An entry whose
    line ends are not all ``newline`` gets no place (start -1): copied, it would mix the
    two, so it is formatted anew.
    """
    from termwise.project.po_format import escape_po

    digest = hashlib.sha256()
    spans: dict[str, Span] = {}
    seen_header = False
    lined_up = True
    for offset, block in blocks(handle, digest, separator(newline)):
        if not lined_up:
            continue  # read on: a file changed since the load is told by its hash
        if not seen_header:
            if _HEADER_ENTRY.search(block) is not None:
                seen_header = True
                lined_up = _ends_only(block, newline) and _declares_utf8(block)
            continue
        if not (block.startswith(b"msgid ") or b"\nmsgid " in block):
            continue  # obsolete entries and stray comments are not units
        if len(spans) == len(loaded) or b"#~" in block:
            lined_up = False
            continue
        key = loaded[len(spans)]
        segment_id = str(key[0])
        if b'msgctxt "' + escape_po(segment_id).encode("utf-8") + b'"' not in block:
            lined_up = False
            continue
        if not _ends_only(block, newline):
            spans[segment_id] = (key, -1, 0)  # formatted anew, with the file's line ends
        elif block[:1] in (b"\r", b"\n") or block[-1:] == b"\n":  # more blank lines than one
            stripped = block.lstrip(b"\r\n")
            spans[segment_id] = (
                key,
                offset + len(block) - len(stripped),
                len(stripped.rstrip(b"\r\n")),
            )
        else:
            spans[segment_id] = (key, offset, len(block))
    if digest.hexdigest() != sha256 or not lined_up or len(spans) != len(loaded):
        return None
    return spans


def _ends_only(block: bytes, newline: str) -> bool:
    """Whether every line of ``block`` ends with ``newline`` and it holds no other "\r"."""
    if newline == "\n":
        return b"\r" not in block
    crlf = block.count(b"\r\n")
    return block.count(b"\n") == crlf and block.count(b"\r") == crlf


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
    header: bytes,
    entries: Sequence[Piece],
    trailer: bytes,
    source: BinaryIO | None,
    newline: str = "\n",
) -> Iterator[bytes]:
    """The new file's bytes: header, entries each followed by a separator, trailer. What
    is formatted has "\n" ends, what is copied ``source``'s own (``newline``).

    Spans that follow each other in ``source`` are copied as one run, so an autosave after
    a few edits is a handful of large reads and writes.
    """
    between = len(separator(newline))
    yield header
    run: list[int] | None = None  # [start, stop) of source, to copy as one piece
    for entry in entries:
        if isinstance(entry, tuple):
            start, length = entry
            if run is not None and start == run[1] + between:
                # The bytes between two spans are the separator the file was split at.
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
