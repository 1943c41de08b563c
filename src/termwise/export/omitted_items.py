"""The translation's side of an edition's lists: without the items it leaves out whole.

A list item every sentence of which the translation leaves out by decision (the translator
confirmed the omission, or its translation waits in the part before: ``confirmed_omission``,
``EditionBlock.left_out``) is no item of the translation's list. Printed empty, it was a
bare "-" in a Markdown edition, which CommonMark reads under the line of text before it as
a heading's underline (the parent item's text became an ``<h2>``), and an empty bullet or
number everywhere else. The source's list keeps the item; the translation's has one item
fewer, numbered on from the list's first number without a gap (CommonMark and HTML number a
list from its first item's number, Word counts its paragraphs): a reader of the translation
sees a list that counts as lists count, the one its translator wrote. It is spaced as the
source's list (``ListPart.source_loose``): where only a left-out item held a paragraph after
its first, which made the source's list loose (each item's text a paragraph, set apart),
the items kept stay so, as they do where a kept item's later paragraph is left out; printed
tight, the translation's list looked unlike the source's beside it.

What a left-out item holds goes with it unless it holds a sentence of the translation's
(one translated, or one still waiting for its translation): a later paragraph, a nested
list with such an item (after its own left-out items went), a quote or a table holding
one. What holds no sentence at all is part of the item's content, which no translator
could leave out as a segment and which means nothing without the item's text: code, raw
HTML, an HTML comment, link definitions, a table of left-out cells. Kept, code whose
step the translation leaves out read as a step of its own ("1. torque 250" before the
steps the translator wrote), and the list counted an item more than the translation has.
Where an item holds a sentence of the translation's, the item keeps its place, empty, and
what it holds stays under it, one level in as in the source, its code among it: lifted a
level, a nested item would join its parent's list and read as its sibling, and hung under
the item before, it would read as that item's. Every edition begins what such an item
holds on its marker's line, never after a bare marker: a Markdown and a text edition
write "- - nested item", a Word edition puts it on the item's numbered paragraph.

A link reference definition is the document's, not its item's (CommonMark resolves a
"[text][label]" anywhere by it): the definitions of an item that goes are printed after
its list, out of every list it stands in (in a parent item, after the blank line a
definition needs, they made a tight list loose), where ``translation_parts`` gives them
(a Markdown edition prints them; the other editions resolve links by the document's
definitions and print none). Gone with their item, a translated "[the flour][ref]" before the list or in
another item printed as the literal brackets. A definition whose label a later item of the
list defines as well goes before the list instead: the first definition of a label is the
one that counts, and it stays first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import overload

from termwise.document.markdown_comments import normalize_label
from termwise.document.model import LinkDefinition
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
    translation leaves out whole, and a list left with no item no list; the link
    definitions of the items that went beside their list (see the module's docstring)."""
    kept: list[Part] = []
    for part in parts:
        if not isinstance(part, ListPart):
            kept.append(translation_part(part))
            continue
        shown, before, after = _translation_list_and_definitions(part)
        if before:
            kept.append(DefinitionsPart(before))
        if shown.entries:
            kept.append(shown)
        if after:
            kept.append(DefinitionsPart(after))
    return kept


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
        return replace(part, rows=[[_translation_cell(cell) for cell in row] for row in part.rows])
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
    """``part`` without the items the translation leaves out whole; their definitions go
    (where only a list, no run of parts, is given back, no edition prints them)."""
    return _translation_list_and_definitions(part)[0]


def _translation_list_and_definitions(
    part: ListPart,
) -> tuple[ListPart, list[LinkDefinition], list[LinkDefinition]]:
    """``part`` without the items the translation leaves out whole, with the link
    definitions those items held, at any depth in it: the ones to print before the list
    (a later item defines their label too) and the ones to print after it."""
    # Every definition in the list, in order, and whether it is printed in place: which
    # label comes first.
    held: list[tuple[LinkDefinition, bool]] = []
    shown = _kept_list(part, held)
    before: list[LinkDefinition] = []
    after: list[LinkDefinition] = []
    for index, (definition, printed) in enumerate(held):
        if printed:
            continue
        label = normalize_label(definition.label)
        ahead = label in _printed_labels(held[index + 1 :]) and label not in _printed_labels(
            held[:index]
        )
        (before if ahead else after).append(definition)
    return shown, before, after


def _kept_list(part: ListPart, held: list[tuple[LinkDefinition, bool]]) -> ListPart:
    """``part`` without the items the translation leaves out whole; each definition in it
    goes into ``held``, in order, marked printed or not. A left-out item's definitions
    leave every list, a nested one's too: printed beside a nested list, at its level,
    they stood in the parent item after a blank line, which made a tight list loose."""
    entries: list[ListEntry] = []
    for entry in part.entries:
        # (The definitions that open it first, as the source has them.)
        inside: list[tuple[LinkDefinition, bool]] = [
            (definition, True) for definition in entry.definitions
        ]
        children = _kept_children(entry.children, inside)
        # An item that holds no paragraph, only definitions, is no translator's to leave
        # out: it stays, as in the source.
        left_out = entry.block is not None and entry.block.left_out
        if left_out and not any(_holds_translation(child) for child in children):
            held.extend((definition, False) for definition, _ in inside)
            continue
        held.extend(inside)
        number = None if entry.number is None else part.start + len(entries)
        entries.append(replace(entry, number=number, children=children))
    return replace(part, entries=entries, source_loose=part.loose)


def _kept_children(parts: Sequence[Part], held: list[tuple[LinkDefinition, bool]]) -> list[Part]:
    """What an item holds as the translation's side prints it, its definitions (in
    quotes too) in ``held`` as printed, a nested list's as ``_kept_list`` reads them."""
    kept: list[Part] = []
    for part in parts:
        if isinstance(part, ListPart):
            shown = _kept_list(part, held)
            if shown.entries:
                kept.append(shown)
            continue
        part = translation_part(part)
        held.extend((definition, True) for definition in _definitions([part]))
        kept.append(part)
    return kept


def _printed_labels(held: Sequence[tuple[LinkDefinition, bool]]) -> set[str]:
    """The labels of the definitions in ``held`` that are printed."""
    return {normalize_label(definition.label) for definition, printed in held if printed}


def _definitions(parts: Sequence[Part]) -> list[LinkDefinition]:
    """The link definitions in ``parts``, in order, in quotes and nested lists as well (a
    table holds none)."""
    found: list[LinkDefinition] = []
    for part in parts:
        if isinstance(part, DefinitionsPart):
            found.extend(part.definitions)
        elif isinstance(part, QuotePart):
            found.extend(_definitions(part.parts))
        elif isinstance(part, ListPart):
            for entry in part.entries:
                found.extend(entry.definitions)
                found.extend(_definitions(entry.children))
    return found


def _holds_translation(part: Part) -> bool:
    """Whether ``part`` (after ``translation_part``) holds a sentence of the translation's,
    which keeps the item that holds it (see the module's docstring): code, raw HTML,
    comments and link definitions hold none."""
    if isinstance(part, EditionBlock):
        return not part.left_out
    if isinstance(part, ListPart):
        return bool(part.entries)
    if isinstance(part, QuotePart):
        return any(_holds_translation(inner) for inner in part.parts)
    if isinstance(part, TablePart):
        return any(_holds_translation(inner) for row in part.rows for cell in row for inner in cell)
    return False
