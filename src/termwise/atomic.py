"""Atomic file replacement, so that a crash or a full disk never leaves a half-written file.

The new content goes to a temporary file in the same folder, is flushed and fsynced, and
then renamed over the target; the folder is fsynced so the rename itself survives a crash.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept (``name~``, as Emacs and Vim do)."""
    return path.with_name(path.name + "~")


def write_atomic(
    path: str | Path,
    data: bytes | str | Iterable[bytes],
    *,
    encoding: str = "utf-8",
    backup: bool = False,
) -> None:
    """Replace ``path`` with ``data`` atomically; with ``backup`` keep the old file as ``name~``.

    ``data`` may be an iterable of byte chunks, written as they come, so that a large file
    (a book's PO file) need not be built in memory first.
    """
    target = Path(path)
    chunks: Iterable[bytes]
    if isinstance(data, str):
        chunks = (data.encode(encoding),)
    elif isinstance(data, bytes):
        chunks = (data,)
    else:
        chunks = data
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp_name)
            if backup:
                _keep_as_backup(target, backup_path(target))
        else:
            # mkstemp creates 0600 files; a new file gets the mode any editor would give it.
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _keep_as_backup(source: Path, destination: Path) -> None:
    # The backup replaces the previous one atomically: a crash while making it must not
    # destroy that one either. A hard link costs nothing (the file about to be replaced
    # becomes the backup); where links are refused, a copy in blocks (a book's PO file is
    # 27 MB).
    link = destination.with_name(f".{destination.name}.{os.getpid()}.link")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(link)
        os.link(source, link)
    except OSError:
        with source.open("rb") as handle:
            write_atomic(destination, iter(lambda: handle.read(1 << 20), b""), backup=False)
        return
    try:
        os.replace(link, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(link)
        raise


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
