"""Which segments of a document an imported unit's source is: one, or a run of them.

A translation memory's exact match, as the import has always made it: a segment whose text
is the unit's source, whitespace aside (``content_key``, which gives segments their ids).
Typographic quotes and apostrophes are aside too, where nothing matches exactly: a word
processor or a CAT tool that curled "…" into “…” or it's into it’s made no other sentence.

A tool that segments otherwise than termwise (by paragraph, or by its own rules: Okapi's
SRX, Trados') holds several of the document's sentences in one unit. ``runs`` finds each
place where a unit's source is two or more consecutive segments, so that the import can
share its translation out over them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, pairwise

from termwise.document.ids import content_key
from termwise.document.model import Document, Segment, SegmentKind

# Each kind of quote mark read as its straight form, where quotes are typography only (an
# import's matching, a merge telling a typography fix from a rewrite): English double
# quotes and guillemets as ", single quotes, single guillemets and apostrophes (the
# modifier letter too) as '.
STRAIGHT_QUOTES = str.maketrans(
    dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02", '"')
    | dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u02bc\u2032\uff07", "'")
)
# How much of a segment's key the run search indexes it by: enough to leave few candidates
# to check, little enough that a unit looks up at most this many prefixes of its source.
_PREFIX = 12


def match_key(text: str) -> str:
    """``text`` as the import matches it: ``content_key``, with quote marks straightened."""
    return content_key(text).translate(STRAIGHT_QUOTES)


def same_paragraph(before: Segment, after: Segment) -> bool:
    """Whether two neighbouring segments are sentences of one paragraph (a heading is a
    paragraph of its own): a unit's translation is shared out within a paragraph only."""
    return (
        before.kind is SegmentKind.SENTENCE
        and after.kind is SegmentKind.SENTENCE
        and before.paragraph == after.paragraph
    )


@dataclass(frozen=True)
class Run:
    """Two or more consecutive segments whose texts, joined, are a unit's source."""

    segments: tuple[Segment, ...]

    @property
    def ids(self) -> list[str]:
        return [segment.id for segment in self.segments]

    @property
    def paragraphs(self) -> int:
        """How many paragraphs of the document the run spans."""
        pairs = pairwise(self.segments)
        return 1 + sum(not same_paragraph(before, after) for before, after in pairs)


class SegmentIndex:
    """A document's segments by the text an imported unit's source is matched with."""

    def __init__(self, document: Document) -> None:
        self._segments = document.segments
        self._exact: dict[str, list[str]] = {}
        self._folded: dict[str, list[str]] = {}
        self._keys: list[str] = []
        self._starts: dict[str, list[int]] = {}
        for position, segment in enumerate(document.segments):
            exact = content_key(segment.text)
            key = exact.translate(STRAIGHT_QUOTES)
            self._exact.setdefault(exact, []).append(segment.id)
            self._folded.setdefault(key, []).append(segment.id)
            self._keys.append(key)
            self._starts.setdefault(key[:_PREFIX], []).append(position)

    def segments(self, source: str) -> list[str]:
        """The ids of the segments whose text is ``source``; where there is none, of those
        whose text is ``source`` but for its quote marks."""
        exact = content_key(source)
        found = self._exact.get(exact) or self._folded.get(exact.translate(STRAIGHT_QUOTES))
        return list(found or ())

    def runs(self, source: str) -> list[Run]:
        """Each place, in document order, where ``source`` is two or more consecutive
        segments (a space between them or none, as Chinese sentences follow each other);
        where two places overlap (a text repeated), the first."""
        key = match_key(source)
        # A segment key shorter than the prefix is indexed whole: look each length up.
        sizes = range(1, min(_PREFIX, len(key)) + 1)
        starts = sorted(chain.from_iterable(self._starts.get(key[:size], ()) for size in sizes))
        found: list[Run] = []
        free = 0
        for start in starts:
            end = self._run_end(key, start) if start >= free else None
            if end is not None:
                found.append(Run(tuple(self._segments[start:end])))
                free = end
        return found

    def _run_end(self, key: str, start: int) -> int | None:
        """Where the run from segment ``start`` whose keys make ``key`` ends (exclusive);
        None where no run of two or more segments there does."""
        position, index = 0, start
        while position < len(key):
            if position and key[position] == " ":
                position += 1
            piece = self._keys[index] if index < len(self._keys) else ""
            if not piece or not key.startswith(piece, position):
                return None
            position += len(piece)
            index += 1
        return index if index - start >= 2 else None
