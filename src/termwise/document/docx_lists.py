"""Word's list numbering: which paragraphs of a .docx are list items, and what marker each has.

A list paragraph carries ``w:numPr`` (a numbering instance and a level in it), itself or
through its style ("List Number" has one); ``word/numbering.xml`` says what each level of
each instance shows: a bullet, a number (decimal, letters, roman numerals …) or nothing.
Numbers are counted as Word counts them, so that an edition can start a list where the
source does: per abstract numbering and level, a deeper level starting afresh after a
shallower item, and a ``w:startOverride`` restarting its instance. Anything this does not
understand is a bullet, never an invented number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from termwise.document.model import NUMBERINGS, ListItem

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# "List Bullet 2", "List Number 3": python-docx's and Word's styles for nested lists, whose
# numbering is one level of a numbering of its own (ilvl 0), the depth only in the name.
_NESTED_LIST_STYLE = re.compile(r"list (?:bullet|number) (\d)\Z")


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _val(element: Any, path: str) -> str | None:
    """The ``w:val`` of the element at ``path`` (names without prefix, ``/`` between)."""
    found = element.find("/".join(_w(name) for name in path.split("/")))
    return None if found is None else found.get(_w("val"))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass
class _StyleNumbering:
    """The numbering a paragraph style gives its paragraphs, and the depth its name says."""

    num_id: str | None
    level: int | None
    depth: int


@dataclass
class ListNumbering:
    """The numbering definitions of one document, and the counters as its paragraphs are
    read in order."""

    # numId -> abstractNumId
    abstract_of: dict[str, str] = field(default_factory=dict)
    # (abstractNumId, ilvl) -> (numFmt, start, the delimiter its w:lvlText writes)
    levels: dict[tuple[str, int], tuple[str, int, str]] = field(default_factory=dict)
    # numId -> {ilvl: start}: where an instance restarts its levels
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    # (numId, ilvl) -> (numFmt, start, delimiter): a level an instance defines anew
    # (w:lvlOverride/w:lvl)
    level_overrides: dict[tuple[str, int], tuple[str, int, str]] = field(default_factory=dict)
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)
    _styles: dict[str | None, _StyleNumbering] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> ListNumbering:
        """The numbering of a python-docx ``Document`` (none when it has no numbering part)."""
        numbering = cls()
        root = _numbering_root(document)
        if root is None:
            return numbering
        linked: dict[str, str] = {}  # abstractNumId -> the numbering style it takes its levels from
        for abstract in root.iterchildren(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"))
            if abstract_id is None:
                continue
            for level in abstract.iterchildren(_w("lvl")):
                ilvl = _int(level.get(_w("ilvl")))
                if ilvl is not None:
                    numbering.levels[abstract_id, ilvl] = _level(level)
            style_link = _val(abstract, "numStyleLink")
            if style_link is not None:
                linked[abstract_id] = style_link
        for num in root.iterchildren(_w("num")):
            num_id = num.get(_w("numId"))
            abstract_id = _val(num, "abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            numbering.abstract_of[num_id] = abstract_id
            for override in num.iterchildren(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")))
                start = _int(_val(override, "startOverride"))
                if ilvl is not None and start is not None:
                    numbering.overrides.setdefault(num_id, {})[ilvl] = start
                level = override.find(_w("lvl"))
                if ilvl is not None and level is not None:
                    numbering.level_overrides[num_id, ilvl] = _level(level)
        numbering._follow_style_links(document, linked)
        return numbering

    def _follow_style_links(self, document: Any, linked: dict[str, str]) -> None:
        """An abstract numbering that only names a numbering style (``w:numStyleLink``) takes
        its levels from the numbering that style's own ``w:numPr`` names."""
        for abstract_id, style_id in linked.items():
            if any(key[0] == abstract_id for key in self.levels):
                continue
            style = document.styles.element.get_by_id(style_id)
            num_id = None if style is None else _val(style, "pPr/numPr/numId")
            target = self.abstract_of.get(num_id) if num_id is not None else None
            if target is None or target == abstract_id:
                continue
            for (owner, ilvl), level in list(self.levels.items()):
                if owner == target:
                    self.levels[abstract_id, ilvl] = level

    def list_item(self, element: Any, paragraph: Any) -> ListItem | None:
        """The list item the ``w:p`` ``element`` (python-docx's ``paragraph``) is, counted in
        document order; None for a paragraph Word shows without a marker."""
        properties = element.find(_w("pPr"))
        num_id = ilvl = None
        style_id = None
        if properties is not None:
            num_id = _val(properties, "numPr/numId")
            ilvl = _int(_val(properties, "numPr/ilvl"))
            style_id = _val(properties, "pStyle")
        style = self._style_numbering(style_id, paragraph)
        if num_id is None:
            num_id = style.num_id
        if ilvl is None:
            ilvl = style.level or 0
        # numId 0 takes away the numbering a style gives.
        if num_id is None or num_id == "0":
            return None
        ilvl = min(max(ilvl, 0), 8)
        abstract_id = self.abstract_of.get(num_id)
        fmt, start, delimiter = ("bullet", 1, "")
        if (num_id, ilvl) in self.level_overrides:
            fmt, start, delimiter = self.level_overrides[num_id, ilvl]
        elif abstract_id is not None:
            fmt, start, delimiter = self.levels.get((abstract_id, ilvl), ("bullet", 1, ""))
        if fmt == "none":
            return None
        number = self._count(num_id, abstract_id, ilvl, start)
        ordered = fmt != "bullet"
        return ListItem(
            ordered=ordered,
            number=number if ordered else None,
            depth=max(ilvl + 1, style.depth),
            numbering=fmt if ordered and fmt in NUMBERINGS else "decimal",
            marker=delimiter if ordered else "",
        )

    def _style_numbering(self, style_id: str | None, paragraph: Any) -> _StyleNumbering:
        """The numbering the paragraph's style (or a style it is based on) gives, looked up
        once per style: a book has tens of thousands of paragraphs and a few styles."""
        known = self._styles.get(style_id)
        if known is not None:
            return known
        found = _StyleNumbering(None, None, 1)
        style = paragraph.style
        if style is not None:
            match = _NESTED_LIST_STYLE.match((style.name or "").lower())
            if match:
                found.depth = int(match.group(1))
        while style is not None and found.num_id is None:
            properties = style.element.find(_w("pPr"))
            if properties is not None:
                found.num_id = _val(properties, "numPr/numId")
                if found.level is None:
                    found.level = _int(_val(properties, "numPr/ilvl"))
            style = style.base_style
        self._styles[style_id] = found
        return found

    def _count(self, num_id: str, abstract_id: str | None, ilvl: int, start: int) -> int:
        """The number Word shows at level ``ilvl`` of instance ``num_id`` now."""
        counters = self._counters.setdefault(abstract_id or f"num {num_id}", {})
        restarts = self.overrides.get(num_id, {})
        if num_id not in self._seen:
            self._seen.add(num_id)
            # An instance that overrides a level's start restarts that level.
            for level in restarts:
                counters.pop(level, None)
        # An item ends the lists below its level: the next deeper one starts afresh.
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = restarts.get(ilvl, start)
        return counters[ilvl]


def _level(level: Any) -> tuple[str, int, str]:
    """A ``w:lvl``'s format, start and delimiter: "%1)" writes "a)", "(%1)" "(a)", "%1."
    "a." ("" for another pattern, which editions write with a full stop)."""
    text = _val(level, "lvlText") or ""
    delimiter = ""
    if re.fullmatch(r"\(%\d\)", text):
        delimiter = "()"
    elif re.fullmatch(r"%\d[.)]", text):
        delimiter = text[-1]
    return _val(level, "numFmt") or "decimal", _int(_val(level, "start")) or 0, delimiter


def _numbering_root(document: Any) -> Any:
    """The root element of the document's numbering part, or None; python-docx's own
    ``numbering_part`` would try to make one where there is none."""
    from docx.oxml.parser import parse_xml

    for relationship in document.part.rels.values():
        if relationship.is_external or not relationship.reltype.endswith("/numbering"):
            continue
        part = relationship.target_part
        element = getattr(part, "element", None)
        # python-docx's parser: entities not resolved, nothing fetched.
        return element if element is not None else parse_xml(part.blob)
    return None
