"""The PO reader and writer: termwise's units as gettext PO entries, and back.

PO is what Poedit, Lokalize, Weblate, pofilter and msgfmt already read, so a translator can
take the file anywhere. termwise maps its model onto plain PO conventions:

* ``msgctxt`` is the segment id, ``msgid`` the source, ``msgstr`` the translation;
* translator comments (``# ...``) are the translator's notes;
* extracted comments (``#. mt: ...``, ``#. mt-engine: ...``, ``#. mt-model: ...``) hold the
  machine translation, so it survives next to the human one;
* the state is read off the file, never stored beside it: an empty ``msgstr`` is *new*; a
  ``fuzzy`` ``msgstr`` equal to the MT is *mt*; any other ``fuzzy`` ``msgstr`` is *edited*;
  a ``msgstr`` without ``fuzzy`` is *reviewed*. Whatever another editor did to the file
  therefore means the same thing to termwise.

Babel writes and parses the file. Babel is lenient (it silently drops a character of a
string with a missing quote), so :func:`check_po_syntax` first checks every line strictly and
names the line and column of the first error, before anything is parsed or written.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import io
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termwise import languages
from termwise.document.markdown_comments import inline_comment_spans
from termwise.errors import InputError
from termwise.project.units import (
    READ_ONLY_COMMENTS,
    READ_ONLY_END,
    SegmentState,
    TranslationUnit,
    same_text,
)

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message
    from babel.messages.pofile import PoFileParser

    from termwise.project.translation_file import TranslationFile

MT_PREFIX = "mt: "
MT_ENGINE_PREFIX = "mt-engine: "
MT_MODEL_PREFIX = "mt-model: "
# An MT text or a note that a comment line cannot hold as it is (a TAB, spaces at a line's
# end, an empty line: Babel expands tabs and strips comment lines) is written once, quoted
# and escaped like a PO string, so that it comes back exactly.
MT_QUOTED_PREFIX = "mt-quoted: "
SOURCE_LANGUAGE_HEADER = "X-Source-Language"
# Comments are written unwrapped: Babel wraps comments at the line width and the break
# loses the exact text (``well-known`` may come back as ``well- known``), and the state
# *mt* depends on the MT comparing equal to the translation. ``msgcat --no-wrap`` does the same.
NO_WRAP = 1_000_000
# How termwise writes every file: unwrapped, with gettext's previous source (``#| msgid``).
# termwise's own entries have no source references; an entry imported from another tool's
# PO file keeps its ``#:`` lines.
WRITE_OPTIONS: dict[str, Any] = {"width": NO_WRAP, "include_previous": True}

_NEEDS_ESCAPING = re.compile(r'["\\\n\t\r]')


def escape_po(text: str) -> str:
    """A string as Babel writes it between PO quotes."""
    if _NEEDS_ESCAPING.search(text) is None:
        return text  # segment ids are hex digits: the common case needs no escaping
    from babel.messages.pofile import escape

    return escape(text)[1:-1]


def write_catalog(catalog: Catalog, *, wrap: int | None = None, **options: Any) -> bytes:
    """A Babel catalog as PO bytes; with ``wrap``, its strings wrapped at that width as
    gettext wraps them (the file's own wrapping: see ``po_wrap``)."""
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, **options)
    written = _with_previous_contexts(buffer.getvalue(), catalog, options)
    comment = getattr(catalog, "verbatim_comment", None)
    if comment is not None and not options.get("omit_header"):
        # Babel rewrites a header comment (YEAR and PACKAGE filled in, tabs expanded,
        # spaces at line ends dropped, an empty comment turned into a blank line): the
        # file's own goes back byte for byte, with the header's flag.
        flags = b"#, fuzzy\n" if catalog.fuzzy else b""
        written = comment.encode("utf-8") + flags + written[written.index(b'msgid ""\n') :]
    entry = getattr(catalog, "verbatim_entry", None)
    if wrap is None and entry is None:
        return written
    text = written.decode("utf-8")
    if wrap is not None:
        from termwise.project.po_wrap import rewrap

        text = rewrap(text, wrap)
    if entry is not None and not options.get("omit_header"):
        text = header_lines_kept(text, entry)
    return text.encode("utf-8")


def _with_previous_contexts(written: bytes, catalog: Catalog, options: dict[str, Any]) -> bytes:
    """Babel's output with each live entry's ``#| msgctxt`` (``previous_context``, see
    :func:`message_from_unit`) above its ``#| msgid``, where gettext writes it."""
    messages = [m for m in catalog if m.id]
    if all(getattr(m, "previous_context", None) is None for m in messages):
        return written
    header = b""
    if not options.get("omit_header"):
        # Babel's header comment may have empty lines in it: the header goes as it is.
        end = written.index(b"\n\n", written.index(b'msgid ""\n')) + 2
        header, written = written[:end], written[end:]
    # Each entry Babel writes ends with an empty line and has none inside (the strings are
    # unwrapped), in the catalog's order.
    blocks = written.split(b"\n\n")
    if len(blocks) < len(messages):
        raise ValueError("Babel wrote an entry with an empty line in it")
    for index, message in enumerate(messages):
        context = getattr(message, "previous_context", None)
        block = blocks[index]
        at = block.find(b"#| msgid ")
        if context is None or at < 0 or (at > 0 and block[at - 1 : at] != b"\n"):
            continue
        line = f'#| msgctxt "{escape_po(context)}"\n'.encode()
        blocks[index] = block[:at] + line + block[at:]
    return header + b"\n\n".join(blocks)


def obsolete_entries(
    tfile: TranslationFile,
    obsolete: Iterable[TranslationUnit],
    live: Collection[tuple[str, str]],
    **options: Any,
) -> bytes:
    """The obsolete entries of a file, those no live entry repeats (``live``: the live
    entries' (source, segment id)): each as the file read had it while its unit is
    unchanged (another tool's ``#~| msgctxt``, its wrapping, lines termwise does not
    model), the others as gettext writes them (:func:`write_obsolete`)."""
    pieces: list[bytes | None] = []
    changed: list[TranslationUnit] = []
    seen = set(live)
    for unit in obsolete:
        key = (unit.source, unit.segment_id)
        if key in seen:
            continue
        seen.add(key)
        as_read = tfile.obsolete_as_read.get(key)
        if as_read is not None and as_read[0] == unit.key():
            pieces.append(as_read[1].encode("utf-8") + b"\n\n")
        else:
            pieces.append(None)
            changed.append(unit)
    if not changed:
        return b"".join(piece for piece in pieces if piece is not None)
    formatted = iter(write_obsolete(obsolete_catalog(tfile, changed, ()), **options).split(b"\n\n"))
    return b"".join(piece if piece is not None else next(formatted) + b"\n\n" for piece in pieces)


def obsolete_as_written(text: str) -> dict[tuple[str, str], str]:
    """Each obsolete entry of a PO text as written, by (msgid, msgctxt); an entry that
    does not stand alone between blank lines is left out (it is formatted anew)."""
    found: dict[tuple[str, str], str] = {}
    for block in text.split("\n\n"):
        if "#~ msgid " not in block or "\r" in block:
            continue
        block = block.strip("\n")
        fields: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in block.split("\n"):
            keyword, _, rest = line.removeprefix("#~ ").partition(" ")
            if not line.startswith("#~ "):
                current = None
            elif keyword in ("msgctxt", "msgid") and keyword not in fields:
                current = fields[keyword] = [_unquote_po(rest)]
            elif line.startswith('#~ "') and current is not None:
                current.append(_unquote_po(line[3:]))
            else:
                current = None
        if block.count("#~ msgid ") == 1 and "msgid" in fields:
            key = ("".join(fields["msgid"]), "".join(fields.get("msgctxt", [])))
            found.setdefault(key, block)
    return found


def write_obsolete(catalog: Catalog, *, wrap: int | None = None, **options: Any) -> bytes:
    """The obsolete entries of ``catalog`` as gettext writes them (``msgmerge``,
    ``msgattrib --set-obsolete``): comments and flags as a live entry has them, the
    previous source as ``#~|`` lines, the entry's own lines after ``#~``.

    Babel writes an obsolete entry's translator comments and strings only: a save dropped
    its ``#, fuzzy`` (a draft came back as reviewed), its previous source and its MT.
    """
    from babel.messages.catalog import Catalog as BabelCatalog

    live = BabelCatalog(fuzzy=False, charset="utf-8")
    live._num_plurals = catalog._num_plurals
    live._plural_expr = catalog._plural_expr
    for message in catalog.obsolete.values():
        live[message.id] = message
    options = {**options, "omit_header": True, "ignore_obsolete": True}
    text = write_catalog(live, **options).decode("utf-8")
    lines = []
    for line in text.split("\n"):
        if line.startswith("#| "):
            line = "#~| " + line[3:]
        elif line.startswith(("msg", '"')):
            line = "#~ " + line
        lines.append(line)
    text = "\n".join(lines)
    if wrap is None:
        return text.encode("utf-8")
    from termwise.project.po_wrap import rewrap

    return rewrap(text, wrap).encode("utf-8")


def full_catalog(tfile: TranslationFile) -> Catalog:
    """The whole translation as one Babel catalog: header, live and obsolete entries."""
    from babel.messages.catalog import Message

    catalog = new_catalog(tfile)
    for unit in tfile.units.values():
        # The key Babel uses is (msgid, msgctxt), so two segments with the same source
        # stay two entries.
        catalog[unit.source] = message_from_unit(unit, Message)
    for unit in tfile.obsolete:
        key = (unit.source, unit.segment_id)
        if key in catalog._messages or key in catalog.obsolete:
            continue
        catalog.obsolete[key] = message_from_unit(unit, Message)
    return catalog


def obsolete_catalog(
    tfile: TranslationFile,
    obsolete: Iterable[TranslationUnit],
    live: Collection[tuple[str, str]],
) -> Catalog:
    """A catalog of the obsolete entries alone (no header), those no live entry repeats
    (``live``: the live entries' (source, segment id)); ``tfile`` gives the plural rule."""
    from babel.messages.catalog import Message

    catalog = entries_catalog(tfile)
    for unit in obsolete:
        key = (unit.source, unit.segment_id)
        if key in live or key in catalog.obsolete:
            continue
        catalog.obsolete[key] = message_from_unit(unit, Message)
    return catalog


# -- mapping between units and Babel messages ------------------------------------------


def message_from_unit(unit: TranslationUnit, message_cls: type[Message]) -> Message:
    auto_comments: list[str] = list(unit.comments)
    if unit.mt is not None and _needs_quoting(unit.mt, strips_start=False):
        auto_comments.append(MT_QUOTED_PREFIX + _quote_comment(unit.mt))
    elif unit.mt is not None:
        auto_comments.extend(MT_PREFIX + line for line in _comment_lines(unit.mt))
    # The engine and model are kept even without the MT text (another tool may drop it).
    if unit.mt_engine:
        auto_comments.append(MT_ENGINE_PREFIX + unit.mt_engine)
    if unit.mt_model:
        auto_comments.append(MT_MODEL_PREFIX + unit.mt_model)
    if _needs_quoting(unit.notes, strips_start=True) or _looks_quoted(unit.notes):
        user_comments = [_quote_comment(unit.notes)]
    else:
        user_comments = unit.notes.splitlines()
    flags = set(unit.flags) - {"fuzzy", "python-format"}
    if unit.fuzzy:
        flags.add("fuzzy")
    message = message_cls(
        (unit.source, unit.plural_source) if unit.plural_source is not None else unit.source,
        unit.all_forms() if unit.plural_source is not None else unit.target,
        flags=sorted(flags),
        auto_comments=auto_comments,
        user_comments=user_comments,
        locations=list(unit.locations),  # type: ignore[arg-type]  # (file, None): no line
        previous_id=_previous_id(unit),
        context=unit.segment_id,
    )
    # Babel guesses ``python-format`` from a ``%`` in the text ("5% in 2020"), and msgfmt
    # --check would then demand matching placeholders in the translation.
    message.flags.discard("python-format")
    if "python-format" in unit.flags:
        message.flags.add("python-format")
    if not _brace_format_outside_comments(message):
        message.flags.discard("python-brace-format")
    if unit.previous_source and unit.previous_context is not None:
        # Babel writes no ``#| msgctxt``: ``write_catalog`` puts it in.
        message.previous_context = unit.previous_context  # type: ignore[attr-defined]
    return message


def _previous_id(unit: TranslationUnit) -> str | tuple[str, str] | tuple[()]:
    """The previous source as Babel's ``previous_id``: with the previous plural source
    (Babel writes it as ``#| msgid_plural``) where the entry had one."""
    if not unit.previous_source:
        return ()
    if unit.previous_plural_source is not None:
        return (unit.previous_source, unit.previous_plural_source)
    return unit.previous_source


def _brace_format_outside_comments(message: Message) -> bool:
    """Whether Babel's ``python-brace-format`` guess, which makes the placeholders check
    strict, still holds for the text outside the msgid's HTML comments: "Text <!-- see
    {name} --> more." is no brace format, since no reader sees the comment."""
    if "python-brace-format" not in message.flags:
        return False
    ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
    if not any("<!--" in text for text in ids):
        return True
    shown = tuple(_without_comments(text) for text in ids)
    probe = type(message)(shown[0] if len(shown) == 1 else shown)
    # Babel before 2.17 guesses no brace format: the flag is then the file's own.
    return bool(getattr(probe, "python_brace_format", True))


def _without_comments(text: str) -> str:
    pieces: list[str] = []
    position = 0
    for start, end in inline_comment_spans(text):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def unit_from_message(message: Message, singular_index: int = 0) -> TranslationUnit:
    """The unit of a Babel message; of a plural entry, all its forms are kept, and
    ``target`` is form ``singular_index`` (the one for n=1, see :func:`singular_index`)."""
    source = message.id if isinstance(message.id, str) else message.id[0]
    plural_source = None if isinstance(message.id, str) else str(message.id[1])
    string = message.string
    forms: tuple[str, ...] = ()
    plural_index = 0
    if plural_source is not None:
        values = [string] if isinstance(string, str) else list(string or ())
        forms = tuple(form or "" for form in values)
        plural_index = singular_index if singular_index < max(len(forms), 1) else 0
        target = forms[plural_index] if forms else ""
    else:
        target = string if isinstance(string, str) else (string[0] if string else "")
    target = target or ""
    mt_lines: list[str] = []
    engine = model = None
    other: list[str] = []
    for comment in rejoined_comments(message.auto_comments):
        if comment.startswith(MT_QUOTED_PREFIX):
            mt_lines = [_unquote_po(comment[len(MT_QUOTED_PREFIX) :])]
        elif comment.startswith(MT_PREFIX) or comment == MT_PREFIX.strip():
            mt_lines.append(comment[len(MT_PREFIX) :])
        elif comment.startswith(MT_ENGINE_PREFIX):
            engine = comment[len(MT_ENGINE_PREFIX) :].strip() or None
        elif comment.startswith(MT_MODEL_PREFIX):
            model = comment[len(MT_MODEL_PREFIX) :].strip() or None
        else:
            other.append(comment)
    notes: list[str] = []
    # Babel hands gettext's ``#| msgctxt "..."``, ``#| msgid "..."`` and ``#| msgid_plural
    # "..."`` (the previous context and source) back as translator comments; no notes.
    previous_fields: dict[str, str] = {}
    field_name: str | None = None
    for comment in message.user_comments:
        if comment.startswith("|"):
            field_text = comment[1:].strip()
            keyword, _, rest = field_text.partition(" ")
            if field_text.startswith('"') and field_name is not None:
                previous_fields[field_name] += _unquote_po(field_text)
            elif keyword in ("msgctxt", "msgid", "msgid_plural"):
                field_name = keyword
                previous_fields[keyword] = _unquote_po(rest)
            else:
                field_name = None
            continue
        notes.append(comment)
    previous = previous_fields.get("msgid")
    previous_plural = previous_fields.get("msgid_plural")
    previous_id = message.previous_id
    if previous is None and previous_id:
        previous = previous_id if isinstance(previous_id, str) else previous_id[0]
        if not isinstance(previous_id, str) and len(previous_id) > 1:
            previous_plural = previous_id[1]
    if len(notes) == 1 and _looks_quoted(notes[0]):
        notes = [_unquote_po(notes[0])]
    fuzzy = "fuzzy" in message.flags
    mt = "\n".join(mt_lines) if mt_lines else None
    if not target and not any(forms):
        state = SegmentState.NEW
    elif not fuzzy:
        state = SegmentState.REVIEWED
    elif mt is not None and same_text(target, mt):
        state = SegmentState.MT
    else:
        state = SegmentState.EDITED
    # ``python-format`` is the file's own (``read_catalog`` undoes Babel's guess).
    flags = frozenset(message.flags) - {"fuzzy"}
    if "python-brace-format" in flags and not _brace_format_outside_comments(message):
        flags -= {"python-brace-format"}
    return TranslationUnit(
        segment_id=message.context if message.context is not None else "",
        source=source,
        target=target,
        state=state,
        mt=mt,
        mt_engine=engine,
        mt_model=model,
        notes="\n".join(notes),
        previous_source=previous or None,
        flags=flags,
        comments=tuple(other),
        plural_source=plural_source,
        plural_forms=forms,
        plural_index=plural_index,
        locations=tuple((str(name), line) for name, line in message.locations),
        previous_context=previous_fields.get("msgctxt") if previous else None,
        previous_plural_source=previous_plural if previous else None,
    )


def plural_rule(header: str | None, lang: str) -> tuple[int, str]:
    """``(nplurals, plural expression)``: the file's Plural-Forms header where it has one
    (its forms are indexed by it), else the language's rule (:func:`language_plural_rule`)."""
    if header:
        found = re.search(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+)", header)
        if found:
            return int(found.group(1)), found.group(2).strip()
    return language_plural_rule(lang)


# gettext's own table (``msginit -l LL``, gettext-tools' plural-table.c, 0.21): what msginit,
# msgmerge's checks, Poedit and Weblate write for these languages. CLDR (Babel) differs for
# some (Spanish, French, Italian, Portuguese: a third form for whole millions), and a file
# ruled by CLDR has a form no other tool fills in.
GETTEXT_PLURAL_RULES: dict[str, tuple[int, str]] = {
    **dict.fromkeys(("ja", "ko", "vi"), (1, "0")),
    **dict.fromkeys(
        "bg da de el en eo es et fi fo he hu it nb nl nn no pt sv tr".split(),  # noqa: SIM905
        (2, "(n != 1)"),
    ),
    **dict.fromkeys(("fr", "pt_BR"), (2, "(n > 1)")),
    **dict.fromkeys(
        ("be", "hr", "ru", "sr", "uk"),
        (
            3,
            "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
        ),
    ),
    **dict.fromkeys(("cs", "sk"), (3, "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2")),
    "ga": (3, "n==1 ? 0 : n==2 ? 1 : 2"),
    "lt": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "lv": (3, "(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2)"),
    "pl": (3, "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "ro": (3, "n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2"),
    "sl": (4, "(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3)"),
}


def language_plural_rule(lang: str) -> tuple[int, str]:
    """The plural rule a new file for ``lang`` gets: gettext's where its table has the
    language (what the translator's other tools write and expect), else Babel's (CLDR's,
    which newer gettext also falls back to), else gettext's default ``(n != 1)``."""
    locale = lang.replace("-", "_")
    language = locale.split("_")[0]
    found = GETTEXT_PLURAL_RULES.get(locale) or GETTEXT_PLURAL_RULES.get(language)
    return found or _babel_plural_rule(lang) or (2, "(n != 1)")


def rule_for_forms(count: int, lang: str) -> tuple[int, str]:
    """The rule of a file whose plural entries have ``count`` forms and whose header has no
    Plural-Forms: its language's where that has as many forms, else gettext's default
    (msgfmt and libintl read such a file by ``n != 1``; one form: ``0``). The entries keep
    every form they have, and msgfmt -c finds the header it needs."""
    for rule in (language_plural_rule(lang), _babel_plural_rule(lang)):
        if rule is not None and rule[0] == count:
            return rule
    return (1, "0") if count == 1 else (count, "(n != 1)")


def _babel_plural_rule(lang: str) -> tuple[int, str] | None:
    from babel.core import UnknownLocaleError
    from babel.messages.plurals import get_plural

    try:
        rule = get_plural(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return rule.num_plurals, rule.plural_expr


def file_plural_forms(catalog: Catalog, raw_header: str) -> str | None:
    """The Plural-Forms a file read by :func:`read_catalog` is indexed by: its header's,
    else (where it has plural entries) the rule read off its entries; None for a file
    with neither (its language's rule applies to entries to come)."""
    written = declared_plural_forms(raw_header)
    if written:
        return written
    if catalog._num_plurals is None:  # no rule read off its entries: it has none
        return None
    return f"nplurals={catalog.num_plurals}; plural={catalog.plural_expr};"


def singular_index(expression: str) -> int:
    """Which plural form a PO plural expression gives n=1 (1 for Arabic, else mostly 0)."""
    import gettext

    try:
        return int(gettext.c2py(expression)(1))
    except (ValueError, SyntaxError, RecursionError):
        return 0


# The numbers two plural rules are compared on: every remainder a gettext or CLDR rule
# tests (n % 10, n % 100, n % 1000) and CLDR's millions ("1 millón de archivos").
_PLURAL_SAMPLES = (*range(1101), 1_000_000, 1_000_001, 2_000_000, 10_000_000, 1_000_000_000)


@functools.lru_cache(maxsize=64)
def _plural_indexes(expression: str) -> tuple[int, ...] | None:
    """The form a plural expression gives each of ``_PLURAL_SAMPLES``; None when the
    expression is no C expression gettext can evaluate."""
    import gettext

    try:
        function = gettext.c2py(expression)
        return tuple(int(function(n)) for n in _PLURAL_SAMPLES)
    except (ValueError, SyntaxError, RecursionError, ArithmeticError):
        return None


def same_plural_rule(first: tuple[int, str], second: tuple[int, str]) -> bool:
    """Whether two ``(nplurals, expression)`` rules index plural forms alike.

    Compared by what they do, not how they are written: Weblate writes ``n != 1``, gettext's
    msginit ``(n != 1)``, and a plural entry's forms mean the same under either.
    """
    if first[0] != second[0]:
        return False
    if first[1] == second[1]:
        return True
    indexes = _plural_indexes(first[1])
    return indexes is not None and indexes == _plural_indexes(second[1])


def convert_plural_forms(
    forms: tuple[str, ...], rule: tuple[int, str], wanted: tuple[int, str]
) -> tuple[str, ...] | None:
    """A plural entry's ``forms``, indexed by ``rule``, indexed by ``wanted`` instead; None
    when that would lose or mix up a form.

    gettext gives Spanish two forms (one, other); CLDR, and so Babel, three (one, many for
    whole millions, other). Two forms become three (the millions take "other", as the
    two-form file meant), because each of the three is used for numbers that all take one
    form of the two. Three do not become two: "other" of the two would stand for numbers the
    file translates with two different forms. A form with text that no number reaches in
    ``wanted`` also makes it None.
    """
    theirs, ours = _plural_indexes(rule[1]), _plural_indexes(wanted[1])
    if theirs is None or ours is None:
        return None
    taken: dict[int, int] = {}  # the wanted rule's index → the form of ``forms`` it takes
    for our_index, their_index in zip(ours, theirs, strict=True):
        if not (0 <= our_index < wanted[0]) or taken.setdefault(our_index, their_index) != (
            their_index
        ):
            return None
    if len(taken) != wanted[0]:
        return None  # a form of the wanted rule that no number reaches: its text unknown
    if any(text and index not in taken.values() for index, text in enumerate(forms)):
        return None
    return tuple(
        forms[taken[index]] if taken[index] < len(forms) else "" for index in range(wanted[0])
    )


@functools.cache
def own_comments() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """How each extracted comment termwise writes for itself begins (the MT's lines, what
    glossary-constrained MT did, the aligner's record, why a segment is read-only), and how
    those that end alike end (a read-only segment's reason)."""
    from termwise.project.omissions import ALIGN_COMMENT_PREFIX, ALIGNED_PREFIX, SENTENCES_PREFIX
    from termwise.project.translations import GLOSSARY_COMMENT

    keys = (
        MT_QUOTED_PREFIX,
        MT_PREFIX,
        MT_ENGINE_PREFIX,
        MT_MODEL_PREFIX,
        GLOSSARY_COMMENT,
        ALIGN_COMMENT_PREFIX,
        ALIGNED_PREFIX,
        SENTENCES_PREFIX,
        *READ_ONLY_COMMENTS,
    )
    return keys, (READ_ONLY_END,)


# The widest a tool wraps comment lines at, "#. " included (gettext's page width; polib
# wraps at 78, Babel at 76): an entry with a longer line that has a space to break at was
# not re-wrapped, so none of its lines continues another.
_WIDEST_WRAP = 79


def rejoined_comments(lines: Sequence[str]) -> list[str]:
    """An entry's extracted comment lines with each of termwise's own comments that another
    editor wrapped (polib, Babel, translate-toolkit: at 76 to 79 columns) joined again.

    termwise writes a comment a line, unwrapped. A line continues the termwise comment
    before it where it begins with none of termwise's keys (``own_comments``), that
    comment is not whole yet (a read-only reason ends as its template does), and a
    wrapper broke there: the line before, with this line's first word, would be wider
    than any line of the entry that could have been broken. A developer's comment after a
    short termwise line stays a comment of its own; the fragments of a wrapped one
    ("lexical)", "rendering") went into the XLIFF export as notes and into the workbench's
    status line cut off."""
    keys, endings = own_comments()
    widest = max((len(line) for line in lines if " " in line), default=0)
    if widest + len("#. ") > _WIDEST_WRAP:
        return list(lines)
    joined: list[str] = []
    previous: str | None = None  # the last line of a termwise comment not yet whole
    for line in lines:
        words = line.split(maxsplit=1)
        own = (line + " ").startswith(keys)
        if previous is not None and words and not own:
            breaks = len(previous) + 1 + len(words[0]) > widest
        else:
            breaks = False
        joined.append(_rejoin(joined.pop(), line) if breaks else line)
        whole = joined[-1].endswith(endings)
        previous = line if (own or breaks) and not whole else None
    return joined


def _rejoin(line: str, continuation: str) -> str:
    # Text wrappers break after the hyphen of "well-known"; a space there was not in the text.
    if line.endswith("-") and len(line) > 1 and line[-2].isalnum() and continuation[:1].isalnum():
        return line + continuation
    return f"{line} {continuation}"


_UNSAFE_IN_COMMENTS = re.compile(r"[\t\r\f\v]")


def _needs_quoting(text: str, *, strips_start: bool) -> bool:
    """Whether comment lines would change ``text``: Babel expands tabs and strips each
    comment line (a note's at both ends; the MT's start is protected by its prefix), and
    empty note lines are not written."""
    if not text:
        return False
    if _UNSAFE_IN_COMMENTS.search(text):
        return True
    for line in text.split("\n"):
        if line != line.rstrip() or (strips_start and (line != line.lstrip() or not line)):
            return True
        if strips_start and line.startswith("|"):  # read back as gettext's ``#|`` lines
            return True
    return False


def _looks_quoted(text: str) -> bool:
    return len(text) >= 2 and text[0] == '"' and text[-1] == '"' and "\n" not in text


def _quote_comment(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    for raw, code in (("\n", "n"), ("\t", "t"), ("\r", "r"), ("\f", "f"), ("\v", "v")):
        escaped = escaped.replace(raw, "\\" + code)
    return f'"{escaped}"'


def _comment_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return lines or [""]


def _unquote_po(quoted: str) -> str:
    quoted = quoted.strip()
    if len(quoted) >= 2 and quoted[0] == '"' and quoted[-1] == '"':
        return _unescape(quoted[1:-1])
    return quoted


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPES.update({"f": "\f", "v": "\v"})


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


# -- catalog header --------------------------------------------------------------------


def new_catalog(tfile: TranslationFile) -> Catalog:
    from babel.core import Locale, UnknownLocaleError
    from babel.messages.catalog import Catalog

    # A file read from disk (another tool's, maybe) keeps its fields; a new one is termwise's.
    from_disk = bool(tfile.header_order)
    # Of a file read from disk, the fields it has and those termwise needs (see
    # ``_fields_needed``): Babel would add its placeholders for the rest.
    written = set(tfile.header_order) | _fields_needed(tfile) if from_disk else None

    class ProjectCatalog(Catalog):
        """A Catalog whose header carries termwise's fields and keeps other tools' ones."""

        def _project_headers(self) -> list[tuple[str, str]]:
            headers = Catalog._get_mime_headers(self)
            out: list[tuple[str, str]] = []
            for name, value in headers:
                if name == "Project-Id-Version":
                    value = tfile.document_name or "termwise"
                elif name == "Report-Msgid-Bugs-To":
                    continue  # Babel's placeholder; a file's own is among its extra headers
                elif name == "Generated-By":
                    if from_disk and "generated-by" not in tfile.header_order:
                        continue  # Babel's own line, in a file another tool wrote
                    value = value.rstrip("\n")
                elif name == "Content-Type":
                    value = content_type(tfile.content_type)
                elif name == "Language" and language_override:
                    value = language_override
                elif name == "Language-Team" and tfile.language_team:
                    value = tfile.language_team  # as written: Babel fills in "LANGUAGE"
                out.append((name, value))
            if not any(name == "Language" for name, _ in out):
                out.insert(4, ("Language", language_override or tfile.lang))
            if tfile.plural_forms:
                # The file's own rule: its plural entries' forms are indexed by it.
                out = [(n, v) for n, v in out if n != "Plural-Forms"]
                out.append(("Plural-Forms", tfile.plural_forms))
            elif not any(name == "Plural-Forms" for name, _ in out):
                out.append(("Plural-Forms", "nplurals=2; plural=(n != 1);"))
            out.append((SOURCE_LANGUAGE_HEADER, tfile.source_lang))
            known = {name.lower() for name, _ in out}
            out.extend(
                (name, value) for name, value in tfile.extra_headers if name.lower() not in known
            )
            if written is not None:
                out = [(name, value) for name, value in out if name.lower() in written]
            out = ordered_header(out, tfile.header_order)
            last = out[-1]
            out[-1] = (last[0], last[1] + "\n")  # Babel's header ends with a newline
            return out

        mime_headers = property(_project_headers, Catalog._set_mime_headers)  # type: ignore[assignment]
        # The file's own header comment, and the lines of its header's unchanged fields,
        # written as they are (see ``write_catalog``).
        verbatim_comment = tfile.header_comment
        verbatim_entry = tfile.header_entry

    locale_id = tfile.lang.replace("-", "_")
    language_override: str | None = None
    try:
        Locale.parse(locale_id)
        locale: str | None = locale_id
    except (UnknownLocaleError, ValueError):
        locale = None
        language_override = tfile.lang
    name = tfile.document_name or "termwise"
    catalog = ProjectCatalog(
        locale=locale,
        project=name,
        version=None,
        header_comment=own_header_comment(tfile).removesuffix("\n"),
        last_translator=tfile.last_translator or "termwise",
        language_team=tfile.language_team or languages.display_name(tfile.lang),
        charset="utf-8",
        fuzzy=False,
        revision_date=dt.datetime.now(dt.timezone.utc),
    )
    if tfile.created is not None:
        catalog.creation_date = tfile.created
    set_plural_rule(catalog, tfile)
    # A template's header keeps its "#, fuzzy" while it is one (a field still holds its
    # initial value): the flag is what gettext's tools and editors read for "not filled
    # in yet", and msgfmt ignores it on a header (nor does msgfmt -c warn of it). Once no
    # initial value is left, termwise wrote a real header, and drops it as msginit does.
    catalog.fuzzy = tfile.header_fuzzy and still_a_template(catalog.mime_headers)
    return catalog


def _fields_needed(tfile: TranslationFile) -> set[str]:
    """The header fields (lower-cased) a save writes into a file that lacks them: the
    Language and source language termwise reads the file by, the Content-Type that says
    its bytes are UTF-8, and the Plural-Forms its plural entries' forms are indexed by (a
    file without plural entries needs none)."""
    needed = {"language", "content-type", SOURCE_LANGUAGE_HEADER.lower()}
    units = chain(tfile.units.values(), tfile.obsolete)
    if "plural-forms" not in tfile.header_order and any(u.plural_source is not None for u in units):
        needed.add("plural-forms")
    return needed


def own_header_comment(tfile: TranslationFile) -> str:
    """The comment termwise writes above a new file's header, each line with its end."""
    return (
        f"# Translation of {tfile.document_name or 'termwise'} into "
        f"{languages.display_name(tfile.lang)}.\n"
        "# Written by termwise: msgctxt is the segment id; '#. mt:' is the machine\n"
        "# translation; fuzzy means not yet reviewed.\n"
    )


# The order GNU gettext's msginit and xgettext write the header in (Poedit and msgmerge
# keep it); a field termwise adds comes after these.
GETTEXT_HEADER_ORDER = (
    "project-id-version",
    "report-msgid-bugs-to",
    "pot-creation-date",
    "po-revision-date",
    "last-translator",
    "language-team",
    "language",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "plural-forms",
)


def ordered_header(fields: list[tuple[str, str]], order: Sequence[str]) -> list[tuple[str, str]]:
    """``fields`` in the order of the file they came from (``order``: its field names,
    lower-cased), those it lacked after them in gettext's order, then the rest as they come.

    A file termwise creates gets gettext's order, and a re-save keeps whatever order the
    file has (Poedit's, msginit's, an older termwise's): the header does not churn.
    """
    rank = {name: index for index, name in enumerate(order)}
    conventional = {name: index for index, name in enumerate(GETTEXT_HEADER_ORDER)}
    first = len(rank)
    later = first + len(conventional)

    def key(item: tuple[int, tuple[str, str]]) -> tuple[int, int]:
        position, (name, _) = item
        lower = name.lower()
        if lower in rank:
            return rank[lower], 0
        if lower in conventional:
            return first + conventional[lower], 0
        return later, position

    return [field for _, field in sorted(enumerate(fields), key=key)]


def header_order(raw_header: str) -> tuple[str, ...]:
    """The field names of a raw PO header, lower-cased, in the file's order."""
    names = []
    for line in raw_header.splitlines():
        name, sep, _ = line.partition(":")
        if sep:
            names.append(name.strip().lower())
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class FileStyle:
    """How a PO file is laid out, for writing it back the same way."""

    # The header's field names, lower-cased, in the file's order.
    header_order: tuple[str, ...]
    # The width its strings are wrapped at (None: not wrapped).
    wrap_width: int | None
    # The translator comments above the header entry, each line with its end (Poedit's
    # "# Translators:" credits, a licence); None for a file without a header entry.
    header_comment: str | None
    # The header's Content-Type as written (None: it has none).
    content_type: str | None
    # The header entry's lines as written (``msgid ""``, its msgstr's lines; each with its
    # "\n"): its unchanged fields are written back in them (None: no header entry).
    header_entry: str | None = None
    # Whether the header entry is marked ``#, fuzzy`` (a template's header, not filled in).
    header_fuzzy: bool = False
    # Its line ends ("\r\n" where its first line ends so) and whether its last entry is
    # followed by a blank line (Babel's way; gettext's tools end with one "\n").
    newline: str = "\n"
    blank_line_at_end: bool = True


def file_style(data: bytes) -> FileStyle:
    """The layout of a PO file (see :class:`FileStyle`). Read off the file's first
    megabyte (and its last bytes), so that a cached parse of a book can take it too."""
    from termwise.project.po_wrap import detect_width

    head = _head_text(data)
    raw = _raw_header(head)
    first_line = data.find(b"\n")
    return FileStyle(
        header_order=header_order(raw),
        wrap_width=detect_width(data),
        header_comment=_header_comment(head.removeprefix("\ufeff")),
        content_type=parse_header(raw).get("content-type"),
        header_entry=_header_entry(head),
        header_fuzzy=_header_flagged_fuzzy(head),
        newline="\r\n" if first_line > 0 and data[first_line - 1] == 0x0D else "\n",
        blank_line_at_end=data.endswith((b"\n\n", b"\n\r\n")) or not data.strip(),
    )


def _header_entry(head: str) -> str | None:
    """The header entry's ``msgid ""`` line and msgstr lines as ``head`` has them (line ends
    made "\n"), or None where the file has no header entry."""
    lines = [line.removesuffix("\r") for line in head.removeprefix("\ufeff").split("\n")]
    for index, line in enumerate(lines):
        if line.startswith("#"):
            continue
        if line != 'msgid ""' or index + 1 >= len(lines):
            return None
        end = index + 2
        if not lines[index + 1].startswith('msgstr "'):
            return None
        while end < len(lines) and lines[end].startswith('"'):
            end += 1
        if end >= len(lines):
            return None  # cut off by the 64 KiB read: not all of it is known
        return "".join(f"{kept}\n" for kept in lines[index:end])
    return None


def _header_flagged_fuzzy(head: str) -> bool:
    """Whether the flag lines (``#,``) above the header entry hold ``fuzzy``."""
    for line in head.removeprefix("\ufeff").split("\n"):
        if line.startswith("#,") and "fuzzy" in line[2:].replace(",", " ").split():
            return True
        if not line.startswith("#"):
            return False
    return False


# What msgfmt (``check_header_entry``) takes for a field's initial, template value; a
# header with one left is still a template's, which ``#, fuzzy`` says.
_TEMPLATE_VALUES = {
    "project-id-version": "PACKAGE VERSION",
    "po-revision-date": "YEAR-MO-DA",
    "last-translator": "FULL NAME",
    "language-team": "LANGUAGE",
    "content-type": "text/plain; charset=CHARSET",
    "content-transfer-encoding": "ENCODING",
}


def still_a_template(fields: Iterable[tuple[str, str]]) -> bool:
    """Whether a header (its fields) still holds a value msgfmt calls initial."""
    for name, value in fields:
        initial = _TEMPLATE_VALUES.get(name.lower())
        if initial is not None and value.strip().startswith(initial):
            return True
        if name.lower() == "language" and not value.strip():
            return True
    return False


def header_lines_kept(text: str, as_read: str) -> str:
    """PO ``text`` whose header entry keeps ``as_read``'s lines (see ``FileStyle``) for each
    field written as it was: only a changed field (PO-Revision-Date, a field added) is
    laid out anew. A field gettext wrapped (a long Plural-Forms) then stays as it is even
    where the file's entries tell no width, or another one."""
    old = _header_field_lines(as_read)
    start = text.find('msgid ""\nmsgstr ""\n')
    if old is None or start < 0 or (start > 0 and text[start - 1] != "\n"):
        return text
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end + 1
    new = _header_field_lines(text[start:end])
    if new is None:
        return text
    kept = {"".join(_quoted(line) for line in lines): lines for lines in old}
    body = [kept.get("".join(_quoted(line) for line in lines), lines) for lines in new]
    entry = 'msgid ""\nmsgstr ""\n' + "".join(line + "\n" for lines in body for line in lines)
    return text[:start] + entry + text[end:]


def _header_field_lines(entry: str) -> list[list[str]] | None:
    """A header entry's msgstr lines, one group per field (the lines up to one whose text
    ends with "\\n"); None where its msgstr does not start with ``msgstr ""``."""
    lines = entry.removesuffix("\n").split("\n")
    if lines[:2] != ['msgid ""', 'msgstr ""']:
        return None
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines[2:]:
        if not (line.startswith('"') and line.endswith('"') and len(line) > 1):
            return None
        current.append(line)
        if _ends_with_newline_escape(_quoted(line)):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _quoted(line: str) -> str:
    return line[1:-1]


def _ends_with_newline_escape(escaped: str) -> bool:
    # "\n" at the end, not "\\n" (an escaped backslash before an "n").
    body = escaped.removesuffix("\\n")
    if body == escaped:
        return False
    return (len(body) - len(body.rstrip("\\"))) % 2 == 0


def in_file_style(
    chunks: Iterable[bytes], *, newline: str = "\n", blank_line_at_end: bool = True
) -> Iterator[bytes]:
    """The bytes of a file as termwise formats it (``chunks``: "\n" line ends, a blank
    line after the last entry), with the line ends and the last line of the file it
    replaces (see ``FileStyle``): a CRLF file stays CRLF, and msgcat's single "\n" at the
    end stays single. Entries copied from a CRLF file (``entry_spans``) have their "\r\n"
    already, and keep them. Streamed: a book's file is never held whole."""
    crlf = newline == "\r\n"
    after_cr = False  # whether the bytes given so far end with "\r"
    pending = b""
    for chunk in chunks:
        if not chunk:
            continue
        if pending:
            yield _with_crlf(pending, after_cr) if crlf else pending
            after_cr = pending.endswith(b"\r")
        pending = chunk
    if not blank_line_at_end and pending.endswith(b"\n\n"):
        pending = pending[:-1]
    if pending:
        yield _with_crlf(pending, after_cr) if crlf else pending


_BARE_LF = re.compile(rb"(?<!\r)\n")


def _with_crlf(chunk: bytes, after_cr: bool) -> bytes:
    """``chunk`` with each "\n" that no "\r" comes before made "\r\n"; ``after_cr``: the
    bytes before it ended with "\r" (a copied "\r\n" cut in two by a read)."""
    if chunk.count(b"\n") == chunk.count(b"\r\n"):
        return chunk  # copied as it is in the file: a megabyte a time, left alone
    converted = _BARE_LF.sub(b"\r\n", chunk)
    if after_cr and chunk.startswith(b"\n"):
        return converted[1:]
    return converted


def header_comment(data: bytes) -> str | None:
    """The translator comment lines above the header entry of PO bytes (see
    :class:`FileStyle`)."""
    return _header_comment(_head_text(data).removeprefix("\ufeff"))


def _head_text(data: bytes) -> str:
    """The start of PO bytes decoded by the charset they declare (a wrong byte replaced)."""
    try:
        return data[: 1 << 16].decode(_declared_charset(data), errors="replace")
    except LookupError:
        return data[: 1 << 16].decode("utf-8", errors="replace")


def header_language(head: bytes) -> str:
    """The Language field of the header at the start of PO bytes ("" where there is none)."""
    return header_field(head, "Language")


def header_field(head: bytes, name: str) -> str:
    """The field ``name`` of the header at the start of PO bytes ("" where there is none)."""
    return parse_header(_raw_header(_head_text(head))).get(name.lower(), "")


# A translator comment: "#" alone or followed by anything but the marks of the other kinds.
_TRANSLATOR_COMMENT = re.compile(r"#(?![,.:|~])")


def _header_comment(head: str) -> str | None:
    """The translator comment lines that open the file, when the header entry follows them
    (its flags, ``#, fuzzy`` of a fresh POT, are not kept: the header termwise writes is
    no template's)."""
    comment: list[str] = []
    for line in head.split("\n"):
        line = line.removesuffix("\r")
        if _TRANSLATOR_COMMENT.match(line):
            comment.append(line + "\n")
        elif not line.startswith("#"):
            return "".join(comment) if line.startswith('msgid ""') else None
    return None


def content_type(written: str | None) -> str:
    """The Content-Type a save writes: the file's own where it names UTF-8 (``UTF-8``,
    ``utf8``: gettext and Poedit spell it their ways), else the file's with its charset
    made UTF-8, what termwise writes (a Latin-1 file is converted, as ``msgconv -t UTF-8``
    would, and says so: gettext reads the header to decode the file)."""
    if not written:
        return "text/plain; charset=utf-8"
    found = _CHARSET_VALUE.search(written)
    if found is None:
        return f"{written}; charset=UTF-8"
    try:
        utf8 = codecs.lookup(found.group(1)).name == "utf-8"
    except LookupError:
        utf8 = False
    if utf8:
        return written
    return written[: found.start(1)] + "UTF-8" + written[found.end(1) :]


_CHARSET_VALUE = re.compile(r"charset=([^;\s]*)", re.IGNORECASE)


def entries_catalog(tfile: TranslationFile) -> Catalog:
    """A header-less catalog for formatting some of ``tfile``'s entries (plural forms and all)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(fuzzy=False, charset="utf-8")
    set_plural_rule(catalog, tfile)
    return catalog


def set_plural_rule(catalog: Catalog, tfile: TranslationFile) -> None:
    # Babel writes as many msgstr[i] as the catalog's rule has forms (2 without a locale).
    count, expression = tfile.plural_rule()
    catalog._num_plurals = count  # type: ignore[assignment]
    catalog._plural_expr = expression  # type: ignore[assignment]


def header_value(catalog: Catalog, name: str) -> str:
    for key, value in catalog.mime_headers:
        if key.lower() == name.lower():
            return str(value).strip()
    return ""


_BABEL_HEADERS = {
    "project-id-version",
    "pot-creation-date",
    "po-revision-date",
    "last-translator",
    "language",
    "language-team",
    "plural-forms",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "generated-by",
    SOURCE_LANGUAGE_HEADER.lower(),
}


def parse_header(raw: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in raw.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()
    return fields


def extra_headers(raw: str) -> list[tuple[str, str]]:
    # Babel's Catalog keeps only the fields it knows; the raw header has the rest (Poedit's
    # X-Generator, Weblate's X-...), which a save must not drop.
    extras: list[tuple[str, str]] = []
    for line in raw.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() not in _BABEL_HEADERS:
            extras.append((name.strip(), value.strip()))
    return extras


# -- strict reading ----------------------------------------------------------------------

_ESCAPE = r'\\(?:[ntrabfv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+)'
_STRING = r'"(?:[^"\\]|' + _ESCAPE + r')*"'
_ESCAPE_AT = re.compile(_ESCAPE)
_KEYWORD_LINE = re.compile(
    r"^(?:#~\s*)?(?:#?\|\s*)?(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+("
    + _STRING
    + r")\s*$"
)
_CONTINUATION = re.compile(r"^(?:#~\s*)?(?:#?\|\s*)?(" + _STRING + r")\s*$")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


def decode_po(data: bytes, path: str | Path) -> str:
    """Decode a PO file's bytes with the charset its header names, strictly."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError("binary file (NUL byte); expected a PO text file", path, line=line)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    charset = _declared_charset(data)
    try:
        return data.decode(charset)
    except LookupError as error:
        raise InputError(f"PO header names an unknown charset {charset!r}", path, line=1) from error
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"not valid {charset} text (byte {data[error.start : error.start + 1]!r}); "
            "the file's encoding differs from the charset its header declares",
            path,
            line=line,
            column=column,
        ) from error
    except UnicodeError as error:
        # A codec that fails as a whole (punycode, "undefined") names no position.
        raise InputError(
            f"PO header names the charset {charset!r}, which cannot decode it ({error})",
            path,
            line=1,
        ) from error


def _declared_charset(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    charset = match.group(1).decode("ascii").lower() if match else "utf-8"
    return "utf-8" if charset == "charset" else charset  # "charset": gettext's placeholder


def check_po_syntax(text: str, path: str | Path) -> None:
    """Raise ``InputError`` at the first line that is not valid PO syntax."""
    expecting_string = False
    for number, line in enumerate(_lines(text), start=1):
        stripped = line.strip()
        if not stripped:
            expecting_string = False
            continue
        if stripped.startswith("#") and not stripped.startswith(("#~", "#|")):
            continue
        if stripped.startswith("#~") and not re.match(r"^#~\s*(msg|\"|\|)", stripped):
            if re.match(r"^#~\s*([,.:#]|$)", stripped):
                continue  # a flag or comment line of an obsolete entry ("#~, fuzzy")
            raise InputError("obsolete entry line is not PO syntax", path, line=number, column=1)
        if stripped.startswith("#|") and not re.match(r'^#\|\s*(msg|")', stripped):
            continue
        if _KEYWORD_LINE.match(stripped):
            expecting_string = True
            continue
        if _CONTINUATION.match(stripped):
            if not expecting_string:
                raise InputError(
                    "string continuation without a msgid/msgstr before it",
                    path,
                    line=number,
                    column=1,
                )
            continue
        column = _error_column(line)
        raise InputError(_describe_bad_line(stripped), path, line=number, column=column)


def _lines(text: str) -> Iterator[str]:
    """The lines of a text one at a time: a book's PO file as a list of lines would cost
    another 50 MB while it is checked. Lines end at "\n", as Babel reads them."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _describe_bad_line(stripped: str) -> str:
    body = re.sub(r"^(#~|#\|)\s*", "", stripped)
    keyword, _, rest = body.partition(" ")
    if keyword.startswith("msg") or body.startswith('"'):
        quoted = rest.strip() if keyword.startswith("msg") else body
        if not quoted.startswith('"'):
            return f"{keyword}: string does not start with a double quote"
        if not quoted.endswith('"') or quoted == '"':
            return "string is not closed with a double quote (broken quoting)"
        return 'bad quoting inside the string (an unescaped " or an unknown \\ escape)'
    return f"not PO syntax: {stripped[:40]!r}"


def _error_column(line: str) -> int:
    """The 1-based column of what breaks ``line``: a quote that ends its string with more
    after it (``"costó "14 millones" de euros."``) or an unknown escape's backslash, which
    an editor can jump to; else the string's opening quote, or the line's first character.
    The string's start was given for all of them, however far along the line they stood."""
    start = line.find('"')
    if start < 0:
        return len(line) - len(line.lstrip()) + 1
    index = start + 1
    while index < len(line):
        if line[index] == "\\":
            escape = _ESCAPE_AT.match(line, index)
            if escape is None:
                return index + 1
            index = escape.end()
        elif line[index] == '"':
            return index + 1 if line[index + 1 :].strip() else start + 1
        else:
            index += 1
    return start + 1


def read_catalog(data: bytes, path: str | Path) -> tuple[Catalog, str]:
    """Decode, check strictly and parse PO bytes with Babel; also return the raw header."""
    from babel.messages.pofile import PoFileError, PoFileParser

    text = decode_po(data, path)
    check_po_syntax(text, path)
    raw_header = _raw_header(text)
    _check_plural_count(raw_header, text, path)
    entries_rule = _rule_of_entries(text, raw_header, path)
    lines: Iterable[bytes] | io.StringIO
    if _declared_charset(data) == "utf-8":
        # Babel reads the bytes a line at a time: the text (twice the file's size for
        # Chinese) and a StringIO of it (four times) need not exist while it builds the
        # catalog.
        del text
        body = io.BytesIO(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
        lines = _previous_of_obsolete(body) if b"#~|" in data else body
    else:
        lines = io.StringIO(re.sub(r"(?m)^#~\|", "#|", text) if "#~|" in text else text)
    catalog = _template_tolerant_catalog()()
    parser = PoFileParser(catalog, False, abort_invalid=True)
    if entries_rule is not None:
        # Babel would give the entries as many forms as its rule for the language has
        # (three for Spanish), padding a two-form entry or refusing a four-form one.
        catalog._num_plurals, catalog._plural_expr = entries_rule  # type: ignore[assignment]
        # Forms past the rule's count are then empty (see _rule_of_entries): Babel
        # refuses an entry with more forms than its catalog's count.
        parser = _surplus_dropping_parser()(catalog, False, abort_invalid=True)
    try:
        parser.parse(lines)  # type: ignore[type-var]
    except PoFileError as error:
        lineno = getattr(error, "lineno", None)
        raise InputError(
            f"invalid PO file: {error}", path, line=lineno + 1 if lineno is not None else None
        ) from error
    except (ValueError, TypeError) as error:
        raise InputError(f"invalid PO file: {error}", path) from error
    except LookupError as error:
        # Babel takes the charset from the header as it parses it: a header whose line ends
        # are broken runs the next header into the charset name.
        found = data.find(b"Content-Type")
        line = data.count(b"\n", 0, found) + 1 if found >= 0 else 1
        raise InputError(
            f"the PO header's Content-Type names an unknown charset ({error})", path, line=line
        ) from error
    _python_format_as_written(catalog, data)
    return catalog, raw_header


def _surplus_dropping_parser() -> type[PoFileParser]:
    from babel.messages.pofile import PoFileParser as BabelParser

    class SurplusDroppingParser(BabelParser):
        """A parser that drops a plural entry's empty forms past its catalog's count: a
        template's second form for a one-form language (Japanese) is no translation."""

        def _add_message(self) -> None:
            count = self.catalog.num_plurals
            if len(self.messages) > 1:
                self.translations = [
                    [index, text]
                    for index, text in self.translations
                    if index < count or text.denormalize()
                ]
            super()._add_message()

    return SurplusDroppingParser


def _template_tolerant_catalog() -> type[Catalog]:
    from babel.messages.catalog import Catalog as BabelCatalog

    class TemplateTolerantCatalog(BabelCatalog):
        """A catalog that reads xgettext's ``Plural-Forms`` placeholder as no rule: Babel
        takes ``nplurals=INTEGER`` for a number and fails."""

        def _set_mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
            kept = [
                (name, value)
                for name, value in headers
                if name.lower() != "plural-forms" or not is_plural_placeholder(value)
            ]
            super()._set_mime_headers(kept)

    return TemplateTolerantCatalog


# A ``#,`` flags line (of a live or an obsolete entry) and the msgid line that ends them.
_FLAGS_OR_MSGID = re.compile(rb"(?m)^(?:#~?,([^\n]*)|(?:#~[ \t]*)?msgid[ \t])")


def _python_format_as_written(catalog: Catalog, data: bytes) -> None:
    """Give each entry ``python-format`` where the file's ``#,`` line says it, and only there.

    Babel decides the flag itself from the msgid: it adds it to "5% off" (``% o`` reads as a
    conversion) and drops it from an entry the file flags but whose text has no placeholder,
    so a flag that gettext, Poedit or Weblate wrote was lost, and one nobody wrote appeared.
    """
    flagged: set[int] = set()
    if b"python-format" in data:
        pending = False
        line, counted = 1, 0
        for found in _FLAGS_OR_MSGID.finditer(data):
            if found.group(1) is not None:
                words = {word.strip() for word in found.group(1).split(b",")}
                pending = pending or b"python-format" in words
                continue
            if pending:
                line += data.count(b"\n", counted, found.start())
                counted = found.start()
                flagged.add(line)  # Babel's ``lineno``: the msgid's line
            pending = False
    for message in chain(catalog, catalog.obsolete.values()):
        if message.lineno in flagged:
            message.flags.add("python-format")
        else:
            message.flags.discard("python-format")


# gettext's languages have at most six plural forms (Arabic); Babel allocates every plural
# entry's forms by the header's count, so nplurals=1000000000 took 17 GB before this check.
MAX_PLURAL_FORMS = 10
_NPLURALS = re.compile(r"nplurals\s*=\s*([^;\s]*)", re.IGNORECASE)


# xgettext's template leaves the rule to whoever makes the language's file (msginit puts the
# language's rule in its place); gettext's tools and Poedit read it as no rule yet.
_PLURAL_PLACEHOLDER = re.compile(r"nplurals\s*=\s*INTEGER\s*;\s*plural\s*=\s*EXPRESSION\s*;?")


def is_plural_placeholder(value: str) -> bool:
    """Whether a Plural-Forms value is xgettext's ``nplurals=INTEGER; plural=EXPRESSION;``."""
    return _PLURAL_PLACEHOLDER.fullmatch(value.strip()) is not None


def declared_plural_forms(raw_header: str) -> str | None:
    """The Plural-Forms a raw header declares; None where it has none, or a template's
    placeholder (the language's rule applies, as msginit would write it)."""
    written = parse_header(raw_header).get("plural-forms")
    if not written or is_plural_placeholder(written):
        return None
    return written


def _check_plural_count(raw_header: str, text: str, path: str | Path) -> None:
    """Refuse a Plural-Forms header whose nplurals is not a count of 1 to MAX_PLURAL_FORMS
    (xgettext's placeholder is no count: it is taken as no rule)."""
    for header in raw_header.split("\n"):
        name, _, value = header.partition(":")
        if name.strip().lower() != "plural-forms" or is_plural_placeholder(value):
            continue
        found = _NPLURALS.search(value)
        if found is None:
            continue
        count = found.group(1)
        # At most three digits before int(): a 5,000-digit count is past int()'s limit.
        short = count.isascii() and count.isdigit() and len(count) <= 3
        if short and 1 <= int(count) <= MAX_PLURAL_FORMS:
            continue
        at = text.lower().find("plural-forms")
        raise InputError(
            f"the PO header's Plural-Forms says nplurals={count[:20]}; a language has 1 to "
            f"{MAX_PLURAL_FORMS} plural forms",
            path,
            line=text.count("\n", 0, at) + 1 if at >= 0 else 1,
        )


_MSGSTR_INDEX = re.compile(r"(?m)^[ \t]*(?:#~[ \t]*)?msgstr\[(\d+)\]")
# A plural form with text: on its keyword line, or on the line after ``msgstr[i] ""``.
_PLURAL_FORM_FILLED = re.compile(
    r'(?m)^[ \t]*(?:#~[ \t]*)?msgstr\[(\d+)\][ \t]*"(?:[^"]|"[ \t]*\r?\n[ \t]*(?:#~[ \t]*)?"[^"])'
)


def _filled_form_from(text: str, first: int) -> bool:
    """Whether any plural entry has text in a form whose index is ``first`` or above."""
    return any(int(found.group(1)) >= first for found in _PLURAL_FORM_FILLED.finditer(text))


def _rule_of_entries(text: str, raw_header: str, path: str | Path) -> tuple[int, str] | None:
    """The plural rule of a file whose header has no Plural-Forms (or xgettext's
    placeholder), read off its plural entries (see :func:`rule_for_forms`); None where the
    header has one or no entry is plural. A template's entries, every form empty, take
    their language's rule, as msginit gives them; so do a template's entries with more
    forms than the language has where those past its count are empty."""
    if declared_plural_forms(raw_header) or "msgid_plural" not in text:
        return None
    fields = parse_header(raw_header)
    lang = fields.get("language") or "en"
    placeholder = is_plural_placeholder(fields.get("plural-forms", ""))
    count = 0
    for found in _MSGSTR_INDEX.finditer(text):
        index = found.group(1)
        if len(index) > 3 or int(index) >= MAX_PLURAL_FORMS:
            raise InputError(
                f"plural entry has a msgstr[{index[:20]}]; a language has 1 to "
                f"{MAX_PLURAL_FORMS} plural forms",
                path,
                line=text.count("\n", 0, found.start()) + 1,
            )
        count = max(count, int(index) + 1)
    if count == 0:
        return None
    if placeholder:
        rule = language_plural_rule(lang)
        if count <= rule[0] and _PLURAL_FORM_FILLED.search(text) is None:
            return rule  # its empty forms padded to the language's count
        if count > rule[0] and not _filled_form_from(text, rule[0]):
            # xgettext writes two forms whatever the language; Japanese has one, and the
            # empty forms past it hold nothing (msginit drops them; read_catalog does too).
            return rule
    return rule_for_forms(count, lang)


def _previous_of_obsolete(lines: Iterable[bytes]) -> Iterator[bytes]:
    # Babel cannot parse msgmerge's "#~| msgid" (an obsolete entry's previous source); as
    # "#|" it reaches the entry like any previous source. Line numbers stay the same.
    for line in lines:
        yield b"#" + line[2:] if line.startswith(b"#~|") else line


def _raw_header(text: str) -> str:
    """The header entry's msgstr (the entry whose msgid is empty), unescaped."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == 'msgid ""' and index + 1 < len(lines):
            if not lines[index + 1].startswith('msgstr "'):
                return ""
            parts = [_unquote_po(lines[index + 1][len("msgstr ") :])]
            for follow in lines[index + 2 :]:
                if not follow.strip().startswith('"'):
                    break
                parts.append(_unquote_po(follow))
            return "".join(parts)
        if line.startswith("msgid "):
            return ""
    return ""
