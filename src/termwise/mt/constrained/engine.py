"""An engine that puts the glossary's renderings into another engine's translations.

``ConstrainedEngine`` wraps a base engine and a ``GlossaryConstraints``: it plans every
segment and hands the work to the mechanism of the base engine's kind (Apertium: lexical
injection; Argos: placeholders, decoding constraints and attention). Its ``options()``
carry the glossary's fingerprint, so that ``CachedEngine(ConstrainedEngine(base))`` keys
change when the glossary does and an edited glossary translates again.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from termwise import languages
from termwise.errors import TermwiseError
from termwise.mt.constrained.plan import GlossaryConstraints, Placement
from termwise.mt.engine import Engine, MTResult, Progress

# Changes whenever a mechanism's output for the same input changes.
MECHANISM_VERSION = 6

# Engine name → ``module:function(engine, texts, src, tgt, plans, *, progress)``.
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
    ) -> list[MTResult]:
        pair = (languages.normalize(src), languages.normalize(tgt))
        if pair != (self.constraints.src, self.constraints.tgt):
            raise TermwiseError(
                f"the glossary constraints are for {self.constraints.src} → "
                f"{self.constraints.tgt}, not {src} → {tgt}"
            )
        plans = [self.constraints.plan(text) for text in texts]
        if not any(p.target for plan in plans for p in plan):
            results = self.base.translate(texts, src, tgt, progress=progress)
            return [_with_left(result, plan) for result, plan in zip(results, plans, strict=True)]
        mechanism = self._mechanism()
        if self.base.name == "apertium":
            # One Apertium run for the whole document costs what the plain run costs: cheaper
            # than a second run for the segments without a term.
            translated: list[MTResult] = mechanism(
                self.base, texts, src, tgt, plans, progress=progress
            )
            return translated
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
            plain = self.base.translate([texts[i] for i in free], src, tgt, progress=report)
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
        )
        out.update(zip(forced, constrained, strict=True))
        return [out[i] for i in range(len(texts))]


def _with_left(result: MTResult, plan: Sequence[Placement]) -> MTResult:
    """``result`` saying which occurrences were left to the engine, and why."""
    if not plan:
        return result
    return replace(result, terms=tuple(p.left() for p in plan if p.target is None))


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
