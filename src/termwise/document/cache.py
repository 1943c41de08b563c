"""A cache of segmented documents, so that a 50,000-sentence book reopens in a fraction of a second.

Segmenting such a book (joining lines, splitting sentences, hashing ids) takes seconds, and
the review workbench reads the book on every start. The result depends only on the file's
bytes and on what it was read with (language, encoding, format, id aliases) and the code that
segments it (``VERSION``), so it is kept as JSON in ``$XDG_CACHE_HOME/termwise/documents/``
under the SHA-256 of all of those. A cache entry is used only on an exact key match; any
problem with it (missing, cut short, corrupt, another shape) is the same as no cache, and
the document is simply segmented again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from termwise.document.model import (
    HTML_BLOCK,
    HTML_COMMENT,
    NUMBERINGS,
    BlockQuote,
    CodeBlock,
    LinkDefinition,
    ListItem,
    OffsetMap,
    Segment,
    SegmentKind,
    TableCell,
)

# Bump whenever reading or segmentation changes what a file gives: old entries are ignored.
# 8: a Markdown source's code blocks are kept beside the segments (an indented one was a
# paragraph).
# 9: a paragraph's block quote depth, a Markdown list item's marker; a quote's headings,
# lists and blank ("> ") lines read as such.
# 10: a Word list item's delimiter ("a)", "(a)", "1.") from its numbering's w:lvlText.
# 11: a Markdown source's link reference definitions are kept beside the segments (each was
# a paragraph).
# 12: the first page's running header is page furniture where it counts up to the next.
# 13: which block quotes a Markdown paragraph, code block or definition stands in
# (``quotes``); code in a quote is a code block, not a paragraph.
# 14: which list item a Markdown paragraph, heading, table or code block that is no item's
# first paragraph stands in (``item_depth``): an item's second paragraph ended the list.
# 15: a Markdown source's raw HTML blocks and comments are kept beside the segments, as
# code blocks are (``CodeBlock.html``; each was a paragraph, or part of one).
# 16: a Markdown paragraph's inline HTML comment is never cut by a sentence end, and one
# between two sentences ends the sentence before it.
# 17: the text after a Markdown comment block's "-->" on its line is a paragraph of its own
# ("<!-- note --> New eras begin."; it was kept in the comment's block, untranslated).
# 18: a German note mark that closes a reference ends its sentence ("Anm. d. Verf. Dort"); a
# lone lowercase letter before its sentence is an enumerator ("a. B"); no cut in a code span.
# 19: comments before the text on a Markdown comment block's closing line stay in the block
# ("<!-- a --> <!-- b --> Text."; the second was in the segment).
# 20: a lettered item opens its sentence ("milk. b. Sell"), a link's destination and a defined
# reference label are no comment, an HTML declaration is never cut.
# 21: two lone letters are one abbreviation ("e. g. Paris"), and an abbreviation that never
# ends a sentence ends none in either spacing ("p.ex. Paris", "z.B. Das").
# 22: no cut inside an inline link's target ("[x](<a. B>)"), nor in French "c. -à-d."; a
# definition under a list item's text is a definition (it was a sentence), held by the item.
# 23: a definition's destination on the line after its label ("[b]:" then "<http://…>"),
# its title on that line or the next, is a definition (it was a sentence).
# 24: a definition's label or title over lines, and a definition's lazy lines (quoted less,
# or indented less than its item's text), are a definition (they were sentences).
# 25: a definition on a list item's marker line ("- [a]: /url") is a definition (it was a
# sentence), the item's next paragraph its first; a line indented two after "> \t" is no
# code; "2)" quoted less than a quote's paragraph opens an item; "\ " escapes no space in
# a link's destination.
# 26: a definition records the list item it opens (on the item's marker line, or right
# under one there), which the editions print it in.
# 27: a plain text's short first line before a blank line is its title, and lines like it
# between paragraphs, where several stand so, are headings (they were sentences); a
# two-page browser print loses its header and footer; a "Chapter N" over its paragraph
# atop each page stays.
# 28: no Chinese sentence ends inside a short quotation ("他喊道：“快跑！快跑！”" was two).
# 29: a quotation goes on with と or its speaker (「…。」と彼は言った。, “…！”他说。); a
# signature's lines and a line ending on "of the" are no headings; a table's rows stay rows
# across a page break; "(1) Scope" is a heading, "2.5 million …" none.
# 30: a browser print's <h1> that repeats its <title> is the heading, not the header; a
# table's rows set one below the other on a page stay rows.
# 31: a name before 说 or 问 after a quotation is its speaker (“走吧。”小王说。); a short
# GBK file ("中", a quoted sentence) is read as GB18030; a title wrapped over two lines is
# one heading, and "What we learned" and "Vitamin A" between paragraphs are headings.
VERSION = 31
# Smaller files segment in well under a tenth of a second: not worth a cache file.
MIN_BYTES = 200_000

_KINDS = {SegmentKind.HEADING: 0, SegmentKind.SENTENCE: 1}
_KIND_OF = {number: kind for kind, number in _KINDS.items()}


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "termwise" / "documents"


def cache_key(
    data: bytes,
    *,
    lang: str | None,
    encoding: str | None,
    fmt: str,
    id_aliases: Mapping[str, str] | None,
) -> str:
    """The SHA-256 of everything the segments depend on (alias order counts, as in ids)."""
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(data).digest())
    settings = [VERSION, lang or "", encoding or "", fmt, list((id_aliases or {}).items())]
    digest.update(json.dumps(settings, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def cache_path(key: str) -> Path:
    return cache_dir() / f"{key}.json"


def read(
    key: str,
) -> tuple[str, str, list[Segment], list[CodeBlock], list[LinkDefinition]] | None:
    """``(language, encoding, segments, code blocks, link definitions)`` stored under
    exactly ``key``, else ``None``."""
    # The segments hold no reference cycles: without the cyclic collector rescanning the
    # growing heap, decoding 50,000 of them takes a third of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        payload = json.loads(cache_path(key).read_text(encoding="utf-8"))
        if payload.get("version") != VERSION or payload.get("key") != key:
            return None
        lang, encoding = payload["lang"], payload["encoding"]
        if not isinstance(lang, str) or not isinstance(encoding, str):
            return None
        segments = [_decode_segment(row) for row in payload["segments"]]
        code_blocks = [_decode_code_block(row) for row in payload["code_blocks"]]
        definitions = [_decode_definition(row) for row in payload["link_definitions"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    finally:
        if collecting:
            gc.enable()
    return (lang, encoding, segments, code_blocks, definitions) if segments else None


def write(
    key: str,
    lang: str,
    encoding: str,
    segments: Sequence[Segment],
    code_blocks: Sequence[CodeBlock] = (),
    link_definitions: Sequence[LinkDefinition] = (),
) -> None:
    """Store the segments, code blocks and link definitions under ``key``; a cache that
    cannot be written is just not there."""
    payload = {
        "version": VERSION,
        "key": key,
        "lang": lang,
        "encoding": encoding,
        "segments": [_encode_segment(segment) for segment in segments],
        "code_blocks": [_encode_code_block(code) for code in code_blocks],
        "link_definitions": [_encode_definition(definition) for definition in link_definitions],
    }
    target = cache_path(key)
    # Written to a temporary file and renamed, so a reader never sees half an entry; no
    # fsync: an entry lost in a crash fails its checks and is rebuilt.
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(
                json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )
            os.replace(temporary, target)
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _encode_segment(segment: Segment) -> list[Any]:
    offsets = segment.offsets
    if isinstance(offsets, OffsetMap):
        runs = offsets.runs
    else:
        runs = OffsetMap.from_offsets(offsets).runs if offsets else []
    return [
        segment.id,
        _KINDS[segment.kind],
        segment.text,
        segment.line,
        segment.column,
        segment.paragraph,
        segment.start,
        segment.end,
        [run[0] for run in runs],
        [run[1] for run in runs],
        len(offsets),
        segment.level,
        _encode_cell(segment.cell),
        _encode_list_item(segment.list_item),
        segment.quote_depth,
        _encode_quotes(segment.quotes),
        segment.item_depth,
    ]


def _encode_cell(cell: TableCell | None) -> list[int] | None:
    return None if cell is None else [cell.table, cell.row, cell.column]


def _encode_list_item(item: ListItem | None) -> list[Any] | None:
    if item is None:
        return None
    return [item.ordered, item.number, item.depth, item.numbering, item.marker]


def _encode_quotes(quotes: Sequence[BlockQuote]) -> list[list[int]]:
    return [[quote.number, quote.item_depth] for quote in quotes]


def _decode_quotes(value: Any, depth: int) -> tuple[BlockQuote, ...]:
    """The quotes of a row ``depth`` quotes deep: as many as that, or none."""
    if type(value) is not list or len(value) not in (0, depth):
        raise ValueError("cache row with malformed quotes")
    quotes = []
    for pair in value:
        if type(pair) is not list or len(pair) != 2:
            raise ValueError("cache row with a malformed quote")
        number, item_depth = pair
        if type(number) is not int or type(item_depth) is not int or item_depth < 0:
            raise ValueError("cache row with a malformed quote")
        quotes.append(BlockQuote(number, item_depth))
    return tuple(quotes)


def _decode_segment(row: list[Any]) -> Segment:
    if len(row) != 17:
        raise ValueError("cache row of another shape")
    (
        segment_id,
        kind,
        text,
        line,
        column,
        paragraph,
        start,
        end,
        starts,
        sources,
        length,
        level,
        cell,
        list_item,
        quote_depth,
        quotes,
        item_depth,
    ) = row
    if type(segment_id) is not str or type(text) is not str or type(level) is not int:
        raise ValueError("cache row with a non-text field")
    if type(quote_depth) is not int or quote_depth < 0:
        raise ValueError("cache row with a malformed quote depth")
    if type(item_depth) is not int or item_depth < 0:
        raise ValueError("cache row with a malformed item depth")
    if length != len(text):
        raise ValueError("cache row whose offsets do not fit its text")
    offsets: Sequence[int] = (
        OffsetMap.from_starts(tuple(starts), tuple(sources), length) if starts else ()
    )
    return Segment(
        id=segment_id,
        kind=_KIND_OF[kind],
        text=text,
        line=line,
        column=column,
        paragraph=paragraph,
        start=start,
        end=end,
        offsets=offsets,
        level=level,
        cell=_decode_cell(cell),
        list_item=_decode_list_item(list_item),
        quote_depth=quote_depth,
        quotes=_decode_quotes(quotes, quote_depth),
        item_depth=item_depth,
    )


def _encode_code_block(code: CodeBlock) -> list[Any]:
    return [
        code.after_paragraph,
        code.text,
        code.info,
        code.quote_depth,
        _encode_quotes(code.quotes),
        code.item_depth,
        code.html,
    ]


def _decode_code_block(row: Any) -> CodeBlock:
    after_paragraph, text, info, quote_depth, quotes, item_depth, html = row
    if type(after_paragraph) is not int or type(text) is not str or type(info) is not str:
        raise ValueError("cache row with a malformed code block")
    if not all(type(number) is int and number >= 0 for number in (quote_depth, item_depth)):
        raise ValueError("cache row with a malformed code block")
    if html not in ("", HTML_BLOCK, HTML_COMMENT):
        raise ValueError("cache row with a malformed code block")
    return CodeBlock(
        after_paragraph,
        text,
        info,
        quote_depth,
        _decode_quotes(quotes, quote_depth),
        item_depth,
        html,
    )


def _encode_definition(definition: LinkDefinition) -> list[Any]:
    return [
        definition.after_paragraph,
        definition.text,
        definition.label,
        definition.destination,
        definition.title,
        definition.quote_depth,
        definition.code_blocks_before,
        _encode_quotes(definition.quotes),
        definition.item_depth,
        _encode_list_item(definition.opens_item),
        definition.marker_line,
    ]


def _decode_definition(row: Any) -> LinkDefinition:
    (
        after_paragraph,
        text,
        label,
        destination,
        title,
        quote_depth,
        code_blocks_before,
        quotes,
        item_depth,
        opens_item,
        marker_line,
    ) = row
    numbers = (after_paragraph, quote_depth, code_blocks_before, item_depth)
    texts = (text, label, destination)
    if not all(type(number) is int and number >= 0 for number in numbers):
        raise ValueError("cache row with a malformed link definition")
    if type(marker_line) is not bool:
        raise ValueError("cache row with a malformed link definition")
    if not all(type(part) is str for part in texts) or not (title is None or type(title) is str):
        raise ValueError("cache row with a malformed link definition")
    return LinkDefinition(
        after_paragraph,
        text,
        label,
        destination,
        title,
        quote_depth,
        code_blocks_before,
        _decode_quotes(quotes, quote_depth),
        item_depth,
        _decode_list_item(opens_item),
        marker_line,
    )


def _decode_cell(value: Any) -> TableCell | None:
    if value is None:
        return None
    table, row, column = value
    if not all(type(number) is int for number in value):
        raise ValueError("cache row with a malformed table cell")
    return TableCell(table, row, column)


def _decode_list_item(value: Any) -> ListItem | None:
    if value is None:
        return None
    ordered, number, depth, numbering, marker = value
    if type(ordered) is not bool or type(depth) is not int or numbering not in NUMBERINGS:
        raise ValueError("cache row with a malformed list item")
    if type(marker) is not str:
        raise ValueError("cache row with a malformed list marker")
    if number is not None and type(number) is not int:
        raise ValueError("cache row with a malformed list number")
    return ListItem(ordered, number, depth, numbering, marker)
