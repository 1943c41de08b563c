"""The document model: what every other capability sees of a source document.

A ``Document`` is the decoded text of a file plus its segments. A ``Segment``'s ``text`` is
normalised for display and translation (line breaks and page-break spaces become single
spaces, end-of-line hyphenation is undone), so positions inside it are not positions in the
file: ``Segment.to_source`` maps them back, which checks need for ``file:line:column`` and
terminology fixes need to edit the source file itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import overload


class SegmentKind(str, Enum):
    HEADING = "heading"
    SENTENCE = "sentence"


class OffsetMap(Sequence[int]):
    """Per-character offsets into ``Document.text``, stored as runs.

    A wrapped sentence maps onto a few contiguous runs of the file (one per line), so a run
    list costs a few integers per segment where a tuple of every offset would cost tens of
    bytes per character: on a 50 MB book that is the difference between megabytes and gigabytes.
    Each run ``k`` maps ``text_starts[k] + i`` to ``source_starts[k] + i``.
    """

    __slots__ = ("_length", "_source_starts", "_text_starts")

    def __init__(self, runs: Sequence[tuple[int, int]], length: int) -> None:
        self._text_starts = tuple(run[0] for run in runs)
        self._source_starts = tuple(run[1] for run in runs)
        self._length = length

    @classmethod
    def from_starts(
        cls, text_starts: tuple[int, ...], source_starts: tuple[int, ...], length: int
    ) -> OffsetMap:
        """A map from its two columns of run starts (as the document cache stores them)."""
        if len(text_starts) != len(source_starts):
            raise ValueError("run columns of different lengths")
        offsets = cls.__new__(cls)
        offsets._text_starts = text_starts
        offsets._source_starts = source_starts
        offsets._length = length
        return offsets

    @classmethod
    def from_offsets(cls, offsets: Sequence[int]) -> OffsetMap:
        runs: list[tuple[int, int]] = []
        previous = -2
        for index, offset in enumerate(offsets):
            if offset != previous + 1:
                runs.append((index, offset))
            previous = offset
        return cls(runs, len(offsets))

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        run = bisect.bisect_right(self._text_starts, index) - 1
        return self._source_starts[run] + index - self._text_starts[run]

    def __iter__(self) -> Iterator[int]:
        for run, text_start in enumerate(self._text_starts):
            stop = self._text_starts[run + 1] if run + 1 < len(self._text_starts) else self._length
            source = self._source_starts[run]
            yield from range(source, source + stop - text_start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(other) == self._length and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"OffsetMap({list(zip(self._text_starts, self._source_starts, strict=True))}, {self._length})"

    @property
    def runs(self) -> list[tuple[int, int]]:
        return list(zip(self._text_starts, self._source_starts, strict=True))

    def sub(self, start: int, end: int) -> OffsetMap:
        """The map of ``text[start:end]``, rebased to start at 0."""
        end = max(start, min(end, self._length))
        first = max(bisect.bisect_right(self._text_starts, start) - 1, 0)
        runs: list[tuple[int, int]] = []
        for run in range(first, len(self._text_starts)):
            text_start = self._text_starts[run]
            if text_start >= end:
                break
            source = self._source_starts[run]
            if text_start < start:
                source += start - text_start
                text_start = start
            runs.append((text_start - start, source))
        return OffsetMap(runs, end - start)


@dataclass(frozen=True, slots=True)
class TableCell:
    """Where a table cell's paragraph stands, so that an edition can rebuild the grid."""

    # The table's number in the document, 1 the first; a table inside a cell is read into
    # that cell, so only the tables of the body are counted.
    table: int
    # 0-based; a Markdown table's header row is row 0, as is a Word table's first row.
    row: int
    # 0-based grid column (a Word cell spanning two columns moves the next one on by two).
    column: int


@dataclass(frozen=True, slots=True)
class ListItem:
    """A list item's marker, which the segment's text leaves out (a translator translates
    the item, not its bullet): an edition prints it again."""

    ordered: bool
    # The number the source shows ("3." in Markdown, Word's counter); None for bullets.
    number: int | None
    # 1 the top level, 2 an item nested in one, as heading levels count.
    depth: int
    # How an ordered list writes its numbers, in Word's names (one of ``NUMBERINGS``):
    # "b." is not "2.", and a text that refers to item (b) must still find it.
    numbering: str = "decimal"
    # A Markdown item's bullet ("-", "*", "+") or its number's delimiter ("." or ")"): in
    # CommonMark "- a" and "* b" are two lists, not one; "" where the source has no such
    # thing (Word).
    marker: str = ""


@dataclass(frozen=True, slots=True)
class BlockQuote:
    """One block quote of a Markdown source that a paragraph (or a code block, or a link
    reference definition) stands in: which quote it is, and where it stands."""

    # Its number, counting the document's quotes (a quote inside another one too) in order
    # from 1: "> a", a blank line, "> b" are two quotes in CommonMark, where a ">" line
    # between them makes one quote of two paragraphs, and only the numbers tell them apart.
    number: int
    # The depth (as ``ListItem.depth`` counts) of the list item whose text holds it, 0 for
    # none: in "1. Step" then "   > Note" the note is part of the step, and the list goes
    # on after it instead of ending there.
    item_depth: int = 0


# The numberings an edition can write; another one (Word's "ordinal", "chineseCounting" …)
# is read as decimal, its number still right.
NUMBERINGS = ("decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman")


@dataclass(frozen=True, slots=True)
class Segment:
    """One heading or sentence.

    ``start``/``end`` are character offsets of the segment in ``Document.text``.
    ``offsets`` maps each character of ``text`` to its offset in ``Document.text`` (same
    length as ``text``); it is what keeps spans exact across line wraps and hyphenation.
    It is an ``OffsetMap`` (a compact sequence) when the segment comes from the readers.
    """

    id: str
    kind: SegmentKind
    text: str
    line: int
    column: int
    paragraph: int
    start: int
    end: int
    offsets: Sequence[int] = field(repr=False, compare=False, default=())
    # A heading's depth (1 the top: a title, "# …", Heading 1, "2."; 2 for "## …", "2.1"), so
    # that an edition keeps the document's outline; 0 for sentences.
    level: int = 0
    # The table cell or list item the segment's paragraph is, so that an edition keeps
    # tables and lists; None for other paragraphs (and for every plain-text one).
    cell: TableCell | None = None
    list_item: ListItem | None = None
    # How many block quotes the paragraph stands in (Markdown's "> ", "> > "), so that an
    # edition prints a quotation as one; 0 outside any.
    quote_depth: int = 0
    # Those quotes, the outermost first: as many as ``quote_depth`` from the Markdown
    # reader, so that an edition keeps two quotes one after the other apart and a quote in
    # a list item in its item. Empty where nothing says (a segment built elsewhere): the
    # paragraphs one after another at one depth are then one quote.
    quotes: tuple[BlockQuote, ...] = ()
    # The depth (as ``ListItem.depth`` counts) of the list item whose text holds the
    # paragraph, where it is no item's first paragraph but a later one ("1. Install." then,
    # after a blank line, "   Then restart."), 0 for none: an edition prints it inside that
    # item, and the list goes on after it, numbered on, instead of ending there. Counted
    # among the lists of the innermost quote it stands in (``quotes``).
    item_depth: int = 0

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of ``text`` to a span of ``Document.text``."""
        if not self.offsets:
            return self.start + start, self.start + end
        if start >= len(self.offsets):
            return self.end, self.end
        source_start = self.offsets[start]
        source_end = self.offsets[end - 1] + 1 if end > start else source_start
        return source_start, source_end


# What a ``CodeBlock`` that is no code holds (``CodeBlock.html``): a raw HTML block of a
# Markdown source ("<div align=\"center\">", a "<table>", "<br>" alone on a line), or HTML
# comments only ("<!-- TODO: figure 3 -->").
HTML_BLOCK = "block"
HTML_COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A code block of a Markdown source (fenced or indented): no segment, since code is
    neither translated nor checked, but an edition prints it verbatim where it stands.

    A raw HTML block or comment (CommonMark's HTML blocks; ``html``) is one too: neither is
    text to translate (machine translation rewrote the markup, the checks flagged it), and
    a Markdown edition prints it as written; an edition that renders the source shows raw
    HTML as code (its text, never its markup) and no comment, which no reader of the
    source sees either.

    Its text is kept, not its offsets: a terminology fix rewrites the source text, and
    offsets into the old text would no longer find it.
    """

    # How many paragraphs (as ``Segment.paragraph`` counts them) come before it: 0 before
    # the first, so that an edition can put it back between its neighbours.
    after_paragraph: int
    # Its lines as written, fence lines left out, quote markers and an indented block's
    # indentation (four columns) or a fence's own (CommonMark) removed.
    text: str
    # A fenced block's info string ("python", "sh title=x"); "" for an indented one.
    info: str = ""
    # The block quotes it stands in (see ``Segment.quote_depth`` and ``Segment.quotes``):
    # code quoted in the source is printed inside the quotation.
    quote_depth: int = 0
    quotes: tuple[BlockQuote, ...] = ()
    # The list item whose text holds it (see ``Segment.item_depth``): code written under a
    # step is printed in that step, and the list goes on after it.
    item_depth: int = 0
    # "" for code; ``HTML_BLOCK`` or ``HTML_COMMENT`` for raw HTML, whose ``text`` is its
    # lines as written (quote markers and a list item's indentation left out), and whose
    # ``info`` is "".
    html: str = ""

    @property
    def comment(self) -> bool:
        """Whether it holds HTML comments only, which only a Markdown edition prints."""
        return self.html == HTML_COMMENT


# CommonMark's longest link label, in characters between its brackets.
MAX_LABEL = 999


@dataclass(frozen=True, slots=True)
class LinkDefinition:
    """A link reference definition of a Markdown source (``[1]: https://… "Title"``): no
    segment, since it shows nothing to translate (machine translation rewrote its URL, and
    the editions printed it as a sentence), but the target of the ``[text][1]`` links that
    name its label, which the editions resolve; a Markdown edition prints it as written.

    Like a ``CodeBlock`` it keeps its text, not its offsets.
    """

    # How many paragraphs come before it (as ``CodeBlock.after_paragraph`` counts them).
    after_paragraph: int
    # Its lines as written (a title may stand on the second), quote markers and
    # indentation left out.
    text: str
    # As written between the brackets: links match it case-insensitively, whitespace
    # collapsed (CommonMark's normalisation, which the editions apply).
    label: str
    # Backslash escapes and entities resolved, as a link's destination is.
    destination: str
    title: str | None = None
    # How many block quotes it stands in (see ``Segment.quote_depth``).
    quote_depth: int = 0
    # How many of the document's code blocks come before it: one that follows the same
    # paragraph as a code block is put back on the right side of it.
    code_blocks_before: int = 0
    # Which quotes those are (see ``Segment.quotes``).
    quotes: tuple[BlockQuote, ...] = ()
    # The list item whose text holds it (see ``Segment.item_depth``): printed in that item,
    # so that the list goes on after it.
    item_depth: int = 0
    # The list item it opens: written on the item's marker line ("- [a]: /url"), or under
    # such a one with no blank line between, before the item's first paragraph. A Markdown
    # edition prints it there again (``layout.ListEntry.definitions``): printed after the
    # item's text, a blank line between, it made a tight list loose. An item that holds
    # no paragraph (``item_depth`` one less than the item's) is an item still, empty in
    # every rendering, and the list's numbers go on past it as the source's do. None for
    # any other definition.
    opens_item: ListItem | None = None
    # Whether it stands on the marker line itself, the first to open the item: the next
    # item may open with a definition too ("- [a]: /u" then "- [b]: /v"), which the
    # item alone cannot tell from one under this one ("- [a]: /u" then "  [b]: /v").
    marker_line: bool = False


# A line ends where an editor ends it: "\r\n" (Windows), "\n", or a lone "\r" (classic Mac OS).
_NEWLINE = re.compile("\r\n|\r|\n")


@dataclass
class Document:
    """A source document: its decoded text, language and segments.

    ``fmt`` is the reader that produced it (``text``, ``markdown``, ``docx``); for ``docx``
    ``text`` is the paragraphs joined by newlines, not the file's bytes. ``id_aliases`` are
    the aliases it was read with, which ``editing.apply_source_edits`` carries forward.
    """

    path: Path | None
    text: str
    lang: str
    encoding: str
    segments: list[Segment]
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    fmt: str = "text"
    id_aliases: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _by_id: dict[str, Segment] = field(default_factory=dict, repr=False, compare=False)
    # A Markdown source's code blocks, in document order: kept beside the segments, never
    # among them, so nothing translates or checks them.
    code_blocks: list[CodeBlock] = field(default_factory=list)
    # A Markdown source's link reference definitions, in document order: kept as its code
    # blocks are.
    link_definitions: list[LinkDefinition] = field(default_factory=list)

    def link_labels(self) -> frozenset[str] | None:
        """The labels of its link definitions, normalised as the segmenter matches a
        reference to one (read whole); None where it is no Markdown and no inline markup is
        read at all. What re-cuts its sentences (F4, an aligned move, an import) reads so."""
        from termwise.document.markdown_comments import normalize_label

        if self.fmt != "markdown":
            return None
        return frozenset(normalize_label(definition.label) for definition in self.link_definitions)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in ``text``."""
        if not self._line_starts:
            # A regex scan is C-speed; a Python loop over a 50 MB text takes seconds.
            self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(self.text))]
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def segment(self, segment_id: str) -> Segment:
        if len(self._by_id) != len(self.segments):
            self._by_id = {segment.id: segment for segment in self.segments}
        found = self._by_id.get(segment_id)
        if found is not None and found.id == segment_id:
            return found
        # The list may have been edited in place (a join or split in the UI): look it up afresh.
        for segment in self.segments:
            if segment.id == segment_id:
                self._by_id = {}
                return segment
        raise KeyError(segment_id)
