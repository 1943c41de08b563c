"""``termwise.toml``: read and checked whole, before any command uses a setting.

Every key the file may hold is listed here with its type. A key of the wrong type, an
unknown key, a value out of range (``tolerance = nan``), a file that is not UTF-8, or a
``termwise.toml`` that is a folder is one error naming the file, the key and, where it can
be found, the line: a setting that silently does nothing, or a traceback, is worse than a
refusal. What the values mean is up to the capability that uses them
(``checks/config.py`` for ``[checks]``; ``MTSettings`` below for ``[mt]``).

Example::

    [mt]
    engine = "apertium"   # argos or apertium (default: Argos where a model is installed)
    beam = 4              # Argos beam size, 1 to 64
    on-opening = false    # the workbench leaves MT to F2 (default: it translates on opening)
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termwise.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_TOML_POSITION = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")
_TOML_AT_END = "(at end of document)"

MT_ENGINES = ("argos", "apertium")
BEAM_RANGE = (1, 64)


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file; not a regular file, not UTF-8 or not TOML is an ``InputError``
    naming the file and, for syntax, the line and column."""
    from termwise.input_files import read_input

    data = read_input(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"not valid UTF-8 (found {data[error.start : error.start + 4]!r}); TOML files are "
            "UTF-8: save it as UTF-8",
            path,
            line=line,
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib gives the position only inside the message before Python 3.14.
        found = _TOML_POSITION.search(str(error))
        position: int | None = getattr(error, "lineno", None)
        column: int | None = getattr(error, "colno", None)
        at_end = found is None and _TOML_AT_END in str(error)
        if found is not None:
            position, column = position or int(found["line"]), column or int(found["column"])
        elif at_end and position is None:
            # An unterminated string or table at the end: the place is just past the text.
            position = text.count("\n") + 1
            column = len(text) - (text.rfind("\n") + 1) + 1
        message = _TOML_POSITION.sub("", str(error)).replace(_TOML_AT_END, "").strip()
        if at_end:
            message += " at the end of the file"
        raise InputError(f"invalid TOML: {message}", path, line=position, column=column) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables by recursion.
        raise InputError("invalid TOML: nested too deeply", path) from None


def load_settings(path: Path) -> dict[str, Any]:
    """The parsed and checked ``termwise.toml`` (an empty table when there is none)."""
    if not path.exists() and not path.is_symlink():
        return {}
    settings = load_toml(path)
    problem = _check_table(settings, SCHEMA, ())
    if problem is not None:
        keys, message = problem
        dotted = ".".join(keys)
        raise InputError(f"{dotted}: {message}", path, line=line_of(path, keys))
    return settings


# --- the schema ---------------------------------------------------------------------------

Check = Callable[[Any], str | None]  # None: fine; else what is wrong, for the user


def _string(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be a string, not {_shown(value)}"


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_shown(value)}"


def _strings(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return None
    return f'must be a list of strings, such as ["a", "b"], not {_shown(value)}'


def _one_of(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, str) and value.strip().lower() in choices:
            return None
        return f"must be one of {', '.join(choices)}, not {_shown(value)}"

    return check


def _integer(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return None
        return f"must be a whole number from {low} to {high}, not {_shown(value)}"

    return check


def _number_above(low: float) -> Check:
    def check(value: Any) -> str | None:
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and value > low
        ):
            return None
        return f"must be a number greater than {low:g}, not {_shown(value)}"

    return check


@dataclass(frozen=True)
class _TableOf:
    """A table whose keys are the user's (check ids, languages), each value checked."""

    check: Check


def _severity(value: Any) -> str | None:
    if _one_of("error", "warning", "info")(value) is None:
        return None
    return f"unknown severity {_shown(value)}; use one of error, warning, info"


# Nested dicts are tables; a list holding one dict is an array of tables.
SCHEMA: dict[str, Any] = {
    # [mt.terms]: concept id → the admitted rendering to force instead of the preferred one.
    "mt": {
        "engine": _one_of(*MT_ENGINES),
        "beam": _integer(*BEAM_RANGE),
        "on-opening": _boolean,
        "terms": _TableOf(_string),
    },
    "checks": {
        "disable": _strings,
        "enable": _strings,
        "severity": _TableOf(_severity),
        "consistency": {"ignore-whitespace": _boolean, "ignore-case": _boolean},
        "length-ratio": {"tolerance": _number_above(1.0)},
        "spelling": {"words": _strings, "dictionaries": _TableOf(_string)},
        "regex": [
            {
                "id": _string,
                "pattern": _string,
                "message": _string,
                "side": _one_of("source", "target", "both"),
                "severity": _severity,
                "flags": _string,
                "lang": _string,
                "replacement": _string,
            }
        ],
    },
}


def _check_table(
    value: Any, schema: Mapping[str, Any], keys: tuple[str, ...]
) -> tuple[tuple[str, ...], str] | None:
    if not isinstance(value, Mapping):
        return keys, f"must be a table ([{'.'.join(keys)}]), not {_shown(value)}"
    for key, item in value.items():
        where = (*keys, key)
        expected = schema.get(key)
        if expected is None:
            if not keys:
                known = " and ".join(f"[{name}]" for name in schema)
                return where, f"unknown table; termwise.toml holds {known}"
            known = ", ".join(schema)
            return where, f"unknown setting; [{'.'.join(keys)}] holds {known}"
        problem = _check_value(item, expected, where)
        if problem is not None:
            return problem
    return None


def _check_value(
    value: Any, expected: Any, keys: tuple[str, ...]
) -> tuple[tuple[str, ...], str] | None:
    if isinstance(expected, Mapping):
        return _check_table(value, expected, keys)
    if isinstance(expected, _TableOf):
        if not isinstance(value, Mapping):
            return keys, f"must be a table ([{'.'.join(keys)}]), not {_shown(value)}"
        for key, item in value.items():
            wrong = expected.check(item)
            if wrong is not None:
                return (*keys, key), wrong
        return None
    if isinstance(expected, list):
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            return keys, f"must be tables ([[{'.'.join(keys)}]]), not {_shown(value)}"
        for index, item in enumerate(value):
            found = _check_table(item, expected[0], (*keys[:-1], f"{keys[-1]}[{index + 1}]"))
            if found is not None:
                return found
        return None
    wrong = expected(value)
    return (keys, wrong) if wrong is not None else None


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def line_of(path: Path, keys: tuple[str, ...]) -> int | None:
    """The line that sets the last key, when exactly one line does (a hint, not a parse)."""
    leaf = re.sub(r"\[\d+\]$", "", keys[-1]) if keys else ""
    if not leaf:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^\s*(\[+\s*)?[\w.\"'-]*\b{re.escape(leaf)}\b[\"']?\s*(=|\]|\.)")
    found = [number for number, line in enumerate(lines, 1) if pattern.match(line)]
    return found[0] if len(found) == 1 else None


# --- [mt] -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MTSettings:
    """The project's machine translation defaults; command-line flags override them."""

    engine: str | None = None
    beam: int | None = None
    # Whether the workbench machine-translates untranslated segments when it opens.
    on_opening: bool = True
    # Concept id → the admitted rendering glossary-constrained MT forces ([mt.terms]).
    terms: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> MTSettings:
        table = settings.get("mt", {})
        engine = table.get("engine")
        beam = table.get("beam")
        return cls(
            engine=str(engine).strip().lower() if engine is not None else None,
            beam=int(beam) if beam is not None else None,
            on_opening=bool(table.get("on-opening", True)),
            terms={str(k): str(v) for k, v in table.get("terms", {}).items()},
        )

    def engine_options(self) -> dict[str, Any]:
        """Options for ``select_engine`` (Argos's ``beam_size``)."""
        return {"beam_size": self.beam} if self.beam is not None else {}


def set_setting(path: Path, keys: tuple[str, ...], value: Any, *, append: bool = False) -> None:
    """Set one key of the ``termwise.toml`` at ``path`` (``("mt", "on-opening")``), keeping
    the rest of the file, its comments and layout too, as it is: a choice the workbench
    remembers for the project is written where the translator reads and edits settings.

    With ``append`` the value is added to the list the key holds (made if there is none),
    so that the list keeps its own layout and the comments between its items.

    A file termwise cannot read is not rewritten; the new file is checked as every command
    checks it before it replaces the old one, atomically.
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from termwise.atomic import write_atomic

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text:
        load_settings(path)
    try:
        document = tomlkit.parse(text)
        table: Any = document
        for key in keys[:-1]:
            if key not in table:
                table[key] = tomlkit.table()
            table = table[key]
        held = table.get(keys[-1]) if append else None
        if isinstance(held, list):
            held.append(value)
        else:
            table[keys[-1]] = [value] if append else value
        updated = tomlkit.dumps(document)
        problem = _check_table(tomllib.loads(updated), SCHEMA, ())
    except (TOMLKitError, tomllib.TOMLDecodeError, TypeError, ValueError) as error:
        # An [mt] written as an inline table, a key that is a value of another kind: the
        # user's own layout, left for the user to change.
        raise InputError(
            f"could not set {'.'.join(keys)} ({error}); set it by hand", path
        ) from error
    if problem is not None:
        where, message = problem
        raise InputError(f"could not set {'.'.join(keys)}: {'.'.join(where)}: {message}", path)
    write_atomic(path, updated)


def set_mt_on_opening(path: Path, on_opening: bool) -> None:
    """``[mt] on-opening``: a translator who declined MT for a pair without an engine is not
    asked again at every opening."""
    set_setting(path, ("mt", "on-opening"), on_opening)


def disable_check(path: Path, check_id: str) -> None:
    """Add ``check_id`` to ``[checks] disable``: a check that only makes noise for this
    project's texts is turned off for every command, as by hand."""
    table = load_settings(path).get("checks", {}) if path.exists() else {}
    disabled = list(table.get("disable", []))
    if check_id not in disabled:
        set_setting(path, ("checks", "disable"), check_id, append=True)
