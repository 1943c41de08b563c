"""The Argos package index and package downloads, with deadlines and clear failures.

Argos's own download code retries without timeouts (without network its index lookup ends in
a RecursionError after hundreds of requests). Here every network step has a deadline: the
connection (name lookup included) must be up within ``CONNECT_TIMEOUT`` seconds, and a
download that stalls that long is abandoned. The index is fetched from where Argos fetches it
(``ARGOS_PACKAGE_INDEX``) and cached where Argos caches it, so both tools agree.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from termwise import json_files, languages
from termwise.atomic import write_atomic
from termwise.errors import TermwiseError
from termwise.mt.packages import ArgosPair, ArgosPaths, PackageError, argos_paths

CONNECT_TIMEOUT = 10.0
USER_AGENT = "termwise (Argos Translate package manager)"


class NetworkError(TermwiseError):
    """The index or a package could not be fetched."""


@dataclass(frozen=True)
class AvailablePackage(ArgosPair):
    """An entry of the package index, with BCP 47 tags."""

    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    metadata: dict[str, Any]

    @property
    def file_name(self) -> str:
        return f"{self.name}.argosmodel"


def _open(url: str, timeout: float) -> IO[bytes]:
    """``urlopen`` under a hard deadline: name lookups ignore socket timeouts, threads do not."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    outcome: dict[str, Any] = {}

    def attempt() -> None:
        try:
            outcome["response"] = urllib.request.urlopen(request, timeout=timeout)
        except BaseException as error:  # reported to the caller below
            outcome["error"] = error

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise NetworkError(f"no answer from {url} within {timeout:.0f} s")
    if "error" in outcome:
        error = outcome["error"]
        if isinstance(error, urllib.error.HTTPError):
            raise NetworkError(f"{url} answered HTTP {error.code} {error.reason}")
        reason = getattr(error, "reason", error)
        raise NetworkError(f"could not reach {url}: {reason}")
    response: IO[bytes] = outcome["response"]
    return response


def offline_advice(src: str | None = None, tgt: str | None = None) -> str:
    pair = f"{src} → {tgt} " if src and tgt else ""
    return (
        f"without network, download the {pair}package (.argosmodel) on another machine "
        "(https://www.argosopentech.com/argospm/index/) and run "
        "`termwise models install --file PACKAGE.argosmodel`"
    )


def fetch_index(
    paths: ArgosPaths | None = None, *, timeout: float = CONNECT_TIMEOUT
) -> tuple[list[AvailablePackage], str | None]:
    """The index's translation packages, and a warning when the cached copy had to serve."""
    paths = paths or argos_paths()
    warning = None
    try:
        with _open(paths.remote_index, timeout) as response:
            data = response.read()
        entries = _parse_index(data, paths.remote_index)
        with contextlib.suppress(OSError):
            write_atomic(paths.local_index, data)
    except NetworkError as error:
        if not paths.local_index.exists():
            raise NetworkError(f"{error}; {offline_advice()}") from error
        entries = _parse_index(paths.local_index.read_bytes(), str(paths.local_index))
        warning = f"{error}; showing the index cached in {paths.local_index}"
    return entries, warning


def _parse_index(data: bytes, where: str) -> list[AvailablePackage]:
    try:
        index = json_files.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise NetworkError(f"the package index at {where} is not valid JSON: {error}") from error
    if not isinstance(index, list):
        raise NetworkError(f"the package index at {where} is not a JSON list")
    found = []
    for entry in index:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        if not entry.get("from_code") or not entry.get("to_code"):
            continue
        found.append(
            AvailablePackage(
                str(entry["from_code"]),
                str(entry["to_code"]),
                str(entry.get("package_version", "")),
                tuple(str(link) for link in entry.get("links", [])),
                entry,
            )
        )
    return found


def find_available(src: str, tgt: str, entries: list[AvailablePackage]) -> AvailablePackage:
    src_code, tgt_code = languages.to_argos(src), languages.to_argos(tgt)
    for entry in entries:
        if entry.from_code == src_code and entry.to_code == tgt_code:
            return entry
    pairs = sorted({f"{e.src}→{e.tgt}" for e in entries if e.from_code == src_code})
    hint = f" (from {src}: {', '.join(pairs)})" if pairs else ""
    raise PackageError(
        f"the package index has no {src} → {tgt} package{hint}; `termwise models available` "
        "lists every pair; an installed pivot through English also works"
    )


def download(
    entry: AvailablePackage,
    paths: ArgosPaths | None = None,
    *,
    progress: Callable[[int, int | None], None] | None = None,
    timeout: float = CONNECT_TIMEOUT,
) -> Path:
    """Download a package into Argos's downloads folder; the caller deletes it after install."""
    paths = paths or argos_paths()
    if not entry.links:
        raise PackageError(f"the index gives no download link for {entry.src} → {entry.tgt}")
    paths.downloads_dir.mkdir(parents=True, exist_ok=True)
    failures = []
    for url in entry.links:
        try:
            return _download_one(url, paths.downloads_dir / entry.file_name, progress, timeout)
        except NetworkError as error:
            failures.append(str(error))
    raise NetworkError("; ".join(failures) + "; " + offline_advice(entry.src, entry.tgt))


def _download_one(
    url: str,
    target: Path,
    progress: Callable[[int, int | None], None] | None,
    timeout: float,
) -> Path:
    fd, part_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    part = Path(part_name)
    try:
        with os.fdopen(fd, "wb") as sink, _open(url, timeout) as response:
            length_header = getattr(response, "headers", {}).get("Content-Length")
            total = int(length_header) if length_header and length_header.isdigit() else None
            done = 0
            while True:
                try:
                    chunk = response.read(1 << 16)
                except OSError as error:  # includes socket timeouts of a stalled transfer
                    raise NetworkError(f"download from {url} broke off: {error}") from error
                if not chunk:
                    break
                sink.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            if total is not None and done != total:
                raise NetworkError(f"download from {url} ended after {done} of {total} bytes")
        os.replace(part, target)
    except OSError as error:
        part.unlink(missing_ok=True)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise PackageError(
                f"disk full while downloading {url} into {target.parent}; free some space "
                "and try again. Nothing was installed."
            ) from error
        raise
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return target
