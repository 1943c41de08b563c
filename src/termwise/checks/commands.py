"""``termwise check``: the checks as a linter, for people and for CI pipelines.

Heavy modules (the glossary reader, the matcher, the project files) are imported inside the
command so that ``termwise --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from termwise.command_line import LANGUAGE, glossary_option, output_format
from termwise.project.layout import ProjectLayout

if TYPE_CHECKING:
    from termwise.checks.config import CheckConfig
    from termwise.checks.context import CheckContext
    from termwise.document.model import Document
    from termwise.glossary.model import Glossary
    from termwise.project.interchange import InterchangeUnit

# What `check` writes: a report of lines, JSON for tools, an HTML page.
CHECK_FORMATS = ("text", "json", "html")


@click.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "from_lang", type=LANGUAGE, help="Source language (default: detected).")
@click.option("--to", "to_lang", type=LANGUAGE, help="Target language: also check the translation.")
@click.option(
    "--target",
    "target_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Translation to check (PO, XLIFF or TMX) instead of the project's PO file.",
)
@glossary_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECK_FORMATS),
    default=None,
    help="Report format (default: from the suffix of -o, else text).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Exit with status 1 when issues of this severity or worse remain.",
)
@click.option(
    "--list",
    "list_checks",
    is_flag=True,
    help="List the checks and exit (their settings in termwise.toml: --config-help).",
)
@click.option(
    "--config-help",
    is_flag=True,
    help="List the keys of termwise.toml's [checks] table (type, default, what each does) "
    "and exit.",
)
@click.option(
    "--variations", is_flag=True, help="Also show every rendering of every concept found."
)
@click.option(
    "--ignore",
    "ignore_ids",
    multiple=True,
    metavar="ID",
    help="Ignore the issue with this id (from --format json) from now on; needs --reason.",
)
@click.option("--reason", help="Why the issues given with --ignore are false alarms.")
@click.option("--show-ignored", is_flag=True, help="Also list ignored issues with their reasons.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.pass_obj
def check(
    layout: ProjectLayout,
    file: Path | None,
    from_lang: str | None,
    to_lang: str | None,
    target_path: Path | None,
    glossary_path: Path | None,
    fmt: str | None,
    fail_on: str,
    list_checks: bool,
    config_help: bool,
    variations: bool,
    ignore_ids: tuple[str, ...],
    reason: str | None,
    show_ignored: bool,
    output: Path | None,
) -> None:
    """Check terminology and consistency of FILE and, with --to, of its translation."""
    fmt = output_format(fmt, output, CHECK_FORMATS)
    if config_help:
        # Before termwise.toml is read: the help is for the file that does not validate.
        _emit(_config_help(fmt), output)
        return
    from termwise import languages
    from termwise.checks.config import CheckConfig
    from termwise.checks.ignores import IgnoreStore, issue_id
    from termwise.checks.issue import Severity
    from termwise.checks.report import (
        locate,
        render_html,
        render_json,
        render_text,
        render_variations_text,
        summary,
    )
    from termwise.checks.runner import check_document
    from termwise.errors import TermwiseError

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    config = CheckConfig.from_settings(layout.settings(), path=layout.config_path)
    target_lang = languages.normalize(to_lang) if to_lang else None
    if list_checks:
        _emit(_list_text(config, target_lang, fmt), output)
        return
    if file is None:
        raise click.UsageError("FILE is required (or use --list)")
    if ignore_ids and (not reason or not reason.strip()):
        # Before the checks run, and in the line every other refusal prints.
        raise TermwiseError("--ignore needs --reason: say why it is a false alarm")
    if not file.exists():
        raise TermwiseError(f"{file}: no such file")
    document = _load_document(layout, file, from_lang)
    glossary = _load_glossary(layout, glossary_path)
    targets: dict[str, str] | None = None
    plurals: dict[str, object] = {}
    flags: dict[str, frozenset[str]] = {}
    left_out: set[str] = set()
    read_only: set[str] = set()
    waiting: dict[str, str] = {}
    if target_path is not None:
        targets, found_lang, plurals, flags, left_out, waiting = _targets_from_interchange(
            document, target_path, target_lang
        )
        target_lang = target_lang or found_lang
        if target_lang is None:
            raise TermwiseError(f"{target_path}: no target language in the file; give --to LANG")
    elif target_lang is not None:
        targets, plurals, flags, left_out, read_only, waiting = _targets_from_project(
            layout, file, document, target_lang
        )
    ignores = IgnoreStore.for_document(layout, file)
    if glossary is not None:
        # An ignore of a made-up id that a second id-less glossary file renamed matches no
        # issue any more: the issue it dismissed is back, under the new id, and says nothing
        # of why. Once per id, however many of its issues were ignored.
        stale = {entry.concept for entry in ignores.entries if entry.concept in glossary.renamed}
        for concept_id in sorted(stale - {concept.id for concept in glossary.concepts}):
            click.echo(
                f"warning: {ignores.path}: the ignores of concept {concept_id} no longer "
                f"hold, so its issues are reported again: {glossary.no_concept(concept_id)}; "
                "ignore them again with --ignore",
                err=True,
            )
    result = check_document(
        document,
        glossary,
        target_lang=target_lang,
        targets=targets,
        config=config,
        ignores=ignores,
        plurals=plurals,
        left_out=left_out,
        read_only=read_only,
        flags=flags,
        waiting=waiting,
    )
    if ignore_ids:
        assert reason is not None
        by_id = {issue_id(issue, result.context.target_lang): issue for issue in result.issues}
        unknown = [wanted for wanted in ignore_ids if wanted not in by_id]
        if unknown:
            raise TermwiseError(f"no current issue has the id {', '.join(unknown)}")
        for wanted in ignore_ids:
            ignores.add(by_id[wanted], reason, lang=result.context.target_lang)
        ignores.save()
        chosen = {by_id[wanted] for wanted in ignore_ids}
        result.ignored.extend(chosen)
        result.issues = [issue for issue in result.issues if issue not in chosen]
        click.echo(f"termwise: {len(chosen)} issue(s) ignored in {ignores.path}", err=True)
    located = locate(result, str(file))
    report_variations = result.variations() if (variations or fmt == "html") else None
    if fmt == "json":
        text = render_json(
            located, report_variations if variations else None, lang=result.context.target_lang
        )
    elif fmt == "html":
        text = render_html(
            result,
            located,
            title=f"termwise check: {file.name}",
            variations=report_variations or [],
        )
    else:
        text = render_text(located)
        if report_variations:
            text += "\nTerm variation\n" + render_variations_text(report_variations)
    if show_ignored and result.ignored and fmt == "text":
        text += "\nIgnored\n"
        for issue in result.ignored:
            why = ignores.reason(issue, result.context.target_lang) or ""
            text += f"  {issue.segment_id} {issue.check} “{issue.text}”: {why}\n"
    _emit(text, output)
    ignored = f", {len(result.ignored)} ignored" if result.ignored else ""
    click.echo(f"{file}: {summary(result.issues)}{ignored}", err=True)
    if fail_on != "never":
        threshold = Severity(fail_on).rank
        if any(issue.severity.rank >= threshold for issue in result.issues):
            sys.exit(1)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from termwise.atomic import write_atomic

    write_atomic(output, text)


def _load_document(layout: ProjectLayout, file: Path, from_lang: str | None) -> Document:
    from termwise.project.translations import load_source

    # As the project sees it, so that segment ids match the project's translation files.
    return load_source(layout, file, lang=from_lang)


def _load_glossary(layout: ProjectLayout, path: Path | None) -> Glossary | None:
    from termwise.errors import TermwiseError
    from termwise.glossary import load_glossary
    from termwise.glossary.formats import glossary_files

    if path is not None:
        if not path.exists():
            raise TermwiseError(f"{path}: no such glossary file or folder")
        return load_glossary(path)
    default = layout.glossary_dir
    if not default.is_dir() or not glossary_files(default):
        click.echo(f"termwise: no glossary in {default}: terminology checks are skipped", err=True)
        return None
    return load_glossary(default)


def _targets_from_project(
    layout: ProjectLayout, file: Path, document: Document, lang: str
) -> tuple[
    dict[str, str], dict[str, object], dict[str, frozenset[str]], set[str], set[str], dict[str, str]
]:
    """Each segment's translation, the forms of the plural entries among them, the
    entries' PO flags, the segments the translator confirmed the translation leaves out,
    the read-only ones and the parts waiting for another's translation: of the file synced with ``document`` as stats and export read
    it (a translation the segmentation moved was 'not translated' here, and printed there)."""
    from termwise.checks.entries import entry_data, waiting_on
    from termwise.errors import TermwiseError
    from termwise.project.omissions import confirmed_omission
    from termwise.project.translations import open_translation
    from termwise.project.units import READ_ONLY_FLAG

    path = layout.translation_file(file, lang)
    if not path.exists():
        from termwise.project.discovery import missing_translation

        missing = missing_translation(layout, file, lang, document.lang)
        raise TermwiseError(f"{missing}; or give --target FILE")
    tfile = open_translation(layout, document, lang)
    targets = {segment_id: unit.target for segment_id, unit in tfile.units.items()}
    plurals, flags = entry_data(tfile)
    waiting = waiting_on(tfile)
    left_out = {segment_id for segment_id, unit in tfile.units.items() if confirmed_omission(unit)}
    read_only = {
        segment_id for segment_id, unit in tfile.units.items() if READ_ONLY_FLAG in unit.flags
    }
    return targets, dict(plurals), flags, left_out, read_only, waiting


def _targets_from_interchange(
    document: Document, path: Path, target_lang: str | None
) -> tuple[
    dict[str, str],
    str | None,
    dict[str, object],
    dict[str, frozenset[str]],
    set[str],
    dict[str, str],
]:
    """Pair a PO/XLIFF/TMX file's units with segments: by segment id, then by source text;
    with the plural entries' forms and the PO flags of the units paired, as the project
    file gives them (``--target in.po`` checked no c-format entry strictly, and no plural
    form but the singular); and termwise's own aligned groups placed as ``import`` places
    them, with the parts waiting on a group kept whole, left out as the project's are
    (``_aligned_groups``)."""
    from termwise.document.ids import content_key
    from termwise.project.importing import ALIGNMENT_PROPERTY
    from termwise.project.interchange import read_units

    units = read_units(path, target_lang=target_lang)
    ids = {segment.id for segment in document.segments}
    paired: dict[str, InterchangeUnit] = {}
    by_source: dict[str, InterchangeUnit] = {}
    for unit in units:
        if not unit.target:
            continue  # left untranslated there: reported as untranslated here
        target_lang = target_lang or unit.target_lang
        if unit.id is not None and unit.id in ids:
            paired[unit.id] = unit
        else:
            by_source.setdefault(content_key(unit.source), unit)
    for segment in document.segments:
        if segment.id not in paired:
            found = by_source.get(content_key(segment.text))
            if found is not None:
                paired[segment.id] = found
    from termwise import languages

    lang = languages.normalize(target_lang) if target_lang else None
    targets = {segment_id: unit.target for segment_id, unit in paired.items()}
    flags = {segment_id: unit.flags for segment_id, unit in paired.items() if unit.flags}
    left_out: set[str] = set()
    waiting: dict[str, str] = {}
    taken = {id(unit) for unit in paired.values()}
    groups = [
        unit
        for unit in units
        if unit.target and id(unit) not in taken and ALIGNMENT_PROPERTY in unit.properties
    ]
    if groups and lang is not None:
        grouped, left_out, waiting = _aligned_groups(document, groups, lang, set(targets))
        targets.update(grouped)
    return targets, lang, _interchange_plurals(paired, lang), flags, left_out, waiting


def _aligned_groups(
    document: Document, units: list[InterchangeUnit], lang: str, paired: set[str]
) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """The translations of termwise's own aligned groups (units with ``x-alignment`` whose
    source is several segments), placed as ``termwise import`` places them: shared out
    sentence by sentence, or kept whole in the group's first segment with the others
    waiting on it; the parts so left out (``omissions.confirmed_omission``, as the project
    file's); and the waiting parts, by id, with their holder's id. Segments in ``paired``
    (a unit of their own) are left as they are.

    Checked without its parts, a kept group's translation was 'not translated' on every
    segment of it, or compared with its first sentence alone."""
    from termwise.checks.entries import waiting_on
    from termwise.project.importing import apply_units
    from termwise.project.omissions import confirmed_omission
    from termwise.project.translation_file import TranslationFile
    from termwise.project.translations import sync_with_document

    # A project file of the document in memory only: ``import`` fills it, nothing is saved.
    scratch = TranslationFile(lang=lang, source_lang=document.lang)
    sync_with_document(scratch, document)
    apply_units(units, document, scratch)
    targets = {
        segment_id: unit.target
        for segment_id, unit in scratch.units.items()
        if unit.target and segment_id not in paired
    }
    waiting = {
        part: holder
        for part, holder in waiting_on(scratch).items()
        if part not in paired and holder in targets
    }
    left_out = {part for part in waiting if confirmed_omission(scratch.units[part])}
    return targets, left_out, waiting


def _interchange_plurals(
    units: Mapping[str, InterchangeUnit], lang: str | None
) -> dict[str, object]:
    """The ``PluralForms`` of the paired PO plural entries, under the file's Plural-Forms
    rule (else its language's), as ``entries.entry_data`` gives a project file's."""
    from termwise.checks.context import PluralForms
    from termwise.checks.entries import exact_forms
    from termwise.project import po_format

    plurals: dict[str, object] = {}
    for segment_id, unit in units.items():
        entry = unit.plural
        if entry is None:
            continue
        count, expression = po_format.plural_rule(entry.rule, lang or "en")
        plurals[segment_id] = PluralForms(
            entry.forms,
            count,
            entry.source,
            entry.singular_index,
            exact_forms(count, expression),
        )
    return plurals


def _list_text(config: CheckConfig, target_lang: str | None, fmt: str) -> str:
    """The registry as a table (or JSON), saying which checks are off or unavailable."""
    import json

    from termwise.checks import spelling
    from termwise.checks.context import CheckContext
    from termwise.checks.registry import all_checks, describe

    context = CheckContext(source_lang="en", target_lang=target_lang, glossary=None, config=config)
    rows = []
    for item in all_checks():
        status = "on"
        if not config.is_enabled(item.id):
            status = "off (termwise.toml)"
        elif item.availability is not None:
            status = _availability(item.id, context, spelling.available_languages())
        severity = config.severity(item.id, item.severity).value
        rows.append({**describe(item), "severity": severity, "status": status})
    for regex in config.regex_checks:
        rows.append(
            {
                "id": regex.id,
                "severity": config.severity(regex.id, regex.severity).value,
                "scope": regex.side,
                "category": "user",
                "description": f"{regex.message} (pattern {regex.pattern.pattern})",
                "fixable": regex.replacement is not None,
                "status": "on" if config.is_enabled(regex.id) else "off (termwise.toml)",
            }
        )
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = max(len(row["id"]) for row in rows)
    lines = []
    for row in rows:
        fix = " (fix)" if row["fixable"] else ""
        status = "" if row["status"] == "on" else f"  [{row['status']}]"
        lines.append(
            f"{row['id']:<{width}}  {row['severity']:<7}  {row['scope']:<8}  "
            f"{row['description']}{fix}{status}"
        )
    return "\n".join(lines) + "\n"


def _config_help(fmt: str) -> str:
    """``--config-help``: the ``[checks]`` keys as text (one a line) or JSON."""
    import json

    from termwise.checks.config_keys import config_help_text, config_rows

    if fmt == "json":
        return json.dumps(config_rows(), ensure_ascii=False, indent=2) + "\n"
    return config_help_text()


def _availability(check_id: str, context: CheckContext, spelling_langs: list[str]) -> str:
    from termwise.checks.registry import get_check

    item = get_check(check_id)
    if context.target_lang is not None:
        assert item.availability is not None
        reason = item.availability(context)
        return "on" if reason is None else f"unavailable: {reason}"
    if check_id == "spelling":
        import shutil

        if shutil.which("hunspell") is None:
            return "unavailable: the hunspell program is not installed"
        if not spelling_langs:
            return "unavailable: no Hunspell dictionary is installed"
        return "on for " + ", ".join(spelling_langs) + "; unavailable for other languages"
    return "on"
