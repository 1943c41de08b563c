"""Where a project keeps things.

A project is a folder holding ``glossary/``, ``translations/`` and ``termwise.toml``: the one
``--project DIR`` names, else the nearest one above the document a command works on, else the
current folder (``project/discovery.py`` says why). Every command finds its files through
``ProjectLayout`` so that the layout is written down once.
"""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termwise import languages
from termwise.errors import TermwiseError

CONFIG_NAME = "termwise.toml"


@dataclass(frozen=True)
class ProjectLayout:
    """The folders and files of one project."""

    root: Path

    @classmethod
    def at(cls, root: str | Path | None = None) -> ProjectLayout:
        return cls(Path(root) if root is not None else Path.cwd())

    @property
    def glossary_dir(self) -> Path:
        return self.root / "glossary"

    @property
    def translations_dir(self) -> Path:
        return self.root / "translations"

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    def translation_file(self, document: str | Path, lang: str) -> Path:
        """``translations/<stem>.<lang>.po`` for the translation of ``document`` into ``lang``.

        Where that file does not exist but the translation may be on disk under the name an
        older termwise gave it, says so (see ``_check_old_names``): a command would otherwise
        report it missing, or start a second one beside it, without a word.
        """
        tag = languages.normalize(lang)
        path = self.translations_dir / f"{Path(document).stem}.{tag}.po"
        note = self.old_name_note(document, tag)
        if note is not None and note not in _NOTED:
            _NOTED.add(note)
            print(f"termwise: warning: {note}", file=sys.stderr)
        return path

    def old_name_note(self, document: str | Path, lang: str) -> str | None:
        """What to tell the user where the translation of ``document`` into ``lang`` has no
        file but may be one under the name an older termwise gave it (None where not).
        Raises ``OldTranslationName`` where the old file surely is that translation.

        The rule is ``_check_old_names``'s; this is public so that a screen which hides
        standard error (the workbench) can show the same note.
        """
        tag = languages.normalize(lang)
        path = self.translations_dir / f"{Path(document).stem}.{tag}.po"
        if tag not in _OLD_NAMES or path.exists():
            return None
        return _check_old_names(self, Path(document), tag, path)

    def translation_languages(self, document: str | Path) -> list[str]:
        """The target languages that ``document`` has a translation file for, sorted: what a
        message about a missing translation offers instead (``es-ES`` where ``es`` was asked)."""
        return [lang for lang, _ in self.translation_files(document)]

    def translation_files(self, document: str | Path) -> list[tuple[str, Path]]:
        """Each translation file of ``document`` with its language, in the order of their
        names: the file itself too, since one another tool named (``paper.es_ES.po``) is not
        where ``translation_file`` looks for its language."""
        stem = Path(document).stem
        found = []
        for path in sorted(self.translations_dir.glob(f"{stem}.*.po")):
            middle = path.name[len(stem) + 1 : -len(".po")]
            if "." in middle:
                continue  # another document whose stem starts with ours ("paper.v2")
            try:
                found.append((languages.normalize(middle), path))
            except languages.LanguageError:
                continue
        return found

    def settings(self) -> dict[str, Any]:
        """The parsed and checked ``termwise.toml``, or an empty table when the project has
        none (see ``project/settings.py``)."""
        from termwise.project.settings import load_settings

        return load_settings(self.config_path)


class OldTranslationName(TermwiseError):
    """The translation asked for may be the file an older termwise named otherwise."""


# Until zh-TW, zh-HK and zh-MO became tags of their own, termwise wrote them as zh-Hant
# (and zh-Hant-MO as it was): ``--to zh-TW`` made ``paper.zh-Hant.po``, with "Language:
# zh_Hant" in it.
_OLD_NAMES = {"zh-TW": ("zh-Hant",), "zh-HK": ("zh-Hant",), "zh-MO": ("zh-Hant", "zh-Hant-MO")}


# The notes printed already: a command asks for the same path many times.
_NOTED: set[str] = set()


def _check_old_names(layout: ProjectLayout, document: Path, tag: str, path: Path) -> str | None:
    """Refuse, or note, a file under an old name of ``tag`` that may hold the translation of
    ``document`` into it. Nothing is renamed here: which translation the file is, only its
    Language header can tell.

    A header that names ``tag``'s region is that translation: refused with the ``mv`` that
    finds it, since opening it under another name would leave two names for one translation.
    "zh_Hant" (what an older termwise wrote for zh-TW) is also what termwise writes for a
    zh-Hant translation today, so it cannot tell: the command goes on, and the note returned
    gives the ``mv`` to the user whose file it is.
    """
    for old_tag in _OLD_NAMES[tag]:
        old = layout.translations_dir / f"{document.stem}.{old_tag}.po"
        try:
            written = _language_header(old)
        except OSError:
            continue  # no such file (or none to read): nothing to be confused with
        try:
            said = languages.normalize(written or old_tag)
        except languages.LanguageError:
            continue
        move = move_command(old, path)
        if said == tag:
            raise OldTranslationName(
                f"{shown_path(old)} is the {tag} translation of {document.name} (its Language "
                f"header says {written or old_tag}) under an older termwise's name for it; "
                f"rename it and run the command again: {move}"
            )
        if said != languages.normalize(old_tag):
            continue  # a translation into another region (zh_HK beside zh-TW): not this one
        return (
            f"{shown_path(old)} may be the {tag} translation an older termwise wrote; if it is, "
            f"rename it: {move}"
        )
    return None


def shown_path(path: Path) -> str:
    """``path`` as the user may type it where the command runs: relative to the current
    folder when inside it, which keeps the message (and the ``mv`` in it) short."""
    try:
        return str(path.relative_to(Path.cwd())) if path.is_absolute() else str(path)
    except ValueError:
        return str(path)


def move_command(old: Path, new: Path) -> str:
    """The ``mv`` that gives a translation file the name termwise looks for, ready to paste."""
    return f"mv {shlex.quote(shown_path(old))} {shlex.quote(shown_path(new))}"


def _language_header(path: Path) -> str:
    """The Language field of a PO file's header ("" where it has none)."""
    from termwise.project.po_format import header_language

    with path.open("rb") as handle:
        return header_language(handle.read(1 << 16))


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning a syntax error into an error that names file and line."""
    from termwise.project import settings

    return settings.load_toml(path)


def user_config_dir() -> Path:
    """``$XDG_CONFIG_HOME/termwise`` (``~/.config/termwise``): user settings such as key bindings."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "termwise"


def segmentation_overrides_file(layout: ProjectLayout, document: str | Path) -> Path:
    """``translations/<stem>.segmentation.json``: the translator's joins and splits."""
    return layout.translations_dir / f"{Path(document).stem}.segmentation.json"


def id_aliases_file(layout: ProjectLayout, document: str | Path) -> Path:
    """``translations/<stem>.ids.json``: ids that segments keep after termwise edited their text."""
    return layout.translations_dir / f"{Path(document).stem}.ids.json"
