"""Time from launching ``scripts/demo`` to its first screen, in a real terminal (tmux).

termwise: a machine already set up (``scripts/setup`` finds its stamp current and skips pip).
Peer, in the same run: the same launch with the stamp removed, which is what every launch
did before the stamp existed (pip re-checked and re-installed termwise each time).

The demo runs in a copy of the working tree whose ``.venv`` is a real virtual environment
that sees this environment's packages through a ``.pth`` file, so the peer's ``pip install
-e .`` installs into the copy and never touches the environment running the benchmark.
Usage: .venv/bin/python bench/demo_start.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_SCREEN = "Quit"  # the footer: the workbench has drawn its first screen


def make_clone(where: Path) -> Path:
    clone = where / "termwise"
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in files:
        source = ROOT / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", ".venv"], cwd=clone, check=True)
    purelib = Path(
        sysconfig.get_path("purelib", vars={"base": str(clone / ".venv")}),
    )
    (purelib / "benchmark-shares-packages.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    # Set it up once for real (pip install -e . into the copy), which writes the stamp.
    subprocess.run(["bash", "scripts/setup"], cwd=clone, check=True)
    return clone


def first_screen(clone: Path, env: dict[str, str]) -> float:
    socket = f"termwise-bench-{os.getpid()}-{time.monotonic_ns()}"
    tmux = ["tmux", "-L", socket]
    started = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "160", "-y", "50", "-c", str(clone)]
        + ["scripts/demo; sleep 60"],
        env=env,
        check=True,
    )
    try:
        while True:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True
            ).stdout
            if FIRST_SCREEN in screen:
                return time.perf_counter() - started
            if time.perf_counter() - started > 120:
                raise RuntimeError(f"no first screen after 120 s:\n{screen}")
            time.sleep(0.02)
    finally:
        subprocess.run([*tmux, "send-keys", "C-q"], capture_output=True)
        time.sleep(1.0)
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two runs each instead of five")
    runs = 2 if parser.parse_args().quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        clone = make_clone(Path(tmp))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "PYTHONPATH": str(clone / "src"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
        }
        first_screen(clone, env)  # the very first start segments the paper and fills caches
        set_up: list[float] = []
        reinstall: list[float] = []
        for _ in range(runs):
            set_up.append(first_screen(clone, env))
            (clone / ".venv/.termwise-setup").unlink()
            reinstall.append(first_screen(clone, env))
    median, peer = statistics.median(set_up), statistics.median(reinstall)
    print(f"set up (stamp current): {', '.join(f'{t:.2f}' for t in set_up)} s")
    print(f"pip on every launch:    {', '.join(f'{t:.2f}' for t in reinstall)} s")
    print(f"first screen, median: {median:.2f} s against {peer:.2f} s ({peer / median:.1f}x)")


if __name__ == "__main__":
    main()
