"""The segment grid: one row per segment, source | machine translation | translation.

A line-API ``ScrollView`` rather than a ``DataTable``: DataTable measures every cell up
front and rebuilds its row offsets on each edit, which costs seconds to open a book and
tens of milliseconds per keystroke. Here only rows that are shown get wrapped and rendered
(and are cached); the others carry a cheap height estimate in a Fenwick tree
(``HeightIndex``), which is corrected row by row as rows come into view or are edited.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment as RichSegment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from termwise.review.rows import Mark, Row
from termwise.tui.heights import HeightIndex
from termwise.tui.keymap import textual_bindings
from termwise.tui.wrapping import text_cells, wrap_spans

GUTTER = 3
SEPARATOR = " │ "
STATE_GLYPHS = {"new": "·", "mt": "M", "edited": "E", "reviewed": "✓"}
# In the state's place, a read-only segment's (not for translation, locked in another
# tool): its translation is shown muted, and the status line under the editor says why.
LOCKED_GLYPH = "⊘"
# In the state's place too, an aligned group to confirm (unsure, or changed in review),
# with or without the filter of unsure groups on: it is never reviewed, its state is in the
# status line, and an issue's "!" beside it still shows.
TO_CONFIRM_GLYPH = "?"
# Lines a row takes besides its wrapped text: a rule that separates it from the next row.
ROW_RULE = 1
# Below this many cells the grid shows source and translation only.
NARROW = 100


class SegmentGrid(ScrollView, can_focus=True):
    """Virtual grid of segment rows with a cursor; renders only what is on screen."""

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("grid")  # type: ignore[assignment]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "segment-grid--header",
        "segment-grid--cursor",
        "segment-grid--heading",
        "segment-grid--rule",
        "segment-grid--mt",
        "segment-grid--official",
        "segment-grid--deprecated",
        "segment-grid--search",
        "segment-grid--state-new",
        "segment-grid--state-mt",
        "segment-grid--state-edited",
        "segment-grid--state-reviewed",
        "segment-grid--issues",
        "segment-grid--to-confirm",
        "segment-grid--locked",
    }

    DEFAULT_CSS = """
    SegmentGrid {
        overflow-x: hidden;
        /* Always shown, so that the columns never re-layout when it would appear. */
        overflow-y: scroll;
        background: $surface;
    }
    SegmentGrid > .segment-grid--header { text-style: bold; background: $panel; color: $text; }
    SegmentGrid > .segment-grid--cursor { background: $primary 20%; }
    SegmentGrid:focus > .segment-grid--cursor { background: $primary 35%; }
    SegmentGrid > .segment-grid--heading { text-style: bold; color: $accent; }
    SegmentGrid > .segment-grid--rule { color: $panel-lighten-2; }
    SegmentGrid > .segment-grid--mt { color: $text-muted; }
    SegmentGrid > .segment-grid--official { color: $success; text-style: underline; }
    SegmentGrid > .segment-grid--deprecated { color: $warning; text-style: bold underline; }
    SegmentGrid > .segment-grid--search { background: $secondary 60%; }
    SegmentGrid > .segment-grid--state-new { color: $text-muted; }
    SegmentGrid > .segment-grid--state-mt { color: $secondary; }
    SegmentGrid > .segment-grid--state-edited { color: $warning; }
    SegmentGrid > .segment-grid--state-reviewed { color: $success; text-style: bold; }
    SegmentGrid > .segment-grid--issues { color: $error; text-style: bold; }
    SegmentGrid > .segment-grid--to-confirm { color: $warning; text-style: bold; }
    SegmentGrid > .segment-grid--locked { color: $text-muted; text-style: italic; }
    """

    class CursorMoved(Message):
        """The cursor is on another row."""

        def __init__(self, grid: SegmentGrid, index: int) -> None:
            super().__init__()
            self.grid = grid
            self.index = index

        @property
        def control(self) -> SegmentGrid:
            return self.grid

    def __init__(
        self,
        rows: Sequence[Row] = (),
        *,
        titles: tuple[str, str, str] = ("Source", "Machine translation", "Translation"),
        decorate: Callable[[Row], None] | None = None,
        mt_column: bool = True,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's keyword
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.titles = titles
        # Called on a row before it is drawn (the session computes its glossary marks).
        self.decorate = decorate
        self.rows: list[Row] = list(rows)
        self.cursor = 0
        self._layout_width = 0
        self._columns: tuple[int, int, int] = (1, 1, 1)
        # Off while no segment has machine translation: an empty third of the screen.
        self._mt_column = mt_column
        self._index = HeightIndex()
        # One entry per row, with what its rendering depended on (version, cursor, width):
        # keyed by those too, every keystroke in a row would leave its old rendering behind
        # until evicted (tens of MB for a long row typed into 200 times). A few screens'
        # worth of rows: enough to page back and forth without wrapping again.
        self._cache: LRUCache[int, tuple[tuple[int, bool, int], list[Strip]]] = LRUCache(256)
        self._styles: dict[str, Style] = {}
        self._size_dirty = False
        self._positions: dict[str, int] | None = None

    # --- data -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], *, cursor: int = 0) -> None:
        """Show another list of rows (a filter, a join or split); keeps nothing of the old."""
        self.rows = list(rows)
        self._positions = None
        self.cursor = max(0, min(cursor, len(self.rows) - 1))
        self._cache.clear()
        self._rebuild_index()
        self.refresh()
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(self, self.cursor))

    def row_changed(self, index: int) -> None:
        """Re-render one row after its texts, state or marks changed (O(log n) relayout)."""
        if not 0 <= index < len(self.rows):
            return
        self._ensure_layout()
        self.rows[index].touch()
        before = self._index.height(index)
        strips = self._row_strips(index)
        top = self._index.offset(index)
        if len(strips) != before:
            self._sync_virtual_size()
            self.refresh()
        else:
            self._refresh_lines(top, len(strips))

    def show_mt_column(self) -> None:
        """Machine translation came in: its column opens (the rows wrap anew)."""
        if self._mt_column:
            return
        self._mt_column = True
        if self._layout_width:
            self._cache.clear()
            self._rebuild_index()
            self.refresh()
            self.scroll_to_cursor()

    def index_of(self, segment_id: str) -> int | None:
        """Where a segment is in the rows shown (None when a filter hides it)."""
        if self._positions is None:
            self._positions = {row.segment_id: index for index, row in enumerate(self.rows)}
        return self._positions.get(segment_id)

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.rows else None

    # --- layout -----------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(self.scrollable_content_region.width, GUTTER + 2 * len(SEPARATOR) + 3)

    def _compute_columns(self, width: int) -> tuple[int, int, int]:
        if width < NARROW or not self._mt_column:
            # Too narrow for three readable columns: the MT column goes (the editor's dock
            # shows the current segment's MT instead). Without MT it has nothing to show.
            available = width - GUTTER - len(SEPARATOR)
            column = max(1, available // 2)
            return column, 0, max(1, available - column)
        available = width - GUTTER - 2 * len(SEPARATOR)
        column = max(1, available // 3)
        return column, column, max(1, available - 2 * column)

    @property
    def shows_mt(self) -> bool:
        return self._columns[1] > 0

    def _cells_per_char(self) -> tuple[float, float, float]:
        """Average cells per character of each column, measured on a sample of rows.

        Estimating every row from ``len(text)`` times this ratio costs a multiplication,
        where measuring each text (CJK is two cells a character) would cost seconds.
        """
        sample = self.rows[:: max(1, len(self.rows) // 64)][:64]
        ratios = []
        for texts in (
            [row.source for row in sample],
            [row.mt for row in sample],
            [row.target for row in sample],
        ):
            chars = sum(len(text) for text in texts)
            ratios.append(sum(text_cells(text) for text in texts) / chars if chars else 1.0)
        return ratios[0], ratios[1], ratios[2]

    def _rebuild_index(self) -> None:
        width = self._content_width()
        self._layout_width = width
        self._columns = self._compute_columns(width)
        source_r, mt_r, target_r = self._cells_per_char()
        # Characters per line of each column, as the estimate sees them.
        source_c = max(1.0, self._columns[0] / source_r)
        # Without an MT column, MT text must not count: divide by "infinitely wide".
        mt_c = max(1.0, self._columns[1] / mt_r) if self._columns[1] else float("inf")
        target_c = max(1.0, self._columns[2] / target_r)
        ceil = math.ceil
        heights = [
            max(
                ceil(len(row.source) / source_c),
                ceil(len(row.mt) / mt_c),
                ceil(len(row.target) / target_c),
                1,
            )
            + ROW_RULE
            for row in self.rows
        ]
        self._index = HeightIndex(heights)
        self._sync_virtual_size()

    def _sync_virtual_size(self) -> None:
        self._size_dirty = False
        self.virtual_size = Size(self._layout_width, self._index.total + 1)

    def on_resize(self, event: events.Resize) -> None:
        if self._content_width() != self._layout_width or len(self._index) != len(self.rows):
            anchor, within = (
                self._index.locate(round(self.scroll_y)) if len(self._index) else (0, 0)
            )
            self._cache.clear()
            self._rebuild_index()
            if self.rows:
                anchor = min(anchor, len(self.rows) - 1)
                self.scroll_to(y=self._index.offset(anchor) + within, animate=False, immediate=True)
            self.refresh()
        # Rows re-wrap at another width: keep the translator's row in view.
        self.scroll_to_cursor()

    def on_mount(self) -> None:
        # The first Resize (with the real width) builds the index; building it here as
        # well would measure 50,000 rows twice before the first paint.
        if self.size.width:
            self._rebuild_index()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"segment-grid--{name}", partial=True)
            self._styles[name] = style
        return style

    # --- rendering --------------------------------------------------------------------

    def _ensure_layout(self) -> None:
        """Build the height index for the current width if it is missing or stale."""
        if len(self._index) != len(self.rows) or self._content_width() != self._layout_width:
            self._cache.clear()
            self._rebuild_index()

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header_strip(width)
        row_index, line = self._index.locate(round(self.scroll_y) + y - 1)
        if row_index >= len(self.rows):
            return Strip.blank(width)
        strips = self._row_strips(row_index)
        if line >= len(strips):
            return Strip.blank(width)
        return strips[line]

    def render_lines(self, crop: Region) -> list[Strip]:
        strips = super().render_lines(crop)
        if self._size_dirty:
            # Rows measured while rendering changed height: the lines below them moved.
            self.call_later(self._sync_virtual_size)
            self.call_later(self.refresh)
        return strips

    def _header_strip(self, width: int) -> Strip:
        style = self._style("header")
        segments = [RichSegment(" " * GUTTER, style)]
        columns = [(t, c) for t, c in zip(self.titles, self._columns, strict=True) if c]
        for number, (title, column) in enumerate(columns):
            if number:
                segments.append(RichSegment(SEPARATOR, style))
            shown = title[: wrap_spans(title, column)[0][1]]
            segments.extend(_line_segments(shown, 0, len(shown), column, style, (), {}))
        return Strip(segments).adjust_cell_length(width, style)

    def _row_strips(self, index: int) -> list[Strip]:
        row = self.rows[index]
        drawn_as = (row.version, index == self.cursor, self._layout_width)
        cached = self._cache.get(index)
        if cached is not None and cached[0] == drawn_as:
            return cached[1]
        if self.decorate is not None and not row.marked:
            self.decorate(row)
            drawn_as = (row.version, index == self.cursor, self._layout_width)
        strips = self._render_row(row, index == self.cursor)
        # Textual's LRUCache keeps the first value set for a key: the old one goes first.
        self._cache.discard(index)
        self._cache.set(index, (drawn_as, strips))
        if self._index.set_height(index, len(strips)):
            self._size_dirty = True
        return strips

    def _render_row(self, row: Row, is_cursor: bool) -> list[Strip]:
        width = self._layout_width
        source_w, mt_w, target_w = self._columns
        base = self._style("heading") if row.heading else Style()
        mt_style = base + self._style("mt")
        mark_styles = {
            "official": self._style("official"),
            "deprecated": self._style("deprecated"),
            "search": self._style("search"),
        }
        locked = base + self._style("locked") if row.locked else base
        columns = [
            (row.source, wrap_spans(row.source, source_w), source_w, base, row.source_marks),
            (row.mt, wrap_spans(row.mt, mt_w), mt_w, mt_style, row.mt_marks),
            (row.target, wrap_spans(row.target, target_w), target_w, locked, row.target_marks),
        ]
        if not mt_w:
            del columns[1]
        height = max(len(spans) for _, spans, _, _, _ in columns)
        state_glyph = STATE_GLYPHS.get(row.state, "?")
        gutter_style = self._style(f"state-{row.state}") if row.state in STATE_GLYPHS else Style()
        if row.locked:
            state_glyph, gutter_style = LOCKED_GLYPH, self._style("locked")
        elif row.to_confirm:
            state_glyph, gutter_style = TO_CONFIRM_GLYPH, self._style("to-confirm")
        blank_gutter = RichSegment(" " * GUTTER)
        separator = RichSegment(SEPARATOR, self._style("rule"))
        strips: list[Strip] = []
        for line in range(height):
            if line == 0:
                segments = [
                    RichSegment(state_glyph, gutter_style),
                    RichSegment("!" if row.issues else " ", self._style("issues")),
                    RichSegment(" "),
                ]
            else:
                segments = [blank_gutter]
            for number, (text, spans, column, style, marks) in enumerate(columns):
                if number:
                    segments.append(separator)
                if line < len(spans):
                    start, end = spans[line]
                    segments.extend(
                        _line_segments(text, start, end, column, style, marks, mark_styles)
                    )
                else:
                    segments.append(RichSegment(" " * column))
            strips.append(Strip(segments, width))
        strips.append(Strip([RichSegment("─" * width, self._style("rule"))], width))
        if is_cursor:
            cursor = self._style("cursor")
            strips = [strip.apply_style(cursor) for strip in strips]
        return strips

    # --- cursor -----------------------------------------------------------------------

    def move_cursor(self, index: int) -> None:
        """Put the cursor on row ``index`` and scroll it into view."""
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        self._ensure_layout()
        if index == self.cursor:
            self.scroll_to_cursor()
            return
        old = self.cursor
        self.cursor = index
        for changed in (old, index):
            top = self._index.offset(changed)
            self._refresh_lines(top, self._index.height(changed))
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(self, index))

    def _refresh_lines(self, top: int, height: int) -> None:
        y = top - round(self.scroll_y) + 1
        self.refresh(Region(0, y, self.size.width, height))

    def _viewport_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def scroll_to_cursor(self) -> None:
        if not self.rows or not self.size.width:
            return
        self._ensure_layout()
        height = len(self._row_strips(self.cursor))
        if self._size_dirty:
            self._sync_virtual_size()
        top = self._index.offset(self.cursor)
        view_top = round(self.scroll_y)
        view_height = self._viewport_height()
        if top < view_top or height > view_height:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + height > view_top + view_height:
            self.scroll_to(y=top + height - view_height, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_page_up(self) -> None:
        target_y = max(0, self._index.offset(self.cursor) - self._viewport_height())
        self.move_cursor(self._index.locate(target_y)[0])

    def action_page_down(self) -> None:
        target_y = self._index.offset(self.cursor) + self._viewport_height()
        self.move_cursor(min(self._index.locate(target_y)[0], len(self.rows) - 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        index, _ = self._index.locate(round(self.scroll_y) + event.y - 1)
        if index < len(self.rows):
            self.move_cursor(index)


def _line_segments(
    text: str,
    start: int,
    end: int,
    width: int,
    style: Style,
    marks: Sequence[Mark],
    mark_styles: dict[str, Style],
) -> list[RichSegment]:
    """One wrapped line of one column, with highlight marks, padded to the column width."""
    segments: list[RichSegment] = []
    position = start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        mark_start = max(mark.start, start)
        mark_end = min(mark.end, end)
        if mark_start > position:
            segments.append(RichSegment(text[position:mark_start], style))
        if mark_end > mark_start:
            segments.append(RichSegment(text[mark_start:mark_end], style + mark_styles[mark.kind]))
        position = max(position, mark_end)
    if position < end:
        segments.append(RichSegment(text[position:end], style))
    used = text_cells(text[start:end])
    if used < width:
        segments.append(RichSegment(" " * (width - used), style))
    return segments
