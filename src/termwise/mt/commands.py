"""``termwise models ...`` and ``termwise translate``.

Heavy modules (CTranslate2, argostranslate, the document reader) are imported inside the
commands so that ``termwise --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from termwise import languages
from termwise.command_line import LANGUAGE, glossary_option, progress_bar
from termwise.mt import ENGINES
from termwise.project.layout import ProjectLayout

FORMATS = click.Choice(["text", "json"])


def _name(tag: str) -> str:
    return languages.display_name(tag)


# --- models -----------------------------------------------------------------------------


@click.group()
def models() -> None:
    """List, install and remove offline translation models (Argos Translate packages;
    the list shows the installed Apertium language pairs too).

    Packages live where Argos keeps them (ARGOS_PACKAGES_DIR, default
    ~/.local/share/argos-translate/packages); the index comes from ARGOS_PACKAGE_INDEX.
    """


@models.command("list")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def list_models(fmt: str) -> None:
    """Show installed translation models: the Argos packages, then the Apertium language
    pairs (in JSON each entry names its engine)."""
    from termwise.mt.packages import argos_paths, clean_stale_staging, scan_packages

    paths = argos_paths()
    clean_stale_staging(paths.packages_dir.parent)
    packages, broken = scan_packages(paths)
    for entry in broken:
        click.echo(
            f"termwise: warning: {entry.path} is a broken package ({entry.reason}); "
            f"remove it with `termwise models remove {entry.path.name}`",
            err=True,
        )
    rows: list[dict[str, str | None]] = [
        {
            "engine": "argos",
            "from": pkg.src,
            "to": pkg.tgt,
            "from_name": _name(pkg.src),
            "to_name": _name(pkg.tgt),
            "version": pkg.version,
            "model": pkg.model_id,
            "path": str(pkg.path),
        }
        for pkg in packages
    ]
    # Apertium is the default engine, and its pairs are no Argos packages: a list without
    # them said "No translation models installed" on a machine that translates en → es (and
    # the JSON, for scripts, still said so after the text listing had learnt better).
    pairs = _apertium_rows()
    if fmt == "json":
        click.echo(json.dumps(rows + pairs, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['from']:>6} → {row['to']:<6} {row['from_name']} → {row['to_name']}"
            f"  (version {row['version'] or '?'})  {row['path']}"
        )
    for row in pairs:
        names = f"{row['from_name']} → {row['to_name']}" if row["from_name"] else ""
        click.echo(f"{row['from']:>6} → {row['to']:<6} {names}  (Apertium {row['mode']})")
    if not rows:
        click.echo(
            f"No Argos Translate models installed in {paths.packages_dir}.\n"
            "Install one with `termwise models install FROM TO` "
            "or `termwise models install --file PACKAGE.argosmodel`."
        )


def _apertium_rows() -> list[dict[str, str | None]]:
    """The installed Apertium directions, an entry each as the Argos packages are listed:
    ``spa-eng_US`` is es → en-US. A mode whose names are no language tags is listed by
    them as Apertium writes them, without language names (None)."""
    from termwise.mt.apertium import installed_modes

    rows: list[dict[str, str | None]] = []
    for mode in installed_modes():
        src, _, tgt = mode.partition("-")
        from_name: str | None
        to_name: str | None
        try:
            src, tgt = _apertium_tag(src), _apertium_tag(tgt)
            from_name, to_name = _name(src), _name(tgt)
        except languages.LanguageError:
            from_name = to_name = None
        rows.append(
            {
                "engine": "apertium",
                "from": src,
                "to": tgt,
                "from_name": from_name,
                "to_name": to_name,
                "mode": mode,
            }
        )
    return rows


def _apertium_tag(name: str) -> str:
    """An Apertium mode's language name as BCP 47: ``eng`` → en, ``eng_US`` → en-US."""
    code, _, variant = name.partition("_")
    tag = languages.from_apertium(code)
    return languages.normalize(f"{tag}-{variant}") if variant else tag


@models.command("available")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def available_models(fmt: str) -> None:
    """Show the models in the Argos package index (ARGOS_PACKAGE_INDEX)."""
    from termwise.mt.index import fetch_index
    from termwise.mt.packages import argos_paths, installed_packages

    paths = argos_paths()
    entries, warning = fetch_index(paths)
    if warning:
        click.echo(f"termwise: warning: {warning}", err=True)
    installed = {(pkg.from_code, pkg.to_code): pkg.version for pkg in installed_packages(paths)}
    rows = [
        {
            "from": entry.src,
            "to": entry.tgt,
            "from_name": _name(entry.src),
            "to_name": _name(entry.tgt),
            "version": entry.version,
            "installed": installed.get((entry.from_code, entry.to_code)),
            "links": list(entry.links),
        }
        for entry in entries
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        mark = f"installed {row['installed']}" if row["installed"] is not None else ""
        click.echo(
            f"{row['from']:>6} → {row['to']:<6} {row['from_name']} → {row['to_name']}"
            f"  (version {row['version'] or '?'})  {mark}".rstrip()
        )


@models.command("install")
@click.argument("pair", nargs=-1)
@click.option(
    "--file",
    "archive",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Install a downloaded .argosmodel file instead of downloading.",
)
def install_model(pair: tuple[str, ...], archive: Path | None) -> None:
    """Download and install the model for FROM TO, or install --file PACKAGE.argosmodel."""
    from termwise.mt.packages import argos_paths, install_archive

    paths = argos_paths()
    if archive is not None:
        if pair:
            raise click.UsageError("give either FROM TO or --file, not both")
        with progress_bar("Installing") as bar:
            pkg = install_archive(archive, paths, progress=bar)
    else:
        if len(pair) != 2:
            raise click.UsageError("give the pair to install, e.g. `termwise models install en es`")
        src, tgt = (languages.normalize(tag) for tag in pair)
        from termwise.mt.index import download, fetch_index, find_available

        entries, warning = fetch_index(paths)
        if warning:
            click.echo(f"termwise: warning: {warning}", err=True)
        entry = find_available(src, tgt, entries)
        with progress_bar(f"Downloading {src} → {tgt}") as bar:
            downloaded = download(entry, paths, progress=bar)
        try:
            pkg = install_archive(downloaded, paths)
        finally:
            downloaded.unlink(missing_ok=True)
    click.echo(
        f"Installed {pkg.src} → {pkg.tgt} ({_name(pkg.src)} → {_name(pkg.tgt)}), "
        f"version {pkg.version or '?'}, in {pkg.path}"
    )


@models.command("remove")
@click.argument("source")
@click.argument("target", required=False)
def remove_model(source: str, target: str | None) -> None:
    """Remove the installed model for SOURCE → TARGET, or a broken package's FOLDER."""
    from termwise.mt.packages import remove_broken_package, remove_package

    if target is None:
        broken = remove_broken_package(source)
        click.echo(f"Removed the broken package {broken.path}")
        return
    pkg = remove_package(languages.normalize(source), languages.normalize(target))
    click.echo(f"Removed {pkg.src} → {pkg.tgt} (version {pkg.version or '?'}) from {pkg.path}")


# --- translate --------------------------------------------------------------------------


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--to", "target_lang", required=True, type=LANGUAGE, help="Target language (BCP 47, e.g. es)."
)
@click.option(
    "--from",
    "source_lang",
    default=None,
    type=LANGUAGE,
    help="Source language (default: detected).",
)
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=None,
    help="MT engine (default: [mt] engine in termwise.toml, else Argos if a model is "
    "installed, else Apertium).",
)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option("--no-save", is_flag=True, help="Do not write the project's translation file.")
@click.option("--no-cache", is_flag=True, help="Translate again even where the cache has it.")
@click.option("--beam-size", type=click.IntRange(1, 64), default=None, help="Argos beam size.")
@click.option("--device", type=click.Choice(["cpu", "cuda"]), default=None, help="Argos device.")
@click.option("--inter-threads", type=click.IntRange(1), default=None, help="Parallel batches.")
@click.option("--intra-threads", type=click.IntRange(0), default=None, help="Threads per batch.")
@glossary_option(
    help="Glossary file or folder whose renderings the translation must use "
    "(default: the project's glossary/)."
)
@click.option(
    "--no-glossary", is_flag=True, help="Translate without forcing the glossary's renderings."
)
@click.pass_obj
def translate(
    layout: ProjectLayout,
    file: Path,
    target_lang: str,
    source_lang: str | None,
    engine: str | None,
    fmt: str,
    no_save: bool,
    no_cache: bool,
    beam_size: int | None,
    device: str | None,
    inter_threads: int | None,
    intra_threads: int | None,
    glossary_path: Path | None,
    no_glossary: bool,
) -> None:
    """Machine-translate FILE segment by segment; print id, source and translation.

    Every concept of the glossary found in the source is rendered with its preferred
    target term (or the admitted one ``[mt.terms]`` in termwise.toml names), with
    articles and adjectives made to agree where the engine allows; occurrences left to
    the engine are counted on standard error with the reason.
    """
    from termwise.mt import open_engine
    from termwise.project.settings import MTSettings
    from termwise.project.translations import load_source

    # termwise.toml's [mt] engine and beam, unless the command line says otherwise.
    project_mt = MTSettings.from_settings(layout.settings())
    engine = engine or project_mt.engine
    beam_size = beam_size if beam_size is not None else project_mt.beam
    # As the project sees it (id aliases, joins and splits): the ids key the saved file.
    document = load_source(
        layout, file, lang=languages.normalize(source_lang) if source_lang else None
    )
    src = document.lang
    tgt = languages.normalize(target_lang)
    if languages.primary(src) == languages.primary(tgt):
        raise click.UsageError(
            f"the document is in {languages.display_name(src)} already (--to {target_lang}); "
            "name the language to translate it into"
        )
    if source_lang:
        _warn_other_language(document, src, source_lang)
    options: dict[str, Any] = {
        key: value
        for key, value in {
            "beam_size": beam_size,
            "device": device,
            "inter_threads": inter_threads,
            "intra_threads": intra_threads,
        }.items()
        if value is not None
    }
    if glossary_path is not None and no_glossary:
        raise click.UsageError("give either --glossary or --no-glossary, not both")
    constraints = (
        None if no_glossary else _constraints(layout, glossary_path, src, tgt, project_mt.terms)
    )
    locked: dict[str, bool] = {}
    if not no_save:
        from termwise.project.translations import open_translation

        # A damaged translation file is reported before the MT runs, not after (an Argos
        # run of a book takes minutes). It is read again to save: the MT takes long, and
        # the workbench may save it meanwhile.
        locked = _locked_segments(open_translation(layout, document, tgt))
    # A locked segment's MT is never saved nor applied: translated and printed, it read as
    # done, and a reworded one's new MT as the one the file holds.
    segments = [segment for segment in document.segments if segment.id not in locked]
    chosen = open_engine(engine, src, tgt, cache=not no_cache, constraints=constraints, **options)
    texts = [segment.text for segment in segments]
    # A heading is translated as one even where its text reads as a sentence ("## Three
    # things to do:"): only the document knows which segments are headings.
    kinds = [segment.kind for segment in segments]
    try:
        with progress_bar(f"Translating {src} → {tgt}") as bar:
            results = chosen.translate(texts, src, tgt, progress=bar, kinds=kinds) if texts else []
    except KeyboardInterrupt:
        kept = (
            "nothing is kept (--no-cache)"
            if no_cache
            else "what was translated is kept in the MT cache: the same command again goes "
            "on from there"
        )
        click.echo(f"\ninterrupted; nothing was saved to the translation; {kept}", err=True)
        sys.exit(130)
    pairs = list(zip(segments, results, strict=True))
    if fmt == "json":
        rows = [
            {
                "id": segment.id,
                "source": segment.text,
                "target": result.target,
                "engine": result.engine,
                "model": result.model,
                **(
                    {
                        "terms": [
                            {
                                "concept": d.concept_id,
                                "source": d.source,
                                "target": d.target,
                                "mechanism": d.mechanism,
                                **({"reason": d.reason} if d.reason else {}),
                            }
                            for d in result.terms
                        ]
                    }
                    if result.terms
                    else {}
                ),
            }
            for segment, result in pairs
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for segment, result in pairs:
            click.echo(f"{segment.id}\n  {src}: {segment.text}\n  {tgt}: {result.target}\n")
    if locked:
        _tell_locked(locked)
    if not no_save:
        _save(layout, document, tgt, dict(zip((s.id for s in segments), results, strict=True)))
    if constraints is not None:
        # Last, so that a failed save stays a one-line error.
        _report_terms(results)


def _warn_other_language(document: Any, src: str, given: str) -> None:
    """Say so where the document is clearly in another language than --from names: an
    English paper translated "from Spanish" came out as nonsense without a word."""
    from termwise.align.language_check import confident_language

    found = confident_language([segment.text for segment in document.segments])
    if found is not None and languages.primary(found) != languages.primary(src):
        click.echo(
            f"warning: {document.path.name if document.path else 'the document'} looks "
            f"{languages.display_name(found)}, not {languages.display_name(src)} "
            f"(--from {given}); leave --from out to detect it",
            err=True,
        )


def _constraints(
    layout: ProjectLayout,
    path: Path | None,
    src: str,
    tgt: str,
    chosen: dict[str, str] | Any,
) -> Any:
    """The glossary's constraints for ``src`` → ``tgt``, or None where there is nothing to
    force (no glossary in the project, or none of its concepts has a ``tgt`` rendering)."""
    from termwise.errors import TermwiseError
    from termwise.glossary import load_glossary
    from termwise.glossary.formats import glossary_files
    from termwise.mt.constrained.plan import GlossaryConstraints

    if path is not None:
        if not path.exists():
            raise TermwiseError(f"{path}: no such glossary file or folder")
        glossary = load_glossary(path)
    else:
        folder = layout.glossary_dir
        if not folder.is_dir() or not glossary_files(folder):
            # As `check` says it: translating outside the project, the glossary went unused
            # without a word ("comunidad de humano destiny").
            click.echo(
                f"termwise: no glossary in {folder}: no rendering is forced "
                "(--glossary names one, --project the project folder)",
                err=True,
            )
            return None
        glossary = load_glossary(folder)
    for concept_id, rendering in dict(chosen).items():
        concept = glossary.get(concept_id)
        where = f"{layout.root / 'termwise.toml'}: [mt.terms] {concept_id}"
        if concept is None:
            raise TermwiseError(f"{where}: {glossary.no_concept(concept_id)}")
        if not any(t.text == rendering and t.status.is_official for t in concept.all_terms):
            official = [t.text for t in concept.terms(tgt) if t.status.is_official]
            raise TermwiseError(
                f"{where} = {rendering!r} is not a preferred or admitted rendering of "
                f"{concept_id}" + (f"; it has: {', '.join(official)}" if official else "")
            )
    constraints = GlossaryConstraints(glossary, src, tgt, chosen=dict(chosen))
    return constraints if constraints.active else None


def _report_terms(results: list[Any]) -> None:
    """On standard error: how many occurrences were forced, and the ones left, by reason."""
    forced = 0
    left: dict[tuple[str, str], int] = {}
    for result in results:
        for decision in result.terms:
            if decision.target is None:
                key = (decision.concept_id, decision.reason)
                left[key] = left.get(key, 0) + 1
            else:
                forced += 1
    total = forced + sum(left.values())
    click.echo(
        f"termwise: glossary: {forced} of {total} concept occurrences rendered as the glossary "
        f"says; {sum(left.values())} left to the engine",
        err=True,
    )
    for (concept_id, reason), count in sorted(left.items()):
        click.echo(
            f"termwise: glossary: {concept_id} left to the engine {count}×: {reason}", err=True
        )


def _locked_segments(tfile: Any) -> dict[str, bool]:
    """The segments of ``tfile`` locked (``#, read-only``: not for translation), each with
    whether it holds MT of words its source no longer has (a sentence reworded since the
    lock: the lock stays, with the old words' MT, until someone looks)."""
    from termwise.project.units import READ_ONLY_FLAG

    return {
        segment_id: unit.mt is not None and unit.previous_source not in (None, unit.source)
        for segment_id, unit in tfile.units.items()
        if READ_ONLY_FLAG in unit.flags
    }


def _tell_locked(locked: dict[str, bool]) -> None:
    """Say once, on standard error, that the locked segments were left out of the MT."""
    count = len(locked)
    said = (
        f"termwise: {count} locked segment{'' if count == 1 else 's'} (read-only) left as "
        f"{'it is' if count == 1 else 'they are'}: not machine-translated"
    )
    reworded = sum(locked.values())
    if reworded:
        said += (
            f"; {reworded} of them, whose source changed since "
            f"{'it was locked, keeps' if reworded == 1 else 'they were locked, keep'} the old "
            "words' MT: look whether the lock holds"
            if count > 1
            else "; its source changed since it was locked, and it keeps the old words' MT: "
            "look whether the lock holds"
        )
    click.echo(said, err=True)


def _save(layout: ProjectLayout, document: Any, tgt: str, by_id: dict[str, Any]) -> None:
    from termwise.project.translations import (
        open_translation,
        store_machine_translation,
        translation_path,
    )

    tfile = open_translation(layout, document, tgt)
    stored = store_machine_translation(tfile, by_id)
    before = tfile.saved_sha256
    path = tfile.save(translation_path(layout, document, tgt))
    if before is not None and tfile.saved_sha256 == before:
        # The save leaves a file it would not change as it is (``store.save``): saying
        # "Saved" would send a translator looking for changes that are not there.
        click.echo(f"{path} already holds these machine translations: left as it was", err=True)
        return
    refreshed = stored.refreshed
    # A translator's text the MT does not replace: said, so that nobody looks for it changed.
    beside = (
        f"; refreshed the MT beside {refreshed} translation{'s' if refreshed != 1 else ''} "
        "a person made (their text untouched)"
        if refreshed
        else ""
    )
    click.echo(f"Saved {stored.filled} machine translations to {path}{beside}", err=True)
