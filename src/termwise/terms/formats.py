"""Writing extracted candidates: text for people, JSON and CSV for tools, TBX for termbases."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from termwise.spreadsheet_cells import guard
from termwise.terms import CANDIDATE_CSV_COLUMNS, CANDIDATE_CSV_CUT_OFF_COLUMNS
from termwise.terms.extract import (
    CUT_OFF,
    DEFINED,
    FLOOR,
    GLOSSARY,
    KNOWN,
    NEW,
    UNRECORDED,
    Candidate,
    Extraction,
)

if TYPE_CHECKING:
    from pathlib import Path

    from termwise.document.model import Document


def candidate_json(candidate: Candidate) -> dict[str, Any]:
    """The issue's JSON shape: term, variants, frequency, score, concept, status (how much
    of the group the glossary has: known, unrecorded-variant, new), glossary_status (the
    term's own status there, null where it lacks it: "known" is no approval, the form may be
    deprecated), kind ("name" for a person's, place's or firm's name, else "term"),
    cut_off_side and kept_because (``cut_off_side``), occurrences."""
    side, reason = cut_off_side(candidate)
    return {
        "term": candidate.term,
        "variants": candidate.variants,
        "frequency": candidate.frequency,
        "score": round(candidate.score, 4),
        "concept": candidate.concept,
        "status": candidate.status,
        "glossary_status": candidate.term_status,
        "kind": candidate_kind(candidate),
        "cut_off_side": side,
        "kept_because": reason,
        "occurrences": [
            {"segment": o.segment, "start": o.start, "end": o.end} for o in candidate.occurrences
        ],
    }


def candidate_kind(candidate: Candidate) -> str:
    """A name is listed with the terms (ACTER's gold counts names) but a glossary wants
    it told apart."""
    return "name" if candidate.name else "term"


def cut_off_side(candidate: Candidate) -> tuple[str, str]:
    """Whether ``candidate`` is ``above`` the cut-off (at or above it) or ``below`` it, and
    why it is listed (``KEPT_BECAUSE``): the text listing says so in its sections, and JSON
    and CSV lost it, so that a short text's best few read as terms the combiner kept."""
    return ("above" if candidate.kept == CUT_OFF else "below"), KEPT_BECAUSE[candidate.kept]


def to_json(candidates: list[Candidate], extraction: Extraction | None = None) -> str:
    """The candidates with the cut-off they were kept by and the floor of a text this
    long (``Extraction.floor``), where ``extraction`` gives them."""
    head: dict[str, Any] = {}
    if extraction is not None:
        head = {"cut_off": round(extraction.threshold, 4), "floor": extraction.floor}
    return json.dumps(
        head | {"candidates": [candidate_json(c) for c in candidates]},
        ensure_ascii=False,
        indent=2,
    )


def to_csv(candidates: list[Candidate], cut_off: float | None = None) -> str:
    """A row a candidate; ``cut_off`` (the extraction's threshold) in a column of every
    row, a CSV having no place for it once."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CANDIDATE_CSV_COLUMNS + CANDIDATE_CSV_CUT_OFF_COLUMNS)
    threshold = "" if cut_off is None else f"{cut_off:.4f}"
    for c in candidates:
        cells = [
            c.term,
            "; ".join(c.variants),
            str(c.frequency),
            f"{c.score:.4f}",
            c.concept or "",
            c.status,
            candidate_kind(c),
            threshold,
            *cut_off_side(c),
        ]
        # A term such as "-ism" or "+/-" must stay text in the spreadsheet.
        writer.writerow([guard(cell) for cell in cells])
    return out.getvalue()


def encoded(text: str, encoding: str, where: Path | None) -> bytes:
    """``text`` in ``encoding``, refused before anything is written where the encoding
    cannot hold a term, as `glossary export` refuses it: a list without them would look
    complete."""
    from termwise.glossary.formats import cannot_hold

    try:
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        raise cannot_hold(error, encoding, where, "write utf-8, utf-8-sig or utf-16") from None


def to_text(candidates: list[Candidate], extraction: Extraction) -> str:
    """One line per candidate, those at the cut-off first, then each kind kept below it
    under a line that says why; unrecorded forms of a linked group are starred.

    The list is what the extractor keeps, which is more than the cut-off alone on a short
    text: saying "cut-off 0.25" under lines scored 0.00 told the reader the list was cut
    where it was not. In each part the names come after the terms, marked: a paper's
    authors and places headed the list (``names``)."""
    sections = {
        reason: sorted((c for c in candidates if c.kept == reason), key=lambda c: c.name)
        for reason in _SECTIONS
    }
    lines = [_line(c) for c in sections[CUT_OFF]]
    for reason, heading in _SECTIONS.items():
        if reason == CUT_OFF or not sections[reason]:
            continue
        if reason == FLOOR:
            heading = heading.format(floor=extraction.floor)
        lines.append(f"-- below the cut-off, {heading}:")
        lines.extend(_line(c) for c in sections[reason])
    counts = [f"{len(sections[CUT_OFF])} at or above it"]
    counts += [
        f"{len(sections[reason])} below it ({KEPT_BECAUSE[reason]})"
        for reason in _SECTIONS
        if reason != CUT_OFF and sections[reason]
    ]
    named = sum(c.name for c in candidates)
    if named:
        counts.append(f"{named} of them names, after the terms of each part")
    # The key to the stars only where a line has one: on a fresh project none has.
    starred = any(_starred(c, form) for c in candidates for form in c.forms)
    lines.append(
        f"{len(candidates)} candidates (cut-off {extraction.threshold:.2f}): "
        f"{', '.join(counts)}" + ("; * marks a form the glossary lacks" if starred else "")
    )
    return "\n".join(lines) + "\n"


_SECTIONS = {
    CUT_OFF: "",
    GLOSSARY: "linked to the glossary",
    DEFINED: "abbreviations the text defines, with their long forms",
    FLOOR: "kept because a text this long holds about {floor} terms, more than reach it",
}
# Why a candidate is listed, as JSON and CSV say it (``cut_off_side``) and the listing's last
# line counts each section below the cut-off: its score, else its section's reason.
KEPT_BECAUSE = {
    CUT_OFF: "score",
    GLOSSARY: "glossary",
    DEFINED: "defined abbreviation",
    FLOOR: "short text",
}


def _starred(c: Candidate, form: str) -> bool:
    """Whether the listing stars ``form``: a form of a glossary concept the glossary lacks."""
    return c.form_status.get(form) == UNRECORDED


def _line(c: Candidate) -> str:
    # The term's status in the glossary ("T01 deprecated"): "T01 known" read as approved.
    link = f"{c.concept} {c.term_status or c.status}" if c.concept else c.status
    if c.name:
        link += ", name"
    forms = []
    for form in c.forms[1:]:
        forms.append(("*" if _starred(c, form) else "") + c.surfaces[form])
    head_star = "*" if _starred(c, c.forms[0]) else ""
    variants = f"  [{'; '.join(forms)}]" if forms else ""
    return f"{c.score:5.2f} {c.frequency:5d}  {head_star}{c.term}  ({link}){variants}"


# The note on every term of a candidate termbase: nobody has reviewed it yet.
UNREVIEWED_NOTE = "candidate: unreviewed (termwise terms extract)"
# The note on a named entity's concept: a name to look up, which may need no entry.
NAME_NOTE = "candidate: a name (the text capitalises it), not a term"


def to_tbx(
    candidates: list[Candidate],
    lang: str,
    documents: Sequence[Document] | None = None,
    taken: Collection[str] = (),
) -> bytes:
    """New candidates as a TBX-Basic termbase of proposed concepts, every form a term with
    no administrative status and a note saying it is an unreviewed candidate, for a
    terminologist to sort out; each carries the sentence it was first found in as its
    context and that place (``paper.txt, line 34``) as its source, as ``glossary add
    --from`` records them, where ``documents`` (the extraction's) are given.

    Marked "admitted", every candidate imported into the glossary became a term the checks
    accept. A form the glossary already has is left out: imported into the glossary folder,
    the file merges by concept id, and "admitted" here turned the glossary's deprecated
    variants into admitted ones, so that no check reported them any more. A known
    concept's new forms keep its id, to be merged into it; a new one gets the id `glossary
    add` gives its term ("wind-turbine"), unique in the file and beside the concept ids in
    ``taken`` (the glossary's): the id stays once the file is imported, and check messages,
    MT notes and exports named concepts "candidate-64"."""
    from termwise.glossary.model import Concept, Glossary, Term, TermStatus
    from termwise.glossary.tbx import write_tbx
    from termwise.terms.recording import new_concept_id

    places = _first_places(candidates, documents or [])
    glossary = Glossary(title=_tbx_title(lang, documents or []), lang=lang)
    # Every id in use, the linked concepts' included: a new term's id must not be one of
    # theirs, wherever in the file either comes.
    ids = Glossary(lang=lang)
    ids.concepts = [Concept(id=i) for i in {*taken, *(c.concept for c in candidates if c.concept)}]
    for c in candidates:
        forms = [form for form in c.forms if c.form_status.get(form) != KNOWN]
        if not forms:
            continue
        concept = Concept(id=c.concept or new_concept_id(ids, c.term))
        ids.concepts.append(concept)
        if c.status != NEW:
            concept.notes.append(f"candidate: forms of {c.concept} the glossary lacks")
        # A plain note: a "termwise:" one is a setting the reader must know.
        concept.notes.append(f"candidate: frequency {c.frequency}, score {c.score:.3f}")
        if c.name:
            concept.notes.append(NAME_NOTE)
        for form in forms:
            term = Term(
                text=c.surfaces[form],
                lang=lang,
                status=TermStatus.UNSPECIFIED,
                notes=[UNREVIEWED_NOTE],
            )
            place = places.get((id(c), form))
            if place is not None:
                term.context, term.source = place
            concept.add(term)
        glossary.concepts.append(concept)
    data, _ = write_tbx(glossary)
    return data


def _tbx_title(lang: str, documents: Sequence[Document]) -> str:
    """What the termbase is, as a glossary listing shows its title once imported: whose
    candidates, in which language, and that nobody has reviewed them."""
    from termwise import languages

    named = [doc.path.name for doc in documents if doc.path is not None]
    if len(named) == 1:
        whose = f" of {named[0]}"
    elif named:
        more = len(named) - 1
        whose = f" of {named[0]} and {more} more document{'s' if more > 1 else ''}"
    else:
        whose = ""
    language = languages.display_name(lang)
    return f"Unreviewed {language} term candidates{whose} (termwise terms extract)"


def _first_places(
    candidates: list[Candidate], documents: Sequence[Document]
) -> dict[tuple[int, str], tuple[str, str | None]]:
    """The first occurrence of each form of each candidate: its sentence, and its document
    and line as ``glossary add --from`` writes a source (none for a document without a
    file)."""
    from termwise.terms.recording import Found

    segments = [{segment.id: segment for segment in doc.segments} for doc in documents]
    found: dict[tuple[int, str], tuple[str, str | None]] = {}
    for c in candidates:
        for place in c.occurrences:
            key = (id(c), place.form)
            if key in found or place.document >= len(documents):
                continue
            document = documents[place.document]
            segment = segments[place.document].get(place.segment)
            if segment is None:
                continue
            source = None
            if document.path is not None:
                start, _ = segment.to_source(place.start, place.end)
                line, _ = document.line_col(start)
                source = Found(document.path, line, segment.text).source
            found[key] = (segment.text, source)
    return found
