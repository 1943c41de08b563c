"""``termwise review FILE --to LANG``: open the review workbench.

Textual is imported inside the command only, so ``termwise --help`` never loads the UI.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from termwise.command_line import LANGUAGE
from termwise.errors import TermwiseError
from termwise.mt import ENGINES
from termwise.project.layout import ProjectLayout


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "target_lang",
    required=True,
    type=LANGUAGE,
    help="Language of the translation (BCP 47).",
)
@click.option(
    "--from",
    "source_lang",
    default=None,
    type=LANGUAGE,
    help="Language of FILE (default: detected).",
)
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=None,
    help="Machine translation engine (default: the best one installed for the pair).",
)
@click.option(
    "--mt/--no-mt",
    "auto_mt",
    default=None,
    help="Machine-translate untranslated segments on opening (F2 does it later; default: "
    "termwise.toml's [mt] on-opening, else yes).",
)
@click.pass_obj
def review(
    layout: ProjectLayout,
    file: Path,
    target_lang: str,
    source_lang: str | None,
    engine: str | None,
    auto_mt: bool | None,
) -> None:
    """Review FILE's translation into LANG: grid, editor, glossary, issues, autosave."""
    from termwise.input_files import require_regular_file
    from termwise.tui.keymap import load_keymap

    # Input errors (a FIFO for a document, a bad keymap or termwise.toml) come first.
    require_regular_file(file)
    load_keymap()
    from termwise.project.settings import MTSettings
    from termwise.tui.running import run_review

    layout = layout or ProjectLayout.at(None)
    # termwise.toml is checked before the workbench opens: a mistake is one line, not a
    # dialog; its [mt] engine is the default.
    mt_settings = MTSettings.from_settings(layout.settings())
    engine = engine or mt_settings.engine
    if auto_mt is None:
        auto_mt = mt_settings.on_opening
    # Without a terminal the workbench would draw into a file or pipe and wait for keys
    # that never come.
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        redirected = "output" if not sys.stdout.isatty() else "input"
        raise TermwiseError(
            f"review needs a terminal, and its {redirected} is not one; run it in a terminal "
            "(for reports use `termwise check`, `stats` or `export`)"
        )
    run_review(
        layout,
        file,
        target_lang,
        source_lang=source_lang,
        engine=engine,
        auto_mt=auto_mt,
    )
