"""The inline HTML comments of a Markdown paragraph (``<!-- TODO: check. Ask Ana! -->``).

No reader sees one (CommonMark 6.6), so the segmenter never cuts a sentence inside it and a
PO entry's format flags are not taken from it. The pattern lives here, in the lowest layer
that reads Markdown, so that the editions and the checks (``export.markdown_inline``) read
a comment exactly where the segmenter does. So does the reading of an inline link's target
(``[a](<!-- x -->)`` links to "!-- x --": no comment there), which both take from here, and
of a full reference link's label (``[a][<!-- x -->]``, where the document defines that
label: a link, no comment), for which the caller gives the labels the document defines
(``Document.link_definitions``, normalised by ``normalize_label``). An HTML declaration
(``<!DOCTYPE html>``, ``<!a …>``) is raw HTML to CommonMark, as a tag is: text to termwise
as other raw HTML is, but read whole, no comment or code span in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from termwise.document.model import MAX_LABEL

# An inline HTML comment (CommonMark 0.31, 6.6): "<!-->", "<!--->", or "<!--" up to the
# first "-->". One never closed is no comment there, but text.
INLINE_COMMENT = re.compile(r"<!--(?:-?>|.*?-->)", re.DOTALL)
# An autolink (CommonMark 6.5), which holds no other markup: "<https://x.org/`a`>".
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*)>")
EMAIL_AUTOLINK = re.compile(
    r"<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
# An HTML declaration (CommonMark 0.31, 6.6): "<!", an ASCII letter, and anything up to
# the first ">", lines included.
DECLARATION = re.compile(r"<![A-Za-z][^>]*>")
# A link label (CommonMark 6.3): brackets around text with no bracket a backslash does not
# escape (at most ``MAX_LABEL`` characters of it, which the reader checks).
LINK_LABEL = re.compile(r"\[((?:[^\\\[\]]|\\.)*)\]", re.DOTALL)
_LABEL_SPACE = re.compile(r"[ \t\r\n]+")
# The characters a backslash escapes (CommonMark 2.4).
ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPECIAL = re.compile(r"[\\`<!\[\]]")
_LINK_TITLE = re.compile(r"\s*(?:\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\))")


def normalize_label(label: str) -> str:
    """A label as CommonMark matches it: whitespace collapsed, Unicode case-folded ("ẞ"
    matches "SS"); backslash escapes stay as written."""
    return _LABEL_SPACE.sub(" ", label.strip(" \t\r\n")).casefold()


def inline_comment_spans(text: str, labels: Collection[str] = ()) -> list[tuple[int, int]]:
    """Where ``text`` (one paragraph, its lines joined) holds an inline HTML comment, in
    order. As the inline parser reads it: "<!--" in a code span, after a backslash or in
    a declaration is text a reader sees, a backtick inside a comment opens no code span,
    and the label of a reference link to one of ``labels`` (normalised) is neither."""
    if "<!--" not in text:
        return []
    return _inline_spans(text, labels)[0]


def inline_code_spans(text: str, labels: Collection[str] = ()) -> list[tuple[int, int]]:
    """Where ``text`` holds a code span, backticks included, in order, read as
    ``inline_comment_spans`` reads comments, so that the segmenter cuts no code in two."""
    if "`" not in text:
        return []
    return _inline_spans(text, labels)[1]


def whole_spans(text: str, labels: Collection[str] = ()) -> list[tuple[int, int]]:
    """Where ``text`` holds what is read whole but is no code span, in order: an inline
    link's target (``(<a. B> "Mr. B. title")``, parentheses included), the label of a full
    reference link to one of ``labels`` (``[a][label]``, brackets included) and an HTML
    declaration. No sentence may end inside one, as none ends inside a code span: a
    comment or code span there, read so before, was kept whole too, and a cut in a
    target split one link between two segments ("See [x](<a." and "B>) now.")."""
    if "](" not in text and not (labels and "][" in text) and DECLARATION.search(text) is None:
        return []
    return _inline_spans(text, labels)[2]


_Spans = list[tuple[int, int]]
# What a "<" opens to the segmenter, tried in order: a comment before an autolink (to
# CommonMark "<!--a@b.c>-->" is an autolink, here one comment, as saved segments were cut)
# and a declaration, read whole. A tag is text, its words a reader's.
_READ_ANGLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comment", INLINE_COMMENT),
    ("autolink", AUTOLINK),
    ("autolink", EMAIL_AUTOLINK),
    ("declaration", DECLARATION),
)


def _inline_spans(text: str, labels: Collection[str]) -> tuple[_Spans, _Spans, _Spans]:
    spans = inline_markup(
        text, _READ_ANGLES, lambda text, position: _after_reference_label(text, position, labels)
    )
    # A target's or a label's span leaves out the "]" before it, as the segmenter cuts.
    return (
        [(start, end) for kind, start, end in spans if kind == "comment"],
        [(start, end) for kind, start, end in spans if kind == "code"],
        [
            (start + (kind != "declaration"), end)
            for kind, start, end in spans
            if kind in ("destination", "label", "declaration")
        ],
    )


def inline_markup(
    text: str,
    angles: Sequence[tuple[str, re.Pattern[str]]],
    label_end: Callable[[str, int], int | None],
    *,
    links_nest: bool = False,
) -> list[tuple[str, int, int]]:
    """The inline markup of ``text`` (one paragraph, its lines joined) that holds the text
    up to its end, in order, as ``(kind, start, end)``: "code" spans, inline link targets
    ("destination") and full reference labels ("label"), each from the "]" before it, and
    what ``angles`` reads at a "<" (CommonMark 6: whichever opens first holds the text up
    to its end). The segmenter and MT (``mt.markup.markup_spans``) both read here, so that
    a "<!--" in a destination or code span is a comment to neither; where they read
    differently, the arguments say: ``angles``, what a "<" may open, as ``(kind, pattern)``
    tried in order; ``label_end``, where the label after the "]" at a position ends (None:
    no label); ``links_nest``, whether a "[" around a link still takes a target, as
    CommonMark's does not (``[a [b](c) d](e)``: "(e)" is text).
    """
    spans: list[tuple[str, int, int]] = []
    # The "[" and "![" that wait for their "]": whether each opens an image, and whether
    # it may still open a link (links do not nest).
    brackets: list[list[bool]] = []
    position = 0
    length = len(text)
    while (special := _SPECIAL.search(text, position)) is not None:
        position = special.start()
        char = text[position]
        if char == "\\":
            escaped = position + 1 < length and text[position + 1] in ASCII_PUNCTUATION
            position += 2 if escaped else 1
        elif char in "![":
            image = char == "!"
            if image and not text.startswith("[", position + 1):
                position += 1
                continue
            brackets.append([image, True])
            position += 2 if image else 1
        elif char == "]":
            position = _after_bracket(text, position, brackets, label_end, links_nest, spans)
        elif char == "`":
            run_end, closing = code_span_closing(text, position)
            if closing is None:  # a run no other run closes is text
                position = run_end
                continue
            spans.append(("code", position, closing + run_end - position))
            position = closing + run_end - position
        else:
            for kind, pattern in angles:
                found = pattern.match(text, position)
                if found is not None:
                    spans.append((kind, position, found.end()))
                    position = found.end()
                    break
            else:
                position += 1
    return spans


def _after_bracket(
    text: str,
    position: int,
    brackets: list[list[bool]],
    label_end: Callable[[str, int], int | None],
    links_nest: bool,
    spans: list[tuple[str, int, int]],
) -> int:
    """Where the text goes on after the "]" at ``position``: after the inline link target
    it closes a link's text before (whose destination and title are no comment and no
    code, however they read), or after the label (``label_end``) of a full reference link,
    else after the "]" itself (CommonMark 6.3). The target or label goes into ``spans``."""
    if not brackets:
        return position + 1
    image, active = brackets.pop()
    if not active:
        return position + 1
    target = inline_link_target(text, position + 1)
    label = label_end(text, position) if target is None else None
    if target is not None:
        end = target[1]
        spans.append(("destination", position, end))
    elif label is not None:
        end = label
        spans.append(("label", position, end))
    else:
        return position + 1
    if not image and not links_nest:
        for earlier in brackets:
            if not earlier[0]:
                earlier[1] = False
    return end


def _after_reference_label(text: str, position: int, labels: Collection[str]) -> int | None:
    """Where the label ``[label]`` after a link text's "]" at ``position`` ends, where it
    names one of ``labels``; None where none follows or the document defines none such
    (then it is text, and what it holds is read as anywhere else). A collapsed or shortcut
    reference is named by its text, which holds no label to skip."""
    if not labels:
        return None
    label = link_label(text, position + 1)
    if label is None or not label.group(1):
        return None
    return label.end() if normalize_label(label.group(1)) in labels else None


_IN_LABEL = re.compile(r"[\\`<]")


def link_label(text: str, position: int) -> re.Match[str] | None:
    """The link label (``LINK_LABEL``, its text in group 1) that opens at ``position``;
    None where none does. A code span, comment, autolink or declaration binds more tightly
    than a label's brackets (CommonMark 6.3): one begun in it that runs past its "]"
    leaves no label there (``[a][<!-- b]. c -->`` is a comment, whatever "<!-- b" is)."""
    label = LINK_LABEL.match(text, position)
    if label is None or len(label.group(1)) > MAX_LABEL:
        return None
    close = label.end() - 1
    index = position + 1
    while (found := _IN_LABEL.search(text, index, close)) is not None:
        start = found.start()
        if text[start] == "\\":
            index = start + 2
            continue
        if text[start] == "`":
            run_end, closing = code_span_closing(text, start)
            end = run_end if closing is None else closing + (run_end - start)
        else:
            construct = (
                INLINE_COMMENT.match(text, start)
                or AUTOLINK.match(text, start)
                or EMAIL_AUTOLINK.match(text, start)
                or DECLARATION.match(text, start)
            )
            end = start + 1 if construct is None else construct.end()
        if end > close:
            return None
        index = end
    return label


def inline_link_target(text: str, position: int) -> tuple[str, int] | None:
    """The destination, as written, of the inline link target ``(dest "title")`` that
    opens at ``position`` (just after a link text's "]"), and where the target ends; None
    where no target opens there (CommonMark 6.3, 6.4)."""
    if not text.startswith("(", position):
        return None
    index = position + 1
    while index < len(text) and text[index] in " \t\n":
        index += 1
    if text.startswith("<", index):
        close = index + 1
        while close < len(text) and text[close] not in "<>\n":
            close += 2 if text[close] == "\\" else 1
        if close >= len(text) or text[close] != ">":
            return None
        destination = text[index + 1 : close]
        index = close + 1
    else:
        start, depth = index, 0
        while index < len(text):
            char = text[index]
            if char == "\\" and text[index + 1 : index + 2] in ASCII_PUNCTUATION:
                # (A backslash escapes punctuation only: "\\ " is a backslash, and the
                # space ends the destination, as in a definition's.)
                index += 2
                continue
            if char.isspace() or ord(char) < 0x20:
                break
            if char == "(":
                depth += 1
                if depth > 32:
                    return None  # CommonMark's limit, which keeps "[a](((…" linear
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
        if depth:
            return None
        destination = text[start:index]
    title = _LINK_TITLE.match(text, index)
    if title and title.end() > index and text[index : index + 1].isspace():
        index = title.end()
    while index < len(text) and text[index] in " \t\n":
        index += 1
    if not text.startswith(")", index):
        return None
    return destination, index + 1


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
