"""The engine most constrained-MT tests run for real: Apertium English → Spanish, held to
the repository's curated glossary (``glossary/``)."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary import load_glossary
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

ROOT = Path(__file__).resolve().parents[2]


def curated_apertium_engine() -> ConstrainedEngine:
    """Apertium ``eng-spa`` constrained by the curated glossary (loaded afresh: a module's
    fixture holds it, so that each test file pays for it once)."""
    glossary = load_glossary(ROOT / "glossary")
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))
