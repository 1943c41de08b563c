"""The translation model: one segment's translation (``TranslationUnit``) and where it stands.

A unit knows nothing of files: :mod:`termwise.project.translation_file` holds a document's
units, :mod:`termwise.project.po_format` maps them onto PO entries, and
:mod:`termwise.project.store` writes them safely.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from termwise.project.translation_file import TranslationFile


class SegmentState(str, Enum):
    """Where a segment's translation stands, as the PO file shows it."""

    NEW = "new"
    MT = "mt"
    EDITED = "edited"
    REVIEWED = "reviewed"


# The states machine translation may fill: what a person wrote is never replaced.
MT_MAY_FILL = frozenset({SegmentState.NEW, SegmentState.MT})

# A segment that is not for translation (XLIFF ``translate="no"``): its text stays as it is,
# and machine translation leaves it alone. Weblate's name for the flag (``#, read-only``).
READ_ONLY_FLAG = "read-only"
# The comment on a segment an imported file marks not for translation: a PO editor that
# knows no read-only flag (Poedit) shows it to the translator.
NOT_FOR_TRANSLATION = 'Not for translation (translate="no"'
# How both read-only comments end: a comment that ends so is whole (``po_format``'s
# rejoining of wrapped comments stops there; another tool's own words may follow).
READ_ONLY_END = "): keep the text as it is"
NOT_FOR_TRANSLATION_COMMENT = NOT_FOR_TRANSLATION + " in {origin}" + READ_ONLY_END
# The comment on a segment another tool locked (memoQ, Trados Studio).
LOCKED = "Locked ("
LOCKED_COMMENT = LOCKED + "{how} in {origin}" + READ_ONLY_END
READ_ONLY_COMMENTS = (NOT_FOR_TRANSLATION, LOCKED)

# A source reference (gettext's ``#: file:line``): the file and the line, if it gives one.
Location = tuple[str, int | None]


@dataclass(slots=True)
class TranslationUnit:
    """One segment's translation, its machine translation and the translator's notes."""

    segment_id: str
    source: str
    target: str = ""
    state: SegmentState = SegmentState.NEW
    mt: str | None = None
    mt_engine: str | None = None
    mt_model: str | None = None
    notes: str = ""
    # The source this translation was made for, when it was carried over from a changed
    # sentence (written as gettext's ``#| msgid`` so Poedit shows the difference).
    previous_source: str | None = None
    flags: frozenset[str] = frozenset()
    # Extracted comments from other tools (``#. ...``), kept so a save does not drop them.
    comments: tuple[str, ...] = ()
    # A gettext plural entry, kept whole: the plural source (``msgid_plural``), every
    # ``msgstr[i]`` as the file holds them, and which of them translates the singular
    # source (``target`` is that form; the file's Plural-Forms says which index n=1 takes:
    # 0 in most languages, 1 in Arabic, whose form 0 is for zero).
    plural_source: str | None = None
    plural_forms: tuple[str, ...] = ()
    plural_index: int = 0
    # Source references (``#: src/main.c:42``) of a PO entry another tool wrote, kept so that
    # the file termwise writes still has them.
    locations: tuple[Location, ...] = ()
    # The msgctxt the previous source had (gettext's ``#| msgctxt``, written by ``msgmerge
    # --previous`` for a match found under another context); it belongs to that source, so
    # it goes when ``previous_source`` changes (see ``__setattr__``).
    previous_context: str | None = None
    # The plural source the previous source had (gettext's ``#| msgid_plural``, which
    # ``msgmerge --previous`` writes for a plural entry); it goes with ``previous_source``.
    previous_plural_source: str | None = None
    # ``key()`` cached. Slots rather than a __dict__ per unit: a book holds 50,000 units,
    # and a dict of a dozen fields costs several times the fields themselves.
    _key: tuple[object, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def __setattr__(self, name: str, value: object) -> None:
        # Any change forgets the cached key, so a save formats this entry again (and only
        # the entries that changed: a book has 50,000 of them and autosave runs often).
        if name == "previous_source" and value != getattr(self, "previous_source", None):
            object.__setattr__(self, "previous_context", None)
            object.__setattr__(self, "previous_plural_source", None)
        object.__setattr__(self, name, value)
        object.__setattr__(self, "_key", None)

    def key(self) -> tuple[object, ...]:
        """Everything written to the file for this unit; equal keys mean equal entries."""
        cached = self._key
        if cached is None:
            cached = _unit_key(self)
            object.__setattr__(self, "_key", cached)
        return cached

    @classmethod
    def from_key(cls, key: tuple[object, ...]) -> TranslationUnit:
        """A unit from its key (a parse cache row), without the cost of ``__init__``."""
        unit = cls.__new__(cls)
        set_field = object.__setattr__
        for name, value in zip(KEY_FIELDS, key, strict=True):
            set_field(unit, name, value)
        set_field(unit, "_key", key)
        return unit

    @property
    def fuzzy(self) -> bool:
        has_text = bool(self.target) or any(self.plural_forms)
        return self.state in (SegmentState.MT, SegmentState.EDITED) and has_text

    def set_translation(self, text: str, *, reviewed: bool = False) -> None:
        """A person typed ``text``: edited (still fuzzy) or, with ``reviewed``, done."""
        self.target = text
        if not text:
            self.state = SegmentState.NEW
        elif reviewed:
            self.state = SegmentState.REVIEWED
        elif self.mt is not None and same_text(text, self.mt):
            self.state = SegmentState.MT
        else:
            self.state = SegmentState.EDITED

    def mark_reviewed(self) -> None:
        if self.target:
            self.state = SegmentState.REVIEWED
            self.previous_source = None

    @property
    def is_plural(self) -> bool:
        return self.plural_source is not None

    def all_forms(self, count: int | None = None) -> tuple[str, ...]:
        """Every plural form, ``target`` in its place; padded with empty forms to ``count``."""
        forms = list(self.plural_forms)
        size = max(len(forms), self.plural_index + 1, count or 0)
        forms += [""] * (size - len(forms))
        forms[self.plural_index] = self.target
        return tuple(forms)

    def has_work(self) -> bool:
        """Whether losing this unit would lose something a person or an engine produced."""
        return bool(self.target or self.notes or self.mt or any(self.plural_forms))


KEY_FIELDS = (
    "segment_id",
    "source",
    "target",
    "state",
    "mt",
    "mt_engine",
    "mt_model",
    "notes",
    "previous_source",
    "flags",
    "comments",
    "plural_source",
    "plural_forms",
    "plural_index",
    "locations",
    "previous_context",
    "previous_plural_source",
)


def _unit_key(unit: TranslationUnit) -> tuple[object, ...]:
    return (
        unit.segment_id,
        unit.source,
        unit.target,
        unit.state,
        unit.mt,
        unit.mt_engine,
        unit.mt_model,
        unit.notes,
        unit.previous_source,
        unit.flags,
        unit.comments,
        unit.plural_source,
        unit.plural_forms,
        unit.plural_index,
        unit.locations,
        unit.previous_context,
        unit.previous_plural_source,
    )


def same_text(a: str, b: str) -> bool:
    """Equal but for the kind and length of the space between words: how a re-wrapped MT
    comment or note still matches. A space taken out or put in counts: with every space
    ignored, "Es nuestro gol." typed over the MT's "Es nuestro gol ." stayed MT."""
    return a.split() == b.split()


def iter_units(tfile: TranslationFile, states: Iterable[SegmentState]) -> Iterator[TranslationUnit]:
    wanted = set(states)
    return (unit for unit in tfile.units.values() if unit.state in wanted)


def describe(unit: TranslationUnit) -> dict[str, Any]:
    """A plain dict of a unit (CSV export, JSON output)."""
    return {
        "id": unit.segment_id,
        "source": unit.source,
        "target": unit.target,
        "state": unit.state.value,
        "mt": unit.mt or "",
        "mt_engine": unit.mt_engine or "",
        "mt_model": unit.mt_model or "",
        "notes": unit.notes,
    }
