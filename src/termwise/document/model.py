"""The document model: what every other capability sees of a source document.

A ``Document`` is the decoded text of a file plus its segments. A ``Segment``'s ``text`` is
normalised for display and translation (line breaks and page-break spaces become single
spaces, end-of-line hyphenation is undone), so positions inside it are not positions in the
file: ``Segment.to_source`` maps them back, which checks need for ``file:line:column`` and
terminology fixes need to edit the source file itself.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class SegmentKind(str, Enum):
    HEADING = "heading"
    SENTENCE = "sentence"


@dataclass(frozen=True)
class Segment:
    """One heading or sentence.

    ``start``/``end`` are character offsets of the segment in ``Document.text``.
    ``offsets`` maps each character of ``text`` to its offset in ``Document.text`` (same
    length as ``text``); it is what keeps spans exact across line wraps and hyphenation.
    """

    id: str
    kind: SegmentKind
    text: str
    line: int
    column: int
    paragraph: int
    start: int
    end: int
    offsets: tuple[int, ...] = field(repr=False, compare=False, default=())

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of ``text`` to a span of ``Document.text``."""
        if not self.offsets:
            return self.start + start, self.start + end
        if start >= len(self.offsets):
            return self.end, self.end
        source_start = self.offsets[start]
        source_end = self.offsets[end - 1] + 1 if end > start else source_start
        return source_start, source_end


@dataclass
class Document:
    """A source document: its decoded text, language and segments."""

    path: Path | None
    text: str
    lang: str
    encoding: str
    segments: list[Segment]
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in ``text``."""
        if not self._line_starts:
            starts = [0]
            for index, char in enumerate(self.text):
                if char == "\n":
                    starts.append(index + 1)
            self._line_starts = starts
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def segment(self, segment_id: str) -> Segment:
        for segment in self.segments:
            if segment.id == segment_id:
                return segment
        raise KeyError(segment_id)
