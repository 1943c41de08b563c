"""The bilingual edition as one standalone HTML file: side by side on screen and on paper.

No scripts, fonts or style sheets from elsewhere, so it opens offline and prints the same
anywhere. Each paragraph is one table row (source left, translation right) so that the two
columns stay aligned across page breaks; glossary terms carry their concept and official
rendering in a tooltip, deprecated ones are underlined in a warning colour, and the footer
says what each mark the page uses means (on paper, as it prints). The inline markup
of a Markdown source (emphasis, code, links) is rendered; everything else is escaped, raw
HTML included, but for an HTML comment in the text, which shows nothing, as in a rendering
of the source.

A table or a list of the source is one row of the bilingual edition: the source's table
(list) on the left, the translation's on the right, each whole. A table is read by its grid,
down a column and across a row, and a list by its numbering and nesting, so neither can be
cut into rows of one cell or one item the way paragraphs are without losing what makes it a
table or a list; side by side, each cell's translation still stands at the same place of the
same grid, level with its source.

A code block has no translation: it is one row whose cell spans both columns, printed as
written (``<pre><code>``, its fence's language as CommonMark's ``language-`` class), in
as many ``<blockquote>`` elements as it stands in quotes. A link reference definition
shows nothing, as in any rendering of Markdown: the ``[text][label]`` links that use it are
links, on either side. A raw HTML block of the source (a ``<div>``, a ``<table>``) is shown
as such a code block, its markup as text (``language-html``), as raw HTML in a paragraph
is: passed through, it could open an element the edition's table never closes, or run a
script; an HTML comment shows nothing, as in a rendering of the source.

A block quote's paragraphs (headings, lists, tables) keep their rows, each side in as many
``<blockquote>`` elements as the source's quotes it stands in, so that a quoted speech
stays level with its translation; the translation alone prints the quotation whole, in one,
and two quotes one after the other in two. A quote written in a list item's text is a
``<blockquote>`` in that ``<li>``, on either side; an item's later paragraphs are ``<p>``
elements in it (its first one too, as CommonMark renders a loose list), its code a
``<pre>``, and the list's numbering goes on after them.

A Word source's footnotes and endnotes (``Edition.notes``) are notes again: a numbered
mark after the sentence that refers to each, on either side, linking to the note, and the
notes after the body, under a rule: in the bilingual edition rows of the table, each note
beside its translation; in the translation alone a numbered list, the endnotes' (i, ii …)
after the footnotes'.

A translator's note the aligned translation set apart (``EditionBlock.target_paragraphs``)
is a ``<p>`` of its own wherever its paragraph stands: in the translation's cell of its
row, in the translated edition, in a list item (whose list is loose then) and in a table's
cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from html import escape, unescape
from unicodedata import east_asian_width

from termwise import languages
from termwise.document.model import CodeBlock, SegmentKind
from termwise.export import markdown_inline
from termwise.export.edition import (
    MISSING,
    NOTE_NUMBERING,
    UNREVIEWED_MARK,
    WARNING_STATUSES,
    Edition,
    EditionBlock,
    EditionNote,
    EditionSegment,
    TermSpan,
    join_sentences,
    shown_text,
)
from termwise.export.layout import (
    CellPart,
    DefinitionsPart,
    FlatPart,
    ListPart,
    Part,
    QuotePart,
    TablePart,
    edition_parts,
    flat_parts,
    item_definitions,
    nested_parts,
)
from termwise.export.markdown_inline import References
from termwise.export.omitted_items import translation_part, translation_parts

# On paper a row is kept whole, unless it is long (``LONG_ROW_LINES``: marked "long"), which
# may go on over a page break, a few lines on each side (``orphans``, ``widows``): kept
# whole, a long first paragraph went to page 2 and took the title row (kept with what
# follows it) and the table's head along, leaving page 1 with the subtitle alone; let break
# anywhere, a row of five lines printed three on one page and two on the next. A heading
# stays whole and with what follows it.
# The body's fonts name a Chinese family each system has (macOS's Songti, Debian's
# fonts-noto-cjk, Windows's SimSun and YaHei): a browser takes a Chinese character from the
# first that holds it, and with none named fell back to whatever it found, often a sans.
CSS = """
:root { --ink: #1b1b1b; --muted: #666; --rule: #d0d0d0; --term: #0b5394; --warn: #b45f06; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif", "Source Han Serif", Georgia, "Songti SC",
       "Noto Serif CJK SC", "Noto Serif SC", SimSun, "Microsoft YaHei", serif;
       color: var(--ink); margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem;
       line-height: 1.55; }
header.edition { border-bottom: 2px solid var(--ink); margin-bottom: 1.2rem; }
header.edition p { color: var(--muted); margin: .2rem 0 .8rem; font-size: .9rem; }
table.edition { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.edition col { width: 50%; }
table.edition td, table.edition th { vertical-align: top; padding: .35rem .8rem .6rem;
       border-bottom: 1px solid var(--rule); text-align: start; }
table.edition thead th { font-family: sans-serif; font-size: .8rem; letter-spacing: .05em;
       text-transform: uppercase; color: var(--muted); }
tr.heading :is(h2, h3, h4, h5, h6) { margin: .8rem 0 .2rem; }
tr.heading h2 { font-size: 1.25rem; }
tr.heading h3 { font-size: 1.1rem; }
tr.heading :is(h4, h5, h6) { font-size: 1rem; }
tr.heading.first :is(h2, h3, h4, h5, h6) { font-size: 1.6rem; }
.term { border-bottom: 1px dotted var(--term); }
.term.deprecated, .term.superseded { border-bottom: none;
       text-decoration: underline wavy var(--warn); text-underline-offset: .2em; }
.unreviewed { background: #fff6e0; }
.unreviewed-mark { color: var(--warn); font-size: .75em; vertical-align: super; }
.missing { color: var(--muted); font-style: italic; }
main.target-only p { margin: 0 0 .9rem; }
footer { margin-top: 1.5rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; padding: 0; }
  header.edition { margin-bottom: .6rem; }
  tr.heading, h2, h3, h4 { page-break-inside: avoid; break-inside: avoid; }
  table.edition > tbody > tr:not(.long) { page-break-inside: avoid; break-inside: avoid; }
  tr.heading { page-break-after: avoid; break-after: avoid; }
  td, p { orphans: 3; widows: 3; }
  .unreviewed { background: none; }
  .term { border-bottom: none; }
  .term.deprecated, .term.superseded { text-decoration: underline dotted; }
  thead { display: table-header-group; }
}
@page { margin: 18mm 16mm; }
"""

# The class of each paragraph of a row's translation that holds several.
CELL_PARAGRAPH = "cell-paragraph"

# A row printed longer than this may break over pages: about a third of a page. Kept whole,
# it would leave as much of the page before it blank, or (first) leave page 1 empty.
LONG_ROW_LINES = 14
# About as many characters as a printed column's line holds (a Chinese one counted twice):
# what the estimate of a row's printed lines divides by.
COLUMN_LINE_WIDTH = 48
# Where a cell's text starts a new line on paper: its paragraphs, items, rows, breaks.
_LINE_STARTS = re.compile(r"<(?:p|li|tr|br|h[1-6]|pre|blockquote|dt|dd)\b|\n")
_TAG = re.compile(r"<[^>]*>")

# Only an edition with tables or lists gets these, so that every other edition stays what it
# was, byte for byte. They undo, for a table inside the edition's table, the edition's own
# column headings' look.
STRUCTURE_CSS = """table.cells { width: 100%; border-collapse: collapse; margin: .1rem 0 .3rem; }
table.cells :is(td, th) { border: 1px solid var(--rule); padding: .2rem .45rem;
       vertical-align: top; text-align: start; }
table.cells thead th { font: inherit; font-weight: bold; letter-spacing: normal;
       text-transform: none; color: inherit; }
table.cells :is(td, th) > p, li > p { margin: 0 0 .3rem; }
table.edition :is(ul, ol) { margin: 0; padding-inline-start: 1.5rem; }
"""

# Only an edition with code blocks gets these, for the same reason. Long lines wrap: a
# fixed-layout column (and paper) cannot scroll.
CODE_CSS = """pre { margin: .3rem 0 .6rem; padding: .4rem .6rem; background: #f5f5f5;
       white-space: pre-wrap; overflow-wrap: anywhere; font-size: .9em;
       font-family: ui-monospace, "Noto Sans Mono", Consolas, monospace; }
pre code { font: inherit; }
"""

# Only an edition with block quotes gets these, for the same reason: a quotation set in
# from the column's edge, a rule beside it, as a printed paper sets one.
QUOTE_CSS = """blockquote { margin: .1rem 0 .3rem; padding-inline-start: .9rem;
       border-inline-start: 3px solid var(--rule); }
blockquote > p { margin: 0 0 .5rem; }
"""

# Only an edition whose translation column holds paragraphs in a row (a translator's note
# the translation set apart) gets these, for the same reason: the row's text starts level
# with its source, its paragraphs a little apart.
PARAGRAPHS_CSS = f"""p.{CELL_PARAGRAPH} {{ margin: 0 0 .5rem; }}
p.{CELL_PARAGRAPH}:last-child {{ margin-bottom: 0; }}
"""

# Only an edition that marks glossary terms gets these, for the same reason. Its legend
# says on screen what the screen shows and on paper what prints: the print style leaves a
# preferred term unmarked and underlines a deprecated one dotted, in no colour.
NOTES_CSS = """sup.note-ref { line-height: 0; font-size: .75em; }
sup.note-ref a { text-decoration: none; }
tr.notes.first td { border-top: 2px solid var(--ink); }
tr.notes td, section.notes { font-size: .9rem; }
section.notes { border-top: 1px solid var(--ink); margin-top: 1.5rem; }
"""

LEGEND_CSS = """footer .print { display: none; }
@media print {
  footer .screen { display: none; }
  footer .print { display: inline; }
}
"""

# A term's mark as ``_term_element`` writes it, its status the class after "term": every
# text of the edition is escaped, so that no other element of the page reads so.
_TERM_MARK = re.compile(r'<span class="term ([a-z]+)" data-concept=')
# The statuses in the order a legend names them.
_STATUS_ORDER = ("preferred", "admitted", "unspecified", "deprecated", "superseded")


def html_edition(edition: Edition, *, target_only: bool = False) -> str:
    # The language of the title: a bilingual edition's is the source's (each column names
    # its own); it said the target's above an English title.
    lang = edition.target_lang if target_only else edition.source_lang
    references = edition.references
    title = edition.target_title if target_only else edition.title
    title_block = edition.target_title_block if target_only else None
    if title_block is not None:
        # The body leaves the title out: the heading shows what its row would have.
        heading = _target_runs_html(title_block, edition.markdown, references)
    elif edition.title_is_markdown:
        heading = _inline_html(markdown_inline.parse(title, references), [])
    else:
        heading = escape(title)
    if edition.title_is_markdown:
        title = markdown_inline.plain_text(title, references)
    # A title written in another language than the page's (``--title-lang``) says so, for a
    # screen reader's voice and a browser's hyphenation; the page stays the source's.
    title_lang = edition.title_override_lang
    title_attribute = f' lang="{escape(title_lang)}"' if title_lang else ""
    body = edition_parts(
        edition.target_body() if target_only else edition.blocks,
        edition.shown_code_blocks,
        item_definitions(edition.link_definitions),
        edition.table_delimiters,
    )
    if target_only:
        body = translation_parts(body)
    css = CSS
    every = list(nested_parts(body))
    if any(isinstance(part, (TablePart, ListPart)) for part in every):
        css += STRUCTURE_CSS
    if any(isinstance(part, CodeBlock) for part in every):
        css += CODE_CSS
    if any(isinstance(part, QuotePart) for part in every):
        css += QUOTE_CSS
    if edition.notes:
        css += NOTES_CSS
    body_html = (
        [*_target_only_body(edition, body), *_target_only_notes(edition)]
        if target_only
        else _bilingual_body(edition, flat_parts(body))
    )
    # Read off what was written, not off the glossary's matches: a term in an image's
    # description (printed as text) or in an HTML comment shows no mark to explain.
    term_legend = _term_legend(set(_TERM_MARK.findall("\n".join([heading, *body_html]))))
    if any(f'<p class="{CELL_PARAGRAPH}">' in line for line in body_html):
        css += PARAGRAPHS_CSS
    if term_legend is not None:
        css += LEGEND_CSS
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="termwise">',
        f"<title{title_attribute}>{escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<header class="edition">',
    ]
    if target_only or edition.title_row is None:
        # A bilingual edition's first row shows the title beside its translation: an <h1>
        # here too printed the title twice, one above the other.
        parts.append(f"<h1{title_attribute}>{heading}</h1>")
    parts.extend([_subtitle(edition, target_only), "</header>"])
    parts.extend(body_html)
    notes = [escape(legend) for legend in edition.legends(target_only=target_only)]
    if term_legend is not None:
        notes.append(term_legend)
    if notes:
        # termwise's own words, in English whatever the edition: no wording of them is
        # known in another language (see ``_subtitle``).
        parts.append('<footer lang="en">' + "<br>".join(notes) + "</footer>")
    parts.extend(["</body>", "</html>", ""])
    return "\n".join(parts)


def _term_legend(statuses: Collection[str]) -> str | None:
    """What the term marks of ``statuses`` mean, as the Word edition's legend says it, each
    description marked as the terms it describes are; None where no term is marked.

    A preferred term prints unmarked, so its part of the legend shows on screen only (the
    whole legend, where no other mark is used); the tooltips are the screen's too.
    """
    others = [
        status for status in _STATUS_ORDER if status in statuses and status not in WARNING_STATUSES
    ]
    warnings = [
        status for status in _STATUS_ORDER if status in statuses and status in WARNING_STATUSES
    ]
    if not others and not warnings:
        return None
    described = ""
    if others:
        after = "; " if warnings else ""
        described += (
            f'<span class="screen"><span class="term {others[0]}">dotted blue</span>, '
            f"{_kind_of_term(others)}{after}</span>"
        )
    if warnings:
        described += (
            f'<span class="term {warnings[0]}"><span class="screen">wavy orange</span>'
            f'<span class="print">dotted</span></span>, {_kind_of_term(warnings)}'
        )
    tooltip = (
        '<span class="screen"> Pointing at a term shows its concept, its status and the'
        " official term where that is another.</span>"
    )
    shown = "legend" if warnings else "legend screen"
    return f'<span class="{shown}">Glossary terms, underlined: {described}.{tooltip}</span>'


def _kind_of_term(statuses: list[str]) -> str:
    """How the legend names the terms of ``statuses``: "a preferred or admitted term",
    "a deprecated term", "a term with no status"."""
    named = [status for status in statuses if status != "unspecified"]
    if not named:
        return "a term with no status"
    words = " or ".join(named)
    kind = f"{'an' if words[0] in 'aeiou' else 'a'} {words} term"
    return f"{kind} or one with no status" if "unspecified" in statuses else kind


def _subtitle(edition: Edition, target_only: bool) -> str:
    """The line under the title, as a paragraph marked with its language.

    A bilingual page is the source's: an English one says in English what it is (termwise's
    own words), another names its two languages in its own ("中文 – 英语", from
    ``Edition.bilingual_names``), "bilingual edition" left out for the reason that follows.
    A translation's page is wholly in the translation's language: termwise has no wording
    of "Spanish translation of …" but the English, and CLDR (Babel), which names every
    language in every other, has none of that phrase, so another language's page says it in
    a form that needs no translation: the language's own name ("中文", "español"), then the
    original's title in the original's language."""
    if not target_only:
        source, target, lang = (escape(name) for name in edition.bilingual_names())
        said = ", bilingual edition" if lang == "en" else ""
        return f'<p lang="{lang}">{source} – {target}{said}</p>'
    original = edition.document_title
    if edition.document_title_is_markdown:
        original = markdown_inline.plain_text(original, edition.references)
    if languages.primary(edition.target_lang) == "en":
        return f'<p lang="en">{escape(edition.target_name())} translation of {escape(original)}</p>'
    target = escape(edition.target_lang)
    title = f'<span lang="{escape(edition.source_lang)}">{escape(original)}</span>'
    own = languages.own_name(edition.target_lang)
    # (A language CLDR has no data in is named in English, and said to be.)
    name = escape(own) if own else f'<span lang="en">{escape(edition.target_name())}</span>'
    return f'<p lang="{target}">{name} · {title}</p>'


def _bilingual_body(edition: Edition, body: list[tuple[FlatPart, int]]) -> list[str]:
    """The two-column table: a row for each part, quoted ``depth`` deep on either side."""
    source_lang = escape(edition.source_lang)
    target_lang = escape(edition.target_lang)
    source_name, target_name, names_lang = (escape(name) for name in edition.bilingual_names())
    rows = [
        '<table class="edition">',
        "<colgroup><col><col></colgroup>",
        f'<thead><tr><th lang="{names_lang}">{source_name}</th>'
        f'<th lang="{names_lang}">{target_name}</th></tr></thead>',
        "<tbody>",
    ]
    first_heading = True
    markdown = edition.markdown
    references = edition.references

    def source_html(block: EditionBlock) -> str:
        return _source_block_html(block, markdown, references)

    def target_html(block: EditionBlock) -> str:
        return _target_block_html(block, markdown, references)

    for block, depth in body:
        if isinstance(block, DefinitionsPart):
            continue  # (only a Markdown edition places them)
        if isinstance(block, CodeBlock):
            code = _quoted(_code_html(block), depth)
            rows.append(f'<tr{_row_class("code", code)}><td colspan="2">{code}</td></tr>')
            continue
        if not isinstance(block, EditionBlock):
            kind = "table" if isinstance(block, TablePart) else "list"
            source_part = _quoted(_part_html(block, source_html, markdown), depth)
            translation = translation_part(block)
            target_part = _quoted(_part_html(translation, target_html, markdown), depth)
            rows.append(
                f'<tr{_row_class(kind, source_part, target_part)}><td lang="{source_lang}">'
                f'{source_part}</td><td lang="{target_lang}">{target_part}</td></tr>'
            )
            continue
        source = source_html(block)
        if block.kind is SegmentKind.HEADING:
            target = target_html(block)
            # (A quotation's heading is no heading of this document's to set large.)
            css = "heading first" if first_heading and not depth else "heading"
            first_heading = first_heading and bool(depth)
            # The title's row is the page's title: its header no longer says it again.
            tag = "h1" if block is edition.title_row else f"h{block.outline_level}"
            source = _quoted(f"<{tag}>{source}</{tag}>", depth)
            target = _quoted(f"<{tag}>{target}</{tag}>", depth)
            rows.append(
                f'<tr class="{css}"><td lang="{source_lang}">{source}</td>'
                f'<td lang="{target_lang}">{target}</td></tr>'
            )
        else:
            source = _quoted(source, depth)
            target = _quoted(
                _paragraphs_cell(_target_paragraphs_html(block, markdown, references)), depth
            )
            rows.append(
                f'<tr{_row_class("", source, target)}><td lang="{source_lang}">{source}</td>'
                f'<td lang="{target_lang}">{target}</td></tr>'
            )
    for index, note in enumerate(edition.notes):
        # (A note's blocks are paragraphs: the reader reads no table or list into a note.)
        source = _note_html(note, [source_html(block) for block in note.blocks])
        target = _note_html(
            note, [_target_runs_html(block, markdown, references) for block in note.blocks]
        )
        css = "notes first" if index == 0 else "notes"
        rows.append(
            f'<tr{_row_class(css, source, target)} id="{_note_id(note.label)}">'
            f'<td lang="{source_lang}">{source}</td><td lang="{target_lang}">{target}</td></tr>'
        )
    rows.extend(["</tbody>", "</table>"])
    return rows


def _row_class(css: str, *cells: str) -> str:
    """The class attribute of a row of ``cells`` whose own classes are ``css``, "long" added
    where its longest cell prints longer than ``LONG_ROW_LINES``: the print style keeps
    every other row whole on one page. (The rows of most editions stay as they were.)"""
    if max(_printed_lines(cell) for cell in cells) > LONG_ROW_LINES:
        css = f"{css} long".strip()
    return f' class="{css}"' if css else ""


def _printed_lines(cell_html: str) -> int:
    """About how many lines ``cell_html`` prints in a column: each of its paragraphs (items,
    rows, lines) as many as its characters fill (``COLUMN_LINE_WIDTH``). An estimate; a row
    near the limit is kept whole or not by a line or two either way."""
    lines = 0
    for piece in _LINE_STARTS.split(cell_html):
        text = unescape(_TAG.sub("", piece)).strip()
        if text:
            width = len(text)
            if not text.isascii():
                # Chinese and Japanese characters print twice as wide.
                width += sum(east_asian_width(char) in "WF" for char in text)
            lines += -(-width // COLUMN_LINE_WIDTH)
    return lines


def _target_only_notes(edition: Edition) -> list[str]:
    """The translation's notes after its text: the footnotes as a numbered list, then the
    endnotes as one of their own, numbered as their labels are (``note_label``)."""
    if not edition.notes:
        return []
    markdown, references = edition.markdown, edition.references
    lines = ['<section class="notes">']
    for kind, numbering in NOTE_NUMBERING.items():
        notes = [note for note in edition.notes if note.kind == kind]
        if not notes:
            continue
        shown = _OL_TYPES.get(numbering)
        lines.append(f'<ol type="{shown}">' if shown else "<ol>")
        lines.extend(
            f'<li value="{number}" id="{_note_id(note.label)}">'
            + "".join(
                f"<p>{_target_runs_html(block, markdown, references)}</p>" for block in note.blocks
            )
            + "</li>"
            for number, note in enumerate(notes, 1)
        )
        lines.append("</ol>")
    lines.append("</section>")
    return lines


def _note_html(note: EditionNote, paragraphs: list[str]) -> str:
    """One side of a note's row: its paragraphs, the first after the note's label."""
    label = f'<sup class="note-ref">{note.label}</sup> '
    return "".join(
        f"<p>{label if index == 0 else ''}{html}</p>"
        for index, html in enumerate(paragraphs or [""])
    )


def _note_id(label: str) -> str:
    return f"note-{label}"


def _note_marks(item: EditionSegment) -> str:
    """The marks of the notes ``item``'s sentence refers to, each a link to its note."""
    return "".join(
        f'<sup class="note-ref"><a href="#{_note_id(label)}">{label}</a></sup>'
        for label in item.notes
    )


def _target_only_body(edition: Edition, body: list[Part]) -> list[str]:
    markdown, references = edition.markdown, edition.references

    def target_html(block: EditionBlock) -> str:
        return _target_block_html(block, markdown, references)

    def target_paragraphs(block: EditionBlock) -> list[str]:
        return _target_paragraphs_html(block, markdown, references)

    parts = _parts_html(body, target_html, markdown, target_paragraphs)
    return ['<main class="target-only">', *parts, "</main>"]


def _parts_html(
    body: list[Part],
    block_html: BlockHtml,
    markdown: bool,
    paragraphs_html: Callable[[EditionBlock], list[str]] | None = None,
) -> list[str]:
    """One side of ``body`` (the translation, or in a list item either side), a line each
    part; a quote in a ``<blockquote>``. A paragraph is a ``<p>`` for each of the
    paragraphs ``paragraphs_html`` finds in it, where it is given."""
    out: list[str] = []
    for block in body:
        if isinstance(block, DefinitionsPart):
            continue  # (only a Markdown edition places them)
        if isinstance(block, CodeBlock):
            out.append(_code_html(block))
            continue
        if isinstance(block, QuotePart):
            quoted = _parts_html(block.parts, block_html, markdown, paragraphs_html)
            out.extend(["<blockquote>", *quoted, "</blockquote>"])
            continue
        if not isinstance(block, EditionBlock):
            out.append(_part_html(block, block_html, markdown))
            continue
        if block.kind is SegmentKind.HEADING:
            tag = f"h{block.outline_level}"
            out.append(f"<{tag}>{block_html(block)}</{tag}>")
        elif paragraphs_html is not None:
            shown = [html for html in paragraphs_html(block) if html]
            out.extend(f"<p>{html}</p>" for html in shown or [""])
        else:
            out.append(_paragraph(block_html(block)))
    return out


def _quoted(html: str, depth: int) -> str:
    """``html`` in ``depth`` nested block quotes: one side of a quoted part's row."""
    return "<blockquote>" * depth + html + "</blockquote>" * depth


def _code_html(code: CodeBlock) -> str:
    """A code block as CommonMark renders it: the info string's first word names the
    language, for a highlighter or a reader; raw HTML's is "html"."""
    words = ["html"] if code.html else code.info.split()
    language = f' class="language-{escape(words[0])}"' if words else ""
    return f"<pre><code{language}>{escape(code.text)}</code></pre>"


# One side of the edition, a block's source or its translation as HTML.
BlockHtml = Callable[[EditionBlock], str]


def _part_html(part: TablePart | ListPart, block_html: BlockHtml, markdown: bool) -> str:
    """A table or a list as HTML, each block's text (one side's) from ``block_html``."""
    if isinstance(part, ListPart):
        return _list_html(part, block_html, markdown)
    # A Markdown table's first row is its header row; a Word table says nothing of the kind
    # that the reader keeps, so all its rows are rows.
    lines = ['<table class="cells">']
    body = part.rows
    if markdown:
        header = "".join(
            f"<th{_align(part, column)}>{_cell_html(cell, block_html)}</th>"
            for column, cell in enumerate(part.rows[0])
        )
        lines.append(f"<thead><tr>{header}</tr></thead>")
        body = part.rows[1:]
    if body:
        lines.append("<tbody>")
        for row in body:
            cells = "".join(
                f"<td{_align(part, column)}>{_cell_html(cell, block_html)}</td>"
                for column, cell in enumerate(row)
            )
            lines.append(f"<tr>{cells}</tr>")
        lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def _align(part: TablePart, column: int) -> str:
    """The attribute that aligns a cell as its Markdown column is ("" where it says
    nothing): a style, as markdown-it renders it, which the page's CSS does not undo."""
    alignment = part.alignment(column)
    return f' style="text-align: {alignment}"' if alignment else ""


def _cell_html(parts: list[CellPart], block_html: BlockHtml) -> str:
    """A cell's text: one paragraph as it is, several each in a ``<p>``, lists as lists."""
    if len(parts) == 1 and isinstance(parts[0], EditionBlock):
        return _inline_block_html(parts[0], block_html)
    return "".join(
        _paragraph(_inline_block_html(part, block_html))
        if isinstance(part, EditionBlock)
        else _list_html(part, block_html)
        for part in parts
    )


# HTML's own list numberings for Word's ("b." is not "2.").
_OL_TYPES = {"lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I"}


def _list_html(part: ListPart, block_html: BlockHtml, markdown: bool = False) -> str:
    """A list, what an item holds after its text (nested lists, quotes, paragraphs, code)
    in its ``<li>`` (``markdown``: whether the source is Markdown, which a table there is
    printed by); nothing for a list the translation leaves out whole."""
    if not part.entries:
        return ""
    if part.ordered:
        start = f' start="{part.start}"' if part.start != 1 else ""
        kind = _OL_TYPES.get(part.numbering)
        kind_attribute = f' type="{kind}"' if kind else ""
        opening, closing = f"<ol{kind_attribute}{start}>", "</ol>"
    else:
        opening, closing = "<ul>", "</ul>"
    items = []
    for entry in part.entries:
        # (An item that holds only definitions shows nothing: an empty <li>, as CommonMark
        # renders it, which keeps the next items' numbers.)
        text = "" if entry.block is None else _inline_block_html(entry.block, block_html)
        if part.loose and text:
            # An item of several paragraphs makes the list loose: each item's text a <p>,
            # as CommonMark renders it (an item's first paragraph bare beside the <p> of
            # its second would not read as a paragraph of its own).
            text = _paragraph(text)
        held = "".join(
            "\n".join(_parts_html([child], block_html, markdown)) for child in entry.children
        )
        items.append(f"<li>{text}{held}</li>")
    return "\n".join([opening, *items, closing])


def _inline_block_html(block: EditionBlock, block_html: BlockHtml) -> str:
    """A block inside a cell or a list item: a heading there (a Word heading style in a
    cell) is bold, not a heading of the edition's outline."""
    text = block_html(block)
    return f"<strong>{text}</strong>" if block.kind is SegmentKind.HEADING else text


def _source_block_html(block: EditionBlock, markdown: bool, references: References) -> str:
    texts = [item.segment.text for item in block.segments]
    parsed = markdown_inline.paragraph_nodes(texts, markdown, references)
    # (A sentence that shows nothing, a comment alone, is no element and takes no space.)
    pieces = (
        (
            shown_text(item.segment.text, nodes),
            f'<span class="seg" id="s-{escape(item.segment.id)}">'
            f"{_text_html(item.segment.text, item.source_terms, nodes)}{_note_marks(item)}</span>",
        )
        for item, nodes in zip(block.segments, parsed, strict=True)
        if not markdown_inline.shows_nothing(nodes)
    )
    return join_sentences(pieces, block.source_lang)


def _target_runs_html(block: EditionBlock, markdown: bool, references: References) -> str:
    """A block's translation as one run of text: where the published translation has
    paragraphs in it, they are run together, as a list item or a table cell prints them."""
    paragraphs = _target_paragraph_pieces(block, markdown, references)
    return join_sentences((piece for pieces in paragraphs for piece in pieces), block.target_lang)


def _target_paragraphs_html(
    block: EditionBlock, markdown: bool, references: References
) -> list[str]:
    """A block's translation, one inline HTML text per paragraph the published translation
    has there (``EditionBlock.target_paragraphs``), each read as a paragraph of its own."""
    return [
        join_sentences(pieces, block.target_lang)
        for pieces in _target_paragraph_pieces(block, markdown, references)
    ]


def _target_paragraph_pieces(
    block: EditionBlock, markdown: bool, references: References
) -> list[list[tuple[str, str]]]:
    """Each paragraph of a block's translation as its sentences' ``(shown, html)`` for
    ``join_sentences``: those that show something, "[untranslated]" for a run of none."""
    out = []
    for runs in block.target_paragraphs():
        shown = [item for item in runs if item.target is not None]
        texts = [item.target or "" for item in shown]
        parsed = iter(markdown_inline.paragraph_nodes(texts, markdown, references))
        shown_runs = [(item, None if item.target is None else next(parsed)) for item in runs]
        out.append(
            [
                (
                    shown_text(MISSING if item.target is None else item.target, nodes),
                    _target_html(item, nodes),
                )
                for item, nodes in shown_runs
                if not markdown_inline.shows_nothing(nodes)
            ]
        )
    return out


def _target_block_html(block: EditionBlock, markdown: bool, references: References) -> str:
    """A block's translation where a list item or a table cell holds it: its paragraphs
    as ``_paragraphs_cell`` sets them, as a row of the edition's table holds them."""
    return _paragraphs_cell(_target_paragraphs_html(block, markdown, references))


def _paragraph(html: str) -> str:
    """``html`` as a paragraph: in a ``<p>``, unless it is paragraphs already
    (``_paragraphs_cell``), which a ``<p>`` may not hold."""
    return html if html.startswith(f'<p class="{CELL_PARAGRAPH}">') else f"<p>{html}</p>"


def _paragraphs_cell(paragraphs: list[str]) -> str:
    """One side of a paragraph's row: as it is, or each paragraph of several in a ``<p>``
    (a translator's note the translation set apart stays apart, in the same row)."""
    shown = [html for html in paragraphs if html]
    if len(shown) < 2:
        return " ".join(shown)
    return "".join(f'<p class="{CELL_PARAGRAPH}">{html}</p>' for html in shown)


def _target_html(item: EditionSegment, nodes: list[markdown_inline.Node] | None) -> str:
    if item.target is None:
        # The marks of the notes of the sentences it stands for follow it, as their text's.
        return f'<span class="missing">{escape(MISSING)}</span>{_note_marks(item)}'
    body = _text_html(item.target, item.target_terms, nodes) + _note_marks(item)
    if item.unreviewed:
        state = item.unit.state.value if item.unit else "draft"
        return (
            f'<span class="seg unreviewed" data-seg="{escape(item.segment.id)}" '
            f'data-state="{escape(state)}" title="not reviewed ({escape(state)})">{body}'
            f'<span class="unreviewed-mark">{UNREVIEWED_MARK}</span></span>'
        )
    return f'<span class="seg" data-seg="{escape(item.segment.id)}">{body}</span>'


def _text_html(text: str, spans: list[TermSpan], nodes: list[markdown_inline.Node] | None) -> str:
    """``text`` with its terms marked: as it is, or as the Markdown ``nodes`` it reads as."""
    if nodes is None:
        return _marked(text, spans)
    return _inline_html(nodes, spans)


def _inline_html(nodes: list[markdown_inline.Node], spans: list[TermSpan]) -> str:
    """Markdown's inline markup as HTML; the terms in ``spans`` (offsets into the raw text)
    are marked within each run of text, so that elements always nest."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, markdown_inline.Span):
            if node.kind == "image":
                # Its description, as a browser shows an image it cannot load; the edition
                # loads nothing from elsewhere.
                out.append(escape(markdown_inline.plain(node.children)))
                continue
            inner = _inline_html(node.children, spans)
            if node.kind in ("em", "strong"):
                out.append(f"<{node.kind}>{inner}</{node.kind}>")
            elif node.href is not None:
                out.append(f'<a href="{escape(node.href)}">{inner}</a>')
            else:
                out.append(inner)  # a link that may not be followed: its text
        elif isinstance(node, markdown_inline.Code):
            out.append(_in_term(f"<code>{escape(node.text)}</code>", node.start, spans))
        elif node.literal:
            out.append(_marked(node.text, spans, offset=node.start))
        elif not node.text:
            continue  # an HTML comment: not even an empty term mark
        else:
            out.append(_in_term(escape(node.text), node.start, spans))
    return "".join(out)


def _in_term(inner: str, start: int, spans: list[TermSpan]) -> str:
    for span in spans:
        if span.start <= start < span.end:
            return _term_element(span, inner)
    return inner


def _marked(text: str, spans: list[TermSpan], offset: int = 0) -> str:
    """``text``, found at ``offset`` in the text the spans were found in, with its terms."""
    out: list[str] = []
    position = 0
    for span in spans:
        start = max(span.start - offset, 0)
        end = min(span.end - offset, len(text))
        if end <= start:
            continue
        if start < position:
            continue  # overlapping matches: the matcher promises none, but never garble text
        out.append(escape(text[position:start]))
        out.append(_term_element(span, escape(text[start:end])))
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def _term_element(span: TermSpan, inner: str) -> str:
    tip = f"{span.concept_id}: {span.status}"
    if span.official and span.status in ("deprecated", "superseded", "admitted", "unspecified"):
        tip += f"; official: {span.official}"
    return (
        f'<span class="term {escape(span.status)}" data-concept="{escape(span.concept_id)}" '
        f'title="{escape(tip)}">{inner}</span>'
    )
