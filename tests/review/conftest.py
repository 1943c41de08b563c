"""The review session's tests run on the review project of ``support.review_project``."""

from __future__ import annotations

from support.review_project import paper, review_project

__all__ = ["paper", "review_project"]
