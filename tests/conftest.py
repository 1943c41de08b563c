"""Fixtures shared across test areas: isolated Argos folders and small real Argos packages.

Argos creates folders under ``$HOME`` and reads ``ARGOS_*`` variables, so every test that
touches MT gets its own home, XDG folders and packages folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.argos_packages import build_argos_package
from support.trained_model import trained_package


@pytest.fixture
def argos_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated home with XDG folders and ``ARGOS_PACKAGES_DIR``; returns the packages dir."""
    home = tmp_path / "home"
    packages = home / "argos-packages"
    packages.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    # Nothing may reach the real index during tests; tests that need one serve it locally.
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    return packages


@pytest.fixture(scope="session")
def argos_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small real en → es ``.argosmodel`` (random weights), built once per test session."""
    return build_argos_package(tmp_path_factory.mktemp("argos-package"), "en", "es")


@pytest.fixture
def installed_argos_package(argos_env: Path, argos_package: Path) -> Path:
    """The en → es package installed into the isolated packages folder; returns its folder."""
    from termwise.mt.packages import install_archive

    return install_archive(argos_package).path


@pytest.fixture(scope="session")
def trained_argos_archive(request: pytest.FixtureRequest) -> Path:
    """The en → es package trained on a synthetic pair (``support/trained_model.py``).

    Training takes about a minute on 2 cores, so the archive is kept in pytest's cache
    folder under a hash of the training code: later runs reuse it until that code changes.
    """
    return trained_package(Path(request.config.cache.mkdir("termwise-trained-argos")))


@pytest.fixture
def trained_argos_package(argos_env: Path, trained_argos_archive: Path) -> Path:
    """The trained package installed into the isolated packages folder; returns its folder."""
    from termwise.mt.packages import install_archive

    return install_archive(trained_argos_archive).path
