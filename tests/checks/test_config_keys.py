"""The keys ``check --config-help`` lists are the ones termwise.toml's schema validates and
``CheckConfig.from_settings`` reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.checks.config import CheckConfig
from termwise.checks.config_keys import (
    CHECKS_KEYS,
    REGEX_ENTRY,
    ConfigKey,
    config_rows,
    schema_keys,
)
from termwise.project.settings import load_settings


def _settings(tmp_path: Path, toml: str) -> CheckConfig:
    """``toml`` as termwise.toml is read: validated against the schema, then configured."""
    path = tmp_path / "termwise.toml"
    path.write_text(toml, encoding="utf-8")
    return CheckConfig.from_settings(load_settings(path), path=path)


def test_the_list_is_the_schemas_keys_each_described_once() -> None:
    described = [key.name.split(".<")[0] for key in CHECKS_KEYS]
    assert sorted(described) == sorted(schema_keys())
    assert [row["key"].split(".<")[0] for row in config_rows()] == schema_keys()


@pytest.mark.parametrize("key", CHECKS_KEYS, ids=lambda key: key.name)
def test_every_example_validates_and_changes_the_configuration(
    key: ConfigKey, tmp_path: Path
) -> None:
    # Against the defaults (a regex key: the same entry without it), read as termwise.toml is.
    regex = key.name.startswith("[[regex]].")
    defaults = _settings(tmp_path, REGEX_ENTRY if regex else "")
    assert _settings(tmp_path, key.example) != defaults


def test_defaults_are_what_a_file_without_the_key_gets() -> None:
    shown = {row["key"]: row["default"] for row in config_rows()}
    defaults = CheckConfig.from_settings({})
    assert shown["length-ratio.tolerance"] == str(defaults.length_tolerance)
    assert shown["consistency.ignore-whitespace"] == "true"
    assert shown["[[regex]].severity"] == '"warning"'
    assert shown["[[regex]].pattern"] == "(required)"
