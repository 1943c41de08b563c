"""Where the translator was in a document: the workbench opens there again.

A book of 9,000 segments reopened at its first one, and the translator had to find the
place again each time. The segment's id is kept per document and target language in
``$XDG_STATE_HOME/termwise/positions.json`` (``~/.local/state``): a user's state, not the
project's, so it travels with no shared folder and never shows in version control.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

# Enough documents for anyone's work at hand; the oldest go first.
KEEP = 200


def _path() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "termwise" / "positions.json"


def _key(document: Path, target_lang: str) -> str:
    return f"{document.resolve()}\0{target_lang}"


def _read() -> dict[str, str]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or damaged: a place to resume is a convenience
    if not isinstance(data, dict):
        return {}
    return {str(key): str(value) for key, value in data.items() if isinstance(value, str)}


def last_position(document: Path, target_lang: str) -> str | None:
    """The segment the translator was on when this document's review last saved or closed
    (kept with each save too: a workbench killed, never closed, reopens there)."""
    return _read().get(_key(document, target_lang))


def remember_position(document: Path, target_lang: str, segment_id: str) -> None:
    """Keep ``segment_id`` as the place to reopen at (written whole and renamed)."""
    positions = _read()
    key = _key(document, target_lang)
    positions.pop(key, None)
    positions[key] = segment_id  # last in order: the most recent
    while len(positions) > KEEP:
        positions.pop(next(iter(positions)))
    path = _path()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(positions, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
