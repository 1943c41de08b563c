"""``termwise glossary``: show, import, export, validate and search glossaries.

Each command works in the project found from the current folder up, as a document command
finds its own from the document (``project/discovery.py``), and says which where it is not the
current folder (``InProjectFoundHere``, which ``terms extract`` uses too); ``add --from`` works
in the document's.

Heavy modules (lxml, pyahocorasick, PyStemmer) are imported inside the commands so that
``termwise --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from termwise.atomic import free_backup_path, write_atomic
from termwise.command_line import LANGUAGE, TEXT_ENCODING, glossary_option, refuse_overwriting
from termwise.glossary.wording import concepts
from termwise.input_files import read_input
from termwise.project.layout import ProjectLayout

if TYPE_CHECKING:
    from termwise.glossary.import_merge import FolderFile
    from termwise.glossary.model import Concept, Glossary, Problem, Term, TermStatus

# The formats a glossary is imported from and exported to by name: glossary.formats' registry
# less TermSuite's term lists, which are read (told by their content) but never written.
# Named here, not read from the registry, because the registry cannot yet say which it writes.
FILE_FORMATS = ("tbx", "csv", "omegat")


def _glossary_path(
    layout: ProjectLayout, path: Path | None, glossary_path: Path | None = None
) -> Path:
    """The glossary a command reads: ``--glossary`` (as every other command names it) or
    the positional PATH that ``show`` and ``export`` took first, else the project's."""
    if path is not None and glossary_path is not None and path != glossary_path:
        raise click.UsageError(f"PATH ({path}) and --glossary ({glossary_path}): name one")
    chosen = glossary_path or path
    return chosen if chosen is not None else layout.glossary_dir


def _warn(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)


def term_json(term: Term) -> dict[str, Any]:
    return {
        "text": term.text,
        "status": term.status.value,
        "part_of_speech": term.part_of_speech,
        "term_type": term.term_type,
        "usage_note": term.usage_note,
        "source": term.source,
        "date": term.date,
        "case_sensitive": term.case_sensitive,
        "exact": term.exact,
        "used_until": term.used_until,
        "fix_by_hand": term.fix_by_hand,
        "context": term.context,
        "notes": list(term.notes),
    }


def concept_json(concept: Concept) -> dict[str, Any]:
    """A concept as JSON: its fields, then each language with its terms and their status."""
    langs: dict[str, Any] = {}
    for lang in concept.languages():
        entry: dict[str, Any] = {"terms": [term_json(t) for t in concept.terms(lang)]}
        if lang in concept.lang_definitions:
            entry["definition"] = concept.lang_definitions[lang]
        langs[lang] = entry
    return {
        "id": concept.id,
        "subject_field": concept.subject_field,
        "definition": concept.definition,
        "notes": list(concept.notes),
        "sources": list(concept.sources),
        "languages": langs,
    }


def glossary_json(glossary: Glossary) -> dict[str, Any]:
    return {"concepts": [concept_json(c) for c in glossary.concepts]}


class InProjectFoundHere(click.Group):
    """A group whose commands (``found_here``; None: all of them) work in the project found
    from the current folder up (``work_in_project_found_here``), and name that project where
    a glossary file of it fails to read (``naming_the_project_above``)."""

    found_here: frozenset[str] | None = None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # Here the subcommand is known, before the group's callback, the output guard and
        # the subcommand's own parsing run.
        name, command, rest = super().resolve_command(ctx, args)
        wanted = self.found_here is None or name in self.found_here
        if name is not None and wanted and not ctx.resilient_parsing:
            work_in_project_found_here(ctx, f"{ctx.info_name} {name}")
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        # A command's failure passes through here.
        with naming_the_project_above(ctx):
            return super().invoke(ctx)


@click.group(cls=InProjectFoundHere)
def glossary() -> None:
    """Show, import, export, validate and search glossaries (TBX, CSV, OmegaT)."""


@dataclass(frozen=True)
class _FoundAbove:
    """The project ``work_in_project_found_here`` chose above the current folder, and the
    command (the words after ``termwise``) that works in it."""

    layout: ProjectLayout
    command: str


# Where ``work_in_project_found_here`` keeps its ``_FoundAbove`` (click's ``meta``, which
# every context of the command shares).
_FOUND_ABOVE = "termwise.glossary.found_above"


def work_in_project_found_here(ctx: click.Context, command: str) -> None:
    """Without ``--project``, work in the nearest folder from the current one up that holds
    a project, as the document commands find theirs from the document
    (``project/discovery.py``), else in the current folder; and say so on stderr where it
    is not the current folder. Taking the current folder alone read and wrote ``glossary/``
    beside the work in a project's subfolder, and the folder it left there made that
    subfolder a project of its own for every later command; taking a folder above without
    a word let an unrelated ``glossary/`` there (in a home folder) take over unseen.
    ``command``: the words after ``termwise``, for ``naming_the_project_above``."""
    from termwise.project.discovery import MARKERS_TEXT, find_project, same_folder

    if ctx.find_root().params.get("project_dir") is not None:
        return
    here = Path.cwd()
    found = find_project(here)
    if found is None or same_folder(found, here):
        # The same Path the current-folder rule always gave, so messages read as before.
        _work_in(ctx, ProjectLayout(here))
        return
    layout = ProjectLayout(found)
    _work_in(ctx, layout)
    ctx.meta[_FOUND_ABOVE] = _FoundAbove(layout, command)
    # Worded as the document commands say why they chose a project (``ProjectChoice.why``).
    click.echo(
        f"note: project {found}: the nearest folder above the current one with {MARKERS_TEXT}",
        err=True,
    )


@contextlib.contextmanager
def naming_the_project_above(ctx: click.Context) -> Iterator[None]:
    """Where a glossary file of the project found above the current folder fails to read,
    say whose it is and how to work where you stand: ``glossary add`` in ``~/Downloads``
    stopped on ``~/glossary/notes.txt`` ("the glossary does not say its languages") with no
    word of a project, nor of ``--project``."""
    from termwise.errors import InputError

    try:
        yield
    except InputError as error:
        found = ctx.meta.get(_FOUND_ABOVE)
        # Unless the command moved to another project since (``add --from`` its document's).
        if (
            isinstance(found, _FoundAbove)
            and found.layout is ctx.find_object(ProjectLayout)
            and error.path is not None
            and _lies_in(error.path, found.layout)
        ):
            error.message += (
                f" (a file of the glossary of project {found.layout.root}, found above the "
                f"current folder; to work in the current folder instead: termwise --project "
                f". {found.command} …)"
            )
            error.args = (str(error),)
        raise


def _lies_in(path: str, layout: ProjectLayout) -> bool:
    """Whether ``path`` is in ``layout``'s glossary folder (abspath: as the error names it)."""
    folder = Path(os.path.abspath(layout.glossary_dir))
    return folder in Path(os.path.abspath(path)).parents


def _work_in(ctx: click.Context, layout: ProjectLayout) -> None:
    """Make ``layout`` the project of the command and of the groups above it: pass_obj
    reads the command's context, the output guard the root's."""
    scope: click.Context | None = ctx
    while scope is not None:
        scope.obj = layout
        scope = scope.parent


@glossary.command("show")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@glossary_option()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--lang", "langs", multiple=True, type=LANGUAGE, help="Only these languages (repeatable)."
)
@click.pass_obj
def show(
    layout: ProjectLayout,
    path: Path | None,
    glossary_path: Path | None,
    fmt: str,
    langs: tuple[str, ...],
) -> None:
    """Show the glossary at PATH or --glossary (a file or folder; default: the project's
    glossary/)."""
    from termwise import languages
    from termwise.glossary import load_glossary

    loaded = load_glossary(_glossary_path(layout, path, glossary_path))
    _warn(loaded.problems)
    wanted = {languages.normalize(lang) for lang in langs}
    if langs:
        for concept in loaded.concepts:
            concept.all_terms = [t for t in concept.all_terms if t.lang in wanted]
    if fmt == "json":
        click.echo(json.dumps(glossary_json(loaded), ensure_ascii=False, indent=2))
        return
    for concept in loaded.concepts:
        heading = concept.id + (f"  [{concept.subject_field}]" if concept.subject_field else "")
        click.echo(heading)
        # What the concept is, before its terms: a terminologist reads the definition first.
        if concept.definition:
            click.echo(f"  definition: {_one_line(concept.definition)}")
        for lang, definition in concept.lang_definitions.items():
            if not langs or lang in wanted:
                click.echo(f"  definition ({lang}): {_one_line(definition)}")
        for lang in concept.languages():
            # Each term once, under its own tag: ``terms(lang)`` also serves a language the
            # terms of one that stands in for it (zh-Hant's for zh-TW), and listed zh-HK's
            # word as zh-Hant's preferred one.
            for term in (t for t in concept.all_terms if t.lang == lang):
                flags = []
                if term.case_sensitive:
                    flags.append("case-sensitive")
                if term.exact:
                    flags.append("exact")
                if term.used_until:
                    flags.append(f"used until {term.used_until}")
                if term.fix_by_hand:
                    flags.append(f"fix by hand: {term.fix_by_hand}")
                extra = f" ({', '.join(flags)})" if flags else ""
                click.echo(f"  {lang:<7} {term.status.value:<11} {term.text}{extra}")
        for note in concept.notes:
            click.echo(f"  note: {note}")
    click.echo(f"{concepts(len(loaded.concepts))}; languages: {', '.join(loaded.languages())}")


@glossary.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="TBX file or folder to write (default: the project's glossary/).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FILE_FORMATS),
    default=None,
    help="Input format (default: detected).",
)
@click.option(
    "--from", "source_lang", default=None, type=LANGUAGE, help="Source language (BCP 47)."
)
@click.option("--to", "target_lang", default=None, type=LANGUAGE, help="Target language (BCP 47).")
@click.option(
    "--lenient",
    is_flag=True,
    help="Import a TBX file that glossary validate faults, or a CSV file whose quoting "
    "breaks, listing every problem.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a glossary file of that name in the project (the old one is kept as "
    "NAME.tbx~, or NAME.tbx.~2~… where that is taken).",
)
@click.option(
    "--unreviewed",
    is_flag=True,
    help="Also import the candidates of terms extract that nobody has reviewed (given no "
    "status) into the project's glossary.",
)
@click.option(
    "--prefer",
    type=click.Choice(["existing", "imported"]),
    default="existing",
    show_default=True,
    help="Where an imported concept merges into one of the glossary's and their preferred "
    "terms differ, which stays preferred (the other one becomes admitted, or --demote).",
)
@click.option(
    "--demote",
    type=click.Choice(["admitted", "deprecated"]),
    default="admitted",
    show_default=True,
    help="With --prefer imported: what the glossary's old preferred term becomes.",
)
@click.option("--dry-run", is_flag=True, help="Say what the import would do; write nothing.")
@click.pass_obj
def import_glossary(
    layout: ProjectLayout,
    file: Path,
    output: Path | None,
    fmt: str | None,
    source_lang: str | None,
    target_lang: str | None,
    lenient: bool,
    replace: bool,
    unreviewed: bool,
    prefer: str,
    demote: str,
    dry_run: bool,
) -> None:
    """Import a TBX, CSV or OmegaT glossary FILE as TBX-Basic.

    Into the project's glossary folder, a concept whose source-language term a concept there
    has already is merged into that concept, in the file that holds it (kept as NAME~)."""
    from termwise import languages
    from termwise.errors import InputError
    from termwise.glossary.formats import (
        ReadOptions,
        detect_format,
        get_format,
        glossary_bytes,
        save_glossary,
    )
    from termwise.glossary.language_guess import resolve_pair
    from termwise.glossary.model import TermStatus, lang_matches

    target = output or layout.glossary_dir
    if target.is_dir() or output is None or not target.suffix:
        # A folder (existing, or named without a suffix): the file keeps the input's name.
        target = target / f"{file.stem}.tbx"
    in_glossary = layout.glossary_dir.resolve() in target.resolve().parents
    if target.exists() and in_glossary and not replace:
        # An import of "key-terms.csv" replaced the curated glossary key-terms.tbx. (A file
        # named with -o elsewhere is the user's to replace, as every -o is.)
        raise InputError(
            "exists; the import would replace it: write elsewhere with -o, or give "
            "--replace (the old file is kept as a backup ending in ~)",
            target,
        )
    data = read_input(file)
    chosen = get_format(fmt) if fmt else detect_format(file, data)
    from termwise.document.encoding import decode_bytes
    from termwise.terms import CANDIDATE_CSV_COLUMNS

    # Decoded as every reader decodes it: `terms extract --encoding utf-16` writes a BOM'd
    # UTF-16 list, whose bytes never start with the header's.
    header = ",".join(CANDIDATE_CSV_COLUMNS)
    if chosen.name == "csv" and decode_bytes(data, file).lstrip("\ufeff").startswith(header):
        # Read as a glossary, its header row was a concept and its variants translations.
        raise InputError(
            "a candidate list of `terms extract`, not a glossary: write it with "
            "--format tbx (or -o NAME.tbx) and import that, or add terms with glossary add",
            file,
        )
    from termwise.glossary import import_checks

    # Read first: a file that is not even XML gets the reader's error, which --lenient cannot
    # get past; what the validator then finds is what --lenient lets through.
    loaded = chosen.read(data, file, ReadOptions(source_lang, target_lang))
    names_languages = chosen.name == "tbx" or _has_language_header(chosen.name, data)
    if source_lang is None and chosen.name != "tbx" and names_languages:
        own = _glossary_language_among(target, loaded.languages())
        if own is not None:
            loaded = chosen.read(data, file, ReadOptions(own, target_lang))
    deviations = import_checks.deviations(file, chosen.name, loaded)
    if deviations and not lenient:
        raise import_checks.refuse(file, deviations)
    import_checks.check_flags_against_file(
        file,
        data,
        chosen.name,
        loaded,
        source_lang,
        target_lang,
        file_names_languages=names_languages,
    )
    import_checks.check_not_empty(file, loaded)
    for deviation in deviations:
        click.echo(f"problem (imported with --lenient): {deviation}", err=True)
    found = loaded.languages()
    if names_languages:
        origin = "the file"
        if source_lang or target_lang:
            wanted = [languages.normalize(x) for x in (source_lang, target_lang) if x]
            kept = [lang for lang in found if any(lang_matches(lang, w) for w in wanted)]
            if not kept:
                raise InputError(
                    f"the file has no terms in {', '.join(wanted)} (it has "
                    f"{', '.join(found) or 'no terms at all'}); nothing to import",
                    file,
                )
            for concept in loaded.concepts:
                concept.all_terms = [t for t in concept.all_terms if t.lang in kept]
            left_out = [lang for lang in found if lang not in kept]
            missing = [w for w in wanted if not any(lang_matches(lang, w) for lang in kept)]
            origin = "the flags" + (f"; left out: {', '.join(left_out)}" if left_out else "")
            origin += f"; no terms in {', '.join(missing)}" if missing else ""
            found = kept
    else:
        _, _, how = resolve_pair(file, source_lang, target_lang)
        origin = {"flags": "the flags", "file name": "the file name"}.get(how, f"the {how}")
        if how == "none" or (not (source_lang and target_lang) and b"source:" in data[:400]):
            origin = "the file"
    shown = ", ".join(found) if found else "none (the file has no terms)"
    click.echo(f"format: {chosen.name}; languages: {shown} (from {origin})")
    _warn([p for p in loaded.problems if not any(p is deviation for deviation in deviations)])
    if in_glossary and not unreviewed:
        _leave_out_unreviewed(loaded, file)
    changed, holders = _fit_into_folder(
        loaded,
        target,
        file,
        merge=in_glossary,
        source_lang=source_lang,
        prefer_imported=prefer == "imported",
        demote_to=TermStatus(demote),
        rows=chosen.name != "tbx",
    )
    if dry_run:
        click.echo("dry run: nothing written")
        return
    for folder_file in changed:
        before = free_backup_path(folder_file.path)
        shutil.copy2(folder_file.path, before)
        _warn(save_glossary(folder_file.glossary, folder_file.path))
        click.echo(f"merged into {folder_file.path} (the file before is kept as {before.name})")
    if not loaded.concepts:
        click.echo(f"no new concept; {target} not written")
        return
    data, problems = glossary_bytes(loaded, target)
    _warn(problems)
    if target.is_file() and target.read_bytes() == data:
        # The same import again (--replace): a rewrite changed nothing and left a new ~ backup.
        click.echo(
            f"{target} unchanged: it holds {_written(len(loaded.concepts), holders)} as they are; "
            "nothing written"
        )
        return
    backup: Path | None = None
    if target.exists() and in_glossary:
        backup = free_backup_path(target)
        shutil.copy2(target, backup)
    write_atomic(target, data)
    replaced = f" (it replaced the file there, kept as {backup.name})" if backup else ""
    click.echo(f"wrote {_written(len(loaded.concepts), holders)} to {target}{replaced}")


def _fit_into_folder(
    loaded: Glossary,
    target: Path,
    source: Path,
    *,
    merge: bool,
    source_lang: str | None,
    prefer_imported: bool,
    demote_to: TermStatus,
    rows: bool,
) -> tuple[list[FolderFile], list[Concept]]:
    """Make the imported concepts fit the glossary folder ``target`` goes into, which the
    project reads as one glossary (concepts of one id merged); returns the folder's files
    that the merge changed, to be written, and the concepts of ``loaded`` that hold new
    terms of a concept in a CSV or OmegaT file there, under its id:

    * with ``merge`` (the project's glossary folder), a concept whose source-language term
      a concept there has is merged into it (``import_merge``), whatever its id: written
      beside it, the term belonged to neither, and MT and the checks left the project's
      official term alone; ``rows`` (a CSV or OmegaT file): its rows are term pairs;
    * a concept whose id another file uses for a concept with no term in common (CSV rows
      are numbered "r2", "r3" in every file) gets the file's name before its id: two
      clients' CSVs became one concept, and MT wrote one client's term for the other's;
    * a concept that shares an id and a term with one there, or whose note says it holds
      new forms of it (``terms extract``), is merged, as meant, and said;
    * outside the project's folder (``-o``), a term another concept there has already is
      said: matched in a text, it belongs to neither.
    """
    from termwise.glossary.import_merge import merge_into_folder, read_folder

    if not target.parent.is_dir() and not merge:
        return [], []
    # The project's glossary/ not made yet holds nothing to merge into, but the import is
    # held to the merge's rules all the same (one preferred term per language).
    files = read_folder(target.parent, target) if target.parent.is_dir() else []
    holders: list[Concept] = []
    if merge:
        report = merge_into_folder(
            loaded,
            files,
            source_lang,
            source.name,
            prefer_imported=prefer_imported,
            demote_to=demote_to,
            rows=rows,
            replaced=_replaced(target),
        )
        holders = report.holders
        for line in report.notes:
            click.echo(f"note: {line}", err=True)
        for line in report.warnings:
            click.echo(f"warning: {line}", err=True)
        click.echo(report.summary())
        for line in report.conflicts:
            click.echo(f"conflict: {line}")
    others: dict[str, tuple[Path, set[tuple[str, str]]]] = {}
    owners: dict[tuple[str, str], tuple[str, str]] = {}
    for other in files:
        for concept in other.glossary.concepts:
            terms = {(t.lang, t.text.casefold()) for t in concept.all_terms}
            others.setdefault(concept.id, (other.path, terms))
            for term in terms:
                owners.setdefault(term, (concept.id, other.path.name))
    taken = set(others) | {concept.id for concept in loaded.concepts}
    renamed: list[str] = []
    merged: dict[str, list[str]] = {}
    for concept in loaded.concepts:
        if any(concept is holder for holder in holders):
            # It carries new terms of the concept of its id, as the merge meant.
            continue
        terms = {(t.lang, t.text.casefold()) for t in concept.all_terms}
        found = others.get(concept.id)
        # New forms of a concept, as `terms extract --format tbx` writes them, are meant to
        # go into it.
        meant = any(note.startswith(f"candidate: forms of {concept.id} ") for note in concept.notes)
        if found is not None and not terms & found[1] and not meant:
            new_id = f"{source.stem}-{concept.id}"
            number = 2
            while new_id in taken:
                new_id, number = f"{source.stem}-{concept.id}-{number}", number + 1
            taken.add(new_id)
            renamed.append(f"{concept.id} → {new_id}")
            concept.id = new_id
        elif found is not None:
            merged.setdefault(found[0].name, []).append(concept.id)
        for lang, text in sorted(terms):
            owner = owners.get((lang, text))
            if owner is not None and owner[0] != concept.id:
                click.echo(
                    f"warning: {text!r} ({lang}) of {concept.id} is also a term of {owner[0]} "
                    f"in {owner[1]}: in a text it belongs to neither (MT and the checks leave "
                    f"it alone); add it to {owner[0]} instead with glossary add --concept",
                    err=True,
                )
    if renamed:
        shown = ", ".join(renamed[:6]) + (
            f" and {len(renamed) - 6} more" if len(renamed) > 6 else ""
        )
        click.echo(
            f"note: {len(renamed)} concept id(s) other files of the folder use for other "
            f"concepts renamed: {shown}",
            err=True,
        )
    for name, ids in merged.items():
        shown = ", ".join(ids[:8]) + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")
        click.echo(
            f"warning: {name} has concepts of the same id ({shown}); the glossary merges "
            "their terms",
            err=True,
        )
    return [other for other in files if other.changed], holders


def _replaced(target: Path) -> Glossary | None:
    """The glossary of the file an import replaces (``--replace``), or None: none there, or
    one that cannot be read, whose concepts are no import's."""
    from termwise.errors import TermwiseError
    from termwise.glossary.formats import read_file

    if not target.is_file():
        return None
    try:
        return read_file(target)
    except TermwiseError:
        return None


def _written(count: int, holders: list[Concept]) -> str:
    """What an import wrote, its ``count`` concepts told apart from the ``holders`` of new
    terms of a CSV's or OmegaT file's concepts: "0 new concept(s)" then "wrote 1 concept"
    read as a contradiction."""
    if not holders:
        return concepts(count)
    ids = ", ".join(holder.id for holder in holders)
    under = "its id" if len(holders) == 1 else "their ids"
    held = f"the new terms of {ids} (under {under}: an import rewrites no CSV or OmegaT file)"
    new = count - len(holders)
    return f"{concepts(new)} and {held}" if new else held


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _leave_out_unreviewed(loaded: Glossary, file: Path) -> None:
    """Take out the candidates of ``terms extract`` that nobody gave a status: in the
    project's glossary every term is one the checks and MT go by, and 117 raw candidates
    ("Conclusion", "War") turned a paper's 176 issues into 544."""
    from termwise.errors import InputError
    from termwise.glossary.model import TermStatus
    from termwise.terms.formats import UNREVIEWED_NOTE

    def raw(term: Term) -> bool:
        return term.status is TermStatus.UNSPECIFIED and UNREVIEWED_NOTE in term.notes

    for concept in loaded.concepts:
        for term in concept.all_terms:
            if not raw(term) and UNREVIEWED_NOTE in term.notes:
                # Given a status, it has been reviewed: the note would say otherwise.
                term.notes = [note for note in term.notes if note != UNREVIEWED_NOTE]
    left = sum(raw(term) for concept in loaded.concepts for term in concept.all_terms)
    if not left:
        return
    advice = (
        "give the terms to keep a status in the file (preferred, admitted or deprecated; "
        "delete the rest), or record them one by one with glossary add or the workbench's "
        "F6; --unreviewed imports them as they are"
    )
    if all(raw(term) for concept in loaded.concepts for term in concept.all_terms):
        raise InputError(
            f"{left} unreviewed term candidates of terms extract, none given a status: {advice}",
            file,
        )
    for concept in loaded.concepts:
        concept.all_terms = [term for term in concept.all_terms if not raw(term)]
    loaded.concepts = [concept for concept in loaded.concepts if concept.all_terms]
    click.echo(
        f"warning: left out {left} unreviewed term candidate(s) of terms extract (no "
        f"status); {advice}",
        err=True,
    )


def _glossary_language_among(target: Path, found: list[str]) -> str | None:
    """The language of the glossary folder ``target`` goes into (its files' own, as the
    merge takes it), where it is one of ``found``, the imported table's: the source
    language of a table whose header names its languages but not which is the source. The
    first column was: a client's "es,en,status" imported into an English project rated
    the English terms with its status column, and made the source term "security"
    deprecated for a "Forbidden" Spanish rendering."""
    from termwise.glossary.import_merge import read_folder
    from termwise.glossary.model import lang_matches

    if len(found) < 2 or not target.parent.is_dir():
        return None
    own = [file.glossary.lang for file in read_folder(target.parent, target)]
    # By language, not region: an "es-ES,en-US" header in an English project.
    return next(
        (tag for lang in own if lang for tag in found if lang_matches(tag, lang)),
        None,
    )


def _has_language_header(fmt: str, data: bytes) -> bool:
    if fmt != "csv":
        return False
    from termwise.document.encoding import decode_bytes
    from termwise.errors import InputError
    from termwise.glossary.csv_glossary import column_role, detect_delimiter

    try:
        # Decoded as the reader decodes it: a UTF-16 table's header names languages too.
        text = decode_bytes(data, "").lstrip("\ufeff")
    except InputError:
        return False
    first = text.splitlines()[0] if text.strip() else ""
    cells = first.split(detect_delimiter(text))
    return any((role := column_role(cell)) is not None and role[0] == "term" for cell in cells)


@glossary.command("export")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@glossary_option()
@click.option("--format", "fmt", type=click.Choice(FILE_FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--dialect",
    type=click.Choice(["basic", "min"]),
    default="basic",
    show_default=True,
    help="TBX dialect.",
)
@click.option(
    "--style",
    type=click.Choice(["dca", "dct"]),
    default="dca",
    show_default=True,
    help="TBX style.",
)
@click.option(
    "--from", "source_lang", default=None, type=LANGUAGE, help="Source language (OmegaT)."
)
@click.option("--to", "target_lang", default=None, type=LANGUAGE, help="Target language (OmegaT).")
@click.option(
    "--encoding",
    type=TEXT_ENCODING,
    default="utf-8",
    show_default=True,
    help="Encoding of CSV/OmegaT output (utf-8, utf-8-sig, utf-16).",
)
@click.pass_obj
def export(
    layout: ProjectLayout,
    path: Path | None,
    glossary_path: Path | None,
    fmt: str,
    output: Path,
    dialect: str,
    style: str,
    source_lang: str | None,
    target_lang: str | None,
    encoding: str,
) -> None:
    """Export the glossary at PATH or --glossary (default: glossary/) as TBX, CSV or
    OmegaT."""
    from termwise.glossary import load_glossary
    from termwise.glossary.formats import WriteOptions, concepts_written, save_glossary

    source = _glossary_path(layout, path, glossary_path)
    # PATH's default, the project's glossary/, is no parameter the CLI's own check sees.
    refuse_overwriting(output, [source])
    loaded = load_glossary(source)
    _warn(loaded.problems)
    options = WriteOptions(
        dialect="TBX-Min" if dialect == "min" else "TBX-Basic",
        style=style,
        source_lang=source_lang,
        target_lang=target_lang,
        encoding=encoding,
    )
    problems = save_glossary(loaded, output, fmt=fmt, options=options)
    _warn(problems)
    click.echo(f"wrote {concepts(concepts_written(loaded, problems))} to {output}")


@glossary.command("validate")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@click.pass_context
def validate(ctx: click.Context, file: Path) -> None:
    """Check FILE (or every glossary file of a folder, and the folder as the project reads
    it): well-formed XML, TBX core structure, TBX-Basic dialect, terms of two concepts;
    every violation."""
    from termwise.errors import InputError
    from termwise.glossary.formats import glossary_files
    from termwise.glossary.tbx import looks_like_tbx
    from termwise.glossary.validate import validate_file

    files = glossary_files(file) if file.is_dir() else [file]
    if not files:
        raise InputError("the folder holds no glossary file to validate", file)
    problems: list[Problem] = []
    checked: set[Path] = set()
    for path in files:
        data = read_input(path)
        if looks_like_tbx(data) or path.suffix.lower() == ".tbx" or data.lstrip().startswith(b"<"):
            found = validate_file(path)
            checked.add(path)
        else:
            # In a folder, a term two rows share is the folder's to tell: no command reads
            # the rows as the import joins them.
            found = _reader_problems(path, data, rows_clash=not file.is_dir())
        for problem in found:
            click.echo(str(problem))
        # A warning is shown, but it faults no file: the import takes it as it is.
        faults = [problem for problem in found if not problem.warning]
        problems.extend(faults)
        if not faults:
            click.echo(f"{path}: valid")
    if file.is_dir():
        for problem in _folder_problems(file, checked):
            click.echo(str(problem))
            if not problem.warning:
                problems.append(problem)
    if problems:
        click.echo(f"{len(problems)} problem{'' if len(problems) == 1 else 's'}", err=True)
        ctx.exit(1)


def _folder_problems(folder: Path, checked: set[Path]) -> list[Problem]:
    """What the folder's files say together, as every command loads them: each file was
    "valid" while every loader warned that two disagreed on a term's status, and a term of
    two concepts in two files belonged to neither in a text. A term of two concepts of one
    file ``checked`` (validated as TBX) was told with its line already."""
    from dataclasses import replace

    from termwise.errors import TermwiseError
    from termwise.glossary import load_glossary
    from termwise.glossary.conflicts import clashes, is_fault
    from termwise.glossary.model import Disagreement, Problem

    origins: dict[str, Path] = {}
    try:
        loaded = load_glossary(folder, origins=origins)
    except TermwiseError:
        # A file that cannot be read: its own check said why.
        return []
    # The earlier file's status holds: the folder reads as it is, which a warning says.
    found: list[Problem] = [
        replace(problem, warning=True)
        for problem in loaded.problems
        if isinstance(problem, Disagreement)
    ]
    for clash in clashes(loaded):
        path, other = origins.get(clash.concept.id), origins.get(clash.other.id)
        if path is None or other is None or (path == other and path in checked):
            continue
        where, other_where = (
            (f" in {path.name}", f" in {other.name}") if path != other else ("", "")
        )
        # As in one TBX file: a homonym in a language not the glossary's own is a warning.
        warning = not is_fault(clash, loaded.lang)
        message = clash.describe(where, other_where, homonym=warning)
        found.append(Problem(message, str(path), warning=warning))
    return found


def _reader_problems(path: Path, data: bytes, *, rows_clash: bool = True) -> list[Problem]:
    """What reading the CSV or OmegaT file ``path`` reports, faulting only what ``glossary
    import`` refuses (``import_checks``: broken quoting, no usable entry); the rest (an
    unknown status, a skipped row) is a warning, as the import takes the file with it.
    Validate failed a CSV for a status the import read as none, and the two disagreed.
    ``rows_clash``: with the terms of two concepts the matcher cannot tell apart
    (``_row_clashes``)."""
    from dataclasses import replace

    from termwise.errors import InputError
    from termwise.glossary import import_checks
    from termwise.glossary.formats import ReadOptions, detect_format
    from termwise.glossary.model import Problem

    chosen = detect_format(path, data)
    loaded = chosen.read(data, path, ReadOptions())
    faults = import_checks.deviations(path, chosen.name, loaded)
    found = [
        problem if any(problem is fault for fault in faults) else replace(problem, warning=True)
        for problem in loaded.problems
    ]
    if faults:
        # The import refuses for the first fault before it looks for entries.
        return found
    try:
        import_checks.check_not_empty(path, loaded)
    except InputError as error:
        # Validate writes nothing: what the import says of that is no problem of the file.
        said = error.message.removesuffix("; nothing written")
        found.append(Problem(said, error.path, error.line))
    return found + (_row_clashes(path, loaded) if rows_clash else [])


def _row_clashes(path: Path, loaded: Glossary) -> list[Problem]:
    """Terms of two concepts (rows) the matcher cannot tell apart, in the CSV or OmegaT
    file ``path`` read as ``loaded``, with its rows joined as the import joins them (those
    giving one source term are one concept): a warning each, as the import takes them. A
    target homonym ("seguridad" for security and safety) was a warning in a TBX file and
    passed unsaid in a CSV one, and the imported CSV's TBX then had it."""
    from termwise.glossary.conflicts import clashes, is_fault
    from termwise.glossary.import_merge import MergeReport, combine_rows
    from termwise.glossary.model import Problem

    found = loaded.languages()
    # The import's source language for a file that names none: its first column's.
    source = loaded.lang or (found[0] if found else None)
    if source is not None:
        combine_rows(loaded, source, path.name, MergeReport())
    return [
        Problem(clash.describe(homonym=not is_fault(clash, source)), str(path), warning=True)
        for clash in clashes(loaded)
    ]


@glossary.command("find")
@click.argument("text")
@click.option(
    "--lang",
    type=LANGUAGE,
    help="The language of TEXT (BCP 47): default, the glossary's own (the project's source "
    "language), or for Chinese or Japanese text the one of them the glossary holds.",
)
@glossary_option()
@click.option("--accent-insensitive", is_flag=True, help="Ignore accents (es, fr, de).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def find(
    layout: ProjectLayout,
    text: str,
    lang: str | None,
    glossary_path: Path | None,
    accent_insensitive: bool,
    fmt: str,
) -> None:
    """Which concepts occur in TEXT, with the term, its status and its span."""
    from termwise.glossary import load_glossary
    from termwise.glossary.matcher import TermMatcher

    loaded = load_glossary(_glossary_path(layout, glossary_path))
    _warn(loaded.problems)
    if lang is None:
        lang = _find_language(loaded, text)
    matcher = TermMatcher(loaded, lang, accent_insensitive=accent_insensitive)
    matches = matcher.find(text)
    rows = []
    for match in matches:
        concept = loaded.concept(match.concept_id)
        preferred = concept.preferred(lang)
        rows.append(
            {
                "concept": match.concept_id,
                "term": match.term.text,
                "status": match.status.value,
                "start": match.start,
                "end": match.end,
                "text": match.text,
                "preferred": preferred.text if preferred else None,
            }
        )
    # Where TEXT is clearly not in ``lang``, finding nothing says which --lang to give.
    hint = "" if rows else _script_hint(loaded, text, lang)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        if hint:
            click.echo(f"note: no glossary term found{hint}", err=True)
        return
    for row in rows:
        advice = ""
        if row["status"] in ("deprecated", "superseded"):
            advice = f" → use {row['preferred']!r}" if row["preferred"] else " (no official term)"
        click.echo(
            f"{row['start']}-{row['end']} {row['concept']} {row['status']}: {row['text']!r}{advice}"
        )
    if not rows:
        click.echo(f"no glossary term found{hint}")


def _find_language(loaded: Glossary, text: str) -> str:
    """The language ``glossary find`` reads TEXT in without ``--lang``: the glossary's own,
    unless TEXT's script is clearly another's and the glossary holds one language of it
    (Han text, a glossary with Chinese terms: zh). English by default found no term of
    Chinese text, and said nothing of why."""
    from termwise import languages
    from termwise.glossary.text_language import (
        fitting_languages,
        own_language,
        script_of,
        written_otherwise,
    )

    own = own_language(loaded) or "en"
    fitting = fitting_languages(loaded, text)
    if written_otherwise(text, own) and len(fitting) == 1:
        click.echo(
            f"note: TEXT is written with {script_of(text)[0]}, not in "
            f"{languages.display_name(own)}: "
            f"finding the glossary's {fitting[0]} terms (--lang chooses)",
            err=True,
        )
        return fitting[0]
    return own


def _script_hint(loaded: Glossary, text: str, lang: str) -> str:
    """Why no term was found, where TEXT is clearly not written in ``lang``: the ``--lang``
    to give (the glossary's languages of TEXT's script), else that it has none."""
    from termwise import languages
    from termwise.glossary.text_language import fitting_languages, script_of, written_otherwise

    if not written_otherwise(text, lang):
        return ""
    script, written_so = script_of(text)
    said = f" in {languages.display_name(lang)} (--lang {lang}): TEXT is written with {script}"
    fitting = fitting_languages(loaded, text)
    if not fitting:
        return f"{said}, and the glossary has no {written_so} terms"
    return f"{said}: give " + " or ".join(f"--lang {choice}" for choice in fitting)


def term_language(
    layout: ProjectLayout, term: str, document: Path | None, glossary_path: Path | None
) -> str:
    """The language of ``term``, which ``glossary add`` records without ``--lang``: that of
    the document ``--from`` names, else the glossary's own. English by default recorded a
    term of a French document as English, and the glossary then held "languages: fr, en"."""
    if document is not None:
        return _document_language(document)
    return _glossary_language(glossary_path or layout.glossary_dir, term)


def _document_language(path: Path) -> str:
    """The document's language as every command reading it detects it (``terms extract``,
    ``translate``), where the text bears it out; else a refusal asking for ``--lang``."""
    from termwise import languages
    from termwise.align.language_check import judged_language
    from termwise.document import load_document
    from termwise.errors import InputError

    document = load_document(path)
    detected = document.lang
    if languages.is_cjk(detected):
        # Told by its script, which no other language's text is taken for.
        return detected
    # detect_language always names a language (English where nothing tells), so a short
    # text is judged again by the function words only its language has.
    judged = judged_language([segment.text for segment in document.segments])
    if judged is None or languages.primary(judged) != languages.primary(detected):
        raise InputError(
            "cannot tell for sure which language the document is in (it may be "
            f"{languages.display_name(detected)}): give the term's language with --lang",
            path,
        )
    return detected


def _glossary_language(path: Path, term: str) -> str:
    """The glossary's own language (its TBX ``xml:lang``, else the one language of all its
    terms), where ``term`` is written in its script; else a refusal asking for ``--lang``:
    the first term of a new glossary sets the glossary's language, so it is never guessed,
    and "global governance" is no term of a glossary declared Chinese."""
    from termwise import languages
    from termwise.errors import TermwiseError
    from termwise.glossary import load_glossary
    from termwise.glossary.formats import glossary_files
    from termwise.glossary.text_language import own_language

    exists = bool(glossary_files(path)) if path.is_dir() else path.is_file()
    if exists:
        loaded = load_glossary(path)
        found = loaded.languages()
        own = own_language(loaded)
        if own is not None and languages.is_cjk(own) == languages.written_in_cjk(term):
            return own
        if own is not None:
            why = f"the glossary's own language is {own}, which {term!r} is not written in"
        else:
            why = f"the glossary names no language of its own (its terms are in {', '.join(found)})"
    else:
        why = "there is no glossary yet, and its first term sets its language"
    raise TermwiseError(f"give the term's language with --lang (or --from its document): {why}")


def _document_project(document: Path, here: ProjectLayout) -> ProjectLayout:
    """The project ``glossary add --from DOCUMENT`` records in: the document's, as every
    command about a document finds it, where the current folder lies in no project or in
    the same one. Where the two are projects of their own, which glossary is meant only the
    translator can say: the term went into the one the command happened to run in."""
    from termwise.errors import TermwiseError
    from termwise.project.discovery import MARKERS_TEXT, find_project, holds_project, same_folder

    found = find_project(Path(os.path.abspath(document)).parent)
    if found is None or same_folder(found, here.root):
        return here
    if not holds_project(here.root):
        return ProjectLayout(found)
    raise TermwiseError(
        f"{document.name}'s project is {found} (the nearest folder above it with "
        f"{MARKERS_TEXT}), but the current folder's is {here.root}; say which glossary "
        f"before the command: termwise --project {found} glossary add …, or termwise "
        f"--project {here.root} glossary add …"
    )


# What ``glossary add`` says of its two language-ish options: --from is no language there.
_ADD_HELP = {
    "lang": "Language of TERM (BCP 47), not of the document: default, the language of the "
    "--from document, else the glossary's own.",
    "document": "Document FILE the term was found in (a file, not a language): its line "
    "becomes the term's source and its sentence the context.",
}


def _add_command() -> None:
    # ``glossary add`` lives with term discovery, which records what it finds; the term's
    # language left out is resolved here, where the command meets the project's glossary.
    from termwise.terms.recording import add, remove

    for param in add.params:
        if isinstance(param, click.Option) and param.name in _ADD_HELP:
            param.help = _ADD_HELP[param.name]
            if param.name == "lang":
                param.default, param.show_default = None, False
            else:
                param.metavar = "FILE"
    record = add.callback
    assert record is not None

    def with_language(**params: Any) -> Any:
        ctx = click.get_current_context()
        layout = ctx.find_object(ProjectLayout)
        assert layout is not None
        named = ctx.find_root().params.get("project_dir") is not None
        if params["document"] is not None and params["glossary_path"] is None and not named:
            layout = _document_project(params["document"], layout)
            _work_in(ctx, layout)
        if params["lang"] is None:
            params["lang"] = term_language(
                layout, params["term"], params["document"], params["glossary_path"]
            )
        # Refusing another concept's term and warning of a term the matcher takes for
        # another's are the recording's, which the workbench records through too.
        return record(**params)

    add.callback = functools.update_wrapper(with_language, record)
    glossary.add_command(add, "add")
    glossary.add_command(remove, "remove")


_add_command()
