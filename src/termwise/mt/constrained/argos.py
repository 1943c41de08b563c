"""Glossary-constrained translation with Argos Translate packages (CTranslate2).

CTranslate2 cannot force a phrase into the middle of a sentence, so each segment with a
planned rendering goes through a chain of mechanisms until one places every term; the
first that does wins, and ``TermDecision.mechanism`` says which:

- ``nbest``: decode with ``num_hypotheses`` and ``suppress_sequences`` for the concept's
  deprecated renderings in either number (``Placement.avoided``), keep the hypothesis that
  places the most terms (ties: the model's score). Where none places them all, keep the
  best hypothesis up to where it went astray (after the start of the official rendering it
  holds, or where a rendering to avoid or, by attention, its own rendering begins) and ask
  CTranslate2 for the model's alternatives there (``target_prefix`` +
  ``return_alternatives``), each continued by the model. The sentence is the model's own,
  so nothing is damaged.
- ``prefix``: find where the model put the term (attention, below), force the output up to
  and through the official rendering with ``target_prefix`` and let the model continue,
  so the words after the term follow from it.
- ``attention``: the output tokens whose strongest cross-attention falls on the source
  term's tokens, widened to whole words, are the model's rendering: replace them by the
  official one. No decoding at all.
- ``placeholder``: the source term becomes a number the model copies (every corpus teaches
  numbers), which is then replaced by the official rendering. Where no hypothesis copies
  each number exactly once, the segment is translated again with other numbers, of other
  lengths too. Works through pivot routes.

Every mechanism's output is judged the same way: a term is placed when the official
rendering occurs in the output (as often as the segment has occurrences of it). The order
(``CHAIN``) comes from docs/benchmarks/constrained-argos.md: n-best first (its sentences are
the model's own, and it costs no extra pass), then prefix (one more pass for the rest),
attention, placeholder. Batching survives: each mechanism decodes all the segments it
gets in one batched call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace

from termwise.mt.argos import ArgosEngine, Decoded, PackageModel
from termwise.mt.constrained.plan import Placement
from termwise.mt.engine import MTResult, Progress, TermDecision

CHAIN = ("nbest", "prefix", "attention", "placeholder")
NBEST = 4  # hypotheses per constrained segment: a beam of 4 is what Argos decodes anyway
# Where no hypothesis places every term: rounds of alternatives at the positions where the
# model went astray, and how many positions per segment and round.
ALTERNATIVE_ROUNDS = 3

# Placeholder forms, most preferred first; the first whose pieces the model knows and whose
# round trip through the tokenizer is exact is used. ``{n}`` is a number that the segment
# does not contain.
PLACEHOLDER_FORMS = ("{n}", "#{n}", "X{n}")
# The numbers tried: per shape, the first number, its count of digits and the stride to the
# next candidate (the strides walk every number of the shape's length that ends like the
# first). Every segment first gets numbers of the first shape; a segment whose placeholders
# the model did not copy (each exactly once) is translated again, up to
# ``PLACEHOLDER_RETRIES`` times, in ``PLACEHOLDER_VARIANTS`` versions per shape at once, each
# with fresh numbers: a small model that garbles one number among others ("7310" came out
# as "732" beside "4006" and "926") often copies another number, or one of another length.
PLACEHOLDER_SHAPES = ((7310, 4, 370), (613, 3, 37), (52, 2, 7))
PLACEHOLDER_RETRIES = 2
PLACEHOLDER_VARIANTS = 4


@dataclass
class _Attempt:
    """What one mechanism made of one segment."""

    mechanism: str
    target: str
    placed: list[bool]
    nbest: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class _Segment:
    index: int
    text: str
    plan: list[Placement]
    attempts: list[_Attempt] = field(default_factory=list)

    @property
    def wanted(self) -> list[Placement]:
        return [p for p in self.plan if p.target is not None]

    def rendering(self, placement: Placement) -> str:
        """What the output must hold for ``placement``: its rendering in the occurrence's
        number ("desarrollos pacíficos" for "peaceful developments")."""
        assert placement.target is not None
        return placement.rendering

    @property
    def done(self) -> bool:
        return any(all(a.placed) for a in self.attempts)


def placed(output: str, wanted: Sequence[str]) -> list[bool]:
    """For each wanted rendering (in order), whether the output holds it: a rendering
    wanted twice must occur twice. Case-blind on the first letter (sentence starts)."""
    folded = output.casefold()
    left: dict[str, int] = {}
    flags = []
    for rendering in wanted:
        key = rendering.casefold()
        if key not in left:
            left[key] = len(re.findall(rf"(?<!\w){re.escape(key)}(?!\w)", folded))
        flags.append(left[key] > 0)
        left[key] -= 1
    return flags


class _Run:
    """One call's state: the model and the attention analysis shared by mechanisms."""

    def __init__(self, engine: ArgosEngine, src: str, tgt: str) -> None:
        self.engine = engine
        self.src = src
        self.tgt = tgt
        self.route = engine.route(src, tgt)
        self.model: PackageModel | None = self.route[0] if len(self.route) == 1 else None
        # The model's own best output per segment, with attention, for prefix and attention.
        self.analysis: dict[int, Decoded] = {}
        self._pools: dict[int, list[str]] = {}
        self._candidates: dict[int, Iterator[str]] = {}

    def placeholder_pool(self, shape: int = 0) -> Iterator[str]:
        """Placeholders of ``PLACEHOLDER_SHAPES[shape]`` that every model of the route keeps
        intact, found lazily, in order."""
        pool = self._pools.setdefault(shape, [])
        candidates = self._candidates.setdefault(shape, _placeholder_candidates(shape))
        yield from list(pool)
        for candidate in candidates:
            if all(_survives(model, candidate) for model in self.route):
                pool.append(candidate)
                yield candidate

    def analyse(self, segments: Sequence[_Segment]) -> None:
        assert self.model is not None
        missing = [s for s in segments if s.index not in self.analysis]
        if not missing:
            return
        tokenizer = self.model.tokenizer
        decoded = self.model.decode(
            [tokenizer.encode(s.text) for s in missing], return_attention=True
        )
        for segment, result in zip(missing, decoded, strict=True):
            self.analysis[segment.index] = result


def _source_span(model: PackageModel, text: str, start: int, end: int) -> tuple[int, int]:
    """The source tokens of ``text[start:end]`` (counted by tokenizing what precedes it)."""
    tokenizer = model.tokenizer
    before = tokenizer.encode(text[:start].rstrip()) if text[:start].strip() else []
    through = tokenizer.encode(text[:end])
    return len(before), max(len(through), len(before) + 1)


def _rendering_spans(
    model: PackageModel, segment: _Segment, decoded: Decoded
) -> list[tuple[int, int] | None]:
    """Per wanted placement, the output token range (whole words) of the model's rendering
    of the source term.

    Attention finds it: the output tokens that put most of their attention on the source
    term's tokens, in runs (a run may skip one token with weaker attention, as function
    words inside a term get). A term that occurs twice gets attention on both occurrences,
    so runs are handed to the occurrences of the same source text in order. Where a
    rendering the glossary knows (official or to avoid) overlaps the run, its exact tokens
    are the span: attention marks neighbours too (an article attends to its noun).
    """
    if not decoded.attention or not decoded.hypotheses[0]:
        return [None for _ in segment.wanted]
    tokens = decoded.hypotheses[0]
    rows = decoded.attention[: len(tokens)]
    starts = model.tokenizer.starts_word(tokens)
    source_spans = [_source_span(model, segment.text, p.start, p.end) for p in segment.wanted]
    by_text: dict[str, list[int]] = {}
    for k, placement in enumerate(segment.wanted):
        by_text.setdefault(placement.source.casefold(), []).append(k)
    spans: list[tuple[int, int] | None] = [None for _ in segment.wanted]
    for members in by_text.values():
        mass = [sum(sum(row[a:b]) for a, b in (source_spans[k] for k in members)) for row in rows]
        runs = _runs(mass)
        if len(runs) >= len(members):
            # The strongest runs, in output order, for the occurrences in source order.
            chosen = sorted(sorted(runs, key=lambda r: -sum(mass[r[0] : r[1]]))[: len(members)])
            for k, run in zip(members, chosen, strict=True):
                spans[k] = run
        elif runs:
            for k, run in zip(members, runs, strict=False):
                spans[k] = run
    for k, span in enumerate(spans):
        if span is None:
            continue
        begin, end = span
        while begin > 0 and not starts[begin]:
            begin -= 1
        while end < len(tokens) and not starts[end]:
            end += 1
        spans[k] = _known_rendering(model, segment.wanted[k], tokens, (begin, end)) or (
            begin,
            end,
        )
    # Overlapping spans cannot both be replaced: drop the later ones.
    taken: list[tuple[int, int]] = []
    for i, maybe in enumerate(spans):
        if maybe is None:
            continue
        if any(maybe[0] < e and s < maybe[1] for s, e in taken):
            spans[i] = None
        else:
            taken.append(maybe)
    return spans


def _runs(mass: list[float], strong: float = 0.5, weak: float = 0.25) -> list[tuple[int, int]]:
    """Runs of output tokens with ``strong`` attention mass; one ``weak`` token may join two."""
    runs: list[tuple[int, int]] = []
    t = 0
    while t < len(mass):
        if mass[t] < strong:
            t += 1
            continue
        begin = t
        while t < len(mass) and (
            mass[t] >= strong or (mass[t] >= weak and t + 1 < len(mass) and mass[t + 1] >= strong)
        ):
            t += 1
        runs.append((begin, t))
    return runs


def _known_rendering(
    model: PackageModel, placement: Placement, tokens: list[str], span: tuple[int, int]
) -> tuple[int, int] | None:
    """The tokens of a rendering the glossary knows for this concept that overlap ``span``."""
    known: list[str] = []
    if placement.target is not None:
        known += dict.fromkeys((placement.target.text, placement.rendering))
    known += list(placement.avoided)
    best: tuple[int, int] | None = None
    for rendering in known:
        for form in {rendering, rendering[:1].upper() + rendering[1:]}:
            pieces = model.tokenizer.encode(form)
            width = len(pieces)
            for i in range(len(tokens) - width + 1):
                overlaps = i < span[1] and span[0] < i + width
                longer = best is None or width > best[1] - best[0]
                if overlaps and longer and tokens[i : i + width] == pieces:
                    best = (i, i + width)
    return best


def _term_tokens(model: PackageModel, rendering: str, capital: bool) -> list[str]:
    """The rendering's tokens, capitalised at a sentence start where the model knows the
    capitalised pieces (an unknown piece would decode as garbage)."""
    if capital:
        pieces = model.tokenizer.encode(rendering[:1].upper() + rendering[1:])
        vocabulary = model.vocabulary()
        if not vocabulary or all(piece in vocabulary for piece in pieces):
            return pieces
    return model.tokenizer.encode(rendering)


def _replaced(
    model: PackageModel, segment: _Segment, tokens: list[str], spans: list[tuple[int, int] | None]
) -> tuple[list[str], int]:
    """``tokens`` with each located rendering replaced by the official one; also the end
    (in the new tokens) of the last replacement, or -1 when nothing was located."""
    located = sorted(
        (span, segment.rendering(p))
        for span, p in zip(spans, segment.wanted, strict=True)
        if span is not None
    )
    out: list[str] = []
    cursor = 0
    last_end = -1
    for (begin, end), rendering in located:
        out += tokens[cursor:begin]
        capital = model.detokenize(tokens[begin : begin + 1])[:1].isupper()
        out += _term_tokens(model, rendering, capital)
        last_end = len(out)
        cursor = end
    out += tokens[cursor:]
    return out, last_end


def _attempt(mechanism: str, segment: _Segment, target: str, score: float) -> _Attempt:
    wanted = [segment.rendering(p) for p in segment.wanted]
    return _Attempt(mechanism, target, placed(target, wanted), [(target, score)])


def _suppressed(model: PackageModel, segments: Sequence[_Segment]) -> list[list[str]]:
    """The deprecated renderings of every concept the segments mention, as token sequences.

    ``suppress_sequences`` is one setting per CTranslate2 call, so a call suppresses the
    renderings of every concept its segments mention: one batched call, and a deprecated
    rendering has no place in a segment whose source lacks the concept either.
    """
    tokenizer = model.tokenizer
    vocabulary = model.vocabulary()
    avoid = sorted({a for s in segments for p in s.wanted for a in p.avoided if a})
    forms = sorted({form for a in avoid for form in (a, a[:1].upper() + a[1:])})
    sequences = [tokenizer.encode(form) for form in forms]
    # CTranslate2 rejects unknown pieces; a sequence with one can never be produced.
    return [seq for seq in sequences if seq and all(t in vocabulary for t in seq)]


def _divergences(
    model: PackageModel,
    segment: _Segment,
    tokens: list[str],
    flags: list[bool],
    located: list[tuple[int, int] | None],
) -> list[int]:
    """Output positions where asking the model for alternatives may bring a missing term,
    most promising first.

    For each term the hypothesis lacks: where it holds the start of the official rendering,
    the position after the longest such start (the model wrote "iniciativa de desarrollo
    global" for "iniciativa para el desarrollo global": ask at "de"); else where it holds
    the start of a rendering to avoid, the position where that rendering begins; else where
    ``located`` (attention on the hypothesis) says the model's rendering begins.
    """
    # position -> (official rendering?, how many tokens of a known rendering lead to it)
    found: dict[int, tuple[bool, int]] = {}
    for k, placement in enumerate(segment.wanted):
        if flags[k]:
            continue
        assert placement.target is not None
        known = [(placement.rendering, True)] + [(a, False) for a in placement.avoided if a]
        before = len(found)
        for rendering, official in known:
            for form in {rendering, rendering[:1].upper() + rendering[1:]}:
                pieces = model.tokenizer.encode(form)
                for start in range(len(tokens)):
                    shared = _shared_start(tokens, start, pieces)
                    if shared == 0 or shared == len(pieces):
                        continue
                    position = start + shared if official else start
                    if position >= len(tokens):
                        # Alternatives after the last token only append to the sentence.
                        continue
                    found[position] = max(found.get(position, (False, 0)), (official, shared))
        span = located[k]
        if len(found) == before and span is not None:
            found.setdefault(span[0], (False, 0))
    return sorted(found, key=lambda position: (found[position], -position), reverse=True)


def _shared_start(tokens: Sequence[str], start: int, pieces: Sequence[str]) -> int:
    """How many of ``pieces`` ``tokens`` holds from ``start`` on, in order."""
    shared = 0
    while (
        shared < len(pieces)
        and start + shared < len(tokens)
        and tokens[start + shared] == pieces[shared]
    ):
        shared += 1
    return shared


def _nbest(run: _Run, segments: Sequence[_Segment]) -> list[_Attempt | None]:
    model = run.model
    assert model is not None
    tokenizer = model.tokenizer
    suppress = _suppressed(model, segments) or None
    sources = {s.index: tokenizer.encode(s.text) for s in segments}
    decoded = model.decode(
        [sources[s.index] for s in segments],
        num_hypotheses=NBEST,
        suppress_sequences=suppress,
        return_attention=True,
    )
    best: dict[int, tuple[_Attempt, list[str]]] = {}

    def keep(segment: _Segment, tokens: list[str], score: float) -> _Attempt:
        """The hypothesis as an attempt, kept as the segment's best if it places more."""
        attempt = _attempt("nbest", segment, model.detokenize(tokens), score)
        held = best.get(segment.index)
        if held is None or sum(attempt.placed) > sum(held[0].placed):
            best[segment.index] = (attempt, tokens)
        return attempt

    for segment, result in zip(segments, decoded, strict=True):
        # The top hypothesis (with suppression) is the model's rendering for later
        # mechanisms: locating it by attention needs no extra pass.
        run.analysis[segment.index] = Decoded(
            result.hypotheses[:1], result.scores[:1], result.attention
        )
        for tokens, score in zip(result.hypotheses, result.scores, strict=True):
            # Best first: the first hypothesis that places everything wins, and only the
            # hypotheses looked at are detokenized.
            if all(keep(segment, tokens, score).placed):
                break
    # Where no hypothesis places every term, the model may still rank the official
    # rendering second at the one position where it went astray (suppressing "iniciativa
    # de desarrollo mundial" made it write the hybrid "iniciativa de desarrollo global"):
    # keep its own words up to that position and ask for its alternatives there, each
    # continued by the model. Each round is one batched call for the segments still short,
    # at the most promising position not yet tried (on a better hypothesis, all are new).
    tried: dict[int, set[tuple[str, ...]]] = {}
    for _ in range(ALTERNATIVE_ROUNDS):
        jobs: list[tuple[_Segment, list[str]]] = []
        for segment in segments:
            attempt, tokens = best[segment.index]
            if all(attempt.placed):
                continue
            located: list[tuple[int, int] | None] = [None for _ in segment.wanted]
            analysis = run.analysis[segment.index]
            if tokens == analysis.hypotheses[0]:
                # The attention the first pass returned belongs to this hypothesis.
                located = _rendering_spans(model, segment, analysis)
            seen = tried.setdefault(segment.index, set())
            for position in _divergences(model, segment, tokens, attempt.placed, located):
                if tuple(tokens[:position]) not in seen:
                    seen.add(tuple(tokens[:position]))
                    jobs.append((segment, tokens[:position]))
                    break
        if not jobs:
            break
        results = model.decode(
            [sources[s.index] for s, _ in jobs],
            prefixes=[prefix for _, prefix in jobs],
            num_hypotheses=NBEST,
            suppress_sequences=suppress,
            return_alternatives=True,
        )
        for (segment, _), result in zip(jobs, results, strict=True):
            # Alternatives come in the order of their first token's probability; their
            # scores are comparable within one call, not with the first pass's.
            ranked = sorted(
                zip(result.hypotheses, result.scores, strict=True), key=lambda item: -item[1]
            )
            for tokens, score in ranked:
                keep(segment, tokens, score)
    return [best[s.index][0] if s.index in best else None for s in segments]


def _attention(run: _Run, segments: Sequence[_Segment]) -> list[_Attempt | None]:
    model = run.model
    assert model is not None
    run.analyse(segments)
    out: list[_Attempt | None] = []
    for segment in segments:
        decoded = run.analysis[segment.index]
        spans = _rendering_spans(model, segment, decoded)
        if all(span is None for span in spans):
            out.append(None)
            continue
        tokens, _ = _replaced(model, segment, decoded.hypotheses[0], spans)
        out.append(_attempt("attention", segment, model.detokenize(tokens), decoded.scores[0]))
    return out


def _prefix(run: _Run, segments: Sequence[_Segment]) -> list[_Attempt | None]:
    model = run.model
    assert model is not None
    run.analyse(segments)
    jobs: list[tuple[_Segment, list[str]]] = []
    for segment in segments:
        decoded = run.analysis[segment.index]
        spans = _rendering_spans(model, segment, decoded)
        tokens, last_end = _replaced(model, segment, decoded.hypotheses[0], spans)
        if last_end > 0:
            jobs.append((segment, tokens[:last_end]))
    tokenizer = model.tokenizer
    decoded_all = model.decode(
        [tokenizer.encode(s.text) for s, _ in jobs], prefixes=[prefix for _, prefix in jobs]
    )
    results: dict[int, _Attempt] = {}
    for (segment, _), result in zip(jobs, decoded_all, strict=True):
        target = model.detokenize(result.hypotheses[0])
        results[segment.index] = _attempt("prefix", segment, target, result.scores[0])
    return [results.get(s.index) for s in segments]


def _placeholder_candidates(shape: int) -> Iterator[str]:
    first, digits, stride = PLACEHOLDER_SHAPES[shape]
    low = 10 ** (digits - 1)
    span = 9 * low
    # Consecutive candidates differ in their leading digits, so a retry is not a near copy
    # of what the model garbled; the walk still reaches numbers made of the few digits a
    # package may know.
    seen: set[int] = set()
    for form in PLACEHOLDER_FORMS:
        for k in range(span):
            n = low + (first - low + stride * k) % span
            if n in seen:
                break
            seen.add(n)
            yield form.format(n=n)
        seen.clear()


def _survives(model: PackageModel, placeholder: str) -> bool:
    """Whether the model knows every piece of the placeholder and its tokenizer gives it
    back intact (a package whose training text lacked a digit cannot produce it)."""
    sample = f"a {placeholder} b"
    tokens = model.tokenizer.encode(sample)
    vocabulary = model.vocabulary()
    known = not vocabulary or all(token in vocabulary for token in tokens)
    return known and model.tokenizer.decode(tokens).strip() == sample


def placeholders(
    run: _Run, text: str, count: int, shape: int = 0, exclude: Collection[str] = ()
) -> list[str] | None:
    """``count`` placeholders of ``PLACEHOLDER_SHAPES[shape]`` that every model of the route
    keeps intact, none of them in ``text`` or ``exclude`` (tried already); None when the
    route's tokenizers keep no such candidate intact."""
    chosen: list[str] = []
    for candidate in run.placeholder_pool(shape):
        if len(chosen) == count:
            break
        if candidate in exclude:
            continue
        if candidate not in text and not any(candidate in c or c in candidate for c in chosen):
            chosen.append(candidate)
    return chosen if len(chosen) == count else None


def _masked(segment: _Segment, tokens: Sequence[str]) -> str:
    text = segment.text
    for placement, token in sorted(
        zip(segment.wanted, tokens, strict=True), key=lambda item: -item[0].start
    ):
        text = text[: placement.start] + token + text[placement.end :]
    return text


def _hypotheses(run: _Run, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
    """Each text's hypotheses (text, score), best first, in one batched call."""
    if run.model is None:
        return [r.nbest for r in run.engine.translate(list(texts), run.src, run.tgt)]
    model = run.model
    decoded = model.decode([model.tokenizer.encode(text) for text in texts], num_hypotheses=NBEST)
    return [
        [
            (model.detokenize(tokens), score)
            for tokens, score in zip(d.hypotheses, d.scores, strict=True)
        ]
        for d in decoded
    ]


def _unmasked(
    segment: _Segment, tokens: Sequence[str], hypotheses: Sequence[tuple[str, float]]
) -> _Attempt:
    """The best hypothesis that copies every placeholder exactly once (else the best one),
    with each placeholder replaced by its official rendering."""
    patterns = [re.compile(rf"(?<![\w#]){re.escape(token)}(?!\d)") for token in tokens]
    target, score = next(
        (
            (text, score)
            for text, score in hypotheses
            if all(len(pattern.findall(text)) == 1 for pattern in patterns)
        ),
        hypotheses[0],
    )
    for placement, pattern in zip(segment.wanted, patterns, strict=True):
        match = pattern.search(target)
        if match is None or len(pattern.findall(target)) != 1:
            continue
        rendering = segment.rendering(placement)
        if target[: match.start()].strip() == "":
            rendering = rendering[:1].upper() + rendering[1:]
        target = target[: match.start()] + rendering + target[match.end() :]
    return _attempt("placeholder", segment, target, score)


def _placeholder(run: _Run, segments: Sequence[_Segment]) -> list[_Attempt | None]:
    out: dict[int, _Attempt] = {}
    used: dict[int, set[str]] = {s.index: set() for s in segments}
    pending = list(segments)
    # One batched call per try, for the segments whose placeholders no earlier try got
    # through the model: for most segments the first try is the only one.
    for attempt_number in range(1 + PLACEHOLDER_RETRIES):
        shapes = (
            [0]
            if attempt_number == 0
            else [k for k in range(len(PLACEHOLDER_SHAPES)) for _ in range(PLACEHOLDER_VARIANTS)]
        )
        jobs: list[tuple[_Segment, list[str]]] = []
        for segment in pending:
            for shape in shapes:
                count = len(segment.wanted)
                tokens = placeholders(run, segment.text, count, shape, used[segment.index])
                if tokens is not None:
                    used[segment.index].update(tokens)
                    jobs.append((segment, tokens))
        if not jobs:
            break
        translated = _hypotheses(run, [_masked(segment, tokens) for segment, tokens in jobs])
        for (segment, tokens), hypotheses in zip(jobs, translated, strict=True):
            attempt = _unmasked(segment, tokens, hypotheses)
            earlier = out.get(segment.index)
            if earlier is None or sum(attempt.placed) > sum(earlier.placed):
                out[segment.index] = attempt
        pending = [s for s in pending if s.index not in out or not all(out[s.index].placed)]
        if not pending:
            break
    return [out.get(s.index) for s in segments]


MECHANISMS: dict[str, Callable[[_Run, Sequence[_Segment]], list[_Attempt | None]]] = {
    "nbest": _nbest,
    "prefix": _prefix,
    "attention": _attention,
    "placeholder": _placeholder,
}


def translate_constrained(
    engine: ArgosEngine,
    texts: Sequence[str],
    src: str,
    tgt: str,
    plans: Sequence[Sequence[Placement]],
    *,
    progress: Progress | None = None,
    kinds: Sequence[str] | None = None,  # the model reads a heading from its words alone
    chain: Sequence[str] = CHAIN,
) -> list[MTResult]:
    """Translate ``texts``, putting each planned rendering into the output.

    One result per text; ``terms`` holds one decision per placement of its plan. Segments
    without a rendering to force are translated exactly as ``engine.translate`` does.
    ``chain`` (mechanism names, in order) is for measuring mechanisms one by one.
    """
    if len(plans) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(plans)} plans")
    unknown = [name for name in chain if name not in MECHANISMS]
    if unknown:
        raise ValueError(f"unknown mechanism(s): {', '.join(unknown)}")
    run = _Run(engine, src, tgt)
    model_id = engine.model_id(src, tgt)
    segments = [
        _Segment(i, text, list(plan))
        for i, (text, plan) in enumerate(zip(texts, plans, strict=True))
        if text.strip() and any(p.target is not None for p in plan)
    ]
    constrained = {s.index for s in segments}
    plain_indices = [i for i in range(len(texts)) if i not in constrained]
    total = len(texts)
    plain = engine.translate([texts[i] for i in plain_indices], src, tgt)
    results: list[MTResult | None] = [None] * total
    for index, result in zip(plain_indices, plain, strict=True):
        results[index] = replace(result, terms=tuple(p.left() for p in plans[index]))
    if progress is not None:
        progress(len(plain_indices), total)
    # Decoding constraints need the model's own tokens and attention: one model, no pivot.
    usable = [name for name in chain if run.model is not None or name == "placeholder"]
    for name in usable:
        pending = [s for s in segments if not s.done]
        if not pending:
            break
        for segment, attempt in zip(pending, MECHANISMS[name](run, pending), strict=True):
            if attempt is not None:
                segment.attempts.append(attempt)
    fallback = {}
    missing = [s for s in segments if not s.attempts]
    if missing:
        translated = engine.translate([s.text for s in missing], src, tgt)
        fallback = {s.index: r for s, r in zip(missing, translated, strict=True)}
    for segment in segments:
        results[segment.index] = _result(segment, engine.name, model_id, usable, fallback)
    if progress is not None:
        progress(total, total)
    return [r for r in results if r is not None]


def _result(
    segment: _Segment,
    engine: str,
    model_id: str,
    tried: Sequence[str],
    fallback: dict[int, MTResult],
) -> MTResult:
    if segment.attempts:
        # The first attempt that places everything; else the one that places most.
        best = max(enumerate(segment.attempts), key=lambda item: (sum(item[1].placed), -item[0]))[1]
        target, flags, nbest, mechanism = best.target, best.placed, best.nbest, best.mechanism
    else:
        plain = fallback[segment.index]
        # The engine's own output, which may hold the rendering without help.
        target, nbest, mechanism = plain.target, plain.nbest, "engine"
        flags = placed(target, [segment.rendering(p) for p in segment.wanted])
    decisions = []
    flag = iter(flags)
    failed = f"no mechanism placed it (tried: {', '.join(tried) or 'none on this route'})"
    for placement in segment.plan:
        if placement.target is None:
            decisions.append(placement.left())
        elif next(flag):
            decisions.append(
                TermDecision(
                    placement.concept_id, placement.source, placement.target.text, mechanism
                )
            )
        else:
            decisions.append(placement.left(failed))
    return MTResult(
        source=segment.text,
        target=target,
        engine=engine,
        model=model_id,
        nbest=nbest,
        terms=tuple(decisions),
    )
