"""Installed Argos Translate packages: where they live, which to use, installing and removing.

Packages are found through ``argostranslate.package`` so that termwise sees exactly what Argos
sees. Installing and removing are done here rather than through Argos's ``install_from_path``
and ``uninstall``: those import ``argostranslate.translate`` (stanza, torch: seconds and
hundreds of MiB) and extract archives unchecked. The result is the folder layout Argos
itself produces, so Argos recognises packages termwise installed and vice versa.

Argos reads its settings from the environment once, when ``argostranslate.settings`` is first
imported; termwise reads the same variables with the same precedence each time it needs them,
so a changed ``ARGOS_PACKAGES_DIR`` applies within one process too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from termwise import json_files, languages
from termwise.errors import InputError, TermwiseError

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


class PackageError(TermwiseError):
    """Installing, finding or removing a package failed."""


@dataclass(frozen=True)
class ArgosPaths:
    """Argos's folders, resolved the way ``argostranslate.settings`` resolves them."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    packages_dir: Path
    index_url: str

    @property
    def local_index(self) -> Path:
        return self.data_dir / "index.json"

    @property
    def downloads_dir(self) -> Path:
        return self.cache_dir / "downloads"

    @property
    def remote_index(self) -> str:
        return self.index_url + "index.json"


def argos_paths() -> ArgosPaths:
    """Argos's folders now: environment first, then Argos's ``settings.json``, then defaults."""
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()
    data_dir = Path(os.getenv("XDG_DATA_HOME") or home / ".local" / "share") / "argos-translate"
    config_dir = Path(os.getenv("XDG_CONFIG_HOME") or home / ".config") / "argos-translate"
    cache_dir = Path(os.getenv("XDG_CACHE_HOME") or home / ".local" / "cache") / "argos-translate"
    file_settings: dict[str, Any] = {}
    settings_file = config_dir / "settings.json"
    if settings_file.exists():
        with contextlib.suppress(OSError, ValueError):
            loaded = json_files.loads(settings_file.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                file_settings = loaded

    def setting(key: str, default: str) -> str:
        value = os.getenv(key)
        if value is None:
            value = file_settings.get(key)
        return str(value) if value is not None else default

    packages_dir = Path(setting("ARGOS_PACKAGES_DIR", str(data_dir / "packages")))
    index_url = setting("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX)
    if not index_url.endswith("/"):
        # Argos appends "index.json" to the value as it is; a missing slash is a common slip.
        index_url += "/"
    return ArgosPaths(data_dir, config_dir, cache_dir, packages_dir, index_url)


@dataclass(frozen=True)
class BrokenPackage:
    """A folder in the packages folder that is no readable translation package."""

    path: Path
    reason: str


class ArgosPair:
    """A package's language pair as Argos's codes give it: its BCP 47 tags and Argos's
    package name. An installed package and an entry of the index read them by this one
    rule, so that what ``list`` shows and what ``install`` downloads name a pair alike."""

    from_code: str  # Argos's codes, as in metadata.json and the index
    to_code: str

    @property
    def src(self) -> str:
        return languages.from_argos(self.from_code)

    @property
    def tgt(self) -> str:
        return languages.from_argos(self.to_code)

    @property
    def name(self) -> str:
        """Argos's package name (``translate-en_es``), as ``argospm`` shows it."""
        return f"translate-{self.from_code}_{self.to_code}"


@dataclass(frozen=True)
class InstalledPackage(ArgosPair):
    """An installed translation package, with BCP 47 language tags."""

    path: Path
    from_code: str
    to_code: str
    version: str
    metadata: dict[str, Any]

    @property
    def model_id(self) -> str:
        return f"{self.name}@{self.version}" if self.version else self.name

    @property
    def target_prefix(self) -> str:
        return str(self.metadata.get("target_prefix") or "")

    def fingerprint(self) -> str:
        """Changes whenever the model files change, even if the version string does not."""
        parts = []
        for name in ("model/model.bin", "sentencepiece.model", "bpe.model"):
            path = self.path / name
            if path.exists():
                info = path.stat()
                parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        return ";".join(parts)


def installed_packages(paths: ArgosPaths | None = None) -> list[InstalledPackage]:
    """Translation packages installed where Argos looks (broken ones left out: see
    ``scan_packages``)."""
    return scan_packages(paths)[0]


def scan_packages(
    paths: ArgosPaths | None = None,
) -> tuple[list[InstalledPackage], list[BrokenPackage]]:
    """The translation packages installed where Argos looks, and the folders there that are
    no readable package (each with the reason), so that one broken folder hides no other."""
    paths = paths or argos_paths()
    if not paths.packages_dir.is_dir():
        return [], []
    found: list[InstalledPackage] = []
    broken: list[BrokenPackage] = []
    for folder in sorted(paths.packages_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            pkg = _read_package(folder)
        except (OSError, ValueError, RecursionError, TermwiseError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            broken.append(BrokenPackage(folder, str(reason)))
            continue
        if pkg is not None:
            found.append(pkg)
    return found, broken


def _read_package(folder: Path) -> InstalledPackage | None:
    """The package in ``folder``, read by Argos's own ``Package`` (None: not a translation
    package); raises when the folder cannot be used."""
    from argostranslate import package as argos_package

    pkg = argos_package.Package(folder)
    if getattr(pkg, "type", "translate") != "translate" or not pkg.from_code:
        return None
    metadata = json_files.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    if not isinstance(metadata, dict):
        raise ValueError("metadata.json holds no JSON object")
    installed = InstalledPackage(
        folder, str(pkg.from_code), str(pkg.to_code), str(pkg.package_version or ""), metadata
    )
    for code in (installed.from_code, installed.to_code):
        try:
            languages.from_argos(code)
        except languages.LanguageError as error:
            raise ValueError(f"metadata.json: bad language code {code!r} ({error})") from None
    if not (folder / REQUIRED_MODEL_FILE).is_file():
        raise ValueError(f"no {REQUIRED_MODEL_FILE}")
    return installed


def find_route(
    src: str, tgt: str, packages: list[InstalledPackage] | None = None
) -> list[InstalledPackage] | None:
    """Packages to chain for ``src`` → ``tgt``: a direct one, else a pivot (English first)."""
    packages = installed_packages() if packages is None else packages
    src_code, tgt_code = languages.to_argos(src), languages.to_argos(tgt)
    for pkg in packages:
        if pkg.from_code == src_code and pkg.to_code == tgt_code:
            return [pkg]
    firsts = [pkg for pkg in packages if pkg.from_code == src_code]
    # Argos pivots through any language it can; English is the hub of its package set.
    firsts.sort(key=lambda pkg: pkg.to_code != "en")
    for first in firsts:
        for second in packages:
            if second.from_code == first.to_code and second.to_code == tgt_code:
                return [first, second]
    return None


# --- installing -------------------------------------------------------------------------

REQUIRED_MODEL_FILE = "model/model.bin"
MAX_METADATA_BYTES = 1024 * 1024
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")


@dataclass(frozen=True)
class ArchiveCheck:
    """A verified package archive: its top folder, metadata and unpacked size."""

    top: str
    metadata: dict[str, Any]
    unpacked_bytes: int


def verify_archive(archive: Path) -> ArchiveCheck:
    """Check a ``.argosmodel`` before anything is written: zip integrity, layout, metadata."""
    if not archive.exists():
        raise InputError("no such package file", archive)
    from termwise.input_files import require_regular_file

    require_regular_file(archive)
    if not zipfile.is_zipfile(archive):
        raise InputError(
            "not an Argos package: .argosmodel files are zip archives; download it again",
            archive,
        )
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            bad = zf.testzip()
            if bad is not None:
                raise InputError(
                    f"corrupt archive: entry {bad!r} fails its checksum; download it again",
                    archive,
                )
            top = _check_entry_names(archive, infos)
            names = {info.filename for info in infos}
            meta_name = f"{top}/metadata.json"
            if meta_name not in names:
                raise InputError(f"not an Argos package: no {meta_name}", archive)
            if zf.getinfo(meta_name).file_size > MAX_METADATA_BYTES:
                # It is read whole: a few hundred bytes in a real package, never megabytes.
                raise InputError(f"not an Argos package: {meta_name} is too large", archive)
            try:
                metadata = json_files.loads(zf.read(meta_name).decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as error:
                raise InputError(f"{meta_name} is not valid JSON: {error}", archive) from error
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
        # A damaged directory makes zipfile seek before the start (OSError), name an unknown
        # compression method (NotImplementedError) or claim encryption (RuntimeError below).
        raise InputError(f"corrupt archive ({error}); download it again", archive) from error
    except RuntimeError as error:
        raise InputError(f"unreadable archive ({error}); download it again", archive) from error
    if not isinstance(metadata, dict):
        raise InputError(f"{meta_name} must hold a JSON object", archive)
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise InputError(f"{meta_name} has no {key!r}", archive)
        try:
            languages.from_argos(metadata[key])
        except languages.LanguageError as error:
            raise InputError(
                f"{meta_name}: {key} {metadata[key]!r} is no language code ({error}); "
                "this package cannot be used, nothing was installed",
                archive,
            ) from None
    if metadata.get("type", "translate") != "translate":
        raise InputError(
            f"package type {metadata.get('type')!r} is not a translation package", archive
        )
    if f"{top}/{REQUIRED_MODEL_FILE}" not in names:
        raise InputError(f"not an Argos package: no {top}/{REQUIRED_MODEL_FILE}", archive)
    if not any(f"{top}/{name}" in names for name in TOKENIZER_FILES):
        raise InputError(
            f"not an Argos package: no {top}/sentencepiece.model or {top}/bpe.model", archive
        )
    return ArchiveCheck(top, metadata, sum(info.file_size for info in infos))


def _check_entry_names(archive: Path, infos: list[zipfile.ZipInfo]) -> str:
    """The single top folder of the archive; refuse entries that would land outside it, and
    layouts no file system can hold (a file and a folder of one name, overlong names)."""
    tops = set()
    files: set[PurePosixPath] = set()
    folders: set[PurePosixPath] = set()
    for info in infos:
        name = info.filename
        path = PurePosixPath(name)
        _check_layout(archive, info, path, files, folders)
        mode = info.external_attr >> 16
        if (
            name.startswith("/")
            or "\\" in name
            or ".." in path.parts
            or (len(name) > 1 and name[1] == ":")
            or stat.S_ISLNK(mode)
        ):
            raise InputError(
                f"unsafe archive: entry {name!r} would be written outside the package folder; "
                "refusing to install it",
                archive,
            )
        if not path.parts:
            continue
        tops.add(path.parts[0])
        if len(path.parts) == 1 and not info.is_dir():
            raise InputError(
                f"not an Argos package: {name!r} lies outside the package's top folder", archive
            )
    if len(tops) != 1:
        raise InputError(
            f"not an Argos package: expected one top folder, found {len(tops)}", archive
        )
    top = tops.pop()
    if top in (".", "") or top.startswith("."):
        raise InputError(f"not an Argos package: bad top folder {top!r}", archive)
    return top


# Most file systems allow 255 bytes a name; the whole path stays well inside PATH_MAX.
_NAME_MAX = 255
_ENTRY_MAX = 1024


def _check_layout(
    archive: Path,
    info: zipfile.ZipInfo,
    path: PurePosixPath,
    files: set[PurePosixPath],
    folders: set[PurePosixPath],
) -> None:
    name = info.filename
    if len(name.encode("utf-8")) > _ENTRY_MAX or any(
        len(part.encode("utf-8")) > _NAME_MAX for part in path.parts
    ):
        raise InputError(
            f"not an Argos package: entry name {name[:60]!r}... is too long for a file system; "
            "refusing to install it",
            archive,
        )
    parents = set(path.parents) - {PurePosixPath(".")}
    clash = (
        path in files
        or (not info.is_dir() and path in folders)
        or (info.is_dir() and path in files)
        or bool(parents & files)
    )
    if clash:
        raise InputError(
            f"not an Argos package: entry {name!r} is both a file and a folder (or given "
            "twice); refusing to install it",
            archive,
        )
    folders.update(parents)
    if info.is_dir():
        folders.add(path)
    else:
        files.add(path)


def install_archive(
    archive: Path,
    paths: ArgosPaths | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> InstalledPackage:
    """Verify and install a package; a package for the same pair is replaced.

    Files are unpacked into a staging folder beside the packages folder (same file system)
    and renamed into place at the end, so a full disk or a crash never leaves a half-installed
    package where Argos would find it.
    """
    paths = paths or argos_paths()
    check = verify_archive(archive)
    packages_dir = paths.packages_dir
    packages_dir.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(packages_dir).free
    if free < check.unpacked_bytes:
        raise PackageError(_disk_full_message(archive, packages_dir, check.unpacked_bytes, free))
    clean_stale_staging(packages_dir.parent)
    staging, lock = _claim_staging(packages_dir.parent, INSTALL_PREFIX)
    try:
        try:
            _extract(archive, check, staging, progress)
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise PackageError(
                    _disk_full_message(
                        archive,
                        packages_dir,
                        check.unpacked_bytes,
                        shutil.disk_usage(packages_dir).free,
                        during=True,
                    )
                ) from error
            raise PackageError(
                f"cannot unpack {archive.name} into {staging}: {error.strerror or error}; "
                "nothing was installed"
            ) from error
        new_folder = staging / check.top
        try:
            # Read exactly as it will be read once installed: what fails here never lands
            # where Argos and termwise look.
            if _read_package(new_folder) is None:
                raise ValueError("not a translation package")
        except (OSError, ValueError, TermwiseError) as error:
            raise InputError(
                f"not a usable Argos package ({error}); nothing was installed", archive
            ) from error
        replaced = [
            pkg
            for pkg in installed_packages(paths)
            if pkg.from_code == check.metadata["from_code"]
            and pkg.to_code == check.metadata["to_code"]
        ]
        target = packages_dir / check.top
        if target.exists() and all(pkg.path != target for pkg in replaced):
            raise PackageError(
                f"{target} exists and is not a package for the same pair; move it away first"
            )
        old_dir = staging / ".replaced"
        old_dir.mkdir()
        moved: list[tuple[Path, Path]] = []
        for pkg in replaced:
            aside = old_dir / pkg.path.name
            os.replace(pkg.path, aside)
            moved.append((aside, pkg.path))
        try:
            os.replace(new_folder, target)
        except OSError:
            for aside, original in moved:
                os.replace(aside, original)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)
    installed = [pkg for pkg in installed_packages(paths) if pkg.path == target]
    if not installed:
        raise PackageError(f"{target} was installed but cannot be read back; remove it")
    return installed[0]


INSTALL_PREFIX = ".termwise-install-"
REMOVE_PREFIX = ".termwise-remove-"
_LOCK_NAME = ".owner.lock"


def _claim_staging(parent: Path, prefix: str) -> tuple[Path, int]:
    """A new staging folder and a descriptor holding a lock on it for as long as this process
    lives: a folder whose lock is free was left by a process that was killed."""
    import fcntl

    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    lock = os.open(staging / _LOCK_NAME, os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)
    return staging, lock


def clean_stale_staging(parent: Path) -> list[Path]:
    """Delete staging folders of installs and removals that were killed (no process holds
    their lock any more); returns what was deleted."""
    import fcntl

    removed: list[Path] = []
    try:
        candidates = [
            entry
            for entry in parent.iterdir()
            if entry.name.startswith((INSTALL_PREFIX, REMOVE_PREFIX)) and entry.is_dir()
        ]
    except OSError:
        return removed
    for folder in candidates:
        try:
            lock = os.open(folder / _LOCK_NAME, os.O_RDWR | os.O_CLOEXEC)
        except FileNotFoundError:
            lock = -1  # killed before it took the lock (or made by an older termwise)
        except OSError:
            continue
        try:
            if lock >= 0:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # another termwise is installing right now
            elif _age_seconds(folder) < 60:
                continue
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            if lock >= 0:
                os.close(lock)
    return removed


def _age_seconds(folder: Path) -> float:
    import time

    try:
        return time.time() - folder.stat().st_mtime
    except OSError:
        return 0.0


def _extract(
    archive: Path,
    check: ArchiveCheck,
    staging: Path,
    progress: Callable[[int, int], None] | None,
) -> None:
    root = staging.resolve()
    done = 0
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            destination = (staging / info.filename).resolve()
            # Second line of defence after the name check: never write outside staging.
            if root != destination and root not in destination.parents:
                raise InputError(f"unsafe archive entry {info.filename!r}", archive)
            if info.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as source, destination.open("wb") as sink:
                shutil.copyfileobj(source, sink, 1 << 20)
                sink.flush()
                os.fsync(sink.fileno())
            done += info.file_size
            if progress is not None:
                progress(done, check.unpacked_bytes)


def _disk_full_message(
    archive: Path, folder: Path, needed: int, free: int, *, during: bool = False
) -> str:
    when = " (the disk ran full while unpacking)" if during else ""
    return (
        f"not enough disk space to install {archive.name}{when}: it needs {needed / 1e6:.1f} MB in "
        f"{folder} but only {free / 1e6:.1f} MB are free; free some space (or set "
        "ARGOS_PACKAGES_DIR to a folder on a larger disk) and install again. "
        "Nothing was installed."
    )


def remove_package(src: str, tgt: str, paths: ArgosPaths | None = None) -> InstalledPackage:
    """Remove the installed package for ``src`` → ``tgt`` (renamed away first, then deleted)."""
    paths = paths or argos_paths()
    src_code, tgt_code = languages.to_argos(src), languages.to_argos(tgt)
    matches = [
        pkg
        for pkg in installed_packages(paths)
        if pkg.from_code == src_code and pkg.to_code == tgt_code
    ]
    if not matches:
        raise PackageError(
            f"no package for {src} → {tgt} is installed in {paths.packages_dir}; "
            "`termwise models list` shows the installed ones"
        )
    for pkg in matches:
        _remove_folder(pkg.path, paths)
    return matches[0]


def remove_broken_package(name: str, paths: ArgosPaths | None = None) -> BrokenPackage:
    """Remove the broken package folder ``name`` (as ``termwise models list`` shows it)."""
    paths = paths or argos_paths()
    _, broken = scan_packages(paths)
    for entry in broken:
        if entry.path.name == name:
            _remove_folder(entry.path, paths)
            return entry
    raise PackageError(
        f"no broken package folder {name!r} in {paths.packages_dir}; "
        "`termwise models list` shows the installed and the broken ones"
    )


def _remove_folder(folder: Path, paths: ArgosPaths) -> None:
    clean_stale_staging(paths.packages_dir.parent)
    trash, lock = _claim_staging(paths.packages_dir.parent, REMOVE_PREFIX)
    try:
        # One rename takes the package out of Argos's sight at once; deleting may take longer.
        os.replace(folder, trash / folder.name)
    except OSError as error:
        raise PackageError(
            f"cannot remove {folder}: {error.strerror or error}; check the folder's permissions"
        ) from error
    finally:
        shutil.rmtree(trash, ignore_errors=True)
        os.close(lock)
