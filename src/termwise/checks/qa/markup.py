"""Markdown inline markup: the translation of a Markdown source keeps its emphasis, strong
emphasis, links, code spans and HTML comments, each marker paired and each comment as the
source writes it.

Machine translation drops markers ("las ideas de núcleo*" for "the *core ideas*") and every
edition then prints the stray asterisk; CheckMate and Xbench check tags the same way. An
HTML comment (``<!-- TODO check this figure -->``) is no text: no reader sees it
(CommonMark), so the other checks never read it (``comment_spans``; the runner blanks it
out for them), and this one only asks that the translation keeps it as written.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register
from termwise.checks.screening import segments_containing_either
from termwise.export import markdown_inline

if TYPE_CHECKING:
    from termwise.document.model import Document

_MARKERS = (*"*_`[]", "<!--")
_NAMES = {
    "em": "emphasis",
    "strong": "strong emphasis",
    "link": "link",
    "image": "image",
    "comment": "HTML comment",
}


def document_references(document: Document) -> dict[str, str]:
    """A Markdown document's link reference definitions, as the inline parser takes them."""
    return markdown_inline.references(document.link_definitions)


def comment_spans(text: str, references: dict[str, str] | None = None) -> list[tuple[int, int]]:
    """Where ``text`` holds an HTML comment, "<!--" to "-->", as the inline parser reads one:
    in a code span or after a backslash it is text, which a reader does see."""
    if "<!--" not in text:
        return []
    spans = []
    for leaf in markdown_inline.leaves(markdown_inline.parse(text, references)):
        if _is_comment(leaf):
            # The leaf takes in the spaces the comment leaves doubled: the comment itself is
            # the pattern's match within it.
            comment = markdown_inline.HTML_COMMENT.search(text, leaf.start, leaf.end)
            if comment is not None:
                spans.append(comment.span())
    return spans


def _is_comment(leaf: markdown_inline.Node) -> bool:
    # The parser shows a comment as the one text that is neither its raw slice nor anything.
    return isinstance(leaf, markdown_inline.Text) and not leaf.literal and not leaf.text


def blank_comments(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span of ``spans`` (its comments) turned into spaces: what a reader
    sees, at the offsets of ``text``, so that what a check reports in it points into
    ``text`` as well."""
    pieces = []
    position = 0
    for start, end in spans:
        pieces += [text[position:start], " " * (end - start)]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _shape(text: str, references: dict[str, str]) -> tuple[Counter[str], list[int]]:
    """How many spans of each kind ``text`` holds (code spans as "code", HTML comments as
    "comment"), and where each marker is that the parser left as text (unpaired). A
    reference link counts as a link where ``references`` defines its label: MT that
    translated the label broke it."""
    kinds: Counter[str] = Counter()
    stray: list[int] = []
    stack: list[markdown_inline.Node] = list(markdown_inline.parse(text, references))
    while stack:
        node = stack.pop()
        if isinstance(node, markdown_inline.Span):
            kinds[node.kind] += 1
            stack.extend(node.children)
        elif isinstance(node, markdown_inline.Code):
            kinds["code"] += 1
        elif _is_comment(node):
            kinds["comment"] += 1
        elif node.literal:
            stray.extend(
                node.start + offset
                for offset, char in enumerate(node.text)
                if char in "*`" or (char == "_" and _lone_underscore(node.text, offset))
            )
    return kinds, sorted(stray)


def _lone_underscore(text: str, offset: int) -> bool:
    """An underscore that could be a marker: not inside a word ("snake_case")."""
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


@register(
    "markup",
    Severity.WARNING,
    "A Markdown source's emphasis, links, code spans or HTML comments differ in the "
    "target, or a marker is left unpaired (MT drops markers).",
    Scope.PAIR,
    # The one check of a comment: that the translation keeps it as the source writes it.
    reads_comments=True,
    # Only a Markdown source has markup to keep: other documents are not read at all.
    screen=lambda context, pairs, side: (
        segments_containing_either(_MARKERS, context, pairs) if context.markdown else []
    ),
)
def markup(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target
    if not context.markdown or not target:
        return []
    source_kinds, source_stray = _shape(pair.source, context.references)
    target_kinds, target_stray = _shape(target, context.references)
    issues = []
    if len(target_stray) > len(source_stray):
        # A sentence cut out of a paragraph may hold one marker of an emphasis that runs on
        # into the next: only markers beyond the source's own count, a run ("**") once.
        for start, end in _runs(target_stray[len(source_stray) :]):
            issues.append(
                context.issue(
                    pair,
                    "target",
                    start,
                    end,
                    f"unpaired {target[start:end]} (the source's markup is "
                    f"{_described(source_kinds) or 'none'})",
                )
            )
    elif source_kinds != target_kinds:
        issues.append(
            context.issue(
                pair,
                "target",
                0,
                0,
                f"markup differs: the source has {_described(source_kinds) or 'none'}, "
                f"the target {_described(target_kinds) or 'none'}",
            )
        )
    elif source_kinds["comment"]:
        issues += _changed_comments(context, pair, target)
    return issues


def _changed_comments(context: CheckContext, pair: Pair, target: str) -> list[Issue]:
    """The target's comments that differ from the source's, comment by comment: a comment
    is a note to whoever edits the file, which no reader sees, so there is nothing in it to
    translate, and MT that rewrote it rewrote someone's note."""
    written = [
        pair.source[start:end] for start, end in comment_spans(pair.source, context.references)
    ]
    return [
        context.issue(
            pair,
            "target",
            start,
            end,
            f"HTML comment changed: the source's reads {source_comment}",
            suggestion=source_comment,
        )
        for (start, end), source_comment in zip(
            comment_spans(target, context.references), written, strict=False
        )
        if target[start:end] != source_comment
    ]


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Adjacent marker positions as spans: "**" is one unpaired marker, not two."""
    spans: list[tuple[int, int]] = []
    for position in positions:
        if spans and spans[-1][1] == position:
            spans[-1] = (spans[-1][0], position + 1)
        else:
            spans.append((position, position + 1))
    return spans


def _described(kinds: Counter[str]) -> str:
    return ", ".join(
        f"{count} {_NAMES.get(kind, kind + ' span')}" for kind, count in sorted(kinds.items())
    )


# Checks that read a text as prose: in a Markdown source they must not judge its markup (a
# link's title "El manual" is no quotation to turn into «…», an image's "!" no exclamation,
# `max_flow` no misspelling).
PROSE_CHECKS = frozenset(
    {
        "typography",
        "spelling",
        "end-punctuation",
        "double-space",
        "whitespace",
        "space-before-punctuation",
        "repeated-word",
    }
)


def markup_spans(text: str, references: dict[str, str] | None = None) -> list[tuple[int, int]]:
    """The spans of ``text`` that are Markdown's, not prose: code spans, link and image
    destinations and titles, reference labels, markers. Everything the parser does not
    show as text. (An HTML comment is the runner's to blank out before any check reads
    the text; an issue about the words on either side of one stays.)"""
    shown = [
        (leaf.start, leaf.end)
        for leaf in markdown_inline.leaves(markdown_inline.parse(text, references))
        if isinstance(leaf, markdown_inline.Text)
    ]
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end in sorted(shown):
        if start > position:
            spans.append((position, start))
        position = max(position, end)
    if position < len(text):
        spans.append((position, len(text)))
    return spans


def in_markup(issue_start: int, issue_end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether an issue's span touches markup (an empty span: whether it lies in it)."""
    return any(
        start < max(issue_end, issue_start + 1) and issue_start < end for start, end in spans
    )
