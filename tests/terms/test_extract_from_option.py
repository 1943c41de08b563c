"""``terms extract --from LANG``: the documents' language under the name align, check and
translate give it; ``--lang`` still works."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TEXT = """\
Le point de puissance maximale dépend de la température. Le suivi du point de puissance \
maximale est le travail de l'onduleur. Un onduleur sans suivi du point de puissance maximale \
perd une partie de la production des panneaux solaires. Les panneaux solaires sont posés sur \
le toit.
"""


def termwise(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", *args], capture_output=True, text=True, cwd=cwd
    )


def test_from_names_the_documents_language_as_lang_does(tmp_path: Path) -> None:
    (tmp_path / "solaire.txt").write_text(TEXT, encoding="utf-8")
    by_from = termwise(tmp_path, "terms", "extract", "solaire.txt", "--from", "fr", "--format",
                       "json")  # fmt: skip
    assert by_from.returncode == 0, by_from.stderr
    found = {candidate["term"] for candidate in json.loads(by_from.stdout)["candidates"]}
    assert {"onduleur", "panneaux solaires"} <= found
    by_lang = termwise(tmp_path, "terms", "extract", "solaire.txt", "--lang", "fr", "--format",
                       "json")  # fmt: skip
    assert by_lang.stdout == by_from.stdout
