"""Editions as Word documents: a two-column table for the bilingual one, as editors expect.

The inline markup of a Markdown source becomes Word's own formatting (italic, bold, a
monospaced font for code), read across each paragraph's sentences as the source reads it; a
web or mail link is a Word hyperlink (another is its text), and no marker is printed. A
reference link (``[text][label]``) is one too, where the source defines its label; the
definition itself shows nothing, as in any rendering of Markdown. Each column's text is
tagged with its language, so that Word proofs the translation as Spanish and not as the
template's US English; a draft is orange with its dagger, not italic, which would hide its
own emphasis. A table of the source is a Word table, in the bilingual edition one in each
column of its row (as in the HTML edition, each language's table whole); a list is
paragraphs in Word's "List Bullet" and "List Number" styles, each numbered list restarting
where the source's starts. A code
block, which has no translation, is a paragraph in a "Code" style (monospaced, not
spell-checked), in the bilingual table a row whose two cells are merged into one; a raw
HTML block of the source is shown as such code, and an HTML comment not at all. A block
quote's paragraphs are in Word's "Quote" style, set in further for a quote inside a quote
(its list items in list styles and its code in the "Code" style, set in as far): in the
bilingual table each beside its translation, as every paragraph is. Word has no element
that holds a quotation, so two quotes one after the other are set apart by an empty
paragraph, as two tables are. A quote written in a list item's text follows the item's
paragraph, set in as far as the item's text as well, and the list's numbering goes on
after it; so do the item's later paragraphs, in Word's "List Continue" style (set in as
far as the item's text, and numbered not), and its code.

Headings are Word's heading styles, so that the navigation pane and a table of contents see
the outline. In the bilingual table only the source column's enter the outline: its
translation beside it looks the same ("Parallel Heading N", based on "Heading N") but stays
body text, or every section would be listed twice, once as "[untranslated]" or with a † where
the translation is missing or a draft. Glossary terms (``mark_terms``) are underlined as the
HTML edition marks them, and a deprecated term's first use in a column carries a comment with
the official rendering; a legend after the table says what the marks mean.

A Word source's bold and italic (``docx_source``) stand where they are in the bilingual
edition's source column; a translation, plain text, is bold or italic only where its source
is throughout. The source's page headers and footers (its first section's) are the
edition's, as written less their pictures and objects: the export says what it leaves out.
Its footnotes and endnotes are Word's (``docx_notes``): a mark after the sentence that
refers to each, in either column, and the note's text, in that column's language, at the
foot of the page (the end).
"""

from __future__ import annotations

import copy
import datetime
import functools
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from termwise import languages
from termwise.document.model import CodeBlock, SegmentKind
from termwise.export import markdown_inline
from termwise.export.docx_notes import FillNote, WordNotes
from termwise.export.docx_source import Emphasis, copy_headers_and_footers, emphasis_style
from termwise.export.edition import (
    MISSING,
    UNREVIEWED_LEGEND,
    UNREVIEWED_MARK,
    Edition,
    EditionBlock,
    EditionSegment,
    TermSpan,
    sentence_glue,
    shown_text,
)
from termwise.export.layout import (
    CellPart,
    DefinitionsPart,
    FlatPart,
    ListEntry,
    ListPart,
    Part,
    QuotePart,
    TablePart,
    edition_parts,
    flat_parts,
    item_definitions,
    number_label,
    quote_breaks,
)
from termwise.export.markdown_inline import References
from termwise.export.omitted_items import translation_part, translation_parts
from termwise.xml_text import xml_safe

# A piece of one side of a paragraph: a source segment, or a target run (None: missing).
_Piece = TypeVar("_Piece")

UNREVIEWED_COLOUR = (0xB4, 0x5F, 0x06)
# The Word edition marks a draft by its colour as well as the dagger.
WORD_UNREVIEWED_LEGEND = f"{UNREVIEWED_LEGEND}, in orange"
# The language of the edition's own words (its legends), where the document's is another.
LEGEND_LANG = "en"
# Word's own colour for a hyperlink.
LINK_COLOUR = (0x05, 0x63, 0xC1)
# Languages Word proofs by a run's w:eastAsia or w:bidi language rather than its w:val.
EAST_ASIAN_LANGUAGES = frozenset({"zh", "ja", "ko"})
RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
CODE_FONT = "Consolas"
# The paragraph style of a code block, and its size: a little smaller than body text, as
# code usually is, so that more of a line fits a column.
CODE_STYLE = "Code"
CODE_SIZE_PT = 9
# A block quote's paragraph style (the template's own, so that Word lists it as a quote),
# and how far each quote sets its text in from either side.
QUOTE_STYLE = "Quote"
QUOTE_INDENT_PT = 18
# How far the template's list styles set each level in, and hang its marker.
LIST_INDENT_PT = 18
# The HTML edition's colours for a term and for a warning.
TERM_COLOUR = (0x0B, 0x53, 0x94)
DEPRECATED_COLOUR = UNREVIEWED_COLOUR
# Terms a published text should not use; preferred, admitted and unspecified ones are fine.
WARNING_STATUSES = frozenset({"deprecated", "superseded"})
# A heading row's space above it, where the heading styles' (up to 24 pt) is meant for a page.
HEADING_SPACE_BEFORE_PT = 4
# Word's outline level for body text: a paragraph at it is in no outline.
BODY_TEXT_OUTLINE_LEVEL = "9"
COMMENT_AUTHOR = "termwise"


def word_text(text: str) -> str:
    """``text`` as a Word run can hold it. A form feed is a PDF page break inside the
    sentence, a space on the page; other characters XML cannot carry appear as ``\\uXXXX``
    (as in TMX and XLIFF), where python-docx raised ValueError and no edition was written."""
    return xml_safe(text.replace("\f", " ").replace("\v", " "))


@dataclass(frozen=True)
class _Style:
    """How the runs of one piece of an edition look, before the markup adds to it."""

    bold: bool = False
    italic: bool = False
    colour: tuple[int, int, int] | None = None
    link: bool = False  # in a hyperlink: Word's link look, blue and underlined
    lang: str | None = None  # the language Word spell-checks it in (BCP 47)


@dataclass
class _TermMarks:
    """The glossary marks written so far: the legend explains only the marks the edition
    shows, and a column's comment on a deprecated term stands at its first use only (the
    same comment at every use fills the margin of a printed edition)."""

    document: Any
    warnings: bool = False
    others: bool = False
    commented: set[tuple[str, str, str]] = field(default_factory=set)

    def mark(self, side: str, span: TermSpan, runs: Sequence[Any]) -> None:
        """Marks ``runs``, which show the term ``span`` found in ``side``'s text."""
        warning = span.status in WARNING_STATUSES
        for run in runs:
            _underline(run, warning)
        if not warning:
            self.others = True
            return
        self.warnings = True
        # As the reader sees the term: a Markdown source's raw text has its markup in it.
        shown = "".join(run.text for run in runs)
        key = (side, span.concept_id, shown.casefold())
        # python-docx adds comments from 1.2 on; with an older one the mark says enough.
        add_comment = getattr(self.document, "add_comment", None)
        if span.official is None or key in self.commented or add_comment is None:
            return
        self.commented.add(key)
        note = f"{span.concept_id}: {span.status}; official: {span.official}"
        add_comment(list(runs), word_text(note), author=COMMENT_AUTHOR, initials="tw")


@dataclass(frozen=True)
class _Terms:
    """The glossary terms of one text: where they are, and which column they are in."""

    marks: _TermMarks
    side: str  # "source" or "target"
    spans: list[TermSpan]


# ``progress(done, total)``: the edition's parts placed so far, out of all of them.
Progress = Callable[[int, int], None]
_progress: ContextVar[Progress | None] = ContextVar("termwise_docx_progress", default=None)
# Reports a run makes at most: the bar moves by the hundredth, not by the paragraph.
_REPORTS = 100


@contextmanager
def reporting_progress(progress: Progress) -> Iterator[None]:
    """Have each Word edition made while the block runs report to ``progress``, as MT
    does: a book's edition takes a while, and the export is reached through the formats'
    registry, which passes options, not a command line's bar."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


def _reported(
    parts: Sequence[tuple[FlatPart, int]],
) -> Iterator[tuple[int, tuple[FlatPart, int]]]:
    """``enumerate(parts)``, telling ``reporting_progress``'s callback how far it got."""
    progress = _progress.get()
    total = len(parts) + 1  # (the last step: the file written)
    step = max(1, total // _REPORTS)
    for index, part in enumerate(parts):
        if progress is not None and index % step == 0:
            progress(index, total)
        yield index, part


def _saved(document: Any, parts: int) -> bytes:
    """The Word file's bytes, the last step reported."""
    buffer = io.BytesIO()
    document.save(buffer)
    progress = _progress.get()
    if progress is not None:
        progress(parts + 1, parts + 1)
    return buffer.getvalue()


def docx_edition(edition: Edition, *, target_only: bool = False) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    properties = document.core_properties
    title = edition.target_title if target_only else edition.title
    plain_title = markdown_inline.plain_text(title) if edition.title_is_markdown else title
    properties.title = word_text(plain_title)
    properties.language = edition.target_lang
    # python-docx's template says it made the file, in 2013; Word shows that as the author.
    properties.author = properties.last_modified_by = ""
    properties.comments = f"Bilingual edition ({edition.source_lang} → {edition.target_lang})"
    if target_only:
        properties.comments = f"Translation into {edition.target_lang}"
    properties.created = properties.modified = datetime.datetime.now(datetime.timezone.utc)
    markdown = edition.markdown
    references = edition.references
    marks = _TermMarks(document)
    source_lang, target_lang = edition.source_lang, edition.target_lang
    source = edition.word_source
    emphasis = source.emphasis if source is not None else {}
    if source is not None:
        # The source's page headers and footers are no segments: as written, in its language.
        for run in copy_headers_and_footers(source.original, document):
            _set_language(_run_properties(run), source_lang)
    notes = WordNotes(document, edition.notes, custom_marks=not target_only)
    if target_only:
        # What the reader (or an editor) types into it is in the translation's language too.
        defaults = document.styles.element.find(qn("w:docDefaults"))
        _set_language(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), target_lang)
    title_block = edition.target_title_block if target_only else None
    # A bilingual edition's first row shows the document's title beside its translation,
    # and is the title in the outline: a heading above the table printed the title twice.
    title_row = None if target_only else edition.title_row
    if title_row is None:
        heading = document.add_heading(level=1)
        if title_block is not None:
            # The body leaves the title out: the heading shows what its paragraph would have.
            _add_target(
                heading,
                title_block,
                markdown,
                references,
                _Style(),
                marks,
                target_lang,
                emphasis,
                notes,
            )
        else:
            nodes = markdown_inline.parse(title, references) if edition.title_is_markdown else None
            # Proofed in the language ``--title-lang`` names, where it names one.
            _add_text(heading, title, nodes, _Style(lang=edition.title_override_lang))

    # The two sides, for the tables and lists that print either.
    def add_source(paragraph: Any, block: EditionBlock, style: _Style) -> None:
        _add_source(
            paragraph, block, markdown, references, style, marks, source_lang, emphasis, notes
        )

    def add_target(paragraph: Any, block: EditionBlock, style: _Style) -> None:
        _add_target(
            paragraph, block, markdown, references, style, marks, target_lang, emphasis, notes
        )

    # (An item that holds only definitions keeps its numbered paragraph, empty.)
    item_openers = item_definitions(edition.link_definitions)
    if target_only:
        after_table = False
        parts = translation_parts(
            edition_parts(
                edition.target_body(),
                edition.shown_code_blocks,
                item_openers,
                edition.table_delimiters,
            )
        )
        breaks = quote_breaks(parts)
        placed = flat_parts(parts)
        for index, (block, depth) in _reported(placed):
            if index in breaks:
                # Two quotes with nothing between them are one quotation to a reader.
                document.add_paragraph()
                after_table = False
            if isinstance(block, DefinitionsPart):
                continue  # (only a Markdown edition places them)
            if isinstance(block, CodeBlock):
                _add_code(document, document.add_paragraph(), block, QUOTE_INDENT_PT * depth)
                after_table = False
                continue
            if isinstance(block, TablePart):
                if after_table:
                    # Two tables with nothing between them are one table to Word.
                    document.add_paragraph()
                _add_table(document, document, block, add_target, markdown)
                after_table = True
                continue
            after_table = False
            if isinstance(block, ListPart):
                _add_list(document, document, block, add_target, quote_depth=depth)
                continue
            style = _Style()
            if depth:
                paragraph = document.add_paragraph()
                style = _quote(document, paragraph, block, depth)
            elif block.kind is SegmentKind.HEADING:
                paragraph = document.add_heading(level=block.outline_level)
            else:
                paragraph = document.add_paragraph()
            add_target(paragraph, block, style)
    else:
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0].cells
        source_name, target_name, names_lang = edition.bilingual_names()
        header[0].text = word_text(source_name)
        header[1].text = word_text(target_name)
        for cell in header:
            for run in cell.paragraphs[0].runs:
                run.bold = True
                if names_lang != LEGEND_LANG:
                    # Proofed in the language CLDR named them in (the source's).
                    _set_language(run._r.get_or_add_rPr(), names_lang)
        # Repeated at the top of every page, so that a reader knows the columns there too.
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        body = edition_parts(
            edition.blocks, edition.shown_code_blocks, item_openers, edition.table_delimiters
        )
        placed = flat_parts(body)
        for _, (block, depth) in _reported(placed):
            if isinstance(block, DefinitionsPart):
                continue  # (only a Markdown edition places them)
            cells = table.add_row().cells
            if isinstance(block, CodeBlock):
                # Code is the same in both languages: one cell across the row.
                merged = cells[0].merge(cells[1])
                _add_code(document, merged.paragraphs[0], block, QUOTE_INDENT_PT * depth)
                continue
            if not isinstance(block, EditionBlock):
                sides = (
                    (cells[0], add_source, block),
                    (cells[1], add_target, translation_part(block)),
                )
                for cell, add, shown in sides:
                    if isinstance(shown, TablePart):
                        _add_table(document, cell, shown, add, markdown)
                    else:
                        first = cell.paragraphs[0]
                        _add_list(document, cell, shown, add, first=first, quote_depth=depth)
                continue
            source, target = cells[0].paragraphs[0], cells[1].paragraphs[0]
            style = _Style()
            if depth:
                style = _quote(document, source, block, depth)
                _quote(document, target, block, depth)
            elif block.kind is SegmentKind.HEADING:
                level = 1 if block is title_row else block.outline_level
                _set_heading(document, source, level, outline=True)
                _set_heading(document, target, level, outline=False)
            add_source(source, block, style)
            add_target(target, block, style)
    for legend in edition.legends(target_only=target_only):
        if legend == UNREVIEWED_LEGEND:
            legend = WORD_UNREVIEWED_LEGEND
        run = document.add_paragraph().add_run(word_text(legend))
        run.italic = True
        if target_only:
            _set_language(run._r.get_or_add_rPr(), LEGEND_LANG)
    if marks.warnings or marks.others:
        _add_term_legend(document.add_paragraph(), marks, LEGEND_LANG if target_only else None)
    return _saved(document, len(placed))


# python-docx ships no type hints, hence Any for its objects.

# Adds one side of the edition (a block's source or its translation) to a paragraph.
AddBlock = Callable[[Any, EditionBlock, _Style], None]
# Word's list styles go three levels deep; deeper items take the deepest.
_LIST_DEPTHS = 3


def _add_table(
    document: Any, container: Any, part: TablePart, add: AddBlock, markdown: bool
) -> None:
    """A Word table in ``container`` (the document, or a cell of the edition's table)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = container.add_table(rows=len(part.rows), cols=max(part.columns, 1))
    table.style = "Table Grid"
    if container is not document:
        # A cell comes with an empty paragraph, which would stand above the table; Word
        # needs one after it, which python-docx has just added.
        first = container.paragraphs[0]._p
        if not first.xpath("string(.)") and first.getnext() is table._tbl:
            first.getparent().remove(first)
    for row_index, row in enumerate(part.rows):
        for column, parts in enumerate(row):
            # A Markdown table's first row is its header row.
            style = _Style(bold=markdown and row_index == 0)
            cell = table.cell(row_index, column)
            _fill_cell(document, cell, parts, add, style)
            alignment = part.alignment(column)
            if alignment is not None:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, alignment.upper())


def _fill_cell(
    document: Any, cell: Any, parts: list[CellPart], add: AddBlock, style: _Style
) -> None:
    paragraph = cell.paragraphs[0]
    for index, part in enumerate(parts):
        if isinstance(part, ListPart):
            _add_list(document, cell, part, add, first=paragraph if index == 0 else None)
            continue
        if index:
            paragraph = cell.add_paragraph()
        block_style = _with(style, bold=True) if part.kind is SegmentKind.HEADING else style
        add(paragraph, part, block_style)


def _add_list(
    document: Any,
    container: Any,
    part: ListPart,
    add: AddBlock,
    first: Any = None,
    *,
    quote_depth: int = 0,
    indent_pt: float = 0,
    onto: Any = None,
) -> None:
    """Each item a paragraph in a list style; a numbered list gets a numbering of its own,
    or Word would count on from the document's previous numbered list (the source's
    column into the translation's). A list in ``quote_depth`` quotes is set in as far as
    their paragraphs are, beyond its own level's indentation, and ``indent_pt`` further
    (a list item's, for a list in a quote that item holds). A quote an item holds is
    paragraphs after the item's, which the numbering skips. ``onto``: the paragraph of the
    item that holds this list and has no text of its own (``_add_entry``), which takes
    the first item, its marker written out."""
    from docx.shared import Pt

    depth = min(max(part.depth, 1), _LIST_DEPTHS)
    name = "List Number" if part.ordered else "List Bullet"
    if depth > 1:
        name += f" {depth}"
    entries = part.entries
    if onto is not None and entries:
        head, entries = entries[0], entries[1:]
        _add_entry(
            document, container, onto, head, add, depth, quote_depth, indent_pt, _label(part, head)
        )
        # (The next item numbered as the source numbers it: the numbering starts there.)
        part = replace(part, entries=entries)
    num_id = (
        _restarted_numbering(document, name, part.start, part.numbering, part.marker)
        if part.ordered and entries
        else None
    )
    first_kept = True
    for entry in entries:
        if num_id is None and part.ordered and entry.number is not None and not first_kept:
            # The item before kept no paragraph: Word's count goes on from this one's number.
            num_id = _restarted_numbering(document, name, entry.number, part.numbering, part.marker)
        paragraph = first if first is not None else container.add_paragraph()
        first = None
        paragraph.style = document.styles[name]
        if num_id is not None:
            # python-docx has no API for a paragraph's numbering: its own element it is.
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = num_id
        if quote_depth or indent_pt:
            # The numbering's own indentation (its level's), plus the quotes': a
            # paragraph's indentation replaces its numbering's, so both are given.
            paragraph.paragraph_format.left_indent = Pt(
                QUOTE_INDENT_PT * quote_depth + LIST_INDENT_PT * depth + indent_pt
            )
            paragraph.paragraph_format.first_line_indent = Pt(-LIST_INDENT_PT)
        first_kept = _add_entry(
            document, container, paragraph, entry, add, depth, quote_depth, indent_pt
        )
        if not first_kept:
            num_id = None


def _add_entry(
    document: Any,
    container: Any,
    paragraph: Any,
    entry: ListEntry,
    add: AddBlock,
    depth: int,
    quote_depth: int,
    indent_pt: float,
    label: str = "",
) -> bool:
    """One item of a list of ``depth``: its text in ``paragraph`` (after ``label``, the
    marker of a nested item written on its parent's paragraph), what it holds after.
    Returns whether ``paragraph`` is kept.

    An item with no text of its own (one the translation leaves out, ``omitted_items``,
    that holds a translated nested item or paragraph) has the first of what it holds on
    its numbered paragraph, a nested bullet item's marker written out ("2. • nested item",
    as a Markdown edition's "2. - nested item" reads), a quote's first paragraph as the
    item's text: an empty numbered paragraph would read as a step the translator left
    empty. A quote that opens with a bullet list or code has them there as well ("2. •
    quoted item", as a Markdown edition's "2. > - quoted item"). What no paragraph can
    hold, a table or a nested numbered list (whose number would be text, not Word's
    count), or a quote that opens with one, follows in the item's place without the
    item's paragraph, which is removed; the caller numbers the items after it on from
    their own numbers, so that they count as in the other editions."""
    if label:
        paragraph.add_run(label + " ")
    written = len(paragraph.text)
    if entry.block is not None:
        add(paragraph, entry.block, _Style(bold=entry.block.kind is SegmentKind.HEADING))
    children = entry.children
    kept = True
    if children and len(paragraph.text) == written:
        held: Part = children[0]
        after = children[1:]
        # A list that opens a held quote is set in as the quote's others are.
        list_quotes, list_indent = quote_depth, indent_pt
        alone = _stands_alone(held)
        if isinstance(held, QuotePart):
            opening, opening_depth, rest = _quote_opening(held)
            # (A table or numbered list that opens it stands alone with the whole quote.)
            alone = opening is not None and _stands_alone(opening)
            if opening is not None and not alone:
                held = opening
                after = [rest, *after] if rest.parts else after
                list_quotes, list_indent = opening_depth, LIST_INDENT_PT * depth + indent_pt
        if not label and alone:
            paragraph._p.getparent().remove(paragraph._p)
            kept = False
        elif isinstance(held, EditionBlock):
            add(paragraph, held, _Style(bold=held.kind is SegmentKind.HEADING))
            children = after
        elif isinstance(held, CodeBlock):
            # (As code, in the item's paragraph: its font, not the "Code" style's.)
            run = paragraph.add_run(word_text(held.text))
            run.font.name = CODE_FONT
            run.font.no_proof = True
            children = after
        elif isinstance(held, ListPart):
            _add_list(
                document,
                container,
                held,
                add,
                quote_depth=list_quotes,
                indent_pt=list_indent,
                onto=paragraph,
            )
            children = after
    for child in children:
        if isinstance(child, QuotePart):
            # Under the item's text: as far in as it, and as a quote is.
            held_indent = LIST_INDENT_PT * depth + indent_pt
            _add_held_quote(document, container, child, add, held_indent)
        elif isinstance(child, ListPart):
            _add_list(document, container, child, add, quote_depth=quote_depth, indent_pt=indent_pt)
        else:
            text_indent = None
            if quote_depth or indent_pt:
                text_indent = QUOTE_INDENT_PT * quote_depth + LIST_INDENT_PT * depth + indent_pt
            _add_held(document, container, child, add, depth, text_indent)
    return kept


def _quote_opening(quote: QuotePart) -> tuple[FlatPart | None, int, QuotePart]:
    """What opens ``quote`` (in the quotes nested at its start, if it opens with one), the
    depth of the quote that holds it, and ``quote`` without it; None for an empty quote."""
    if not quote.parts:
        return None, quote.depth, quote
    first, others = quote.parts[0], quote.parts[1:]
    if isinstance(first, QuotePart):
        opening, depth, inner = _quote_opening(first)
        return opening, depth, QuotePart(quote.depth, [inner, *others] if inner.parts else others)
    return first, quote.depth, QuotePart(quote.depth, others)


def _stands_alone(part: Part) -> bool:
    """Whether an item with no text of its own that opens with ``part`` gives up its
    numbered paragraph to it (``_add_entry``): a table, which no paragraph holds, or a
    numbered list, whose number would be text, not Word's count."""
    return isinstance(part, TablePart) or (isinstance(part, ListPart) and part.ordered)


def _label(part: ListPart, entry: ListEntry) -> str:
    """``entry``'s marker as text, as its list's numbering writes it: "•" for a bullet."""
    if entry.number is None:
        return "\u2022"
    number = number_label(entry.number, part.numbering)
    return f"({number})" if part.marker == "()" else f"{number}{part.marker or '.'}"


def _add_held(
    document: Any,
    container: Any,
    part: EditionBlock | TablePart | CodeBlock | DefinitionsPart,
    add: AddBlock,
    depth: int,
    indent_pt: float | None,
) -> None:
    """What a list item of ``depth`` holds after its first paragraph, in ``container``
    after the item's: a paragraph in Word's "List Continue" style, which sets it in as far
    as the item's text and numbers nothing (the list's numbering goes on after it), set in
    ``indent_pt`` where the item is set in so; code in the "Code" style, as far in."""
    from docx.shared import Pt

    if isinstance(part, DefinitionsPart):
        return  # (only a Markdown edition places them)
    if isinstance(part, TablePart):
        # (A Word table is set in by its own properties, which the edition leaves.)
        _add_table(document, container, part, add, markdown=True)
        return
    level = min(max(depth, 1), _LIST_DEPTHS)
    if isinstance(part, CodeBlock):
        indent = LIST_INDENT_PT * level if indent_pt is None else indent_pt
        _add_code(document, container.add_paragraph(), part, indent)
        return
    paragraph = container.add_paragraph()
    paragraph.style = document.styles["List Continue" + (f" {level}" if level > 1 else "")]
    if indent_pt is not None:
        paragraph.paragraph_format.left_indent = Pt(indent_pt)
    # A heading in a list item is bold, as one that is the item's text: no section.
    add(paragraph, part, _Style(bold=part.kind is SegmentKind.HEADING))


def _add_held_quote(
    document: Any, container: Any, quote: QuotePart, add: AddBlock, indent_pt: float
) -> None:
    """A quote a list item holds, its paragraphs in ``container`` after the item's: in the
    "Quote" style (its lists in list styles, its code in "Code") as any quote's, set in
    ``indent_pt`` further, as far as the item's text."""
    from docx.shared import Pt

    for part, depth in flat_parts([quote]):
        if isinstance(part, DefinitionsPart):
            continue  # (only a Markdown edition places them)
        if isinstance(part, CodeBlock):
            indent = QUOTE_INDENT_PT * depth + indent_pt
            _add_code(document, container.add_paragraph(), part, indent)
        elif isinstance(part, TablePart):
            # (A Word table is set in by its own properties, which the edition leaves.)
            _add_table(document, container, part, add, markdown=True)
        elif isinstance(part, ListPart):
            _add_list(document, container, part, add, quote_depth=depth, indent_pt=indent_pt)
        else:
            paragraph = container.add_paragraph()
            style = _quote(document, paragraph, part, depth)
            paragraph.paragraph_format.left_indent = Pt(QUOTE_INDENT_PT * depth + indent_pt)
            add(paragraph, part, style)


def _restarted_numbering(
    document: Any,
    style_name: str,
    start: int,
    numbering_format: str = "decimal",
    delimiter: str = ".",
) -> int | None:
    """A new numbering instance of the one the list style ``style_name`` uses, starting at
    ``start`` and writing its numbers as ``numbering_format`` (Word's ``w:numFmt``: a
    lettered source list stays lettered); None where the template's style has no numbering
    to copy."""

    from docx.oxml.ns import qn

    numbering_properties = document.styles[style_name].element.pPr
    style_numbering = None if numbering_properties is None else numbering_properties.numPr
    if style_numbering is None or style_numbering.numId is None:
        return None
    numbering = document.part.numbering_part.element
    instance = numbering.num_having_numId(style_numbering.numId.val)
    abstract_id = instance.abstractNumId.val
    restarted = numbering.add_num(abstract_id)
    override = restarted.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    text = {")": "%1)", "()": "(%1)"}.get(delimiter, "%1.")
    if numbering_format != "decimal" or text != "%1.":
        # The template's level, indents and all, with another w:numFmt: an override may
        # hold a whole level.
        abstract = next(
            element
            for element in numbering.iterchildren(qn("w:abstractNum"))
            if element.get(qn("w:abstractNumId")) == str(abstract_id)
        )
        level = copy.deepcopy(abstract.find(qn("w:lvl")))
        level.find(qn("w:numFmt")).set(qn("w:val"), numbering_format)
        level.find(qn("w:start")).set(qn("w:val"), str(start))
        # The source's delimiter: "a)" is not "a.".
        level.find(qn("w:lvlText")).set(qn("w:val"), text)
        override.append(level)
    return int(restarted.numId)


def _add_code(document: Any, paragraph: Any, code: CodeBlock, indent_pt: float = 0) -> None:
    """``code`` in ``paragraph``, in the "Code" style, set in ``indent_pt`` (a quote's
    indentation, for code in a quote); its lines are line breaks in one paragraph
    (python-docx writes a newline as ``w:br``), so that it stays one block."""
    paragraph.style = _code_style(document)
    if indent_pt:
        from docx.shared import Pt

        paragraph.paragraph_format.left_indent = Pt(indent_pt)
    if code.text:
        paragraph.add_run(word_text(code.text))


def _code_style(document: Any) -> Any:
    """The "Code" paragraph style, added on first use: a monospaced font and no
    spell-checking (code is no English or Spanish to proof)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    styles = document.styles
    if CODE_STYLE in styles:
        return styles[CODE_STYLE]
    style = styles.add_style(CODE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = CODE_FONT
    style.font.size = Pt(CODE_SIZE_PT)
    style.font.no_proof = True
    return style


def _quote(document: Any, paragraph: Any, block: EditionBlock, depth: int) -> _Style:
    """Makes ``paragraph`` a quoted one, ``depth`` quotes deep; returns the style of its
    text: a heading in a quote is bold, no heading of this document's outline (it heads
    the quoted text, and the navigation pane would list it as a section of this one)."""
    from docx.shared import Pt

    paragraph.style = _quote_style(document)
    if depth > 1:
        paragraph.paragraph_format.left_indent = Pt(QUOTE_INDENT_PT * depth)
    return _Style(bold=block.kind is SegmentKind.HEADING)


def _quote_style(document: Any) -> Any:
    """The template's "Quote" style, on first use set in from both sides and made upright:
    its italics would hide the quoted text's own emphasis."""
    from docx.shared import Pt

    style = document.styles[QUOTE_STYLE]
    if style.font.italic is not False:
        style.font.italic = style.font.cs_italic = False
        style.paragraph_format.left_indent = Pt(QUOTE_INDENT_PT)
        style.paragraph_format.right_indent = Pt(QUOTE_INDENT_PT)
    return style


def _set_heading(document: Any, paragraph: Any, level: int, *, outline: bool) -> None:
    """A heading row's paragraph in Word's "Heading ``level``" style, in the outline, or in
    its "Parallel Heading" twin, which looks the same and is not."""
    from docx.shared import Pt

    name = f"Heading {level}" if outline else _parallel_heading_style(document, level)
    paragraph.style = document.styles[name]
    paragraph.paragraph_format.space_before = Pt(HEADING_SPACE_BEFORE_PT)


def _parallel_heading_style(document: Any, level: int) -> str:
    """The name of a paragraph style based on "Heading ``level``" but at body-text outline
    level. Its own style, not an outline level set on a "Heading N" paragraph: Word keeps its
    built-in heading styles at their levels, whatever a paragraph says."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    name = f"Parallel Heading {level}"
    styles = document.styles
    if name not in styles:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[f"Heading {level}"]
        style.next_paragraph_style = styles["Normal"]
        outline_level = OxmlElement("w:outlineLvl")
        outline_level.set(qn("w:val"), BODY_TEXT_OUTLINE_LEVEL)
        style.element.get_or_add_pPr().append(outline_level)
    return name


def _add_source(
    paragraph: Any,
    block: EditionBlock,
    markdown: bool,
    references: References,
    style: _Style,
    marks: _TermMarks,
    lang: str,
    emphasis: Mapping[str, Emphasis],
    notes: WordNotes | None = None,
) -> None:
    """A block's source in ``paragraph``: a Word source's bold and italic where it has them
    (``emphasis``), a Markdown source's markup as Word's formatting; after each sentence
    that refers to a note, its mark (``notes``: none in a note's own text)."""
    style = _with(style, lang=lang)
    texts = [item.segment.text for item in block.segments]
    parsed = markdown_inline.paragraph_nodes(texts, markdown, references)
    pieces = (
        (item, nodes, item.segment.text) for item, nodes in zip(block.segments, parsed, strict=True)
    )
    for item, nodes in _spaced(paragraph, pieces, block.source_lang):
        found = emphasis.get(item.segment.id)
        if nodes is None and found is not None:
            nodes = found.nodes(item.segment.text)
        terms = _Terms(marks, "source", item.source_terms)
        _add_text(paragraph, item.segment.text, nodes, style, terms)
        if notes is not None and item.notes:

            def fill(note_paragraph: Any, note_block: EditionBlock) -> None:
                _add_source(
                    note_paragraph,
                    note_block,
                    markdown,
                    references,
                    _Style(),
                    marks,
                    lang,
                    emphasis,
                )

            for label in item.notes:
                notes.refer(paragraph, label, fill)


def _add_target(
    paragraph: Any,
    block: EditionBlock,
    markdown: bool,
    references: References,
    style: _Style,
    marks: _TermMarks,
    lang: str,
    emphasis: Mapping[str, Emphasis],
    notes: WordNotes | None = None,
) -> None:
    """A block's translation in ``paragraph``, each further paragraph the published
    translation has there (``EditionBlock.target_paragraphs``: a translator's note set
    apart) in one of its own after it (``_paragraph_after``), wherever the block stands;
    after each sentence that refers to a note, its mark (``notes``)."""
    style = _with(style, lang=lang)
    groups = [runs for runs in block.target_paragraphs() if runs]

    def fill(note_paragraph: Any, note_block: EditionBlock) -> None:
        _add_target(
            note_paragraph, note_block, markdown, references, _Style(), marks, lang, emphasis
        )

    for index, runs in enumerate(groups or [[]]):
        if index:
            paragraph = _paragraph_after(paragraph)
        _add_runs(
            paragraph,
            runs,
            block.target_lang,
            markdown,
            references,
            style,
            marks,
            emphasis,
            (notes, fill),
        )


def _add_runs(
    paragraph: Any,
    runs: list[EditionSegment],
    lang: str,
    markdown: bool,
    references: References,
    style: _Style,
    marks: _TermMarks,
    emphasis: Mapping[str, Emphasis],
    notes: tuple[WordNotes | None, FillNote] | None = None,
) -> None:
    """The translations ``runs`` (a ``target`` of None a run of untranslated ones) in
    ``paragraph``, joined as a paragraph of ``lang``; a translation whose Word source is bold or italic
    throughout is so too (``emphasis``); one that refers to a note is followed by its mark,
    with its note's translation (``notes``: the edition's, and what fills a note's
    paragraph)."""
    shown = [item for item in runs if item.target is not None]
    texts = [item.target or "" for item in shown]
    parsed = iter(markdown_inline.paragraph_nodes(texts, markdown, references))
    pieces = (
        (item, None, MISSING) if item.target is None else (item, next(parsed), item.target)
        for item in runs
    )
    for item, nodes in _spaced(paragraph, pieces, lang):
        if item.target is None:
            _add_text(paragraph, MISSING, None, _with(style, italic=True))
        else:
            terms = _Terms(marks, "target", item.target_terms)
            bold, italic = emphasis_style(emphasis, item.segment.id)
            item_style = _with(style, bold=style.bold or bold, italic=style.italic or italic)
            if item.unreviewed:
                item_style = _with(item_style, colour=UNREVIEWED_COLOUR)
            _add_text(paragraph, item.target, nodes, item_style, terms)
        # After "[untranslated]" too: the notes of the sentences it stands for stay notes.
        if notes is not None and notes[0] is not None:
            for label in item.notes:
                notes[0].refer(paragraph, label, notes[1])
        if item.unreviewed and item.target is not None:
            # Colour and the dagger, not italics: italics would hide the text's own emphasis.
            _add_text(paragraph, UNREVIEWED_MARK, None, _with(style, colour=UNREVIEWED_COLOUR))


def _paragraph_after(paragraph: Any) -> Any:
    """A new paragraph right after ``paragraph``, in the same container (a cell, the
    body), with its paragraph properties (its style, a quote's indent); after a list
    item's, the item's next paragraph, as ``_add_held`` sets one: "List Continue" of its
    level, numbered nothing, set in as far as the item's text."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    # (Typed Any: python-docx's stubs call it any element, Paragraph wants its CT_P.)
    element: Any = OxmlElement("w:p")
    if paragraph._p.pPr is not None:
        element.append(copy.deepcopy(paragraph._p.pPr))
    paragraph._p.addnext(element)
    after = Paragraph(element, paragraph._parent)
    item = _LIST_STYLE.fullmatch(paragraph.style.name if paragraph.style is not None else "")
    if item is not None:
        element.pPr._remove_numPr()
        after.style = paragraph.part.document.styles["List Continue" + (item.group(1) or "")]
        after.paragraph_format.first_line_indent = None
    return after


# The styles ``_add_list`` gives an item's paragraph, its level after them.
_LIST_STYLE = re.compile(r"List (?:Bullet|Number)( [0-9])?")


def _spaced(
    paragraph: Any,
    pieces: Iterable[tuple[_Piece, list[markdown_inline.Node] | None, str]],
    lang: str,
) -> Iterator[tuple[_Piece, list[markdown_inline.Node] | None]]:
    """The pieces ``(piece, nodes, text written)`` of a paragraph's side of ``lang`` that
    show something, each after a run of what ``sentence_glue`` puts between the one before
    it and itself (none after a Chinese sentence): a comment alone gets no run, and no space
    beside the others. Both sides of a paragraph space their segments by this one rule."""
    previous: str | None = None
    for piece, nodes, text in pieces:
        if markdown_inline.shows_nothing(nodes):
            continue
        shown = shown_text(text, nodes)
        glue = "" if previous is None else sentence_glue(previous, shown, lang)
        if glue:
            _new_run(paragraph, glue)
        previous = shown
        yield piece, nodes


def _with(style: _Style, **changes: Any) -> _Style:
    return replace(style, **changes)


def _add_text(
    paragraph: Any,
    text: str,
    nodes: list[markdown_inline.Node] | None,
    style: _Style,
    terms: _Terms | None = None,
) -> None:
    """``text`` as runs: one per piece of its Markdown ``nodes``, formatted as its markup
    says (a followable link a Word hyperlink), or as it is where there are none; a glossary
    term's piece cut off as runs of its own, so that the mark covers it alone."""
    spans = _separate(terms.spans) if terms is not None else []
    term_runs: dict[int, list[Any]] = {}
    if nodes is None:
        for piece, index in _cut(text, 0, spans):
            run = _add_run(paragraph, piece, style, code=False)
            if index is not None:
                term_runs.setdefault(index, []).append(run)
    else:
        _add_nodes(paragraph, nodes, style, spans, term_runs)
    if terms is None:
        return
    for index, runs in term_runs.items():
        terms.marks.mark(terms.side, spans[index], runs)


def _add_nodes(
    paragraph: Any,
    nodes: list[markdown_inline.Node],
    style: _Style,
    spans: list[TermSpan],
    term_runs: dict[int, list[Any]],
) -> list[Any]:
    """Adds the runs of ``nodes``; returns them, for a hyperlink to take in."""
    added: list[Any] = []
    for node in nodes:
        if isinstance(node, markdown_inline.Span):
            if node.kind == "image":
                # Its description, as the HTML edition shows it: the edition embeds nothing.
                inner_style = style
            else:
                inner_style = _with(
                    style,
                    bold=style.bold or node.kind == "strong",
                    italic=style.italic or node.kind == "em",
                )
            if node.kind == "link" and node.href is not None:
                inner_style = _with(inner_style, link=True)
            runs = _add_nodes(paragraph, node.children, inner_style, spans, term_runs)
            if node.kind == "link" and node.href is not None and not style.link:
                _hyperlink(paragraph, node.href, runs)
            added.extend(runs)
            continue
        code = isinstance(node, markdown_inline.Code)
        pieces: list[tuple[str, int | None]]
        if isinstance(node, markdown_inline.Text) and node.literal:
            pieces = _cut(node.text, node.start, spans)
        else:
            # Code, an escape or an entity: what it shows is no slice of the text the
            # terms were found in, so it is in a term whole or not at all.
            pieces = [(node.text, _containing(spans, node.start))]
        for piece, index in pieces:
            if not piece:
                continue  # an HTML comment, which shows nothing
            run = _add_run(paragraph, piece, style, code=code)
            added.append(run)
            if index is not None:
                term_runs.setdefault(index, []).append(run)
    return added


def _hyperlink(paragraph: Any, href: str, runs: list[Any]) -> None:
    """Moves ``runs`` into a ``w:hyperlink`` to ``href`` (python-docx has no API for one)."""
    if not runs:
        return
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relationship = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    runs[0]._r.addprevious(link)
    for run in runs:
        link.append(run._r)


def _separate(spans: list[TermSpan]) -> list[TermSpan]:
    """The spans in order, an overlapping one left out: the matcher promises none, but a
    run belongs to one term at most."""
    kept: list[TermSpan] = []
    for span in sorted(spans, key=lambda span: span.start):
        if span.end > span.start and (not kept or span.start >= kept[-1].end):
            kept.append(span)
    return kept


def _containing(spans: list[TermSpan], position: int) -> int | None:
    for index, span in enumerate(spans):
        if span.start <= position < span.end:
            return index
    return None


def _cut(text: str, offset: int, spans: list[TermSpan]) -> list[tuple[str, int | None]]:
    """``text``, found at ``offset`` in the text the spans were found in, in pieces: each
    with the index of the span it lies in, or None."""
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for index, span in enumerate(spans):
        start = max(span.start - offset, position)
        end = min(span.end - offset, len(text))
        if end <= start:
            continue
        if start > position:
            pieces.append((text[position:start], None))
        pieces.append((text[start:end], index))
        position = end
    if position < len(text) or not pieces:
        pieces.append((text[position:], None))
    return pieces


def _underline(run: Any, warning: bool) -> None:
    """A term's mark: a fine dotted underline in the term colour, or for a deprecated term a
    heavy dashed one in the warning colour: formatting, so it prints, where Word's own
    proofing marks (a wavy red line under a misspelling) do not and are never heavy; the two
    differ in shape as well as colour, for a greyscale print."""
    from docx.enum.text import WD_UNDERLINE
    from docx.oxml.ns import qn

    run.font.underline = WD_UNDERLINE.DASH_HEAVY if warning else WD_UNDERLINE.DOTTED
    colour = "{:02X}{:02X}{:02X}".format(*(DEPRECATED_COLOUR if warning else TERM_COLOUR))
    # python-docx has no API for the underline's own colour.
    run._r.get_or_add_rPr().find(qn("w:u")).set(qn("w:color"), colour)


def _add_term_legend(paragraph: Any, marks: _TermMarks, lang: str | None) -> None:
    """What the term marks mean, each description underlined as the terms it describes are."""
    parts: list[tuple[str, bool | None]] = [("Glossary terms, underlined: ", None)]
    if marks.others:
        parts += [("dotted blue", False), (", the preferred or an admitted term", None)]
    if marks.warnings:
        if marks.others:
            parts.append(("; ", None))
        parts += [("heavy orange dashes", True), (", a deprecated or superseded term", None)]
        if marks.commented:
            parts.append((" (a comment at its first use gives the official one)", None))
    parts.append((".", None))
    for text, warning in parts:
        run = paragraph.add_run(text)
        run.italic = True
        if lang is not None:
            _set_language(run._r.get_or_add_rPr(), lang)
        if warning is not None:
            _underline(run, warning)


def _add_run(paragraph: Any, text: str, style: _Style, *, code: bool) -> Any:
    run = _new_run(paragraph, word_text(text))
    properties = _style_properties(style, code)
    if properties is not None:
        run._r.insert(0, copy.deepcopy(properties))
    return run


@functools.cache
def _style_properties(style: _Style, code: bool) -> Any:
    """The ``w:rPr`` of a run in ``style`` (a font for ``code``), None for none: made once
    per style and copied into each run, where setting each property on each run through
    python-docx took a book's Word edition 7 s of its 21 (10,000 coloured drafts: 4 s)."""
    from docx.oxml import OxmlElement
    from docx.shared import RGBColor
    from docx.text.run import Run

    # (A run of no paragraph: only its properties are kept.)
    run = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]
    if style.bold:
        run.bold = True
    if style.italic:
        run.italic = True
    if style.colour is not None:
        run.font.color.rgb = RGBColor(*style.colour)
    elif style.link:
        run.font.color.rgb = RGBColor(*LINK_COLOUR)
    if style.link:
        run.font.underline = True
    if code:
        run.font.name = CODE_FONT
    if style.lang is not None:
        _set_language(run._r.get_or_add_rPr(), style.lang)
    return run._r.rPr


def _new_run(paragraph: Any, text: str) -> Any:
    """``paragraph.add_run(text)``, its text set as one ``w:t`` where it holds no tab or
    line break (which python-docx makes elements of their own): python-docx's setter looks
    at the text a character at a time, which was most of a book's Word edition (25,000
    runs: 14 of 34 s)."""
    if not text or any(char in text for char in "\t\r\n"):
        return paragraph.add_run(text)
    run = paragraph.add_run()
    run._r.add_t(text)
    return run


def _run_properties(run: Any) -> Any:
    """A ``w:r`` element's ``w:rPr``, added where it has none: a run copied from another
    document is a bare element, without python-docx's ``get_or_add_rPr``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = run.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run.insert(0, properties)
    return properties


def _set_language(properties: Any, lang: str) -> None:
    """Sets ``w:lang`` in run ``properties`` (a run's, or the document's defaults): the
    language Word proofs the text in. East Asian and right-to-left text is proofed by the
    language its own attribute names, so those are set for a language written so."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = properties.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        properties.append(element)
    element.set(qn("w:val"), lang)
    primary = languages.primary(lang)
    if primary in EAST_ASIAN_LANGUAGES:
        element.set(qn("w:eastAsia"), lang)
    if primary in RIGHT_TO_LEFT_LANGUAGES:
        element.set(qn("w:bidi"), lang)
