"""How glossary messages count concepts: one rule, so that no message says "1 concepts" or
"1 new concept(s)" beside another that says "1 concept"."""

from __future__ import annotations


def concepts(count: int, kind: str = "") -> str:
    """``count`` concepts in words: "1 concept", "2 new concepts" (``kind``: "new")."""
    noun = "concept" if count == 1 else "concepts"
    return f"{count} {kind} {noun}" if kind else f"{count} {noun}"
