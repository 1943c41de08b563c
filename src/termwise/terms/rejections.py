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
from termwise.terms.candidates import fold

FILE = Path(".termwise") / "rejected-terms.json"


class Rejections:
    """The rejected candidate forms of one project."""

    def __init__(self, root: Path) -> None:
        self.path = root / FILE
        self._forms: dict[str, set[str]] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._forms = {str(lang): set(map(str, forms)) for lang, forms in data.items()}
            except (ValueError, AttributeError, TypeError) as error:
                raise InputError(f"not a list of rejected terms: {error}", self.path) from error

    def __contains__(self, item: tuple[str, str]) -> bool:
        lang, form = item
        return fold(form) in self._forms.get(languages.primary(lang), set())

    def add(self, lang: str, form: str) -> None:
        """Remember ``form`` as rejected in ``lang`` and save at once."""
        self._forms.setdefault(languages.primary(lang), set()).add(fold(form))
        data = {lang: sorted(forms) for lang, forms in sorted(self._forms.items())}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
