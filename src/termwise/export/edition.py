"""What an edition shows: the document's blocks, each sentence with the translation to print.

A published edition must not pass machine translation off as a translator's work: only
reviewed translations are printed unless the user asks for unreviewed ones, and those are
then marked. The formats (HTML, Markdown, .docx, text) only lay out what this module decides.
A Markdown source's code blocks are no segments, so they have no translation to wait for:
every edition prints them as written, where they stand. Nor are its link reference
definitions (``[1]: https://…``): a Markdown edition prints them as written, so that the
``[text][1]`` links of both languages still lead somewhere; the others make those links
links (``references``) and print no definition.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from termwise import languages
from termwise.document.model import (
    BlockQuote,
    CodeBlock,
    Document,
    LinkDefinition,
    ListItem,
    Segment,
    SegmentKind,
    TableCell,
)
from termwise.document.reading import table_delimiter_row
from termwise.export import markdown_inline
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

if TYPE_CHECKING:
    from termwise.export.docx_source import SourceNote, WordSource
    from termwise.glossary.matcher import TermMatcher
    from termwise.glossary.model import Glossary

UNREVIEWED_MARK = "†"
UNREVIEWED_LEGEND = "† machine translation or draft, not yet reviewed"
MISSING = "[untranslated]"
MISSING_LEGEND = f"{MISSING}: no reviewed translation yet"
# The translation alone goes to its reader, who knows nothing of review: a word on what is
# still to come, not on termwise's workflow.
TARGET_MISSING_LEGEND = f"{MISSING}: translation to follow"
# Term statuses a published text should not use: the editions mark them as a warning
# (preferred, admitted and unspecified ones are fine).
WARNING_STATUSES = frozenset({"deprecated", "superseded"})


@dataclass(frozen=True)
class TermSpan:
    """A glossary term found in a text: ``[start, end)``, its concept and status."""

    start: int
    end: int
    concept_id: str
    status: str  # preferred, admitted, deprecated, superseded
    official: str | None  # the preferred rendering in the same language, for a tooltip


@dataclass
class EditionSegment:
    segment: Segment
    unit: TranslationUnit | None
    target: str | None  # None: left out of the edition; "": the translation leaves it out
    unreviewed: bool = False
    source_terms: list[TermSpan] = field(default_factory=list)
    target_terms: list[TermSpan] = field(default_factory=list)
    # Offsets into ``target`` where the published translation opens a paragraph (an aligned
    # group that took in a translator's note on a line of its own): the editions that can
    # hold a paragraph there print the text before it as one of its own.
    paragraph_breaks: tuple[int, ...] = ()
    # The labels of the notes (``Edition.notes``) whose reference the source's sentence
    # holds: a mark after it on either side, as a translation does not say where in the
    # sentence the annotated word went.
    notes: tuple[str, ...] = ()

    def paragraph_pieces(self) -> list[EditionSegment]:
        """The sentence's printed text cut at ``paragraph_breaks``, each piece standing for
        the same segment, with its own terms (offsets into the piece); the marks of its
        notes follow the last piece alone, as they follow the sentence, once."""
        text = self.target
        if not text or not self.paragraph_breaks:
            return [self]
        bounds = [0, *self.paragraph_breaks, len(text)]
        pieces: list[EditionSegment] = []
        for start, end in zip(bounds, bounds[1:], strict=False):
            chunk = text[start:end]
            begin = start + len(chunk) - len(chunk.lstrip())
            stop = start + len(chunk.rstrip())
            if stop <= begin:
                continue
            terms = [
                replace(span, start=span.start - begin, end=span.end - begin)
                for span in self.target_terms
                if begin <= span.start and span.end <= stop
            ]
            pieces.append(
                replace(
                    self,
                    target=text[begin:stop],
                    target_terms=terms,
                    paragraph_breaks=(),
                    notes=(),
                )
            )
        if not pieces:
            return [self]
        pieces[-1].notes = self.notes
        return pieces


@dataclass
class EditionBlock:
    """A heading, or a paragraph of sentences."""

    kind: SegmentKind
    segments: list[EditionSegment]
    # A heading's level under the edition's title (level 1): the document's outline kept
    # (every heading came out at one level), its top level under the title at 2, at most 6
    # as in HTML. Set by ``build_edition``.
    outline_level: int = 2
    # The language of each side, which joins the block's sentences (``join_sentences``):
    # in Chinese and Japanese a space after a sentence of their writing shows as a gap a
    # translation of their own never has. Set by ``build_edition``.
    source_lang: str = "und"
    target_lang: str = "und"

    @property
    def cell(self) -> TableCell | None:
        """The table cell the block is in (all its sentences are: it is one paragraph)."""
        return self.segments[0].segment.cell

    @property
    def list_item(self) -> ListItem | None:
        """The list item the block is."""
        return self.segments[0].segment.list_item

    @property
    def quote_depth(self) -> int:
        """How many block quotes the block stands in; 0 outside any."""
        return self.segments[0].segment.quote_depth

    @property
    def quotes(self) -> tuple[BlockQuote, ...]:
        """Which quotes those are (``Segment.quotes``)."""
        return self.segments[0].segment.quotes

    @property
    def item_depth(self) -> int:
        """The list item whose text holds the block, where it is no item's first paragraph
        (``Segment.item_depth``); 0 for none."""
        return self.segments[0].segment.item_depth

    @property
    def left_out(self) -> bool:
        """Whether the translation leaves out every sentence of the block, each by decision
        (``confirmed_omission``): the translation has no such paragraph, where one with a
        sentence still to translate has a place that waits for it."""
        return all(item.target == "" for item in self.segments)

    def target_runs(self) -> list[EditionSegment]:
        """The sentences to print; one whose ``target`` is None stands for a run of
        untranslated ones, holding the notes of them all.

        A reader needs one "[untranslated]" where a passage is missing, not one per sentence;
        the marks of the notes its sentences refer to follow it, as they would follow their
        translation, so that no note loses its mark (nor a Word edition the note).
        """
        runs: list[EditionSegment] = []
        # The notes of left-out sentences before any printed one, for the first printed.
        held: tuple[str, ...] = ()
        for item in self.segments:
            if item.target == "":
                # A sentence the translation leaves out (confirmed in review) has no place
                # to take (printed empty, it left two spaces between its neighbours), but
                # its notes keep their marks: after the sentence before it, else after the
                # next, so that no note is left unreferenced (nor dropped in Word).
                if runs:
                    runs[-1] = replace(runs[-1], notes=(*runs[-1].notes, *item.notes))
                else:
                    held = (*held, *item.notes)
                continue
            if held:
                item, held = replace(item, notes=(*held, *item.notes)), ()
            if item.target is None and runs and runs[-1].target is None:
                runs[-1] = replace(runs[-1], notes=(*runs[-1].notes, *item.notes))
            else:
                runs.append(item)
        return runs

    def target_paragraphs(self) -> list[list[EditionSegment]]:
        """``target_runs`` cut into the paragraphs the published translation has there: a
        sentence whose translation holds a paragraph start (``paragraph_breaks``) ends one
        paragraph with its text before it and opens the next with the rest. A single list
        where there is none, as for every block of a project aligned before this was
        recorded or edited since."""
        paragraphs: list[list[EditionSegment]] = [[]]
        for item in self.target_runs():
            if not item.paragraph_breaks:
                paragraphs[-1].append(item)
                continue
            first, *rest = item.paragraph_pieces()
            paragraphs[-1].append(first)
            paragraphs.extend([piece] for piece in rest)
        return paragraphs

    @property
    def holds_paragraphs(self) -> bool:
        """Whether the translation prints as several paragraphs (``target_paragraphs``): a
        list item's then holds a paragraph after its first, which makes its list loose."""
        return len(self.target_paragraphs()) > 1


@dataclass
class EditionNote:
    """A footnote or endnote of the source: the label its marks show, and its text."""

    # Footnotes are numbered 1, 2 …, endnotes on their own i, ii … (``note_label``).
    label: str
    kind: str  # "footnote" or "endnote"
    blocks: list[EditionBlock]


# How each kind of note is numbered, in Word's names, in the order the editions print the
# kinds: Word's defaults, which the Word edition sets (``docx_notes``) and every other
# edition's marks follow (``note_label``), so that all agree, and footnote 1 is not taken
# for endnote 1.
NOTE_NUMBERING = {"footnote": "decimal", "endnote": "lowerRoman"}


def note_label(kind: str, number: int) -> str:
    """The mark of the ``number``th note of its ``kind``, each kind counted on its own
    (``NOTE_NUMBERING``)."""
    # (layout imports this module.)
    from termwise.export.layout import number_label

    return number_label(number, NOTE_NUMBERING[kind])


@dataclass
class Edition:
    document: Document
    source_lang: str
    target_lang: str
    blocks: list[EditionBlock]
    include_unreviewed: bool
    glossary_used: bool = False
    title_override: str | None = None  # ``export --title``
    # ``export --title-lang``: the language ``title_override`` is in. A short title tells
    # too little to guess it from, and it need be neither the source's nor the target's.
    title_override_lang: str | None = None
    # Printed verbatim between the blocks (``layout.edition_parts`` places them): kept out
    # of ``blocks``, which hold what has a translation, so the title, the outline and the
    # marks see segments only.
    code_blocks: list[CodeBlock] = field(default_factory=list)
    # Printed verbatim by a Markdown edition only, as the code blocks are placed.
    link_definitions: list[LinkDefinition] = field(default_factory=list)
    # A Word source's footnotes, then its endnotes, each in the order their references come;
    # their blocks are not in ``blocks``.
    notes: list[EditionNote] = field(default_factory=list)
    # What the export read of a Word source's file (``docx_source.read_word_source``).
    word_source: WordSource | None = None
    # A Markdown source's tables' delimiter rows, by table number (``TableCell.table``):
    # each column's cell as written (``reading.table_delimiter_row``), its alignment.
    table_delimiters: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def shown_code_blocks(self) -> list[CodeBlock]:
        """The code blocks an edition that renders the source (HTML, Word, plain text)
        prints: its raw HTML blocks among them, shown as code, but not its HTML comments,
        which no reader of the source sees. A Markdown edition prints ``code_blocks``, all
        of them as written."""
        return [code for code in self.code_blocks if not code.comment]

    @property
    def references(self) -> markdown_inline.References:
        """What the reference links of the source and its translation lead to: the
        translation keeps the source's labels, as it keeps an inline link's URL."""
        return markdown_inline.references(self.link_definitions)

    @property
    def title(self) -> str:
        """The edition's title: ``--title``, else the document's own title."""
        return self.title_override or self.document_title

    @property
    def document_title(self) -> str:
        """Its first line when that is a heading, else its file name.

        Not the first heading wherever it is: in a paper that opens with its abstract, that is
        "1. Introduction", which is no title and then stands twice at the top.
        """
        heading = self._title_block()
        if heading is not None:
            texts = [item.segment.text for item in heading.segments]
            return join_sentences(((text, text) for text in texts), heading.source_lang)
        if self.document.path is not None:
            return self.document.path.stem
        return "termwise edition"

    @property
    def target_title(self) -> str:
        """The translated edition's title: ``--title``, else the title's translation as the
        edition prints it ("[untranslated]" for what it has none of), else the file name."""
        if self.title_override:
            return self.title_override
        heading = self.target_title_block
        if heading is not None:
            shown = [
                MISSING if item.target is None else item.target for item in heading.target_runs()
            ]
            written = ((text, text) for text in shown if text)
            return join_sentences(written, heading.target_lang) or MISSING
        return self.title

    @property
    def target_title_block(self) -> EditionBlock | None:
        """The heading whose translation is ``target_title``.

        A translated edition prints it as its title, so its body leaves it out instead of
        printing the title twice. Where the title has no translation to show, the title says
        "[untranslated]" as any other heading would: the source's title there, unmarked,
        would pass for the translation's (the HTML edition's subtitle names the original).
        """
        if self.title_override:
            return None
        return self._title_block()

    @property
    def title_row(self) -> EditionBlock | None:
        """The document's title, which a bilingual edition's first row shows beside its
        translation: where the format has nothing but headings to show a title by
        (Markdown), that row is the edition's title, and no line above it says the same
        again. None where ``--title`` gives another title, or the document begins with no
        heading (the file name is the title)."""
        return None if self.title_override else self._title_block()

    def target_body(self) -> list[EditionBlock]:
        """The blocks a translated edition prints under its title."""
        title = self.target_title_block
        return [block for block in self.blocks if block is not title]

    @property
    def markdown(self) -> bool:
        """Whether the texts are Markdown: a Markdown source keeps its inline markup in every
        segment, and its translation follows it."""
        return self.document.fmt == "markdown"

    @property
    def document_title_is_markdown(self) -> bool:
        """Whether ``document_title`` is Markdown: a heading of a Markdown source is, a file
        name is plain text."""
        return self.markdown and self._title_block() is not None

    @property
    def title_is_markdown(self) -> bool:
        """Whether ``title`` and ``target_title`` are Markdown; ``--title`` is plain text."""
        return self.document_title_is_markdown and not self.title_override

    def _title_block(self) -> EditionBlock | None:
        first = self.blocks[0] if self.blocks else None
        if first is None or first.kind is not SegmentKind.HEADING:
            return None
        # A quotation's heading is the quoted text's, not this document's title.
        return None if first.quote_depth else first

    def all_blocks(self) -> list[EditionBlock]:
        """The body's blocks and then the notes': everything the edition prints a
        translation of, for what looks at every sentence (marks, legends)."""
        return [*self.blocks, *(block for note in self.notes for block in note.blocks)]

    @property
    def has_unreviewed(self) -> bool:
        return any(item.unreviewed for block in self.all_blocks() for item in block.segments)

    @property
    def has_missing(self) -> bool:
        return any(item.target is None for block in self.all_blocks() for item in block.segments)

    def legends(self, *, target_only: bool = False) -> list[str]:
        """What the edition's marks mean, for its end: every format says the same.

        "[untranslated]" needs a word only where drafts are left out: the reader cannot
        tell that a sentence has a translation, just not a reviewed one. The translation
        alone (``target_only``) says it in a few words (``TARGET_MISSING_LEGEND``), and
        only where a sentence stands so.
        """
        legends = []
        if self.has_unreviewed:
            legends.append(UNREVIEWED_LEGEND)
        if not self.include_unreviewed and self.has_missing:
            legends.append(TARGET_MISSING_LEGEND if target_only else MISSING_LEGEND)
        return legends

    def source_name(self) -> str:
        return languages.display_name(self.source_lang)

    def target_name(self) -> str:
        return languages.display_name(self.target_lang)

    def bilingual_names(self) -> tuple[str, str, str]:
        """The source's and the target's names as a bilingual page, the source's, writes
        them (its subtitle, its columns' heads), and the language they are written in:
        CLDR's names in the source's language ("中文", "英语" on a Chinese paper's page), as
        a translation's page names its own; English where the source is English or CLDR has
        no data in it (termwise's own words, whose only wording is English)."""
        english = languages.primary(self.source_lang) == "en"
        own = None if english else languages.own_name(self.source_lang)
        if own is None:
            return self.source_name(), self.target_name(), "en"
        target = languages.display_name(self.target_lang, self.source_lang)
        return own, target, self.source_lang


def build_edition(
    document: Document,
    tfile: TranslationFile,
    *,
    include_unreviewed: bool = False,
    glossary: Glossary | None = None,
    title: str | None = None,
    chosen_terms: Mapping[str, str] | None = None,
    title_lang: str | None = None,
    word_source: WordSource | None = None,
) -> Edition:
    """The edition of ``document``'s translation ``tfile``; a Word source's file is read
    for its notes (and the Word edition's emphasis and headers) unless the caller has read
    it already (``word_source``)."""
    if word_source is None and document.fmt == "docx":
        from termwise.export.docx_source import read_word_source

        word_source = read_word_source(document)
    blocks: list[EditionBlock] = []
    current_paragraph: int | None = None
    hidden = shows_nothing_ids(document)
    references = markdown_inline.references(list(document.link_definitions))
    for segment in document.segments:
        unit = tfile.units.get(segment.id)
        target, unreviewed = _shown_target(unit, include_unreviewed)
        if segment.id in hidden:
            target, unreviewed = _nothing_shown(segment.text, target, unreviewed, references)
        item = EditionSegment(segment=segment, unit=unit, target=target, unreviewed=unreviewed)
        if unit is not None and target and target == unit.target:
            item.paragraph_breaks = _paragraph_breaks(segment, unit)
        if segment.kind is SegmentKind.HEADING or current_paragraph != segment.paragraph:
            blocks.append(
                EditionBlock(
                    kind=segment.kind,
                    segments=[item],
                    source_lang=document.lang,
                    target_lang=tfile.lang,
                )
            )
            current_paragraph = segment.paragraph if segment.kind is SegmentKind.SENTENCE else None
        else:
            blocks[-1].segments.append(item)
    notes = _take_notes(blocks, word_source.notes) if word_source is not None else []
    _set_outline(blocks)
    edition = Edition(
        document=document,
        source_lang=languages.normalize(document.lang),
        target_lang=tfile.lang,
        blocks=blocks,
        include_unreviewed=include_unreviewed,
        title_override=title,
        title_override_lang=_title_language(title, title_lang, document.lang, tfile.lang),
        code_blocks=list(document.code_blocks),
        link_definitions=list(document.link_definitions),
        notes=notes,
        word_source=word_source,
        table_delimiters=_table_delimiters(document),
    )
    if glossary is not None:
        mark_terms(edition, glossary, chosen_terms or {})
    return edition


def join_sentences(pieces: Iterable[tuple[str, str]], lang: str) -> str:
    """A paragraph's sentences, each ``(shown, written)``: what its reader sees of it, and
    what the edition writes. Each written one follows what ``sentence_glue`` puts between
    the text shown before it and its own: every format joins a paragraph by this one rule.
    (Markup written, a Markdown link's address, decides no glue.)"""
    out: list[str] = []
    previous: str | None = None
    for shown, written in pieces:
        if previous is not None:
            out.append(sentence_glue(previous, shown, lang))
        out.append(written)
        previous = shown
    return "".join(out)


# The half-width stops a Chinese or Japanese sentence is often written with ("已发布.",
# by machine translation or a hurried hand), in the place of "。", "！", "？".
_HALF_WIDTH_STOPS = ".!?"


def sentence_glue(before: str, after: str, lang: str) -> str:
    """What an edition prints between two sentences of a paragraph of ``lang``, as its
    reader sees them: what ``languages.glue_after`` puts after ``before``, but nothing
    between two sentences of Chinese or Japanese writing where the first ends in a
    half-width stop, as after its full-width one ("版本1.2." and "它更快。" were printed
    "版本1.2. 它更快。"). A sentence of Latin text on either side keeps its space
    ("已发布. It is faster!").

    Edition-side only: a join the review session splits back byte for byte keeps
    ``glue_after``'s space, which an edition, printed and never read back, has no need of."""
    glue = languages.glue_after(before, lang)
    end = before.rstrip()
    if not glue or not languages.is_cjk(lang) or not end.endswith(tuple(_HALF_WIDTH_STOPS)):
        return glue
    last = next((char for char in reversed(end) if char.isalpha()), "")
    # The next sentence's first character past its opening quotes: a digit there keeps the
    # space ("发布.2025年" reads as a decimal).
    first = next((char for char in after.lstrip() if not _is_punctuation(char)), "")
    return "" if languages.cjk_character(last) and languages.cjk_character(first) else glue


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def shown_text(text: str, nodes: list[markdown_inline.Node] | None) -> str:
    """What the reader sees of a sentence written ``text`` (read as ``nodes`` where it is
    Markdown, None where not): what decides the space after it (``join_sentences``)."""
    return text if nodes is None else markdown_inline.plain(nodes)


def _title_language(
    title: str | None, given: str | None, source_lang: str, target_lang: str
) -> str | None:
    """The language of ``export --title``: ``--title-lang`` where given, else the edition's
    Chinese or Japanese for a title written in their script, which no other language of the
    edition is written in (a Chinese title was marked as the English page's); else None,
    the page's own."""
    if not title:
        return None
    if given is not None:
        return given
    if languages.written_in_cjk(title):
        cjk = [lang for lang in (target_lang, source_lang) if languages.is_cjk(lang)]
        return languages.normalize(cjk[0]) if cjk else None
    return None


def _table_delimiters(document: Document) -> dict[int, tuple[str, ...]]:
    """The delimiter row of each table of a Markdown source, found from its first cell
    that holds text; none for other sources, whose tables say nothing of alignment here."""
    if document.fmt != "markdown":
        return {}
    found: dict[int, tuple[str, ...]] = {}
    for segment in document.segments:
        cell = segment.cell
        if cell is not None and cell.table not in found:
            found[cell.table] = table_delimiter_row(document.text, segment.start, cell.row)
    return found


def _take_notes(blocks: list[EditionBlock], notes: Sequence[SourceNote]) -> list[EditionNote]:
    """Takes the blocks of ``notes`` out of ``blocks``, as the edition's notes, each kind
    numbered on its own in the order their references come (``note_label``), footnotes
    before endnotes, and gives each referring sentence its notes' labels."""
    if not notes:
        return []
    original = list(blocks)
    note_of_line = {line: note for note in notes for line in note.lines}
    taken: dict[SourceNote, list[EditionBlock]] = {}
    kept: list[EditionBlock] = []
    for block in blocks:
        # (The reader's lines are 1-based, the notes' paragraphs 0-based.)
        note = note_of_line.get(block.segments[0].segment.line - 1)
        if note is None:
            kept.append(block)
        else:
            taken.setdefault(note, []).append(block)
    blocks[:] = kept
    referring: dict[str, list[SourceNote]] = {}
    for note in notes:
        if note.reference is not None:
            referring.setdefault(note.reference, []).append(note)
    numbered: list[EditionNote] = []
    counts: dict[str, int] = {}
    for block in kept:
        for item in block.segments:
            for note in referring.pop(item.segment.id, []):
                kind = "endnote" if note.kind == "endnote" else "footnote"
                counts[kind] = counts.get(kind, 0) + 1
                label = note_label(kind, counts[kind])
                numbered.append(EditionNote(label, kind, taken.get(note, [])))
                item.notes = (*item.notes, label)
    # A note no sentence of the body refers to has no mark to hang on: its paragraphs stay
    # where the reader put them, after the body (the export says so).
    unmarked = [note for found in referring.values() for note in found]
    unmarked += [note for note in notes if note.reference is None]
    left = {id(block) for note in unmarked for block in taken.get(note, [])}
    blocks.extend(block for block in original if id(block) in left)
    # (A stable sort: each kind keeps its order.)
    return sorted(numbered, key=lambda note: list(NOTE_NUMBERING).index(note.kind))


def _paragraph_breaks(segment: Segment, unit: TranslationUnit) -> tuple[int, ...]:
    """Where ``unit``'s translation opens a paragraph of the published translation, as its
    alignment recorded it; none in a heading, which holds no paragraph."""
    from termwise.align.output import aligned_paragraph_starts

    if segment.kind is not SegmentKind.SENTENCE:
        return ()
    return aligned_paragraph_starts(unit)


def _set_outline(blocks: list[EditionBlock]) -> None:
    """Each heading's ``outline_level``: its depth in the document, the body's top depth
    under the title at 2 (a Markdown paper's "# Title" then "## 1. Introduction" gives h1
    and h2, not h1 and h3)."""
    headings = [block for block in blocks if block.kind is SegmentKind.HEADING]
    titled = bool(headings) and headings[0] is blocks[0] and not blocks[0].quote_depth
    body = headings[1:] if titled else headings
    # A quotation's headings count in the quoted text's outline: a quoted "# Speech" does
    # not push the paper's own sections down a level.
    top = min(
        (block.segments[0].segment.level or 1 for block in body if not block.quote_depth),
        default=1,
    )
    for block in headings:
        depth = block.segments[0].segment.level or 1
        block.outline_level = min(max(depth - top, 0) + 2, 6)
    if body is not headings and (headings[0].segments[0].segment.level or 1) < top:
        # The title's own row in a bilingual edition stays above the sections ("# Title"
        # and "## Results" were both h2).
        headings[0].outline_level = 1


def _nothing_shown(
    source: str, target: str | None, unreviewed: bool, references: markdown_inline.References
) -> tuple[str, bool]:
    """What an edition prints for a sentence whose ``source`` shows nothing (a table cell
    or list item holding a comment alone): there is nothing to translate, so no
    "[untranslated]" where the source's reader sees nothing, and no "†" beside a draft that
    shows nothing either. Without a translation, or for a draft that shows what the source
    does not, the source's comment as written: it shows nothing in any edition, and a
    Markdown edition keeps the item it is ("- <!-- later -->"), where an empty one ("- ")
    reads as a heading's underline under a line of text."""
    if target is None:
        return source, False
    if unreviewed:
        shown = markdown_inline.shows_nothing(markdown_inline.parse(target, references))
        return (target if shown else source), False
    return target, False


def shows_nothing_ids(document: Document) -> set[str]:
    """The segments of ``document`` whose source shows the reader nothing: an edition waits
    for no translation of them, so a draft of one is no draft it leaves out."""
    if document.fmt != "markdown":
        return set()
    references = markdown_inline.references(list(document.link_definitions))
    hidden: set[str] = set()
    paragraph: list[Segment] = []
    for segment in [*document.segments, None]:
        if paragraph and (
            segment is None
            or segment.kind is not SegmentKind.SENTENCE
            or paragraph[-1].kind is not SegmentKind.SENTENCE
            or segment.paragraph != paragraph[-1].paragraph
        ):
            if any("<!--" in each.text for each in paragraph):
                texts = [each.text for each in paragraph]
                parsed = markdown_inline.parse_paragraph(texts, references)
                hidden.update(
                    each.id
                    for each, nodes in zip(paragraph, parsed, strict=True)
                    if markdown_inline.shows_nothing(nodes)
                )
            paragraph = []
        if segment is not None:
            paragraph.append(segment)
    return hidden


def _shown_target(
    unit: TranslationUnit | None, include_unreviewed: bool
) -> tuple[str | None, bool]:
    from termwise.project.omissions import confirmed_omission

    if unit is not None and confirmed_omission(unit):
        # The published translation has nothing here, and the translator confirmed it: an
        # empty place, not "[untranslated]" (work the reader would think is still to come).
        return "", False
    if unit is None or not unit.target:
        return None, False
    if unit.state is SegmentState.REVIEWED:
        return unit.target, False
    # MT and edited-but-fuzzy (including translations carried over from an older source)
    # are drafts: printed only on request, and marked.
    if include_unreviewed:
        return unit.target, True
    return None, False


def mark_terms(
    edition: Edition, glossary: Glossary, chosen: Mapping[str, str] | None = None
) -> None:
    """Find glossary terms in every source and printed target (pinned TermMatcher API); a
    term's official rendering is the one the project chose (``chosen``: [mt.terms]), as the
    checks and MT have it, else the glossary's preferred one."""
    from termwise.glossary.matcher import TermMatcher

    source_matcher = TermMatcher(glossary, edition.source_lang)
    target_matcher = TermMatcher(glossary, edition.target_lang)
    for block in edition.all_blocks():
        for item in block.segments:
            item.source_terms = _spans(
                source_matcher, glossary, item.segment.text, edition.source_lang, chosen or {}
            )
            if item.target:
                item.target_terms = _spans(
                    target_matcher, glossary, item.target, edition.target_lang, chosen or {}
                )
    edition.glossary_used = True


def _spans(
    matcher: TermMatcher, glossary: Glossary, text: str, lang: str, chosen: Mapping[str, str]
) -> list[TermSpan]:
    spans = []
    for match in matcher.find(text):
        official: str | None = None
        try:
            rendering = glossary.concept(match.concept_id).rendering(lang, chosen)
            # The rendering itself names no other ("admitted; official: " itself, where the
            # project chose an admitted one).
            if rendering is not None and rendering.text != match.term.text:
                official = rendering.text
        except KeyError:
            official = None
        status = match.status.value
        spans.append(TermSpan(match.start, match.end, match.concept_id, status, official))
    return sorted(spans, key=lambda span: span.start)
