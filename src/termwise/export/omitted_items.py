"""The translation's side of an edition's lists: without the items it leaves out whole.

A list item every sentence of which the translation leaves out by decision (the translator
confirmed the omission, or its translation waits in the part before: ``confirmed_omission``,
``EditionBlock.left_out``) is no item of the translation's list. Printed empty, it was a
bare "-" in a Markdown edition, which CommonMark reads under the line of text before it as
a heading's underline (the parent item's text became an ``<h2>``), and an empty bullet or
number everywhere else. The source's list keeps the item; the translation's has one item
fewer, numbered on from the list's first number without a gap (CommonMark and HTML number a
list from its first item's number, Word counts its paragraphs): a reader of the translation
sees a list that counts as lists count, the one its translator wrote.

What a left-out item holds goes with it where the translation shows none of it either (its
nested items left out too, an HTML comment, link definitions). Where it holds something the
translation shows (a nested item with a translation, a later paragraph, code), the item
keeps its place, empty, and what it holds stays under it, one level in as in the source:
lifted a level, a nested item would join its parent's list and read as its sibling, and
hung under the item before, it would read as that item's. A Markdown edition writes what
such an item holds from its marker on ("- - nested item"), not after a bare "-".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import overload

from termwise.document.model import CodeBlock
from termwise.export.edition import EditionBlock
from termwise.export.layout import (
    CellPart,
    DefinitionsPart,
    FlatPart,
    ListEntry,
    ListPart,
    Part,
    QuotePart,
    TablePart,
)


def translation_parts(parts: Sequence[Part]) -> list[Part]:
    """``parts`` as the translation's side prints them: each list without the items the
    translation leaves out whole, and a list left with no item no list."""
    kept = [translation_part(part) for part in parts]
    return [part for part in kept if not (isinstance(part, ListPart) and not part.entries)]


@overload
def translation_part(part: ListPart) -> ListPart: ...
@overload
def translation_part(part: TablePart) -> TablePart: ...
@overload
def translation_part(part: QuotePart) -> QuotePart: ...
@overload
def translation_part(part: FlatPart) -> FlatPart: ...
@overload
def translation_part(part: Part) -> Part: ...
def translation_part(part: Part) -> Part:
    """One part as the translation's side prints it (``translation_parts``); a list may be
    left with no item, which prints as nothing."""
    if isinstance(part, ListPart):
        return _translation_list(part)
    if isinstance(part, TablePart):
        # A cell keeps its place in the grid, but a list in it (a Word cell's) loses the
        # items as any list does.
        return TablePart(rows=[[_translation_cell(cell) for cell in row] for row in part.rows])
    if isinstance(part, QuotePart):
        return QuotePart(part.depth, translation_parts(part.parts))
    return part


def _translation_cell(parts: list[CellPart]) -> list[CellPart]:
    cell: list[CellPart] = []
    for part in parts:
        if isinstance(part, ListPart):
            part = _translation_list(part)
            if not part.entries:
                continue
        cell.append(part)
    return cell


def _translation_list(part: ListPart) -> ListPart:
    entries: list[ListEntry] = []
    for entry in part.entries:
        children = translation_parts(entry.children)
        if entry.block.left_out and not any(_shown(child) for child in children):
            continue
        number = None if entry.number is None else part.start + len(entries)
        entries.append(ListEntry(block=entry.block, number=number, children=children))
    return replace(part, entries=entries)


def _shown(part: Part) -> bool:
    """Whether the translation's side shows a reader anything of ``part`` (after
    ``translation_part``): an HTML comment and link definitions show nothing, and a table
    keeps its grid however empty its cells."""
    if isinstance(part, EditionBlock):
        return not part.left_out
    if isinstance(part, ListPart):
        return bool(part.entries)
    if isinstance(part, QuotePart):
        return any(_shown(inner) for inner in part.parts)
    if isinstance(part, CodeBlock):
        return not part.comment
    # (A table keeps its grid however empty its cells.)
    return not isinstance(part, DefinitionsPart)
