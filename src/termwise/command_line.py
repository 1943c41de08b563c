"""Parameter types every command shares, so that each says the same thing the same way.

A missing file or directory is one line, ``termwise: error: FILE: no such file``, in every
command: click's own check prints three lines of usage around it, which some commands showed
and others did not. A language option accepts only a language CLDR knows (``--to xx`` is a
mistake, not a new language), and ``--encoding`` only a text encoding. An ``-o`` that names
one of the command's own inputs is refused before the command runs, and one whose suffix
names no format the command writes, unless ``--format`` says which. ``--glossary`` is
declared here once, so that it reads, is explained and is missed alike wherever a command
takes it, and so is the progress bar a long command draws on standard error.
"""

from __future__ import annotations

import codecs
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from termwise import languages
from termwise.atomic import check_output_path
from termwise.errors import InputError, TermwiseError

# What a click decorator decorates: a command's function, or a command already built.
Decorated = TypeVar("Decorated", bound=Callable[..., Any] | click.Command)


class OneLinePath(click.Path):
    """``click.Path`` whose existence and kind checks fail as ``InputError`` (one line)."""

    # What a missing path is called, where the command knows better than "file or
    # directory": `export --glossary /missing` said that, and every other command "no such
    # glossary file or folder". A class attribute, as ``one_line_path_errors`` makes
    # instances without ``__init__``.
    missing: str | None = None

    def __init__(self, *args: Any, missing: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if missing is not None:
            self.missing = missing

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not (self.allow_dash and value in ("-", b"-")):
            path = Path(os.fsdecode(value))
            if path.is_dir() and not self.dir_okay:
                raise InputError("is a folder, not a file", path)
            if path.exists() and not path.is_dir() and not self.file_okay:
                raise InputError("is a file, not a folder", path)
            if self.exists and not path.exists():
                kind = self.missing or (
                    "file"
                    if not self.dir_okay
                    else "directory"
                    if not self.file_okay
                    else "file or directory"
                )
                raise InputError(f"no such {kind}", path)
        return super().convert(value, param, ctx)


# Suffixes a plain-text report or listing goes by, and none (``-o report``).
PLAIN_TEXT_SUFFIXES = frozenset({"", "txt", "text", "log"})


def output_format(given: str | None, output: Path | None, choices: Iterable[str]) -> str:
    """The format a command writes: ``--format`` if given, else the one ``-o``'s suffix
    names among ``choices`` (``report.json``, ``terms.tbx``), else text for a plain-text
    suffix or none. `check -o report.html` wrote plain text into the .html file, and `terms
    extract -o terms.tbx` a text listing that `glossary import` then refused as malformed
    XML; `-o terms.xlsx` wrote a text listing into a file no spreadsheet could open, so a
    suffix naming no format the command writes is refused, as `export` refuses it."""
    if given is not None:
        return given
    offered = tuple(choices)
    extension = output.suffix if output is not None else ""
    suffix = extension.lower().lstrip(".")
    suffix = {"htm": "html", "tsv": "csv"}.get(suffix, suffix)
    if suffix in offered:
        return suffix
    if suffix in PLAIN_TEXT_SUFFIXES and "text" in offered:
        return "text"
    named = f"the suffix {extension!r}" if extension else "a name with no suffix"
    raise InputError(
        f"cannot tell the format from {named}; give --format ({', '.join(offered)})", output
    )


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


def refuse_overwriting(output: Path | None, inputs: Iterable[Path | None]) -> None:
    """Refuse an output file that is one of the inputs, or lies in an input folder:
    ``export paper.txt -o paper.txt`` replaced the paper with its HTML edition, and nothing
    kept the paper."""
    if output is None or str(output) == "-" or not output.exists():
        return
    target = output.resolve()
    for given in inputs:
        if given is None or str(given) == "-" or not given.exists():
            continue
        source = given.resolve()
        if target == source:
            raise InputError("is this command's input; write the output to another file", output)
        if source.is_dir() and source in target.parents:
            raise InputError(
                f"lies in {given}, this command's input; write the output elsewhere", output
            )


def refuse_project_files(output: Path, ctx: click.Context | None) -> None:
    """Refuse an output file that is one of the project's own files, given or not, there
    already or not: ``check -o glossary/key-terms.tbx`` replaced the glossary with a report,
    ``export -o translations/paper.es.po`` the translation with an edition, and ``export -o
    ../termwise.toml`` made a settings file of an edition, which every later command there
    stopped on as invalid TOML. So the settings file's name is refused in any folder (a
    folder holding one is a project), and any file in translations/ (the project reads
    what is there). A new file beside the glossary is the user's to make."""
    if ctx is None:
        return
    # The project's layout, read by its attributes: this module sits below ``project``.
    layout = ctx.find_root().obj
    target = output.resolve()
    config = getattr(layout, "config_path", None)
    if isinstance(config, Path):
        if config.resolve() == target:
            raise InputError("is the project's settings file; write the output elsewhere", output)
        if target.name == config.name:
            raise InputError(
                f"is named as a project's settings file: {target.parent} would read it as "
                "its settings; write the output elsewhere",
                output,
            )
    # Anything in translations/, which the project reads; in glossary/ only its files.
    folders = [getattr(layout, "translations_dir", None)]
    if output.exists():
        folders.append(getattr(layout, "glossary_dir", None))
    for folder in folders:
        if isinstance(folder, Path) and folder.resolve() in target.parents:
            raise InputError(
                f"is one of the project's files (in {folder.name}/); write the output elsewhere",
                output,
            )


def guard_outputs(command: click.Command) -> click.Command:
    """Make every command with ``-o``/``--output`` refuse an output it could not write, or
    one that is one of its own inputs (its other path parameters), before the command starts."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            guard_outputs(sub)
        return command
    callback = command.callback
    names = [p.name for p in command.params if isinstance(p.type, click.Path) and p.name]
    if callback is None or "output" not in names:
        return command
    inputs = [name for name in names if name != "output"]
    # An output that may be a folder (``glossary import -o DIR``) is the command's to check.
    file_only = any(
        p.name == "output" and isinstance(p.type, click.Path) and not p.type.dir_okay
        for p in command.params
    )

    @functools.wraps(callback)
    def checked(*args: Any, **kwargs: Any) -> Any:
        given: list[Path | None] = []
        for name in inputs:
            value = kwargs.get(name)
            given.extend(value if isinstance(value, tuple | list) else [value])
        output = kwargs.get("output")
        if output is not None and file_only:
            check_output_path(Path(output))
            refuse_project_files(Path(output), click.get_current_context(silent=True))
        refuse_overwriting(output, given)
        return callback(*args, **kwargs)

    command.callback = checked
    return command


class LanguageTag(click.ParamType):  # type: ignore[type-arg]
    """A BCP 47 tag for a language CLDR knows, in termwise's canonical form."""

    name = "LANG"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return languages.known(str(value))
        except TermwiseError as error:
            # Which of --from and --to was wrong, where a command has both.
            option = max(param.opts, key=len) if param is not None and param.opts else None
            raise TermwiseError(f"{option}: {error}" if option else str(error)) from None


LANGUAGE = LanguageTag()


class TextEncoding(click.ParamType):  # type: ignore[type-arg]
    """A codec that turns bytes into text. base64, rot13 and zlib are codecs too, and reading
    or writing a text with one failed deep inside Python."""

    name = "ENCODING"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        encoding = str(value)
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise TermwiseError(
                f"{encoding!r} is not a known encoding; use one such as utf-8, gb18030 or latin-1"
            ) from None
        # Python marks the codecs that encode str to bytes; the others it refuses in decode().
        if not getattr(info, "_is_text_encoding", True):
            raise TermwiseError(
                f"{encoding!r} is not a text encoding; use one such as utf-8, gb18030 or latin-1"
            )
        return encoding


TEXT_ENCODING = TextEncoding()


GLOSSARY_HELP = "Glossary file or folder (default: the project's glossary/)."


def glossary_option(
    help: str = GLOSSARY_HELP, *, exists: bool = False
) -> Callable[[Decorated], Decorated]:
    """``--glossary PATH`` into the parameter ``glossary_path``. ``help`` is for a command
    that uses the glossary in its own way (only to mark terms, only when there is one);
    ``exists`` for one that needs it there already (``glossary add`` may write a new one)."""
    return click.option(
        "--glossary",
        "glossary_path",
        type=OneLinePath(exists=exists, path_type=Path, missing="glossary file or folder"),
        default=None,
        help=help,
    )


class RegistryChoice(click.Choice[str]):
    """A choice among the names a registry holds when the command runs, not when it was
    declared: a format registered by a module imported later is offered and accepted too,
    and no list of names is kept beside the registry to fall out of step with it."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        return tuple(self._names())


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int | None], None]]:
    """A progress callback drawing on standard error, one look for every long command
    (``translate``, ``models install``, a Word export); silent when that is not a terminal,
    so that a pipe or a log gets no control characters."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    shown = 0
    bars: list[Any] = []  # created on the first report, when the total is known

    def update(done: int, total: int | None) -> None:
        nonlocal shown
        if not bars:
            bar: Any = click.progressbar(length=total, label=label, file=sys.stderr)
            bars.append(bar.__enter__())
        bars[0].update(done - shown)
        shown = done

    try:
        yield update
    finally:
        if bars:
            bars[0].__exit__(None, None, None)
