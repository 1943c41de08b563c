"""The shape an edition lays out: headings and paragraphs, tables and lists.

Each paragraph of the document knows its place (``Segment.cell``, ``Segment.list_item``),
but a format needs the whole: a table's grid of cells, a list's items with the lists nested
in them. This builds that once, for every format; a document without tables or lists comes
out as its blocks, one part each, so its editions are what they always were. A code block
(``CodeBlock``) is a part of its own, between the blocks it stood between. A block
quote (``Segment.quote_depth``, ``Segment.quotes``) is a part holding the parts it quotes,
its code blocks among them, so that a format can print the quotation whole (a Markdown
"> " before each of its lines) or, with ``flat_parts``, each of its parts beside its
translation, quoted as deep as it stands. Two quotes one after the other stay two parts.
A quote written in a list item's text ("1. Step" then "   > Note") is held by that item
(``ListEntry.children``), so that the list goes on after it, numbered on; so is whatever
else an item holds after its first paragraph (``Segment.item_depth``,
``CodeBlock.item_depth``): its next paragraphs, its code, a table or a heading in it,
the link definitions written in it.
A raw HTML block or comment of a Markdown source is a ``CodeBlock`` too (``CodeBlock.html``),
placed as code is; an edition that shows no comments leaves them out of the code blocks it
asks for (``Edition.shown_code_blocks``).
Link reference definitions (``LinkDefinition``), which only a Markdown edition asks for,
are a part where they stand too (consecutive ones one part), inside the quote they stand
in. Those that open a list item ("- [a]: /url", ``LinkDefinition.opens_item``) are its
entry's (``ListEntry.definitions``), before its text, and an item that holds no paragraph
is an entry all the same: every edition asks for them (``item_definitions``), so that
such an item keeps its place and the list its numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias, Union

from termwise.document.model import (
    HTML_BLOCK,
    NUMBERINGS,
    BlockQuote,
    CodeBlock,
    LinkDefinition,
    ListItem,
)
from termwise.export.edition import EditionBlock


@dataclass
class ListEntry:
    """One list item: its first paragraph, the number an ordered list shows before it, and
    what it holds after that paragraph, in order: lists nested in it, and the quotes,
    paragraphs, code blocks and tables written in its text."""

    # None for an item that holds no paragraph, only the definitions that open it.
    block: EditionBlock | None
    number: int | None
    children: list[Part] = field(default_factory=list)
    # The link definitions on its marker line and right under it (``LinkDefinition.
    # opens_item``), before its text: they leave the list as tight as the source's.
    definitions: list[LinkDefinition] = field(default_factory=list)

    @property
    def loose(self) -> bool:
        """Whether the item holds a paragraph (or a heading or a table) after its first:
        in CommonMark a blank line stands before it, which makes the list loose. A nested
        list, a quote, code or an HTML comment may follow the item's text directly, and
        leave it tight; raw HTML may not always: a paragraph goes on over a tag alone on
        its line ("<img src=…>"), which only a blank line sets apart. A translation
        of the item's text that prints as several paragraphs (a translator's note set
        apart, ``EditionBlock.holds_paragraphs``) holds one after its first as well."""
        if self.block is not None and self.block.holds_paragraphs:
            return True
        return any(
            not isinstance(child, (ListPart, QuotePart, CodeBlock))
            or (isinstance(child, CodeBlock) and child.html == HTML_BLOCK)
            for child in self.children
        )


@dataclass
class ListPart:
    """A list: consecutive items of one kind (bullets, or numbers written one way) at one
    depth."""

    ordered: bool
    depth: int
    entries: list[ListEntry] = field(default_factory=list)
    # How its numbers are written (``document.model.NUMBERINGS``): "b." is not "2.".
    numbering: str = "decimal"
    # The source's bullet or delimiter (``ListItem.marker``): another one is another list.
    marker: str = ""
    # Whether the source's list is loose, where this is the translation's with fewer items
    # (``omitted_items``): the items it keeps are spaced as the source spaces them, also
    # where only an item the translation leaves out held a paragraph after its first.
    source_loose: bool = False

    @property
    def loose(self) -> bool:
        """Whether an item of it holds a paragraph after its first (``ListEntry.loose``), or
        the source's list did (``source_loose``): CommonMark then reads the whole list as
        loose, each item's text a paragraph."""
        return self.source_loose or any(entry.loose for entry in self.entries)

    @property
    def start(self) -> int:
        """The first item's number: an HTML ``<ol start>``, Word's restart value."""
        first = self.entries[0].number if self.entries else None
        return first if first is not None else 1


@dataclass
class TablePart:
    """A table: ``rows[r][c]`` is what cell ``(r, c)`` holds, empty where the source's cell
    is (a table's meaning is in its grid, so empty cells keep their place)."""

    rows: list[list[list[CellPart]]]
    # Its number in the document (``TableCell.table``).
    table: int = 0
    # A Markdown source's delimiter row, each column's cell as written ("---:"): a Markdown
    # edition prints it so, the others align the column as it says. () for other sources.
    delimiters: tuple[str, ...] = ()

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def alignment(self, column: int) -> str | None:
        """How the source aligns ``column`` (GFM: a colon on the side it is aligned to, on
        both for the centre): "left", "center", "right", or None where it does not say."""
        written = self.delimiters[column].strip() if column < len(self.delimiters) else ""
        left, right = written.startswith(":"), written.endswith(":")
        if left and right:
            return "center"
        if left or right:
            return "left" if left else "right"
        return None


@dataclass
class QuotePart:
    """A block quote: what it quotes, in order, the quotes nested in it among them."""

    # How many quotes it stands in, itself counted: 1 for "> ", 2 for a quote inside one.
    depth: int
    parts: list[Part] = field(default_factory=list)


@dataclass
class DefinitionsPart:
    """Link reference definitions one after another, to print as written."""

    definitions: list[LinkDefinition]


# A cell holds paragraphs and lists; a table inside a cell is read into the cell's paragraphs.
CellPart: TypeAlias = EditionBlock | ListPart
# (A string: the union names ``QuotePart``, which holds parts itself.)
Part: TypeAlias = Union[  # noqa: UP007
    EditionBlock, TablePart, ListPart, CodeBlock, DefinitionsPart, "QuotePart"
]
# What ``flat_parts`` gives: every part but a quote, which it opens.
FlatPart: TypeAlias = EditionBlock | TablePart | ListPart | CodeBlock | DefinitionsPart
# What the parts are made of: paragraphs, and the code blocks and definitions among them.
_Placed: TypeAlias = EditionBlock | LinkDefinition | CodeBlock


def edition_parts(
    blocks: Sequence[EditionBlock],
    code_blocks: Sequence[CodeBlock] = (),
    definitions: Sequence[LinkDefinition] = (),
    table_delimiters: Mapping[int, tuple[str, ...]] | None = None,
) -> list[Part]:
    """``blocks`` with each run of one table's cells made a table and each run of list
    items a list (or several, where the kind changes at the top depth), and each of
    ``code_blocks`` and ``definitions`` put back after the paragraphs it followed; each
    table with its delimiter row from ``table_delimiters`` (``Edition.table_delimiters``)."""
    between = _in_source_order(code_blocks, definitions)
    next_item = 0
    placed: list[_Placed] = []
    for block in blocks:
        paragraph = block.segments[0].segment.paragraph
        while next_item < len(between) and between[next_item].after_paragraph < paragraph:
            placed.append(between[next_item])
            next_item += 1
        placed.append(block)
    placed.extend(between[next_item:])
    parts = _grouped(placed)
    if table_delimiters:
        for part in nested_parts(parts):
            if isinstance(part, TablePart):
                part.delimiters = table_delimiters.get(part.table, ())
                # Columns empty to the end hold no segment to place, so no cell: the
                # delimiter row counts them, and the table keeps its width.
                for row in part.rows:
                    row.extend([] for _ in range(len(part.delimiters) - len(row)))
    return parts


def item_definitions(definitions: Sequence[LinkDefinition]) -> list[LinkDefinition]:
    """The definitions that open a list item (``LinkDefinition.opens_item``): what an
    edition that prints no definition still asks ``edition_parts`` for, or an item that
    holds nothing else is no item, and the list is cut in two where it stood (one less
    item, or numbered one less after it)."""
    return [definition for definition in definitions if definition.opens_item is not None]


def _in_source_order(
    code_blocks: Sequence[CodeBlock], definitions: Sequence[LinkDefinition]
) -> list[CodeBlock | LinkDefinition]:
    """The code blocks and definitions as the source has them: by the paragraphs before
    each, and a definition before the code blocks it came before."""
    keyed: list[tuple[tuple[int, int, int], CodeBlock | LinkDefinition]] = [
        ((code.after_paragraph, index, 1), code) for index, code in enumerate(code_blocks)
    ]
    keyed += [
        ((definition.after_paragraph, definition.code_blocks_before, 0), definition)
        for definition in definitions
    ]
    return [item for _, item in sorted(keyed, key=lambda pair: pair[0])]


def flat_parts(parts: Sequence[Part], depth: int = 0) -> list[tuple[FlatPart, int]]:
    """``parts`` with each quote opened: every part it holds, with the number of quotes
    it stands in. A bilingual row holds one paragraph (table, list) beside its
    translation, each quoted, where a whole quotation would leave its translation pages
    behind."""
    flat: list[tuple[FlatPart, int]] = []
    for part in parts:
        if isinstance(part, QuotePart):
            flat.extend(flat_parts(part.parts, part.depth))
        else:
            flat.append((part, depth))
    return flat


def nested_parts(parts: Sequence[Part]) -> Iterator[Part]:
    """Every part of ``parts`` and every part inside them: a quote's, and those a list
    item holds (a format's style sheet needs to know whether any is a table or code)."""
    for part in parts:
        yield part
        if isinstance(part, QuotePart):
            yield from nested_parts(part.parts)
        elif isinstance(part, ListPart):
            for entry in part.entries:
                yield from nested_parts(entry.children)


def quote_breaks(parts: Sequence[Part]) -> set[int]:
    """The places in ``flat_parts(parts)`` where a quote begins right after another one
    ("> a", a blank line, "> b"): a format that quotes each paragraph on its own (Word's
    "Quote" style) sets the two apart there, or they read as one quotation."""
    breaks: set[int] = set()

    def walk(parts: Sequence[Part], position: int) -> int:
        after_quote = False
        for part in parts:
            if isinstance(part, QuotePart):
                if after_quote:
                    breaks.add(position)
                position = walk(part.parts, position)
                after_quote = True
            else:
                position += 1
                after_quote = False
        return position

    walk(parts, 0)
    return breaks


def _quote_of(item: _Placed, depth: int) -> BlockQuote | None:
    """The quote ``item`` stands in one deeper than ``depth``; None where nothing says
    which (then every item at that depth is in the same one)."""
    return item.quotes[depth] if len(item.quotes) > depth else None


def _quote_end(blocks: Sequence[_Placed], index: int, depth: int) -> int:
    """Where the quote that ``blocks[index]`` stands in, one deeper than ``depth``, ends:
    at the first block that stands in another quote, or in none that deep."""
    quote = _quote_of(blocks[index], depth)
    end = index + 1
    while (
        end < len(blocks)
        and blocks[end].quote_depth > depth
        and _quote_of(blocks[end], depth) == quote
    ):
        end += 1
    return end


def _grouped(blocks: Sequence[_Placed], depth: int = 0) -> list[Part]:
    """``edition_parts`` of blocks, definitions and code blocks standing in ``depth``
    quotes: a run of them in one quote deeper is a quote."""
    parts: list[Part] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = index + 1
        if block.quote_depth > depth:
            end = _quote_end(blocks, index, depth)
            parts.append(QuotePart(depth + 1, _grouped(blocks[index:end], depth + 1)))
        elif isinstance(block, CodeBlock):
            # (It ends the table or list before it, as ``_table_of`` and
            # ``_continues_list`` find.)
            parts.append(block)
        elif _opens_entry(block, depth):
            while end < len(blocks) and _continues_list(blocks[end], depth):
                end += 1
            parts.extend(_lists(blocks[index:end], depth))
        elif isinstance(block, LinkDefinition):
            definitions = [block]
            while end < len(blocks) and isinstance(following := blocks[end], LinkDefinition):
                if (
                    following.quote_depth != depth
                    or following.item_depth != block.item_depth
                    or following.opens_item is not None
                ):
                    break
                definitions.append(following)
                end += 1
            parts.append(DefinitionsPart(definitions))
        elif block.cell is not None:
            table = block.cell.table
            while end < len(blocks) and _table_of(blocks[end]) == table:
                end += 1
            parts.append(_table(_paragraphs(blocks[index:end])))
        elif block.list_item is not None:
            while end < len(blocks) and _continues_list(blocks[end], depth):
                end += 1
            parts.extend(_lists(blocks[index:end], depth))
        else:
            parts.append(block)
        index = end
    return parts


def _paragraphs(run: Sequence[_Placed]) -> list[EditionBlock]:
    """The blocks of a run that ``_grouped`` found to hold no definition or code."""
    return [block for block in run if isinstance(block, EditionBlock)]


def _continues_list(block: _Placed, depth: int) -> bool:
    """Whether ``block`` goes on with a list standing in ``depth`` quotes: as its item (or
    a definition opening one), or as something written in an item's text (a quote, a
    paragraph after its first, code)."""
    return (
        (_is_item(block, depth) and _table_of(block) is None)
        or _opens_entry(block, depth)
        or _held_by(block, depth) > 0
    )


def _opens_entry(block: _Placed, depth: int) -> bool:
    """Whether ``block`` is a definition that opens a list item standing in ``depth``
    quotes (``LinkDefinition.opens_item``): it is that item's entry's, or makes the
    entry of an item that holds no paragraph."""
    return (
        isinstance(block, LinkDefinition)
        and block.opens_item is not None
        and block.quote_depth == depth
    )


def _is_item(block: _Placed, depth: int) -> bool:
    """Whether ``block`` is a list item's first paragraph, standing in ``depth`` quotes
    (an item of a list in a quote deeper is that quote's)."""
    return (
        isinstance(block, EditionBlock)
        and block.list_item is not None
        and block.quote_depth == depth
    )


def _held_by(block: _Placed, depth: int) -> int:
    """The depth of the list item whose text holds ``block`` (no item itself), standing in
    ``depth`` quotes; 0 for none. A block in a quote one deeper is held where that quote
    is."""
    if block.quote_depth > depth:
        quote = _quote_of(block, depth)
        return quote.item_depth if quote is not None else 0
    if _is_item(block, depth) or _opens_entry(block, depth):
        return 0
    return block.item_depth


def _table_of(block: _Placed) -> int | None:
    if not isinstance(block, EditionBlock) or block.cell is None:
        return None
    return block.cell.table


def _table(blocks: Sequence[EditionBlock]) -> TablePart:
    cells: dict[tuple[int, int], list[EditionBlock]] = {}
    for block in blocks:
        assert block.cell is not None
        cells.setdefault((block.cell.row, block.cell.column), []).append(block)
    row_count = max(row for row, _ in cells) + 1
    column_count = max(column for _, column in cells) + 1
    return TablePart(
        rows=[
            [_cell_parts(cells.get((row, column), [])) for column in range(column_count)]
            for row in range(row_count)
        ],
        table=blocks[0].cell.table if blocks[0].cell is not None else 0,
    )


def _cell_parts(blocks: list[EditionBlock]) -> list[CellPart]:
    """A cell's paragraphs, its list items (a Word cell may hold a list) made lists."""
    parts: list[CellPart] = []
    index = 0
    while index < len(blocks):
        end = index + 1
        if blocks[index].list_item is None:
            parts.append(blocks[index])
        else:
            while end < len(blocks) and blocks[end].list_item is not None:
                end += 1
            parts.extend(_lists(blocks[index:end]))
        index = end
    return parts


def _lists(blocks: Sequence[_Placed], depth: int = 0) -> list[ListPart]:
    """Consecutive list items as lists, nested by depth, standing in ``depth`` quotes.

    An item deeper than the one before it opens a list inside that one (however many levels
    deeper: the source skipped levels, the edition nests once); a shallower one goes back to
    the list open at its depth; a change of kind at a depth starts a new list there, as
    does a change of marker (in CommonMark "- a" then "* b" are two lists). What an item's
    text holds among the items (``_continues_list``: a quote, a later paragraph, code)
    goes to the last item at the depth it is held at, and the list goes on after it. A
    definition that opens an item (``LinkDefinition.opens_item``) is its entry's; the one
    on the marker line of an item that holds no paragraph makes an entry without one.
    """
    top: list[ListPart] = []
    open_lists: list[ListPart] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, LinkDefinition) and _opens_entry(block, depth):
            assert block.opens_item is not None
            index += 1
            owner = _opened_entry(open_lists, block)
            if owner is not None:
                owner.definitions.append(block)
                continue
            item, entry = block.opens_item, ListEntry(block=None, number=None, definitions=[block])
        elif (
            not isinstance(block, EditionBlock)
            or block.list_item is None
            or block.quote_depth != depth
        ):
            held = _held_by(block, depth)
            end = index + 1
            while (
                end < len(blocks)
                and not _is_item(blocks[end], depth)
                and not _opens_entry(blocks[end], depth)
                and _held_by(blocks[end], depth) == held
            ):
                end += 1
            assert open_lists, "a block held by a list item comes after that item"
            while len(open_lists) > 1 and open_lists[-1].depth > held:
                open_lists.pop()
            # (None of the run is an item here: ``_grouped`` makes its quotes, tables and
            # code what they are anywhere else.)
            open_lists[-1].entries[-1].children.extend(_grouped(blocks[index:end], depth))
            index = end
            continue
        else:
            index += 1
            item, entry = block.list_item, ListEntry(block=block, number=None)
        while open_lists and open_lists[-1].depth > item.depth:
            open_lists.pop()
        current = open_lists[-1] if open_lists else None
        if (
            current is None
            or current.depth < item.depth
            or (current.ordered, current.numbering, current.marker)
            != (item.ordered, _numbering(item), item.marker)
        ):
            if current is not None and current.depth >= item.depth:
                open_lists.pop()  # the same depth, another kind: a sibling list
            current = ListPart(
                ordered=item.ordered,
                depth=item.depth,
                numbering=_numbering(item),
                marker=item.marker,
            )
            parent = open_lists[-1] if open_lists else None
            if parent is not None and parent.entries:
                parent.entries[-1].children.append(current)
            else:
                top.append(current)
            open_lists.append(current)
        number = None
        if item.ordered and current.entries:
            # As CommonMark and Word count: on from the list's first number, whatever the
            # later items say ("1." for every item is common in Markdown).
            number = current.start + len(current.entries)
        elif item.ordered:
            number = item.number if item.number is not None else 1
        entry.number = number
        current.entries.append(entry)
    return top


def _opened_entry(open_lists: Sequence[ListPart], definition: LinkDefinition) -> ListEntry | None:
    """The entry ``definition`` opens along with what came before it: the item's first
    paragraph (read before its definitions), or the definition on its marker line. None
    for the one on the marker line of an item that holds no paragraph, which makes the
    entry."""
    item = definition.opens_item
    assert item is not None
    if definition.marker_line and definition.item_depth < item.depth:
        return None
    for part in reversed(open_lists):
        if part.depth <= item.depth:
            return part.entries[-1] if part.entries else None
    return None


def _numbering(item: ListItem) -> str:
    return item.numbering if item.ordered else "decimal"


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def number_label(number: int, numbering: str) -> str:
    """``number`` as the list writes it: 2 is "b" in a lettered list, "ii" in a roman one.

    Letters go on as Word counts them (z, aa, bb …); a number a numbering cannot write
    (0 in letters or roman numerals) is written in digits.
    """
    if number < 1 or numbering not in NUMBERINGS[1:]:
        return str(number)
    if numbering in ("lowerLetter", "upperLetter"):
        label = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
    else:
        label = ""
        rest = number
        for value, letters in _ROMAN:
            count, rest = divmod(rest, value)
            label += letters * count
    return label.upper() if numbering.startswith("upper") else label
