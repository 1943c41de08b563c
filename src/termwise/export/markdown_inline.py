"""Inline Markdown in the segments of a Markdown document, for the editions to lay out.

A Markdown source keeps its markup in every segment (``**important**``, ``[link](url)``), so
that offsets stay exact; an edition shows what the markup means instead. Only emphasis,
strong emphasis, code spans, links (and images, as their text), autolinks, backslash escapes
and entities are read, following CommonMark's rules for them; anything else, raw HTML above
all, stays literal text. An HTML comment (``<!-- note -->``) is the one piece of raw HTML
read: a rendering of the source shows nothing of it, so no edition may show it as text. A reference link (``[text][label]``, ``[label][]``, ``[label]``) is
a link where the document defines its label (``Document.link_definitions``, which the
caller gives as ``References``), and literal text where it does not, as in CommonMark.
Glossary terms are found in the raw text, so every piece of text keeps its offsets in it:
that is why this is not markdown-it-py (installed with Textual), whose inline tokens carry
no source offsets to mark a term inside ``**…**`` by.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from termwise.document.markdown_comments import (
    ASCII_PUNCTUATION,
    AUTOLINK,
    DECLARATION,
    EMAIL_AUTOLINK,
    INLINE_COMMENT,
    code_span_closing,
    inline_link_target,
    link_label,
    normalize_label,
)
from termwise.document.model import MAX_LABEL, LinkDefinition

# Link targets a standalone edition may point at; others (javascript:, relative paths that
# lead nowhere once the edition leaves the project) are shown as their text.
_SAFE_TARGET = re.compile(r"(?:https?://|mailto:)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# An inline HTML comment: the segmenter's own pattern, so that no segment cuts one this
# parser reads.
HTML_COMMENT = INLINE_COMMENT
_LABEL_TEXT = re.compile(r"(?:[^\\\[\]]|\\.)*\Z", re.DOTALL)

# A document's link reference definitions: each destination by its normalised label.
References: TypeAlias = Mapping[str, str]


def references(definitions: Iterable[LinkDefinition]) -> dict[str, str]:
    """The ``References`` of ``definitions``, in document order: the first definition of a
    label wins, as in CommonMark."""
    found: dict[str, str] = {}
    for definition in definitions:
        found.setdefault(normalize_label(definition.label), definition.destination)
    return found


@dataclass(frozen=True)
class Text:
    """Text shown as it is: ``raw[start:end]``, or what an escape or entity there stands for;
    for an HTML comment, nothing (``text`` empty)."""

    start: int
    end: int
    text: str
    literal: bool  # the text is the raw slice itself (not an escape or an entity)


@dataclass(frozen=True)
class Code:
    """A code span: its text is shown as it is, markup and all."""

    start: int
    end: int  # the whole code span, backticks included
    text: str


@dataclass
class Span:
    """Emphasis, strong emphasis, a link (``href`` when it may be followed) or an image."""

    kind: Literal["em", "strong", "link", "image"]
    children: list[Node] = field(default_factory=list)
    href: str | None = None


Node = Text | Code | Span


def parse(text: str, references: References | None = None) -> list[Node]:
    """The inline structure of ``text``, its reference links resolved by ``references``; it
    never fails, malformed markup is literal text."""
    return _Parser(text, references or {}).run()


def plain(nodes: list[Node]) -> str:
    """What the reader sees, without markers: for Word and for an HTML ``<title>``."""
    return "".join(leaf.text for leaf in leaves(nodes))


def plain_text(text: str, references: References | None = None) -> str:
    """``text`` read as Markdown and shown without its markers."""
    return plain(parse(text, references))


def leaves(nodes: list[Node]) -> Iterator[Text | Code]:
    for leaf, _kinds in styled_leaves(nodes):
        yield leaf


def styled_leaves(
    nodes: list[Node], kinds: frozenset[str] = frozenset()
) -> Iterator[tuple[Text | Code, frozenset[str]]]:
    """Every piece of text with the kinds of span it lies in (``em``, ``strong``, ``link``)."""
    for node in nodes:
        if isinstance(node, Span):
            yield from styled_leaves(node.children, kinds | {node.kind})
        else:
            yield node, kinds


def escape_literal(text: str, nodes: list[Node], escape: dict[str, str]) -> str:
    """``text`` with the characters in ``escape`` replaced in its literal text only.

    A Markdown edition keeps the source's own markup as it is, and escapes what the HTML
    edition shows as text (raw HTML) so that both editions read alike.
    """
    out: list[str] = []
    position = 0
    for leaf in leaves(nodes):
        if isinstance(leaf, Text) and leaf.literal:
            out.append(text[position : leaf.start])
            out.append("".join(escape.get(char, char) for char in leaf.text))
            position = leaf.end
    out.append(text[position:])
    return "".join(out)


def _is_punctuation(char: str) -> bool:
    return char in ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


@dataclass
class _Delimiter:
    """A run of ``*`` or ``_`` that may open or close emphasis (CommonMark 6.2)."""

    char: str
    start: int  # raw offset of the characters not yet used
    count: int
    length: int  # the run's original length, for the rule of three
    can_open: bool
    can_close: bool
    removed: bool = False


@dataclass
class _Bracket:
    """A ``[`` or ``![`` waiting for its ``]``."""

    item: Text
    delimiters: int  # how many delimiters came before it
    image: bool
    active: bool = True


class _Parser:
    def __init__(self, text: str, references: References) -> None:
        self.text = text
        self.references = references
        self.items: list[Node | _Delimiter] = []
        self.delimiters: list[_Delimiter] = []
        self.brackets: list[_Bracket] = []

    def run(self) -> list[Node]:
        text = self.text
        position = 0
        plain_start = 0
        length = len(text)
        while position < length:
            char = text[position]
            if char not in "\\`<&*_[]!":
                position += 1
                continue
            self._literal(plain_start, position)
            position = self._special(position)
            plain_start = position
        self._literal(plain_start, length)
        self._process_emphasis(0)
        return self._finish(self.items)

    def _literal(self, start: int, end: int) -> None:
        if end > start:
            self.items.append(Text(start, end, self.text[start:end], literal=True))

    def _special(self, position: int) -> int:
        """Reads the construct at ``position``; returns where the text goes on."""
        text = self.text
        char = text[position]
        if char == "\\":
            following = text[position + 1 : position + 2]
            if following and following in ASCII_PUNCTUATION:
                self.items.append(Text(position, position + 2, following, literal=False))
                return position + 2
            self._literal(position, position + 1)
            return position + 1
        if char == "`":
            return self._code(position)
        if char == "<":
            comment = HTML_COMMENT.match(text, position)
            if comment:
                return self._comment(position, comment.end())
            declaration = DECLARATION.match(text, position)
            if declaration:
                # Raw HTML, text here as a tag is, but whole: no code span, comment,
                # emphasis or link in it (CommonMark 6.6), as the segmenter reads it.
                self._literal(position, declaration.end())
                return declaration.end()
            return self._autolink(position)
        if char == "&":
            entity = _ENTITY.match(text, position)
            if entity:
                decoded = html.unescape(entity.group())
                if decoded != entity.group():
                    self.items.append(Text(position, entity.end(), decoded, literal=False))
                    return entity.end()
            self._literal(position, position + 1)
            return position + 1
        if char in "*_":
            return self._delimiter_run(position)
        if char == "!" and text.startswith("[", position + 1):
            item = Text(position, position + 2, "![", literal=True)
            self.items.append(item)
            self.brackets.append(_Bracket(item, len(self.delimiters), image=True))
            return position + 2
        if char == "[":
            item = Text(position, position + 1, "[", literal=True)
            self.items.append(item)
            self.brackets.append(_Bracket(item, len(self.delimiters), image=False))
            return position + 1
        if char == "]":
            return self._close_bracket(position)
        self._literal(position, position + 1)
        return position + 1

    def _comment(self, start: int, end: int) -> int:
        """An HTML comment, shown as nothing (a Markdown edition writes it back as written),
        with the spaces it leaves doubled ("Text <!-- note --> more": "Text  more"), or at
        the text's edge, that a browser collapses and plain text and Word would show."""
        text = self.text
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        before = start
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if before == 0 or (before < start and after > end):
            end = after  # the spaces after it
        elif after == len(text) and before < start:
            previous = self.items[-1] if self.items else None
            if isinstance(previous, Text) and previous.literal and previous.end == start:
                # The spaces before it, cut from the text scanned just before.
                self.items.pop()
                self._literal(previous.start, before)
                start = before
        self.items.append(Text(start, end, "", literal=False))
        return end

    def _code(self, position: int) -> int:
        text = self.text
        run_end, found = code_span_closing(text, position)
        if found is None:
            self._literal(position, run_end)  # no closing run: the backticks are text
            return run_end
        content = text[run_end:found]
        if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
            content = content[1:-1]
        closing_end = found + (run_end - position)
        self.items.append(Code(position, closing_end, content))
        return closing_end

    def _autolink(self, position: int) -> int:
        text = self.text
        link = AUTOLINK.match(text, position)
        href: str | None = None
        if link:
            href = link.group(1)
        else:
            link = EMAIL_AUTOLINK.match(text, position)
            if link:
                href = "mailto:" + link.group(1)
        if link is None or href is None:
            self._literal(position, position + 1)
            return position + 1
        if not _SAFE_TARGET.match(href):
            # Text, but whole: what it holds is its address, no code span, comment or link.
            self._literal(position, link.end())
            return link.end()
        shown = Text(link.start(1), link.end(1), link.group(1), literal=True)
        self.items.append(Span("link", [shown], href=href))
        return link.end()

    def _delimiter_run(self, position: int) -> int:
        text = self.text
        char = text[position]
        end = position
        while end < len(text) and text[end] == char:
            end += 1
        before = text[position - 1] if position else " "
        after = text[end] if end < len(text) else " "
        left = not after.isspace() and (
            not _is_punctuation(after) or before.isspace() or _is_punctuation(before)
        )
        right = not before.isspace() and (
            not _is_punctuation(before) or after.isspace() or _is_punctuation(after)
        )
        if char == "*":
            can_open, can_close = left, right
        else:
            can_open = left and (not right or _is_punctuation(before))
            can_close = right and (not left or _is_punctuation(after))
        delimiter = _Delimiter(char, position, end - position, end - position, can_open, can_close)
        self.items.append(delimiter)
        self.delimiters.append(delimiter)
        return end

    def _close_bracket(self, position: int) -> int:
        bracket = self.brackets.pop() if self.brackets else None
        if bracket is None or not bracket.active:
            self._literal(position, position + 1)
            return position + 1
        target = self._inline_target(position + 1) or self._reference_target(bracket, position)
        if target is None:
            # (A full reference whose label is undefined: the label is read on as text, and
            # may be a shortcut link itself, as in CommonMark.)
            self._literal(position, position + 1)
            return position + 1
        href, end = target
        self._process_emphasis(bracket.delimiters)
        index = self._index(bracket.item)
        children = self._finish(self.items[index + 1 :])
        del self.items[index:]
        for delimiter in self.delimiters[bracket.delimiters :]:
            delimiter.removed = True
        if bracket.image:
            self.items.append(Span("image", children))
        else:
            # A space stands in a destination in angle brackets ("<https://x.org/a b>"),
            # never in a URL: encoded, as CommonMark renders it, or Word's link breaks.
            safe = href.replace(" ", "%20") if _SAFE_TARGET.match(href) else None
            self.items.append(Span("link", children, href=safe))
            # Links do not nest: an earlier "[" can no longer open one.
            for earlier in self.brackets:
                if not earlier.image:
                    earlier.active = False
        return end

    def _inline_target(self, position: int) -> tuple[str, int] | None:
        """The destination of ``(dest "title")`` at ``position`` and where it ends, read
        where the segmenter reads it (``inline_link_target``)."""
        target = inline_link_target(self.text, position)
        if target is None:
            return None
        destination, end = target
        return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", destination)), end

    def _reference_target(self, bracket: _Bracket, position: int) -> tuple[str, int] | None:
        """The destination of the reference link whose text closes at ``position``, and where
        the link ends: a full reference names its label after the text (``[text][label]``);
        a collapsed (``[label][]``) or shortcut (``[label]``) one is named by its text."""
        if not self.references:
            return None
        text = self.text
        # (None where none opens there: the text is tried as a shortcut.)
        label = link_label(text, position + 1)
        if label is not None and label.group(1):
            name, end = label.group(1), label.end()
        else:
            end = position + 1 if label is None else label.end()  # (after "[]")
            if position - bracket.item.end > MAX_LABEL:
                return None
            name = text[bracket.item.end : position]
            if not _LABEL_TEXT.match(name):
                return None  # a text with brackets in it is no label
        destination = self.references.get(normalize_label(name))
        return None if destination is None else (destination, end)

    def _index(self, item: Node | _Delimiter) -> int:
        for index in range(len(self.items) - 1, -1, -1):
            if self.items[index] is item:
                return index
        raise ValueError("item not in the list")

    def _process_emphasis(self, bottom: int) -> None:
        """CommonMark's "process emphasis" over the delimiters from ``bottom`` on."""
        delimiters = self.delimiters
        openers_bottom: dict[tuple[str, bool, int], int] = {}
        closer_index = bottom
        while closer_index < len(delimiters):
            closer = delimiters[closer_index]
            if closer.removed or not closer.can_close:
                closer_index += 1
                continue
            key = (closer.char, closer.can_open, closer.length % 3)
            floor = max(bottom, openers_bottom.get(key, bottom))
            opener_index = closer_index - 1
            opener: _Delimiter | None = None
            while opener_index >= floor:
                candidate = delimiters[opener_index]
                if (
                    not candidate.removed
                    and candidate.char == closer.char
                    and candidate.can_open
                    and not self._rule_of_three(candidate, closer)
                ):
                    opener = candidate
                    break
                opener_index -= 1
            if opener is None:
                openers_bottom[key] = closer_index
                if not closer.can_open:
                    closer.removed = True
                closer_index += 1
                continue
            self._emphasise(opener, closer)
            for between in delimiters[opener_index + 1 : closer_index]:
                between.removed = True
            if opener.count == 0:
                opener.removed = True
                del self.items[self._index(opener)]
            if closer.count == 0:
                closer.removed = True
                del self.items[self._index(closer)]
                closer_index += 1

    @staticmethod
    def _rule_of_three(opener: _Delimiter, closer: _Delimiter) -> bool:
        if not (opener.can_close or closer.can_open):
            return False
        total = opener.length + closer.length
        return total % 3 == 0 and not (opener.length % 3 == 0 and closer.length % 3 == 0)

    def _emphasise(self, opener: _Delimiter, closer: _Delimiter) -> None:
        used = 2 if opener.count >= 2 and closer.count >= 2 else 1
        opener.count -= used
        first = self._index(opener) + 1
        last = self._index(closer)
        children = self._finish(self.items[first:last])
        self.items[first:last] = [Span("strong" if used == 2 else "em", children)]
        closer.start += used
        closer.count -= used

    def _finish(self, items: list[Node | _Delimiter]) -> list[Node]:
        """``items`` as nodes: delimiters nothing matched are the text they are."""
        nodes: list[Node] = []
        for item in items:
            node: Node
            if isinstance(item, _Delimiter):
                if not item.count:
                    continue
                end = item.start + item.count
                node = Text(item.start, end, self.text[item.start : end], literal=True)
            else:
                node = item
            previous = nodes[-1] if nodes else None
            if (
                isinstance(node, Text)
                and node.literal
                and isinstance(previous, Text)
                and previous.literal
                and previous.end == node.start
            ):
                # One run of text, however it was scanned: terms and escapes see it whole.
                nodes[-1] = Text(previous.start, node.end, previous.text + node.text, literal=True)
            else:
                nodes.append(node)
        return nodes


# How a paragraph's sentences stand in its text, as every edition joins them.
PARAGRAPH_JOIN = " "
# The spaces at a sentence's edge that an edition's join stands for (not a no-break space,
# which an entity or the text itself puts there on purpose).
_EDGE_SPACE = " \t\r\n"


def parse_paragraph(texts: list[str], references: References | None = None) -> list[list[Node]]:
    """Each of ``texts`` (one paragraph's sentences, in order) as its nodes, read as the
    paragraph they make: emphasis or a link that spans two sentences is one span of the
    paragraph, so each sentence shows its own part of it instead of literal markers.

    Offsets are each text's own, as the glossary terms found in it are.
    """
    starts: list[int] = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(PARAGRAPH_JOIN)
    nodes = parse(PARAGRAPH_JOIN.join(texts), references)
    return [
        _trimmed(_slice(nodes, start, start + len(text)))
        for start, text in zip(starts, texts, strict=True)
    ]


def shown_end(text: str, references: References | None = None) -> int:
    """Where ``text`` ends for its reader: before the HTML comments (and the spaces beside
    them) that close it ("It began. <!-- check -->"), so that a mark set after what the
    reader sees stands there, not after a comment nobody sees."""
    comments = [
        (leaf.start, leaf.end)
        for leaf in leaves(parse(text, references))
        if isinstance(leaf, Text) and not leaf.literal and not leaf.text
    ]
    end = len(text.rstrip(_EDGE_SPACE))
    for start, stop in reversed(comments):
        # (A comment's leaf may take in the spaces after it: its end is at or past ours.)
        if stop < end:
            break
        end = len(text[:start].rstrip(_EDGE_SPACE))
    return end


def shows_nothing(nodes: list[Node] | None) -> bool:
    """Whether a sentence read as ``nodes`` (None: no Markdown) shows the reader nothing:
    it holds an HTML comment alone (a table cell's ``<!-- note -->``). An edition prints
    neither it nor the space before it."""
    return nodes is not None and not plain(nodes)


def _trimmed(nodes: list[Node]) -> list[Node]:
    """``nodes`` without the spaces at their edges: a comment beside a sentence's end
    ("It ends. <!-- note -->") leaves the spaces before it in the sentence, where an
    edition's own space between sentences would double them."""
    return _edge_trimmed(_edge_trimmed(nodes, at_end=True), at_end=False)


def _edge_trimmed(nodes: list[Node], *, at_end: bool) -> list[Node]:
    """``nodes`` without the spaces at their end (``at_end``) or their start."""
    out = list(nodes)
    for index in range(len(out) - 1, -1, -1) if at_end else range(len(out)):
        node = out[index]
        if isinstance(node, Span):
            children = _edge_trimmed(node.children, at_end=at_end)
            out[index] = Span(node.kind, children, href=node.href)
            if plain(children):
                break
        elif isinstance(node, Code) or not node.literal:
            if node.text:
                break
            # (An HTML comment shows nothing: the edge lies beyond it.)
        else:
            text = node.text.rstrip(_EDGE_SPACE) if at_end else node.text.lstrip(_EDGE_SPACE)
            start = node.start if at_end else node.end - len(text)
            out[index] = Text(start, start + len(text), text, literal=True)
            if text:
                break
    return [
        node
        for node in out
        if not (isinstance(node, Span) and not node.children)
        and not (isinstance(node, Text) and node.literal and not node.text)
    ]


def _slice(nodes: list[Node], start: int, end: int) -> list[Node]:
    """What of ``nodes`` lies in ``[start, end)``, at offsets from ``start``; a span cut by
    the bounds keeps its kind (and target) on either side."""
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, Span):
            children = _slice(node.children, start, end)
            if children:
                out.append(Span(node.kind, children, href=node.href))
        elif isinstance(node, Code) or not node.literal:
            # What it shows is no slice of the raw text: it goes whole to where it begins.
            if start <= node.start < end:
                out.append(_shifted(node, start))
        else:
            first, last = max(node.start, start), min(node.end, end)
            if first < last:
                text = node.text[first - node.start : last - node.start]
                out.append(Text(first - start, last - start, text, literal=True))
    return out


def _shifted(node: Text | Code, offset: int) -> Text | Code:
    if isinstance(node, Code):
        return Code(node.start - offset, node.end - offset, node.text)
    return Text(node.start - offset, node.end - offset, node.text, node.literal)


def reading_text(nodes: list[Node]) -> str:
    """What the reader sees, as plain text that loses nothing: a followable link's target
    after its text ("site (https://example.org)"), unless the text is the target itself."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Span):
            inner = reading_text(node.children) if node.kind != "image" else plain(node.children)
            out.append(inner)
            if node.kind == "link" and node.href is not None:
                shown = inner.strip()
                if node.href not in (shown, "mailto:" + shown):
                    out.append(f" ({node.href})")
        else:
            out.append(node.text)
    return "".join(out)


def paragraph_nodes(
    texts: list[str], markdown: bool, references: References | None = None
) -> list[list[Node] | None]:
    """``parse_paragraph`` for an edition's paragraph: None for each text of a source that
    is no Markdown, whose texts are printed as they are."""
    if not markdown:
        return [None] * len(texts)
    return list(parse_paragraph(texts, references))
