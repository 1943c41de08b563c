"""An engine that puts the glossary's renderings into another engine's translations.

``ConstrainedEngine`` wraps a base engine and a ``GlossaryConstraints``: it plans every
segment and hands the work to the mechanism of the base engine's kind (Apertium: lexical
injection; Argos: placeholders, decoding constraints and attention). Its ``options()``
carry the glossary's fingerprint, so that ``CachedEngine(ConstrainedEngine(base))`` keys
change when the glossary does and an edited glossary translates again.

Every mechanism but Apertium's lexical injection places a term without its grammar: the
words around each such term are then made to agree with it (``agreement``), and the
decision's reason says what changed ("agreement: la → el").
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from termwise import languages
from termwise.errors import TermwiseError
from termwise.mt.constrained import agreement
from termwise.mt.constrained.plan import GlossaryConstraints, Placement
from termwise.mt.engine import Engine, MTResult, Progress, TermDecision

# Changes whenever a mechanism's output for the same input changes.
MECHANISM_VERSION = 32
# Mechanisms whose engine already made the words around the term agree with it.
AGREEING = {"apertium-lexical"}

# Engine name → ``module:function(engine, texts, src, tgt, plans, *, progress, kinds)``.
MECHANISMS: dict[str, str] = {
    "apertium": "termwise.mt.constrained.apertium:translate_constrained",
    "argos": "termwise.mt.constrained.argos:translate_constrained",
}


class ConstrainedEngine:
    """``base`` with every concept occurrence rendered as the glossary says."""

    def __init__(self, base: Engine, constraints: GlossaryConstraints) -> None:
        self.base = base
        self.constraints = constraints
        self.name = base.name

    def model_id(self, src: str, tgt: str) -> str:
        return self.base.model_id(src, tgt)

    def options(self) -> Mapping[str, object]:
        base_options = getattr(self.base, "options", None)
        options = dict(base_options()) if callable(base_options) else {}
        options["glossary"] = self.constraints.fingerprint()
        # A fixed mechanism must not be answered from the cache with the old output.
        options["glossary-mechanism"] = MECHANISM_VERSION
        return options

    def fingerprint(self, src: str, tgt: str) -> str:
        base_fingerprint = getattr(self.base, "fingerprint", None)
        return str(base_fingerprint(src, tgt)) if callable(base_fingerprint) else ""

    def _mechanism(self) -> Any:
        target = MECHANISMS.get(self.base.name)
        if target is None:
            raise TermwiseError(
                f"the {self.base.name} engine cannot apply a glossary; "
                "pass --no-glossary to translate without it"
            )
        module_name, _, attribute = target.partition(":")
        return getattr(importlib.import_module(module_name), attribute)

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Progress | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[MTResult]:
        pair = (languages.normalize(src), languages.normalize(tgt))
        if pair != (self.constraints.src, self.constraints.tgt):
            raise TermwiseError(
                f"the glossary constraints are for {self.constraints.src} → "
                f"{self.constraints.tgt}, not {src} → {tgt}"
            )
        if kinds is not None and len(kinds) != len(texts):
            raise ValueError(f"{len(kinds)} kinds for {len(texts)} texts")
        plans = [self.constraints.plan(text) for text in texts]
        if not any(p.target for plan in plans for p in plan):
            results = self.base.translate(texts, src, tgt, progress=progress, kinds=kinds)
            return [_with_left(result, plan) for result, plan in zip(results, plans, strict=True)]
        mechanism = self._mechanism()
        if self.base.name == "apertium":
            # One Apertium run for the whole document costs what the plain run costs: cheaper
            # than a second run for the segments without a term.
            translated: list[MTResult] = mechanism(
                self.base, texts, src, tgt, plans, progress=progress, kinds=kinds
            )
            _warm(translated, plans, tgt)
            return [
                agree_terms(result, plan, tgt)
                for result, plan in zip(translated, plans, strict=True)
            ]
        # Only the Apertium mechanism translates a fix-by-hand form's extra words.
        plans = [[_left_if_kept(p) for p in plan] for plan in plans]
        forced = [i for i, plan in enumerate(plans) if any(p.target for p in plan)]
        free = [i for i in range(len(texts)) if i not in set(forced)]
        out: dict[int, MTResult] = {}
        done = 0

        def report(count: int, total: int) -> None:
            if progress is not None:
                progress(done + count, len(texts))

        if free:
            plain = self.base.translate(
                [texts[i] for i in free],
                src,
                tgt,
                progress=report,
                kinds=None if kinds is None else [kinds[i] for i in free],
            )
            for i, result in zip(free, plain, strict=True):
                out[i] = _with_left(result, plans[i])
            done = len(free)
        constrained = mechanism(
            self.base,
            [texts[i] for i in forced],
            src,
            tgt,
            [plans[i] for i in forced],
            progress=report,
            kinds=None if kinds is None else [kinds[i] for i in forced],
        )
        _warm(constrained, [plans[i] for i in forced], tgt)
        for i, result in zip(forced, constrained, strict=True):
            out[i] = agree_terms(result, plans[i], tgt)
        return [out[i] for i in range(len(texts))]


def _with_left(result: MTResult, plan: Sequence[Placement]) -> MTResult:
    """``result`` saying which occurrences were left to the engine, and why."""
    if not plan:
        return result
    return replace(result, terms=tuple(p.left() for p in plan if p.target is None))


def agree_terms(result: MTResult, plan: Sequence[Placement], tgt: str) -> MTResult:
    """``result`` with the words around each placed term made to agree with the term."""
    if languages.primary(tgt) not in agreement.LANGUAGES:
        return result
    text = result.target
    decisions: list[TermDecision] = []
    seen: dict[str, int] = {}
    for decision, placement in _agreeing(result, plan):
        term = placement.target if placement is not None else None
        fact = agreement.term_gender(term) if term is not None else None
        if placement is None or term is None or fact is None:
            decisions.append(decision)
            continue
        # The k-th decision with this rendering is its k-th occurrence in the output.
        rendering = placement.rendering
        k = seen.get(rendering, 0)
        seen[rendering] = k + 1
        first, rest = rendering[:1], re.escape(rendering[1:])
        pattern = rf"(?<!\w)[{re.escape(first.lower() + first.upper())}]{rest}(?!\w)"
        spans = [m.span() for m in re.finditer(pattern, text)]
        if k >= len(spans):
            decisions.append(decision)
            continue
        start, end = spans[k]
        text, _, _, changes = agreement.agree(text, start, end, tgt, fact.value, placement.number)
        if changes:
            said = "agreement: " + ", ".join(change.describe() for change in changes)
            if term.gender is None:
                # A reviewer must be able to tell a predicted gender from a recorded one.
                by = agreement.predicted_by(fact.source, "the suffix rule: {}")
                said += f" ({fact.value} by {by})"
            reason = f"{decision.reason}; {said}" if decision.reason else said
            decision = replace(decision, reason=reason)
        decisions.append(decision)
    if text == result.target:
        return replace(result, terms=tuple(decisions))
    nbest = [(text, result.nbest[0][1]), *result.nbest[1:]] if result.nbest else []
    return replace(
        result,
        target=text,
        nbest=nbest,
        unknown=_moved(result.unknown, result.target, text),
        terms=tuple(decisions),
    )


def _warm(results: Sequence[MTResult], plans: Sequence[Sequence[Placement]], tgt: str) -> None:
    """One analyser run for every term that ``agree_terms`` will look at, its next word and
    the noun of a compound head (``agreement.term_gender``)."""
    if languages.primary(tgt) not in agreement.LANGUAGES:
        return
    # Apart, and first: ``_agreeing`` asks each term's gender before the rest is known.
    nouns = {
        noun
        for plan in plans
        for p in plan
        if p.target is not None
        for noun in agreement.compound_nouns(p.target.text.split(" "), tgt)
    }
    agreement.warm(tgt, sorted(nouns))
    texts = []
    for result, plan in zip(results, plans, strict=True):
        for _, placement in _agreeing(result, plan):
            if placement is None:
                continue
            rendering = placement.rendering
            texts.append(rendering)
            for found in re.finditer(re.escape(rendering) + r"\s+(\w+)", result.target):
                texts.append(found.group(1))
    agreement.warm(tgt, texts)


def _agreeing(
    result: MTResult, plan: Sequence[Placement]
) -> Iterator[tuple[TermDecision, Placement | None]]:
    """Each term decision of ``result``, with the placement whose rendering the words around
    it must agree with, or None where nothing is to be made to agree: no term placed, an
    engine that agrees by itself, a term of no gender (``agreement.term_gender``)."""
    # The mechanisms decide once per placement, in plan order: a decision's placement says
    # whether its occurrence is plural. Otherwise, the k-th decision placing a rendering is
    # taken for its k-th placement.
    paired = len(result.terms) == len(plan)
    placements: dict[str, list[Placement]] = {}
    for p in plan:
        if p.target is not None:
            placements.setdefault(p.target.text, []).append(p)
    for index, decision in enumerate(result.terms):
        if paired:
            planned = plan[index]
            target = planned.target
            placement = planned if target is not None and target.text == decision.target else None
        else:
            queue = placements.get(decision.target or "", [])
            placement = queue.pop(0) if queue else None
        if (
            placement is None
            or placement.target is None
            or agreement.term_gender(placement.target) is None
            or decision.mechanism in AGREEING
        ):
            yield decision, None
        else:
            yield decision, placement


def _moved(unknown: tuple[tuple[int, int], ...], old: str, new: str) -> tuple[tuple[int, int], ...]:
    """Unknown-word spans of ``old`` found again in ``new`` (agreement changes no such word)."""
    out = []
    cursor = 0
    for start, end in unknown:
        found = new.find(old[start:end], cursor)
        if found >= 0:
            out.append((found, found + end - start))
            cursor = found + end - start
    return tuple(out)


def _left_if_kept(placement: Placement) -> Placement:
    if not placement.keep:
        return placement
    return replace(
        placement,
        target=None,
        reason=f"the source form '{placement.source}' is marked fix by hand: it says more "
        f"than the concept ({', '.join(placement.keep)})",
        keep=(),
    )
