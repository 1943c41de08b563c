"""Putting a saved translation file in place without losing what another program wrote.

A save checks, before it starts, that the file on disk is the one termwise read; formatting
and writing a book's file then takes a while, and an editor (Poedit, a script, ``git
checkout``) may save the file in that time. A plain rename would throw that edit away. So
the new file is put in place by exchanging it with the one on disk (Linux's ``renameat2``
with ``RENAME_EXCHANGE``, one atomic step): what comes out is compared with what termwise
read, and if another program changed it meanwhile the two are exchanged back, so the other
program's file is on disk again, and the save is refused (the caller merges or says so).

Where the exchange is not available (another system, a file system that refuses it), the
file is locked against other termwise processes and checked once more just before an
ordinary rename. What remains:

* with the exchange: a program that writes the file in the microseconds between the
  exchange and the exchange back (its file is then the one swapped back out; it is kept as
  ``name~`` and the save is refused, so it is not lost, but it is no longer the file);
  readers in those microseconds may see termwise's version;
* without it: a program that writes the file between the last check and the rename (a few
  microseconds); its version is then the ``name~`` backup.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from termwise.errors import TermwiseError

AT_FDCWD = -100
RENAME_NOREPLACE = 1
RENAME_EXCHANGE = 2

# Called with the target just before the new file is put in place: tests make another
# program write the file at exactly this moment.
BEFORE_SWAP: list[Callable[[Path], None]] = []


class ChangedOnDisk(TermwiseError):
    """The file on disk is no longer the one the save was made against; it is left as is."""


def _load_renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes.append(ctypes.c_uint)
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


_renameat2 = _load_renameat2()


def renameat2(source: Path, destination: Path, flags: int) -> bool:
    """``renameat2(2)``; False when the system or the file system does not offer it."""
    if _renameat2 is None:
        return False
    if _renameat2(AT_FDCWD, os.fsencode(source), AT_FDCWD, os.fsencode(destination), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(destination))


def install(
    new: Path, target: Path, backup: Path | None, unchanged: Callable[[Path], bool] | None
) -> None:
    """Put the written file ``new`` in place of ``target``.

    ``unchanged(path)`` says whether the file at ``path`` is still the one the save was made
    against (None: ``target`` must not exist yet). When it is not, ``ChangedOnDisk`` is
    raised with ``target`` as the other program left it and ``new`` still at its path. The
    replaced file becomes ``backup`` when one is named.
    """
    for hook in BEFORE_SWAP:
        hook(target)
    if unchanged is None:
        _install_new(new, target)
        return
    if _exchange(new, target):
        # ``new`` now names the file that was on disk.
        try:
            kept = unchanged(new)
        except BaseException:
            _exchange(new, target)
            raise
        if not kept:
            _exchange(new, target)
            raise ChangedOnDisk(str(target))
        if backup is not None:
            os.replace(new, backup)
        else:
            os.unlink(new)
        return
    with _locked(target):
        if not unchanged(target):
            raise ChangedOnDisk(str(target))
        if backup is not None:
            _keep(target, backup)
        os.replace(new, target)


def _exchange(new: Path, target: Path) -> bool:
    try:
        return renameat2(new, target, RENAME_EXCHANGE)
    except FileNotFoundError:
        raise ChangedOnDisk(str(target)) from None  # deleted meanwhile


def _install_new(new: Path, target: Path) -> None:
    """A file that did not exist: created only if nothing appeared at ``target`` meanwhile."""
    try:
        if renameat2(new, target, RENAME_NOREPLACE):
            return
        os.link(new, target)  # fails when the name exists: the portable no-replace rename
    except FileExistsError:
        raise ChangedOnDisk(str(target)) from None
    os.unlink(new)


def _keep(target: Path, backup: Path) -> None:
    from termwise.atomic import keep_as_backup

    keep_as_backup(target, backup)


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """An exclusive lock on the file being replaced, held until it is replaced: termwise
    processes saving the same file then check and rename one after the other."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ChangedOnDisk(str(target)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
