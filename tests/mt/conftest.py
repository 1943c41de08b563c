"""Every MT test runs with its own home and Argos folders (see ``argos_env`` in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_argos(argos_env: Path) -> Path:
    return argos_env
