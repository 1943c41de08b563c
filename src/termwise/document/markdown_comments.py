"""The inline HTML comments of a Markdown paragraph (``<!-- TODO: check. Ask Ana! -->``).

No reader sees one (CommonMark 6.6), so the segmenter never cuts a sentence inside it and a
PO entry's format flags are not taken from it. The pattern lives here, in the lowest layer
that reads Markdown, so that the editions and the checks (``export.markdown_inline``) read
a comment exactly where the segmenter does.
"""

from __future__ import annotations

import re

# An inline HTML comment (CommonMark 0.31, 6.6): "<!-->", "<!--->", or "<!--" up to the
# first "-->". One never closed is no comment there, but text.
INLINE_COMMENT = re.compile(r"<!--(?:-?>|.*?-->)", re.DOTALL)
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPECIAL = re.compile(r"[\\`<]")


def inline_comment_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` (one paragraph, its lines joined) holds an inline HTML comment, in
    order. As the inline parser reads it: "<!--" in a code span or after a backslash is
    text a reader sees, and a backtick inside a comment opens no code span."""
    if "<!--" not in text:
        return []
    return _inline_spans(text)[0]


def inline_code_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a code span, backticks included, in order, read as
    ``inline_comment_spans`` reads comments, so that the segmenter cuts no code in two."""
    if "`" not in text:
        return []
    return _inline_spans(text)[1]


def _inline_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    comments: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while True:
        special = _SPECIAL.search(text, position)
        if special is None:
            return comments, code
        position = special.start()
        char = text[position]
        if char == "\\":
            escaped = position + 1 < length and text[position + 1] in _ASCII_PUNCTUATION
            position += 2 if escaped else 1
        elif char == "`":
            end = _after_code_span(text, position)
            if text[position:end].strip("`"):  # a run no other run closes is no span
                code.append((position, end))
            position = end
        else:
            comment = INLINE_COMMENT.match(text, position)
            if comment is None:
                position += 1
            else:
                comments.append(comment.span())
                position = comment.end()


def _after_code_span(text: str, position: int) -> int:
    """Where the text goes on after the backtick run at ``position``: after its code span,
    or after the run itself where no run of the same length closes it (CommonMark 6.1)."""
    run_end, closing = code_span_closing(text, position)
    return run_end if closing is None else closing + (run_end - position)


def code_span_closing(text: str, position: int) -> tuple[int, int | None]:
    """The end of the backtick run at ``position``, and where the run of the same length
    that closes its code span starts (None: no run closes it, and the backticks are text).
    A longer run closes nothing (CommonMark 6.1)."""
    run_end = position
    while run_end < len(text) and text[run_end] == "`":
        run_end += 1
    ticks = run_end - position
    search = run_end
    while True:
        found = text.find("`" * ticks, search)
        if found < 0:
            return run_end, None
        closing_end = found + ticks
        if closing_end < len(text) and text[closing_end] == "`":
            while closing_end < len(text) and text[closing_end] == "`":
                closing_end += 1
            search = closing_end
            continue
        return run_end, found
