"""Which folder is the project, when ``--project`` does not say: found the way git finds a
repository, from the document up.

Taking the current folder as the project made ``termwise review myproj/report.md`` from the
folder above start a second, empty project there, MT and all, beside the reviewed one; and
``export`` and ``stats`` from there said there was no translation. So a command about one
document takes the nearest folder, from the document's own up to the root, that holds
``translations/``, ``glossary/`` or ``termwise.toml`` (what README calls a project). Where
none does, the current folder stays the project, as before: ``glossary`` commands, which
name no document, keep working there, so a new translation started beside them shares their
glossary instead of starting a project of its own beside the document (which may sit in a
download folder, a shared drive or another repository's tree).

Two candidates remain, the document's project and the current folder, and a command must
not quietly pick the one without the translator's work: ``conflict`` names the other when
only it holds a translation of the document. Within the project, ``--to`` must not quietly
pick a new file beside the work either: ``another_variant`` names the translation into
another tag of the same language (``paper.es.po`` for ``--to es_ES``) before one is started.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from termwise import languages
from termwise.project.layout import CONFIG_NAME, ProjectLayout, move_command, shown_path

# What README calls a project; a folder holding any one of them is one.
MARKERS_TEXT = f"translations/, glossary/ or {CONFIG_NAME}"


def holds_project(folder: Path) -> bool:
    """Whether ``folder`` holds a project's files (any one of them)."""
    # os.path answers False for a folder it may not read; pathlib raises there (3.11), and
    # an unreadable folder high above the document is no reason to fail.
    return (
        os.path.isfile(folder / CONFIG_NAME)
        or os.path.isdir(folder / "translations")
        or os.path.isdir(folder / "glossary")
    )


def find_project(start: Path) -> Path | None:
    """The nearest folder from ``start`` up to the root that holds a project, or None."""
    # abspath, not resolve: a document linked into a project belongs to the project it is
    # named in, as the shell shows it, not to wherever the link points.
    folder = Path(os.path.abspath(start))
    for candidate in (folder, *folder.parents):
        if holds_project(candidate):
            return candidate
    return None


@dataclass(frozen=True)
class ProjectChoice:
    """The project a command about one document works in, and why, for messages."""

    layout: ProjectLayout
    why: str
    # The current folder, where it is not the chosen project: the other place the
    # translator's work may be.
    other: ProjectLayout | None = None
    # Found above the document: a later command finds it again from any folder.
    from_document: bool = False


def same_folder(first: Path, second: Path) -> bool:
    """Whether two paths name one folder: the current folder comes back resolved
    (``/private/tmp`` on macOS) where a document's path may go through a link."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return Path(os.path.abspath(first)) == Path(os.path.abspath(second))


def choose_project(document: Path, cwd: Path | None = None) -> ProjectChoice:
    """The project of ``document``: the nearest folder above it that holds one, else the
    current folder."""
    here = Path.cwd() if cwd is None else cwd
    found = find_project(Path(os.path.abspath(document)).parent)
    if found is None:
        return ProjectChoice(
            ProjectLayout(here),
            f"the current folder; no folder above {document.name} holds {MARKERS_TEXT}",
        )
    if same_folder(found, here):
        # The same Path the current-folder rule always gave, so messages read as before.
        return ProjectChoice(ProjectLayout(here), "the current folder", from_document=True)
    return ProjectChoice(
        ProjectLayout(found),
        f"the nearest folder above {document.name} with {MARKERS_TEXT}",
        other=ProjectLayout(here),
        from_document=True,
    )


def _translations(layout: ProjectLayout, document: Path, lang: str | None) -> list[Path]:
    """The translation files of ``document`` in ``layout``: into ``lang``, or into any
    language where the command names none (``stats``, ``segments``)."""
    if lang is not None:
        path = layout.translation_file(document, lang)
        return [path] if path.exists() else []
    return [
        layout.translation_file(document, found) for found in layout.translation_languages(document)
    ]


def conflict(choice: ProjectChoice, document: Path, lang: str | None, command: str) -> str | None:
    """Why the command must not run in the chosen project: the current folder holds the
    translation of ``document`` (into ``lang``, or any) that the chosen project lacks, so
    working on would start a second copy or report none. None when there is no such doubt.
    """
    if choice.other is None or _translations(choice.layout, document, lang):
        return None
    elsewhere = _translations(choice.other, document, lang)
    if not elsewhere:
        return None
    names = ", ".join(str(path.relative_to(choice.other.root)) for path in elsewhere)
    lacks = (
        f"no {choice.layout.translation_file(document, lang).relative_to(choice.layout.root)}"
        if lang
        else f"no translation of {document.name}"
    )
    return (
        f"{document.name}'s project is {choice.layout.root} ({choice.why}), which holds "
        f"{lacks}, but the current folder holds {names}; say which project before the "
        f"command: termwise --project . {command} …, or termwise --project "
        f"{choice.layout.root} {command} … to work there"
    )


def missing_translation(
    layout: ProjectLayout, document: Path, lang: str, source_lang: str | None = None
) -> str:
    """The message for a command that needs the translation of ``document`` into ``lang``
    and finds none: the one into another tag of the language, or under another tool's name,
    that it may have meant (``another_variant``); else the translations of it that there
    are, and the two ways to make one (``source_lang``: the document's language, read from
    it when not given)."""
    path = layout.translation_file(document, lang)
    message = f"no translation of {document.name} into {lang} yet ({path})"
    variant = another_variant(layout, document, lang, new_variant=False, starting=False)
    align = (
        f"bring in an existing translation with: termwise align {document} TRANSLATION "
        f"--from LANG --to {lang}"
    )
    if variant is not None:
        # The translation is there under another tag or name: `translate --to` alone would
        # be refused beside it, and the way to it is what the refusal says.
        return f"{message}: {variant}; or {align}"
    others = [found for found in layout.translation_languages(document) if found != lang]
    if others:
        # --to es-ES made report.es-ES.po, and --to es then found "nothing" beside it.
        message += f"; it has translations into {', '.join(others)}"
        same = [found for found in others if languages.primary(found) == languages.primary(lang)]
        if same:
            message += f" (--to {same[0]}?)"
    return f"{message}; {_way_to_start(layout, document, lang, source_lang)}, or {align}"


def _way_to_start(layout: ProjectLayout, document: Path, lang: str, source_lang: str | None) -> str:
    """How to start the translation: by MT where an engine serves the pair, else by hand in
    the workbench (``translate`` then stops on "no machine translation … is installed")."""
    start = f"start one with: termwise translate {document} --to {lang}"
    if source_lang is None:
        from termwise.errors import TermwiseError
        from termwise.project.translations import load_source

        try:
            source_lang = load_source(layout, document).lang
        except (TermwiseError, OSError):
            return start  # the command reports an unreadable document itself
    from termwise.mt import available_engines

    if available_engines(source_lang, lang):
        return start
    return (
        f"no machine translation for {source_lang} → {lang} is installed, so start one by "
        f"hand with: termwise review {document} --to {lang} (or install a model for "
        f"termwise translate: termwise models install {source_lang} {lang})"
    )


def new_translation_note(choice: ProjectChoice, path: Path, document: Path) -> str:
    """The line a command prints when it has started a new translation file: where it is,
    and why that project, so that a translation made in an unintended place is seen."""
    root = choice.layout.root
    note = f"note: started a new translation in {path} (project {root}: {choice.why})"
    later = choose_project(document)
    if not same_folder(later.layout.root, root):
        # --project named a folder that a later command without it would not find.
        note += f"; later commands find it only with --project {root}"
    elif not later.from_document:
        note += (
            f"; {document.name} lies in no project, so later commands find this one only "
            f"from {root} or with --project {root}"
        )
    return note


# The option that starts a translation into a variant of a language the document has one in.
NEW_VARIANT_OPTION = "--new-variant"


def _one_written_language(found: str, asked: str) -> bool:
    """Whether a translation into ``found`` is what ``--to asked`` most likely meant.

    Chinese tags stay apart: termwise keeps each (``zh``, ``zh-Hant``, ``zh-TW``, ``zh-HK``)
    as a translation of its own on purpose (``languages`` says why), so only another
    spelling of the very tag (``zh-Hans`` for ``zh``) is the same one there."""
    if languages.primary(asked) == "zh":
        return found == asked
    return languages.same_language(found, asked)


def another_variant(
    layout: ProjectLayout, document: Path, lang: str, *, new_variant: bool, starting: bool = True
) -> str | None:
    """Why a command must not start the translation of ``document`` into ``lang``: the
    project has none under that tag but one under another tag of the same language, and
    starting afresh would leave the reviewed work aside (``review --to es_ES`` opened an
    empty ``paper.es-ES.po``, MT on every segment, beside the reviewed ``paper.es.po``).
    None where there is no such doubt, or ``new_variant`` says a separate one is meant.

    A file under another spelling of the very tag (``paper.es_ES.po``, another tool's name)
    is this translation: ``new_variant`` cannot start a second one beside it, and the
    ``mv`` that lets termwise find it is given instead. ``starting``: said to a command
    that starts translations (``--new-variant`` is its option), else the whole command
    that would start one.
    """
    path = layout.translation_file(document, lang)
    if path.exists():
        return None
    found = [
        (tag, other)
        for tag, other in layout.translation_files(document)
        if other != path and _one_written_language(tag, lang)
    ]
    named = [other for tag, other in found if tag == lang]
    if named:
        return (
            f"{shown_path(named[0])} holds the {lang} translation of {document.name} under a "
            f"name termwise does not look for; rename it and run the command again: "
            f"{move_command(named[0], path)}"
        )
    if not found or new_variant:
        return None
    files = " and ".join(shown_path(other) for _, other in found)
    tags = " or ".join(f"--to {tag}" for tag, _ in found)
    if len(found) == 1:
        holds = f"holds the {languages.display_name(found[0][0])} translation"
    else:
        holds = f"hold {languages.display_name(languages.primary(lang))} translations"
    apart = f"a separate {lang} translation beside it"
    start = (
        f"add {NEW_VARIANT_OPTION} to start {apart}"
        if starting
        else f"start {apart} with: termwise translate {document} --to {lang} {NEW_VARIANT_OPTION}"
    )
    return (
        f"{files} {holds} of {document.name}; use {tags} to work on "
        f"{'it' if len(found) == 1 else 'one'}, or {start}"
    )
