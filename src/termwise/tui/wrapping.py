"""Word wrapping by terminal cells, so that CJK double-width text lines up in columns.

Textual and Rich can wrap text, but the grid needs only the line spans (offsets into the
segment text) to place glossary highlights and to count a row's height, and it needs them
for one row at a time without building renderables.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

# One token is a run of spaces, one wide (CJK) character, or a run of anything else.
# Wide characters may break anywhere; other runs break only at spaces. As in Chinese and
# Japanese typesetting, a closing mark ("。", "，", "」") never starts a line and an opening
# one ("「", "（") never ends one: each goes with the character beside it.
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_CLOSING = "。，、；：？！）」』】》〉〕］｝・ー"
_OPENING = "（「『【《〈〔［｛"
_TOKEN = re.compile(rf"\s+|[{_OPENING}]*[{_WIDE}][{_CLOSING}]*|[^\s{_WIDE}]+")


def text_cells(text: str) -> int:
    """Terminal cells that ``text`` takes (ASCII fast path: one cell per character)."""
    return len(text) if text.isascii() else cell_len(text)


def estimate_lines(text: str, width: int) -> int:
    """A cheap estimate of ``len(wrap_spans(text, width))``, used until a row is first shown."""
    if width <= 0:
        return 1
    if text.isascii():
        cells = len(text)
    else:
        # Extrapolate from a sample: measuring every character of a book is what
        # this estimate exists to avoid.
        sample = text[:16]
        cells = len(text) * cell_len(sample) // len(sample)
    return max(1, -(-cells // width))


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy wrap of ``text`` into lines of at most ``width`` cells, as ``(start, end)`` spans.

    Spaces at a break are dropped; a word longer than the line is split by cells. Every
    line break in the text starts a line (a blank line is an empty span), as in the editor.
    An empty text gives one empty line, so every row is at least one line high.
    """
    if width <= 0:
        return [(0, len(text))]
    ascii_text = text.isascii()
    if (len(text) if ascii_text else cell_len(text)) <= width and "\n" not in text:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    line_start = -1
    line_end = 0
    column = 0
    space_cells = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        start, end = match.span()
        if token[0].isspace():
            breaks = token.count("\n")
            if breaks:
                # Each line break the translator typed is one, a blank line ("\n\n") too:
                # the grid showed "larga\n\nque" as if it had one break.
                if line_start >= 0:
                    lines.append((line_start, line_end))
                    breaks -= 1
                lines.extend([(start, start)] * breaks)
                line_start = -1
                column = 0
            space_cells = 0 if line_start < 0 else (len(token) if ascii_text else cell_len(token))
            continue
        cells = len(token) if ascii_text else cell_len(token)
        if line_start >= 0:
            if column + space_cells + cells <= width:
                column += space_cells + cells
                line_end = end
                space_cells = 0
                continue
            lines.append((line_start, line_end))
        space_cells = 0
        if cells <= width:
            line_start, line_end, column = start, end, cells
            continue
        # A word wider than the column: cut it into column-wide pieces.
        piece_start = start
        column = 0
        for index in range(start, end):
            char_cells = 1 if ascii_text else cell_len(text[index])
            if column + char_cells > width and index > piece_start:
                lines.append((piece_start, index))
                piece_start = index
                column = 0
            column += char_cells
        line_start, line_end = piece_start, end
    if line_start >= 0:
        lines.append((line_start, line_end))
    if text.endswith("\n"):
        lines.append((len(text), len(text)))  # the line a final break begins, as typed
    return lines or [(0, 0)]
