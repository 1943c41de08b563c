"""Atomic file replacement, so that a crash or a full disk never leaves a half-written file.

The new content goes to a temporary file in the same folder, is flushed and fsynced, and
then renamed over the target; the folder is fsynced so the rename itself survives a crash.
A target that is a symbolic link is written through to the file it points to (the link
stays a link); a terminal, /dev/null or a pipe is written into, not replaced; a disk device,
a socket or a target without write permission is refused, as editors do; temporary files
left by a save that was killed are deleted by the next save into the same folder.
Every failure of the file system (a full disk, a read-only folder) is a ``WriteError``: one
line naming the file and what to do, the previous file untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from termwise.errors import TermwiseError


class WriteError(TermwiseError):
    """Writing a file failed; the file as it was before is untouched."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


def os_error_advice(error: OSError) -> str:
    """What went wrong with a file operation and what the user can do, in one clause."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full; free some space and run the command again"
    if code == errno.EROFS:
        return "the file system is read-only; save to a writable folder (or remount it)"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied; make the folder and file writable for you, or write elsewhere"
    if code == errno.ENAMETOOLONG:
        return "the name is too long for the file system; choose a shorter name"
    if code == errno.ENOTDIR:
        return "a part of the path is a file, not a folder; choose another path"
    if code == errno.EISDIR:
        return "is a folder; give a file name"
    return f"{error.strerror or error}; check the path and run the command again"


def check_output_path(path: Path) -> None:
    """Refuse, before a command does its work, an output file it could not write at the end:
    a folder that does not exist (``-o`` with a mistyped folder created that folder), a part
    of the path that is a file, a folder or file without write permission. ``-`` is refused
    too: no command writes standard output through ``-o``, and a file named "-" was made."""
    if str(path) == "-":
        raise WriteError(
            path, "is not standard output here; name a file (./- for a file called '-')"
        )
    if _is_stream(path):
        return
    _refuse_read_only(path)
    parent = path.parent
    existing = next((folder for folder in (parent, *parent.parents) if folder.exists()), None)
    if existing is not None and not existing.is_dir():
        raise WriteError(path, os_error_advice(NotADirectoryError(errno.ENOTDIR, str(existing))))
    if existing != parent:
        raise WriteError(path, f"the folder {parent} does not exist; create it or write elsewhere")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise WriteError(path, os_error_advice(PermissionError(errno.EACCES, str(parent))))


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept (``name~``, as Emacs and Vim do)."""
    return path.with_name(path.name + "~")


def free_backup_path(path: Path) -> Path:
    """``name~``, or where that is taken ``name.~2~``, ``name.~3~``…: for a backup that
    must not replace an earlier one (a second ``glossary import --replace`` wrote over
    the curated glossary's only copy)."""
    candidate = backup_path(path)
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.~{number}~")
        number += 1
    return candidate


def original_path(path: Path) -> Path:
    """Where a source document is kept as it was before termwise first rewrote it
    (``name.orig``, as patch keeps one): ``name~`` holds only the version before the last
    fix, and after a second fix the client's original was gone."""
    return path.with_name(path.name + ".orig")


def keep_original(path: Path) -> None:
    """Copy ``path`` to ``original_path`` unless a copy is there already."""
    original = original_path(path)
    if path.exists() and not original.exists():
        shutil.copy2(path, original)


def write_atomic(
    path: str | Path,
    data: bytes | str | Iterable[bytes],
    *,
    encoding: str = "utf-8",
    backup: bool = False,
    install: Installer | None = None,
) -> None:
    """Replace ``path`` with ``data`` atomically; with ``backup`` keep the old file as ``name~``.

    ``data`` may be an iterable of byte chunks, written as they come, so that a large file
    (a book's PO file) need not be built in memory first. ``install(new, target, backup)``
    puts the written file in place instead of a plain rename (``project/swap.py``: one that
    checks what it replaces); if it raises, ``new`` is deleted and nothing else changed.
    """
    given = Path(path)
    # stat() follows links, so a link is a stream exactly when its target is; /dev/stdout is
    # a link to a pipe that has no path, so a stream is written through the name given.
    stream = _is_stream(given)
    target = given if stream else _write_through(given)
    if not stream:
        _refuse_read_only(target)
    try:
        if stream:
            _write_stream(target, data, encoding)
        else:
            _write(target, data, encoding, backup, install)
    except OSError as error:
        raise WriteError(
            target, f"not saved: {os_error_advice(error)}. Nothing was written."
        ) from error


def _write_through(path: Path) -> Path:
    """The file a save replaces: a symbolic link's final target, so the link stays a link."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _is_stream(target: Path) -> bool:
    """Whether ``target`` is a terminal, /dev/null or a pipe: written into, never replaced.
    Renaming a file over /dev/null replaced the device with a plain file (as root), and
    every program that writes to /dev/null afterwards filled it."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(target: Path, data: bytes | str | Iterable[bytes], encoding: str) -> None:
    with open(target, "wb") as handle:
        if isinstance(data, str):
            handle.write(data.encode(encoding))
        elif isinstance(data, bytes):
            handle.write(data)
        else:
            for chunk in data:
                handle.write(chunk)


def _refuse_read_only(target: Path) -> None:
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if stat.S_ISDIR(mode):
        raise WriteError(target, "is a folder; give a file name")
    if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise WriteError(target, "is a device or socket, not a file; give a file name")
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise WriteError(
            target,
            "is read-only, so termwise does not overwrite it; make it writable "
            f"(chmod u+w {target}) or save elsewhere. Nothing was written.",
        )


# (the written temporary file, the target, where the replaced file is kept or None)
Installer = Callable[[Path, Path, "Path | None"], None]


def _write(
    target: Path,
    data: bytes | str | Iterable[bytes],
    encoding: str,
    backup: bool,
    install: Installer | None,
) -> None:
    chunks: Iterable[bytes]
    if isinstance(data, str):
        chunks = (data.encode(encoding),)
    elif isinstance(data, bytes):
        chunks = (data,)
    else:
        chunks = data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        # mkdir says "exists" where a part of the path is a file.
        raise NotADirectoryError(errno.ENOTDIR, str(error.filename)) from error
    clean_stale_temporaries(target)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=_TMP_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        exists = target.exists()
        if exists:
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp_name)
        else:
            # mkstemp creates 0600 files; a new file gets the mode any editor would give it.
            os.chmod(tmp_name, 0o666 & ~_umask())
        if install is not None:
            install(Path(tmp_name), target, backup_path(target) if backup else None)
        else:
            if exists and backup:
                keep_as_backup(target, backup_path(target))
            os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)


_TMP_SUFFIX = ".tmp"
# A temporary file of ours whose writer cannot be told (an older naming) is stale after this.
_STALE_AFTER_S = 3600


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Delete the temporary files that saves of ``target`` killed midway left beside it.

    Their names carry the writer's process id; a file whose process is gone is stale, one
    whose process still runs is another save in progress and is left alone.
    """
    name = re.escape(target.name)
    # ``.NAME.PID.XXXXXXXX.tmp`` (``.NAME.XXXXXXXX.tmp`` before the pid was in the name),
    # the same for the backup ``NAME~``, and the backup's hard link ``.NAME~.PID.link``.
    pattern = re.compile(
        rf"^\.{name}~?\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]{{8}}\.tmp$|^\.{name}~\.(?P<link>\d+)\.link$"
    )
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        found = pattern.match(name)
        if found is None:
            continue
        candidate = target.parent / name
        pid = found["pid"] or found["link"]
        if pid is not None and int(pid) != os.getpid() and _process_gone(int(pid)):
            stale = True
        elif pid is None or int(pid) == os.getpid():
            stale = _age(candidate) > _STALE_AFTER_S
        else:
            stale = False
        if stale:
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _age(path: Path) -> float:
    try:
        return time.time() - path.lstat().st_mtime
    except OSError:
        return 0.0


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def keep_as_backup(source: Path, destination: Path) -> None:
    """Make ``destination`` the file ``source`` is now (a hard link; a copy where links are
    refused), replacing any previous one atomically."""
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
