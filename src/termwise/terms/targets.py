"""The target-side variation report: how a translation renders each glossary concept.

For every concept the glossary matcher finds in the source, the report lists each target
rendering actually used, with its count and segments: the glossary's own target terms where
the translation uses them, and otherwise what the translation says instead, found by
alignment. Alignment is association over segment pairs: a target candidate (an n-gram of the
target language, from the same candidate pass as term extraction) that occurs in the
translations of the concept's segments and seldom elsewhere has a high Dice coefficient
with the concept. For a concept without a target term in the glossary, the best aligned
rendering is proposed as one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from termwise import languages
from termwise.glossary.model import Glossary
from termwise.terms import candidates as cand
from termwise.terms.variants import StemKeys

# A rendering is proposed from at least this many segments, with at least this Dice score.
MIN_SEGMENTS = 2
MIN_DICE = 0.3


@dataclass
class Rendering:
    """One target rendering of a concept: its text, count, segments and glossary status."""

    text: str
    count: int
    segments: list[str]
    status: str | None  # the glossary status, or None for a rendering the glossary lacks
    dice: float | None = None


@dataclass
class ConceptTargets:
    """What the translation does with one concept."""

    concept: str
    source_count: int
    official: str | None
    renderings: list[Rendering] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # segments with no rendering found
    proposal: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "concept": self.concept,
            "source_count": self.source_count,
            "official": self.official,
            "renderings": [
                {
                    "text": r.text,
                    "count": r.count,
                    "segments": r.segments,
                    "status": r.status,
                    "dice": None if r.dice is None else round(r.dice, 3),
                }
                for r in self.renderings
            ],
            "missing": self.missing,
            "proposal": self.proposal,
        }


def target_report(
    pairs: Sequence[tuple[str, str, str | None]],
    glossary: Glossary,
    source_lang: str,
    target_lang: str,
) -> list[ConceptTargets]:
    """The report over ``(segment id, source, target)`` triples (target None: untranslated)."""
    from termwise.glossary.matcher import TermMatcher

    source_matcher = TermMatcher(glossary, source_lang)
    target_matcher = TermMatcher(glossary, target_lang)
    tag = languages.normalize(target_lang)
    sep = cand.joiner(tag)
    # Inflected forms count as one ("turbina de viento", "turbinas de viento").
    keys = StemKeys(tag)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    concept_segments: dict[str, list[str]] = defaultdict(list)
    target_forms: dict[str, set[str]] = {}
    surfaces: dict[str, str] = {}
    segments_of_form: dict[str, set[str]] = defaultdict(set)
    glossary_hits: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    statuses: dict[tuple[str, str], str] = {}
    occurrences: Counter[str] = Counter()
    for segment_id, source, target in pairs:
        for match in source_matcher.find(source):
            occurrences[match.concept_id] += 1
            if segment_id not in concept_segments[match.concept_id]:
                concept_segments[match.concept_id].append(segment_id)
        if not target:
            continue
        for match in target_matcher.find(target):
            glossary_hits[match.concept_id][match.term.text].append(segment_id)
            statuses[(match.concept_id, match.term.text)] = match.status.value
        tokens = cand.tokenize(target, tag)
        forms = set()
        for i, j, form in cand.spans(tokens, sep):
            key = keys.key(form)
            forms.add(key)
            written[key][target[tokens[i].start : tokens[j - 1].end]] += 1
            segments_of_form[key].add(segment_id)
        target_forms[segment_id] = forms
    for key, texts in written.items():
        surfaces[key] = texts.most_common(1)[0][0]
    report = []
    for concept_id, segment_ids in concept_segments.items():
        concept = glossary.concept(concept_id)
        preferred = concept.preferred(tag)
        # Occurrences, as the renderings the glossary knows are counted: "7× in the source"
        # beside 8 renderings was a segment holding the term twice.
        entry = ConceptTargets(
            concept_id, occurrences[concept_id], preferred.text if preferred else None
        )
        wanted = set(segment_ids)
        covered: set[str] = set()
        for text, hits in glossary_hits.get(concept_id, {}).items():
            inside = [s for s in hits if s in wanted]
            if inside:
                entry.renderings.append(
                    Rendering(text, len(inside), inside, statuses[(concept_id, text)])
                )
                covered.update(inside)
        for form, score, together in _aligned(wanted, target_forms, segments_of_form, covered):
            if any(_overlaps(form, r.text) for r in entry.renderings):
                continue
            entry.renderings.append(Rendering(surfaces[form], len(together), together, None, score))
            covered.update(together)
        entry.renderings.sort(key=lambda r: (-r.count, r.text))
        entry.missing = [s for s in segment_ids if s not in covered]
        if preferred is None:
            aligned = [r for r in entry.renderings if r.status is None]
            if aligned:
                entry.proposal = max(aligned, key=lambda r: (r.dice or 0.0, r.count)).text
        report.append(entry)
    report.sort(key=lambda e: (-e.source_count, e.concept))
    return report


def _aligned(
    wanted: set[str],
    target_forms: Mapping[str, set[str]],
    segments_of_form: Mapping[str, set[str]],
    covered: set[str],
) -> list[tuple[str, float, list[str]]]:
    """Target forms associated with the concept's segments, best first, none nested in a
    better one, each rendering segments no better one (nor the glossary) already covers: a
    second rendering is another way the translation says it, not a word that happens to
    stand beside the first."""
    translated = [s for s in wanted if s in target_forms]
    if len(translated) < MIN_SEGMENTS:
        return []
    counts: dict[str, int] = defaultdict(int)
    for segment_id in translated:
        for form in target_forms[segment_id]:
            counts[form] += 1
    scored = []
    for form, together in counts.items():
        if together < MIN_SEGMENTS:
            continue
        dice = 2 * together / (len(translated) + len(segments_of_form[form]))
        if dice >= MIN_DICE:
            scored.append((dice, together, len(form), form))
    scored.sort(reverse=True)
    chosen: list[tuple[str, float, list[str]]] = []
    for dice, _, _, form in scored:
        if any(_overlaps(form, other) for other, _, _ in chosen):
            continue
        together_ids = sorted(s for s in translated if form in target_forms[s])
        if covered.issuperset(together_ids):
            continue
        covered.update(together_ids)
        chosen.append((form, dice, together_ids))
    return chosen


def _overlaps(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a
