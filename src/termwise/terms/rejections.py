"""Candidates a translator rejected, remembered in the project so they are not offered again.

They live in ``.termwise/rejected-terms.json`` in the project folder, one list of folded
forms per language, written atomically.
"""

from __future__ import annotations

import json
from pathlib import Path

from termwise import languages
from termwise.atomic import write_atomic
from termwise.errors import InputError
from termwise.json_files import read_json
from termwise.terms.candidates import fold

FILE = Path(".termwise") / "rejected-terms.json"


class Rejections:
    """The rejected candidate forms of one project."""

    def __init__(self, root: Path) -> None:
        self.path = root / FILE
        self._forms: dict[str, set[str]] = {}
        if self.path.exists():
            self._forms = read_rejections(self.path)

    def __contains__(self, item: tuple[str, str]) -> bool:
        lang, form = item
        return fold(form) in self._forms.get(languages.primary(lang), set())

    def add(self, lang: str, form: str) -> None:
        """Remember ``form`` as rejected in ``lang`` and save at once."""
        self._forms.setdefault(languages.primary(lang), set()).add(fold(form))
        data = {lang: sorted(forms) for lang, forms in sorted(self._forms.items())}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def read_rejections(path: Path) -> dict[str, set[str]]:
    """The rejected forms in the file at ``path``, by language."""
    data = read_json(path, "a list of rejected terms")
    if not isinstance(data, dict) or not all(
        isinstance(forms, list) and all(isinstance(form, str) for form in forms)
        for forms in data.values()
    ):
        raise InputError('not a list of rejected terms: expected {"lang": ["term", ...]}', path)
    return {str(lang): set(forms) for lang, forms in data.items()}
