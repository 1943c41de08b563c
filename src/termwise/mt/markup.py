"""Markup that machine translation must leave as the source has it.

An engine sees a Markdown segment as text and translates all of it: Apertium turned a link's
"](chart.png)" into "](mapa.png)", "javascript:alert(1)" into "alerta(1)" and a code span's
`code here` into `código aquí`. Link destinations, reference labels ("][notes]"), code spans,
autolinks and inline HTML tags and comments are put back
from the source after translation, in order, wherever the output has as many of each kind
as the source (where it has not, the engine moved things about, and a guess could put a
link on the wrong words).

The inline comments and tags that open a segment ("<!-- check the date --> It began in 2013.")
never reach the engine: read as the sentence's first words, they took its capital ("<!--
Comprobar la cita --> empezó en 2013."). The engine translates the sentence after them, and
they go back in front of its translation as the source writes them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from termwise.document.markdown_comments import (
    AUTOLINK,
    EMAIL_AUTOLINK,
    INLINE_COMMENT,
    inline_comment_spans,
    inline_markup,
)

if TYPE_CHECKING:
    from termwise.mt.engine import Engine, MTResult, Progress

# A full reference link's label, after its text: "[installation notes][notes]" came out
# "[notas de instalación][notas]", a label the document does not define.
_LABEL = re.compile(r"\]\[[^\[\]\n]+\]")
# An inline HTML tag ("<span class=…>", "</span>", "<br/>"): Apertium gave
# "<abarca>inline html</abarca>". A tag's name in the output may be a translated word:
# "<span>" came out "<Giró>".
_INLINE_TAG = re.compile(r"</?[^\W\d_][\w-]*(?:\s[^<>]*)?/?>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# What a "<" opens to MT, tried in order: an autolink before a comment, as CommonMark tries
# them, and a tag, which the segmenter reads as text; no declaration, as MT never read one.
_MT_ANGLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("autolink", AUTOLINK),
    ("autolink", EMAIL_AUTOLINK),
    ("html", INLINE_COMMENT),
    ("html", _INLINE_TAG),
)
# What ``markup_spans`` reads, one kind each: the source's and the output's are paired
# kind by kind. An inline comment and a tag are one kind (inline HTML), as they were.
_KINDS = ("code", "destination", "autolink", "label", "html")


def markup_spans(text: str) -> list[tuple[str, int, int]]:
    """The markup of a Markdown paragraph that machine translation must not change, in
    order, as ``(kind, start, end)``: code spans, link destinations with their title
    ("](url "title")"), autolinks, full reference labels ("][label]"), inline comments and
    tags.

    Read left to right as the segmenter and the editions read them
    (``document.markdown_comments``): whichever opens first holds the text up to its end,
    so a link destination ("](<!--x-->)") or an autolink is read whole, never as a comment
    (a "<!--" there once counted as a comment, the output's count no longer matched the
    source's, and the next comment's words were left translated), and a "<!--" in a code
    span is code.

    Unlike the segmenter, MT lets links nest and keeps any "][label]" on one line: it
    sees a segment, not the document's definitions, and read so before it shared the
    segmenter's scanner.
    """
    return inline_markup(text, _MT_ANGLES, _label_end, links_nest=True)


def _label_end(text: str, position: int) -> int | None:
    """Where the full reference label after the "]" at ``position`` ends; None where none."""
    label = _LABEL.match(text, position)
    return label.end() if label is not None else None


def keep_source_markup(source: str, target: str) -> tuple[str, list[tuple[int, int, int]]]:
    """``target`` with the source's link destinations, code spans and autolinks put back,
    and the edits made, as ``(start, end, new_length)`` in the old target, left to right."""
    if not any(char in source for char in "`](<"):
        return target, []
    was_spans = markup_spans(source)
    now_spans = markup_spans(target)
    edits: list[tuple[int, int, str]] = []
    for kind in _KINDS:
        wanted = [(start, end) for k, start, end in was_spans if k == kind]
        found = [(start, end) for k, start, end in now_spans if k == kind]
        if not wanted or len(wanted) != len(found):
            continue
        for (was_start, was_end), (now_start, now_end) in zip(wanted, found, strict=True):
            if source[was_start:was_end] != target[now_start:now_end]:
                edits.append((now_start, now_end, source[was_start:was_end]))
    if not edits:
        return target, []
    edits.sort()
    pieces: list[str] = []
    done: list[tuple[int, int, int]] = []
    position = 0
    for start, end, text in edits:
        pieces.append(target[position:start])
        pieces.append(text)
        done.append((start, end, len(text)))
        position = end
    pieces.append(target[position:])
    return "".join(pieces), done


def _shifted(
    unknown: tuple[tuple[int, int], ...], edits: Sequence[tuple[int, int, int]]
) -> tuple[tuple[int, int], ...]:
    """The unknown-word spans of the old target in the new one; those an edit replaced go."""
    kept = []
    for start, end in unknown:
        if any(start < edit_end and edit_start < end for edit_start, edit_end, _ in edits):
            continue
        delta = sum(length - (e - s) for s, e, length in edits if e <= start)
        kept.append((start + delta, end + delta))
    return tuple(kept)


def kept_markup(result: MTResult) -> MTResult:
    """``result`` with the source's markup put back (``keep_source_markup``)."""
    target, edits = keep_source_markup(result.source, result.target)
    if not edits:
        return result
    nbest = list(result.nbest)
    if nbest and nbest[0][0] == result.target:
        nbest[0] = (target, nbest[0][1])
    return replace(result, target=target, nbest=nbest, unknown=_shifted(result.unknown, edits))


def leading_markup(source: str) -> int:
    """How many characters of ``source`` the inline comments and HTML tags that open it
    take, with the spaces after them; 0 where none opens it, or where nothing else follows."""
    comments = dict(inline_comment_spans(source))
    position = 0
    while True:
        start = len(source) - len(source[position:].lstrip())
        end = comments.get(start)
        if end is None:
            tag = _TAG.match(source, start)
            end = tag.end() if tag is not None else None
        if end is None:
            break
        position = end
    rest = source[position:]
    if position == 0 or not rest.strip():
        return 0
    return position + len(rest) - len(rest.lstrip())


def with_lead(result: MTResult, source: str, lead: str) -> MTResult:
    """``result`` (the translation of ``source`` without its first ``len(lead)``
    characters) as the translation of ``source``: ``lead`` before every hypothesis."""
    if not lead:
        return result
    size = len(lead)
    return replace(
        result,
        source=source,
        target=lead + result.target if result.target else result.target,
        nbest=[(lead + text if text else text, score) for text, score in result.nbest],
        unknown=tuple((start + size, end + size) for start, end in result.unknown),
    )


class MarkupKeepingEngine:
    """An engine whose results keep the source's markup (``kept_markup``) and that never
    gives it a segment's opening comments (``leading_markup``); everything else is the
    wrapped engine's."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name

    def __getattr__(self, name: str) -> Any:
        # The wrapped engine's options, fingerprint and counts (the cache's model_calls).
        return getattr(self.engine, name)

    def model_id(self, src: str, tgt: str) -> str:
        return self.engine.model_id(src, tgt)

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Progress | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[MTResult]:
        leads = [text[: leading_markup(text)] for text in texts]
        bodies = [text[len(lead) :] for text, lead in zip(texts, leads, strict=True)]
        results = self.engine.translate(bodies, src, tgt, progress=progress, kinds=kinds)
        return [
            kept_markup(with_lead(result, text, lead))
            for result, text, lead in zip(results, texts, leads, strict=True)
        ]
