"""Parameter types every command shares, so that each says the same thing the same way.

A missing file or directory is one line, ``termwise: error: FILE: no such file``, in every
command: click's own check prints three lines of usage around it, which some commands showed
and others did not. A language option accepts only a language CLDR knows (``--to xx`` is a
mistake, not a new language).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from termwise import languages
from termwise.errors import InputError


class OneLinePath(click.Path):
    """``click.Path`` whose existence and kind checks fail as ``InputError`` (one line)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not (self.allow_dash and value in ("-", b"-")):
            path = Path(os.fsdecode(value))
            if path.is_dir() and not self.dir_okay:
                raise InputError("is a directory, not a file", path)
            if path.exists() and not path.is_dir() and not self.file_okay:
                raise InputError("is a file, not a directory", path)
            if self.exists and not path.exists():
                kind = (
                    "file"
                    if not self.dir_okay
                    else "directory"
                    if not self.file_okay
                    else "file or directory"
                )
                raise InputError(f"no such {kind}", path)
        return super().convert(value, param, ctx)


def one_line_path_errors(command: click.Command) -> click.Command:
    """Give every path parameter of ``command`` (and its subcommands) ``OneLinePath``'s errors.

    Done once here rather than in each command's decorators, so that commands written later
    cannot fall back to click's three-line message.
    """
    for param in command.params:
        if isinstance(param.type, click.Path) and not isinstance(param.type, OneLinePath):
            upgraded = OneLinePath.__new__(OneLinePath)
            upgraded.__dict__.update(param.type.__dict__)
            param.type = upgraded
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            one_line_path_errors(sub)
    return command


class LanguageTag(click.ParamType):  # type: ignore[type-arg]
    """A BCP 47 tag for a language CLDR knows, in termwise's canonical form."""

    name = "LANG"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return languages.known(str(value))


LANGUAGE = LanguageTag()
