"""A busy translation cache is waited for, never reported as broken.

The lock is real: this process holds SQLite's exclusive lock on the cache file while
``termwise translate`` (the installed command, with real Apertium MT) runs against it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from termwise.errors import TermwiseError
from termwise.mt.cache import TranslationCache, default_cache_path

TERMWISE = Path(sys.executable).parent / "termwise"


def _hold_exclusive_lock(path: Path, seconds: float, held: threading.Event) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    # Rollback-journal mode: an exclusive lock blocks readers too, the hardest case, and
    # switching the file to WAL (what every termwise does on opening it) must wait for it.
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("CREATE TABLE IF NOT EXISTS other (x)")
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("INSERT INTO other VALUES (1)")
    held.set()
    time.sleep(seconds)
    connection.execute("COMMIT")
    connection.close()


def test_two_translate_runs_wait_for_a_locked_cache(argos_env: Path, tmp_path: Path) -> None:
    cache_file = default_cache_path()
    cache_file.parent.mkdir(parents=True)
    documents = []
    for name, text in (("a", "The cat is blue."), ("b", "The dog is red.")):
        document = tmp_path / f"{name}.txt"
        document.write_text(f"{text}\n")
        documents.append(document)
    held = threading.Event()
    locker = threading.Thread(target=_hold_exclusive_lock, args=(cache_file, 2.0, held))
    locker.start()
    assert held.wait(10)
    runs = [
        subprocess.Popen(
            [str(TERMWISE), "translate", str(doc), "--to", "es", "--engine", "apertium"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        for doc in documents
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    locker.join()
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert "gato" in outputs[0][0] and "perro" in outputs[1][0]
    assert all("delete" not in err and "Traceback" not in err for _, err in outputs)
    cache = TranslationCache(cache_file)
    assert len(cache) == 2


def test_a_lock_held_past_the_timeout_is_reported_as_a_lock(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    held = threading.Event()
    locker = threading.Thread(target=_hold_exclusive_lock, args=(path, 3.0, held))
    locker.start()
    assert held.wait(10)
    started = time.monotonic()
    with pytest.raises(TermwiseError) as raised:
        TranslationCache(path, busy_timeout_s=0.5).get_many(["k"])
    waited = time.monotonic() - started
    locker.join()
    message = str(raised.value)
    assert "stayed locked by another termwise process" in message
    assert "delete" not in message
    assert 0.5 <= waited < 2.5
    # Once the lock is gone the same file works: nothing was wrong with it.
    assert TranslationCache(path, busy_timeout_s=0.5).get_many(["k"]) == {}


def test_only_a_damaged_cache_is_worth_deleting(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is no SQLite database, just some text " * 100)
    with pytest.raises(TermwiseError, match="is damaged .*delete the file"):
        TranslationCache(path).get_many(["k"])
