"""Noticing, without a keypress, that the open translation file or the glossary changed
on disk.

Another program (Weblate's sync, Poedit, a script) may lock an entry or rewrite a
translation while the workbench is open; the workbench used to show it only at the next
cursor move, check run or save. ``termwise glossary add`` in another shell may record a
term, which the workbench's next glossary edit wrote its old copy over. ``FileWatch`` and
``FilesWatch`` are the cheap half: one ``stat`` per file per look, and only a change of the
stamps is reported, so an idle workbench reads nothing. Whether the change is another
program's (not the workbench's own save) is for the owner of the file to say
(``TranslationFile.changed_on_disk``, ``ReviewSession.reload_glossary``), asked only then.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
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


class FilesWatch:
    """Whether the stamps of a set of files changed since they were last looked at. The set
    is listed again at each look (``paths``): a file added to a glossary folder, or taken
    out of it, is a change too."""

    def __init__(self, paths: Callable[[], Iterable[Path]]) -> None:
        self._paths = paths
        self._seen = self._stamps()

    def _stamps(self) -> dict[Path, Stamp | None]:
        return {path: stamp_of(path) for path in self._paths()}

    def changed(self) -> bool:
        """Whether the files changed since the last look that said so (or since the start).
        A change is reported once: what it was is for the caller to find out."""
        try:
            stamps = self._stamps()
        except OSError:
            # The folder unreadable for a moment (a mount going away): nothing to read.
            return False
        if stamps == self._seen:
            return False
        self._seen = stamps
        return True


class FileWatch(FilesWatch):
    """Whether a file's stamps changed since it was last looked at."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(lambda: [path])
