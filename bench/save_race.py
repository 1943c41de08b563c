"""How many edits another program saves while ``termwise import`` saves are lost.

An editor process waits until termwise is writing its temporary file (after termwise's check
of the file on disk, before its rename), then saves its own edit of the PO file. Each round
counts the edit as kept (on disk at the end) or lost; termwise's answer (saved or refused)
is counted too. Run: ``python bench/save_race.py --segments 6000 --rounds 10``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from project.test_save_race import _document, _editor  # noqa: E402

TERMWISE = Path(sys.executable).parent / "termwise"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=6000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        document, memory = _document(root, args.segments)
        command = [str(TERMWISE), "import", memory.name, "--doc", document.name, "--to", "es"]
        subprocess.run(command, cwd=root, check=True, capture_output=True)
        po = root / "translations" / "doc.es.po"
        kept = lost = refused = saved = 0
        for attempt in range(args.rounds):
            change = root / "change.tmx"
            change.write_text(
                memory.read_text().replace("Frase 1 traducida.", f"Frase 1, ronda {attempt}.")
            )
            old, new = f"Frase {100 + attempt} traducida.", f"Editor {attempt}."
            editor = subprocess.Popen(
                _editor(po, old, new, wait_for_save=True), stdout=subprocess.PIPE, text=True
            )
            time.sleep(0.05)
            ours = subprocess.run(
                [*command[:2], change.name, *command[3:], "--overwrite"],
                cwd=root,
                capture_output=True,
                text=True,
            )
            editor.communicate(timeout=120)
            if new in po.read_text():
                kept += 1
            else:
                lost += 1
            if ours.returncode == 0:
                saved += 1
            else:
                refused += 1
        print(
            f"{args.segments} segments, {args.rounds} rounds: editor's edits kept {kept}, "
            f"lost {lost}; termwise saved {saved}, refused {refused}"
        )


if __name__ == "__main__":
    main()
