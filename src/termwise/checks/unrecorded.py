"""The unrecorded-variant check: forms of a glossary concept that the glossary lacks.

Term discovery (``termwise.terms``) groups the forms a text uses for one concept; where a
group holds a glossary term, its other forms ("human destiny community" beside the recorded
"community of human destiny") are variants nobody has entered yet. Each of their uses is
reported once, at info level, so the translator can record them (``termwise glossary add
--concept``) and the terminology checks then catch them.

The check is off unless the project asks for it (``[checks] enable`` naming it, or a
severity for it under ``[checks.severity]`` in ``termwise.toml``): it runs term discovery
over the whole document, and its issues name glossary concepts, which ``termwise fix
--concept`` and the workbench's per-concept fixes would otherwise gather up with the
fixable variants.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register

CHECK_ID = "unrecorded-variant"


def _opted_in(context: CheckContext) -> str | None:
    config = context.config
    wanted = (config.enabled_only is not None and CHECK_ID in config.enabled_only) or (
        CHECK_ID in config.severities
    )
    if wanted:
        return None
    return "off unless enabled in termwise.toml ([checks] enable or [checks.severity])"


@register(
    CHECK_ID,
    Severity.INFO,
    "A form of a glossary concept that the glossary does not record (found by term discovery).",
    Scope.DOCUMENT,
    needs_glossary=True,
    needs_target=False,
    category="terminology",
    availability=_opted_in,
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
