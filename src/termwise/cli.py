"""The ``termwise`` command line.

Subcommands live beside the capability they drive (``document/commands.py``,
``glossary/commands.py``, ...) and are imported only when invoked, so that
``termwise --help`` stays fast and never pulls in the MT engine or the UI.
"""

from __future__ import annotations

import functools
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from termwise import __version__
from termwise.command_line import OneLinePath, guard_outputs, one_line_path_errors
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout

if TYPE_CHECKING:
    from termwise.project.translations import SyncReport

# name -> (module:attribute, one-line help shown by ``termwise --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "segments": (
        "termwise.document.commands:segments",
        "Show a document's headings and sentences.",
    ),
    "glossary": (
        "termwise.glossary.commands:glossary",
        "Show, import, export, validate and search glossaries.",
    ),
    "models": (
        "termwise.mt.commands:models",
        "List, install and remove offline translation models.",
    ),
    "translate": (
        "termwise.mt.commands:translate",
        "Machine-translate a document, segment by segment.",
    ),
    "check": (
        "termwise.checks.commands:check",
        "Check terminology and consistency of a document and its translation.",
    ),
    "import": (
        "termwise.project.commands:import_translation",
        "Seed a translation project from TMX, XLIFF or PO.",
    ),
    "stats": ("termwise.project.commands:stats", "Show translation progress per state."),
    "export": (
        "termwise.export.commands:export",
        "Export a bilingual edition or an interchange file.",
    ),
    "review": ("termwise.tui.commands:review", "Review a translation in the terminal workbench."),
    "align": (
        "termwise.align.commands:align",
        "Align a source text with its existing translation, sentence by sentence.",
    ),
    "align-score": (
        "termwise.align.commands:align_score",
        "Score sentence alignments against a gold alignment (strict and lax P/R/F1).",
    ),
    "fix": (
        "termwise.review.commands:fix",
        "Apply the workbench's terminology fixes to a document or its translation.",
    ),
    "terms": (
        "termwise.terms.commands:terms",
        "Extract a document's terms and variants; compare them with the glossary.",
    ),
}

# The commands about one document, found in the project above it ("terms targets": a
# subcommand): name -> (the document's parameter, the target language's or None). Commands
# about several documents or none find the project from the current folder up (glossary,
# terms extract: ``glossary.commands.InProjectFoundHere``).
DOCUMENT_COMMANDS: dict[str, tuple[str, str | None]] = {
    "segments": ("file", None),
    "translate": ("file", "target_lang"),
    "check": ("file", "to_lang"),
    "import": ("document_path", "target_lang"),
    "stats": ("file", "target_lang"),
    "export": ("file", "target_lang"),
    "review": ("file", "target_lang"),
    "align": ("source_path", "target_lang"),
    "fix": ("file", "to_lang"),
    "terms targets": ("file", "target_lang"),
}

# The document commands that start the translation ``--to`` names where there is none: they
# refuse a new one beside a translation into another tag of the language (``discovery.
# another_variant``) unless ``--new-variant`` is given. The others report it missing.
STARTING_COMMANDS = frozenset({"translate", "import", "review", "align"})


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target[0].partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                return None  # the capability is not built yet
            raise
        command: click.Command = getattr(module, attribute)
        assert isinstance(command, click.Command)
        # The module's command object outlives one invocation (tests run many in a process):
        # wrapping its callback again on every lookup nested the checks one more time each.
        if not getattr(command, "_termwise_prepared", False):
            command = guard_outputs(one_line_path_errors(command))
            for name, params in DOCUMENT_COMMANDS.items():
                group_name, _, sub_name = name.partition(" ")
                if group_name != cmd_name:
                    continue
                about_one = command
                if sub_name:
                    assert isinstance(command, click.Group)
                    about_one = command.commands[sub_name]
                in_document_project(about_one, *params, starts=name in STARTING_COMMANDS)
            command._termwise_prepared = True  # type: ignore[attr-defined]
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text comes from the table above so that ``--help`` imports no subcommand.
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def in_document_project(
    command: click.Command, document_param: str, lang_param: str | None, *, starts: bool = False
) -> None:
    """Make ``command`` work in the project of its document (``project/discovery.py``) unless
    ``--project`` names one; refuse where the other candidate alone holds the translation, or,
    for a command that ``starts`` translations, where the project holds one into another tag
    of the language asked (``--new-variant`` goes on); and say where a translation file the
    command started lies.

    Done here, around the callback, because the document is the subcommand's argument, parsed
    after the group chose the layout; and so that every command about one document follows
    the same rule without each knowing it.
    """
    callback = command.callback
    assert callback is not None
    name = command.name or ""
    if starts:
        from termwise.project.discovery import NEW_VARIANT_OPTION

        command.params.append(
            click.Option(
                [NEW_VARIANT_OPTION, "new_variant"],
                is_flag=True,
                help="Start the translation into --to's language even where the document "
                "has one into another variant of it (es-ES beside es).",
            )
        )

    @functools.wraps(callback)
    def in_project(*args: Any, **kwargs: Any) -> Any:
        from termwise.project import discovery

        new_variant = bool(kwargs.pop("new_variant", False))
        ctx = click.get_current_context()
        if kwargs.get(document_param) is None:
            # ``check --list`` names no document: the current folder's rules hold.
            return callback(*args, **kwargs)
        document = Path(kwargs[document_param])
        lang = kwargs.get(lang_param) if lang_param else None
        if ctx.find_root().params.get("project_dir") is not None:
            choice = discovery.ProjectChoice(ctx.find_root().obj, "named with --project")
        else:
            choice = discovery.choose_project(document)
            refusal = discovery.conflict(choice, document, lang, _command_path(ctx, name))
            if refusal is not None:
                raise TermwiseError(refusal)
            # pass_obj reads the command's context, the output guard the root's.
            scope: click.Context | None = ctx
            while scope is not None:
                scope.obj = choice.layout
                scope = scope.parent
        started = choice.layout.translation_file(document, lang) if lang else None
        existed = started is not None and started.exists()
        if starts and lang:
            refusal = discovery.another_variant(
                choice.layout, document, lang, new_variant=new_variant
            )
            if refusal is not None:
                raise TermwiseError(refusal)
        from termwise.project.translations import collecting_sync_reports

        failed = False
        with collecting_sync_reports() as synced:
            try:
                return callback(*args, **kwargs)
            except (SystemExit, click.exceptions.Exit):
                raise  # ``fix`` and ``check`` end with their exit status: still say it
            except BaseException:
                failed = True
                raise
            finally:
                if started is not None and not existed and started.exists():
                    click.echo(discovery.new_translation_note(choice, started, document), err=True)
                if not failed:
                    _say_moved_work(synced, document)

    command.callback = in_project


def _say_moved_work(synced: list[tuple[Path | None, SyncReport]], document: Path) -> None:
    """Work that moved when a translation was brought in step with the document (the
    segmenter cuts otherwise now): said once per file, as it was found the first time.

    Where the command did not save the file (``stats``, ``check``, ``export`` never do), the
    move is in memory only and every such command says it again: one line per file says
    so, lest the translator take it for work moved again on each run."""
    said: dict[Path | None, tuple[SyncReport, list[str]]] = {}
    for path, report in synced:
        said.setdefault(path, (report, report.lines()))
    for path, (report, lines) in said.items():
        name = path.name if path else document.name
        if path is not None and lines and not report.saved_since(path):
            lines = [
                f"{'; '.join(lines)} (in memory only: this command does not save the file; "
                "the next one that does writes it so)"
            ]
        for line in lines:
            click.echo(f"note: {name}: {line}", err=True)


def _command_path(ctx: click.Context, name: str) -> str:
    """``export`` or ``terms targets``: the words after ``termwise`` that name the command."""
    parent = ctx.parent
    if parent is not None and parent.parent is not None and parent.info_name:
        return f"{parent.info_name} {name}"
    return name


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termwise")
@click.option(
    "--project",
    "project_dir",
    # It must exist: a mistyped folder would otherwise be an empty project, and commands
    # would report "no translations" for work that is there.
    type=OneLinePath(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Project folder holding glossary/, translations/ and termwise.toml (default: the "
    "nearest such folder above the document, else the current folder).",
)
@click.pass_context
def cli(ctx: click.Context, project_dir: Path | None) -> None:
    """termwise: review machine translation against a curated glossary."""
    ctx.obj = ProjectLayout.at(project_dir)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning user-facing errors into one line and a non-zero exit."""
    try:
        # Outside standalone mode click *returns* the status of a command that ended
        # through ``ctx.exit(n)`` instead of exiting with it; dropping it made failures
        # (``glossary validate`` on a broken file) exit 0.
        status = cli.main(args=argv, prog_name="termwise", standalone_mode=False)
    except TermwiseError as error:
        click.echo(f"termwise: error: {error}", err=True)
        sys.exit(error.exit_code)
    except OSError as error:
        # The environment failed under a command (a full disk, a folder without write
        # permission): one line naming the file, never a traceback.
        from termwise.atomic import os_error_advice

        where = error.filename or "termwise"
        click.echo(f"termwise: error: {where}: {os_error_advice(error)}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as error:
        sys.exit(error.exit_code)
    if isinstance(status, int) and not isinstance(status, bool) and status != 0:
        sys.exit(status)


if __name__ == "__main__":
    main()
