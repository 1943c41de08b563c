"""``segments --from LANG``: the document's language under the name align, check and
translate give it; ``--lang`` still works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def termwise(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", *args], capture_output=True, text=True, cwd=cwd
    )


def test_from_names_the_documents_language_as_lang_does(tmp_path: Path) -> None:
    # "Pr." ends no sentence in French; read as English, it cut the sentence in two.
    (tmp_path / "solaire.txt").write_text(
        "Selon le Pr. Durand, le point de puissance maximale change.\n", encoding="utf-8"
    )
    english = termwise(tmp_path, "segments", "solaire.txt", "--lang", "en", "--format", "lines")
    assert english.stdout.splitlines() == [
        "Selon le Pr.",
        "Durand, le point de puissance maximale change.",
    ]
    by_from = termwise(tmp_path, "segments", "solaire.txt", "--from", "fr", "--format", "lines")
    assert by_from.returncode == 0, by_from.stderr
    assert by_from.stdout.splitlines() == [
        "Selon le Pr. Durand, le point de puissance maximale change."
    ]
    by_lang = termwise(tmp_path, "segments", "solaire.txt", "--lang", "fr", "--format", "lines")
    assert by_lang.stdout == by_from.stdout
