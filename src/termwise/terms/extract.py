"""Term extraction from documents: candidates, scores, cut-off, variant groups, glossary links.

``extract_terms`` is the library entry point behind ``termwise terms extract``:

1. ``candidates.collect`` counts every candidate form in the corpus;
2. ``scoring.feature_matrix`` and the combiner (``model``) give each form a probability of
   being a term, and the combiner's own cut-off keeps the likely ones;
3. the glossary matcher finds the glossary's terms in the text, so that known terms are
   found whatever their shape ("one belt and one road") and groups link to concepts;
4. ``variants.build_groups`` gathers the forms of each concept into one candidate, and every
   group is told apart as ``known`` (all its forms are in the glossary), ``unrecorded-variant``
   (linked to a concept, with forms the glossary lacks) or ``new``;
5. ``names`` marks the named entities among them, which a listing shows after the terms.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from termwise import languages
from termwise.terms import candidates as cand
from termwise.terms.model import Combiner, load_combiner
from termwise.terms.names import names
from termwise.terms.scoring import (
    feature_matrix,
    field_adjectives,
    form_vetoes,
    lone_demonyms,
    split_form,
)
from termwise.terms.variants import (
    StemKeys,
    add_defined_forms,
    build_groups,
    find_abbreviations,
    group_frequencies,
)

if TYPE_CHECKING:
    from termwise.document.model import Document
    from termwise.glossary.model import Glossary

KNOWN = "known"
UNRECORDED = "unrecorded-variant"
NEW = "new"

# Why a candidate is kept: its score reaches the combiner's cut-off; or, below it, it is
# among the fewest a text of its length keeps (the density floor of ``Combiner.keep``), it
# is linked to a glossary concept, or it is an abbreviation the text defines.
CUT_OFF = "cut-off"
FLOOR = "floor"
GLOSSARY = "glossary"
DEFINED = "defined"

_SPACES = re.compile(r"\s+")
# Quotation marks are no part of a form: the glossary's "“一带一路”倡议" is the form
# "一带一路倡议" (stripped at the ends only, it was "一带一路”倡议").
_QUOTES = re.compile('["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]')
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Occurrence:
    """Where a form occurs: the document (index into the documents given), segment, span."""

    document: int
    segment: str
    start: int
    end: int
    form: str


@dataclass
class Candidate:
    """One concept as the text uses it: its most frequent form and every other one."""

    term: str
    forms: list[str]  # folded forms, the term's first
    surfaces: dict[str, str]  # folded form -> how the text writes it
    frequency: int
    score: float
    concept: str | None
    status: str
    form_status: dict[str, str] = field(default_factory=dict)
    occurrences: list[Occurrence] = field(default_factory=list)
    kept: str = CUT_OFF
    # Folded form -> the status its term has in the glossary (``TermStatus`` values), for the
    # forms the glossary has: "known" said only that, and read as "approved" of a
    # deprecated form.
    glossary_status: dict[str, str] = field(default_factory=dict)
    # A named entity (``names``): a translator looks a name up rather than records it, and
    # a listing puts names after the terms.
    name: bool = False

    @property
    def variants(self) -> list[str]:
        """The forms other than the term, as the text writes them."""
        return [self.surfaces[form] for form in self.forms[1:]]

    @property
    def term_status(self) -> str | None:
        """The glossary's status of the term (the group's head form), None where the
        glossary lacks it."""
        return self.glossary_status.get(self.forms[0])

    def unrecorded(self) -> list[str]:
        """Forms of a linked group that the glossary does not have."""
        return [self.surfaces[f] for f in self.forms if self.form_status.get(f) == UNRECORDED]


@dataclass
class Extraction:
    """The result of one run: the candidates, best first, and the corpus they came from."""

    lang: str
    candidates: list[Candidate]
    documents: list[Document]
    threshold: float
    # The fewest candidate forms a corpus this long keeps: below the cut-off, a short text
    # keeps its best ones down to that many.
    floor: int = 0


def extract_terms(
    documents: Sequence[Document],
    lang: str | None = None,
    *,
    glossary: Glossary | None = None,
    combiner: Combiner | None = None,
    occurrences: bool = True,
    linked_only: bool = False,
) -> Extraction:
    """Extract the terms of ``documents`` (one corpus, one language).

    ``linked_only`` skips scoring and returns only the groups linked to glossary concepts
    (what the unrecorded-variant check needs, at a fraction of the cost).
    """
    docs = list(documents)
    tag = languages.normalize(lang or (docs[0].lang if docs else "en"))
    texts = [segment_texts(doc) for doc in docs]
    index = cand.collect(texts, tag)
    keys = StemKeys(tag)
    # Groups keep a field apart from its adjective ("economics", "economic"); the combiner's
    # group frequency counts them together, as the shipped model learnt it.
    group_keys = StemKeys(tag, field_adjectives(index))
    forms = list(index.forms)
    model = combiner or load_combiner(tag)
    if forms and not linked_only:
        rows = feature_matrix(index, forms, group_frequencies(index.forms, keys))
        probability = model.probabilities(rows)
        probability[[_name_fragment(index.forms[form]) for form in forms]] = 0.0
        probability[form_vetoes(index, forms)] = 0.0
        probability[lone_demonyms(index, forms)] = 0.0
    else:
        probability = np.zeros(0)
    score = dict(zip(forms, (float(p) for p in probability), strict=False))
    kept = set() if linked_only else {forms[i] for i in model.keep(probability, index.words)}

    concepts: dict[str, str] = {}
    term_statuses: dict[str, str] = {}
    produced = set(index.forms)
    if glossary is not None:
        concepts, term_statuses = _glossary_forms(index, texts, tag, glossary)
        kept.update(concepts)
    abbreviations = find_abbreviations((t for doc in texts for t in doc), tag)
    defined = add_defined_forms(index.forms, abbreviations, tag)
    if not linked_only:
        kept.update(defined)
    groups = build_groups(
        index.forms, group_keys, seeds=kept, concepts=concepts, abbreviations=abbreviations
    )

    heads = [group.forms[0] for group in groups]
    named = dict(zip(heads, names(index, heads).tolist(), strict=True))
    result: list[Candidate] = []
    for group in groups:
        if linked_only and group.concept is None:
            continue
        statuses = {
            form: KNOWN if form in concepts else (UNRECORDED if group.concept else NEW)
            for form in group.forms
        }
        if group.concept is None:
            status = NEW
        elif all(value == KNOWN for value in statuses.values()):
            status = KNOWN
        else:
            status = UNRECORDED
        surfaces = {form: _surface(index.forms[form], form) for form in group.forms}
        best = max(score.get(form, 0.0) for form in group.forms)
        if best >= model.threshold and not linked_only:
            kept_by = CUT_OFF
        elif group.concept is not None:
            kept_by = GLOSSARY
        elif defined.intersection(group.forms):
            kept_by = DEFINED
        else:
            kept_by = FLOOR
        result.append(
            Candidate(
                term=surfaces[group.forms[0]],
                forms=group.forms,
                surfaces=surfaces,
                frequency=index.forms[group.forms[0]].count,
                score=best,
                concept=group.concept,
                status=status,
                form_status=statuses,
                kept=kept_by,
                glossary_status={f: term_statuses[f] for f in group.forms if f in term_statuses},
                name=named[group.forms[0]],
            )
        )
    if occurrences:
        _add_occurrences(result, docs, tag, (set(concepts) | defined) - produced)
        if concepts:
            known = _spans(c for c in result if c.status != NEW)
            result = [c for c in result if not _part_of(c, known)]
            for candidate in result:
                _keep_free_occurrences(candidate, known)
            result = [c for c in result if c.occurrences or not c.frequency]
        result = _without_fragments(result, languages.primary(tag))
    result.sort(key=lambda c: (-c.score, -c.frequency, c.term))
    return Extraction(
        tag,
        result,
        docs,
        model.threshold,
        floor=0 if linked_only else min(int(model.floor(index.words)), len(forms)),
    )


def _name_fragment(stats: cand.FormStats) -> bool:
    """Whether a one-word candidate is a part of longer names and nothing of its own: its
    occurrences away from a segment's start are (``NESTED_SHARE``) capitalised next to
    another capitalised word ("War" of "the Cold War mentality" twice, "War, poverty" at a
    sentence's start once), and those make at least half of all its occurrences. The name is
    a candidate of its own. Not a feature of the combiner: the ACTER gold, which it learns
    from, lists parts of names as named entities ("Antoine" of "Antoine de Pluvinel"); a
    translator wants the name, not its parts."""
    return (
        len(stats.words) == 1
        and stats.in_name >= NESTED_SHARE * stats.inside
        and stats.in_name * 2 >= stats.count
    )


# A new candidate found this often inside longer glossary terms, or inside one longer
# candidate, is part of them, not a term of its own (the independence of TermSuite and of
# Frantzi's C-value).
NESTED_SHARE = 0.75
# The fewest occurrences that show a candidate nested in one other (``_without_fragments``):
# once or twice inside a longer candidate is no habit of the text ("suspension" once, in
# "temps de suspension"; "Grèce" twice). ACTER's gold counts nested terms, and its mean
# one-document F1 (20 equitation texts, held-out combiner) fell from 0.519 to 0.461 in
# French where one occurrence counted, to 0.500 at two, 0.507 at three.
NESTED_EVIDENCE = 3


Spans = dict[tuple[int, str], list[tuple[int, int]]]


def _spans(candidates: Iterable[Candidate]) -> Spans:
    """Where ``candidates`` occur, per document and segment."""
    found: Spans = defaultdict(list)
    for other in candidates:
        for place in other.occurrences:
            found[(place.document, place.segment)].append((place.start, place.end))
    return found


def _part_of(candidate: Candidate, longer: Spans) -> bool:
    """Whether a new ``candidate`` occurs mostly (``NESTED_SHARE``) inside the longer
    occurrences ``longer`` holds: the glossary's terms, or one other candidate. "human
    destiny" 32 of its 33 times, inside "community of human destiny" and "human destiny
    community"; "destiny" 41 of 44. Listed as new terms, they asked the translator to record
    fragments of a concept (``_without_fragments``)."""
    if candidate.status != NEW or not candidate.occurrences:
        return False
    nested = sum(1 for place in candidate.occurrences if _nested(place, longer))
    return nested >= NESTED_SHARE * len(candidate.occurrences)


def _keep_free_occurrences(candidate: Candidate, longer: Spans) -> None:
    """Leave out of ``candidate``'s occurrences, and its frequency, those inside a longer
    one of ``longer``: "命运共同体" (T02) is counted where the text writes it alone, not in
    each "人类命运共同体" (T01), as "human destiny" is no term of its own inside "community
    of human destiny" (``_part_of``)."""
    free = [place for place in candidate.occurrences if not _nested(place, longer)]
    if len(free) < len(candidate.occurrences):
        candidate.occurrences = free
        candidate.frequency = len(free)


def _nested(place: Occurrence, longer: Spans) -> bool:
    """Whether ``place`` lies inside a longer occurrence of ``longer``."""
    return any(
        _within(place, start, end) for start, end in longer.get((place.document, place.segment), ())
    )


def _within(place: Occurrence, start: int, end: int) -> bool:
    """Whether ``place`` lies inside the longer span ``start``–``end`` of its segment."""
    return start <= place.start and place.end <= end and end - start > place.end - place.start


def _without_fragments(result: list[Candidate], lang: str) -> list[Candidate]:
    """C-value's nesting among the candidates themselves, as ``_part_of`` has it for the
    glossary's terms: a new candidate the text uses often enough to tell
    (``NESTED_EVIDENCE``) and finds mostly inside one longer candidate, without its head
    (``_holds_head``), is a fragment of it and is left out ("community of human", always
    "community of human destiny"; "human destiny"); one found inside one longer candidate
    at least every other time is counted where it stands free ("Grid" beside "National
    Grid"). Without a glossary the fragments ranked above their term. The head of a compound
    is its hypernym and often a term itself ("turbine", 33 of 44 times in "wind turbine"):
    it is only counted where it stands free. One longer candidate, not all of them: a head
    that several terms share, none of them most of the time ("governance" in "global
    governance" and "cross governance"), is a term itself."""
    own = [_places(candidate) for candidate in result]
    present: dict[tuple[int, str], list[int]] = defaultdict(list)
    for number, places in enumerate(own):
        for segment in places:
            present[segment].append(number)
    every = _spans(result)
    # A candidate whose occurrences are all this short holds none of this length: most
    # pairs are told apart without looking at their spans.
    longest = [max((p.end - p.start for p in c.occurrences), default=0) for c in result]
    kept: list[Candidate] = []
    for number, candidate in enumerate(result):
        inside: Counter[int] = Counter()
        headless: Counter[int] = Counter()
        if candidate.status == NEW and len(candidate.occurrences) >= NESTED_EVIDENCE:
            for place in candidate.occurrences:
                length = place.end - place.start
                for other in present[(place.document, place.segment)]:
                    if other == number or longest[other] <= length:
                        continue
                    outer = _around(place, own[other])
                    if outer is not None:
                        inside[other] += 1
                        if not _holds_head(place, outer, lang):
                            headless[other] += 1
        if inside:
            container, count = inside.most_common(1)[0]
            if headless[container] >= NESTED_SHARE * len(candidate.occurrences):
                continue
            if count * 2 >= len(candidate.occurrences):
                _keep_free_occurrences(candidate, every)
                if not candidate.occurrences:
                    continue
                _keep_free_forms(candidate)
        kept.append(candidate)
    return kept


Places = dict[tuple[int, str], list[Occurrence]]


def _places(candidate: Candidate) -> Places:
    """Where ``candidate`` occurs, per document and segment, with the form written there."""
    found: Places = defaultdict(list)
    for place in candidate.occurrences:
        found[(place.document, place.segment)].append(place)
    return found


def _around(place: Occurrence, longer: Places) -> Occurrence | None:
    """The longer occurrence of ``longer`` that ``place`` lies inside, if any (``_nested``)."""
    for outer in longer.get((place.document, place.segment), ()):
        if _within(place, outer.start, outer.end):
            return outer
    return None


def _holds_head(inner: Occurrence, outer: Occurrence, lang: str) -> bool:
    """Whether ``inner`` keeps the head of the longer ``outer`` it lies in as its own head,
    and every prepositional complement it opens whole: "turbine" of "wind turbine",
    "community" of "community of human destiny", "parc éolien" of "parc éolien en mer",
    "angle de calage" of "angle de calage des pales". A modifier ("wind", "human destiny",
    "éolien en mer") or a phrase cut inside its complement ("community of human",
    "système de stockage à court" of "… à court terme") does not, and is no term of its own
    where the longer one holds it. A form the longer one does not spell out word for word
    (another inflection) is taken for a modifier, as before heads were told apart."""
    words = split_form(outer.form, lang)
    part = split_form(inner.form, lang)
    size = len(part)
    starts = [i for i in range(len(words) - size + 1) if words[i : i + size] == part]
    if not starts:
        return False
    offsets: list[int] = []
    position = 0
    for word in words:
        position = outer.form.index(word, position)
        offsets.append(position)
        position += len(word)
    shift = inner.start - outer.start
    first = min(starts, key=lambda i: abs(offsets[i] - shift))
    last = first + size
    phrases = _phrases(words, lang)
    if first + _phrases(part, lang)[0].head != phrases[0].head:
        return False
    return all(phrase.end <= last for phrase in phrases[1:] if phrase.link < last)


class _Phrase(NamedTuple):
    """A run of content words in a form: the linking word before it (-1 for the first), its
    head, and the end of its last word (indices into the form's words)."""

    link: int
    head: int
    end: int


def _phrases(words: Sequence[str], lang: str) -> list[_Phrase]:
    """A form's ``words`` split at its linking words (``cand.LINK_WORDS``): the first
    phrase's head is the form's, a later phrase is a prepositional complement. English and
    German put a noun phrase's head last, the Romance languages first, their adjectives
    after it (``languages.puts_head_first``); Chinese writes its head last."""
    glue = cand.LINK_WORDS.get(lang, frozenset()) | cand.LINK_ARTICLES.get(lang, frozenset())
    head_first = languages.puts_head_first(lang)
    found: list[_Phrase] = []
    link = -1
    content: list[int] = []
    for i, word in enumerate([*words, ""]):
        if word and word not in glue:
            content.append(i)
        elif content:
            found.append(_Phrase(link, content[0] if head_first else content[-1], i))
            content = []
            link = i
    return found


def _keep_free_forms(candidate: Candidate) -> None:
    """Leave out of a new ``candidate`` the forms it no longer has an occurrence of: a form
    the text writes only inside longer candidates is theirs ("civilization" of "human
    civilization", where "civilizations" stands free). Kept, it was a form with no place in
    the text, a termbase term with no context."""
    written = {place.form for place in candidate.occurrences}
    forms = [form for form in candidate.forms if form in written]
    if len(forms) == len(candidate.forms):
        return
    candidate.forms = forms
    candidate.surfaces = {form: candidate.surfaces[form] for form in forms}
    candidate.form_status = {form: candidate.form_status[form] for form in forms}
    candidate.term = candidate.surfaces[forms[0]]


def segment_texts(document: Document) -> list[str]:
    """A document's segment texts as ``candidates.collect`` takes them: headings marked."""
    from termwise.document.model import SegmentKind

    return [
        cand.Heading(segment.text) if segment.kind is SegmentKind.HEADING else segment.text
        for segment in document.segments
    ]


def segments_document(segments: Sequence[tuple[str, str]], lang: str) -> Document:
    """A document made of ``(segment id, text)`` pairs, for callers that have no file (the
    checks, the workbench, the benchmark's pieces of a corpus); a ``cand.Heading`` text is a
    heading again, as ``segment_texts`` read it."""
    from termwise.document.model import Document, Segment, SegmentKind

    return Document(
        path=None,
        text="",
        lang=languages.normalize(lang),
        encoding="utf-8",
        segments=[
            Segment(
                segment_id,
                SegmentKind.HEADING if isinstance(text, cand.Heading) else SegmentKind.SENTENCE,
                str(text),
                0,
                0,
                0,
                0,
                0,
            )
            for segment_id, text in segments
        ],
    )


def _surface(stats: cand.FormStats, form: str) -> str:
    """How to show a form before its occurrences are known (pass two shows each as the
    text writes it most often): as the text writes it where it is mostly capitalised (a
    name), folded otherwise."""
    if stats.capital * 2 > stats.inside and stats.surface.lower() == form:
        return stats.surface
    return form


def _glossary_forms(
    index: cand.CandidateIndex, texts: list[list[str]], lang: str, glossary: Glossary
) -> tuple[dict[str, str], dict[str, str]]:
    """Forms the glossary matcher finds in the text, with their concept, and with the status
    of the term each is a form of; forms that are no candidate ("one belt and one road") are
    added to the index."""
    from termwise.glossary.matcher import TermMatcher

    matcher = TermMatcher(glossary, lang)
    sep = cand.joiner(lang)
    found: dict[str, str] = {}
    statuses: dict[str, str] = {}
    counts: dict[str, int] = defaultdict(int)
    surfaces: dict[str, str] = {}
    for doc in texts:
        for text in doc:
            for match in matcher.find(text):
                form = cand.fold(_QUOTES.sub("", _SPACES.sub(sep or "", match.text))).strip(" '")
                if not form:
                    continue
                found.setdefault(form, match.concept_id)
                statuses.setdefault(form, match.status.value)
                counts[form] += 1
                surfaces.setdefault(form, match.text)
    for form, count in counts.items():
        if form not in index.forms:
            words = tuple(w for w in form.split() if w not in cand.stop_words(lang))
            surface = surfaces[form]
            capital = count if surface[:1].isupper() else 0
            index.forms[form] = cand.FormStats(
                words or (form,),
                count=count,
                docs=1,
                inside=count,
                capital=capital,
                surface=surface,
            )
    return found, statuses


def _add_occurrences(
    result: list[Candidate], docs: list[Document], lang: str, searched: set[str]
) -> None:
    """Pass two: the spans of every form of every kept group, one per place (the longest
    form of a group where two of its forms overlap). ``searched`` are forms the candidate
    pass cannot produce (glossary terms with a function word), found by a plain search."""
    owner = {form: candidate for candidate in result for form in candidate.forms}
    if not owner:
        return
    patterns = [(form, _form_pattern(form, lang)) for form in searched if form in owner]
    # How the text writes each form, apart from where a segment starts with it: a capital
    # there says nothing about the term ("Socialism with Chinese characteristics is").
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for number, doc in enumerate(docs):
        texts = [segment.text for segment in doc.segments]
        by_place: dict[tuple[int, int], list[tuple[int, int, str]]] = defaultdict(list)
        for segment_index, form, start, end in cand.find_occurrences(texts, lang, owner):
            by_place[(segment_index, id(owner[form]))].append((start, end, form))
        for form, pattern in patterns:
            for segment_index, text in enumerate(texts):
                for match in pattern.finditer(text):
                    start = _balanced_start(text, match.start(), match.end())
                    by_place[(segment_index, id(owner[form]))].append((start, match.end(), form))
        for (segment_index, _), hits in sorted(by_place.items()):
            hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
            last_end = -1
            text = texts[segment_index]
            letter = _LETTER.search(text)
            first_letter = letter.start() if letter else len(text)
            for start, end, form in hits:
                if start < last_end:
                    continue
                last_end = end
                owner[form].occurrences.append(
                    Occurrence(number, doc.segments[segment_index].id, start, end, form)
                )
                if start > first_letter:
                    written[form][_SPACES.sub(" ", text[start:end])] += 1
    for candidate in result:
        if candidate.occurrences:
            candidate.frequency = len(candidate.occurrences)
        for form in candidate.forms:
            if written[form]:
                candidate.surfaces[form] = written[form].most_common(1)[0][0]
        candidate.term = candidate.surfaces[candidate.forms[0]]


def _form_pattern(form: str, lang: str) -> re.Pattern[str]:
    """A form as the text may write it: any spacing, and quotation marks between its words
    ("“一带一路”倡议" for "一带一路倡议"). Chinese and Japanese words are not set apart by
    spaces: the form may stand right after or before another word there."""
    spaced = bool(cand.joiner(lang))
    words = form.split() if spaced else list(form)
    quotes = _QUOTES.pattern[1:-1]
    inner = (rf"[\s{quotes}]+" if spaced else rf"[\s{quotes}]*").join(re.escape(w) for w in words)
    if spaced:
        inner = r"(?<!\w)" + inner + r"(?!\w)"
    return re.compile(inner, re.IGNORECASE)


_OPENING = {"\u201d": "\u201c", "\u00bb": "\u00ab", "\u300d": "\u300c", "\u300f": "\u300e"}


def _balanced_start(text: str, start: int, end: int) -> int:
    """``start`` moved back over the opening quotation mark that a closing one inside
    ``text[start:end]`` needs ("“一带一路”倡议", not "一带一路”倡议")."""
    span = text[start:end]
    for closing, opening in _OPENING.items():
        if closing in span and opening not in span and start and text[start - 1] == opening:
            return start - 1
    return start
