"""Editions as Markdown and plain text: what goes into a repository, an e-mail or a CMS.

Neither format can put a table or a list beside another, so a bilingual edition prints the
source's table (list) and then the translation's, each whole: a table read by its grid and a
list by its numbering would not survive being cut into rows of one cell or one item.
A code block, which has no translation, is printed once where it stands: fenced in
Markdown, indented four spaces in plain text. A block quote is a quote in Markdown (each
line behind "> "), the source's and then the translation's as a list's are, its code in
both; plain text puts each line of a quote behind "> " too, as e-mail quotes (indentation
is code's), each paragraph beside its translation. A quote written in a list item's text
is printed under that item's text, in the list; so are the item's later paragraphs (after
a blank line, as CommonMark needs to keep them apart from the first) and its code, and the
list's numbering goes on after them.

A Markdown source's raw HTML blocks and HTML comments (``CodeBlock.html``) are printed as
written in a Markdown edition, where they stand, as its code is (unfenced: Markdown reads
them as HTML again), but that a comment the source leaves open is closed, so that it hides
nothing termwise prints after it; plain text shows raw HTML as it shows code, its markup as
text, and no comment, which no reader of the source sees. A comment in a sentence's text
is written back as written in Markdown, and shows nothing in any other edition.

A Markdown source's link reference definitions ("[1]: https://…") are printed as written
in a Markdown edition, so that the "[text][1]" links of the source and of its translation
(which keeps the label) lead where they led; plain text prints none, and shows a reference
link as it shows an inline one, its target in brackets after its text.

A paragraph whose aligned translation opens a paragraph within it (a translator's note on
a line of its own) is printed as those paragraphs, as the HTML and Word editions print it:
a blank line between them in the translated edition and in a quote; beside its source, one
a line under it (a blank line would part them from it); in a list item, the item's next
paragraph (which makes the list loose, as CommonMark reads it); in a Markdown table's cell,
after a "<br>". A plain-text table prints each row on one line, and so each cell's
paragraphs one after another, a note's too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from termwise.document.model import CodeBlock, SegmentKind
from termwise.export import markdown_inline
from termwise.export.edition import (
    MISSING,
    UNREVIEWED_MARK,
    Edition,
    EditionBlock,
    EditionSegment,
    join_sentences,
)
from termwise.export.layout import (
    CellPart,
    DefinitionsPart,
    ListEntry,
    ListPart,
    Part,
    QuotePart,
    TablePart,
    edition_parts,
    item_definitions,
    number_label,
)
from termwise.export.omitted_items import translation_part, translation_parts

# One side of the edition: a block's source text or its translation, as the format prints it.
BlockText = Callable[[EditionBlock], str]
# A paragraph's translation cut into the paragraphs the published translation has there
# (``EditionBlock.target_paragraphs``), each as the format prints it.
BlockParagraphs = Callable[[EditionBlock], list[str]]
# What sets a paragraph apart in a Markdown table's cell, which holds one line: a line
# break, as GitHub's tables take it (a plain-text table's cell is given no paragraphs).
_CELL_BREAK = "<br>"


# A note's mark after the sentence that refers to it (``EditionSegment.notes``), as a
# format writes it.
NoteMark = Callable[[str], str]


def text_note_mark(label: str) -> str:
    """Plain text's note mark, "[1]", which its notes at the end begin with too."""
    return f"[{label}]"


def markdown_note_mark(label: str) -> str:
    """Markdown's footnote reference, "[^1]" (GitHub's, Pandoc's and most renderers')."""
    return f"[^{label}]"


def _marked(text: str, item: EditionSegment, mark: NoteMark) -> str:
    """``text`` (a sentence or its translation) followed by the marks of its notes."""
    return text + "".join(mark(label) for label in item.notes)


def block_target(
    block: EditionBlock,
    escape: Callable[[str], str] = str,
    *,
    markdown: bool = False,
    mark: NoteMark = text_note_mark,
) -> str:
    """A block's translation as written, each unreviewed sentence marked after the text a
    reader of its ``markdown`` sees (not after a comment that closes it), after the marks of
    its notes."""
    return _runs_target(
        block.target_runs(), block.target_lang, escape, markdown=markdown, mark=mark
    )


def block_target_paragraphs(
    block: EditionBlock,
    escape: Callable[[str], str] = str,
    *,
    markdown: bool = False,
    mark: NoteMark = text_note_mark,
) -> list[str]:
    """A block's translation as ``block_target`` writes it, one text per paragraph the
    published translation has there: a translator's note the aligned translation set on
    a line of its own, marked apart when unreviewed, as the HTML edition marks it."""
    return [
        _runs_target(runs, block.target_lang, escape, markdown=markdown, mark=mark)
        for runs in block.target_paragraphs()
    ]


def _runs_target(
    runs: Sequence[EditionSegment],
    lang: str,
    escape: Callable[[str], str],
    *,
    markdown: bool,
    mark: NoteMark,
) -> str:
    """The translations ``runs`` (a ``target`` of None a run of untranslated ones, its
    notes' marks after "[untranslated]") as ``block_target`` writes them, joined as
    ``join_sentences`` joins a paragraph of ``lang``."""
    parts = []
    for item in runs:
        if item.target is None:
            parts.append((MISSING, _marked(MISSING, item, mark)))
            continue
        shown = markdown_inline.plain_text(item.target) if markdown else item.target
        text = _marked(escape(item.target), item, mark)
        if item.unreviewed:
            end = markdown_inline.shown_end(text) if markdown else len(text)
            text = text[:end] + UNREVIEWED_MARK + text[end:]
        parts.append((shown, text))
    return join_sentences(parts, lang)


def block_source(block: EditionBlock, mark: NoteMark = text_note_mark) -> str:
    """A block's source text, each sentence followed by the marks of its notes."""
    return join_sentences(
        ((item.segment.text, _marked(item.segment.text, item, mark)) for item in block.segments),
        block.source_lang,
    )


def markdown_edition(edition: Edition, *, target_only: bool = False) -> str:
    """Bilingual: each section's paragraphs in a two-column table under its headings."""
    escape = _markdown_source if edition.markdown else _md_escape
    mark = markdown_note_mark
    source_text = _source_text(escape, mark)
    target_text = _target_text(escape, edition.markdown, mark)
    target_paragraphs = _target_paragraphs(escape, edition.markdown, mark)
    lines: list[str] = []
    if target_only:
        title_block = edition.target_title_block
        if title_block is not None:
            title = block_target(title_block, escape, markdown=edition.markdown, mark=mark)
        else:
            title = _title(edition, edition.target_title)
        lines.extend([f"# {title}", ""])
        body = translation_parts(
            edition_parts(
                edition.target_body(),
                edition.code_blocks,
                edition.link_definitions,
                edition.table_delimiters,
            )
        )
        lines.extend(
            _markdown_lines(
                body,
                target_text,
                edition.markdown,
                paragraphs_of=target_paragraphs,
            )
        )
    else:
        title_row = edition.title_row
        if title_row is None:
            lines.extend([f"# {_title(edition, edition.title)}", ""])
        in_table = False
        # Definitions met among the paragraphs of the table, printed where it ends: a table
        # holds none, and one cut in two for them repeats its header. They show nothing,
        # so a little further on they still stand between the same visible blocks.
        waiting: list[str] = []

        def end_table() -> None:
            nonlocal in_table
            if in_table:
                lines.append("")
                in_table = False
            if waiting:
                lines.extend([*waiting, ""])
                waiting.clear()

        # The list printed last, where nothing has been printed after it.
        printed: ListPart | None = None
        parts = edition_parts(
            edition.blocks, edition.code_blocks, edition.link_definitions, edition.table_delimiters
        )
        for block in parts:
            if not isinstance(block, ListPart):
                printed = None
            if isinstance(block, DefinitionsPart):
                if in_table:
                    waiting.extend(_definition_lines(block))
                else:
                    lines.extend([*_definition_lines(block), ""])
                continue
            if isinstance(block, CodeBlock):
                end_table()
                lines.extend([*_code_lines(block), ""])
                continue
            if isinstance(block, QuotePart):
                end_table()
                # The source's quotation whole, then its translation's, as a list's; the
                # definitions in it once, which the translation's links find as well.
                lines.extend(_markdown_lines([block], source_text, edition.markdown))
                lines.extend(
                    _markdown_lines(
                        [translation_part(block)],
                        target_text,
                        edition.markdown,
                        definitions=False,
                        paragraphs_of=target_paragraphs,
                    )
                )
                continue
            if not isinstance(block, EditionBlock):
                end_table()
                # The source's list, then the translation's, each with the source's markers:
                # a comment between them where CommonMark would read one (``_merges``).
                translation = translation_part(block)
                if isinstance(block, ListPart) and _merges(printed, block):
                    lines.extend([LIST_SEPARATOR, ""])
                lines.extend(_markdown_part(block, source_text, edition.markdown))
                lines.append("")
                if isinstance(block, ListPart) and isinstance(translation, ListPart):
                    if _merges(block, translation):
                        lines.extend([LIST_SEPARATOR, ""])
                    printed = translation if translation.entries else block
                lines.extend(
                    _markdown_part(
                        translation,
                        target_text,
                        edition.markdown,
                        definitions=False,
                        paragraphs_of=target_paragraphs,
                    )
                )
                lines.append("")
                continue
            if block.kind is SegmentKind.HEADING:
                end_table()
                # The title's row is the edition's title, above every section.
                marks = "#" * (1 if block is title_row else block.outline_level)
                lines.append(f"{marks} {source_text(block)}")
                lines.append(f"{marks} {target_text(block)}")
                lines.append("")
                continue
            if not in_table:
                source_name, target_name, _ = edition.bilingual_names()
                lines.append(f"| {source_name} | {target_name} |")
                lines.append("| --- | --- |")
                in_table = True
            source = _cell(source_text(block), edition.markdown)
            target = _cell(
                _CELL_BREAK.join(_block_paragraphs(block, target_text, target_paragraphs)),
                edition.markdown,
            )
            lines.append(f"| {source} | {target} |")
        end_table()
    sides = [target_text] if target_only else [source_text, target_text]
    lines.extend(_markdown_notes(edition, sides))
    for legend in edition.legends(target_only=target_only):
        lines.extend([f"*{_md_escape(legend)}*", ""])
    return "\n".join(lines).rstrip("\n") + "\n"


def text_edition(edition: Edition, *, target_only: bool = False) -> str:
    """Plain text: headings and paragraphs; bilingual shows each source paragraph first."""
    source_of: BlockText = block_source
    target_of: BlockText = block_target
    paragraphs_of: BlockParagraphs = block_target_paragraphs
    if edition.markdown:
        references = edition.references

        def source_of(block: EditionBlock) -> str:
            return _reading_source(block, references)

        def target_of(block: EditionBlock) -> str:
            return _reading_target(block, references)

        def paragraphs_of(block: EditionBlock) -> list[str]:
            return _reading_target_paragraphs(block, references)

    # (Each side with whether it is the translation's, which prints its lists without the
    # items it leaves out whole.)
    sides = [(target_of, True)] if target_only else [(source_of, False), (target_of, True)]
    # Its title once, as every edition prints it: a document that opens with a heading has
    # it as its first block already (unless --title names another).
    lines: list[str] = []
    if target_only and edition.target_title_block is None:
        lines.extend([edition.target_title, ""])
    elif not target_only and edition.title_row is None:
        lines.extend([edition.title, ""])
    parts = edition_parts(
        edition.blocks, edition.shown_code_blocks, item_definitions(edition.link_definitions)
    )
    # (A list the translation leaves out whole leaves no blank lines where it stood.)
    lines.extend(
        _text_lines(translation_parts(parts) if target_only else parts, sides, paragraphs_of)
    )
    lines.extend(_text_notes(edition, [text_of for text_of, _ in sides]))
    lines.extend(edition.legends(target_only=target_only))
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_notes(edition: Edition, sides: Sequence[BlockText]) -> list[str]:
    """The notes as Markdown footnotes ("[^1]: …"), each after the body, whatever the
    source's kind: Markdown has no other. A note's further paragraphs (in a bilingual
    edition its translation's, after the source's) are set in four spaces, as a footnote's
    own paragraphs are."""
    lines: list[str] = []
    for note in edition.notes:
        texts = [text for text_of in sides for block in note.blocks if (text := text_of(block))]
        first, *rest = texts or [""]
        lines.append(f"{markdown_note_mark(note.label)}: {first}")
        for text in rest:
            lines.extend(["", f"    {text}"])
        lines.append("")
    return lines


# What sets a plain-text edition's notes apart from its body, as a short rule does on paper.
TEXT_NOTES_RULE = "----"


def _text_notes(edition: Edition, sides: Sequence[BlockText]) -> list[str]:
    """The notes after the body, under a rule: each begins with its mark ("[1]"), its
    further lines (in a bilingual edition its translation, under the source's) set in as
    far as its text."""
    if not edition.notes:
        return []
    lines = [TEXT_NOTES_RULE, ""]
    for note in edition.notes:
        label = text_note_mark(note.label) + " "
        texts = [text for text_of in sides for block in note.blocks if (text := text_of(block))]
        for index, text in enumerate(texts or [""]):
            lines.append((" " * len(label) if index else label) + text)
        lines.append("")
    return lines


def _text_lines(
    parts: Sequence[Part],
    sides: Sequence[tuple[BlockText, bool]],
    paragraphs_of: BlockParagraphs | None = None,
) -> list[str]:
    """``parts`` as plain text, each followed by a blank line: a paragraph as each of
    ``sides`` gives it (the source, then its translation), a table or a list whole on
    each side (the translation's as ``translation_part`` gives it), a quote's lines behind
    "> ". Where ``paragraphs_of`` is given, the last side's paragraph (the translation's) is
    each of the paragraphs it finds there: alone, a blank line between them; beside its
    source, one a line under it."""
    lines: list[str] = []
    for part in parts:
        if isinstance(part, DefinitionsPart):
            continue  # (only a Markdown edition places them)
        if isinstance(part, CodeBlock):
            # Indented, as plain text sets code apart; a blank line gets no trailing spaces.
            code_lines = part.text.split("\n") if part.text else []
            lines.extend(_indented(code_lines, 1))
        elif isinstance(part, QuotePart):
            lines.extend(_quoted(_text_lines(part.parts, sides, paragraphs_of)))
        elif isinstance(part, EditionBlock) and len(sides) == 1:
            lines.extend(_indented(_paragraph_lines(part, sides[0][0], paragraphs_of), 0))
        elif isinstance(part, EditionBlock):
            *others, (target_of, _) = sides
            shown = [text_of(part) for text_of, _ in others]
            shown.extend(_block_paragraphs(part, target_of, paragraphs_of))
            lines.extend(_indented(shown, 0))
        else:
            for index, (text_of, translation) in enumerate(sides):
                if index:
                    lines.append("")
                shown_part = translation_part(part) if translation else part
                found = paragraphs_of if translation else None
                lines.extend(_indented(_text_part(shown_part, text_of, found), 0))
        lines.append("")
    return lines


def _block_paragraphs(
    block: EditionBlock, text_of: BlockText, paragraphs_of: BlockParagraphs | None
) -> list[str]:
    """The paragraphs a block prints as, wherever it stands: those ``paragraphs_of`` finds
    in its translation where it finds several (a translator's note the published
    translation set apart), else the one text ``text_of`` gives (a block that shows
    nothing still takes its place, as it did)."""
    if paragraphs_of is not None:
        shown = [text for text in paragraphs_of(block) if text]
        if len(shown) > 1:
            return shown
    return [text_of(block)]


def _paragraph_lines(
    block: EditionBlock,
    text_of: BlockText,
    paragraphs_of: BlockParagraphs | None,
    escape_start: Callable[[str], str] = str,
) -> list[str]:
    """A paragraph standing alone as its ``_block_paragraphs``, a blank line between."""
    lines: list[str] = []
    for text in _block_paragraphs(block, text_of, paragraphs_of):
        if lines:
            lines.append("")
        lines.append(escape_start(text))
    return lines


def _indented(lines: list[str], depth: int) -> list[str]:
    """``lines`` indented four spaces ``depth`` times, as plain text sets code apart; a
    blank line gets no trailing spaces."""
    indent = "    " * depth
    return [f"{indent}{line}" if line.strip() else "" for line in lines]


def _markdown_lines(
    parts: Sequence[Part],
    text_of: BlockText,
    markdown: bool,
    *,
    definitions: bool = True,
    paragraphs_of: BlockParagraphs | None = None,
) -> list[str]:
    """One side of ``parts`` (the source's or the translation's) as Markdown blocks, each
    followed by a blank line; a quote's lines behind "> "; the link definitions as written,
    unless ``definitions`` is false. Two lists one after the other that CommonMark would
    read as one stay two (``_merges``). Where ``paragraphs_of`` is given
    (the translation's side), a paragraph is each of the paragraphs it finds there
    (``_block_paragraphs``), in lists and tables too."""
    lines: list[str] = []
    previous: ListPart | None = None
    for part in parts:
        if isinstance(part, DefinitionsPart) and not definitions:
            continue
        if isinstance(part, ListPart):
            if _merges(previous, part):
                lines.extend([LIST_SEPARATOR, ""])
            lines.extend(
                _markdown_part(
                    part,
                    text_of,
                    markdown,
                    definitions=definitions,
                    paragraphs_of=paragraphs_of,
                )
            )
            previous = part
        else:
            previous = None
            if isinstance(part, CodeBlock):
                lines.extend(_code_lines(part))
            elif isinstance(part, DefinitionsPart):
                lines.extend(_definition_lines(part))
            elif isinstance(part, QuotePart):
                quoted = _markdown_lines(
                    part.parts,
                    text_of,
                    markdown,
                    definitions=definitions,
                    paragraphs_of=paragraphs_of,
                )
                lines.extend(_quoted(quoted))
            elif isinstance(part, TablePart):
                lines.extend(_markdown_part(part, text_of, markdown, paragraphs_of=paragraphs_of))
            elif part.kind is SegmentKind.HEADING:
                lines.append(f"{'#' * part.outline_level} {text_of(part)}")
            else:
                lines.extend(_paragraph_lines(part, text_of, paragraphs_of, _escape_block_start))
        lines.append("")
    return lines


def _quoted(lines: list[str]) -> list[str]:
    """``lines`` in a block quote, Markdown's or an e-mail's: each behind "> ", a blank one
    a bare ">" that keeps the quote open (a blank line would end it, and two quotes one
    after the other would read as one)."""
    while lines and not lines[-1]:
        lines = lines[:-1]
    return [f"> {line}" if line else ">" for line in lines]


def _markers(part: ListPart) -> tuple[str, str]:
    """The bullet and the number's delimiter a Markdown list is printed with: the source's
    own ("1)" stays "1)"); "-" and "." where it has none (Word)."""
    bullet = part.marker if part.marker in ("-", "*", "+") else "-"
    delimiter = part.marker if part.marker in (".", ")") else "."
    return bullet, delimiter


# What stands between two lists that CommonMark would read as one: an HTML comment, which
# ends a list and shows nothing (CommonMark's own advice), where other markers on the second
# changed what the source wrote ("1." came out as "1)" in the translation). Between lists in
# a tight item it stands alone: a blank line there would make the item's list loose.
LIST_SEPARATOR = "<!-- -->"


def _merges(previous: ListPart | None, part: ListPart) -> bool:
    """Whether CommonMark would read list ``part`` as going on with ``previous``, printed
    just before it: both print items, of one kind, with one marker (the source's "- a"
    then "* b" are two lists already). ``LIST_SEPARATOR`` then stands between them."""
    if previous is None or not previous.entries or not part.entries:
        return False
    return _printed_ordered(previous) == _printed_ordered(part) and _printed_marker(
        previous
    ) == _printed_marker(part)


def _printed_marker(part: ListPart) -> str:
    """What tells a printed list from the next: its bullet, or a numbered one's delimiter."""
    bullet, delimiter = _markers(part)
    return delimiter if _printed_ordered(part) else bullet


def _printed_ordered(part: ListPart) -> bool:
    """Whether Markdown prints ``part`` numbered: it numbers in digits only, and prints a
    lettered list as bullets."""
    return part.ordered and part.numbering == "decimal"


def _code_lines(code: CodeBlock) -> list[str]:
    """A code block as Markdown: fenced; raw HTML as written, which Markdown reads as
    such again, but for a comment it leaves open (closed: ``_close_comment``)."""
    if code.html:
        return _close_comment(code.text.split("\n"))
    return _fenced(code)


def _close_comment(lines: list[str]) -> list[str]:
    """Raw HTML ``lines`` with a comment they leave open closed at their end.

    An unclosed "<!--" hides the rest of the file (CommonMark, and a browser the rest of
    the page): in the source, nothing after it; in the edition, what termwise prints after
    the source's last block, the legend, or a quote's translation after the quote. What it
    hides stays hidden: "-->" ends the last line, so that the raw HTML block goes on to it.
    """
    text = "\n".join(lines)
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        comment = markdown_inline.HTML_COMMENT.match(text, start)
        if comment is None:
            return [*lines[:-1], f"{lines[-1]} -->" if lines[-1] else "-->"]
        position = comment.end()
    return lines


def _fenced(code: CodeBlock) -> list[str]:
    """A code block as a Markdown fence: longer than any run of its marker in the text, so
    that no line of it closes the fence; of tildes where the info string has a backtick,
    which a backtick fence's may not."""
    marker = "~" if "`" in code.info else "`"
    longest = max((len(run) for run in re.findall(f"{re.escape(marker)}+", code.text)), default=0)
    fence = marker * max(3, longest + 1)
    body = code.text.split("\n") if code.text else []
    return [f"{fence}{code.info}", *body, fence]


def _definition_lines(part: DefinitionsPart) -> list[str]:
    """Link reference definitions as the source writes them, a title on its own line
    where it stood on one."""
    return [line for definition in part.definitions for line in definition.text.split("\n")]


def _reading_source(block: EditionBlock, references: markdown_inline.References) -> str:
    """A Markdown source's paragraph as the reader sees it, markers gone, links' targets
    in brackets: plain text is read as it is, and "**calidad**" is no emphasis there."""
    texts = [item.segment.text for item in block.segments]
    nodes = markdown_inline.parse_paragraph(texts, references)
    shown = (markdown_inline.reading_text(sentence) for sentence in nodes)
    # (A sentence that shows nothing, a comment alone, takes no space beside the others.)
    return join_sentences(((text, text) for text in shown if text), block.source_lang)


def _reading_target(block: EditionBlock, references: markdown_inline.References) -> str:
    """The translation of a Markdown source's paragraph as the reader sees it (as
    ``_reading_source``), marked as ``block_target`` marks it."""
    return _reading_runs(block.target_runs(), block.target_lang, references)


def _reading_target_paragraphs(
    block: EditionBlock, references: markdown_inline.References
) -> list[str]:
    """``_reading_target``, one text per paragraph the published translation has there,
    each read as a paragraph of its own (as the HTML edition reads it)."""
    return [
        _reading_runs(runs, block.target_lang, references) for runs in block.target_paragraphs()
    ]


def _reading_runs(
    runs: Sequence[EditionSegment], lang: str, references: markdown_inline.References
) -> str:
    """The translations ``runs`` (a ``target`` of None a run of untranslated ones) of a
    Markdown source's paragraph of ``lang`` as ``_reading_target`` prints them."""
    shown = [item.target for item in runs if item.target is not None]
    nodes = iter(markdown_inline.parse_paragraph(shown, references))
    parts = []
    for item in runs:
        if item.target is None:
            parts.append((MISSING, MISSING))
            continue
        text = markdown_inline.reading_text(next(nodes))
        if text:
            parts.append((text, text + UNREVIEWED_MARK if item.unreviewed else text))
    return join_sentences(parts, lang)


def _source_text(escape: Callable[[str], str], mark: NoteMark) -> BlockText:
    # (A mark is no markup ``escape`` changes: "[^1]" and "[1]" pass it as they are.)
    return lambda block: escape(block_source(block, mark))


def _target_text(escape: Callable[[str], str], markdown: bool, mark: NoteMark) -> BlockText:
    return lambda block: block_target(block, escape, markdown=markdown, mark=mark)


def _target_paragraphs(
    escape: Callable[[str], str], markdown: bool, mark: NoteMark
) -> BlockParagraphs:
    return lambda block: block_target_paragraphs(block, escape, markdown=markdown, mark=mark)


def _markdown_part(
    part: TablePart | ListPart,
    text_of: BlockText,
    markdown: bool,
    *,
    definitions: bool = True,
    paragraphs_of: BlockParagraphs | None = None,
) -> list[str]:
    """A pipe table (its first row the header row a pipe table must have) or a list, with
    the source's markers; the link definitions of the quotes its items hold unless
    ``definitions`` is false; each block as the paragraphs ``paragraphs_of`` finds in it,
    where given (``_block_paragraphs``)."""
    if isinstance(part, ListPart):

        def item_text(block: EditionBlock) -> str:
            return _escape_block_start(text_of(block))

        item_paragraphs: BlockParagraphs | None = None
        if paragraphs_of is not None:
            found = paragraphs_of

            def item_paragraphs(block: EditionBlock) -> list[str]:
                return [_escape_block_start(text) for text in found(block)]

        def held_lines(held: Part) -> list[str]:
            return _markdown_lines(
                [held], text_of, markdown, definitions=definitions, paragraphs_of=paragraphs_of
            )

        return _list_lines(
            part,
            item_text,
            held_lines=held_lines,
            definitions=definitions,
            paragraphs_of=item_paragraphs,
        )
    lines: list[str] = []
    for index, row in enumerate(part.rows):
        cells = [_cell(_cell_text(cell, text_of, paragraphs_of), markdown) for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            # The source's delimiter row as written (a column's alignment is in its colons).
            delimiters = [
                part.delimiters[column] if column < len(part.delimiters) else "---"
                for column in range(len(row))
            ]
            lines.append("|" + "".join(f" {delimiter} |" for delimiter in delimiters))
    return lines


def _text_part(
    part: TablePart | ListPart, text_of: BlockText, paragraphs_of: BlockParagraphs | None = None
) -> list[str]:
    """A table as one line a row, its cells between " | " (a cell's paragraphs one after
    another); a list as a Markdown one, an item's paragraphs as ``_list_lines`` sets them."""
    if isinstance(part, ListPart):
        return _list_lines(part, text_of, markdown=False, paragraphs_of=paragraphs_of)
    return [" | ".join(_cell_text(cell, text_of) for cell in row).rstrip() for row in part.rows]


def _list_lines(
    part: ListPart,
    text_of: BlockText,
    indent: str = "",
    *,
    markdown: bool = True,
    held_lines: Callable[[Part], list[str]] | None = None,
    definitions: bool = False,
    paragraphs_of: BlockParagraphs | None = None,
) -> list[str]:
    """One line an item, "- " or "3. " before it; a nested list, or what else the item
    holds (a quote, a paragraph, code) as ``held_lines`` prints it (as plain text does, by
    default), under its item's text. An item whose text ``paragraphs_of`` finds several
    paragraphs in (``_block_paragraphs``) holds the others after a blank line, as it holds
    a paragraph after its first (``ListEntry.loose`` makes its list loose). With ``definitions``, the definitions that open an
    item (``ListEntry.definitions``) stand on its marker's line, its text under them, as
    the source writes them: printed after its text, they set a blank line in a tight list.

    Markdown numbers lists in digits only, so there an item numbered "b." is a bullet item
    that starts "b." (a Markdown list of "b." lines is a paragraph); plain text prints "b.".
    An item that holds a paragraph after its first needs a blank line before it (without
    one, the paragraph would go on with the first); the list is loose then, in CommonMark
    as in the source, and a blank line stands between all its items and blocks.
    """
    bullet, delimiter = _markers(part)
    # The source's own delimiter for a label ("a)", "(iv)"), as it writes it.
    written = part.marker if part.marker in (".", ")", "()") else "."
    loose = part.loose
    lines: list[str] = []
    for index, entry in enumerate(part.entries):
        if loose and index:
            lines.append("")
        marker = f"{entry.number}{delimiter}" if entry.number is not None else bullet
        if entry.number is not None and (part.numbering != "decimal" or not markdown):
            # The label is text, written as the source writes it: the bullet alone tells
            # two lists apart.
            number = number_label(entry.number, part.numbering)
            label = f"({number})" if written == "()" else f"{number}{written}"
            marker = f"{bullet} {label}" if markdown else label
        texts = (
            _block_paragraphs(entry.block, text_of, paragraphs_of)
            if entry.block is not None
            else [""]
        )
        text = texts[0]
        nested = indent + " " * (len(marker) + 1)
        opening = _opening_lines(entry, text) if definitions else []
        if opening:
            lines.append(f"{indent}{marker} {opening[0]}")
            lines.extend(f"{nested}{line}" for line in opening[1:])
        else:
            # (An item that shows nothing, a comment alone, is its marker: no trailing space.)
            lines.append(f"{indent}{marker} {text}" if text else f"{indent}{marker}")
        marker_line = len(lines) - 1
        for paragraph in texts[1:]:
            lines.extend(["", f"{nested}{paragraph}"])
        previous: ListPart | None = None
        for child in entry.children:
            if not isinstance(child, ListPart):
                # Under the item's text, as far in as it (CommonMark: what is indented so
                # is the item's). In a tight list no blank line stands before it: a quote
                # or code may interrupt the item's paragraph, and the list stays tight.
                if held_lines is not None:
                    held = held_lines(child)
                else:
                    held = _text_lines([child], [(text_of, False)], paragraphs_of)
                while held and not held[-1]:
                    held.pop()
                # (What prints nothing, a definition on the side that leaves them to the
                # other, leaves no blank line either.)
                if loose and held:
                    lines.append("")
                lines.extend(f"{nested}{line}" if line else "" for line in held)
                previous = None
                continue
            if loose:
                lines.append("")
            if markdown and _merges(previous, child):
                lines.append(f"{nested}{LIST_SEPARATOR}")
                if loose:
                    lines.append("")
            previous = child
            lines.extend(
                _list_lines(
                    child,
                    text_of,
                    nested,
                    markdown=markdown,
                    held_lines=held_lines,
                    definitions=definitions,
                    paragraphs_of=paragraphs_of,
                )
            )
        if not text and not opening and entry.children:
            _hold_from_marker(lines, marker_line, len(nested))
    return lines


def _opening_lines(entry: ListEntry, text: str) -> list[str]:
    """The lines of an item that its definitions open (``ListEntry.definitions``): they,
    then its text, if it has any; none where no definition opens it. A text that is all
    a quotation ('"Pesa la sal."') would be the last definition's title on the line under
    it: its first mark is escaped, which shows the same."""
    if not entry.definitions:
        return []
    lines = [line for definition in entry.definitions for line in definition.text.split("\n")]
    if text:
        lines.append("\\" + text if text[0] in "\"'(" else text)
    return lines


def _hold_from_marker(lines: list[str], marker_line: int, width: int) -> None:
    """What an item with no text of its own holds (``omitted_items``), begun on its
    marker's line: a bare marker under a line of text ("- Parent" then "  -") is a heading's
    underline to CommonMark, and an empty item may not interrupt a paragraph; in plain text
    a bare "1." or "-" reads as an item the translator left empty. Its first
    line, set in ``width`` as the item's content is, goes on after the marker, where the
    item's content starts too; the blank lines between go (the item opens with it)."""
    first = marker_line + 1
    while first < len(lines) and not lines[first]:
        first += 1
    if first == len(lines):
        return
    lines[marker_line] = lines[marker_line].ljust(width) + lines[first][width:]
    del lines[marker_line + 1 : first + 1]


def _cell_text(
    parts: list[CellPart], text_of: BlockText, paragraphs_of: BlockParagraphs | None = None
) -> str:
    """A cell on one line: its paragraphs and list items one after another; a paragraph
    ``paragraphs_of`` finds several in, those after a line break (a Markdown cell's)."""
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, EditionBlock):
            pieces.append(_CELL_BREAK.join(_block_paragraphs(part, text_of, paragraphs_of)))
        else:
            pieces.extend(line.strip() for line in _list_lines(part, text_of))
    return " ".join(pieces)


def _title(edition: Edition, title: str) -> str:
    return _markdown_source(title) if edition.title_is_markdown else _md_escape(title)


def _md_escape(text: str) -> str:
    # Characters that would turn sentence text into Markdown emphasis, code or HTML.
    for char in ("\\", "`", "*", "_", "<", ">"):
        text = text.replace(char, "\\" + char)
    # A link's "](" and an entity's "&": escaped only there, so that "[1]" and "5 & 6" stay
    # as they were written.
    text = _LINK_CLOSE.sub(r"\\]", text)
    text = _ENTITY_START.sub(r"\\&", text)
    return _escape_heading_mark(text)


_LINK_CLOSE = re.compile(r"\](?=\()")
_ENTITY_START = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
# What makes a line the start of a block other than a paragraph: a list item ("-", "+", "*",
# "1999." or "3)" and a space), a thematic break ("---", "* * *"), a code fence ("~~~"),
# a link reference definition ("[1]: …", which would vanish and make "[1]" elsewhere a
# link; a Markdown source's own definitions are no paragraphs and never come here).
_LIST_MARKER = re.compile(r"[-+*](?=[ \t]|$)|[0-9]{1,9}(?=[.)](?:[ \t]|$))")
_THEMATIC_BREAK = re.compile(r"(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$")
_FENCE = re.compile(r"~{3,}")
_DEFINITION = re.compile(r"\[(?:[^\]\\]|\\.)+\]:")


def _escape_block_start(text: str) -> str:
    """``text``, which stands at the start of a line of its own (a paragraph, a list item's
    text), with what would make it another kind of block escaped: a Word paragraph
    "1999. That year was dry." is no list that starts at 1999. Headings and table cells take
    inline text only, and need none of this.

    An HTML comment there (a translation that moved the source's to the front) would make
    the line an HTML block, its text raw HTML, markup and escapes shown as typed: it is
    left out, as a reader sees nothing of it anyway. Comments alone stay as written: that
    block holds no text, and a list item that holds them keeps something to hold.
    """
    comment = markdown_inline.HTML_COMMENT.match(text)
    if comment is not None:
        rest = text[comment.end() :].lstrip(" \t")
        return _escape_block_start(rest) if _shows_text(rest) else text
    marker = _LIST_MARKER.match(text)
    if marker is not None:
        # "1999\." and "\-": the marker's own punctuation, escaped, is text.
        end = marker.end()
        if text[0].isdigit():
            return text[:end] + "\\" + text[end:]
        return "\\" + text
    definition = _DEFINITION.match(text)
    if definition is not None:
        # "[1]\:": no definition, and "[1]" reads as in any other paragraph (a link where
        # the source defines it, as the HTML edition shows it).
        colon = definition.end() - 1
        return text[:colon] + "\\" + text[colon:]
    if _THEMATIC_BREAK.match(text) or _FENCE.match(text):
        return "\\" + text
    return text


def _shows_text(text: str) -> bool:
    """Whether ``text`` holds more than HTML comments and spaces."""
    return bool(markdown_inline.HTML_COMMENT.sub("", text).strip())


_RAW_HTML = {"<": "\\<", ">": "\\>"}


def _markdown_source(text: str) -> str:
    """Text of a Markdown source as the Markdown it is, but for raw HTML: the HTML edition
    shows that as text, so it is escaped to show as text here too."""
    return _escape_heading_mark(
        markdown_inline.escape_literal(text, markdown_inline.parse(text), _RAW_HTML)
    )


def _escape_heading_mark(text: str) -> str:
    return "\\" + text if text.startswith("#") else text


# A pipe no backslash escapes; an escaped one is already cell text in a Markdown source.
_BARE_PIPE = re.compile(r"(?<!\\)\|")


def _cell(text: str, markdown: bool) -> str:
    text = text.replace("\n", " ")
    if markdown:
        return _BARE_PIPE.sub(r"\\|", text)
    return text.replace("|", "\\|")
