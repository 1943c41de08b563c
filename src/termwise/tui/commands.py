"""``termwise review FILE --to LANG``: open the review workbench.

Textual is imported inside the command only, so ``termwise --help`` never loads the UI.
"""

from __future__ import annotations

from pathlib import Path

import click

from termwise.mt import ENGINES
from termwise.project.layout import ProjectLayout


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "target_lang", required=True, help="Language of the translation (BCP 47).")
@click.option("--from", "source_lang", default=None, help="Language of FILE (default: detected).")
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=None,
    help="Machine translation engine (default: the best one installed for the pair).",
)
@click.option(
    "--mt/--no-mt",
    "auto_mt",
    default=True,
    help="Machine-translate untranslated segments on opening (F2 does it later).",
)
@click.pass_obj
def review(
    layout: ProjectLayout,
    file: Path,
    target_lang: str,
    source_lang: str | None,
    engine: str | None,
    auto_mt: bool,
) -> None:
    """Review FILE's translation into LANG: grid, editor, glossary, issues, autosave."""
    from termwise.tui.running import run_review

    run_review(
        layout or ProjectLayout.at(None),
        file,
        target_lang,
        source_lang=source_lang,
        engine=engine,
        auto_mt=auto_mt,
    )
