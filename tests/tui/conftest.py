"""Fixtures of the UI tests: the review project (see ``support.review_project``) and a
runner for Textual's async Pilot tests."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from support.review_project import SEED, paper, review_project, write_test_glossary

__all__ = ["SEED", "paper", "review_project", "write_test_glossary"]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests (Textual's Pilot is async) in a fresh event loop."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
