"""OmegaT's glossary format: one entry per line, ``source<TAB>target<TAB>comment``.

OmegaT reads ``.txt``/``.tab``/``.utf8`` glossaries as UTF-8 and skips lines that start with
``#``; files from other tools also come as UTF-16 with a byte-order mark, which is accepted.
The format has no status, so termwise writes only official (preferred and admitted) terms
and reports what it left out; it names the languages in a ``#`` comment line, which OmegaT
ignores and termwise reads back. The format has no header row either: a tab-separated file
whose first row names languages (``en<TAB>es<TAB>status``) is a table, read as CSV.

Lines that share a source term become one concept with several target terms (OmegaT shows
them together too); no status is invented for them, and each line's comment is kept on its
own target term, so writing the glossary back gives each pair its own comment. Notes of the
concept (from a TBX, say) go on every pair of the concept.
"""

from __future__ import annotations

import re
from pathlib import Path

from termwise import languages
from termwise.document.encoding import decode_bytes
from termwise.errors import InputError
from termwise.glossary.csv_glossary import add_pair, unsupported_fields
from termwise.glossary.formats import ConceptsNotWritten, ReadOptions, WriteOptions
from termwise.glossary.language_guess import resolve_pair
from termwise.glossary.model import Concept, Glossary, Problem
from termwise.glossary.wording import concepts

_LANG_COMMENT = re.compile(r"^#.*\bsource:\s*(\S+?),\s*target:\s*(\S+?)\b", re.IGNORECASE)


def read_omegat(data: bytes, path: Path, options: ReadOptions) -> Glossary:
    """Read an OmegaT tab-separated glossary."""
    text = decode_bytes(data, path)
    lines = text.splitlines()
    src, tgt = options.source_lang, options.target_lang
    for line in lines[:5]:
        found = _LANG_COMMENT.match(line)
        if found:
            src = src or found.group(1)
            tgt = tgt or found.group(2)
            break
    src, tgt, _origin = resolve_pair(path, src, tgt)
    if src is None or tgt is None:
        raise InputError(
            "the glossary does not say its languages: name them with --from and --to "
            "(or a file name such as glossary_en_zh_CN_.txt)",
            path,
        )
    glossary = Glossary()
    by_source: dict[str, Concept] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            glossary.problems.append(
                Problem("expected source<TAB>target[<TAB>comment]; line skipped", str(path), number)
            )
            continue
        if len(fields) > 3 and any(field.strip() for field in fields[3:]):
            glossary.problems.append(
                Problem(
                    f"{len(fields)} tab-separated fields, expected at most 3; "
                    "the rest joined to the comment",
                    str(path),
                    number,
                )
            )
            fields = [fields[0], fields[1], " ".join(f for f in fields[2:] if f.strip())]
        comment = fields[2] if len(fields) > 2 else ""
        add_pair(glossary, by_source, fields[0], fields[1], comment, src, tgt, number)
    return glossary


def write_omegat(glossary: Glossary, options: WriteOptions) -> tuple[bytes, list[Problem]]:
    """Write official source/target pairs; returns the bytes and what was left out."""
    langs = glossary.languages()
    src = languages.normalize(options.source_lang) if options.source_lang else None
    tgt = languages.normalize(options.target_lang) if options.target_lang else None
    src = src or (glossary.lang if glossary.lang in langs else (langs[0] if langs else "en"))
    if tgt is None:
        others = [lang for lang in langs if lang != src]
        if not others:
            raise InputError("OmegaT glossaries need two languages; name the target with --to")
        tgt = others[0]
    lines = [f"# termwise glossary; source: {src}, target: {tgt}"]
    skipped_status = 0
    skipped_concepts = 0
    # OmegaT reads a line that starts with "#" as a comment: such a term cannot be written.
    commented = [term.text for _, term in glossary.terms(src) if term.text.startswith("#")]
    for concept in glossary.concepts:
        sources = [
            t for t in concept.terms(src) if t.status.is_official and not t.text.startswith("#")
        ]
        targets = [t for t in concept.terms(tgt) if t.status.is_official]
        skipped_status += sum(
            1 for t in concept.terms(src) + concept.terms(tgt) if not t.status.is_official
        )
        if not sources or not targets:
            skipped_concepts += 1
            continue
        for source in sources:
            for target in targets:
                row = [_one_line(source.text), _one_line(target.text)]
                notes = [*concept.notes, *source.notes, *target.notes]
                comment = "; ".join(_one_line(note) for note in dict.fromkeys(notes))
                if comment:
                    row.append(comment)
                lines.append("\t".join(row))
    text = "\n".join(lines) + "\n"
    encoding = options.encoding.lower()
    # Python's "utf-16" codec writes the byte-order mark OmegaT and Windows tools expect.
    data = text.encode("utf-16" if encoding in ("utf-16", "utf16") else options.encoding)
    problems = [
        problem
        for problem in unsupported_fields(glossary, "OmegaT's glossary", notes=False)
        if "term note" not in problem.message  # term notes go in the pair's comment
    ]
    if skipped_status:
        problems.append(
            Problem(
                f"OmegaT's glossary has no term status: {skipped_status} "
                "deprecated or superseded terms not written"
            )
        )
    if skipped_concepts:
        problems.append(
            ConceptsNotWritten(
                f"{concepts(skipped_concepts)} {'has' if skipped_concepts == 1 else 'have'} no "
                f"official term in both {src} and {tgt}; not written",
                count=skipped_concepts,
            )
        )
    if commented:
        problems.append(
            Problem(
                f"OmegaT reads a line starting with '#' as a comment: {len(commented)} terms "
                f"not written ({', '.join(repr(text) for text in commented[:3])})"
            )
        )
    dropped_langs = [lang for lang in langs if lang not in (src, tgt)]
    if dropped_langs:
        problems.append(
            Problem(
                f"OmegaT's glossary holds two languages; {', '.join(dropped_langs)} not written"
            )
        )
    return data, problems


def _one_line(text: str) -> str:
    return " ".join(text.split())
