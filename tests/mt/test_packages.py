"""Installing, listing and removing Argos packages, through the CLI and as Argos sees them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from support.argos_packages import build_argos_package
from termwise.cli import cli
from termwise.errors import InputError
from termwise.mt.packages import install_archive, installed_packages, verify_archive


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, standalone_mode=False)
    return result.exit_code, result.stdout, result.stderr


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=60,
    )


def test_install_from_file_list_and_remove(argos_env: Path, argos_package: Path) -> None:
    result = run_main("models", "install", "--file", str(argos_package))
    assert result.returncode == 0, result.stderr
    assert "Installed en → es (English → Spanish)" in result.stdout
    assert (argos_env / "translate-en_es-1_0" / "model" / "model.bin").is_file()
    # Nothing but the package folder is left in the packages dir or beside it.
    assert [p.name for p in argos_env.iterdir()] == ["translate-en_es-1_0"]
    assert not [p for p in argos_env.parent.iterdir() if p.name.startswith(".termwise-")]

    listed = run_main("models", "list", "--format", "json")
    # The Argos packages; the Apertium pairs installed here follow them.
    rows = [row for row in json.loads(listed.stdout) if row["engine"] == "argos"]
    assert [(r["from"], r["to"], r["from_name"], r["to_name"], r["version"]) for r in rows] == [
        ("en", "es", "English", "Spanish", "1.0")
    ]
    text = run_main("models", "list").stdout
    assert "English → Spanish" in text

    removed = run_main("models", "remove", "en", "es")
    assert removed.returncode == 0, removed.stderr
    assert list(argos_env.iterdir()) == []
    after = json.loads(run_main("models", "list", "--format", "json").stdout)
    assert [row for row in after if row["engine"] == "argos"] == []
    again = run_main("models", "remove", "en", "es")
    assert again.returncode == 2
    assert "no package for en → es is installed" in again.stderr


def test_argos_itself_recognises_what_termwise_installed(
    argos_env: Path, argos_package: Path
) -> None:
    install_archive(argos_package)
    program = textwrap.dedent(
        """
        from argostranslate import package, settings
        print(settings.package_data_dir)
        for pkg in package.get_installed_packages():
            print(pkg.from_code, pkg.to_code, pkg.package_version, type(pkg.tokenizer).__name__)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [str(argos_env), "en es 1.0 SentencePieceTokenizer"]


def test_reinstall_replaces_the_package_for_the_same_pair(
    argos_env: Path, argos_package: Path, tmp_path: Path
) -> None:
    install_archive(argos_package)
    newer = build_argos_package(tmp_path / "v2", "en", "es", package_version="1.1", seed=7)
    pkg = install_archive(newer)
    assert pkg.version == "1.1"
    assert [(p.src, p.tgt, p.version) for p in installed_packages()] == [("en", "es", "1.1")]


def _rezip(source: Path, target: Path, extra: dict[str, bytes], drop: str = "") -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            if drop and info.filename.endswith(drop):
                continue
            zout.writestr(info, zin.read(info))
        for name, data in extra.items():
            zout.writestr(name, data)
    return target


def test_entries_escaping_the_package_folder_are_refused(
    argos_env: Path, argos_package: Path, tmp_path: Path
) -> None:
    evil = _rezip(
        argos_package,
        tmp_path / "evil.argosmodel",
        {"translate-en_es-1_0/../../escaped.txt": b"owned"},
    )
    result = run_main("models", "install", "--file", str(evil))
    assert result.returncode == 2
    assert "unsafe archive" in result.stderr and "escaped.txt" in result.stderr
    assert list(argos_env.iterdir()) == []
    assert not list(tmp_path.rglob("escaped.txt")) and not list(
        argos_env.parent.rglob("escaped.txt")
    )

    absolute = _rezip(argos_package, tmp_path / "abs.argosmodel", {"/tmp/abs-owned.txt": b"x"})
    with pytest.raises(InputError, match="unsafe archive"):
        verify_archive(absolute)


def test_corrupt_and_incomplete_archives(
    argos_env: Path, argos_package: Path, tmp_path: Path
) -> None:
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(argos_package.read_bytes()[: argos_package.stat().st_size // 2])
    result = run_main("models", "install", "--file", str(truncated))
    assert result.returncode == 2
    assert str(truncated) in result.stderr and "download it again" in result.stderr

    # Flip bytes inside the stored model: the zip directory is intact, the CRC is not.
    data = bytearray(argos_package.read_bytes())
    with zipfile.ZipFile(argos_package) as zf:
        info = zf.getinfo("translate-en_es-1_0/model/model.bin")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 100
    data[start : start + 64] = bytes(64)
    flipped = tmp_path / "flipped.argosmodel"
    flipped.write_bytes(bytes(data))
    result = run_main("models", "install", "--file", str(flipped))
    assert result.returncode == 2
    assert "corrupt archive" in result.stderr

    no_meta = _rezip(argos_package, tmp_path / "nometa.argosmodel", {}, drop="metadata.json")
    with pytest.raises(InputError, match="no translate-en_es-1_0/metadata.json"):
        verify_archive(no_meta)
    not_zip = tmp_path / "text.argosmodel"
    not_zip.write_text("hello")
    with pytest.raises(InputError, match="zip"):
        verify_archive(not_zip)
    assert list(argos_env.iterdir()) == []


DISK_FULL_SCRIPT = """
import os, shutil, sys, json
from pathlib import Path
from termwise.mt.packages import install_archive, verify_archive, PackageError
archive, mountpoint, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
packages = mountpoint / "packages"
packages.mkdir()
os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
if mode == "during":
    # Leave just a little more free space than the files need, so the early check passes
    # and the disk runs full while files are written (tmpfs counts whole pages per file).
    need = verify_archive(archive).unpacked_bytes
    free = shutil.disk_usage(mountpoint).free
    with open(mountpoint / "filler", "wb") as f:
        f.write(b"x" * (free - need - 4096))
try:
    install_archive(archive)
except PackageError as error:
    print("ERROR", error)
print("LEFT", sorted(p.name for p in mountpoint.iterdir()), sorted(p.name for p in packages.iterdir()))
"""


@pytest.mark.parametrize("mode", ["early", "during"])
def test_disk_full_leaves_nothing_half_installed(
    argos_package: Path, tmp_path: Path, mode: str
) -> None:
    # A small tmpfs is a real full disk; mounting one needs root or util-linux's unshare.
    assert shutil.which("unshare") is not None or os.geteuid() == 0
    mountpoint = tmp_path / "small"
    mountpoint.mkdir()
    script = tmp_path / "diskfull.py"
    script.write_text(DISK_FULL_SCRIPT)
    size = argos_package.stat().st_size // 2 if mode == "early" else 8 * 1024 * 1024
    shell = (
        f"mount -t tmpfs -o size={size} tmpfs {mountpoint} && "
        f"{sys.executable} {script} {argos_package} {mountpoint} {mode}"
    )
    # A private mount namespace: as root, or as a user through a user namespace.
    command = ["unshare", "-m" if os.geteuid() == 0 else "-Urm", "sh", "-c", shell]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    when = " (the disk ran full while unpacking)" if mode == "during" else ""
    assert f"ERROR not enough disk space to install translate-en_es-1_0.argosmodel{when}: " in (
        result.stdout
    )
    assert "Nothing was installed." in result.stdout
    left = [line for line in result.stdout.splitlines() if line.startswith("LEFT")]
    expected = "['filler', 'packages'] []" if mode == "during" else "['packages'] []"
    assert left == [f"LEFT {expected}"]
