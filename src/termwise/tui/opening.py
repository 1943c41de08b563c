"""Show a large book at once while its session opens: the first rows as the last session left them.

Opening a 50,000-segment book (its segmentation, its PO file, 50,000 units and rows) takes
a second or more, and the translator should see the book before that. When the workbench
closes on a large book, and after each autosave (so that a crash leaves one too), it writes
the book's first rows (source, MT, translation, state) to ``$XDG_CACHE_HOME/termwise/rows/``,
keyed by the SHA-256 of every file they were read from (the document, its translation file,
id aliases and joins/splits). At the next start, if
those files are byte for byte the same, the workbench shows these rows at once, read-only,
and opens the session behind them; any change to any file simply means no preview.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label

from termwise import languages
from termwise.project.layout import (
    ProjectLayout,
    id_aliases_file,
    segmentation_overrides_file,
)
from termwise.review.rows import Row
from termwise.tui.grid import SegmentGrid

if TYPE_CHECKING:
    from termwise.review.session import ReviewSession

VERSION = 1
# Smaller books open in well under a second: they need no preview.
MIN_ROWS = 2000
# Enough rows to fill and page through a few screens while the rest loads.
PREVIEW_ROWS = 500
# A document this large takes a second or more to open the first time (it is segmented):
# without a preview the workbench then says so at once rather than leave the terminal blank.
LARGE_DOCUMENT_BYTES = 1_000_000


@dataclass(frozen=True)
class Preview:
    """What the last session showed of a book: its languages and first rows."""

    name: str
    source_lang: str
    target_lang: str
    total: int
    rows: list[Row]
    # The SHA-256 of the translation file these rows were saved in, when known: hashing
    # the 27 MB file again after every autosave would be wasted work.
    translation_sha256: str | None = None


def _inputs(layout: ProjectLayout, document: Path, target_lang: str) -> list[Path]:
    return [
        document,
        layout.translation_file(document, target_lang),
        id_aliases_file(layout, document),
        segmentation_overrides_file(layout, document),
    ]


def _key(
    layout: ProjectLayout,
    document: Path,
    target_lang: str,
    source_lang: str | None,
    translation_sha256: str | None = None,
) -> str:
    digest = hashlib.sha256(f"{VERSION}\0{target_lang}\0{source_lang or ''}".encode())
    translation = layout.translation_file(document, target_lang)
    for path in _inputs(layout, document, target_lang):
        if translation_sha256 is not None and path == translation:
            digest.update(bytes.fromhex(translation_sha256))
            continue
        try:
            with path.open("rb") as handle:  # read in blocks: a book's PO file is 27 MB
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except FileNotFoundError:
            digest.update(hashlib.sha256(b"\0missing").digest())
    return digest.hexdigest()


def _path(document: Path, target_lang: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    name = hashlib.sha256(f"{document.resolve()}\0{target_lang}".encode()).hexdigest()[:32]
    return Path(base) / "termwise" / "rows" / f"{name}.json"


def read_preview(
    layout: ProjectLayout, document: Path, target_lang: str, source_lang: str | None
) -> Preview | None:
    """The rows the last session left, if every file they came from is unchanged."""
    target = languages.normalize(target_lang)
    try:
        payload = json.loads(_path(document, target).read_text(encoding="utf-8"))
        if payload.get("key") != _key(layout, document, target, source_lang):
            return None
        rows = [
            Row(segment_id, source, mt, text, state, heading)
            for segment_id, source, mt, text, state, heading in payload["rows"]
        ]
        return Preview(
            str(payload["name"]),
            str(payload["source_lang"]),
            str(payload["target_lang"]),
            int(payload["total"]),
            rows,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def opening_view(
    layout: ProjectLayout, document: Path, target_lang: str, source_lang: str | None
) -> Preview | None:
    """What to show while the session opens: the last session's preview; for a large
    document without one, an empty one (the workbench says it is opening); else ``None``
    (a small document opens before the first frame)."""
    preview = read_preview(layout, document, target_lang, source_lang)
    if preview is not None:
        return preview
    try:
        large = document.stat().st_size >= LARGE_DOCUMENT_BYTES
    except OSError:
        return None  # the session's own opening names the problem
    if not large:
        return None
    target = languages.normalize(target_lang)
    return Preview(document.name, source_lang or "", target, 0, [])


def preview_of(session: ReviewSession) -> Preview | None:
    """The first rows of a large book as they were saved (cheap: call it on the UI thread),
    or ``None`` for a book that needs no preview or has changes not saved yet."""
    rows = session.rows
    if len(rows) < MIN_ROWS or session.dirty:
        return None
    return Preview(
        session.path.name,
        session.source_lang,
        session.target_lang,
        len(rows),
        [
            Row(row.segment_id, row.source, row.mt, row.target, row.state, row.heading)
            for row in rows[:PREVIEW_ROWS]
        ],
        session.tfile.saved_sha256,
    )


def store_preview(session: ReviewSession, preview: Preview) -> None:
    """Write ``preview`` for the next start, keyed by the session's files as they are now
    (reads them all to hash them: run it in a worker). The key takes the source language
    the session was asked for (None: detected), as the next start gives it to
    ``read_preview``."""
    key = _key(
        session.layout,
        session.path,
        preview.target_lang,
        session.requested_source_lang,
        preview.translation_sha256,
    )
    payload: dict[str, Any] = {
        "key": key,
        "name": preview.name,
        "source_lang": preview.source_lang,
        "target_lang": preview.target_lang,
        "total": preview.total,
        "rows": [
            [row.segment_id, row.source, row.mt, row.target, row.state, row.heading]
            for row in preview.rows
        ],
    }
    path = _path(session.path, preview.target_lang)
    # A cache: written whole and renamed, never fsynced; a damaged one is just not used.
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)


def write_preview(session: ReviewSession) -> None:
    """Record the first rows of a large book for the next start (after the final save)."""
    preview = preview_of(session)
    if preview is not None:
        store_preview(session, preview)


class OpeningScreen(Screen[None]):
    """The book's first rows, read-only, while the session opens behind them."""

    DEFAULT_CSS = """
    OpeningScreen > #opening-title { height: 1; background: $panel; padding: 0 1; width: 1fr; }
    OpeningScreen > SegmentGrid { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, preview: Preview) -> None:
        super().__init__()
        self.preview = preview

    def compose(self) -> ComposeResult:
        preview = self.preview
        source = languages.display_name(preview.source_lang) if preview.source_lang else "Source"
        target = languages.display_name(preview.target_lang)
        what = (
            f"opening {preview.total} segments…"
            if preview.total
            else "opening: reading and segmenting the document…"
        )
        yield Label(f"[b]{preview.name}[/b]  ·  {source} → {target}  ·  {what}", id="opening-title")
        yield SegmentGrid(
            preview.rows, titles=(source, "Machine translation", target), id="opening-grid"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SegmentGrid).focus()

    def on_key(self, event: events.Key) -> None:
        # Editing waits for the session: say so rather than drop the key without a word.
        if event.key == "enter" or event.is_printable:
            event.stop()
            self.notify("Still opening the book: editing works in a moment.", timeout=3)

    @property
    def cursor(self) -> int:
        return int(self.query_one(SegmentGrid).cursor)
