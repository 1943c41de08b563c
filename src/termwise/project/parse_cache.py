"""A cache of parsed project files, so that a 50,000-segment book opens in well under a second.

Babel needs seconds to parse such a PO file, and the review workbench must show a book with
its translations at once. The parsed units are kept as JSON lines in
``$XDG_CACHE_HOME/termwise/po/`` (one file per project file: a line for the header, tagged
with the SHA-256 of the PO bytes the units came from, then a line per unit; read and
written a line at a time, so the book's text is never held as one string). The cache is
used only when the file on disk is byte for byte the one parsed or written then: an edit
by any other program simply means a fresh parse by Babel.
Any problem with the cache (missing, corrupt, other version) is the same as no cache.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from termwise.project.translation_file import TranslationFile
from termwise.project.units import KEY_FIELDS, SegmentState, TranslationUnit

MIN_UNITS = 2000  # smaller files parse in a fraction of a second: not worth a cache file
VERSION = 8  # 3: plural entries; 4: source references, python-format as the file says;
# 5: no python-brace-format from braces inside HTML comments alone; 6: previous msgctxt;
# 7: previous msgid_plural, and the Plural-Forms a file without one is read by;
# 8: a template's empty forms past its language's count dropped (Japanese: one form)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "termwise" / "po"


def cache_path(po_path: Path) -> Path:
    key = hashlib.sha256(str(po_path.resolve()).encode("utf-8")).hexdigest()[:32]
    return cache_dir() / f"{key}.jsonl"


def read(po_path: Path, sha256: str) -> TranslationFile | None:
    """The parsed file if the cache holds exactly these bytes, else ``None``."""
    try:
        with cache_path(po_path).open(encoding="utf-8") as lines:
            header = json.loads(lines.readline())
            if header.get("version") != VERSION or header.get("sha256") != sha256:
                return None
            tfile = _decode(header)
            for _ in range(header["units"]):
                unit = _decode_unit(json.loads(lines.readline()))
                tfile.units[unit.segment_id] = unit
            if len(tfile.units) != header["units"] or lines.readline():
                return None
            return tfile
    except (OSError, ValueError, KeyError, TypeError):
        return None


# Cache files to write at exit: target → (sha256, header and obsolete rows, unit keys).
_pending: dict[Path, tuple[str, dict[str, Any], Sequence[tuple[object, ...]]]] = {}
_pending_lock = threading.Lock()
_registered = False


def write_later(
    po_path: Path,
    sha256: str,
    tfile: TranslationFile,
    *,
    keys: Sequence[tuple[object, ...]] | None = None,
    obsolete: Sequence[TranslationUnit] | None = None,
) -> None:
    """Write the cache when the process exits normally, for the last state saved or read.

    Writing 16 MB of JSON after every autosave would double its cost; what matters is that
    the next start finds the file as this process left it. A crash just means no cache.
    The units' keys (immutable tuples: what was written) are kept, so later edits cannot
    leak into a cache that claims to describe the bytes with ``sha256``; so are the
    ``obsolete`` units written (default: the file's).
    """
    global _registered
    if keys is None:
        keys = [unit.key() for unit in tfile.units.values()]
    header = _encode(tfile, tfile.obsolete if obsolete is None else obsolete)
    with _pending_lock:
        _pending[cache_path(po_path)] = (sha256, header, keys)
        if not _registered:
            atexit.register(flush)
            _registered = True


def flush() -> None:
    """Write every pending cache now (also called at exit)."""
    with _pending_lock:
        pending = list(_pending.items())
        _pending.clear()
    for target, (sha256, header, keys) in pending:
        header.update(version=VERSION, sha256=sha256, units=len(keys))
        _store(target, header, (_row_from_key(key) for key in keys))


def _store(target: Path, header: dict[str, Any], rows: Iterable[list[Any]]) -> None:
    # No fsync: a cache lost or cut short in a crash fails its checks and is simply rebuilt.
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with temporary.open("w", encoding="utf-8") as out:
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        os.replace(temporary, target)


def _encode_unit(unit: TranslationUnit) -> list[Any]:
    return [
        unit.segment_id,
        unit.source,
        unit.target,
        unit.state.value,
        unit.mt,
        unit.mt_engine,
        unit.mt_model,
        unit.notes,
        unit.previous_source,
        sorted(unit.flags),
        list(unit.comments),
        unit.plural_source,
        list(unit.plural_forms),
        unit.plural_index,
        [list(location) for location in unit.locations],
        unit.previous_context,
        unit.previous_plural_source,
    ]


_STATES = {state.value: state for state in SegmentState}


def _decode_unit(row: list[Any]) -> TranslationUnit:
    if len(row) != len(KEY_FIELDS):
        raise ValueError("cache row of another shape")
    (
        segment_id,
        source,
        target,
        state,
        mt,
        engine,
        model,
        notes,
        previous,
        flags,
        comments,
        plural_source,
        plural_forms,
        plural_index,
        locations,
        previous_context,
        previous_plural,
    ) = row
    if not (
        type(segment_id) is str
        and type(source) is str
        and type(target) is str
        and type(notes) is str
    ):
        raise ValueError("cache row with a non-text field")
    key = (
        segment_id,
        source,
        target,
        _STATES[state],
        mt,
        engine,
        model,
        notes,
        previous,
        # Most units have neither: one shared empty value each instead of 50,000.
        frozenset(flags) if flags else _NO_FLAGS,
        tuple(comments) if comments else (),
        plural_source,
        tuple(plural_forms) if plural_forms else (),
        int(plural_index),
        tuple((str(name), line) for name, line in locations) if locations else (),
        previous_context,
        previous_plural,
    )
    return TranslationUnit.from_key(key)


_NO_FLAGS: frozenset[str] = frozenset()


_STATE_VALUES = {state: state.value for state in SegmentState}


def _row_from_key(key: tuple[object, ...]) -> list[Any]:
    # _unit_key's fields in KEY_FIELDS order; the state and flags made JSON-friendly.
    row = list(key)
    row[3] = _STATE_VALUES[key[3]]  # type: ignore[index]
    row[9] = sorted(key[9])  # type: ignore[call-overload]
    row[10] = list(key[10])  # type: ignore[call-overload]
    row[12] = list(key[12])  # type: ignore[call-overload]
    row[14] = [list(location) for location in key[14]]  # type: ignore[attr-defined]
    return row


def _encode(tfile: TranslationFile, obsolete: Sequence[TranslationUnit]) -> dict[str, Any]:
    return {
        "lang": tfile.lang,
        "source_lang": tfile.source_lang,
        "document_name": tfile.document_name,
        "last_translator": tfile.last_translator,
        "language_team": tfile.language_team,
        "extra_headers": tfile.extra_headers,
        "plural_forms": tfile.plural_forms,
        "created": tfile.created.isoformat() if tfile.created else None,
        "obsolete": [_encode_unit(unit) for unit in obsolete],
    }


def _decode(data: dict[str, Any]) -> TranslationFile:
    tfile = TranslationFile(
        lang=data["lang"],
        source_lang=data["source_lang"],
        document_name=data["document_name"],
        last_translator=data["last_translator"],
        language_team=data["language_team"],
        extra_headers=[(str(name), str(value)) for name, value in data["extra_headers"]],
        plural_forms=data.get("plural_forms"),
        created=dt.datetime.fromisoformat(data["created"]) if data["created"] else None,
    )
    tfile.obsolete = [_decode_unit(row) for row in data["obsolete"]]
    return tfile
