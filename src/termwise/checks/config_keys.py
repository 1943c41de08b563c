"""The keys of ``termwise.toml``'s ``[checks]`` table, as ``check --config-help`` lists them.

The keys listed are those of the schema ``termwise.toml`` is validated against
(``project.settings.SCHEMA``), walked in its order; this module adds what the schema cannot
say: each key's type in words, what it does and an example. A key's default is read from
what ``CheckConfig.from_settings`` makes of a file without it (``RegexCheck``'s own defaults
for a ``[[checks.regex]]`` entry), and the tests read every example through the schema and
the configuration, so the list cannot name a key or a default the validation does not have.
The configuration was documented only in the docstring of ``config.py``, which no user of
the command line reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

from termwise.checks.config import CheckConfig, RegexCheck
from termwise.project.settings import SCHEMA

# What a [[checks.regex]] entry needs before any of its other keys mean anything.
REGEX_ENTRY = '[[checks.regex]]\nid = "no-strategy"\npattern = "strateg(y|ies)"\nmessage = "…"\n'


@dataclass(frozen=True)
class ConfigKey:
    """One key: where it goes, what it holds, its default, what it does, and an example."""

    name: str
    kind: str
    default: Callable[[CheckConfig], object]
    effect: str
    # TOML setting the key (for a regex entry: a whole entry), its last line the key's own.
    example: str

    def default_text(self, defaults: CheckConfig) -> str:
        return _toml(self.default(defaults))

    def example_line(self) -> str:
        return self.example.rstrip("\n").splitlines()[-1]


def _regex_default(name: str) -> Callable[[CheckConfig], object]:
    """A ``[[checks.regex]]`` key's default: ``RegexCheck``'s, or required where it has none."""
    found = next(field for field in dataclasses.fields(RegexCheck) if field.name == name)
    value = found.default
    return lambda _: "(required)" if value is dataclasses.MISSING else value


def _toml(value: object) -> str:
    """A default as it would be written in ``termwise.toml``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return f'"{value.value}"'
    if value is None:
        return "(none)"
    if isinstance(value, Mapping):
        return "{}" if not value else repr(dict(value))
    if isinstance(value, (frozenset, tuple, list)):
        return "[]" if not value else repr(sorted(value))
    if isinstance(value, str) and value.startswith("("):
        return value
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


CHECKS_KEYS: tuple[ConfigKey, ...] = (
    ConfigKey(
        "disable",
        "list of check ids",
        lambda config: config.disabled,
        "these checks do not run (check --list names the ids)",
        '[checks]\ndisable = ["length-ratio"]\n',
    ),
    ConfigKey(
        "enable",
        "list of check ids",
        lambda config: "(every check)" if config.enabled_only is None else config.enabled_only,
        "only these checks run (less any disabled)",
        '[checks]\nenable = ["term-missing"]\n',
    ),
    ConfigKey(
        "severity.<check-id>",
        '"error"|"warning"|"info"',
        lambda config: "(the check's own)" if not config.severities else config.severities,
        "the severity of that check's issues (--fail-on compares it)",
        '[checks.severity]\nterm-missing = "error"\n',
    ),
    ConfigKey(
        "consistency.ignore-whitespace",
        "boolean",
        lambda config: config.ignore_whitespace,
        "spacing alone (a line break, two spaces) makes no two texts inconsistent",
        "[checks.consistency]\nignore-whitespace = false\n",
    ),
    ConfigKey(
        "consistency.ignore-case",
        "boolean",
        lambda config: config.ignore_case,
        "case alone makes no two texts inconsistent",
        "[checks.consistency]\nignore-case = true\n",
    ),
    ConfigKey(
        "length-ratio.tolerance",
        "number over 1",
        lambda config: config.length_tolerance,
        "length-ratio reports a target this many times longer or shorter than usual",
        "[checks.length-ratio]\ntolerance = 3.0\n",
    ),
    ConfigKey(
        "spelling.words",
        "list of words",
        lambda config: config.spelling_words,
        "words the spelling check accepts in every language (names, coinages)",
        '[checks.spelling]\nwords = ["Jinping"]\n',
    ),
    ConfigKey(
        "spelling.dictionaries",
        "table: language = dictionary",
        lambda config: config.spelling_dictionaries,
        "the Hunspell dictionary spelling uses for a language",
        '[checks.spelling]\ndictionaries = { es = "es_MX" }\n',
    ),
    ConfigKey(
        "[[regex]].id",
        "lower-case letters, digits, '-'",
        _regex_default("id"),
        "a check of the project's own: its id (for --list, disable, severity)",
        REGEX_ENTRY.replace("no-strategy", "no-strategies"),
    ),
    ConfigKey(
        "[[regex]].pattern",
        "Python regular expression",
        _regex_default("pattern"),
        "every match is an issue",
        REGEX_ENTRY.replace("strateg(y|ies)", "strategy"),
    ),
    ConfigKey(
        "[[regex]].message",
        "text",
        _regex_default("message"),
        "what the issue says",
        REGEX_ENTRY.replace("…", "an initiative, never a strategy"),
    ),
    ConfigKey(
        "[[regex]].side",
        '"source"|"target"|"both"',
        _regex_default("side"),
        "which text the pattern is searched in",
        REGEX_ENTRY + 'side = "source"\n',
    ),
    ConfigKey(
        "[[regex]].severity",
        '"error"|"warning"|"info"',
        _regex_default("severity"),
        "the severity of its issues",
        REGEX_ENTRY + 'severity = "error"\n',
    ),
    ConfigKey(
        "[[regex]].flags",
        'text ("i")',
        lambda _: "",
        '"i": the pattern ignores case',
        REGEX_ENTRY + 'flags = "i"\n',
    ),
    ConfigKey(
        "[[regex]].lang",
        "language tag",
        _regex_default("lang"),
        "only a text in this language is searched (default: every language)",
        REGEX_ENTRY + 'lang = "es"\n',
    ),
    ConfigKey(
        "[[regex]].replacement",
        "text (\\1 for a group)",
        _regex_default("replacement"),
        "the fix offered for a match (fix, the workbench); without it, none",
        REGEX_ENTRY + 'replacement = "initiative"\n',
    ),
)


def schema_keys() -> list[str]:
    """The ``[checks]`` keys the schema validates, named as ``CHECKS_KEYS`` names them: a
    table's key ``table.key``, a table of the user's keys (check ids) ``table.<check-id>``
    where its values are severities, a ``[[checks.regex]]`` entry's key ``[[regex]].key``."""
    names: list[str] = []

    def walk(table: Mapping[str, object], prefix: str) -> None:
        for key, expected in table.items():
            if isinstance(expected, Mapping):
                walk(expected, f"{prefix}{key}.")
            elif isinstance(expected, list):
                walk(expected[0], f"{prefix}[[{key}]].")
            else:
                names.append(f"{prefix}{key}")

    walk(SCHEMA["checks"], "")
    return names


def config_rows() -> list[dict[str, str]]:
    """Every key the schema validates, in its order, with its type, its default as a file
    without it gets it, what it does and an example line."""
    defaults = CheckConfig.from_settings({})
    described = {key.name.split(".<")[0]: key for key in CHECKS_KEYS}
    rows = []
    for name in schema_keys():
        key = described[name]
        rows.append(
            {
                "key": key.name,
                "type": key.kind,
                "default": key.default_text(defaults),
                "effect": key.effect,
                "example": key.example_line(),
            }
        )
    return rows


def config_help_text() -> str:
    """The keys one a line, in columns: name, type, default, what it does."""
    rows = config_rows()
    heading = {"key": "key", "type": "type", "default": "default", "effect": "what it does"}
    widths = {column: max(len(row[column]) for row in [heading, *rows]) for column in heading}
    lines = [
        "The [checks] table of termwise.toml; every key may be left out. A key a.b is b "
        "under [checks.a]; each [[checks.regex]] entry is a check of the project's own:"
    ]
    for row in [heading, *rows]:
        lines.append(
            "  ".join(f"{row[column]:<{widths[column]}}" for column in ("key", "type", "default"))
            + f"  {row['effect']}"
        )
    return "\n".join(lines) + "\n"
