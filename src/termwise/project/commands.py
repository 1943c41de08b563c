"""``termwise import`` and ``termwise stats``: seeding a project and seeing how far it is."""

from __future__ import annotations

from pathlib import Path

import click

from termwise.command_line import LANGUAGE
from termwise.project.layout import ProjectLayout


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--doc",
    "document_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The source document the translations belong to.",
)
@click.option(
    "--to",
    "target_lang",
    required=True,
    type=LANGUAGE,
    help="Target language (BCP 47, e.g. es, zh).",
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="Replace edited and reviewed translations (they are kept as notes otherwise).",
)
@click.pass_obj
def import_translation(
    layout: ProjectLayout, file: Path, document_path: Path, target_lang: str, overwrite: bool
) -> None:
    """Seed a translation project from FILE (TMX 1.1/1.4b, XLIFF 1.2/2.x or PO)."""
    from termwise import languages
    from termwise.project.importing import import_file, write_unmatched
    from termwise.project.translations import load_source, open_translation

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    document = load_source(layout, document_path)
    tfile = open_translation(layout, document, languages.normalize(target_lang))
    report = import_file(file, document, tfile, overwrite=overwrite)
    saved = tfile.save()
    unmatched = write_unmatched(report, tfile, document)
    click.echo(f"Imported {file} into {saved}")
    for line in report.lines():
        click.echo(f"  {line}")
    for segment_id, codes in report.with_codes:
        shown = " ".join(code.native for code in codes)
        click.echo(f"  inline codes not kept in {segment_id}: {shown}")
    if unmatched is not None:
        click.echo(f"Unmatched units kept in {unmatched}")


@click.command("stats")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "target_lang", default=None, type=LANGUAGE, help="Only this target language.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Same as --format json.")
@click.pass_obj
def stats(
    layout: ProjectLayout, file: Path, target_lang: str | None, fmt: str, as_json: bool
) -> None:
    """Show FILE's segments and words (characters for Chinese and Japanese) per state."""
    import json

    from termwise import languages
    from termwise.project.progress import document_progress, project_languages
    from termwise.project.translations import load_source, open_translation

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    document = load_source(layout, file)
    targets = [languages.normalize(target_lang)] if target_lang else project_languages(layout, file)
    if not targets:
        click.echo(f"No translations of {file.name} in {layout.translations_dir} yet.")
        click.echo("Start one with: termwise translate FILE --to LANG")
        return
    reports = []
    for lang in targets:
        tfile = open_translation(layout, document, lang)
        reports.append(document_progress(document, tfile))
    if fmt == "json" or as_json:
        click.echo(json.dumps([report.as_dict() for report in reports], indent=2))
        return
    for report in reports:
        for line in report.lines():
            click.echo(line)
        click.echo("")
