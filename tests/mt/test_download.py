"""``models available`` and ``models install FROM TO`` through the real download code, against
an index and a package served from 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.argos_packages import package_metadata
from termwise.mt import index as index_module
from termwise.mt.index import NetworkError, fetch_index


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def package_server(tmp_path: Path, argos_package: Path) -> Iterator[tuple[str, Path]]:
    """Serve ``index.json`` and the package; returns (index URL, served folder)."""
    root = tmp_path / "served"
    root.mkdir()
    (root / "en_es.argosmodel").write_bytes(argos_package.read_bytes())
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    entry = package_metadata(argos_package) | {"links": [base + "en_es.argosmodel"]}
    other = entry | {"from_code": "en", "to_code": "fr", "links": [base + "missing.argosmodel"]}
    (root / "index.json").write_text(json.dumps([entry, other]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, root
    finally:
        server.shutdown()
        server.server_close()


def termwise(*args: str, index: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if index is not None:
        env["ARGOS_PACKAGE_INDEX"] = index
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_available_and_install_from_the_index(
    argos_env: Path, package_server: tuple[str, Path]
) -> None:
    base, _ = package_server
    listed = termwise("models", "available", "--format", "json", index=base)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["from"], r["to"], r["to_name"], r["installed"]) for r in rows] == [
        ("en", "es", "Spanish", None),
        ("en", "fr", "French", None),
    ]
    # Argos caches the index in its data folder; termwise keeps that copy up to date.
    assert (argos_env.parent / ".local/share/argos-translate/index.json").is_file()

    installed = termwise("models", "install", "en", "es", index=base.rstrip("/"))
    assert installed.returncode == 0, installed.stderr
    assert "Installed en → es (English → Spanish), version 1.0" in installed.stdout
    assert (argos_env / "translate-en_es-1_0" / "model" / "model.bin").is_file()
    downloads = argos_env.parent / ".cache" / "argos-translate" / "downloads"
    assert list(downloads.iterdir()) == []  # the download is deleted once installed

    text = termwise("models", "available", index=base).stdout
    assert "English → Spanish" in text and "installed 1.0" in text


def test_pair_not_in_index_and_broken_links(
    argos_env: Path, package_server: tuple[str, Path]
) -> None:
    base, root = package_server
    missing = termwise("models", "install", "en", "zh", index=base)
    assert missing.returncode == 2
    assert "the package index has no en → zh package (from en: en→es, en→fr)" in missing.stderr

    broken = termwise("models", "install", "en", "fr", index=base)
    assert broken.returncode == 2
    assert "HTTP 404" in broken.stderr and "models install --file" in broken.stderr

    (root / "en_es.argosmodel").write_bytes(b"PK\x03\x04 this is not really a zip")
    corrupt = termwise("models", "install", "en", "es", index=base)
    assert corrupt.returncode == 2
    assert "not an Argos package" in corrupt.stderr or "corrupt" in corrupt.stderr
    assert list(argos_env.iterdir()) == []
    downloads = argos_env.parent / ".cache" / "argos-translate" / "downloads"
    assert list(downloads.iterdir()) == []


def test_no_network_fails_fast_with_advice(argos_env: Path) -> None:
    started = time.monotonic()
    result = termwise("models", "install", "en", "es", index="http://127.0.0.1:9/")
    assert time.monotonic() - started < 10
    assert result.returncode == 2
    assert "could not reach http://127.0.0.1:9/index.json" in result.stderr
    assert "termwise models install --file PACKAGE.argosmodel" in result.stderr


def test_a_server_that_never_answers_is_given_up_on(
    argos_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # the kernel accepts the connection; nobody ever answers
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{silent.getsockname()[1]}/")
    try:
        assert index_module.CONNECT_TIMEOUT <= 10
        started = time.monotonic()
        with pytest.raises(NetworkError, match="install --file"):
            fetch_index(timeout=1.0)
        assert time.monotonic() - started < 3
    finally:
        silent.close()


def test_cached_index_serves_when_offline(
    argos_env: Path, package_server: tuple[str, Path]
) -> None:
    base, _ = package_server
    assert termwise("models", "available", index=base).returncode == 0
    offline = termwise("models", "available", "--format", "json", index="http://127.0.0.1:9/")
    assert offline.returncode == 0, offline.stderr
    assert "showing the index cached in" in offline.stderr
    assert [r["to"] for r in json.loads(offline.stdout)] == ["es", "fr"]


def test_an_index_nested_too_deeply_is_refused_in_one_line(
    argos_env: Path, package_server: tuple[str, Path]
) -> None:
    # json.loads raised RecursionError on it: a traceback from `models available`.
    base, root = package_server
    (root / "index.json").write_text("[" * 100_000 + "]" * 100_000)
    result = termwise("models", "available", index=base)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is not valid JSON: nested too deeply" in result.stderr
