"""Where a project keeps things.

A project is a folder holding ``glossary/``, ``translations/`` and ``termwise.toml``: the one
``--project DIR`` names, else the nearest one above the document a command works on, else the
current folder (``project/discovery.py`` says why). Every command finds its files through
``ProjectLayout`` so that the layout is written down once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termwise import languages

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
        """``translations/<stem>.<lang>.po`` for the translation of ``document`` into ``lang``."""
        return self.translations_dir / f"{Path(document).stem}.{languages.normalize(lang)}.po"

    def translation_languages(self, document: str | Path) -> list[str]:
        """The target languages that ``document`` has a translation file for, sorted: what a
        message about a missing translation offers instead (``es-ES`` where ``es`` was asked)."""
        stem = Path(document).stem
        found = []
        for path in sorted(self.translations_dir.glob(f"{stem}.*.po")):
            middle = path.name[len(stem) + 1 : -len(".po")]
            if "." in middle:
                continue  # another document whose stem starts with ours ("paper.v2")
            try:
                found.append(languages.normalize(middle))
            except languages.LanguageError:
                continue
        return found

    def settings(self) -> dict[str, Any]:
        """The parsed and checked ``termwise.toml``, or an empty table when the project has
        none (see ``project/settings.py``)."""
        from termwise.project.settings import load_settings

        return load_settings(self.config_path)


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
