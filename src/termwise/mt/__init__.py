"""Offline machine translation: engines, model management, translation cache.

Engines are plug-ins listed in ``ENGINES`` (name → ``module:class``) and imported only when
chosen, so that importing ``termwise.mt`` costs nothing and Apertium users never load
CTranslate2.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from termwise.errors import TermwiseError
from termwise.mt.engine import Engine, MTResult

if TYPE_CHECKING:
    from termwise.mt.constrained.plan import GlossaryConstraints

__all__ = [
    "ENGINES",
    "Engine",
    "MTResult",
    "available_engines",
    "open_engine",
    "select_engine",
]

ENGINES: dict[str, str] = {
    "argos": "termwise.mt.argos:ArgosEngine",
    "apertium": "termwise.mt.apertium:ApertiumEngine",
}
# Which engine can serve a pair, per engine: ``module:function(src, tgt) -> bool``.
_SUPPORTS: dict[str, str] = {
    "argos": "termwise.mt.argos:has_route",
    "apertium": "termwise.mt.apertium:has_mode",
}


def _load(target: str) -> Any:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def available_engines(src: str, tgt: str) -> list[str]:
    """Engines that have a model (or mode) installed for ``src`` → ``tgt``, best first."""
    return [name for name in ENGINES if _load(_SUPPORTS[name])(src, tgt)]


def select_engine(name: str | None, src: str, tgt: str, **options: Any) -> Engine:
    """The named engine, or the best one installed for the pair (Argos, then Apertium).

    ``options`` go to the engine (Argos: ``beam_size``, ``device``, ``inter_threads`` ...).
    """
    if name is not None:
        if name not in ENGINES:
            raise TermwiseError(f"unknown MT engine {name!r}; choose one of: {', '.join(ENGINES)}")
        engine: Engine = _load(ENGINES[name])(**options)
        engine.model_id(src, tgt)  # fails now, with advice, if the pair is not installed
        return engine
    for candidate in ENGINES:
        if _load(_SUPPORTS[candidate])(src, tgt):
            chosen: Engine = _load(ENGINES[candidate])(**options)
            return chosen
    from termwise.mt.apertium_packages import debian_package

    package = debian_package(src, tgt)
    raise TermwiseError(
        f"no machine translation for {src} → {tgt} is installed: install an Argos model with "
        f"`termwise models install {src} {tgt}` (or `--file PACKAGE.argosmodel`)"
        + (f", or the Apertium pair (`apt install {package}`)" if package else "")
    )


def open_engine(
    name: str | None,
    src: str,
    tgt: str,
    *,
    cache: bool = True,
    constraints: GlossaryConstraints | None = None,
    **options: Any,
) -> Engine:
    """The engine to translate ``src`` → ``tgt`` with (``select_engine``), behind the
    translation cache unless ``cache`` is false: what ``termwise translate`` and the
    workbench both use, so that both reuse each other's translations. Its results keep the
    source's link destinations and code spans (``termwise.mt.markup``).

    With ``constraints`` that have something to force (``.active``), the engine puts the
    glossary's renderings into its output (``ConstrainedEngine``), and the cache keys carry
    the glossary's fingerprint.
    """
    from termwise.mt.markup import MarkupKeepingEngine

    engine = select_engine(name, src, tgt, **options)
    if constraints is not None and constraints.active:
        from termwise.mt.constrained.engine import ConstrainedEngine

        engine = ConstrainedEngine(engine, constraints)
    if not cache:
        return MarkupKeepingEngine(engine)
    from termwise.mt.cache import CachedEngine, TranslationCache

    # Outside the cache: what is cached is the engine's own output.
    return MarkupKeepingEngine(CachedEngine(engine, TranslationCache()))
