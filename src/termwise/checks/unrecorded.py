"""The unrecorded-variant check: forms of a glossary concept that the glossary lacks.

Term discovery (``termwise.terms``) groups the forms a text uses for one concept; where a
group holds a glossary term, its other forms ("human destiny community" beside the recorded
"community of human destiny") are variants nobody has entered yet. Each of their uses is
reported once, at info level, so the translator can record them (``termwise glossary add
--concept``) and the terminology checks then catch them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register

CHECK_ID = "unrecorded-variant"


@register(
    CHECK_ID,
    Severity.INFO,
    "A form of a glossary concept that the glossary does not record (found by term discovery).",
    Scope.DOCUMENT,
    needs_glossary=True,
    needs_target=False,
    category="terminology",
)
def unrecorded_variant(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    from termwise.terms.extract import UNRECORDED, extract_terms, segments_document

    assert context.glossary is not None
    document = segments_document([(p.segment_id, p.source) for p in pairs], context.source_lang)
    extraction = extract_terms(
        [document], context.source_lang, glossary=context.glossary, linked_only=True
    )
    by_id = {pair.segment_id: pair for pair in pairs}
    for candidate in extraction.candidates:
        if candidate.status != UNRECORDED or candidate.concept is None:
            continue
        concept = context.glossary.concept(candidate.concept)
        preferred = concept.preferred(context.source_lang)
        recorded = [f for f in candidate.forms if candidate.form_status.get(f) != UNRECORDED]
        shown = ", ".join(repr(candidate.surfaces[f]) for f in recorded[:3])
        for occurrence in candidate.occurrences:
            if candidate.form_status.get(occurrence.form) != UNRECORDED:
                continue
            pair = by_id[occurrence.segment]
            yield context.issue(
                pair,
                "source",
                occurrence.start,
                occurrence.end,
                f"{pair.source[occurrence.start : occurrence.end]!r} looks like a form of "
                f"{candidate.concept} ({shown}) that the glossary does not record",
                concept=candidate.concept,
                term=preferred.text if preferred else None,
            )
