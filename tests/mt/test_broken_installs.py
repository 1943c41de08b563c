"""Installs that fail, are killed or meet a broken package: through the installed ``termwise``.

Each failure is one line naming the file and what to do, exit status 2, no traceback, and
nothing left where Argos or termwise would look for packages.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from support.argos_packages import build_argos_package

TERMWISE = Path(sys.executable).parent / "termwise"


def termwise(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TERMWISE), *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def _rezip(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        for name, data in extra.items():
            zout.writestr(name, data)
    return target


def _staging_folders(argos_env: Path) -> list[Path]:
    return [p for p in argos_env.parent.iterdir() if p.name.startswith(".termwise-")]


def test_a_bad_language_code_is_refused_before_anything_is_moved_into_place(
    argos_env: Path, tmp_path: Path
) -> None:
    bad = build_argos_package(tmp_path, "en", "zz9")
    result = termwise("models", "install", "--file", str(bad))
    assert_one_line_refusal(result, str(bad), "to_code 'zz9' is no language code")
    assert list(argos_env.iterdir()) == []
    assert _staging_folders(argos_env) == []


def test_a_broken_package_is_reported_by_list_and_removed_by_folder_name(
    argos_env: Path, argos_package: Path, tmp_path: Path
) -> None:
    assert termwise("models", "install", "--file", str(argos_package)).returncode == 0
    # A folder an older termwise (or a hand copy) left: metadata with a bad language code.
    broken = argos_env / "translate-en_bad"
    shutil.copytree(argos_env / "translate-en_es-1_0", broken)
    metadata = json.loads((broken / "metadata.json").read_text())
    metadata["to_code"] = "!!"
    (broken / "metadata.json").write_text(json.dumps(metadata))
    (argos_env / "not-a-package").mkdir()

    listed = termwise("models", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    argos = [row for row in json.loads(listed.stdout) if row["engine"] == "argos"]
    assert [(row["from"], row["to"]) for row in argos] == [("en", "es")]
    assert "Traceback" not in listed.stderr
    warnings = listed.stderr.strip().splitlines()
    assert len(warnings) == 2
    assert "not-a-package" in warnings[0]
    assert str(broken) in warnings[1] and "termwise models remove translate-en_bad" in warnings[1]
    assert "bad language code '!!'" in warnings[1]

    removed = termwise("models", "remove", "translate-en_bad")
    assert removed.returncode == 0, removed.stderr
    assert not broken.exists()
    assert (argos_env / "translate-en_es-1_0").is_dir()
    again = termwise("models", "remove", "translate-en_bad")
    assert_one_line_refusal(again, "no broken package folder 'translate-en_bad'")


def test_archive_layouts_no_file_system_holds_are_refused(
    argos_env: Path, argos_package: Path, tmp_path: Path
) -> None:
    top = "translate-en_es-1_0"
    clash = _rezip(argos_package, tmp_path / "clash.argosmodel", {f"{top}/model": b"a file"})
    result = termwise("models", "install", "--file", str(clash))
    assert_one_line_refusal(result, str(clash), "is both a file and a folder")

    long_name = _rezip(
        argos_package, tmp_path / "long.argosmodel", {f"{top}/{'n' * 300}.txt": b"x"}
    )
    result = termwise("models", "install", "--file", str(long_name))
    assert_one_line_refusal(result, str(long_name), "too long")
    assert list(argos_env.iterdir()) == []
    assert _staging_folders(argos_env) == []


def test_a_fifo_given_as_package_is_refused(argos_env: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.argosmodel"
    os.mkfifo(fifo)
    result = termwise("models", "install", "--file", str(fifo), timeout=20)
    assert_one_line_refusal(result, str(fifo), "named pipe")


def test_a_killed_install_leaves_staging_that_the_next_run_cleans(
    argos_env: Path, argos_package: Path, tmp_path: Path
) -> None:
    # 96 MB of incompressible padding, so that the unpacking lasts long enough to be killed.
    padded = _rezip(
        argos_package,
        tmp_path / "padded.argosmodel",
        {f"translate-en_es-1_0/padding-{i}.bin": os.urandom(8 << 20) for i in range(12)},
    )
    killed = False
    for _ in range(5):
        process = subprocess.Popen(
            [str(TERMWISE), "models", "install", "--file", str(padded)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            staged = [p for p in _staging_folders(argos_env) if any(p.rglob("padding-*"))]
            if staged:
                process.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.005)
        process.wait()
        if killed:
            break
        shutil.rmtree(argos_env)
        argos_env.mkdir()
    assert killed, "the install finished before it could be killed"
    left = _staging_folders(argos_env)
    assert left, "a killed install leaves its staging folder (this is what must be cleaned)"
    assert not (argos_env / "translate-en_es-1_0").exists()

    # Another install in progress (its lock held) is not touched by the cleaning.
    live = argos_env.parent / ".termwise-install-live"
    live.mkdir()
    lock = os.open(live / ".owner.lock", os.O_CREAT | os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        result = termwise("models", "install", "--file", str(argos_package))
        assert result.returncode == 0, result.stderr
        assert _staging_folders(argos_env) == [live]
    finally:
        os.close(lock)
    assert termwise("models", "list").returncode == 0
    assert _staging_folders(argos_env) == []
