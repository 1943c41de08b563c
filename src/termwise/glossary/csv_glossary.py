"""CSV glossaries as spreadsheets and CAT tools write them.

Two shapes exist in the wild. With a header row: a column per language (``en``, ``zh-CN``,
``English``...) plus optional columns such as ``status``, ``en status``, ``note``,
``definition``, ``id``. Without one: ``source,target,comment`` (the languages come from the
command's flags or the file name). The delimiter (comma, semicolon, tab, bar) is detected,
quoting follows RFC 4180, and every line that does not parse is reported with its number
rather than silently skipped or, worse, merged into its neighbour.

termwise writes CSV with a header: ``id``, ``subject field``, ``definition``, ``note``, then
for each language its term, ``<lang> status`` and ``<lang> note`` columns, one row per term
position. Fields CSV has no column for are reported by the writer.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from termwise import languages
from termwise.document.encoding import decode_bytes
from termwise.errors import InputError
from termwise.glossary.language_guess import is_language, resolve_pair
from termwise.glossary.model import Concept, DataCategory, Glossary, Problem, Term, TermStatus

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
}


# --------------------------------------------------------------------------- RFC 4180


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
            problems.append(Problem(error, str(path), start_line))
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
    """What a header cell names: ``("term", lang)``, ``("status", lang)``, ``("note", None)``..."""
    name = cell.strip().lstrip("\ufeff")
    lowered = name.lower().replace("_", " ").replace("-", " ").strip()
    if lowered in _CONCEPT_COLUMNS:
        return _CONCEPT_COLUMNS[lowered], None
    for suffix, role in (
        (" status", "status"),
        (" note", "note"),
        (" notes", "note"),
        (" comment", "note"),
    ):
        if name.lower().endswith(suffix):
            lang = _language_of(name[: -len(suffix)])
            if lang:
                return role, lang
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
    records = list(parse_records(text, delimiter, path, glossary.problems))
    if not records:
        raise InputError("no CSV record could be read", path, line=1)
    first_line, first = records[0]
    roles = [column_role(cell) for cell in first]
    has_languages = any(role is not None and role[0] == "term" for role in roles)
    unknown = [
        cell.strip()
        for role, cell in zip(roles, first, strict=False)
        if role is None and cell.strip()
    ]
    # A header names languages; a column it does not recognise ("Domain code") is reported
    # and ignored, unless most cells are unknown, which means the first row is data.
    is_header = has_languages and len(unknown) * 2 < len(first)
    source_target_header = [r[0] if r else None for r in roles][:2] == ["source", "target"]
    if is_header:
        for name in unknown:
            glossary.problems.append(
                Problem(
                    f"column {name!r} is not a language, status or note; ignored",
                    str(path),
                    first_line,
                )
            )
        _read_with_header(glossary, records[1:], roles, path)
    elif source_target_header or not _read_term_list(glossary, records, path, options):
        rows = records[1:] if source_target_header else records
        src, tgt, origin = resolve_pair(path, options.source_lang, options.target_lang)
        if src is None or tgt is None:
            raise InputError(
                "CSV without a language header: name the languages with --from and --to "
                "(or a file name such as glossary_en_zh_CN_.csv)",
                path,
                line=first_line,
            )
        _read_two_columns(glossary, rows, src, tgt, path)
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
    if options.target_lang:
        source = f"--from {options.source_lang}" if options.source_lang else "--from LANG"
        raise InputError(
            f"{what}, with no column of {options.target_lang} terms; import it with {source} "
            "alone, or name its columns by language (en;zh;status) for a bilingual glossary",
            path,
            line=first_line,
        )
    src, _, _ = resolve_pair(path, options.source_lang, None)
    if src is None:
        raise InputError(
            f"{what}: name its language with --from (or a file name such as terms_en.csv)",
            path,
            line=first_line,
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
    _list_rows(glossary, rows, roles, src, path)
    return True


def _list_rows(
    glossary: Glossary,
    rows: list[tuple[int, list[str]]],
    roles: list[str | None],
    lang: str,
    path: Path,
) -> None:
    by_id: dict[str, Concept] = {}
    seen: dict[str, int] = {}
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
            status = _status_word(status_text)
            if status is None or status is TermStatus.UNSPECIFIED:
                glossary.problems.append(
                    Problem(f"unknown status {status_text!r}; the term keeps none", str(path), line)
                )
            else:
                term.status = status
        term.part_of_speech = values.get("part of speech")
        term.term_type = values.get("term type")
        term.context = values.get("context")
        term.usage_note = values.get("usage note")
        term.source = values.get("source")
        if "gender" in values:
            term.extra.append(DataCategory("termNote", "grammaticalGender", values["gender"]))
        concept_id = values.get("id") or f"r{line}"
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


def _read_with_header(
    glossary: Glossary,
    records: list[tuple[int, list[str]]],
    roles: list[tuple[str, str | None] | None],
    path: Path,
) -> None:
    by_id: dict[str, Concept] = {}
    width = len(roles)
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
        concept_id = values.get(("id", None)) or f"r{line}"
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
        row_status = values.get(("status", None))
        added = False
        for (kind, lang), value in values.items():
            if kind != "term" or lang is None:
                continue
            status_text: str | None = values.get(("status", lang)) or row_status
            term = Term(text=value, lang=lang)
            if status_text:
                try:
                    term.status = TermStatus.parse(status_text)
                except ValueError:
                    glossary.problems.append(
                        Problem(
                            f"unknown status {status_text!r}; read as admitted", str(path), line
                        )
                    )
                    term.status = TermStatus.ADMITTED
            elif concept.terms(lang):
                term.status = TermStatus.ADMITTED
            term_note = values.get(("note", lang))
            if term_note:
                term.notes.extend(split_notes(term_note))
            concept.add(term)
            added = True
        if not added and len(values) > 0 and ("id", None) not in values:
            glossary.problems.append(Problem("row without any term; skipped", str(path), line))
    for concept in list(glossary.concepts):
        if not concept.all_terms:
            glossary.concepts.remove(concept)


def _read_two_columns(
    glossary: Glossary, records: list[tuple[int, list[str]]], src: str, tgt: str, path: Path
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
) -> None:
    """Add one source/target/comment line; lines sharing a source term share a concept.

    The format has no status, so none is invented (the first target is not thereby
    preferred), and a line's comment stays with its target term: written back, each pair
    gets its own comment, not every comment of the concept.
    """
    source = source.strip()
    target = target.strip()
    concept = by_source.get(source)
    if concept is None:
        concept = Concept(id=f"l{line}")
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
    """CSV with a header row; returns the bytes and the fields CSV cannot hold."""
    langs = glossary.languages()
    header = ["id", "subject field", "definition", "note"]
    for lang in langs:
        header += [lang, f"{lang} status", f"{lang} note"]
    out = io.StringIO()
    out.write(_csv_line(header))
    for concept in glossary.concepts:
        per_lang = {lang: concept.terms(lang) for lang in langs}
        rows = max((len(terms) for terms in per_lang.values()), default=0)
        for index in range(max(rows, 1)):
            row = [concept.id]
            if index == 0:
                row += [
                    concept.subject_field or "",
                    concept.definition or "",
                    NOTE_SEPARATOR.join(concept.notes),
                ]
            else:
                row += ["", "", ""]
            for lang in langs:
                terms = per_lang[lang]
                if index < len(terms):
                    term = terms[index]
                    row += [term.text, term.status.value, NOTE_SEPARATOR.join(term.notes)]
                else:
                    row += ["", "", ""]
            out.write(_csv_line(row))
    return out.getvalue().encode(options.encoding), unsupported_fields(glossary, "CSV", notes=True)


def _csv_line(cells: list[str]) -> str:
    return ",".join(_quote(cell) for cell in cells) + "\r\n"


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
