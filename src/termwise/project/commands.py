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
    "--from",
    "source_lang",
    type=LANGUAGE,
    default=None,
    help="The document's language (default: what FILE declares, else detected).",
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="Replace edited and reviewed translations (they are kept as notes otherwise).",
)
@click.option(
    "--lenient",
    is_flag=True,
    help="Import a file that breaks its format's schema or rules, listing every deviation.",
)
@click.pass_obj
def import_translation(
    layout: ProjectLayout,
    file: Path,
    document_path: Path,
    target_lang: str,
    source_lang: str | None,
    overwrite: bool,
    lenient: bool,
) -> None:
    """Seed a translation project from FILE (TMX 1.1/1.4b, XLIFF 1.2/2.x or PO)."""
    from termwise import languages
    from termwise.atomic import WriteError
    from termwise.project.import_languages import (
        as_the_project_names_it,
        declared_source_language,
    )
    from termwise.project.importing import codes_said, import_file, write_unmatched
    from termwise.project.interchange import read_units
    from termwise.project.translations import load_source, open_translation

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    lang = languages.normalize(target_lang)
    doc_lang = languages.normalize(source_lang) if source_lang else None
    units = read_units(file, target_lang=lang, source_lang=doc_lang)
    origin = "--from"
    if doc_lang is None:
        doc_lang = declared_source_language(units)
        origin = f"declared in {file.name}" if doc_lang else "detected"
        if doc_lang:
            doc_lang = as_the_project_names_it(
                doc_lang, layout.translation_file(document_path, lang)
            )
    document = load_source(layout, document_path, lang=doc_lang)
    tfile = open_translation(layout, document, lang)
    report = import_file(file, document, tfile, overwrite=overwrite, lenient=lenient, units=units)
    for deviation in report.deviations:
        click.echo(f"deviation (imported with --lenient): {deviation}", err=True)
    before = tfile.saved_sha256
    saved = tfile.save()
    # A failure here comes after the save: the summary says what was saved, then the error
    # what was not (without it, the translator took the whole import for failed).
    unmatched_failed: WriteError | None = None
    try:
        unmatched = write_unmatched(report, tfile, document, origin=file.name)
    except WriteError as error:
        unmatched, unmatched_failed = None, error
    if before is not None and tfile.saved_sha256 == before:
        # The save leaves a file it would not change as it is (``store.save``): saying
        # "Imported" would send a translator looking for changes that are not there.
        click.echo(f"{saved} already holds everything {file} has: left as it was")
    else:
        click.echo(f"Imported {file} into {saved}")
    click.echo(f"  document language:      {document.lang} ({origin})")
    for line in report.lines():
        click.echo(f"  {line}")
    for skipped in report.other_language:
        click.echo(f"  skipped {skipped}")
    count, expression = tfile.plural_rule()
    ours = tfile.plural_forms or f"nplurals={count}; plural={expression};"
    for unit in report.plurals_singular_only:
        theirs = unit.plural.rule if unit.plural is not None else None
        click.echo(
            f"  plural entry at line {unit.line}: the project's plural rule ({ours}) differs "
            f"from the file's ({theirs or 'none given'}), and its forms cannot be re-indexed "
            "without losing one; only the singular's form was imported"
        )
    for unit in report.state_conflicts:
        where = f"line {unit.line}" if unit.line else f"unit {unit.id}"
        click.echo(f"  state read cautiously at {where}: {unit.state_conflict}")
    for segment_id, codes in report.with_codes:
        click.echo(f"  inline codes not kept in {segment_id}: {codes_said(codes)}")
    for line in report.kept_aside_lines():
        click.echo(f"  {line}")
    if unmatched is not None:
        click.echo(f"Unmatched units kept in {unmatched} (each with why in a note)")
    for warning in report.warnings(tfile.lang):
        click.echo(f"warning: {warning}", err=True)
    if unmatched_failed is not None:
        raise unmatched_failed


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
        click.echo(
            f"Start one with: termwise translate {file} --to LANG, or bring in an existing "
            f"translation with: termwise align {file} TRANSLATION --from LANG --to LANG"
        )
        return
    from termwise.project.omissions import confirmed_omission

    # A language without a translation file counts all "new", as if that translation were
    # untouched: say that there is none, after the report, so that the report reads the same.
    missing = [lang for lang in targets if not layout.translation_file(file, lang).exists()]
    reports = []
    for lang in targets:
        tfile = open_translation(layout, document, lang)
        left_out = {key for key, unit in tfile.units.items() if confirmed_omission(unit)}
        reports.append(document_progress(document, tfile, left_out))
    if fmt == "json" or as_json:
        click.echo(json.dumps([report.as_dict() for report in reports], indent=2))
    else:
        for report in reports:
            for line in report.lines():
                click.echo(line)
            click.echo("")
    if missing:
        from termwise.project.discovery import missing_translation

        click.echo(f"note: {missing_translation(layout, file, missing[0])}", err=True)
