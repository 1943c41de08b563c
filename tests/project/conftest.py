"""Fixtures for project tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document.model import Document
from termwise.project.layout import ProjectLayout

from .papers import make_document


@pytest.fixture
def layout(tmp_path: Path) -> ProjectLayout:
    return ProjectLayout.at(tmp_path)


@pytest.fixture
def paper() -> Document:
    return make_document()
