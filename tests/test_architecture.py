"""The core never imports the UI: everything but ``termwise.tui`` must work without Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import termwise

SRC = Path(termwise.__file__).parent


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(SRC)], prefix="termwise."):
        if info.name == "termwise.tui" or info.name.startswith("termwise.tui."):
            continue
        names.append(info.name)
    return names


def test_core_modules_import_without_textual() -> None:
    modules = core_modules()
    assert "termwise.cli" in modules
    # A meta-path finder that refuses textual makes any import of it fail loudly.
    program = (
        "import sys, importlib\n"
        "class Refuse:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('core imported ' + name)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Refuse())\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_core_source_mentions_textual_imports() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "tui" not in path.relative_to(SRC).parts
        and any(
            line.lstrip().startswith(("import textual", "from textual"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
