"""A persistent translation cache, so that translating a document again costs no model call.

Keys are the engine, the model identity (name, version and a fingerprint of the model
files), both languages, the options that change output, the exact source text and, for
a heading only, that it is one (a sentence's key is as it always was): any change to one
of them is a miss, never a stale hit. SQLite in WAL mode with a busy timeout
lets several termwise processes (the UI and a command in another terminal) share the file;
where SQLite answers "busy" without waiting (two processes creating the file or switching it
to WAL at once), the operation is retried until the same timeout has passed. A lock is
never a reason to delete the cache: only a damaged file is.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

from termwise.document.model import SegmentKind
from termwise.errors import TermwiseError
from termwise.mt.engine import Engine, MTResult, Progress, TermDecision, heading_flags

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    options TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    nbest TEXT NOT NULL,
    unknown TEXT NOT NULL,
    terms TEXT NOT NULL DEFAULT '[]',
    created REAL NOT NULL DEFAULT (julianday('now'))
)
"""


class Cached(NamedTuple):
    """One cached translation, as ``get_many`` returns it."""

    target: str
    nbest: list[tuple[str, float]]
    unknown: tuple[tuple[int, int], ...]
    terms: tuple[TermDecision, ...]


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "termwise" / "mt-cache.sqlite"


class TranslationCache:
    """Cached machine translations in one SQLite file (``None``: the user's default cache)."""

    def __init__(self, path: str | Path | None = None, *, busy_timeout_s: float = 30.0) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._busy_timeout_s = busy_timeout_s
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread: sqlite3 connections must not cross threads.
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise self._failure(error) from error
            connection = sqlite3.connect(self.path, timeout=self._busy_timeout_s)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(SCHEMA)
                _migrate(connection)
                connection.commit()
            except BaseException:
                connection.close()
                raise
            self._local.connection = connection
        return connection

    def _run(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """``action`` on this thread's connection, retried while the file is busy."""
        deadline = time.monotonic() + self._busy_timeout_s
        delay = 0.02
        while True:
            try:
                return action(self._connection())
            except sqlite3.DatabaseError as error:
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise self._failure(error) from error
                self.close()  # a connection that saw SQLITE_BUSY mid-setup starts afresh
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    def _failure(self, error: Exception) -> TermwiseError:
        """One line for the user: what is wrong with the cache file and what to do."""
        where = f"the translation cache {self.path}"
        text = str(error).lower()
        if isinstance(error, sqlite3.DatabaseError) and _is_busy(error):
            return TermwiseError(
                f"{where} stayed locked by another termwise process for "
                f"{self._busy_timeout_s:.0f} s; run the command again when that one has "
                "finished, or pass --no-cache (nothing is wrong with the file)"
            )
        if "disk is full" in text or "no space" in text or "disk i/o error" in text:
            return TermwiseError(
                f"cannot write {where}: the disk is full or failing; free some space "
                f"in {self.path.parent}, or pass --no-cache"
            )
        if "readonly" in text or "unable to open" in text or isinstance(error, PermissionError):
            return TermwiseError(
                f"cannot open {where} for writing; make {self.path.parent} writable, set "
                "XDG_CACHE_HOME to a writable folder, or pass --no-cache"
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return TermwiseError(
                f"{where} is damaged ({error}); delete the file to start a new cache, "
                "or pass --no-cache"
            )
        return TermwiseError(
            f"cannot use {where} ({error}); pass --no-cache to translate without it"
        )

    @staticmethod
    def key(
        engine: str, model: str, src: str, tgt: str, options: Mapping[str, object], source: str
    ) -> str:
        payload = json.dumps(
            [engine, model, src, tgt, dict(sorted(options.items())), source],
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, Cached]:
        """The cached results of ``keys`` (the misses are absent)."""
        found: dict[str, Cached] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = (
                "SELECT key, target, nbest, unknown, terms FROM translations "
                f"WHERE key IN ({marks})"
            )
            rows = self._run(functools.partial(_fetch_all, query=query, parameters=chunk))
            for key, target, nbest, unknown, terms in rows:
                found[key] = Cached(
                    target,
                    [(str(text), float(score)) for text, score in json.loads(nbest)],
                    tuple((int(a), int(b)) for a, b in json.loads(unknown)),
                    _terms_from_json(terms),
                )
        return found

    def put_many(
        self,
        rows: Sequence[tuple[str, str, str, str, str, Mapping[str, object], MTResult]],
    ) -> None:
        """Store ``(key, engine, model, src, tgt, options, result)`` rows in one transaction."""
        values = [
            (
                key,
                engine,
                model,
                src,
                tgt,
                json.dumps(dict(options), sort_keys=True),
                result.source,
                result.target,
                json.dumps(result.nbest, ensure_ascii=False),
                json.dumps(result.unknown),
                _terms_json(result.terms),
            )
            for key, engine, model, src, tgt, options, result in rows
        ]

        def store(connection: sqlite3.Connection) -> None:
            with connection:  # one transaction: rolled back whole when it fails
                connection.executemany(
                    "INSERT OR REPLACE INTO translations "
                    "(key, engine, model, src, tgt, options, source, target, nbest, unknown, "
                    "terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                )

        self._run(store)

    def __len__(self) -> int:
        row = self._run(
            lambda connection: connection.execute("SELECT COUNT(*) FROM translations").fetchone()
        )
        return int(row[0])

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring a cache file written by an older termwise up to this schema.

    A file from before glossary-constrained translation has no ``terms`` column: its rows
    are unconstrained translations, whose keys carry no glossary, so ``[]`` is right.
    """
    columns = {row[1] for row in connection.execute("PRAGMA table_info(translations)")}
    if "terms" not in columns:
        connection.execute("ALTER TABLE translations ADD COLUMN terms TEXT NOT NULL DEFAULT '[]'")


def _terms_json(terms: Sequence[TermDecision]) -> str:
    return json.dumps(
        [[t.concept_id, t.source, t.target, t.mechanism, t.reason] for t in terms],
        ensure_ascii=False,
    )


def _terms_from_json(text: str) -> tuple[TermDecision, ...]:
    return tuple(
        TermDecision(
            str(concept),
            str(source),
            None if target is None else str(target),
            str(mechanism),
            str(reason),
        )
        for concept, source, target, mechanism, reason in json.loads(text)
    )


def _fetch_all(
    connection: sqlite3.Connection, *, query: str, parameters: Sequence[str]
) -> list[tuple[str, str, str, str, str]]:
    return connection.execute(query, parameters).fetchall()


def _is_busy(error: sqlite3.DatabaseError) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    if name:
        return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    text = str(error).lower()
    return "locked" in text or "busy" in text


# The misses go to the model in batches of about this many characters, each stored as soon
# as it is done: a book's run stopped by Ctrl+C keeps what was translated (run again, it goes
# on from there), and the progress bar moves with Apertium, which reports nothing within one
# call. Each batch costs Apertium a start of its pipeline (0.3 s here), a sixth of the time
# it takes to translate that much text.
BATCH_CHARS = 200_000


_Miss = tuple[str, tuple[str, bool]]  # (key, (text, whether it is a heading))


def _batches(misses: Sequence[_Miss], chars: int) -> Iterator[list[_Miss]]:
    """``misses`` in order, cut into runs of about ``chars`` characters of text (at least
    one each)."""
    batch: list[_Miss] = []
    size = 0
    for miss in misses:
        length = len(miss[1][0])
        if batch and size + length > chars:
            yield batch
            batch, size = [], 0
        batch.append(miss)
        size += length
    if batch:
        yield batch


class CachedEngine:
    """An engine that asks the cache first and sends only the misses to the model."""

    def __init__(self, engine: Engine, cache: TranslationCache) -> None:
        self.engine = engine
        self.cache = cache
        self.name = engine.name
        self.model_calls = 0  # how many times the wrapped engine was asked to translate

    def model_id(self, src: str, tgt: str) -> str:
        return self.engine.model_id(src, tgt)

    def options(self) -> Mapping[str, object]:
        engine_options = getattr(self.engine, "options", None)
        return dict(engine_options()) if callable(engine_options) else {}

    def _key_options(self, src: str, tgt: str) -> dict[str, object]:
        options = dict(self.options())
        fingerprint = getattr(self.engine, "fingerprint", None)
        if callable(fingerprint):
            # A rebuilt model may keep its version string; its files still changed.
            options["_fingerprint"] = fingerprint(src, tgt)
        return options

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Progress | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[MTResult]:
        model = self.engine.model_id(src, tgt)
        options = self._key_options(src, tgt)
        headings = heading_flags(kinds, len(texts))
        # A heading may translate otherwise than a sentence of the same text ("Three things
        # to do:"), so its key says so; a sentence's key is what it always was.
        heading_options = {**options, "_kind": SegmentKind.HEADING.value}
        keys = [
            self.cache.key(
                self.name, model, src, tgt, heading_options if heading else options, text
            )
            for text, heading in zip(texts, headings, strict=True)
        ]
        hits = self.cache.get_many(keys)
        # One model call per distinct key: a repeated text of the same kind is translated once.
        missing = list(
            {
                key: (text, heading)
                for text, heading, key in zip(texts, headings, keys, strict=True)
                if key not in hits
            }.items()
        )
        fresh: dict[str, MTResult] = {}
        if missing:
            self.model_calls += 1
            hit_count = len(texts) - len(missing)
            total = hit_count + len(missing)  # the misses without their repeats
            done = 0
            for batch in _batches(missing, BATCH_CHARS):

                def report(within: int, _batch: int, before: int = hit_count + done) -> None:
                    if progress is not None:
                        progress(before + within, total)

                results = self.engine.translate(
                    [text for _, (text, _) in batch],
                    src,
                    tgt,
                    progress=report,
                    kinds=None if kinds is None else [_kind(heading) for _, (_, heading) in batch],
                )
                fresh.update((key, result) for (key, _), result in zip(batch, results, strict=True))
                self.cache.put_many(
                    [
                        (
                            key,
                            self.name,
                            model,
                            src,
                            tgt,
                            heading_options if heading else options,
                            result,
                        )
                        for (key, (_, heading)), result in zip(batch, results, strict=True)
                    ]
                )
                done += len(batch)
                if progress is not None:
                    progress(hit_count + done, total)
        elif progress is not None:
            progress(len(texts), len(texts))
        out = []
        for text, key in zip(texts, keys, strict=True):
            if key in hits:
                hit = hits[key]
                out.append(
                    MTResult(text, hit.target, self.name, model, hit.nbest, hit.unknown, hit.terms)
                )
            else:
                out.append(fresh[key])
        return out


def _kind(heading: bool) -> str:
    return SegmentKind.HEADING.value if heading else SegmentKind.SENTENCE.value
