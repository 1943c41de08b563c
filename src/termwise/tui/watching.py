"""Noticing, without a keypress, that the open translation file changed on disk.

Another program (Weblate's sync, Poedit, a script) may lock an entry or rewrite a
translation while the workbench is open; the workbench used to show it only at the next
cursor move, check run or save. ``FileWatch`` is the cheap half: one ``stat`` per look, and
only a change of the file's stamps is reported, so an idle workbench reads nothing. Whether
the change is another program's (not the workbench's own save) is the store's fingerprint's
to say (``TranslationFile.changed_on_disk``), asked only then.
"""

from __future__ import annotations

import os
from pathlib import Path

# Modification and change times, size and inode: a save by rename gives a new inode, an
# edit in place a new time or size, and a ``touch -r`` that puts the time back a new ctime.
Stamp = tuple[int, int, int, int]


def stamp_of(path: Path) -> Stamp | None:
    """The stamps of ``path`` as it is now (None: no file there)."""
    try:
        stat = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


class FileWatch:
    """Whether a file's stamps changed since it was last looked at."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen = stamp_of(path)

    def changed(self) -> bool:
        """Whether the file changed since the last look that said so (or since the start).
        A change is reported once: what it was is for the caller to find out."""
        try:
            stamp = stamp_of(self.path)
        except OSError:
            # The folder unreadable for a moment (a mount going away): nothing to read.
            return False
        if stamp == self._seen:
            return False
        self._seen = stamp
        return True
