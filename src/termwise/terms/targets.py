"""The target-side variation report: how a translation renders each glossary concept.

For every concept the glossary matcher finds in the source, the report accounts for each
occurrence: rendered by one of the glossary's target terms, by something the translation
says instead (found by alignment), or not found ("missing"). Each target occurrence renders
one source occurrence at most, so what the glossary's terms render is not offered again as
another rendering, and the counts add up to the source's.

Alignment is association over the segments whose occurrences are still unaccounted for: a
target candidate (an n-gram of the target language, from the same candidate pass as term
extraction) that occurs in their translations and seldom elsewhere has a high Dice
coefficient with them. It must also look like a translation of the source form rather than
a word that happens to stand beside it (``_enough``). For a concept without a target term in
the glossary, the aligned rendering the translation uses consistently is proposed as one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termwise import languages
from termwise.glossary.model import Glossary
from termwise.terms import candidates as cand
from termwise.terms.variants import StemKeys

if TYPE_CHECKING:
    from termwise.glossary.matcher import TermMatch

# An aligned rendering stands in at least this many of the segments still unaccounted for,
# with at least this Dice score against them.
MIN_SEGMENTS = 2
MIN_DICE = 0.3
# A one-word rendering of a source form of two or three content words (a compound:
# "aerogenerador" for "wind turbine", "Offshore-Windpark" for "offshore wind farm") is told
# from a word that merely stands beside the term ("extranjera" beside "community of
# destiny", "nuevas" for "new era") only by stronger evidence. Longer source forms are not
# folded into one word: a single word there is a fragment of the rendering
# ("características" from "diplomacy of big powers with Chinese characteristics"), as is a
# word of the concept's own target terms ("comunidad"), and so are renderings of two words
# or more shorter than ``_long_enough`` allows.
SHORT_MAX_SOURCE = 3
SHORT_MIN_SEGMENTS = 3
SHORT_MIN_DICE = 0.8
# Content words a rendering may have beyond the source form's ("of the" is no content word).
EXTRA_WORDS = 2
# A proposed target term renders at least this share of the concept's translated segments:
# the translation's consistent choice, not one of several.
PROPOSAL_SHARE = 0.5

Span = tuple[int, int]


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
    # Source occurrences in ``missing`` left unrendered: with the renderings' counts, they
    # add up to ``source_count``.
    missing_count: int = 0
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
            "missing_count": self.missing_count,
            "proposal": self.proposal,
        }


@dataclass
class _Translation:
    """The target side: each translated segment's candidate forms (by inflection-free key)
    with their spans, and the spans already taken as renderings of some occurrence."""

    spans: dict[str, dict[str, list[Span]]] = field(default_factory=dict)
    segments_of_form: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    words: dict[str, int] = field(default_factory=dict)
    written: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    claimed: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))

    def free(self, segment_id: str, form: str) -> list[Span]:
        """The spans of ``form`` in the segment that render nothing yet."""
        taken = self.claimed.get(segment_id, ())
        return [
            (start, end)
            for start, end in self.spans[segment_id].get(form, ())
            if not any(start < t_end and t_start < end for t_start, t_end in taken)
        ]

    def surface(self, form: str) -> str:
        return self.written[form].most_common(1)[0][0]


def target_report(
    pairs: Sequence[tuple[str, str, str | None]],
    glossary: Glossary,
    source_lang: str,
    target_lang: str,
    drafts: Collection[str] = frozenset(),
    chosen: Mapping[str, str] | None = None,
) -> list[ConceptTargets]:
    """The report over ``(segment id, source, target)`` triples (target None: untranslated).

    ``drafts`` are the segments whose translation is a machine's draft no one has edited:
    their renderings are reported, but no target term is proposed from them ("comunidad de
    destiny", half English, was proposed from raw MT alone). ``chosen`` is the project's
    [mt.terms]: a concept's official rendering is the one it chose."""
    from termwise.glossary.matcher import TermMatcher

    source_matcher = TermMatcher(glossary, source_lang)
    target_matcher = TermMatcher(glossary, target_lang)
    source_tag = languages.normalize(source_lang)
    tag = languages.normalize(target_lang)
    sep = cand.joiner(tag)
    # Word counts compare only between languages that write words apart.
    compare_lengths = bool(sep) and bool(cand.joiner(source_tag))
    # Inflected forms count as one ("turbina de viento", "turbinas de viento").
    keys = StemKeys(tag)
    translation = _Translation()
    concept_segments: dict[str, list[str]] = defaultdict(list)
    needed: dict[str, Counter[str]] = defaultdict(Counter)
    source_words: dict[str, dict[str, int]] = defaultdict(dict)
    glossary_hits: dict[str, dict[str, list[TermMatch]]] = defaultdict(lambda: defaultdict(list))
    for segment_id, source, target in pairs:
        for match in source_matcher.find(source):
            concept_id = match.concept_id
            if segment_id not in needed[concept_id]:
                concept_segments[concept_id].append(segment_id)
            needed[concept_id][segment_id] += 1
            words = _content_words(cand.tokenize(match.text, source_tag))
            known = source_words[concept_id].get(segment_id)
            source_words[concept_id][segment_id] = words if known is None else min(known, words)
        if not target:
            continue
        for match in target_matcher.find(target):
            glossary_hits[match.concept_id][segment_id].append(match)
            # A glossary term renders its own concept and nothing else.
            translation.claimed[segment_id].append((match.start, match.end))
        tokens = cand.tokenize(target, tag)
        forms: dict[str, list[Span]] = defaultdict(list)
        for i, j, form in cand.spans(tokens, sep):
            key = keys.key(form)
            start, end = tokens[i].start, tokens[j - 1].end
            if key not in forms:
                translation.segments_of_form[key].append(segment_id)
            forms[key].append((start, end))
            if key not in translation.words:
                translation.words[key] = _content_words(tokens[i:j])
            translation.written[key][target[start:end]] += 1
        translation.spans[segment_id] = forms
    order = sorted(concept_segments, key=lambda c: (-sum(needed[c].values()), c))
    report = []
    # The concepts the source uses most take their renderings first: a target form that
    # renders "community of human destiny" is then not also offered for "community of
    # destiny".
    for concept_id in order:
        segment_ids = concept_segments[concept_id]
        need = needed[concept_id]
        preferred = glossary.concept(concept_id).rendering(tag, chosen or {})
        entry = ConceptTargets(
            concept_id, sum(need.values()), preferred.text if preferred else None
        )
        _glossary_renderings(entry, segment_ids, need, glossary_hits.get(concept_id, {}))
        lengths = source_words[concept_id] if compare_lengths else None
        # A word of the concept's own target terms is a fragment of them, not a compound.
        fragments = {
            keys.key(token.norm)
            for term in glossary.concept(concept_id).terms(tag)
            for token in cand.tokenize(term.text, tag)
            if token.kind == cand.CONTENT
        }
        aligned = _aligned(segment_ids, need, translation, lengths, fragments)
        for form, dice, together, count in aligned:
            entry.renderings.append(
                Rendering(translation.surface(form), count, together, None, dice)
            )
        entry.renderings.sort(key=lambda r: (-r.count, r.text))
        entry.missing = [s for s in segment_ids if need[s] > 0]
        entry.missing_count = sum(need[s] for s in entry.missing)
        if preferred is None:
            entry.proposal = _proposal(entry, segment_ids, translation, drafts)
        report.append(entry)
    report.sort(key=lambda e: (-e.source_count, e.concept))
    return report


def _glossary_renderings(
    entry: ConceptTargets,
    segment_ids: Sequence[str],
    need: Counter[str],
    hits: Mapping[str, Sequence[TermMatch]],
) -> None:
    """The glossary's own target terms where the translation uses them, one source
    occurrence each: a target that repeats the term does not render more than the source
    said."""
    found: dict[str, Rendering] = {}
    for segment_id in segment_ids:
        for match in hits.get(segment_id, ()):
            if need[segment_id] == 0:
                break
            need[segment_id] -= 1
            rendering = found.get(match.term.text)
            if rendering is None:
                rendering = found[match.term.text] = Rendering(
                    match.term.text, 0, [], match.status.value
                )
            rendering.count += 1
            if segment_id not in rendering.segments:
                rendering.segments.append(segment_id)
    entry.renderings.extend(found.values())


def _aligned(
    segment_ids: Sequence[str],
    need: Counter[str],
    translation: _Translation,
    lengths: Mapping[str, int] | None,
    fragments: Collection[str],
) -> list[tuple[str, float, list[str], int]]:
    """What the translation says instead, best first: ``(form, dice, segments, count)``.

    Each round scores the forms of the segments still unaccounted for and takes the best
    one's free occurrences, so a second rendering is another way the translation says the
    term where the first is absent, and a word inside the first is not one."""
    chosen = []
    while True:
        open_ids = [s for s in segment_ids if need[s] > 0 and s in translation.spans]
        if len(open_ids) < MIN_SEGMENTS:
            break
        best = _best_form(open_ids, translation, lengths, fragments)
        if best is None:
            break
        form, dice, together = best
        count = 0
        for segment_id in together:
            taken = translation.free(segment_id, form)[: need[segment_id]]
            translation.claimed[segment_id].extend(taken)
            need[segment_id] -= len(taken)
            count += len(taken)
        chosen.append((form, dice, together, count))
    return chosen


def _best_form(
    open_ids: Sequence[str],
    translation: _Translation,
    lengths: Mapping[str, int] | None,
    fragments: Collection[str],
) -> tuple[str, float, list[str]] | None:
    """The form most associated with the open segments that is evidence enough; a form as
    long as the source term before a shorter one, whatever their scores (a single word
    that every segment holds, "destino", outscores the rendering it stands in)."""
    open_set = set(open_ids)
    together: dict[str, list[str]] = defaultdict(list)
    for segment_id in open_ids:
        for form in translation.spans[segment_id]:
            if translation.free(segment_id, form):
                together[form].append(segment_id)
    best: tuple[tuple[bool, float, int, int, int], str, float, list[str]] | None = None
    for form, inside in together.items():
        if len(inside) < MIN_SEGMENTS:
            continue
        elsewhere = sum(
            1
            for segment_id in translation.segments_of_form[form]
            if segment_id not in open_set and translation.free(segment_id, form)
        )
        dice = 2 * len(inside) / (len(open_ids) + len(inside) + elsewhere)
        if dice < MIN_DICE:
            continue
        words = translation.words[form]
        full = True
        if lengths is not None:
            source = min(lengths[s] for s in inside)
            full = _long_enough(words, source)
            if words > source + EXTRA_WORDS:
                continue
            if not full and (
                words > 1
                or form in fragments
                or source > SHORT_MAX_SOURCE
                or len(inside) < SHORT_MIN_SEGMENTS
                or dice < SHORT_MIN_DICE
            ):
                continue
        rank = (full, dice, len(inside), words, len(form))
        if best is None or rank > best[0]:
            best = (rank, form, dice, inside)
    return None if best is None else (best[1], best[2], best[3])


def _long_enough(words: int, source: int) -> bool:
    """Whether a rendering of ``words`` content words is as long as a source form of
    ``source``: as many, or one fewer from four words on, where a long name may fold two of
    its words into one; a pair of words for a four-word term is mostly a fragment of its
    rendering ("características chinas" for "diplomatic work with Chinese
    characteristics")."""
    return words >= (source - 1 if source >= 4 else source)


def _proposal(
    entry: ConceptTargets,
    segment_ids: Sequence[str],
    translation: _Translation,
    drafts: Collection[str],
) -> str | None:
    """The aligned rendering a person's translation uses in most of the concept's segments a
    person translated (``drafts`` left out), if it uses one there consistently."""
    translated = sum(1 for s in segment_ids if s in translation.spans and s not in drafts)
    by_people = {
        r.text: [s for s in r.segments if s not in drafts]
        for r in entry.renderings
        if r.status is None
    }
    aligned = [text for text, segments in by_people.items() if len(segments) >= MIN_SEGMENTS]
    if not aligned or translated == 0:
        return None
    rank = {r.text: (r.dice or 0.0, r.count) for r in entry.renderings}
    best = max(aligned, key=lambda text: (len(by_people[text]), *rank[text]))
    return best if len(by_people[best]) >= PROPOSAL_SHARE * translated else None


def _content_words(tokens: Sequence[cand.Token]) -> int:
    return sum(1 for token in tokens if token.kind == cand.CONTENT)
