"""One scanner of inline markup, two readings: the segmenter's and MT's.

``document.markdown_comments.inline_markup`` reads code spans, comments, autolinks, link
targets, reference labels and declarations for both; where MT reads otherwise (tags, no
declarations, an autolink before a comment, nested links, labels the document need not
define), an argument says so. Both readings are checked here against a plain reading, one
character at a time, on random Markdown-ish text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection

from termwise.document.markdown_comments import (
    ASCII_PUNCTUATION,
    AUTOLINK,
    DECLARATION,
    EMAIL_AUTOLINK,
    INLINE_COMMENT,
    inline_code_spans,
    inline_comment_spans,
    inline_link_target,
    inline_markup,
    link_label,
    normalize_label,
    whole_spans,
)
from termwise.mt.markup import markup_spans

_TAG = re.compile(r"</?[^\W\d_][\w-]*(?:\s[^<>]*)?/?>")
_PIECES = (
    "`", "``", "```", "<!--", "-->", "<!-->", "<!--->", "<!--x@y.z>", "[", "](", "]", "][",
    "![", "!", "<", ">", '"', "'", ".", "(", ")", " ", "\n", "\\", "a", "Ab", "x y", "note",
    "[note]", "][note]", "][zz]", "<https://x.org/", "<a@b.c>", "<!DOCTYPE ", "<span>",
    "</b>", "<br/>", "](u)", "](<a. b>)", '](u "t")', "\\[", "\\`", "\\<", "é", "((", "))",
)  # fmt: skip


def _samples(count: int) -> list[str]:
    rng = random.Random(8)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 30))) for _ in range(count)]


def _closing_run(text: str, start: int, ticks: int) -> int | None:
    """Where the first run of exactly ``ticks`` backticks at or after ``start`` begins."""
    index = start
    while index < len(text):
        if text[index] != "`":
            index += 1
            continue
        run = index
        while run < len(text) and text[run] == "`":
            run += 1
        if run - index == ticks:
            return index
        index = run
    return None


def _plain_label_end(text: str, bracket: int, mt: bool, labels: Collection[str]) -> int | None:
    if mt:
        # "][", then one or more characters none of them a bracket or line break, then "]".
        if not text.startswith("[", bracket + 1):
            return None
        close = bracket + 2
        while close < len(text) and text[close] not in "[]\n":
            close += 1
        return close + 1 if close > bracket + 2 and text.startswith("]", close) else None
    label = link_label(text, bracket + 1) if labels else None
    if label is None or not label.group(1) or normalize_label(label.group(1)) not in labels:
        return None
    return label.end()


def _plain(text: str, mt: bool, labels: Collection[str] = ()) -> list[tuple[str, int, int]]:
    """Each reading as the docstrings describe it, one character at a time."""
    angles = (
        [("autolink", AUTOLINK), ("autolink", EMAIL_AUTOLINK), ("html", INLINE_COMMENT)]
        + [("html", _TAG)]
        if mt
        else [("comment", INLINE_COMMENT), ("autolink", AUTOLINK)]
        + [("autolink", EMAIL_AUTOLINK), ("declaration", DECLARATION)]
    )
    found: list[tuple[str, int, int]] = []
    openers: list[tuple[bool, bool]] = []  # (image, may still open a link)
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and text[index + 1 : index + 2] in ASCII_PUNCTUATION:
            index += 2
        elif char == "`":
            ticks = len(text[index:]) - len(text[index:].lstrip("`"))
            closing = _closing_run(text, index + ticks, ticks)
            if closing is not None:
                found.append(("code", index, closing + ticks))
            index = index + ticks if closing is None else closing + ticks
        elif char == "[" or text.startswith("![", index):
            openers.append((char == "!", True))
            index += 1 + (char == "!")
        elif char == "]" and openers and openers[-1][1]:
            image = openers.pop()[0]
            target = inline_link_target(text, index + 1)
            end = target[1] if target else _plain_label_end(text, index, mt, labels)
            if end is None:
                index += 1
                continue
            found.append(("destination" if target else "label", index, end))
            if not image and not mt:
                openers = [(was_image, active and was_image) for was_image, active in openers]
            index = end
        elif char == "]":
            openers = openers[:-1]
            index += 1
        else:
            opened = [
                (kind, match) for kind, pattern in angles if (match := pattern.match(text, index))
            ]
            if char != "<" or not opened:
                index += 1
                continue
            found.append((opened[0][0], index, opened[0][1].end()))
            index = opened[0][1].end()
    return found


def test_mt_reading_is_the_plain_one() -> None:
    for text in _samples(1500):
        assert markup_spans(text) == _plain(text, mt=True), text


def test_segmenter_reading_is_the_plain_one() -> None:
    for labels in [(), ("note", "x y")]:
        for text in _samples(1500):
            spans = _plain(text, mt=False, labels=labels)
            comments = [(start, end) for kind, start, end in spans if kind == "comment"]
            code = [(start, end) for kind, start, end in spans if kind == "code"]
            whole = [
                (start + (kind != "declaration"), end)
                for kind, start, end in spans
                if kind in ("destination", "label", "declaration")
            ]
            assert inline_comment_spans(text, labels) == comments, text
            assert inline_code_spans(text, labels) == code, text
            assert whole_spans(text, labels) == whole, text


def test_where_the_readings_differ_an_argument_says_so() -> None:
    # MT lets links nest: "(e)" after a link's text that holds a link is kept as written.
    nested = "[a [b](c) d](e) f"
    assert [kind for kind, _, _ in markup_spans(nested)] == ["destination", "destination"]
    assert whole_spans(nested) == [(6, 9)]
    # "<!--x@y.z>" opens an autolink to MT (as CommonMark reads it), a comment to the
    # segmenter, whose cut documents were read so.
    odd = "a <!--x@y.z>--> b"
    assert markup_spans(odd) == [("autolink", 2, 12)]
    assert inline_comment_spans(odd) == [(2, 15)]
    # A declaration is read whole by the segmenter only; a tag by MT only.
    declared = "<!DOCTYPE `x`> <b>`y`</b>"
    assert markup_spans(declared) == [
        ("code", 10, 13),
        ("html", 15, 18),
        ("code", 18, 21),
        ("html", 21, 25),
    ]
    assert whole_spans(declared) == [(0, 14)] and inline_code_spans(declared) == [(18, 21)]
    # MT keeps any full reference label; the segmenter only a label the document defines.
    assert markup_spans("[a][b] c") == [("label", 2, 6)]
    assert whole_spans("[a][b] c") == [] and whole_spans("[a][b] c", {"b"}) == [(3, 6)]


def test_the_scanner_takes_what_a_less_than_sign_opens_and_the_labels_from_its_caller() -> None:
    angles = (("tag", re.compile(r"<b>")),)
    text = "a <b>`c`</b> [d](<e>) [f][g]"
    assert inline_markup(text, angles, lambda text, position: None) == [
        ("tag", 2, 5),
        ("code", 5, 8),
        ("destination", 15, 21),
    ]
    assert inline_markup(text, angles, lambda text, position: position + 4)[-1] == (
        "label",
        24,
        28,
    )
