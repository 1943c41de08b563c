"""Opening the files a user hands to termwise (documents, glossaries, PO, TMX, XLIFF).

Every input is read through ``read_input`` so that what is not a regular file is refused
up front: reading a FIFO (or a terminal, or a socket) waits for a writer that may never
come, and a command that hangs without a word is worse than one that says why it stops.
The file is opened without blocking and checked on the open descriptor, so the check and
the read are of the same file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from termwise.errors import InputError

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
)


def not_regular_reason(mode: int) -> str | None:
    """Why a file of this ``st_mode`` cannot be read as input (None: it can)."""
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def refusal(path: Path, reason: str) -> InputError:
    return InputError(f"{reason}; give termwise a regular file (save the data to one first)", path)


def require_regular_file(path: str | Path) -> None:
    """Refuse ``path`` unless it is a regular file (or a link to one); for readers that open
    the file themselves (python-docx, zipfile)."""
    file_path = Path(path)
    try:
        mode = file_path.stat().st_mode
    except FileNotFoundError:
        raise InputError("no such file", file_path) from None
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", file_path) from error
    reason = not_regular_reason(mode)
    if reason is not None:
        raise refusal(file_path, reason)


def read_input(path: str | Path) -> bytes:
    """The bytes of the regular file at ``path``; anything else is an ``InputError``."""
    file_path = Path(path)
    try:
        fd = os.open(file_path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", file_path) from None
    except IsADirectoryError:
        raise refusal(file_path, "is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", file_path) from error
    try:
        reason = not_regular_reason(os.fstat(fd).st_mode)
        if reason is not None:
            raise refusal(file_path, reason)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            return handle.read()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", file_path) from error
    finally:
        if fd >= 0:
            os.close(fd)
