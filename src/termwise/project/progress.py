"""Progress at a glance: segments and words per state, per target language.

Words are counted in the source, as translators quote and bill them; Chinese and Japanese
have no spaces between words, so for them the count is of characters (punctuation and
spaces left out), the convention of CAT tools and agencies for CJK.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termwise import languages
from termwise.document.model import Document
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState


def count_words(text: str, lang: str) -> int:
    if languages.is_cjk(lang):
        return sum(
            1
            for char in text
            if not char.isspace() and not unicodedata.category(char).startswith(("P", "S", "Z"))
        )
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


@dataclass
class Progress:
    source_lang: str
    target_lang: str
    path: Path | None
    segments: dict[SegmentState, int] = field(default_factory=dict)
    words: dict[SegmentState, int] = field(default_factory=dict)
    # Of the new segments, those with no work left though nothing is translated
    # (``omissions.confirmed_omission``): left out by an aligned published translation, as
    # the translator confirmed, or held by the part before of a sentence now cut.
    left_out: int = 0
    left_out_words: int = 0

    @property
    def unit(self) -> str:
        return "characters" if languages.is_cjk(self.source_lang) else "words"

    @property
    def total_segments(self) -> int:
        return sum(self.segments.values())

    @property
    def total_words(self) -> int:
        return sum(self.words.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "file": str(self.path) if self.path else None,
            "unit": self.unit,
            "segments": {state.value: count for state, count in self.segments.items()},
            self.unit: {state.value: count for state, count in self.words.items()},
            "left_out": {"segments": self.left_out, self.unit: self.left_out_words},
        }

    def lines(self) -> list[str]:
        where = f" ({self.path})" if self.path else ""
        name = languages.display_name(self.target_lang)
        out = [f"{self.source_lang} → {self.target_lang} ({name}){where}"]
        out.append(f"  {'state':<10}{'segments':>10}{self.unit:>12}{'%':>8}")
        total_words = self.total_words or 1
        for state in SegmentState:
            share = 100.0 * self.words[state] / total_words
            out.append(
                f"  {state.value:<10}{self.segments[state]:>10}{self.words[state]:>12}{share:>7.1f}%"
            )
            if state is SegmentState.NEW and self.left_out:
                # Both kinds are ``omissions.confirmed_omission``: a sentence the translator
                # confirmed the translation leaves out, and the later part of a sentence the
                # segmenter now cuts, whose translation the part before holds whole.
                out.append(
                    f"    of which nothing to translate (left out by the translation, or held "
                    f"by the part before): {self.left_out} segment(s), {self.left_out_words} "
                    f"{self.unit}"
                )
        out.append(f"  {'total':<10}{self.total_segments:>10}{self.total_words:>12}")
        return out


def document_progress(
    document: Document, tfile: TranslationFile, left_out: AbstractSet[str] = frozenset()
) -> Progress:
    """Segments and words per state; ``left_out``: the segments the translator confirmed
    the translation leaves out (counted apart among the new ones)."""
    progress = Progress(
        source_lang=document.lang,
        target_lang=tfile.lang,
        path=tfile.path if tfile.path is not None and tfile.path.exists() else None,
        segments=dict.fromkeys(SegmentState, 0),
        words=dict.fromkeys(SegmentState, 0),
    )
    for segment in document.segments:
        unit = tfile.units.get(segment.id)
        state = unit.state if unit is not None else SegmentState.NEW
        words = count_words(segment.text, document.lang)
        progress.segments[state] += 1
        progress.words[state] += words
        if segment.id in left_out and state is SegmentState.NEW:
            progress.left_out += 1
            progress.left_out_words += words
    return progress


def project_languages(layout: ProjectLayout, document_path: Path) -> list[str]:
    """Target languages that have a project file for this document, sorted."""
    return layout.translation_languages(document_path)
