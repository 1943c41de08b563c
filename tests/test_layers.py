"""The package layers, declared and enforced: a package imports only its own layer or lower.

From the top:

1. **the interface**: ``termwise.tui``, ``termwise.cli`` (and ``termwise.__main__``, which
   runs it) and every ``termwise.*.commands`` module. The command modules stay beside the capability they drive (``mt/commands.py``
   next to the engines, ``glossary/commands.py`` next to the formats), so that each
   capability is one folder a newcomer can read whole; they are the top layer wherever they
   live, and nothing below may import them.
2. **features built on a project**: ``checks``, ``export``, ``review``, ``align``, ``terms``;
3. **the project**: ``project`` (translation files, saving, imports);
4. **capabilities**: ``glossary``, ``mt``, ``document``;
5. **the core**: ``termwise`` itself, ``errors``, ``languages``, ``atomic`` and any other
   module directly under ``termwise/``.

Packages of one layer may import each other. Every import counts, also one inside a
function or under ``TYPE_CHECKING``: an upward import there is the same tangle, merely
deferred. The contract is read from the source with ``ast`` (no import-linter needed), and
``test_the_contract_catches_an_upward_import`` shows it failing on a deliberate bad import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import termwise

SRC = Path(termwise.__file__).parent

INTERFACE, FEATURES, PROJECT, CAPABILITIES, CORE = range(5)
LAYER_NAMES = ("interface", "features", "project", "capabilities", "core")
PACKAGE_LAYERS = {
    "tui": INTERFACE,
    "cli": INTERFACE,
    "__main__": INTERFACE,
    "checks": FEATURES,
    "export": FEATURES,
    "review": FEATURES,
    "align": FEATURES,
    "terms": FEATURES,
    "project": PROJECT,
    "glossary": CAPABILITIES,
    "mt": CAPABILITIES,
    "document": CAPABILITIES,
}


def layer_of(module: str) -> int:
    parts = module.split(".")
    if parts[-1] == "commands":
        return INTERFACE
    if len(parts) == 1:
        return CORE
    return PACKAGE_LAYERS.get(parts[1], CORE)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str) -> list[tuple[str, int]]:
    """The highest-layer ``termwise`` module each import statement of ``source`` reaches,
    with its line (relative imports resolved against ``module``)."""
    found: list[tuple[str, int]] = []
    package = module.split(".")
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            # ``from termwise import tui`` reaches the module termwise.tui.
            names = [name, *(f"{name}.{alias.name}" for alias in node.names)]
        names = [name for name in names if name.split(".")[0] == "termwise"]
        if names:
            highest = min(names, key=lambda name: (layer_of(name), len(name)))
            found.append((highest, node.lineno))
    return found


def violations(root: Path) -> list[str]:
    """Each import in the package at ``root`` of a module in a higher layer."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        mine = layer_of(module)
        for name, line in imported_modules(path.read_text(encoding="utf-8"), module):
            theirs = layer_of(name)
            if theirs < mine:
                found.append(
                    f"{path.relative_to(root.parent)}:{line}: {module} ({LAYER_NAMES[mine]}) "
                    f"imports {name} ({LAYER_NAMES[theirs]})"
                )
    return found


def test_no_package_imports_a_higher_layer() -> None:
    assert violations(SRC) == []


def test_the_contract_catches_an_upward_import(tmp_path: Path) -> None:
    tree = tmp_path / "termwise"
    (tree / "project").mkdir(parents=True)
    (tree / "glossary").mkdir()
    (tree / "__init__.py").write_text("")
    (tree / "project" / "__init__.py").write_text("")
    (tree / "glossary" / "__init__.py").write_text("")
    (tree / "project" / "store.py").write_text(
        "from termwise.errors import TermwiseError\n"
        "def save():\n"
        "    from termwise.tui.app import ReviewApp\n"
    )
    (tree / "glossary" / "model.py").write_text(
        "from termwise.glossary import matcher\nfrom ..project import store\n"
    )
    assert violations(tree) == [
        "termwise/glossary/model.py:2: termwise.glossary.model (capabilities) imports "
        "termwise.project (project)",
        "termwise/project/store.py:3: termwise.project.store (project) imports "
        "termwise.tui.app (interface)",
    ]


def test_command_modules_are_the_top_layer_wherever_they_live() -> None:
    assert layer_of("termwise.mt.commands") == INTERFACE
    assert layer_of("termwise.document.commands") == INTERFACE
    assert layer_of("termwise.mt.engine") == CAPABILITIES
    assert layer_of("termwise.errors") == CORE
    assert layer_of("termwise") == CORE
