"""Small real documents for project tests, read by the document reader."""

from __future__ import annotations

from pathlib import Path

from termwise.document import parse_document
from termwise.document.model import Document

PAPER = """# Community of Destiny

China proposed the community of human destiny. It is a concept of life.

The Belt and Road Initiative connects many countries. Trade grew by 5% in 2020.

# Conclusion

Cooperation brings win-win results.
"""


def make_document(text: str = PAPER, name: str = "paper.md", lang: str = "en") -> Document:
    return parse_document(text, lang=lang, path=Path(name), fmt="markdown")
