"""The concept-oriented glossary: model, interchange formats and the term matcher."""

from __future__ import annotations

from termwise.glossary.formats import load_glossary, save_glossary
from termwise.glossary.model import Concept, Glossary, Problem, Term, TermStatus

__all__ = [
    "Concept",
    "Glossary",
    "Problem",
    "Term",
    "TermStatus",
    "load_glossary",
    "save_glossary",
]
