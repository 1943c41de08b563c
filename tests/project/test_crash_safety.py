"""Kill a process while it saves, many times: the project file is always a whole version.

The writer is a forked child of the test (so each round costs no interpreter start-up); it
saves new versions in a loop until the test kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

UNITS = 300
KILLS = 50


def write_versions_forever(path: Path, first_version: int) -> None:
    tfile = TranslationFile.load(path)
    version = first_version
    while True:
        version += 1
        for index, unit in enumerate(tfile.units.values()):
            unit.set_translation(f"traducción {index} versión {version}", reviewed=version % 2 == 0)
        tfile.save()


def versions_in(path: Path) -> set[str]:
    tfile = TranslationFile.load(path)
    assert len(tfile.units) == UNITS
    return {unit.target.rsplit(" ", 1)[-1] for unit in tfile.units.values()}


def test_sigkill_during_saves_never_damages_the_file(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.txt")
    for index in range(UNITS):
        tfile.units[f"s{index}"] = TranslationUnit(f"s{index}", f"Sentence number {index}.")
    tfile.save(path)
    rng = random.Random(6)
    seen_versions: set[str] = set()
    version = 0
    killed_mid_write = 0
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:  # the writer: never returns into pytest
            try:
                write_versions_forever(path, version)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.02, 0.3))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

        versions = versions_in(path)
        assert len(versions) == 1, f"mixed versions in one file: {sorted(versions)[:5]}"
        seen_versions |= versions
        backup = Path(str(path) + "~")
        if backup.exists():
            assert len(versions_in(backup)) == 1
        last = next(iter(versions))
        version = int(last) if last.isdigit() else 0
        # A kill between creating and renaming the temporary file leaves it behind; it is
        # harmless, and never taken for the project file.
        for leftover in tmp_path.glob(".paper.es.po*.tmp"):
            killed_mid_write += 1
            leftover.unlink()
    # The kills really landed while saving: versions moved on, and some kills interrupted a
    # write in progress.
    assert len(seen_versions) > KILLS // 3
    assert killed_mid_write > 0, "no kill landed while a temporary file was being written"
    final = TranslationFile.load(path)
    states = {unit.state for unit in final.units.values()}
    assert states <= {SegmentState.EDITED, SegmentState.REVIEWED}
    check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True)
    assert check.returncode == 0, check.stderr
