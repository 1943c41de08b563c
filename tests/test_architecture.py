"""The core never imports the UI: everything but ``termwise.tui`` must work without Textual."""

from __future__ import annotations

import os
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


def test_the_review_model_works_without_textual(tmp_path: Path) -> None:
    """The review session (edit, fix, join, split, undo, save) runs with Textual refused."""
    assert "termwise.review.session" in core_modules()
    tests_dir = Path(__file__).resolve().parent
    program = (
        "import sys\n"
        "class Refuse:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('the review model imported ' + name)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Refuse())\n"
        f"sys.path.insert(0, {str(tests_dir)!r})\n"
        "import shutil\n"
        "from pathlib import Path\n"
        "from support.review_project import SEED, write_test_glossary\n"
        "from termwise.project.layout import ProjectLayout\n"
        "from termwise.review.session import ReviewSession\n"
        f"root = Path({str(tmp_path)!r})\n"
        "(root / 'seeds').mkdir()\n"
        "paper = root / 'seeds' / SEED.name\n"
        "shutil.copy(SEED, paper)\n"
        "write_test_glossary(root / 'glossary')\n"
        "session = ReviewSession(ProjectLayout.at(root), paper, 'es')\n"
        "first = session.rows[0].segment_id\n"
        "session.set_target(first, 'Resumen')\n"
        "document, targets, generation = session.check_inputs()\n"
        "session.set_issues(session.compute_issues(document, targets), generation)\n"
        "issue = next(i for i in session.issues if i.text == 'human destiny community')\n"
        "session.apply_fix(session.plan_fix(issue, 'variants'))\n"
        "count = len(session.rows)\n"
        "session.join_with_next(first)\n"
        "assert len(session.rows) == count - 1\n"
        "session.undo()\n"
        "assert len(session.rows) == count\n"
        "session.save()\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)\n"
        "print('ok')\n"
    )
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
