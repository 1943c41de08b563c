"""CSV glossaries as spreadsheets and CAT tools write them.

Two shapes exist in the wild. With a header row: a column per language (``en``, ``zh-CN``,
``English``...) plus optional columns such as ``status``, ``en status``, ``note``,
``definition``, ``id``. Without one: ``source,target,comment`` (the languages come from the
command's flags or the file name). The delimiter (comma, semicolon, tab, bar) is detected,
quoting follows RFC 4180, and every line that does not parse is reported with its number
rather than silently skipped or, worse, merged into its neighbour.

termwise writes CSV with a header: ``id``, ``subject field``, ``definition``, ``note``, then
for each language its term, ``<lang> status`` and ``<lang> note`` columns, one row per term
position; concept facts stand on a concept's first row. Every other field the glossary uses
gets a column of its own, written only where some concept or term has it: ``concept source``;
per language ``<lang> part of speech``, ``term type``, ``gender``, ``number``, ``usage note``,
``context``, ``source``, ``date``, ``used until``, ``case sensitive`` and ``exact`` (``yes``
or empty), ``fix by hand``, ``definition`` (the language's own), and any other TBX data
category as ``<lang> termNote:<type>`` (``descrip:``, ``admin:``; without a language at
concept level). ``glossary import`` reads all of them back; what a CSV cannot hold (cross
references, transactions, the file's title) is reported by the writer. Cells holding several
values (notes, sources) separate them with a blank line.

Status, read: a term's ``<lang> status`` cell, else the row's ``status`` cell, which in a
table of several languages describes the translations, not the source term (``--from``'s
language, else the first column's): a client's ``English;Spanish;Status`` rates the Spanish
renderings. A term with neither is a client glossary's rendering: the first term of its
language in the concept is preferred, a later one admitted (termwise writes every status,
``unspecified`` included, so its own files read back as written). A status the reader does
not know gives the term no status, with one warning per value naming it, how many terms
have it and their lines; a term list in one language reads statuses the same way but
invents none (no status column, no status), and neither does a headerless
``source,target`` file. A tab-separated file whose first row is such a header
(``en<TAB>es<TAB>status``) is read here whatever its suffix (``looks_like_table``), never
as OmegaT's format, which has no header.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termwise import languages
from termwise.document.encoding import decode_bytes
from termwise.errors import InputError
from termwise.glossary.language_guess import bare_code_name, is_language, resolve_pair
from termwise.glossary.model import (
    Concept,
    DataCategory,
    Glossary,
    Problem,
    Term,
    TermStatus,
    lang_matches,
)
from termwise.spreadsheet_cells import guard, unguard

if TYPE_CHECKING:
    from termwise.glossary.formats import ReadOptions, WriteOptions

_DELIMITERS = (",", ";", "\t", "|")

_CONCEPT_COLUMNS = {
    "id": "id",
    "concept": "id",
    "concept id": "id",
    "entry": "id",
    "subject": "subject",
    "subject field": "subject",
    "subjectfield": "subject",
    "domain": "subject",
    "definition": "definition",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "comments": "note",
    "description": "note",
    "status": "status",
    "source": "source",
    "target": "target",
    "concept source": "sources",
    "concept sources": "sources",
}

# A term's own fields, as ``<lang> <label>`` columns: label → role. Read and written alike.
_TERM_COLUMNS = {
    "status": "status",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "part of speech": "part of speech",
    "pos": "part of speech",
    "term type": "term type",
    "gender": "gender",
    "number": "number",
    "usage note": "usage note",
    "usage": "usage note",
    "context": "context",
    "source": "term source",
    "date": "date",
    "used until": "used until",
    "case sensitive": "case sensitive",
    "exact": "exact",
    "fix by hand": "fix by hand",
    "definition": "definition",
}
# Text fields of ``Term``: role → attribute, in the order their columns are written.
_TERM_TEXT_FIELDS = {
    "part of speech": "part_of_speech",
    "term type": "term_type",
    "usage note": "usage_note",
    "context": "context",
    "term source": "source",
    "date": "date",
    "used until": "used_until",
    "fix by hand": "fix_by_hand",
}
_TERM_FLAGS = {"case sensitive": "case_sensitive", "exact": "exact"}
# termNotes with a column name of their own (the term-list reader knows "gender" too).
_NAMED_TERM_NOTES = {"gender": "grammaticalGender", "number": "grammaticalNumber"}
# Role → the column label the writer uses.
_LABELS = {
    "part of speech": "part of speech",
    "term type": "term type",
    "gender": "gender",
    "number": "number",
    "usage note": "usage note",
    "context": "context",
    "term source": "source",
    "date": "date",
    "used until": "used until",
    "case sensitive": "case sensitive",
    "exact": "exact",
    "fix by hand": "fix by hand",
    "definition": "definition",
}
# Any other TBX data category: ``termNote:geographicalUsage`` (after the language for a term).
_EXTRA_ELEMENTS = ("termNote", "descrip", "admin")
_EXTRA_COLUMN = re.compile(
    r"^(?:(?P<lang>.+?)\s+)?(?P<element>termNote|descrip|admin):(?P<type>[A-Za-z][\w.-]*)$",
    re.IGNORECASE,
)
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


# --------------------------------------------------------------------------- RFC 4180


@dataclass
class QuotingError(Problem):
    """A record whose quoting ``parse_records`` cannot follow: the lines from it to where
    the quote is taken to end are guessed at, so ``glossary import`` refuses the file
    unless ``--lenient``, as it does a TBX file that validate faults."""


def parse_records(
    text: str, delimiter: str, path: str | Path, problems: list[Problem]
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, fields)`` per record; a record with broken quoting is reported and skipped.

    Written by hand rather than with the ``csv`` module because that module either accepts
    broken quoting silently or stops at the first error; a translator needs every bad line
    listed, and the good lines around it read.
    """
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        start_line = index + 1
        fields: list[str] = []
        current: list[str] = []
        in_quotes = False
        after_quote = False
        line = lines[index]
        position = 0
        error: str | None = None
        while True:
            if position >= len(line):
                if in_quotes:
                    index += 1
                    if index >= len(lines):
                        error = "a quoted field is not closed before the end of the file"
                        break
                    line = lines[index]
                    position = 0
                    continue
                break
            char = line[position]
            if in_quotes:
                if char == '"':
                    if position + 1 < len(line) and line[position + 1] == '"':
                        current.append('"')
                        position += 2
                        continue
                    in_quotes = False
                    after_quote = True
                else:
                    current.append(char)
            elif char == delimiter:
                fields.append("".join(current))
                current = []
                after_quote = False
            elif char in "\r\n":
                pass
            elif after_quote:
                error = f"unexpected {char!r} after a closing quote (column {position + 1})"
                break
            elif char == '"':
                if current and "".join(current).strip():
                    error = f"a quote inside an unquoted field (column {position + 1})"
                    break
                current = []
                in_quotes = True
            else:
                current.append(char)
            position += 1
        index += 1
        if error is not None:
            problems.append(QuotingError(error, str(path), start_line))
            if index > start_line:
                # A bad quote swallowed the lines after it: re-read them as records of their own.
                index = start_line
            continue
        fields.append("".join(current))
        if len(fields) == 1 and not fields[0].strip():
            continue  # blank line
        yield start_line, fields


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently (comma on a tie)."""
    sample = [line for line in text.splitlines()[:30] if line.strip()]
    if not sample:
        return ","
    best = ","
    best_score = -1.0
    for delimiter in _DELIMITERS:
        counts = [_count_outside_quotes(line, delimiter) for line in sample]
        if min(counts) == 0:
            score = sum(1 for count in counts if count) / len(counts) - 1
        else:
            score = float(min(counts)) + (1.0 if len(set(counts)) == 1 else 0.0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count = 0
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


# --------------------------------------------------------------------------- reading


def column_role(cell: str) -> tuple[str, str | None] | None:
    """What a header cell names: ``("term", lang)``, ``("status", lang)``, ``("note", None)``,
    ``("part of speech", lang)``, ``("extra:termNote:geographicalUsage", lang)``..."""
    name = cell.strip().lstrip("\ufeff")
    lowered = name.lower().replace("_", " ").replace("-", " ").strip()
    lowered = " ".join(lowered.split())
    if lowered in _CONCEPT_COLUMNS:
        return _CONCEPT_COLUMNS[lowered], None
    extra = _EXTRA_COLUMN.match(name)
    if extra:
        element = next(e for e in _EXTRA_ELEMENTS if e.lower() == extra["element"].lower())
        kind = f"extra:{element}:{extra['type']}"
        if extra["lang"] is None:
            return kind, None
        lang = _language_of(extra["lang"])
        if lang:
            return kind, lang
    for label in sorted(_TERM_COLUMNS, key=len, reverse=True):
        if lowered.endswith(" " + label):
            lang = _language_of(name[: len(name) - len(label)].strip(" _-"))
            if lang:
                return _TERM_COLUMNS[label], lang
    for prefix, role in (("status ", "status"), ("note ", "note")):
        if lowered.startswith(prefix):
            lang = _language_of(name[len(prefix) :])
            if lang:
                return role, lang
    lang = _language_of(name)
    if lang:
        return "term", lang
    return None


def _language_of(cell: str) -> str | None:
    text = cell.strip()
    if is_language(text):
        return languages.normalize(text)
    by_name = _language_names().get(text.lower())
    return by_name


def _language_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for code, name in Locale("en").languages.items():
        if "_" not in code:
            names.setdefault(name.lower(), languages.normalize(code))
    names["chinese"] = "zh"
    return names


def read_csv_glossary(data: bytes, path: Path, options: ReadOptions) -> Glossary:
    """Read a CSV glossary (with or without a header row)."""
    text = decode_bytes(data, path)
    if not text.strip():
        raise InputError("empty CSV file", path, line=1)
    delimiter = detect_delimiter(text)
    glossary = Glossary()
    # A cell termwise's own export guarded against spreadsheet formulas reads back as it
    # was (see ``spreadsheet_cells``).
    records = [
        (line, [unguard(cell) for cell in cells])
        for line, cells in parse_records(text, delimiter, path, glossary.problems)
    ]
    if not records:
        raise InputError("no CSV record could be read", path, line=1)
    first_line, first = records[0]
    if delimiter == "\t" and termsuite_columns(first) is not None:
        # Read as a term list, its rank column made a term and its variants one concept.
        return read_termsuite(data, path, options)
    header = _Header(first)
    roles = header.roles
    source_target_header = header.source_target
    if header.names_languages:
        for name in header.unknown:
            glossary.problems.append(
                Problem(
                    f"column {name!r} is not a language, status or note; ignored",
                    str(path),
                    first_line,
                )
            )
        _read_with_header(
            glossary,
            records[1:],
            roles,
            path,
            first,
            id_prefix=options.id_prefix,
            source_lang=options.source_lang,
        )
    elif source_target_header or not _read_term_list(glossary, records, path, options):
        rows = records[1:] if source_target_header else records
        src, tgt, origin = resolve_pair(path, options.source_lang, options.target_lang)
        if src is None or tgt is None:
            raise InputError(
                "CSV without a language header: name the languages with --from and --to "
                "(or a file name such as glossary_en_zh_CN_.csv)" + _bare_code_note(path),
                path,
                line=first_line,
            )
        _read_two_columns(glossary, rows, src, tgt, path, options.id_prefix)
    return glossary


class _Header:
    """What a first row's cells say of it: the role of each, and whether it is a header.

    A header names languages; a column it does not recognise ("Domain code") is reported
    and ignored, unless most cells are unknown, which means the first row is data. A row
    that starts ``source, target`` is a header too, of a file that names no language."""

    def __init__(self, cells: list[str]) -> None:
        self.roles = [column_role(cell) for cell in cells]
        self.unknown = [
            cell.strip()
            for role, cell in zip(self.roles, cells, strict=False)
            if role is None and cell.strip()
        ]
        has_languages = any(role is not None and role[0] == "term" for role in self.roles)
        self.names_languages = has_languages and len(self.unknown) * 2 < len(cells)
        kinds = [role[0] if role else None for role in self.roles]
        self.source_target = kinds[:2] == ["source", "target"]


def looks_like_table(data: bytes) -> bool:
    """Whether ``data`` is tab-separated and starts with a row the CSV reader takes for a
    header (``en<TAB>es<TAB>status``, ``source<TAB>target``). OmegaT's format has no
    header: read as OmegaT, such a file asked for --from and --to, then made its header a
    concept ("en" → "es") and its status column a comment."""
    first = _first_line(data)
    if "\t" not in first:
        return False
    cells = first.split("\t")
    header = _Header(cells)
    if header.source_target:
        return True
    if not header.names_languages or header.unknown:
        return False
    # An OmegaT entry can be a pair of acronyms that are language codes too ("OS<TAB>SO",
    # "EN<TAB>ES"): a header says more, with a column of another kind (status, note) or
    # languages named as a header names them, a tag in small letters or a language's name.
    return any(role is not None and role[0] != "term" for role in header.roles) or all(
        _names_a_language(cell)
        for cell, role in zip(cells, header.roles, strict=False)
        if role is not None
    )


def _names_a_language(cell: str) -> bool:
    name = cell.strip().lstrip("\ufeff")
    return len(name) > 3 or name[:2].islower()


def _first_line(data: bytes) -> str:
    """The first line of ``data`` that is not blank, for telling a format from its header
    (UTF-16 with its byte-order mark, else UTF-8; 4 KB are enough for a header)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "replace")
    else:
        text = head.decode("utf-8", "replace")
    return next((line for line in text.lstrip("\ufeff").splitlines() if line.strip()), "")


# --------------------------------------------------------------------------- TermSuite

# TermSuite's TSV export: ``#`` (or ``rank``), ``type`` (T: a term, V[...]: a variant of the
# term of that rank), then the properties asked for: ``pilot`` (the most frequent form),
# ``key``/``gkey`` ("nn: wind turbine"), ``lemma``, and statistics (``spec``, ``freq``/``f``,
# ``dFreq``...). The term is the first of these columns the file has.
_TERMSUITE_TERM_COLUMNS = ("pilot", "key", "gkey", "lemma", "groupingkey")
_TERMSUITE_STATISTICS = frozenset(
    ("spec", "specificity", "freq", "f", "dfreq", "frequency", "ind", "swtsize", "rank")
)
_TERMSUITE_KEY_PREFIX = re.compile(r"^[a-z]+(?:-[a-z]+)*:\s*")


def termsuite_columns(cells: list[str]) -> dict[str, int] | None:
    """The columns of a TermSuite TSV header (name → index), or None for another header."""
    names = [cell.strip().lstrip("\ufeff").lower() for cell in cells]
    if len(names) < 3 or names[0] not in ("#", "rank"):
        return None
    columns = {name: index for index, name in reversed(list(enumerate(names)))}
    if not any(name in columns for name in _TERMSUITE_TERM_COLUMNS):
        return None
    if "type" not in columns and not _TERMSUITE_STATISTICS & set(names[1:]):
        return None
    return columns


def looks_like_termsuite(data: bytes) -> bool:
    """Whether ``data`` starts with a TermSuite TSV header (tab-separated ``#, type, …``)."""
    first = _first_line(data)
    return "\t" in first and termsuite_columns(first.split("\t")) is not None


def read_termsuite(data: bytes, path: Path, options: ReadOptions) -> Glossary:
    """Read TermSuite's TSV term list: one concept per term (T row), in ``--from``'s language.

    Variant rows (V[s], V[m]...) are left out: a TermSuite variant ("offshore wind turbine"
    of "wind turbine") is another term, not a synonym to record in the concept. Statistics
    columns have no place in a glossary and are ignored, with a note.
    """
    text = decode_bytes(data, path)
    glossary = Glossary()
    records = list(parse_records(text, "\t", path, glossary.problems))
    if not records:
        raise InputError("no TSV record could be read", path, line=1)
    first_line, first = records[0]
    columns = termsuite_columns(first)
    if columns is None:
        raise InputError("no TermSuite header (#, type, pilot, spec...)", path, line=first_line)
    term_column = next(name for name in _TERMSUITE_TERM_COLUMNS if name in columns)
    what = f"a TermSuite term list (terms in its {first[columns[term_column]].strip()!r} column)"
    lang = _term_list_language(
        path,
        options,
        first_line,
        f"{what} is in one language, with no {options.target_lang} terms; import it "
        "with --from alone",
        f"{what}: name its language with --from (or a file name such as terms_en.tsv)",
    )
    ignored = [
        cell.strip()
        for index, cell in enumerate(first)
        if cell.strip() and index not in (columns[term_column], columns.get("type"))
    ]
    glossary.problems.append(
        Problem(
            f"{what}; columns {', '.join(repr(name) for name in ignored)} ignored: a "
            "glossary has no place for ranks, patterns or statistics",
            str(path),
            first_line,
        )
    )
    type_index = columns.get("type")
    variants: list[int] = []
    seen: dict[str, int] = {}
    for line, cells in records[1:]:
        kind = (
            cells[type_index].strip() if type_index is not None and type_index < len(cells) else ""
        )
        if kind.upper().startswith("V"):
            variants.append(line)
            continue
        index = columns[term_column]
        cell = cells[index] if index < len(cells) else ""
        if term_column in ("key", "gkey", "groupingkey"):
            cell = _TERMSUITE_KEY_PREFIX.sub("", cell.strip())
        term_text = " ".join(cell.split())
        if not term_text:
            glossary.problems.append(Problem("row without a term; skipped", str(path), line))
            continue
        if kind and kind.upper() != "T":
            glossary.problems.append(
                Problem(
                    f"row type {kind!r} is neither T nor V[...]; read as a term", str(path), line
                )
            )
        if term_text.casefold() in seen:
            glossary.problems.append(
                Problem(
                    f"{term_text!r} is listed on line {seen[term_text.casefold()]} already; "
                    "this row skipped",
                    str(path),
                    line,
                )
            )
            continue
        seen[term_text.casefold()] = line
        concept = Concept(id=f"{options.id_prefix}r{line}")
        concept.add(Term(text=term_text, lang=lang, status=TermStatus.UNSPECIFIED))
        glossary.concepts.append(concept)
    if variants:
        count = len(variants)
        glossary.problems.append(
            Problem(
                f"{count} variant row{'s' if count != 1 else ''} (type V[...]) left out: a "
                "TermSuite variant is another term, not a synonym of the term it varies",
                str(path),
                variants[0],
            )
        )
    return glossary


# --------------------------------------------------------------------------- term lists

# The columns of a term list in one language (client lists, TermSuite and other extractors'
# output), by what they hold. "ignore": statistics with no place in a glossary.
_LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "term": (
        "term",
        "terms",
        "term text",
        "source term",
        "word",
        "words",
        "expression",
        "keyword",
        "keywords",
        "candidate",
        "term candidate",
        "pilot",
        "begriff",
        "benennung",
        "terminus",
        "terme",
        "término",
        "termine",
        "termo",
    ),
    "other language": (
        "translation",
        "translations",
        "target",
        "target term",
        "equivalent",
        "übersetzung",
        "traduction",
        "traducción",
        "traduzione",
    ),
    "id": ("id", "concept", "concept id", "entry", "entry id", "#", "no", "number"),
    "status": (
        "status",
        "term status",
        "usage status",
        "administrative status",
        "statut",
        "estado",
        "stato",
    ),
    "definition": ("definition", "définition", "definición", "definizione"),
    "note": (
        "note",
        "notes",
        "comment",
        "comments",
        "remark",
        "remarks",
        "description",
        "anmerkung",
        "kommentar",
        "remarque",
        "commentaire",
        "nota",
        "comentario",
    ),
    "subject": ("subject", "subject field", "subjectfield", "domain", "fachgebiet", "domaine"),
    "part of speech": ("part of speech", "pos", "word class", "wortart"),
    "term type": ("term type", "termtype"),
    "gender": ("gender", "grammatical gender", "genus"),
    "context": ("context", "example", "examples", "kontext", "contexte"),
    "usage note": ("usage", "usage note"),
    "source": ("source", "reference", "quelle"),
    "ignore": (
        "freq",
        "frequency",
        "count",
        "occurrences",
        "occ",
        "spec",
        "specificity",
        "rank",
        "score",
        "pattern",
        "type",
        "key",
        "lemma",
        "documents",
    ),
}
_LIST_ROLES = {name: role for role, names in _LIST_COLUMNS.items() for name in names}


def _term_list_language(
    path: Path, options: ReadOptions, line: int, with_target: str, unnamed: str
) -> str:
    """The one language of a term list (``--from``, or the file name's); the list is
    refused with ``with_target`` where ``--to`` is given, ``unnamed`` where none is found."""
    if options.target_lang:
        raise InputError(with_target, path, line=line)
    lang, _, _ = resolve_pair(path, options.source_lang, None)
    if lang is None:
        raise InputError(unnamed + _bare_code_note(path), path, line=line)
    return lang


def _bare_code_note(path: Path) -> str:
    """Why a name such as ``ts.tsv`` gave no language, for an error asking for one."""
    named = bare_code_name(path)
    if named is None:
        return ""
    return f"; its name {path.name!r} is not taken for a language ({path.stem!r} would be {named})"


def _list_role(cell: str) -> str | None:
    name = cell.strip().lstrip("\ufeff").lower().replace("_", " ").replace("-", " ")
    return _LIST_ROLES.get(" ".join(name.split()))


def _status_word(cell: str) -> TermStatus | None:
    from termwise.glossary.multiterm import status_of

    return status_of(cell) if cell.strip() else None


def _read_term_list(
    glossary: Glossary,
    records: list[tuple[int, list[str]]],
    path: Path,
    options: ReadOptions,
) -> bool:
    """Read a term list in one language, or return False when the records are no term list.

    A term list: a header row naming a term column and other columns, none of them a
    language (``Term;Status``, ``term,status,definition``); or one column of terms; or,
    with only ``--from``, terms beside a column of statuses. One concept per row (rows of
    one id: one concept), in the language of ``--from`` or the file name. Column names are
    never read as terms; a file that names no language is refused, and so is ``--to``,
    which a list in one language cannot serve.
    """
    first_line, first = records[0]
    header_roles = [_list_role(cell) for cell in first]
    is_header = "term" in header_roles and sum(
        1 for role, cell in zip(header_roles, first, strict=True) if role is None and cell.strip()
    ) * 2 < len(first)
    widths = {len([cell for cell in cells if cell.strip()]) for _, cells in records}
    single_column = widths <= {0, 1}
    rows = records[1:] if is_header else records
    status_column = (
        not is_header
        and not single_column
        and not options.target_lang
        and max(widths) == 2
        and all(len(cells) <= 2 for _, cells in rows)
        and all(_status_word(cells[1]) for _, cells in rows if len(cells) > 1 and cells[1].strip())
    )
    if not (is_header or single_column or status_column):
        return False
    if is_header:
        roles = header_roles
        shown = ", ".join(cell.strip() for cell in first if cell.strip())
        what = f"the header row ({shown}) names a term list in one language"
    else:
        roles = ["term", "status"] if status_column else ["term"]
        what = "one column of terms: a term list in one language"
    source = f"--from {options.source_lang}" if options.source_lang else "--from LANG"
    src = _term_list_language(
        path,
        options,
        first_line,
        f"{what}, with no column of {options.target_lang} terms; import it with {source} "
        "alone, or name its columns by language (en;zh;status) for a bilingual glossary",
        f"{what}: name its language with --from (or a file name such as terms_en.csv)",
    )
    if "other language" in roles:
        column = first[roles.index("other language")].strip()
        raise InputError(
            f"column {column!r} holds terms in another language, which the header does not "
            "name: name the columns by language (en;zh;status) and import that",
            path,
            line=first_line,
        )
    if is_header:
        for role, cell in zip(roles, first, strict=True):
            if role is None and cell.strip():
                message = f"column {cell.strip()!r} is not a column termwise knows; ignored"
            elif role == "ignore":
                message = f"column {cell.strip()!r} has no place in a glossary; ignored"
            else:
                continue
            glossary.problems.append(Problem(message, str(path), first_line))
    _list_rows(glossary, rows, roles, src, path, options.id_prefix)
    return True


def _list_rows(
    glossary: Glossary,
    rows: list[tuple[int, list[str]]],
    roles: list[str | None],
    lang: str,
    path: Path,
    id_prefix: str,
) -> None:
    by_id: dict[str, Concept] = {}
    seen: dict[str, int] = {}
    unknown: dict[str, list[int]] = {}
    width = len(roles)
    for line, cells in rows:
        values: dict[str, str] = {}
        for role, cell in zip(roles, cells, strict=False):
            if role is not None and role not in values and cell.strip():
                values[role] = cell.strip()
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            glossary.problems.append(
                Problem(
                    f"{len(cells)} fields but the list has {width} columns; extra fields ignored",
                    str(path),
                    line,
                )
            )
        text = " ".join(values.get("term", "").split())
        if not text:
            glossary.problems.append(Problem("row without a term; skipped", str(path), line))
            continue
        if text.casefold() in seen and "id" not in values:
            glossary.problems.append(
                Problem(
                    f"{text!r} is listed on line {seen[text.casefold()]} already; this row skipped",
                    str(path),
                    line,
                )
            )
            continue
        seen.setdefault(text.casefold(), line)
        term = Term(text=text, lang=lang, status=TermStatus.UNSPECIFIED)
        status_text = values.get("status")
        if status_text:
            status = parse_status(status_text)
            if status is None:
                unknown.setdefault(status_text, []).append(line)
            else:
                term.status = status
        term.part_of_speech = values.get("part of speech")
        term.term_type = values.get("term type")
        term.context = values.get("context")
        term.usage_note = values.get("usage note")
        term.source = values.get("source")
        if "gender" in values:
            term.extra.append(DataCategory("termNote", "grammaticalGender", values["gender"]))
        concept_id = values.get("id") or f"{id_prefix}r{line}"
        concept = by_id.get(concept_id)
        if concept is None:
            concept = Concept(id=concept_id)
            by_id[concept_id] = concept
            glossary.concepts.append(concept)
        concept.subject_field = concept.subject_field or values.get("subject")
        concept.definition = concept.definition or values.get("definition")
        for note in split_notes(values.get("note", "")):
            if note not in concept.notes:
                concept.notes.append(note)
        concept.add(term)
    report_unknown_statuses(unknown, glossary, path)


def _read_with_header(
    glossary: Glossary,
    records: list[tuple[int, list[str]]],
    roles: list[tuple[str, str | None] | None],
    path: Path,
    header: list[str] | None = None,
    *,
    id_prefix: str,
    source_lang: str | None = None,
) -> None:
    by_id: dict[str, Concept] = {}
    row_status_langs = _row_status_languages(roles, source_lang)
    width = len(roles)
    names = {
        role: cell.strip().lstrip("\ufeff")
        for role, cell in zip(roles, header or [], strict=False)
        if role is not None
    }
    unknown: dict[str, list[int]] = {}
    for line, cells in records:
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            glossary.problems.append(
                Problem(
                    f"{len(cells)} fields but the header has {width}; extra fields ignored",
                    str(path),
                    line,
                )
            )
        values: dict[tuple[str, str | None], str] = {}
        for role, cell in zip(roles, cells, strict=False):
            if role is not None and cell.strip():
                values[role] = cell.strip()
        concept_id = values.get(("id", None)) or f"{id_prefix}r{line}"
        concept = by_id.get(concept_id)
        if concept is None:
            concept = Concept(id=concept_id)
            by_id[concept_id] = concept
            glossary.concepts.append(concept)
        if ("subject", None) in values:
            concept.subject_field = values[("subject", None)]
        if ("definition", None) in values:
            concept.definition = values[("definition", None)]
        if ("note", None) in values:
            for note in split_notes(values[("note", None)]):
                if note.strip() and note.strip() not in concept.notes:
                    concept.notes.append(note.strip())
        for source in split_notes(values.get(("sources", None), "")):
            if source not in concept.sources:
                concept.sources.append(source)
        for (kind, lang), value in values.items():
            if kind.startswith("extra:") and lang is None:
                _, element, kind_type = kind.split(":", 2)
                for part in split_notes(value):
                    concept.extra.append(DataCategory(element, kind_type, part))
            elif kind == "definition" and lang is not None:
                concept.lang_definitions[lang] = value
        row_status = values.get(("status", None))
        added = False
        orphans: list[str] = []
        for kind, lang in values:
            if lang is None or kind in ("term", "definition"):
                continue
            if ("term", lang) not in values:
                orphans.append(names.get((kind, lang), f"{lang} {kind}"))
        has_terms = any(kind == "term" for kind, _ in values)
        if (
            row_status
            and has_terms
            and not any(("term", lang) in values for lang in row_status_langs)
        ):
            glossary.problems.append(
                Problem(
                    f"{names.get(('status', None), 'status')!r}: no "
                    f"{' or '.join(sorted(row_status_langs))} term on this row for it to "
                    "describe; ignored",
                    str(path),
                    line,
                )
            )
        if orphans:
            shown = ", ".join(repr(name) for name in orphans)
            glossary.problems.append(
                Problem(
                    f"{shown}: a value without a term in its language on this row; ignored",
                    str(path),
                    line,
                )
            )
        for (kind, lang), value in values.items():
            if kind != "term" or lang is None:
                continue
            status_text = values.get(("status", lang)) or (
                row_status if lang in row_status_langs else None
            )
            term = Term(text=value, lang=lang)
            if status_text:
                status = parse_status(status_text)
                if status is None:
                    unknown.setdefault(status_text, []).append(line)
                    term.status = TermStatus.UNSPECIFIED
                else:
                    term.status = status
            elif any(held.lang == term.lang for held in concept.all_terms):
                # No status: a client glossary's first rendering is the one to use. First
                # under its own tag: zh-HK's term is no zh-Hant rendering to come after.
                term.status = TermStatus.ADMITTED
            term_note = values.get(("note", lang))
            if term_note:
                term.notes.extend(split_notes(term_note))
            _term_fields(term, values, lang, glossary, path, line)
            concept.add(term)
            added = True
        if not added and len(values) > 0 and ("id", None) not in values and not orphans:
            glossary.problems.append(Problem("row without any term; skipped", str(path), line))
    report_unknown_statuses(unknown, glossary, path)
    for concept in list(glossary.concepts):
        if not concept.all_terms:
            glossary.concepts.remove(concept)


def _row_status_languages(
    roles: list[tuple[str, str | None] | None], source_lang: str | None
) -> set[str]:
    """The languages whose terms a row's one ``status`` cell describes: in a table of one
    language, its; of several, all but the source's (``--from``'s, else the first
    column's). A client's ``English;Spanish;Status`` rates the Spanish renderings: read for
    both, a "Forbidden" rendering made the English source term deprecated too, and the
    checks flagged that term wherever the source used it."""
    langs = list(dict.fromkeys(role[1] for role in roles if role and role[0] == "term" and role[1]))
    if len(langs) < 2:
        return set(langs)
    source = next(
        (lang for lang in langs if source_lang and lang_matches(lang, source_lang)), langs[0]
    )
    return {lang for lang in langs if lang != source}


def _term_fields(
    term: Term,
    values: dict[tuple[str, str | None], str],
    lang: str,
    glossary: Glossary,
    path: Path,
    line: int,
) -> None:
    """Set ``term``'s own fields from its ``<lang> <field>`` cells."""
    for role, attribute in _TERM_TEXT_FIELDS.items():
        if (role, lang) in values:
            setattr(term, attribute, values[(role, lang)])
    for role, attribute in _TERM_FLAGS.items():
        cell = values.get((role, lang), "")
        if cell.lower() in _YES:
            setattr(term, attribute, True)
        elif cell.lower() not in _NO:
            glossary.problems.append(
                Problem(
                    f"{lang} {role}: {cell!r} is neither yes nor no; read as no", str(path), line
                )
            )
    for role, note_type in _NAMED_TERM_NOTES.items():
        for part in split_notes(values.get((role, lang), "")):
            term.extra.append(DataCategory("termNote", note_type, part))
    for (kind, kind_lang), value in values.items():
        if kind_lang == lang and kind.startswith("extra:"):
            _, element, kind_type = kind.split(":", 2)
            for part in split_notes(value):
                term.extra.append(DataCategory(element, kind_type, part))


def parse_status(text: str) -> TermStatus | None:
    """The status a cell names (TBX, TBX-Min, MultiTerm spellings; ``unspecified`` and
    ``none`` are no status); None when it names none termwise knows."""
    from termwise.glossary.multiterm import status_of

    try:
        return TermStatus.parse(text)
    except ValueError:
        return status_of(text)


def report_unknown_statuses(unknown: dict[str, list[int]], glossary: Glossary, path: Path) -> None:
    """One warning per unknown status value: the value, how many terms, their lines."""
    for value, lines in unknown.items():
        count = len(lines)
        # A row's one status column gives it to the row's term in each target language: its
        # line once ("lines 2, 2" read as a typo).
        rows = list(dict.fromkeys(lines))
        shown = ", ".join(str(number) for number in rows[:8])
        shown += f" and {len(rows) - 8} more" if len(rows) > 8 else ""
        terms = "1 term" if count == 1 else f"{count} terms"
        glossary.problems.append(
            Problem(
                f"unknown status {value!r} on {terms} (line{'s' if len(rows) != 1 else ''} "
                f"{shown}); {'it keeps' if count == 1 else 'they keep'} no status",
                str(path),
                lines[0],
            )
        )


def _read_two_columns(
    glossary: Glossary,
    records: list[tuple[int, list[str]]],
    src: str,
    tgt: str,
    path: Path,
    id_prefix: str,
) -> None:
    by_source: dict[str, Concept] = {}
    for line, cells in records:
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            glossary.problems.append(
                Problem(
                    "expected source, target and an optional comment; line skipped", str(path), line
                )
            )
            continue
        if len(cells) > 3 and any(cell.strip() for cell in cells[3:]):
            glossary.problems.append(
                Problem(
                    f"{len(cells)} fields, expected at most 3; extra fields ignored",
                    str(path),
                    line,
                )
            )
        add_pair(
            glossary,
            by_source,
            cells[0],
            cells[1],
            cells[2] if len(cells) > 2 else "",
            src,
            tgt,
            line,
            id_prefix=id_prefix,
        )


# Several notes share a cell separated by a blank line; a note's own line breaks stay in it
# (a spreadsheet cell with Alt+Enter line breaks is one note).
NOTE_SEPARATOR = "\n\n"


def split_notes(cell: str) -> list[str]:
    """The notes in one CSV cell: separated by blank lines, each kept whole."""
    notes = (note.strip() for note in re.split(r"\n[ \t]*\n", cell.replace("\r\n", "\n")))
    return [note for note in notes if note]


def add_pair(
    glossary: Glossary,
    by_source: dict[str, Concept],
    source: str,
    target: str,
    comment: str,
    src: str,
    tgt: str,
    line: int,
    *,
    id_prefix: str = "",
) -> None:
    """Add one source/target/comment line; lines sharing a source term share a concept,
    ``l<line>`` with ``id_prefix`` before it (``ReadOptions.id_prefix``).

    The format has no status, so none is invented (the first target is not thereby
    preferred), and a line's comment stays with its target term: written back, each pair
    gets its own comment, not every comment of the concept.
    """
    source = source.strip()
    target = target.strip()
    concept = by_source.get(source)
    if concept is None:
        concept = Concept(id=f"{id_prefix}l{line}")
        concept.add(Term(text=source, lang=src, status=TermStatus.UNSPECIFIED))
        by_source[source] = concept
        glossary.concepts.append(concept)
    term = next((t for t in concept.terms(tgt) if t.text == target), None)
    if term is None:
        term = concept.add(Term(text=target, lang=tgt, status=TermStatus.UNSPECIFIED))
    if comment.strip() and comment.strip() not in term.notes:
        term.notes.append(comment.strip())


# --------------------------------------------------------------------------- writing


def write_csv_glossary(glossary: Glossary, options: WriteOptions) -> tuple[bytes, list[Problem]]:
    """CSV with a header row; returns the bytes and the fields CSV cannot hold.

    Besides the columns every CSV has, a column is written for each field some concept or
    term of the glossary uses, so that ``glossary import`` of the file gives the glossary back.
    """
    langs = glossary.languages()
    concept_extras = _extra_kinds(item for concept in glossary.concepts for item in concept.extra)
    has_sources = any(concept.sources for concept in glossary.concepts)
    header = ["id", "subject field", "definition", "note"]
    if has_sources:
        header.append("concept source")
    header += [f"{element}:{kind}" for element, kind in concept_extras]
    per_lang_fields: dict[str, list[str]] = {}
    per_lang_extras: dict[str, list[tuple[str, str]]] = {}
    for lang in langs:
        terms = [term for _, term in glossary.terms(lang) if term.lang == lang]
        fields = [role for role in _LABELS if _has_field(role, lang, terms, glossary)]
        extras = _extra_kinds(item for term in terms for item in term.extra)
        per_lang_fields[lang], per_lang_extras[lang] = fields, extras
        header += [lang, f"{lang} status", f"{lang} note"]
        header += [f"{lang} {_LABELS[role]}" for role in fields]
        header += [f"{lang} {element}:{kind}" for element, kind in extras]
    out = io.StringIO()
    out.write(_csv_line(header))
    for concept in glossary.concepts:
        per_lang = {lang: [t for t in concept.all_terms if t.lang == lang] for lang in langs}
        rows = max((len(terms) for terms in per_lang.values()), default=0)
        for index in range(max(rows, 1)):
            row = [concept.id]
            if index == 0:
                row += [
                    concept.subject_field or "",
                    concept.definition or "",
                    NOTE_SEPARATOR.join(concept.notes),
                ]
                if has_sources:
                    row.append(NOTE_SEPARATOR.join(concept.sources))
                row += [_extra_cell(concept.extra, kind) for kind in concept_extras]
            else:
                row += [""] * (3 + has_sources + len(concept_extras))
            for lang in langs:
                terms = per_lang[lang]
                fields = per_lang_fields[lang]
                extras = per_lang_extras[lang]
                if index < len(terms):
                    term = terms[index]
                    row += [term.text, term.status.value, NOTE_SEPARATOR.join(term.notes)]
                    row += [_field_cell(concept, term, role, index) for role in fields]
                    row += [_extra_cell(term.extra, kind) for kind in extras]
                else:
                    row += ["", "", ""]
                    row += [
                        concept.lang_definitions.get(lang, "")
                        if role == "definition" and index == 0
                        else ""
                        for role in fields
                    ]
                    row += [""] * len(extras)
            out.write(_csv_line(row))
    return out.getvalue().encode(options.encoding), _not_in_csv(glossary)


def _has_field(role: str, lang: str, terms: list[Term], glossary: Glossary) -> bool:
    if role == "definition":
        return any(lang in concept.lang_definitions for concept in glossary.concepts)
    if role in _NAMED_TERM_NOTES:
        wanted = _NAMED_TERM_NOTES[role]
        return any(
            item.element == "termNote" and item.type == wanted
            for term in terms
            for item in term.extra
        )
    attribute = _TERM_TEXT_FIELDS.get(role) or _TERM_FLAGS[role]
    return any(getattr(term, attribute) for term in terms)


def _field_cell(concept: Concept, term: Term, role: str, index: int) -> str:
    if role == "definition":
        return concept.lang_definitions.get(term.lang, "") if index == 0 else ""
    if role in _NAMED_TERM_NOTES:
        wanted = _NAMED_TERM_NOTES[role]
        return NOTE_SEPARATOR.join(
            item.value for item in term.extra if item.element == "termNote" and item.type == wanted
        )
    if role in _TERM_FLAGS:
        return "yes" if getattr(term, _TERM_FLAGS[role]) else ""
    return getattr(term, _TERM_TEXT_FIELDS[role]) or ""


def _is_plain_extra(item: DataCategory) -> bool:
    """A data category a ``termNote:<type>`` column holds: no target, no group, a plain type."""
    return (
        item.element in _EXTRA_ELEMENTS
        and item.target is None
        and item.link is None
        and re.fullmatch(r"[A-Za-z][\w.-]*", item.type) is not None
    )


def _extra_kinds(items: Iterator[DataCategory]) -> list[tuple[str, str]]:
    """The ``(element, type)`` columns the data categories need, in first-seen order
    (gender and number have named columns)."""
    kinds: dict[tuple[str, str], None] = {}
    for item in items:
        if not _is_plain_extra(item):
            continue
        if item.element == "termNote" and item.type in _NAMED_TERM_NOTES.values():
            continue
        kinds.setdefault((item.element, item.type), None)
    return list(kinds)


def _extra_cell(extra: list[DataCategory], kind: tuple[str, str]) -> str:
    return NOTE_SEPARATOR.join(
        item.value for item in extra if (item.element, item.type) == kind and _is_plain_extra(item)
    )


def _not_in_csv(glossary: Glossary) -> list[Problem]:
    """What a CSV written by ``write_csv_glossary`` does not give back, counted."""
    counts: dict[str, int] = {}

    def bump(name: str) -> None:
        counts[name] = counts.get(name, 0) + 1

    def several(values: list[str], name: str) -> None:
        # Cells of several values split at blank lines: a value with one inside comes back as two.
        if len(split_notes(NOTE_SEPARATOR.join(values))) != len(values):
            bump(f"{name} with a blank line inside (read back as two)")

    if glossary.title or glossary.source_desc:
        bump("the glossary's title and description")
    for concept in glossary.concepts:
        several(concept.notes, "concept notes")
        several(concept.sources, "concept sources")
        for item in concept.extra:
            if not _is_plain_extra(item):
                bump(f"{item.type or item.element} ({item.element.split(':')[-1]}, concept level)")
        for term in concept.all_terms:
            several(term.notes, "term notes")
            for item in term.extra:
                if not _is_plain_extra(item):
                    bump(f"{item.type or item.element} ({item.element}, term level)")
    return [
        Problem(
            f"CSV cannot hold {name}: {count} {'entries' if count != 1 else 'entry'} not written"
        )
        for name, count in counts.items()
    ]


def _csv_line(cells: list[str]) -> str:
    return ",".join(_quote(guard(cell)) for cell in cells) + "\r\n"


def _quote(cell: str) -> str:
    if any(char in cell for char in ',"\r\n;\t|') or cell != cell.strip():
        return '"' + cell.replace('"', '""') + '"'
    return cell


def unsupported_fields(
    glossary: Glossary, fmt: str, *, notes: bool, status: bool = True
) -> list[Problem]:
    """One problem per model field that ``fmt`` has no place for, with how often it was set."""
    counts: dict[str, int] = {}

    def bump(name: str, present: object) -> None:
        if present:
            counts[name] = counts.get(name, 0) + 1

    for concept in glossary.concepts:
        bump("concept source", concept.sources)
        bump("language-level definition", concept.lang_definitions)
        bump("other TBX data categories", concept.extra)
        if not notes:
            bump("subject field", concept.subject_field)
            bump("definition", concept.definition)
        for term in concept.all_terms:
            bump("part of speech", term.part_of_speech)
            bump("term type", term.term_type)
            bump("usage note", term.usage_note)
            bump("term source", term.source)
            bump("source date", term.date)
            bump("case-sensitive matching", term.case_sensitive)
            bump("exact matching", term.exact)
            bump("used-until date", term.used_until)
            bump("fix-by-hand note", term.fix_by_hand)
            bump("context", term.context)
            bump("other TBX data categories", term.extra)
            if not notes:
                bump("term note", term.notes)
            if not status:
                bump("status (non-preferred terms)", term.status is not TermStatus.PREFERRED)
    return [
        Problem(
            f"{fmt} cannot hold {name}: {count} {'entries' if count != 1 else 'entry'} not written"
        )
        for name, count in counts.items()
    ]
