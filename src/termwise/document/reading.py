"""Reading documents into headings and sentences.

Each reader turns a file into *blocks*: a heading or a paragraph, given as the spans of its
lines in ``Document.text`` (or, from Markdown, a code block, a raw HTML block or comment, or
a link reference definition, which are kept verbatim and never segmented). Joining those
lines (line breaks and the stray spaces at page breaks become one space; end-of-line
hyphenation is undone where the document itself shows the word unhyphenated) gives the
paragraph's normalised text and an ``OffsetMap`` back into the file; the segmenter then
splits paragraphs into sentences.
Plain text is assumed to be what PDF extraction gives: hard-wrapped lines, paragraphs
often not separated by blank lines, and numbered headings (``2.1. Title``) that may wrap
onto a second line.
"""

from __future__ import annotations

import gc
import html
import math
import re
import sys
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from termwise import languages
from termwise.document import cache as document_cache
from termwise.document.encoding import decode_bytes, detect_encoding, encoding_note
from termwise.document.figures import leading_label
from termwise.document.ids import assign_ids
from termwise.document.markdown_comments import (
    ASCII_PUNCTUATION,
    inline_code_spans,
    inline_comment_spans,
    normalize_label,
    whole_spans,
)
from termwise.document.model import (
    HTML_BLOCK,
    HTML_COMMENT,
    MAX_LABEL,
    BlockQuote,
    CodeBlock,
    Document,
    LinkDefinition,
    ListItem,
    OffsetMap,
    Segment,
    SegmentKind,
    TableCell,
)
from termwise.document.months import MONTHS
from termwise.document.segmentation import split_sentences
from termwise.errors import InputError, location
from termwise.input_files import read_input, require_regular_file

if TYPE_CHECKING:
    from termwise.document.docx_reader import DocxParagraphs

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
}


@dataclass
class Block:
    """A heading, a paragraph, a code block, a raw HTML block or a link reference
    definition: the spans ``(start, end)`` of its lines' content (a code block's: each line
    from its indentation's end to its end; an HTML block's: each line from its container's
    indentation, as written, to its end)."""

    heading: bool
    lines: list[tuple[int, int]] = field(default_factory=list)
    # A heading's depth, 1 the top.
    level: int = 1
    # Plain text only: lines shorter than this that end a sentence also end a paragraph.
    paragraph_width: int = 0
    # Markdown and .docx: the table cell or list item the block is (see ``Segment``).
    cell: TableCell | None = None
    list_item: ListItem | None = None
    # Markdown: a code block, which becomes a ``CodeBlock`` and no segment; ``info`` is its
    # fence's info string.
    code: bool = False
    info: str = ""
    # Markdown: a raw HTML block (CommonMark's HTML blocks: a comment, a "<div>" … block),
    # read as code is (``code`` is set too): kept as written, and no segment.
    html: bool = False
    # Markdown: how many block quotes the block stands in, and which (see ``Segment``).
    quote_depth: int = 0
    quotes: tuple[BlockQuote, ...] = ()
    # Markdown: the depth of the list item whose text holds the block, where it is no
    # item's first paragraph (see ``Segment.item_depth``); 0 for none.
    item_depth: int = 0
    # Markdown: a link reference definition, which becomes a ``LinkDefinition`` and no
    # segment (its place and text are filled in from the block's).
    definition: LinkDefinition | None = None
    # Markdown: the list item a definition on its marker line opens ("- [a]: /url"), whose
    # first paragraph, if it holds one, is read after it (``_place_item_definitions``).
    opens_item: ListItem | None = None


def load_document(
    path: str | Path,
    *,
    lang: str | None = None,
    encoding: str | None = None,
    id_aliases: Mapping[str, str] | None = None,
    encoding_option: bool | str = False,
) -> Document:
    """Read and segment the file at ``path``; the format comes from its suffix. An error
    reading it advises ``encoding_option`` (see ``encoding.read_text``)."""
    file_path = Path(path)
    fmt = FORMATS.get(file_path.suffix.lower(), "text")
    if not file_path.exists():
        raise InputError("no such file", file_path)
    if file_path.is_dir():
        raise InputError("is a folder, not a document", file_path)
    require_regular_file(file_path)
    if fmt == "docx":
        from termwise.document.docx_reader import read_docx_paragraphs

        paragraphs = read_docx_paragraphs(file_path)
        return _build(paragraphs.text, lang, file_path, "docx", "docx", id_aliases, paragraphs)
    data = read_input(file_path)
    if len(data) < document_cache.MIN_BYTES:
        text, used = _decode(data, file_path, encoding, encoding_option)
        note_encoding(file_path, encoding, used, encoding_option)
        return _build(text, lang, file_path, fmt, used, id_aliases, None)
    # A large book: its segments are cached under the hash of these very bytes, so a change
    # to the file (or to what it is read with) is never answered from the cache.
    key = document_cache.cache_key(
        data, lang=lang, encoding=encoding, fmt=fmt, id_aliases=id_aliases
    )
    cached = document_cache.read(key)
    if cached is not None:
        tag, used, segments, code_blocks, link_definitions = cached
        text = decode_bytes(data, file_path, used)
        note_encoding(file_path, encoding, used, encoding_option)
        if fmt == "markdown" and "<!--" in text:
            # The cache keeps segments, not what reading them warned of: read the blocks
            # again (no sentences split, so a fraction of the segmenting) to warn again.
            _warn(_comment_warnings(text, markdown_blocks(text), file_path))
        document = Document(
            path=file_path,
            text=text,
            lang=tag,
            encoding=used,
            segments=segments,
            fmt=fmt,
            code_blocks=code_blocks,
            link_definitions=link_definitions,
        )
        document.id_aliases = dict(id_aliases or {})
        return document
    text, used = _decode(data, file_path, encoding, encoding_option)
    note_encoding(file_path, encoding, used, encoding_option)
    document = _build(text, lang, file_path, fmt, used, id_aliases, None)
    document_cache.write(
        key,
        document.lang,
        used,
        document.segments,
        document.code_blocks,
        document.link_definitions,
    )
    return document


def _decode(
    data: bytes, path: Path, encoding: str | None, encoding_option: bool | str
) -> tuple[str, str]:
    """``read_text`` on bytes already read: the cache key and the text come from one read."""
    chosen = encoding or detect_encoding(data, path, encoding_option=encoding_option)
    return decode_bytes(data, path, chosen, encoding_option=encoding_option), chosen


def note_encoding(path: Path, encoding: str | None, used: str, encoding_option: bool | str) -> None:
    """Tell on stderr which encoding ``path`` was read in where it was found, not named,
    and is not UTF-8 (``encoding.encoding_note``)."""
    note = encoding_note(used, encoding_option) if encoding is None else None
    if note is not None:
        _warn([f"{path}: {note}"], kind="note")


def parse_document(
    text: str,
    *,
    lang: str,
    path: Path | None = None,
    fmt: str = "text",
    id_aliases: Mapping[str, str] | None = None,
) -> Document:
    """Segment ``text`` as if read from a file of format ``fmt`` (``text`` or ``markdown``)."""
    if fmt not in ("text", "markdown"):
        raise ValueError(f"parse_document reads text or markdown, not {fmt!r}")
    return _build(text, lang, path, fmt, "utf-8", id_aliases, None)


def _build(
    text: str,
    lang: str | None,
    path: Path | None,
    fmt: str,
    encoding: str,
    id_aliases: Mapping[str, str] | None,
    docx: DocxParagraphs | None,
) -> Document:
    tag = languages.normalize(lang) if lang else detect_language(text)
    document = Document(path=path, text=text, lang=tag, encoding=encoding, segments=[], fmt=fmt)
    document.id_aliases = dict(id_aliases or {})
    # Blocks and segments hold no reference cycles, so the cyclic collector has nothing to
    # find; left on, it rescans the growing heap again and again and a 50 MB book is no
    # longer segmented in linear time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if fmt == "markdown":
            blocks = markdown_blocks(text)
            _warn(_comment_warnings(text, blocks, path))
        elif fmt == "docx":
            blocks = (
                docx_blocks(text, docx.headings, docx.cells, docx.list_items)
                if docx is not None
                else docx_blocks(text, {})
            )
        else:
            blocks = plain_text_blocks(text)
        document.segments, document.code_blocks, document.link_definitions = _segments(
            document, blocks, document.id_aliases
        )
    finally:
        if collecting:
            gc.enable()
    if not document.segments:
        raise InputError("empty document: no text to segment", path or "<input>", line=1)
    return document


def _segments(
    document: Document, blocks: Sequence[Block], aliases: Mapping[str, str]
) -> tuple[list[Segment], list[CodeBlock], list[LinkDefinition]]:
    """The segments of ``blocks``, and their code blocks and link reference definitions,
    each placed after the paragraphs before it."""
    text = document.text
    lang = document.lang
    vocabulary = _Vocabulary(text, lang)
    drafts: list[tuple[SegmentKind, str, OffsetMap, int, Block]] = []
    code_blocks: list[CodeBlock] = []
    definitions: list[LinkDefinition] = []
    # A reference link's label is read as the editions read it, wherever the definition
    # stands (``[a][<!-- x -->]`` is a link to a defined label, no comment).
    labels = {
        normalize_label(block.definition.label) for block in blocks if block.definition is not None
    }
    paragraph = 0
    for block in blocks:
        if block.code:
            lines = block.lines
            if block.html:
                # Blank lines at the end of a block its container (or the text) ended, as
                # at the end of indented code, are no part of it.
                while len(lines) > 1 and not text[slice(*lines[-1])].strip():
                    lines = lines[:-1]
            code = "\n".join(text[start:end] for start, end in lines)
            code_blocks.append(
                CodeBlock(
                    after_paragraph=paragraph,
                    text=code,
                    info=block.info,
                    quote_depth=block.quote_depth,
                    quotes=block.quotes,
                    item_depth=block.item_depth,
                    html=_html_kind(code) if block.html else "",
                )
            )
            continue
        if block.definition is not None:
            definitions.append(
                replace(
                    block.definition,
                    after_paragraph=paragraph,
                    text="\n".join(text[start:end] for start, end in block.lines),
                    quote_depth=block.quote_depth,
                    code_blocks_before=len(code_blocks),
                    quotes=block.quotes,
                    item_depth=block.item_depth,
                )
            )
            continue
        joined, offsets = join_lines(text, block.lines, vocabulary)
        if not joined.strip():
            continue
        paragraph += 1
        if block.heading:
            drafts.append((SegmentKind.HEADING, joined, offsets, paragraph, block))
            continue
        # A sentence that ends a short line ends its paragraph (PDF text has no blank lines).
        short_line_ends: set[int] = set()
        if block.paragraph_width:
            for line_start, line_end in block.lines[:-1]:
                if line_end - line_start < block.paragraph_width:
                    short_line_ends.add(line_end)
        # No reader sees a comment: no sentence ends inside one ("<!-- TODO: check. Ask
        # Ana! -->"), and each stays whole in one segment, as a translator must keep it.
        # Nor does one end inside a code span ("`a. B`"): a translator must keep it whole.
        hidden, code_spans = (
            spans_kept_whole(joined, labels) if document.fmt == "markdown" else ([], [])
        )
        spans = split_sentences(joined, lang, hidden, code_spans)
        for index, (start, end) in enumerate(spans):
            drafts.append(
                (SegmentKind.SENTENCE, joined[start:end], offsets.sub(start, end), paragraph, block)
            )
            if (
                short_line_ends
                and index + 1 < len(spans)
                and offsets[end - 1] + 1 in short_line_ends
            ):
                paragraph += 1
    ids = assign_ids((draft[1] for draft in drafts), aliases)
    segments: list[Segment] = []
    for segment_id, (kind, segment_text, offsets, number, block) in zip(ids, drafts, strict=True):
        start = offsets[0]
        line, column = document.line_col(start)
        segments.append(
            Segment(
                id=segment_id,
                kind=kind,
                text=segment_text,
                line=line,
                column=column,
                paragraph=number,
                start=start,
                end=offsets[len(offsets) - 1] + 1,
                offsets=offsets,
                level=block.level if kind is SegmentKind.HEADING else 0,
                cell=block.cell,
                list_item=block.list_item,
                quote_depth=block.quote_depth,
                quotes=block.quotes,
                item_depth=block.item_depth,
            )
        )
    return segments, code_blocks, definitions


def spans_kept_whole(
    text: str, labels: Collection[str]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where no sentence of a Markdown paragraph (``text``, its lines joined) ends, as
    ``split_sentences`` takes them: its comments, and its code spans with what else is read
    whole (a link's target, a reference to one of ``labels``, a declaration: no code, but
    as in code no sentence ends inside it). One reading for the segmenter and the
    workbench's split (F4), which cut inside a link's target where the segmenter did not."""
    hidden = inline_comment_spans(text, labels)
    code = inline_code_spans(text, labels)
    if whole := whole_spans(text, labels):
        code = sorted([*code, *whole])
    return hidden, code


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- joining lines ---------------------------------------------------------------------------

_WORD_TAIL = re.compile(r"(\w+)-\Z")
_WORD_HEAD = re.compile(r"\w+")
# Prefixes that make real compounds when hyphenated ("self-interest", "non-zero"), used when the
# document gives no evidence either way.
_COMPOUND_PREFIXES = _word_set("self ex all half well non cross quasi")
# Second parts that only a compound takes: French pronouns after a verb ("dit-il",
# "celui-ci", "a-t-on") and compound heads ("peut-être", "au-dessus", "c'est-à-dire").
_COMPOUND_TAILS = _word_set(
    "ci là il ils elle elles on je tu nous vous t être même mêmes dessus dessous delà à dire"
)
# A conjunction after a line-end hyphen: the hyphen is the author's, shortening a compound
# ("Jahres- und Tageszeiten", "Ost- und Westufer"), and a space follows it.
_SUSPENDING_CONJUNCTIONS = _word_set("und oder bis sowie bzw and or nor et ou ni")


# Languages whose compounds of two words keep their hyphen ("franco-suisse"): where the two
# parts are common words and the word they would make is none, the hyphen is the author's.
_OPEN_COMPOUNDING = frozenset({"en", "fr", "es", "it", "pt", "ca"})


def _only_as_two_words(left: str, right: str, lang: str) -> bool:
    from wordfreq import zipf_frequency

    if zipf_frequency(left + right, lang) >= 1.0:
        return False
    return zipf_frequency(left, lang) >= 3.0 and zipf_frequency(right, lang) >= 3.0


class _Vocabulary:
    """Words of the document, to decide whether ``inter-\\nnational`` was hyphenated by the
    typesetter (``international`` occurs elsewhere) or by the author (``win-win`` occurs)."""

    def __init__(self, text: str, lang: str | None = None) -> None:
        self._text = text
        self._lang = languages.primary(lang) if lang else ""
        self._words: set[str] | None = None
        self._compounds: set[str] | None = None

    def _load(self) -> None:
        words: set[str] = set()
        compounds: set[str] = set()
        for match in re.finditer(r"\w+(?:-\w+)*", self._text):
            token = match.group().lower()
            if "-" in token:
                parts = token.split("-")
                compounds.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))
                words.update(parts)
            else:
                words.add(token)
        self._words, self._compounds = words, compounds

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether ``left-`` at a line end followed by ``right`` is a real hyphenated compound."""
        if self._words is None or self._compounds is None:
            self._load()
        assert self._words is not None and self._compounds is not None
        lower_left, lower_right = left.lower(), right.lower()
        if f"{lower_left}-{lower_right}" in self._compounds:
            return True
        if lower_left + lower_right in self._words:
            return False
        if lower_right in _COMPOUND_TAILS:
            return True
        if right[:1].isupper() or right[:1].isdigit() or left[-1:].isdigit():
            return True  # "China-ASEAN", "COVID-19"
        if lower_left == lower_right:
            return True  # "win-win"
        if lower_left in _COMPOUND_PREFIXES:
            return True
        if self._lang == "de":
            # German closes its compounds ("Gletscher-/becken" is "Gletscherbecken"), but
            # not a pair of adjectives: "schweizerisch-deutsche", "englisch-amerikanische".
            return lower_left.endswith("isch")
        # A capital opens a name ("Heu-/berger"), which a typesetter cuts like any word.
        return (
            self._lang in _OPEN_COMPOUNDING
            and left[:1].islower()
            and _only_as_two_words(lower_left, lower_right, self._lang)
        )


def _cjk(char: str) -> bool:
    """Chinese or Japanese writing, its punctuation and full-width forms too: what a line
    break beside takes no space for, and what heads a heading without a capital."""
    return languages.cjk_character(char, signs=True)


def join_lines(
    text: str, lines: list[tuple[int, int]], vocabulary: _Vocabulary | None = None
) -> tuple[str, OffsetMap]:
    """Join the content spans ``lines`` of ``text`` into one paragraph and its offset map."""
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    length = 0
    for start, end in lines:
        if start >= end:
            continue
        if pieces:
            last_piece = pieces[-1]
            head = text[start]
            if (
                last_piece[-1] == "-"
                and len(last_piece) > 1
                and last_piece[-2].isalnum()
                and head.isalnum()
            ):
                # A hyphen at the line end: the typesetter's ("inter-/national") goes, the
                # author's ("win-/win", "1990-/2000") stays, with no space added unless a
                # conjunction follows ("Jahres-/und Tageszeiten").
                tail = _WORD_TAIL.search(last_piece[-40:])
                if tail and head.isalpha() and tail.group(1).isalpha():
                    head_match = _WORD_HEAD.match(text, start, end)
                    right = head_match.group() if head_match else head
                    vocab = vocabulary or _Vocabulary(text)
                    if right.lower() in _SUSPENDING_CONJUNCTIONS:
                        pieces.append(" ")
                        runs.append((length, runs[-1][1] + len(last_piece)))
                        length += 1
                    elif not vocab.keeps_hyphen(tail.group(1), right):
                        pieces[-1] = last_piece[:-1]
                        length -= 1
            elif not (_cjk(last_piece[-1]) or _cjk(head)):
                # The line break itself stands for the space.
                pieces.append(" ")
                runs.append((length, runs[-1][1] + len(last_piece)))
                length += 1
        pieces.append(text[start:end])
        runs.append((length, start))
        length += end - start
    joined = "".join(pieces)
    return joined, OffsetMap(runs, length)


# --- plain text (PDF-extracted) ----------------------------------------------------------------

# What a heading opens with besides ``figures.leading_label``'s labels: a Roman numeral
# ("IV. Results"), a number before a quoted title ("1. “Nothing Else”"), and as Chinese
# papers number sections, a number and a space or a section's number run into the title
# ("1 引言", "2.1数据").
_OTHER_HEADING_LABEL = re.compile(
    r"([IVX]{1,5})\.[ \t\u00a0]+(?=[^\W\d_]|[\"“'‘])"
    r"|(\d{1,2}(?:\.\d{1,2}){0,4}\.|\d{1,2}(?:\.\d{1,2}){1,4})[ \t\u00a0]+(?=[\"“'‘])"
    r"|(\d{1,2}[ \t]|\d{1,2}(?:\.\d{1,2}){1,4})(?=[\u3400-\u9fff])"
)
_ENDS_SENTENCE = re.compile(
    r"(?:[.!?。！？…]|\.\.\.)[\"'”’»)\]」』）】]*(?:\s?\[\d{1,4}(?:[,–-]\s?\d{1,4})*\])?\Z"
    r"|\[\d{1,4}(?:[,–-]\s?\d{1,4})*\]\Z"
)
_REFERENCE_ENTRY = re.compile(r"\[\d{1,4}\][ \t]+[^\W\d_]")
_BULLETS = frozenset("•◦▪▫●○■□►▸➢✓")
_TERMINAL_PUNCTUATION = re.compile(r"[.!?。！？…:;,，；：、]\Z")
_CONTINUING_WORDS = _word_set(
    "of and the for in on to with a an or by from at as its their our de la le les des du et "
    "y en el los las del und der die das für von mit im zu и в на с для по"
)


def _cut_before_going_on(line: str) -> bool:
    """Whether ``line`` stops on a word its sentence goes on after ("History of the"). A
    sentence writes that word in lower case: capitalised, it ends a title ("Getting Started
    With") or is a label ("Appendix A", "Vitamin A"), not the article "a"."""
    return line.rsplit(None, 1)[-1] in _CONTINUING_WORDS


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Content span (leading and trailing whitespace removed) of every line; empty for blanks."""
    spans: list[tuple[int, int]] = []
    position = 0
    for raw in text.split("\n"):
        stripped_left = raw.lstrip()
        start = position + len(raw) - len(stripped_left)
        end = position + len(raw.rstrip())
        spans.append((start, end) if end > start else (start, start))
        position += len(raw) + 1
    return spans


def _typical_width(text: str, spans: Sequence[tuple[int, int]]) -> int:
    lengths = sorted(end - start for start, end in spans if end > start)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _heading_number(line: str) -> str | None:
    """The number a line opens with as a heading or a numbered paragraph does ("2.1",
    "IV", 一 of 一、), or None."""
    label = leading_label(line)
    if label is not None:
        return line[label.start : label.end]
    other = _OTHER_HEADING_LABEL.match(line)
    return None if other is None else next(group for group in other.groups() if group).strip()


def _numbering_depth(line: str) -> int:
    """A numbered heading's depth: "2." and "IV." 1, "2.1" 2, "2.1.3." 3; unnumbered 1."""
    number = _heading_number(line)
    if number is None:
        return 1
    return max(1, len([part for part in number.split(".") if part.strip()]))


# 条, 款 and 卷 number a law's articles and a work's volumes, and 条 counts things too
# (第二条建议是…, "the second proposal is …").
_MEASURE_WORD_LABELS = "条條款卷"


def _sentence_after_measure_word(line: str, width: int) -> bool:
    """Whether ``line`` opens with 第…条/款/卷 and runs on as a sentence: a heading is short
    and ends no clause within it."""
    label = leading_label(line)
    if label is None or line[label.end : label.end + 1] not in _MEASURE_WORD_LABELS:
        return False
    return len(line) >= 0.6 * width or any(mark in line for mark in "，；,;")


def _is_heading_start(line: str, width: int) -> bool:
    if len(line) > 160 or len(line.split()) > 24 or _sentence_after_measure_word(line, width):
        return False
    if _heading_number(line) is not None:
        # A numbered line that ends with a full stop is a list item or a sentence.
        return not _ENDS_SENTENCE.search(line) or line.endswith("?")
    return False


def _is_unnumbered_heading(line: str, next_line: str, width: int) -> bool:
    """Whether a short line in capitals, not a sentence's, heads what ``next_line`` opens."""
    if width < 40 or not next_line or len(line) >= 0.6 * width or len(line.split()) > 10:
        return False
    first = line[0]
    if not (first.isupper() or _cjk(first)) or _TERMINAL_PUNCTUATION.search(line):
        return False
    if _cut_before_going_on(line) and not _continues_heading(line, next_line, width):
        return False  # a line cut before its sentence goes on ("History of the")
    return (
        next_line[0].isupper()
        or next_line[0] in "\"“'‘«"
        or _cjk(next_line[0])
        or bool(_REFERENCE_ENTRY.match(next_line))
    )


# A heading that stands alone between blank lines ("History of the Project"): at most this
# many words, and this many characters.
STANDALONE_HEADING_WORDS = 10
STANDALONE_HEADING_LENGTH = 80
# A figure's or table's caption stands alone too, but is no heading ("Figure 15. Structure
# of …", "Tableau 3", "Abb. 2").
_CAPTION = re.compile(
    r"(?:fig(?:ure|ura)?|tab(?:le|leau|elle|la)?|abb(?:ildung)?|graph|chart|photo|plate|"
    r"map|рис(?:унок)?|табл(?:ица)?)\.?\s*\d",
    re.IGNORECASE,
)
# How many lines between paragraphs must pass that test, besides the first line, for each
# to be a heading: one alone may be a table's cell, a signature or an address line.
STANDALONE_HEADINGS = 2


# A line that reads as speech or a sentence is no heading, however alone it stands: a
# letter's or a speech's opening ("Dear Maria", "Good morning everyone", "Querida Ana") ...
_GREETING = re.compile(
    r"(?:dear|hi|hey|hello|hallo|hola|bonjour|bonsoir|salut|ciao|greetings|thanks|thank\s+you"
    r"|good\s+(?:morning|afternoon|evening|night)|querid[oa]s?|estimad[oa]s?|cher|chère|chers"
    r"|chères|liebe[rs]?|sehr\s+geehrte[rn]?)(?![\w-])",
    re.IGNORECASE,
)
# A letter's closing line, above its signature ("Yours sincerely,", "Mit freundlichen Grüßen").
_CLOSING = re.compile(
    r"(?:(?:yours\s+)?(?:sincerely|faithfully|truly|cordially|respectfully)(?:\s+yours)?"
    r"|(?:(?:best|kind|warm|warmest|with\s+kind)\s+)?regards|best(?:\s+wishes)?|cheers"
    r"|(?:many\s+)?thanks|love|(?:bien\s+)?cordialement|bien\s+à\s+vous"
    r"|(?:mit\s+freundlichen|viele|liebe|beste|herzliche)\s+grüße|hochachtungsvoll"
    r"|atentamente|cordialmente|(?:un\s+)?saludos?|un\s+abrazo)[,.!]?",
    re.IGNORECASE,
)
# ... an answer, an interjection or an address, alone or before a comma ("Yes", "Madame,
# Monsieur"): before other words, "No Warranty" and "Madame Bovary" are titles ...
_ANSWER = re.compile(
    r"(?:yes|no|ok|okay|oui|non|sí|si|ja|nein|madame|monsieur|madam|sir|señora?|well|oh|ah)"
    r"(?:\s*[,!]|\Z)",
    re.IGNORECASE,
)
# ... a sentence about the writer or the reader: a first- or second-person pronoun, which a
# title in Title Case capitalises ("Find Your Free Walk"), and a sentence writes in lowercase
# ("Thank you all", "I never thought I would") ...
_PERSONAL_PRONOUNS = _word_set(
    "i me my we us our you your je tu nous vous yo tú nosotros nosotras vosotros usted "
    "ustedes ich mich mir dich dir wir uns"  # not "du": French "of the"
)
# ... or a question ("Where are you going", "What is termwise"), where "When and How to
# Begin" and "How to Ride" are titles.
_QUESTION_WORDS = _word_set("what where who whom whose why which when how")
_AUXILIARIES = _word_set(
    "is are was were am do does did can could will would should shall may might must has have had"
)
# A list's items stand alone between paragraphs too ("Buy milk", "Pick up the kids"): a verb
# in its base form, then lowercase words. In Title Case ("Pick Up Each Hind Leg") it is a
# heading.
_IMPERATIVE_VERBS = _word_set(
    "buy call pick water pay book send get take make check clean fix write read ask tell bring "
    "feed wash cook go do see find remember finish order email phone ring return collect drop "
    "meet visit print sign post renew cancel schedule update prepare submit walk mow empty "
    "change charge pack put fill file sort tidy repair replace install organise organize "
    "book text reply answer finish start stop try use"
)
# A diary's or a letter's date ("Monday 12 March", "12 mars 2024", "March 12, 2024"): the
# months' full names in any of the languages ``months`` knows, or their abbreviations
# ("Sept.", "déc."), which it has not; longer names first, so that a regex tries them first.
_MONTH_ABBREVIATIONS = (
    "jan feb févr fév mar apr avr jun jul juil aug sep sept oct okt nov dec déc dic dez"
)
_MONTHS = (
    "(?:"
    + "|".join(
        sorted(
            {name.lower() for names in MONTHS.values() for name in names}
            | set(_MONTH_ABBREVIATIONS.split()),
            key=lambda name: (-len(name), name),
        )
    )
    + r")\.?"
)
_WEEKDAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag"
    r"|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
)
_DATE = re.compile(
    rf"(?:{_WEEKDAYS},?\s+)?(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?"
    rf"{_MONTHS}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+(?:de\s+)?\d{{4}})?\Z",
    re.IGNORECASE,
)


def _reads_as_speech(content: str) -> bool:
    """Whether a short line is a greeting, an answer, a sentence or a question rather than
    a heading: first lines of letters and speeches became an edition's title."""
    if _GREETING.match(content) or _ANSWER.match(content) or _DATE.match(content):
        return True
    words = re.findall(r"[^\W\d_]+", content)
    if len(words) > 1 and words[0].lower() in _QUESTION_WORDS and words[1] in _PERSONAL_PRONOUNS:
        # A question word before its subject asks nothing: "What we learned", "How you can
        # help" and "Why we built it" are headlines (a question puts its verb first).
        return False
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else ""
        written_lower = following[:1].islower()
        if word.lower() in _PERSONAL_PRONOUNS and (
            word.islower() or (word == "I" and written_lower) or (position == 0 and written_lower)
        ):
            return True
    return (
        len(words) > 1
        and words[0].lower() in _QUESTION_WORDS
        and words[1] in _AUXILIARIES  # lowercase: "What Is Dressage" is a title
    )


def _speaker(content: str) -> bool:
    """Whether a line is one word in capitals, as a play names who speaks."""
    return content.isalpha() and content.isupper() and len(content) > 1


def _imperative_item(content: str) -> bool:
    """Whether a line reads as a list's item: a base-form verb, then lowercase words."""
    words = content.split()
    return (
        len(words) > 1
        and words[0].lower() in _IMPERATIVE_VERBS
        and any(word[:1].islower() and word not in _CONTINUING_WORDS for word in words[1:])
    )


def _standalone_headings(
    text: str, spans: Sequence[tuple[int, int]], width: int, furniture: set[int]
) -> set[int]:
    """The lines of plain text that are headings for standing alone between blank lines:
    short, opening in capitals, with no end punctuation. The text's first line is its title
    where a blank line and more text follow it (a bilingual edition had no title, and the
    title was a sentence); other such lines only where the text has several between
    paragraphs, each after a paragraph's sentence end and before a paragraph of its own (a
    table's cells, one a line, stand beside each other, not between paragraphs)."""

    def blank(index: int) -> bool:
        return spans[index][0] == spans[index][1] or index in furniture

    def line(index: int) -> str:
        return text[spans[index][0] : spans[index][1]]

    def standing(index: int) -> bool:
        if spans[index][1] - spans[index][0] > STANDALONE_HEADING_LENGTH:
            return False  # before splitting: a line may be a whole book (50 MB)
        content = line(index)
        words = content.split()
        return (
            index + 1 < len(spans)
            and blank(index + 1)
            and 0 < len(words) <= STANDALONE_HEADING_WORDS
            and (width > 200 or width < 40 or len(content) < 0.6 * width)
            and (words[0][0].isupper() or _cjk(words[0][0]))
            # A heading is words: not a reference number ("N°: 2008-ENAM-0027"), a list
            # ("Keywords: wind, offshore, floating") or a caption.
            and 2 * sum(char.isalpha() for char in content) >= len(content) - len(words) + 1
            and content.count(",") < 2
            and not _CAPTION.match(content)
            and not _TERMINAL_PUNCTUATION.search(words[-1])
            and not words[-1].endswith(("-", "–", "—"))
            # Capitalised, the word is a label's: "Vitamin A" stands as "Vitamin C" does.
            and not _cut_before_going_on(content)
            and not _reads_as_speech(content)
        )

    def paragraph_after(index: int) -> int | None:
        """The first line of the paragraph after line ``index`` and the blank lines below
        it, where that paragraph ends a sentence."""
        start = index + 1
        while start < len(spans) and blank(start):
            start += 1
        end = start
        while end + 1 < len(spans) and not blank(end + 1):
            end += 1
        if start == len(spans) or standing(start) or not _ENDS_SENTENCE.search(line(end)):
            return None
        return start

    lines = [index for index in range(len(spans)) if not blank(index)]
    if not lines:
        return set()
    headings: set[int] = set()
    first = lines[0]
    if standing(first) and any(index > first + 1 for index in lines):
        headings.add(first)
    # A play's speakers stand alone in capitals ("HAMLET", then "OPHELIA"): one such name
    # over a text is its title, two or more are its turns.
    speakers = {index for index in lines if _speaker(line(index)) and standing(index)}
    if len(speakers) >= 2:
        headings -= speakers
    between: set[int] = set()
    for before, index in zip(lines, lines[1:], strict=False):
        if (
            index > before + 1
            and (before in headings or _ENDS_SENTENCE.search(line(before)))
            and standing(index)
            and paragraph_after(index) is not None
        ):
            between.add(index)
    # Lines between paragraphs are a list, not headings, where most read as its items; then
    # so does a first line of that shape ("Buy milk").
    items = {index for index in between if _imperative_item(line(index))}
    if items and 2 * len(items) >= len(between):
        between -= items
        headings -= {index for index in headings if _imperative_item(line(index))}
    between -= speakers if len(speakers) >= 2 else set()
    if len(between) >= STANDALONE_HEADINGS:
        headings |= between
    return headings


# A line that is only a page number ("17", "- 17 -", "— 17 —").
_PAGE_NUMBER = re.compile(r"[-–—\s]*\d{1,4}[-–—\s]*\Z")
# How often a running header's shape (its digits masked) must recur to be one.
RUNNING_HEADER_REPEATS = 3


def page_furniture(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """The lines of PDF-extracted text that belong to the page, not to the text: page numbers
    and running headers or footers ("Die Alpen 1957 — 18"). Read as text, they ended up
    inside the sentence a page break cut, in the translation units of an alignment too.

    A page number is a line of a number alone, where such lines mostly count up (a column
    of figures does not). A running header is a short line of words without a sentence's
    end whose shape, digits masked, recurs at least ``RUNNING_HEADER_REPEATS`` times, with a
    number in it or beside a form feed (pdftotext's page break): a recurring heading has
    neither.
    """
    numbers: list[tuple[int, int]] = []
    shapes: dict[str, list[int]] = {}
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        if not line or len(line) > 80:
            continue
        if _PAGE_NUMBER.match(line):
            numbers.append((index, int(re.sub(r"\D", "", line))))
        elif not _ENDS_SENTENCE.search(line):
            shapes.setdefault(_shape(line), []).append(index)
    furniture: set[int] = set()
    rising = sum(1 for (_, a), (_, b) in zip(numbers, numbers[1:], strict=False) if b > a)
    if len(numbers) >= RUNNING_HEADER_REPEATS and rising >= 0.6 * (len(numbers) - 1):
        furniture.update(index for index, _ in numbers)
    paged = "\f" in text
    width = _typical_width(text, spans) if paged else 0
    for shape, indexes in shapes.items():
        if len(indexes) < RUNNING_HEADER_REPEATS:
            continue
        if not _worded(shape):
            # A header names the book or chapter: "1. 1950 :", a recurring list entry, does
            # not; a line of numbers alone ("1/5") is a page's where it counts on once a page.
            lines = [text[slice(*spans[index])] for index in indexes]
            if _counts_on(lines, range(len(lines))) and _paced_as_pages(text, spans, indexes):
                furniture.update(indexes)
            continue
        if paged:
            # Where the pages are marked, only the lines at a page's edge: the book's title
            # on its first page has the running header's words but is the title.
            furniture.update(
                index
                for index in indexes
                if (_beside_form_feed(text, spans, index) or _beside(furniture, index))
                and not _heads_its_paragraph(text, spans, index, width)
            )
            if (
                "#" in shape
                and all(index in furniture for index in indexes[1:])
                and _numbered_before(text, spans, indexes)
            ):
                # pdftotext puts no form feed before the first page: its header, counting
                # up to the next one's ("1 HIMALAYA-CHRONIK", "3 HIMALAYA-CHRONIK"), is no
                # title, and was aligned into the first sentence.
                furniture.add(indexes[0])
        elif "#" in shape and _paced_as_pages(text, spans, indexes):
            furniture.update(indexes)
    if paged:
        furniture |= _page_edges(text, spans)
    return furniture


def _shape(line: str) -> str:
    """What a running header keeps from page to page: its words, its numbers masked."""
    return re.sub(r"\d+", "#", _spaced(line))


# How many lines at a page's top and at its foot may be the page's, not the text's (a
# browser prints the date and the title above, the address and "1/5" below).
PAGE_EDGE_LINES = 3
# The share of the pages a header or footer must stand on: a book may print one on its left
# pages and another on its right ones.
PAGE_EDGE_SHARE = 0.5
# A header or footer with a page's number in it is shorter than this share of the text's
# lines.
PAGE_EDGE_WIDTH = 0.8
# A page's number in a form only a page's number takes: "7", "- 7 -", "7/12", "Page 7",
# "Page 7 of 12", "p. 7", "Seite 7 von 12", "página 7 de 12", "pagina 7 di 12", "pág. 7".
# A line that counts on with the pages in another form ("Chapter 3") is the page's only at
# its very edge: below the date and title a browser printed, it is the heading of a chapter
# that opens each page.
_PAGE_NUMBER_FORM = re.compile(
    r"[-–—\s]*(?:(?:page|seite|p[áa]gina|p[áa]g\.?|p\.)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|von|de|di|sur)\s*\d{1,4})?[-–—\s]*\Z",
    re.IGNORECASE,
)


# What a browser prints at a page's edge and a text's line hardly is: the date and time
# ("12/7/26, 1:06 PM", "07.12.26, 13:06"), the page's address, the page's number of the
# pages ("1/2").
_BROWSER_FURNITURE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?\Z"
    r"|(?:file|https?)://\S+\Z"
    r"|\d{1,4}\s*/\s*\d{1,4}\Z"
)


def _page_edges(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """The lines at the top or the foot of pdftotext's pages (form feeds between them) that
    stand there on most pages, the same but for a number that counts on ("1/5", "Page 2 of
    5"): a browser's print header and footer (a date with no words, the document's address)
    or a book's, whatever its form. Taken for text, they were segments of their own or were
    glued into the sentence a page break cut. Only a run of them from the page's edge goes:
    the text's own lines that repeat (a heading, a table row) stand below it, and so does a
    heading that opens every page below the header's own line of words (a browser's date
    and title, then "Chapter 3" or "Safety instructions" over the page's paragraph)."""
    pages: list[list[int]] = [[]]
    previous_end = 0
    for index, (start, end) in enumerate(spans):
        pages.extend([] for _ in range(text.count("\f", previous_end, start)))
        previous_end = end
        if end > start:
            pages[-1].append(index)

    def edge(page: list[int], top: bool) -> list[int]:
        return page[:PAGE_EDGE_LINES] if top else page[::-1][:PAGE_EDGE_LINES]

    def line(index: int) -> str:
        return text[spans[index][0] : spans[index][1]]

    found: dict[tuple[bool, str], dict[int, int]] = {}
    for number, page in enumerate(pages):
        for top in (True, False):
            for index in edge(page, top):
                if not _ENDS_SENTENCE.search(line(index)):
                    found.setdefault((top, _shape(line(index))), {}).setdefault(number, index)
    needed = max(
        RUNNING_HEADER_REPEATS, math.ceil(PAGE_EDGE_SHARE * sum(1 for page in pages if page))
    )
    # A line of the text fills the width: one that counts on with the pages is the text's
    # too when it does ("Absatz 3 beginnt hier. Der Berg …" on page 3, one paragraph a page).
    width = _typical_width(text, spans)
    short = PAGE_EDGE_WIDTH * width
    # Each recurring header or footer, and whether its number counts on.
    recurring: dict[tuple[bool, str], bool] = {}
    # A browser's print of two pages has its header and footer twice only: there, lines of
    # a browser's shapes (a date, the page's address, "1/2"), and a title printed the same
    # on both pages between such a line and the edge, are the page's.
    two_pages = sum(1 for page in pages if page) == 2

    def browser_printed(top: bool, places: dict[int, int]) -> bool:
        if all(_BROWSER_FURNITURE.match(line(index)) for index in places.values()):
            return True
        if len({_spaced(line(index)) for index in places.values()}) != 1:
            return False
        for number, index in places.items():
            run = edge(pages[number], top)
            outer = run[: run.index(index)]
            if not outer or not all(_BROWSER_FURNITURE.match(line(each)) for each in outer):
                return False
        return True

    for key, places in found.items():
        texts = [line(index) for index in places.values()]
        if len(texts) < needed and not (
            two_pages and len(texts) == 2 and browser_printed(key[0], places)
        ):
            continue
        if len({_spaced(text) for text in texts}) == 1:
            recurring[key] = False
        elif all(len(text) < short for text in texts) and _counts_on(texts, list(places)):
            recurring[key] = True
    edges: set[int] = set()
    for number, page in enumerate(pages):
        for top in (True, False):
            # Whether the run holds a line of words yet: a header names its document once.
            titled = False
            printed: set[str] = set()
            for position, index in enumerate(edge(page, top)):
                key = (top, _shape(line(index)))
                if key not in recurring:
                    break
                # A header prints each of its lines once: the same line again below it is
                # the text's, the page's <h1> that repeats its <title> (atop the first page,
                # a browser's title over the document's own).
                if _spaced(line(index)) in printed:
                    break
                printed.add(_spaced(line(index)))
                counts, worded = recurring[key], _worded(key[1])
                if counts and position > 0 and not _PAGE_NUMBER_FORM.match(line(index)):
                    break
                # pdftotext puts no form feed before the first page: a line of words atop
                # it that the others repeat is the title ("Himalaya-Chronik 1956"); one
                # below a date the header printed is the header's.
                if number == 0 and top and position == 0 and not counts and worded:
                    break
                # A second line of words that the page's paragraph follows as a heading's
                # does is the text's, however alike the pages open: the header above it
                # named the document already. Where nothing of words stands above it, it is
                # the header's own (a book's running title). Nor is a line that counts on
                # with the pages in no page number's form ("Chapter 3") a header where the
                # page's paragraph follows it on the very next line, as a heading's does: a
                # header stands apart, a blank line below it.
                following = line(page[position + 1]) if position + 1 < len(page) else ""
                if (
                    top
                    and worded
                    and titled
                    and _is_unnumbered_heading(line(index), following, width)
                ):
                    break
                if top and counts and _heads_its_paragraph(text, spans, index, width):
                    break
                titled = titled or worded
                edges.add(index)
    return edges


def _heads_its_paragraph(
    text: str, spans: Sequence[tuple[int, int]], index: int, width: int
) -> bool:
    """Whether line ``index``, of words and a number in no page number's form ("Chapter 3"),
    is the heading of the paragraph on the very next line: a running header stands apart
    from the text, a blank line below it, and a chapter that opens each page does not."""
    if index + 1 >= len(spans) or spans[index + 1][0] == spans[index + 1][1]:
        return False
    line = text[spans[index][0] : spans[index][1]]
    return (
        _worded(_shape(line))
        and not _PAGE_NUMBER_FORM.match(line)
        and _is_unnumbered_heading(line, text[spans[index + 1][0] : spans[index + 1][1]], width)
    )


def _worded(shape: str) -> bool:
    """Whether a header's line names something (a title, an address) rather than being a
    date or a number alone ("12/7/26, 10:05 AM", "1/5")."""
    return sum(c.isalpha() for c in shape) >= 4


def _spaced(line: str) -> str:
    """A line as a header repeats it: pdftotext may space it, or case it, otherwise."""
    return " ".join(line.casefold().split())


def _counts_on(lines: Sequence[str], pages: Sequence[int]) -> bool:
    """Whether one of the numbers in the lines (each with as many) goes on as the pages they
    stand on do ("1/5" on the first, "3/5" on the third): a page's number. A table's figures
    do not, nor do the numbers of its rows, which rise by the rows a page holds."""
    numbers = [[int(number) for number in re.findall(r"\d+", line)] for line in lines]
    if len({len(each) for each in numbers}) != 1:
        return False
    return any(
        len({each[place] - page for each, page in zip(numbers, pages, strict=True)}) == 1
        for place in range(len(numbers[0]))
    )


# A header's recurrences: at least this many lines apart on average, and the lines per page
# between them (per page its number counts on) spread no wider than this share of their mean.
PAGE_MIN_LINES = 8
PAGE_PACE_SPREAD = 0.25
_LAST_NUMBER = re.compile(r"(\d+)\D*\Z")


def _paced_as_pages(text: str, spans: Sequence[tuple[int, int]], indexes: Sequence[int]) -> bool:
    """Whether the lines recur as a running header does: once a page (or every other page),
    so that the lines between two of them, per page the number in them counts on, stay
    about the same. Numbered chapter headings ("Chapter 2", "Numbers, chapter 33") recur
    with a number too, but where each chapter ends: taken for headers, every one of a
    book's chapter headings was deleted."""
    numbers = []
    for index in indexes:
        found = _LAST_NUMBER.search(text, spans[index][0], spans[index][1])
        numbers.append(int(found.group(1)) if found else None)
    steps = []
    for (before, number), (after, following) in zip(
        zip(indexes, numbers, strict=True), zip(indexes[1:], numbers[1:], strict=True), strict=False
    ):
        pages = 1
        if number is not None and following is not None and 0 < following - number <= 4:
            pages = following - number
        steps.append((after - before) / pages)
    mean = sum(steps) / len(steps)
    if mean < PAGE_MIN_LINES:
        return False
    spread = math.sqrt(sum((step - mean) ** 2 for step in steps) / len(steps))
    return spread <= PAGE_PACE_SPREAD * mean


def page_lines(lines: Sequence[str]) -> set[int]:
    """``page_furniture`` of one-sentence-per-line text (the aligner's input)."""
    text = "\n".join(lines)
    return page_furniture(text, _line_spans(text))


# A footnote's first line: its mark ("1", "¹", "*") and text.
_FOOTNOTE_START = re.compile(r"(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|\*{1,3}|†)[ \t]+\S")
# How many lines a footnote may take, and how many footnotes a page's foot holds.
FOOTNOTE_LINES = 4
FOOTNOTES_PER_PAGE = 3


def page_footnotes(text: str, spans: Sequence[tuple[int, int]], furniture: set[int]) -> set[int]:
    """The lines of the footnotes at a page's foot, above its number or the next page's
    header: a short block after a blank line that opens with a mark ("1 Siehe …", "¹ Voir
    …"). Read as text, a footnote cut the sentence the page break ran through in two."""

    def blank(index: int) -> bool:
        return spans[index][0] == spans[index][1]

    found: set[int] = set()
    for edge in sorted(furniture):
        if edge - 1 in furniture:
            continue  # the same page break
        below = edge - 1
        for _ in range(FOOTNOTES_PER_PAGE):
            while below >= 0 and blank(below):
                below -= 1
            top = below
            while top > 0 and not blank(top - 1) and top - 1 not in furniture:
                top -= 1
            if (
                below < 0
                or top == 0
                or not blank(top - 1)
                or below - top >= FOOTNOTE_LINES
                or not _FOOTNOTE_START.match(text, spans[top][0], spans[top][1])
            ):
                break
            found.update(range(top, below + 1))
            below = top - 1
    return found


def _beside(lines: set[int], index: int) -> bool:
    return index - 1 in lines or index + 1 in lines


def _numbered_before(text: str, spans: Sequence[tuple[int, int]], indexes: Sequence[int]) -> bool:
    """Whether the first of a header's lines stands on the first page (before any form
    feed) with lower numbers than the next one ("Die Alpen 1957 — 17", then "… — 19")."""
    first, following = indexes[0], indexes[1]
    if "\f" in text[: spans[first][0]]:
        return False

    def numbers(index: int) -> list[int]:
        return [int(number) for number in re.findall(r"\d+", text[slice(*spans[index])])]

    return numbers(first) < numbers(following)


def _beside_form_feed(text: str, spans: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether a form feed sits on line ``index`` or on the line before or after it."""
    low = spans[index - 1][0] if index > 0 else 0
    high = spans[index + 1][1] if index + 1 < len(spans) else len(text)
    # Spans leave the whitespace out, the form feed with it: look around them.
    return "\f" in text[max(0, low - 2) : high + 2]


def plain_text_blocks(text: str) -> list[Block]:
    spans = _line_spans(text)
    width = _typical_width(text, spans)
    if width > 200:
        # Not hard-wrapped: each line is a paragraph (or a heading).
        standalone = _standalone_headings(text, spans, width, set())
        return [
            Block(
                heading=_is_heading_start(text[start:end], width) or index in standalone,
                lines=[(start, end)],
            )
            for index, (start, end) in enumerate(spans)
            if end > start
        ]
    paragraph_width = int(width * 0.8) if width >= 40 else 0
    numbered_paragraphs = _numbers_paragraphs(text, spans, width)
    furniture = page_furniture(text, spans)
    footnotes = page_footnotes(text, spans, furniture)
    # A page's foot (its footnotes, number and header) interrupts a paragraph, not ends it.
    page_edge = furniture | footnotes
    standalone = _standalone_headings(text, spans, width, page_edge)
    title = _printed_title(text, spans, furniture) or _wrapped_title(text, spans, width, furniture)
    # A table's many short lines make the typical width a row's: a row is short beside the
    # text's longest lines.
    longest = max(end - start for start, end in spans)
    table_rows = _table_rows(text, spans, longest)
    blocks: list[Block] = []
    # Footnotes read at a page's foot: printed after the paragraph they interrupted.
    waiting: list[Block] = []
    current: Block | None = None
    previous_ended = True
    index = 0
    count = len(spans)
    while index < count:
        start, end = spans[index]
        if index in furniture:
            index += 1
            continue
        if index in footnotes:
            if waiting and index - 1 in footnotes:
                waiting[-1].lines.append((start, end))
            else:
                waiting.append(Block(heading=False, lines=[(start, end)]))
            index += 1
            continue
        if start == end:
            # A page break (blank lines and page furniture) inside a sentence is no
            # paragraph end: the sentence goes on on the next page.
            if (
                not (previous_ended or current is None)
                and _within_page_break(spans, page_edge, index)
                and not _cells_across_break(text, spans, page_edge, index, current)
            ):
                index += 1
                continue
            current = None
            previous_ended = True
            blocks.extend(waiting)
            waiting = []
            index += 1
            continue
        if title and index == title.start:
            blocks.append(Block(heading=True, lines=[spans[each] for each in title]))
            current = None
            previous_ended = True
            index = title.stop
            continue
        line = text[start:end]
        next_start, next_end = spans[index + 1] if index + 1 < count else (0, 0)
        next_line = text[next_start:next_end]
        if previous_ended and _signature_line(text, spans, index, width):
            # Its own paragraph, as is the line below it: one line each, as signed.
            blocks.extend(waiting)
            waiting = []
            blocks.append(Block(heading=False, lines=[(start, end)]))
            current = None
            index += 1
            continue
        if previous_ended and (
            (
                _is_heading_start(line, width)
                and not _runs_on(line, _line_after(text, spans, page_edge, index), width)
                and not (numbered_paragraphs and len(line) >= 0.6 * width)
            )
            or _is_unnumbered_heading(line, next_line, width)
            or index in standalone
        ):
            heading = Block(heading=True, lines=[(start, end)], level=_numbering_depth(line))
            if next_line and _continues_heading(line, next_line, width):
                heading.lines.append((next_start, next_end))
                index += 1
            blocks.extend(waiting)
            waiting = []
            blocks.append(heading)
            current = None
            previous_ended = True
            index += 1
            continue
        if (
            current is None
            or line[0] in _BULLETS
            or _REFERENCE_ENTRY.match(line)
            or (index in table_rows and _table_row(text[slice(*current.lines[-1])], longest))
        ):
            # A bullet or a "[12] Author, Title" entry starts a list item, a paragraph of its
            # own, and a table's row a row of its own.
            current = Block(heading=False, paragraph_width=paragraph_width)
            blocks.extend(waiting)
            waiting = []
            blocks.append(current)
        current.lines.append((start, end))
        previous_ended = bool(_ENDS_SENTENCE.search(line[-40:]))
        index += 1
    return blocks + waiting


# A table's row as pdftotext sets it: a line shorter than this share of the text's longest
# (a wrapped sentence's lines fill the width but its last, so the next line's first word
# would have fitted after a row's), that opens with a capital, ends no sentence or clause
# nor on a word a sentence goes on after ("to"), and holds a column of figures
# ("Transformer 13 Preferred Checked on site").
TABLE_ROW_WIDTH = 0.6
_ROW_FIGURE = re.compile(r"(?<!\S)\d[\d.,]*%?(?!\S)")


def _table_row(line: str, longest: int) -> bool:
    """Whether a line reads as a table's row beside lines as long as ``longest``. pdftotext
    may set a row right above the next one's first cell, no blank line between
    ("Transformer 13 Preferred Checked on site", then "Cable 14"): two such lines in a row
    are two rows, which were one segment."""
    return (
        longest >= 40
        and len(line) < TABLE_ROW_WIDTH * longest
        and line[0].isupper()
        and not _TERMINAL_PUNCTUATION.search(line)
        and not _cut_before_going_on(line)
        and _ROW_FIGURE.search(line) is not None
    )


# A row is read as one where the lines within this many of it hold this many rows, itself
# among them: a table sets many, where a sentence wrapped in a narrow column beside one
# long line has two lines of that shape.
TABLE_REACH = 6
TABLE_ROWS = 3


def _table_rows(text: str, spans: Sequence[tuple[int, int]], longest: int) -> set[int]:
    """The lines of ``text`` that read as a table's rows, beside lines as long as
    ``longest``."""
    shaped = [end > start and _table_row(text[start:end], longest) for start, end in spans]
    return {
        index
        for index, row in enumerate(shaped)
        if row and sum(shaped[max(0, index - TABLE_REACH) : index + TABLE_REACH + 1]) >= TABLE_ROWS
    }


# How many lines a document's title may wrap onto below a browser's print header.
TITLE_LINES = 3


def _printed_title(text: str, spans: Sequence[tuple[int, int]], furniture: set[int]) -> range:
    """The lines of the text's first page that open it with the title its print header
    named above them, wrapped or not: a browser prints the page's <title> atop each page,
    and the <h1> that repeats it is the document's heading, whatever its paragraph opens
    with ("2024 was …" made the two one sentence). Empty where the text opens otherwise."""
    first_page_end = text.find("\f")
    named: set[str] = set()
    for index, (start, end) in enumerate(spans):
        if 0 <= first_page_end < start:
            break
        if start == end:
            continue
        if index in furniture:
            named.add(_spaced(text[start:end]))
            continue
        joined = ""
        for last in range(index, min(index + TITLE_LINES, len(spans))):
            if spans[last][0] == spans[last][1]:
                break
            joined = f"{joined} {text[slice(*spans[last])]}"
            if _spaced(joined) in named and _worded(_shape(joined)):
                return range(index, last + 1)
        break
    return range(0)


# The fewest words of a title's first line that wraps: a shorter title fits one line, and a
# name above an address ("Jane Doe" over "Riverside Park") is two lines of two words.
WRAPPED_TITLE_WORDS = 4
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _wrapped_title(
    text: str, spans: Sequence[tuple[int, int]], width: int, furniture: set[int]
) -> range:
    """The lines of a title in Title Case that opens the text over two or three lines, a
    blank line and a paragraph below it, where no print header names it (``_printed_title``):
    "A Study of Translation Memory Reuse" over "In Large Public Administrations" was a
    heading and a sentence. Empty where the text opens otherwise."""
    first = next((index for index, (start, end) in enumerate(spans) if end > start), None)
    if first is None or width < 40:
        return range(0)
    last = first
    # One line past a title's: a book of one paragraph is not read through.
    while (
        last + 1 < len(spans)
        and spans[last + 1][1] > spans[last + 1][0]
        and last - first < TITLE_LINES
    ):
        last += 1
    if furniture.intersection(range(first, last + 1)):
        return range(0)  # a page's header or number, which ``_printed_title`` reads
    lines = [text[slice(*spans[index])] for index in range(first, last + 1)]
    paragraph = next(
        (index for index in range(last + 1, len(spans)) if spans[index][1] > spans[index][0]), None
    )
    joined = " ".join(lines)
    if (
        not 2 <= len(lines) <= TITLE_LINES
        or paragraph is None
        or len(lines[0].split()) < WRAPPED_TITLE_WORDS
        or any(len(line) >= 0.75 * width or any(char.isdigit() for char in line) for line in lines)
        or _TERMINAL_PUNCTUATION.search(lines[-1])
        or joined.count(",") >= 2
        or _reads_as_speech(joined)
    ):
        return range(0)
    # Title Case: every word capitalised but the small words a title writes in lower case.
    words = _TITLE_WORD.findall(joined)
    if not all(word[0].isupper() or word in _CONTINUING_WORDS for word in words):
        return range(0)
    if not all(_wraps_onto(line, below) for line, below in pairwise(lines)):
        return range(0)
    return range(first, last + 1)


# Prepositions and articles no title ends with, beyond the words a sentence goes on after
# (``_CONTINUING_WORDS``): "Jahresbericht Über Die Übersetzung In Den" and "Rapport Annuel
# Sur La Traduction" over "Dans Les Administrations Publiques" wrap. "But" is not one: a
# poem's line opens with it ("But I Have Promises To Keep").
_TITLE_WRAP_WORDS = _CONTINUING_WORDS | _word_set(
    "into onto upon about between through towards across against "
    "dans sur sous avec pour par entre vers au aux un une "
    "den dem des ein eine einer eines einem einen über unter auf bei nach aus zur zum vom "
    "sobre con para por hacia al una"
)


def _wraps_onto(line: str, next_line: str) -> bool:
    """Whether ``next_line`` goes on with the title ``line`` wrapped from: ``line`` stops on a
    word no title ends with ("A Study of"), or ``next_line`` opens in lower case or on such a
    word ("In Large Public Administrations"). Two lines in Title Case that each stand whole
    are a title and its authors, a sender's lines or a contents list, kept apart."""
    opening = next_line.split(None, 1)[0]
    return (
        line.rsplit(None, 1)[-1].lower() in _TITLE_WRAP_WORDS
        or opening[:1].islower()
        or opening.lower() in _TITLE_WRAP_WORDS
    )


def _signature_line(text: str, spans: Sequence[tuple[int, int]], index: int, width: int) -> bool:
    """Whether line ``index`` opens a signature ("Jane Doe" above "Sales Manager"): shaped
    as a heading, but what follows it is one short line with no end punctuation that closes
    its paragraph, no prose for a heading to head (an address's lines end the same way).
    A letter signs below its closing line or at its end: elsewhere the two lines are a
    heading and its subtitle ("Chapter One" above "The Beginning")."""
    if index + 1 >= len(spans):
        return False
    line = text[spans[index][0] : spans[index][1]]
    next_line = text[spans[index + 1][0] : spans[index + 1][1]]
    closes = index + 2 >= len(spans) or spans[index + 2][0] == spans[index + 2][1]
    return (
        closes
        and _is_unnumbered_heading(line, next_line, width)
        and len(next_line) < 0.6 * width
        and not _TERMINAL_PUNCTUATION.search(next_line)
        and _signs_letter(text, spans, index)
    )


def _signs_letter(text: str, spans: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether the two lines from ``index`` stand where a letter signs: below its closing
    line, or at the text's end."""
    above = index - 1
    while above >= 0 and spans[above][0] == spans[above][1]:
        above -= 1
    if above >= 0 and _CLOSING.fullmatch(text, *spans[above]) is not None:
        return True
    return all(spans[later][0] == spans[later][1] for later in range(index + 2, len(spans)))


def _numbers_paragraphs(text: str, spans: Sequence[tuple[int, int]], width: int) -> bool:
    """Whether the text numbers its paragraphs ("5. Für den Winter 1956/57 ist eine …"):
    most of its lines that open with a number fill the width, as a wrapped paragraph's first
    line does and a heading does not. Then only a short numbered line is a heading."""
    if width < 40:
        return False
    lengths = [
        end - start
        for start, end in spans
        if end > start and _heading_number(text[start:end]) is not None
    ]
    long = sum(1 for length in lengths if length >= 0.8 * width)
    return long >= 3 and long >= 0.5 * len(lengths)


def _line_after(
    text: str, spans: Sequence[tuple[int, int]], furniture: set[int], index: int
) -> str:
    """The line that goes on from line ``index``: the next one, or past a page break (blank
    lines and the page's number and header) the first line of the next page."""
    following = index + 1
    if following < len(spans) and spans[following][0] < spans[following][1]:
        return text[spans[following][0] : spans[following][1]]
    low = following
    while low < len(spans) and (spans[low][0] == spans[low][1] or low in furniture):
        low += 1
    if low < len(spans) and _within_page_break(spans, furniture, min(following, len(spans) - 1)):
        return text[spans[low][0] : spans[low][1]]
    return ""


def _runs_on(line: str, next_line: str, width: int) -> bool:
    """Whether a numbered line is a paragraph's first ("5. Für den Winter 1956/57 ist eine
    australische Expedition unter der"): it fills the width, so does the next line, and it
    stops where a sentence cannot (on "der", a comma, a hyphen) or the next line goes on in
    lower case. A long heading fills the width too, but ends on a word of its own."""
    if width < 40 or len(line) < 0.8 * width or len(next_line) < 0.6 * width:
        return False
    last_word = line.rsplit(None, 1)[-1].lower()
    return (
        last_word in _CONTINUING_WORDS
        or line.endswith(("-", ",", "–", "—"))
        or next_line[:1].islower()
    )


def _within_page_break(spans: Sequence[tuple[int, int]], furniture: set[int], index: int) -> bool:
    """Whether the blank line ``index`` is part of a run of blank lines and page furniture
    that holds some furniture."""
    low = index
    while low > 0 and (spans[low - 1][0] == spans[low - 1][1] or low - 1 in furniture):
        low -= 1
    high = index
    while high + 1 < len(spans) and (
        spans[high + 1][0] == spans[high + 1][1] or high + 1 in furniture
    ):
        high += 1
    return any(line in furniture for line in range(low, high + 1))


def _cells_across_break(
    text: str,
    spans: Sequence[tuple[int, int]],
    furniture: set[int],
    index: int,
    current: Block,
) -> bool:
    """Whether the page break at blank line ``index`` falls between a table's rows, not
    inside a sentence: pdftotext gives each row or cell a line between blank ones, so the
    line before the break is its paragraph's only one, and the first after it stands alone
    too, ending no sentence ("Transformer 33 Preferred" / page break / "Cable 34"). A
    sentence cut there goes on in a paragraph's lines, or ends on the next page's line."""
    if len(current.lines) != 1:
        return False
    following = index
    while following < len(spans) and (
        spans[following][0] == spans[following][1] or following in furniture
    ):
        following += 1
    if following >= len(spans):
        return False
    alone = following + 1 == len(spans) or spans[following + 1][0] == spans[following + 1][1]
    start, end = spans[following]
    return alone and not _ENDS_SENTENCE.search(text, start, end)


def _continues_heading(line: str, next_line: str, width: int) -> bool:
    """Whether ``next_line`` is the second line of a heading that wrapped."""
    if _is_heading_start(next_line, width) or _ENDS_SENTENCE.search(next_line):
        return False
    if len(next_line) >= 0.75 * width or len(next_line.split()) > 14:
        return False
    last_word = line.rsplit(None, 1)[-1].lower()
    return (
        last_word in _CONTINUING_WORDS
        or line.endswith(("-", ",", "–", "—", ":"))
        or len(line) >= 0.7 * width
    )


# --- Markdown --------------------------------------------------------------------------------

_ATX = re.compile(r" {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\Z")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*\Z")
_FENCE = re.compile(r" {0,3}(```|~~~)")
# A code fence's line: its indentation, its run of backticks or tildes, its info string.
_CODE_FENCE = re.compile(r"([ \t]*)(`{3,}|~{3,})(.*)\Z")
# The indentation that makes a line indented code (CommonMark), and the most a fence may
# have beyond its container's.
CODE_INDENT = 4
_LIST_ITEM = re.compile(r"[ \t]*(?:([-*+])|(\d{1,9})[.)])[ \t]+")
_QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)+")
_RULE = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\Z")
# A GFM table's delimiter row: cells of hyphens, each with an optional colon either side.
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*\Z")
# A pipe that a backslash does not escape separates table cells, even inside code spans.
_CELL_PIPE = re.compile(r"(?<!\\)\|")
# A link reference definition's label and colon (CommonMark 4.7), up to three spaces in: a
# label holds no bracket a backslash does not escape, and may go on over lines.
_DEFINITION_LABEL = re.compile(r" {0,3}\[((?:[^\\\[\]]|\\.)*)\]:", re.DOTALL)
# What may open a definition, and a label not yet closed at the end of the lines read.
_DEFINITION_START = re.compile(r" {0,3}\[")
_LABEL_OPEN = re.compile(r" {0,3}\[(?:[^\\\[\]]|\\.)*\\?\Z", re.DOTALL)
# A link title in double or single quotes or in parentheses, over lines or not, and nothing
# after it on its last line; and one whose closing quote the lines read do not hold yet.
_DEFINITION_TITLE = re.compile(
    r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\))[ \t]*\Z""", re.DOTALL
)
_TITLE_OPEN = re.compile(
    r"""(?:"(?:\\.|[^"\\])*|'(?:\\.|[^'\\])*|\((?:\\.|[^()\\])*)\\?\Z""", re.DOTALL
)
# A backslash escape of ASCII punctuation, which a destination or title resolves.
_ESCAPED_PUNCTUATION = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass
class _OpenFence:
    """A fenced code block being read: what closes it, and the indentation its lines lose."""

    block: Block
    marker: str  # "`" or "~"
    length: int
    # The column its container's text starts at (an open list item's), 0 at the top.
    base: int
    # The opening fence's indentation: each line loses as much (CommonMark), so that code
    # in a list item does not keep the item's indentation.
    indent: int

    @property
    def quote_depth(self) -> int:
        """How many quotes it stands in: each of its lines carries as many markers, and a
        line with fewer ends the quote and the fence with it."""
        return self.block.quote_depth

    def closed_by(self, line: str) -> bool:
        """Whether ``line`` closes it: a run of the same marker, as long or longer, alone."""
        match = _CODE_FENCE.match(line)
        if match is None or match.group(3).strip():
            return False
        run = match.group(2)
        return (
            run[0] == self.marker
            and len(run) >= self.length
            and _indentation(line) - self.base < CODE_INDENT
        )


# CommonMark's HTML blocks (4.6), by kind: what opens one (at a line's start, up to three
# spaces in) and what ends it, a line that holds the end (kinds 1 to 5) or a blank line
# (None: kinds 6 and 7). Only kind 7, a tag of any name alone on its line, cannot
# interrupt a paragraph ("text" then "<span>" is one paragraph, its HTML inline).
_HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|source|summary|table|tbody|td|"
    "tfoot|th|thead|title|tr|track|ul"
)
_HTML_ATTRIBUTE = (
    r"""[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*"""
    r"""(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?"""
)
_HTML_BLOCKS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        re.compile(r"<(?:pre|script|style|textarea)(?=[ \t>]|\Z)", re.IGNORECASE),
        re.compile(r"</(?:pre|script|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
    (
        re.compile(
            rf"</?(?:{_HTML_BLOCK_TAGS})(?=[ \t]|/?>|\Z)",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        re.compile(
            r"(?!</?(?:pre|script|style|textarea)(?:[ \t/>]|\Z))"
            rf"(?:<[A-Za-z][A-Za-z0-9-]*(?:{_HTML_ATTRIBUTE})*[ \t]*/?>"
            r"|</[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*\Z",
            re.IGNORECASE,
        ),
        None,
    ),
)
# The kind that cannot interrupt a paragraph.
_HTML_LINE_TAG = len(_HTML_BLOCKS) - 1
# What ends the kind that opens with a comment.
_COMMENT_END = _HTML_BLOCKS[1][1]
# Raw HTML other than a comment: a tag, a declaration, an autolink's "<https:".
_RAW_TAG = re.compile(r"<[A-Za-z/?!]")
# An HTML comment (CommonMark's, "<!-->" and "<!--->" among them); one left open runs to
# the end, in a browser as in CommonMark.
_HTML_COMMENT = re.compile(r"<!--(?:-?>|.*?(?:-->|\Z))", re.DOTALL)


@dataclass
class _OpenHtml:
    """A raw HTML block being read: what ends it, and the indentation its lines lose."""

    block: Block
    # A line that holds this ends it (with that line); None: a blank line ends it.
    end: re.Pattern[str] | None
    # The column its container's text starts at (an open list item's), 0 at the top: each
    # line loses as much, and a line indented less ends the item, and the block with it.
    base: int


def _opened_html(line: str, lists: _ListNesting, in_paragraph: bool) -> _OpenHtml | None:
    """The raw HTML block ``line`` (a line's content, its quote markers left out) opens,
    if it opens one: indented less than four columns beyond the open list item's text (or
    the margin) it stands in; ``in_paragraph``: whether it would go on with a paragraph,
    which a lone tag of any name does (kind 7)."""
    start = len(line) - len(line.lstrip(" \t"))
    if not line.startswith("<", start):
        return None
    indent = _indentation(line)
    base = lists.base_column(indent)
    if indent - base >= CODE_INDENT:
        return None
    for kind, (opens, end) in enumerate(_HTML_BLOCKS):
        if opens.match(line, start):
            if kind == _HTML_LINE_TAG and in_paragraph:
                return None
            return _OpenHtml(Block(heading=False, code=True, html=True), end, base)
    return None


# What a Markdown source's HTML comments hide that its writer may not mean to hide.
_UNCLOSED_TO_END = (
    'this HTML comment is never closed (no "-->"): as CommonMark reads it, everything '
    "after it to the end of the file is part of the comment, so none of it is translated; "
    "close the comment to translate the rest"
)
_UNCLOSED_IN_CONTAINER = (
    'this HTML comment is never closed (no "-->"): termwise reads on after its block '
    "quote or list item ends, but a browser showing the rendered page hides everything "
    "after it; close the comment"
)
# (Text alone after the comment is translated, ``_text_after_comment``; this is for text
# with a tag, or a comment left open, after it.)
_TEXT_BESIDE_COMMENT = (
    "text with HTML markup on the line of an HTML comment is raw HTML to CommonMark (an "
    'HTML block runs to the end of the line holding "-->"), so it is kept as written and '
    "not translated; put the text on a line of its own to translate it"
)
# Warnings already printed by this process: a command that reads a source twice (a fix
# reads it again after editing it) warns once.
_WARNED: set[str] = set()


def _comment_warnings(text: str, blocks: Sequence[Block], path: Path | None) -> list[str]:
    """Where a Markdown source's HTML comment hides text a reader of the source would
    expect translated, each as ``file:line: message``: one never closed (CommonMark reads
    the rest of the file into it, and nothing said so), and text beside a comment on its
    line (the HTML block holds the whole line, so a browser shows text termwise keeps as
    written and never translates)."""
    found: list[str] = []
    for block in blocks:
        if not block.html or not block.lines:
            continue
        first_start, first_end = block.lines[0]
        if not text[first_start:first_end].lstrip(" \t").startswith("<!--"):
            continue
        body = "\n".join(text[start:end] for start, end in block.lines)
        covered = 0
        beside: int | None = None
        unclosed: int | None = None
        for match in _HTML_COMMENT.finditer(body):
            if beside is None and body[covered : match.start()].strip():
                beside = covered + _leading_space(body[covered : match.start()])
            covered = match.end()
            if not match.group().endswith("-->") and match.group() not in ("<!-->", "<!--->"):
                unclosed = match.start()
        if beside is None and body[covered:].strip():
            beside = covered + _leading_space(body[covered:])
        if beside is not None:
            found.append(_located(text, path, block, body, beside, _TEXT_BESIDE_COMMENT))
        if unclosed is not None:
            # Nothing but blank lines after the block: it ran to the end of the file.
            to_end = not text[block.lines[-1][1] :].strip()
            message = _UNCLOSED_TO_END if to_end else _UNCLOSED_IN_CONTAINER
            found.append(_located(text, path, block, body, unclosed, message))
    return found


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _located(
    text: str, path: Path | None, block: Block, body: str, offset: int, message: str
) -> str:
    """``message`` placed at ``offset`` into ``body`` (``block``'s lines joined), as
    ``file:line: message``."""
    index = body.count("\n", 0, offset)
    start = block.lines[index][0]
    line = text.count("\n", 0, start) + 1
    return f"{location(str(path) if path is not None else None, line)}: {message}"


def _warn(messages: Iterable[str], kind: str = "warning") -> None:
    """Print each warning (or note, ``kind``) not printed yet to stderr: a reader has no
    command to return them to (a dozen commands read sources), and a warning must reach
    the translator whichever command read the file."""
    for message in messages:
        if message not in _WARNED:
            _WARNED.add(message)
            print(f"termwise: {kind}: {message}", file=sys.stderr)


def _text_after_comment(text: str, closed: _OpenHtml) -> list[Block]:
    """The paragraph a comment block's closing line holds after its "-->" ("<!-- note -->
    New eras begin."), cut off the block: CommonMark keeps the whole line as raw HTML, but
    a browser shows that text, so it is translated as any paragraph (the comment stays
    as written). None where the line holds nothing after it but comments, or HTML that a
    paragraph would show as text (a tag), or opens another comment that it leaves open
    (which hides the rest of the page from a browser): that stays raw HTML as written,
    and the warning on it says so."""
    block = closed.block
    if closed.end is not _COMMENT_END or not block.lines:
        return []
    line_start, line_end = block.lines[-1]
    line = text[line_start:line_end]
    # (A comment opened on its closing line may end in its own "<!--": "<!-->".)
    opening = line.find("<!--") + 2 if len(block.lines) == 1 else 0
    closing = line.find("-->", opening)
    if closing < 0:
        return []
    after = closing + 3
    rest = line[after:]
    shown = _HTML_COMMENT.sub("", rest)
    if (
        not shown.strip()
        or _RAW_TAG.search(shown)
        or any(not comment.group().endswith("-->") for comment in _HTML_COMMENT.finditer(rest))
    ):
        return []
    # Comments before the text stay with the block too ("<!-- a --> <!-- b --> Text."):
    # in the segment, the engine would be given a comment to translate.
    while leading := _HTML_COMMENT.match(line, after + _leading_space(line[after:])):
        after = leading.end()
    rest = line[after:]
    block.lines[-1] = (line_start, line_start + after)
    left = after + len(rest) - len(rest.lstrip())
    right = len(line.rstrip())
    return [
        Block(
            heading=False,
            lines=[(line_start + left, line_start + right)],
            quote_depth=block.quote_depth,
            quotes=block.quotes,
            item_depth=block.item_depth,
        )
    ]


def _html_kind(text: str) -> str:
    """What a raw HTML block holds: comments alone (``HTML_COMMENT``), which no rendering
    of the source shows, or anything else (``HTML_BLOCK``)."""
    return HTML_COMMENT if not _HTML_COMMENT.sub("", text).strip() else HTML_BLOCK


def markdown_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    fence: _OpenFence | None = None
    raw_html: _OpenHtml | None = None
    # An indented code block being read, and the blank lines that may go on with it (or,
    # where it ends, were no part of it).
    indented: Block | None = None
    indented_blanks: list[tuple[int, int]] = []
    in_table = False
    # How many lines after this one were read with it: a table's delimiter row, a
    # definition's destination and title.
    skip_lines = 0
    # Whether the line before was a link reference definition: to CommonMark it opened a
    # paragraph, which the next line may go on with (it cannot open indented code).
    after_definition = False
    # The quote depth of the table being read: its rows carry as many markers; and the
    # list item it stands in, which its rows do too.
    tables = table_row = table_quote = table_item_depth = 0
    quotes = _OpenQuotes()
    raw_lines = text.split("\n")
    position = 0
    for number, raw in enumerate(raw_lines):
        line_start = position
        position += len(raw) + 1
        line = raw.rstrip("\r")
        if skip_lines:
            skip_lines -= 1
            continue
        if fence is not None:
            # A quoted fence's lines without their markers; a line without them ends the
            # quote, and the fence with it (CommonMark: code has no lazy continuation).
            code_start = _inside_quotes(line, fence.quote_depth)
            if code_start is None:
                fence = None
            else:
                code = line[code_start:]
                if fence.closed_by(code):
                    fence = None
                elif code or number + 1 < len(raw_lines):
                    # (An unclosed fence runs to the end; the text's final newline ends its
                    # last line and starts none.)
                    fence.block.lines.append(
                        _code_line(code, line_start + code_start, fence.indent)
                    )
                continue
        if raw_html is not None:
            # As a fence's: a line without the quote's markers ends the quote, and the
            # block in it (an HTML block has no lazy continuation either).
            html_start = _inside_quotes(line, raw_html.block.quote_depth)
            if html_start is not None:
                inner = line[html_start:]
                blank = not inner.strip()
                if not (
                    (blank and raw_html.end is None)
                    or (not blank and _indentation(inner) < raw_html.base)
                ):
                    if not blank or number + 1 < len(raw_lines):
                        raw_html.block.lines.append(
                            _code_line(inner, line_start + html_start, raw_html.base)
                        )
                    if raw_html.end is not None and raw_html.end.search(inner):
                        blocks.extend(_text_after_comment(text, raw_html))
                        raw_html = None
                    continue
            # A blank line, or one left of the list item's text the block stands in: it
            # ends there, and the line is read as any other.
            raw_html = None
        if indented is not None:
            # As a fence's: a line without the quote's markers ends the quote's code.
            code_start = _inside_quotes(line, indented.quote_depth)
            if code_start is not None:
                code = line[code_start:]
                if not code.strip():
                    indented_blanks.append(_code_line(code, line_start + code_start, CODE_INDENT))
                    continue
                if _indentation(code) >= CODE_INDENT:
                    indented.lines.extend(indented_blanks)
                    indented_blanks = []
                    indented.lines.append(_code_line(code, line_start + code_start, CODE_INDENT))
                    continue
            indented, indented_blanks = None, []
        # A block quote's markers ("> ", "> > ") and where its content starts: inside one,
        # headings, rules, tables, list items and code are read from the content, as
        # outside, with the lists open inside that quote.
        depth, content_start = _quote_prefix(line)
        content = line[content_start:]
        # (What a lazy line, quoted less than its paragraph, goes back to.)
        lazy = current is not None and depth < current.quote_depth
        before = quotes.snapshot() if lazy else []
        lists = quotes.enter(line, depth)
        # A quote (or a quote inside the quote) opening here interrupts a paragraph. A line
        # quoted less than its paragraph, opening none, goes on with it: CommonMark's lazy
        # continuation.
        opens_quote = current is not None and (depth > current.quote_depth or quotes.opened)
        table_ended = False
        follows_definition, after_definition = after_definition, False
        if in_table:
            if depth == table_quote and _is_table_row(content):
                table_row += 1
                blocks.extend(
                    _cell_blocks(
                        content,
                        line_start + content_start,
                        tables,
                        table_row,
                        depth,
                        quotes.current(),
                        table_item_depth,
                    )
                )
                continue
            in_table = False
            table_ended = True
        fence = _opened_fence(content, lists)
        if fence is not None:
            lists.close_left_of(fence.indent)
            fence.block.quote_depth = depth
            fence.block.quotes = quotes.current()
            # Under an open item's text (CommonMark: indented as far as it), the code is
            # that item's, and the list goes on after it.
            fence.block.item_depth = lists.reached(fence.indent)
            blocks.append(fence.block)
            current = None
            continue
        if not content.strip():
            # A blank line, or a quote's ("> "), which ends a paragraph inside the quote.
            current = None
            continue
        # Indented code: it cannot interrupt a paragraph (a wrapped line indented four
        # goes on with it) or a table. Inside an open list item, indentation starts the
        # item's next paragraph; code there would be indented four beyond the item's
        # text, which is left to a fence: such lines stay the item's text.
        if not table_ended and not follows_definition:
            if current is None and not quotes.top_lists.open and _indentation(line) >= CODE_INDENT:
                # Indented four at the margin, before any quote marker: the whole line is
                # code, a ">" in it too.
                quotes.leave()
                indented = Block(heading=False, code=True)
                indented.lines.append(_code_line(line, line_start, CODE_INDENT))
                blocks.append(indented)
                continue
            if (
                depth
                and (current is None or opens_quote)
                and not lists.open
                and _content_indentation(line, content_start) >= CODE_INDENT
            ):
                # Indented four after the markers: code in the quote (">     code").
                indented = Block(
                    heading=False, code=True, quote_depth=depth, quotes=quotes.current()
                )
                indented.lines.append(_code_line(content, line_start + content_start, CODE_INDENT))
                blocks.append(indented)
                current = None
                continue
        if opens_quote:
            current = None
        # Raw HTML (a comment, a "<div>" … block): kept as written, as code is. Most kinds
        # interrupt a paragraph; a lone tag of another name goes on with it, as does the
        # line after a definition, which CommonMark read as a paragraph's.
        opened_html = _opened_html(content, lists, current is not None or follows_definition)
        if opened_html is not None:
            html_column = _indentation(content)
            lists.close_left_of(html_column)
            kept = opened_html.block
            kept.quote_depth = depth
            kept.quotes = quotes.current()
            kept.item_depth = lists.reached(html_column)
            kept.lines.append(_code_line(content, line_start + content_start, opened_html.base))
            blocks.append(kept)
            current = None
            # (Its first line may hold its end: "<!-- note -->".)
            if opened_html.end is None or not opened_html.end.search(content):
                raw_html = opened_html
            else:
                blocks.extend(_text_after_comment(text, opened_html))
            continue
        if (
            current is not None
            and len(current.lines) == 1
            and depth == current.quote_depth
            and _SETEXT.match(line, content_start)
        ):
            current.heading = True
            current.level = 1 if content.strip().startswith("=") else 2
            # A heading, even one written under a list item's text, is no list item.
            current.list_item = None
            current = None
            continue
        indentation_end = len(line) - len(content.lstrip())
        if _RULE.match(line, content_start):
            lists.close_left_of(_width(line, content_start, indentation_end))
            current = None
            continue
        atx = _ATX.match(line, content_start)
        if atx:
            heading_column = _width(line, content_start, atx.start(1))
            lists.close_left_of(heading_column)
            title_start = line_start + atx.start(2)
            blocks.append(
                Block(
                    heading=True,
                    lines=[(title_start, line_start + atx.end(2))],
                    level=len(atx.group(1)),
                    quote_depth=depth,
                    quotes=quotes.current(),
                    item_depth=lists.reached(heading_column),
                )
            )
            current = None
            continue
        following = raw_lines[number + 1].rstrip("\r") if number + 1 < len(raw_lines) else ""
        following_depth, following_start = _quote_prefix(following)
        if following_depth == depth and _starts_table(content, following[following_start:]):
            # Each cell is a paragraph of its own, as in a .docx table: a row is no sentence.
            table_column = _width(line, content_start, indentation_end)
            lists.close_left_of(table_column)
            tables += 1
            table_row = 0
            table_quote = depth
            table_item_depth = lists.reached(table_column)
            blocks.extend(
                _cell_blocks(
                    content,
                    line_start + content_start,
                    tables,
                    table_row,
                    depth,
                    quotes.current(),
                    table_item_depth,
                )
            )
            in_table = True
            skip_lines = 1
            current = None
            continue
        column = _content_indentation(line, content_start)
        # A definition cannot interrupt a paragraph. One under a list item's text is that
        # item's, indented from where the text starts (CommonMark: the item is its
        # container), and the list goes on after it.
        base = lists.base_column(column)
        in_item = " " * (column - base) + line[indentation_end:]
        if current is None and column - base <= 3 and _DEFINITION_START.match(in_item):
            below = _definition_lines(raw_lines, number + 1, position, depth, lists)
            found = _link_definition(in_item, below)
            if found is not None:
                lists.close_left_of(column)
                kept = _definition_block(
                    found, line, content_start, line_start, depth, quotes.current()
                )
                kept.item_depth = lists.reached(column)
                skip_lines = len(kept.lines) - 1
                blocks.append(kept)
                after_definition = True
                continue
        list_item: ListItem | None = None
        # The item a paragraph that is no item's first stands in.
        item_depth = 0
        item = _LIST_ITEM.match(line, content_start)
        if item and not lists.open and not lazy and _continues_paragraph(current, item):
            item = None
        if item:
            # The marker stays out of the text (and so out of the segment's id); the edition
            # prints it again from ``list_item``.
            origin = content_start
            list_item = lists.item(line, content_start, item)
            content_start = item.end()
            current = None
            # A definition may open the item on its marker's line (CommonMark: the item is
            # its container, as for a definition under its text); after five spaces or
            # more, the line is the item's code, never one.
            if lists.text_column == _width(line, origin, content_start):
                below = _definition_lines(raw_lines, number + 1, position, depth, lists)
                found = _link_definition(line[content_start:], below)
                if found is not None:
                    kept = _definition_block(
                        found, line, content_start, line_start, depth, quotes.current()
                    )
                    kept.item_depth, kept.opens_item = list_item.depth, list_item
                    skip_lines = len(kept.lines) - 1
                    blocks.append(kept)
                    after_definition = True
                    continue
        elif current is None:
            # A paragraph after a blank line (or after another block): indented as far as an
            # open item's text, it is that item's next paragraph (CommonMark), and the list
            # goes on after it; further left, it ends the items it does not reach.
            lists.close_left_of(column)
            item_depth = lists.reached(column)
        stripped = line[content_start:].strip()
        if not stripped:
            continue
        left = (
            line_start
            + content_start
            + (len(line[content_start:]) - len(line[content_start:].lstrip()))
        )
        span = (left, left + len(stripped))
        if current is None:
            current = Block(
                heading=False,
                list_item=list_item,
                quote_depth=depth,
                quotes=quotes.current(),
                item_depth=item_depth,
            )
            blocks.append(current)
        elif lazy:
            # A lazy line: it stands in its paragraph's quotes, which go on past it.
            quotes.restore(before)
        current.lines.append(span)
    return _place_item_definitions(text, blocks)


def _definition_block(
    found: tuple[LinkDefinition, list[tuple[int, int]]],
    line: str,
    content_start: int,
    line_start: int,
    depth: int,
    quotes: tuple[BlockQuote, ...],
) -> Block:
    """The block of a link reference definition ``_link_definition`` found from ``line``'s
    ``content_start``: its first line's span and those of the lines it took below."""
    definition, spans_below = found
    left, right = _stripped_span(line, content_start, len(line))
    kept = Block(heading=False, quote_depth=depth, quotes=quotes, definition=definition)
    kept.lines.append((line_start + left, line_start + right))
    kept.lines.extend(spans_below)
    return kept


def _place_item_definitions(text: str, blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` (read from ``text``) with each list item a definition opens ("- [a]:
    /url") made an item of the editions' lists, which know an item by its first paragraph.

    Where the item goes on with a paragraph ("- [a]: /url" then "  Text."), that
    paragraph is its first, put before the definitions it holds, which stay in it;
    written on the lines right before it, they open the item (``LinkDefinition.
    opens_item``), and the editions print them there: after it, a blank line between,
    they made a tight list loose. Where it holds none, it is empty in every rendering
    (CommonMark shows a bare bullet): the definitions on and right under its marker line
    stand where the item stands and open it, so that the editions keep the item and
    number the list on as the source does (they cut it in two around the definitions, or
    numbered every item after it one less); those after a blank line it holds.
    """
    placed: list[Block] = []
    index = 0
    while index < len(blocks):
        opener = blocks[index]
        item = opener.opens_item
        if item is None:
            placed.append(opener)
            index += 1
            continue
        end = index + 1
        while end < len(blocks) and _in_item(blocks[end], opener) and blocks[end].definition:
            end += 1
        run = blocks[index:end]
        # The definitions on the marker line and the lines right under it: after a blank
        # line, what the item holds sets it apart, and its list is loose.
        opening = 1
        while opening < len(run) and _next_lines(text, run[opening - 1], run[opening]):
            opening += 1
        following = blocks[end] if end < len(blocks) else None
        if (
            following is not None
            and _in_item(following, opener)
            and not (following.code or following.heading or following.cell)
            and following.definition is None
        ):
            following.list_item, following.item_depth = item, 0
            if opening == len(run) and _next_lines(text, run[-1], following):
                _open_item(run, item)
            placed.append(following)
            placed.extend(run)
            index = end + 1
            continue
        _open_item(run[:opening], item)
        for definition in run[:opening]:
            definition.item_depth = item.depth - 1
        # (Those after a blank line the item holds, as it holds a later paragraph.)
        placed.extend(run)
        index = end
    return placed


def _open_item(run: Sequence[Block], item: ListItem) -> None:
    """Record on the definitions of ``run`` that they open ``item``, the first on its
    marker line."""
    for position, block in enumerate(run):
        assert block.definition is not None
        block.definition = replace(block.definition, opens_item=item, marker_line=not position)


def _next_lines(text: str, block: Block, after: Block) -> bool:
    """Whether ``after`` starts on the line after ``block``'s last, no blank line between."""
    return text.count("\n", block.lines[-1][1], after.lines[0][0]) == 1


def _in_item(block: Block, opener: Block) -> bool:
    """Whether ``block`` is written in the text of the item ``opener`` opens (no item
    itself): a paragraph or definition under it, in the same quotes."""
    assert opener.opens_item is not None
    return (
        block.opens_item is None
        and block.list_item is None
        and block.item_depth == opener.opens_item.depth
        and block.quotes == opener.quotes
        and block.quote_depth == opener.quote_depth
    )


def _definition_lines(
    raw_lines: Sequence[str], number: int, start: int, depth: int, lists: _ListNesting
) -> Iterator[tuple[str, tuple[int, int]]]:
    """The lines from ``raw_lines[number]`` (which starts at ``start``) that a definition
    may go on onto, each its content (quote markers left out) and its span, read as the
    definition asks for them (a bibliography's "[1] …" lines ask for none): CommonMark
    reads a definition from a paragraph's lines, so the lines stop at a blank one, one
    that opens a quote inside the definition's and one that interrupts a paragraph (a
    heading, a rule, a list item, a fence, an HTML block); such a line is no destination
    ("[b]:" then "- item" is a paragraph and a list). A line quoted less than the
    definition, or indented less than its item's text, goes on with it all the same
    (CommonMark's lazy continuation)."""
    # (By index: a slice would copy the rest of the text for each "[" that opens a line.)
    for index in range(number, len(raw_lines)):
        raw = raw_lines[index]
        line = raw.rstrip("\r")
        line_depth, content_start = _quote_prefix(line)
        content = line[content_start:]
        if (
            line_depth > depth
            or not content.strip()
            or _ATX.match(content)
            or _RULE.match(content)
            or _SETEXT.match(content)
            or _LIST_ITEM.match(content)
            or _opened_fence(content, lists) is not None
            or _opened_html(content, lists, True) is not None
        ):
            return
        left, right = _stripped_span(line, content_start, len(line))
        yield content, (start + left, start + right)
        start += len(raw) + 1


class _DefinitionText:
    """A definition's lines as far as read: the first, then the lines below it
    (``_definition_lines``) one at a time, as the definition asks for them."""

    def __init__(self, content: str, below: Iterator[tuple[str, tuple[int, int]]]) -> None:
        self.text = content
        self.spans: list[tuple[int, int]] = []
        self._below = below

    def read_line(self) -> bool:
        """Adds the next line to ``text``; False where there is none."""
        found = next(self._below, None)
        if found is None:
            return False
        self.spans.append(found[1])
        # (A paragraph's lines lose their indentation, a lazy line's too.)
        self.text += "\n" + found[0].lstrip(" \t")
        return True

    def title(self, start: int) -> str | None:
        """The title, quotes included, that opens at ``start`` and ends a line, read over
        as many lines as it takes; None where none does."""
        found = _DEFINITION_TITLE.match(self.text, start)
        while found is None and _TITLE_OPEN.match(self.text, start) and self.read_line():
            found = _DEFINITION_TITLE.match(self.text, start)
        return None if found is None else found.group(1)


def _link_definition(
    content: str, below: Iterator[tuple[str, tuple[int, int]]]
) -> tuple[LinkDefinition, list[tuple[int, int]]] | None:
    """The link reference definition ``content`` (a line, its quote markers left out)
    opens, and the spans of the lines ``below`` it (``_definition_lines``) it takes; None
    where it makes none and is a paragraph's text.

    CommonMark's forms (4.7): a label over one line or more; the destination after it, on
    its last line or alone on the next; a title, over one line or more, after the
    destination or on the line after it, with nothing after it. A title that is no title
    on a line of its own is the paragraph after the definition; on the destination's
    line, it makes the whole a paragraph.
    """
    lines = _DefinitionText(content, below)
    label = _DEFINITION_LABEL.match(lines.text)
    while (
        label is None
        and len(lines.text) <= MAX_LABEL + 4
        and _LABEL_OPEN.match(lines.text)
        and lines.read_line()
    ):
        label = _DEFINITION_LABEL.match(lines.text)
    if label is None or len(label.group(1)) > MAX_LABEL or not label.group(1).strip(" \t\n"):
        return None
    index = label.end()
    while index < len(lines.text) and lines.text[index] in " \t":
        index += 1
    if index == len(lines.text):
        # "[b]:" alone: the destination starts the next line.
        if not lines.read_line():
            return None
        index += 1
    destination = _definition_destination(lines.text, index)
    if destination is None:
        return None
    raw_destination, end = destination
    rest = lines.text[end:]
    title: str | None = None
    if rest.strip(" \t"):
        # A title on the line, after whitespace; anything else after the destination
        # makes the line a paragraph.
        if rest[0] not in " \t":
            return None
        title = lines.title(end + len(rest) - len(rest.lstrip(" \t")))
        if title is None:
            return None
    else:
        taken = len(lines.spans)
        if lines.read_line():
            title = lines.title(end + len(rest) + 1)
        if title is None:
            # What was read for a title is the paragraph after the definition.
            del lines.spans[taken:]
    definition = LinkDefinition(
        after_paragraph=0,
        text="",
        label=label.group(1),
        destination=_unescaped(raw_destination),
        title=None if title is None else _unescaped(title[1:-1]),
    )
    return definition, lines.spans


def _definition_destination(content: str, start: int) -> tuple[str, int] | None:
    """The destination that ``content`` holds after spaces from ``start`` (``<…>`` or a
    run of non-space characters whose parentheses pair), as written, and where it ends;
    None where there is none."""
    index = start
    while index < len(content) and content[index] in " \t":
        index += 1
    if content.startswith("<", index):
        close = index + 1
        while close < len(content) and content[close] not in "<>\n":
            close += 2 if content[close] == "\\" else 1
        if close >= len(content) or content[close] != ">":
            return None
        return content[index + 1 : close], close + 1
    end, depth = index, 0
    while end < len(content):
        char = content[end]
        if char == "\\" and content[end + 1 : end + 2] in ASCII_PUNCTUATION:
            # (A backslash escapes punctuation only: "\\ " is a backslash, and the space
            # ends the destination.)
            end += 2
            continue
        if char == " " or ord(char) < 0x20 or char == "\x7f":
            break  # (a tab is a control character)
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    if end == index or depth:
        return None
    return content[index:end], end


def _unescaped(text: str) -> str:
    """A destination or title as it reads: backslash escapes and entities resolved."""
    return html.unescape(_ESCAPED_PUNCTUATION.sub(r"\1", text))


def _quote_prefix(line: str) -> tuple[int, int]:
    """How many block quotes ``line`` stands in (its ">" markers) and where its content
    starts: (0, 0) for a line with none."""
    quote = _QUOTE.match(line)
    if quote is None:
        return 0, 0
    return quote.group().count(">"), quote.end()


def _inside_quotes(line: str, depth: int) -> int | None:
    """Where ``line``'s content starts inside ``depth`` quotes (its first ``depth`` markers
    and the space after each left out, as ``_quote_prefix`` reads them; a ">" beyond them
    is content); None where it has fewer markers: the innermost quotes end there."""
    if not depth:
        return 0
    index = len(line) - len(line.lstrip(" \t"))
    for _ in range(depth):
        if not line.startswith(">", index):
            return None
        index += 1
        if line.startswith((" ", "\t"), index):
            index += 1
    return index


def _opened_fence(line: str, lists: _ListNesting) -> _OpenFence | None:
    """The fenced code block ``line`` (a line's content, its quote markers left out) opens,
    if it opens one: a fence indented less than four columns beyond the open list item's
    text (or the margin) it stands in. A backtick fence's info string has no backtick:
    "```x`" starts a code span, not a block."""
    match = _CODE_FENCE.match(line)
    if match is None:
        return None
    indent = _indentation(line)
    base = lists.base_column(indent)
    run, info = match.group(2), match.group(3).strip()
    if indent - base >= CODE_INDENT or (run[0] == "`" and "`" in info):
        return None
    block = Block(heading=False, code=True, info=info)
    return _OpenFence(block=block, marker=run[0], length=len(run), base=base, indent=indent)


def _code_line(line: str, line_start: int, columns: int) -> tuple[int, int]:
    """The span of a code line starting at ``line_start``, up to ``columns`` of its
    indentation left out (a tab goes to the next multiple of four, as ``_width`` counts)."""
    index = column = 0
    while index < len(line) and column < columns and line[index] in " \t":
        column = column + 1 if line[index] == " " else column + 4 - column % 4
        index += 1
    return line_start + index, line_start + len(line)


def _content_indentation(line: str, content_start: int) -> int:
    """The columns of the indentation of ``line``'s content (from ``content_start``, its
    quote markers left out) as CommonMark counts them: a tab stops at a multiple of four
    columns of the whole line, and one right after a ">" gives one of its columns to the
    marker (its optional space), the rest to the content ("> \t[b]: /u" is indented two,
    a definition; it was read as indented code)."""
    end = len(line) - len(line[content_start:].lstrip(" \t"))
    origin = _width(line, 0, content_start)
    if content_start and line[content_start - 1] == "\t":
        origin = _width(line, 0, content_start - 1) + 1
    return _width(line, 0, end) - origin


def _indentation(line: str) -> int:
    """The columns of ``line``'s leading spaces and tabs."""
    return _width(line, 0, len(line) - len(line.lstrip(" \t")))


def _continues_paragraph(current: Block | None, item: re.Match[str]) -> bool:
    """Whether a numbered line inside a paragraph (outside any list) goes on with it: in
    CommonMark only a list starting at 1 interrupts a paragraph, so a wrapped "… the end
    of" / "2020. That year …" is one sentence (it was cut in two, "2020." dropped as a
    marker). Inside a list, "2." after an item's second paragraph is the next item."""
    number = item.group(2)
    return (
        current is not None
        and current.list_item is None
        and number is not None
        and int(number) != 1
    )


def _width(line: str, start: int, end: int) -> int:
    """The columns ``line[start:end]`` takes, a tab to the next multiple of four."""
    return len(line[start : max(start, end)].expandtabs(4))


class _ListNesting:
    """The open list items of a Markdown list, to tell a nested item from a sibling.

    As in CommonMark, an item whose marker stands under its parent's text (at or right of
    the column where that text starts) is nested in it; a block further left closes the items
    whose text it does not reach.
    """

    def __init__(self) -> None:
        # Where the text of each open item starts, the outermost first.
        self._content_columns: list[int] = []

    def item(self, line: str, start: int, match: re.Match[str]) -> ListItem:
        """The list item ``match`` (of ``_LIST_ITEM`` at ``start`` in ``line``) opens."""
        bullet = match.group(1) is not None
        marker_start = match.start(1) if bullet else match.start(2)
        marker_end = match.end(1) if bullet else match.end(2) + 1
        indent = _width(line, start, marker_start)
        self.close_left_of(indent)
        content = _width(line, start, match.end())
        if content - _width(line, start, marker_end) > 4:
            # Five spaces or more after the marker: the text is indented code, one space in.
            content = _width(line, start, marker_end) + 1
        self._content_columns.append(content)
        number = None if bullet else int(match.group(2))
        # The bullet, or the delimiter after the number: another one starts another list.
        marker = match.group(1) if bullet else line[match.end(2)]
        return ListItem(
            ordered=not bullet,
            number=number,
            depth=len(self._content_columns),
            marker=marker,
        )

    def base_column(self, column: int) -> int:
        """Where the text of the innermost open item that ``column`` reaches starts (0
        where it reaches none): a line's indentation inside an item counts from there."""
        return max((start for start in self._content_columns if start <= column), default=0)

    def reached(self, column: int) -> int:
        """How many open items a block starting at ``column`` stands in: those whose text
        starts at or left of it."""
        return sum(1 for start in self._content_columns if start <= column)

    @property
    def text_column(self) -> int:
        """Where the innermost open item's text starts (0 where none is open)."""
        return self._content_columns[-1] if self._content_columns else 0

    @property
    def open(self) -> bool:
        """Whether a list item is open: its next item may follow any paragraph of it."""
        return bool(self._content_columns)

    def close_left_of(self, column: int) -> None:
        """A block starts at ``column``: the items whose text starts right of it are over."""
        while self._content_columns and column < self._content_columns[-1]:
            self._content_columns.pop()


@dataclass
class _OpenQuote:
    """A block quote being read, and the lists open inside it: its content has columns of
    its own, so a list in it neither ends nor continues a list outside it."""

    quote: BlockQuote
    lists: _ListNesting = field(default_factory=_ListNesting)


class _OpenQuotes:
    """The block quotes open at a line of a Markdown source, outermost first, each
    numbered as it opens (see ``BlockQuote``), and the lists open outside them.

    A line with as many markers goes on in the open quotes, one with fewer ends the
    innermost ones (but for a lazy line, which ``restore`` puts back in its paragraph's),
    one with more opens new ones. A quote whose ">" stands under an open list item's text
    ("1. Step" then "   > Note") opens inside that item, which stays open for the list's
    next item; one further left ends the items it does not reach, as any block does.
    """

    def __init__(self) -> None:
        # The lists of the text outside any quote.
        self.top_lists = _ListNesting()
        self._open: list[_OpenQuote] = []
        self._count = 0
        # Whether the last line entered opened a quote.
        self.opened = False

    def enter(self, line: str, depth: int) -> _ListNesting:
        """Enters the quotes of ``line``, ``depth`` markers deep; returns the lists open in
        the innermost (those outside any, for a line without markers)."""
        if not depth and not self._open:
            # (The common line: no quote before it, none now.)
            self.opened = False
            return self.top_lists
        kept = 0
        item_depth = 0
        if depth:
            # Only the first marker can stand in a list item: ``_quote_prefix`` reads
            # nested markers right after it.
            marker = _width(line, 0, line.index(">"))
            item_depth = self.top_lists.reached(marker)
            if self._open and self._open[0].quote.item_depth == item_depth:
                kept = min(depth, len(self._open))
            else:
                self.top_lists.close_left_of(marker)
        del self._open[kept:]
        self.opened = kept < depth
        for level in range(kept, depth):
            self._count += 1
            # A nested quote's ">" follows its parent's: in no list item of the parent's.
            quote = BlockQuote(self._count, item_depth if level == 0 else 0)
            self._open.append(_OpenQuote(quote))
        return self._open[-1].lists if self._open else self.top_lists

    def leave(self) -> None:
        """Ends every open quote: the line is no quote's (code indented before its ">")."""
        del self._open[:]

    def current(self) -> tuple[BlockQuote, ...]:
        """The quotes open now, outermost first: those of a block read from this line."""
        if not self._open:
            return ()
        return tuple([open_quote.quote for open_quote in self._open])

    def snapshot(self) -> list[_OpenQuote]:
        """The quotes open now, for ``restore``."""
        return list(self._open)

    def restore(self, snapshot: list[_OpenQuote]) -> None:
        """Puts back the quotes ``snapshot`` took: a lazy line ends none."""
        self._open = list(snapshot)


def _table_cells(line: str) -> list[tuple[int, int]]:
    """The content spans of a table row's cells in ``line``, empty cells included.

    GFM makes the outer pipes optional, so a row is split only at the pipes between cells.
    """
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    if line.startswith("|", start):
        start += 1
    if end > start and line[end - 1] == "|" and line[end - 2 : end - 1] != "\\":
        end -= 1
    cells: list[tuple[int, int]] = []
    cell_start = start
    for pipe in _CELL_PIPE.finditer(line, start, end):
        cells.append(_stripped_span(line, cell_start, pipe.start()))
        cell_start = pipe.end()
    cells.append(_stripped_span(line, cell_start, end))
    return cells


def _stripped_span(line: str, start: int, end: int) -> tuple[int, int]:
    piece = line[start:end]
    left = start + len(piece) - len(piece.lstrip())
    return left, max(left, start + len(piece.rstrip()))


def _is_table_row(line: str) -> bool:
    """Whether ``line`` continues a table: a line with a cell pipe that starts no other block."""
    if not line.strip() or not _CELL_PIPE.search(line):
        return False
    return not (
        _FENCE.match(line) or _ATX.match(line) or _QUOTE.match(line) or _LIST_ITEM.match(line)
    )


def _starts_table(header: str, delimiter: str) -> bool:
    """Whether ``header`` heads a table: a delimiter row with as many cells follows it.

    Text that merely contains a pipe is no table; a line of hyphens without one is a
    setext underline or a rule.
    """
    if "|" not in delimiter or not _is_table_row(header):
        return False
    delimiter_cells = _table_cells(delimiter)
    if not all(_DELIMITER_CELL.match(delimiter[start:end]) for start, end in delimiter_cells):
        return False
    return len(delimiter_cells) == len(_table_cells(header))


def table_delimiter_row(text: str, offset: int, row: int) -> tuple[str, ...]:
    """The delimiter row of the Markdown table in ``text`` whose row ``row`` (0 the header)
    holds ``offset``: each column's cell as written ("---:", ":-:"), which says how the
    column is aligned; () where that line is no delimiter row.

    The reader keeps no alignment beside the segments (a cell's place is enough to rebuild
    the grid), so an edition that shows it finds it again here, from where a cell stands:
    the delimiter row is the line under the header row, and the body rows follow it with
    no line between.
    """
    line_start = text.rfind("\n", 0, offset) + 1
    if row == 0:
        line_end = text.find("\n", offset)
        if line_end < 0:
            return ()
        line_start = line_end + 1
    for _ in range(row):
        if line_start == 0:
            return ()
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip("\r")
    content = line[_quote_prefix(line)[1] :]
    cells = _table_cells(content)
    if "|" not in content or not all(
        _DELIMITER_CELL.match(content[start:end]) for start, end in cells
    ):
        return ()
    return tuple(content[start:end] for start, end in cells)


def _cell_blocks(
    line: str,
    line_start: int,
    table: int,
    row: int,
    quote_depth: int = 0,
    quotes: tuple[BlockQuote, ...] = (),
    item_depth: int = 0,
) -> list[Block]:
    """A block for each cell of a table row that has text, with its place in the table
    (empty cells count as columns: the grid is the source's); ``line`` is the row's content,
    found at ``line_start``, its quote markers (``quote_depth`` of them, of ``quotes``) left
    out; ``item_depth``: the list item whose text holds the table."""
    return [
        Block(
            heading=False,
            lines=[(line_start + start, line_start + end)],
            cell=TableCell(table, row, column),
            quote_depth=quote_depth,
            quotes=quotes,
            item_depth=item_depth,
        )
        for column, (start, end) in enumerate(_table_cells(line))
        if end > start
    ]


# --- .docx -----------------------------------------------------------------------------------


def docx_blocks(
    text: str,
    heading_lines: Mapping[int, int],
    cells: Mapping[int, TableCell] | None = None,
    list_items: Mapping[int, ListItem] | None = None,
) -> list[Block]:
    """One block per paragraph of a .docx (joined as lines of ``text``); ``heading_lines``:
    the heading paragraphs' numbers and depths; ``cells`` and ``list_items``: the table cells
    and list items among the paragraphs, by number."""
    blocks: list[Block] = []
    cells = cells or {}
    list_items = list_items or {}
    for number, (start, end) in enumerate(_line_spans(text)):
        if end > start:
            level = heading_lines.get(number, 0)
            blocks.append(
                Block(
                    heading=level > 0,
                    lines=[(start, end)],
                    level=max(level, 1),
                    cell=cells.get(number),
                    list_item=list_items.get(number),
                )
            )
    return blocks


# --- language detection ----------------------------------------------------------------------

_STOPWORDS = {
    "en": _word_set("the and of to is in that it for with as are this was be by"),
    "es": _word_set("el la de que y los las en del se por una para con es al"),
    "fr": _word_set("le la les de des et est que une dans pour qui du au sur pas"),
    "de": _word_set("der die das und ist nicht ein eine zu den mit von sich des auf dem"),
}


def detect_language(text: str) -> str:
    """A guess good enough to pick segmentation rules: CJK-majority → zh (ja with kana),
    Cyrillic → ru, else
    the Latin-script language whose commonest words occur most (English on a tie)."""
    sample = text[:200_000]
    cjk = latin = cyrillic = kana = 0
    for char in sample:
        if char.isalpha():
            if _cjk(char):
                cjk += 1
                if "\u3040" <= char <= "\u30ff":
                    kana += 1
            elif "\u0400" <= char <= "\u04ff":
                cyrillic += 1
            else:
                latin += 1
    total = cjk + latin + cyrillic
    if total == 0:
        return "en"
    # A Chinese character carries a word; a Latin letter a fifth of one.
    if cjk * 4 >= latin + cyrillic:
        return "ja" if kana * 10 >= cjk else "zh"
    if cyrillic > latin:
        return "ru"
    counts = dict.fromkeys(_STOPWORDS, 0)
    for word in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", sample[:50_000]).lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    return best if counts[best] > counts["en"] else "en"
