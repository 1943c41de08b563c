"""Errors that reach the user.

Every failure caused by input (a file, a flag, the network) is a ``TermwiseError`` so the
CLI can print one clear line that names the file and position, and exit non-zero,
instead of a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

# lxml ends its messages with ", line 1, column 2" (after a newline for some), which the
# position before the message already says.
_LIBXML_POSITION = re.compile(r"[\s,]*line \d+, column \d+\s*$")


class TermwiseError(Exception):
    """A failure the user can act on; ``str()`` is the message shown to them."""

    exit_code = 2


class InputError(TermwiseError):
    """Bad input: names the file and, where known, the line, column or byte offset."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
    ) -> None:
        # The CLI prints one line per error; a message from a library may carry newlines.
        self.message = " ".join(_LIBXML_POSITION.sub("", message).split())
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.offset = offset
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = location(self.path, self.line, self.column)
        if self.line is None and self.offset is not None:
            where += f": byte {self.offset}"
        return f"{where}: {self.message}"


def location(path: str | None, line: int | None = None, column: int | None = None) -> str:
    """``path:line:column`` as compilers print it, leaving out what is not known."""
    where = path or "<input>"
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return where
