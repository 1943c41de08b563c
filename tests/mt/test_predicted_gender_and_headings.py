"""Glossary-constrained MT uses the gender a term's head noun's suffix gives where the glossary
records none, and translates a segment the document marks as a heading as a heading even
where its text ends like a lead-in (Debian's apertium-eng-spa and the curated glossary, run
for real; `termwise translate` as a subprocess)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, Glossary, Term
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.cache import CachedEngine, TranslationCache
from termwise.mt.constrained.engine import ConstrainedEngine, agree_terms
from termwise.mt.constrained.plan import GlossaryConstraints
from termwise.mt.engine import MTResult, TermDecision

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def constraints() -> GlossaryConstraints:
    return GlossaryConstraints(load_glossary(ROOT / "glossary"), "en", "es")


def test_agreement_after_a_placed_term_uses_the_gender_its_suffix_gives() -> None:
    # An engine that places the term without its grammar (Argos) left "la reforma del
    # gobernanza global": the glossary records no gender, so nothing was made to agree.
    concept = Concept("C1")
    concept.add(Term("global governance", "en"))
    concept.add(Term("gobernanza global", "es"))
    source = "The reform of global governance is urgent."
    (placement,) = GlossaryConstraints(Glossary([concept]), "en", "es").plan(source)
    raw = MTResult(
        source,
        "La reforma del gobernanza global es urgente.",
        "argos",
        "test",
        terms=(TermDecision("C1", "global governance", "gobernanza global", "placeholder"),),
    )
    result = agree_terms(raw, [placement], "es")
    assert result.target == "La reforma de la gobernanza global es urgente.", result.target
    (decision,) = result.terms
    assert "agreement:" in decision.reason, decision
    assert "feminine by the suffix rule: suffix -anza (es)" in decision.reason, decision


def test_a_heading_is_translated_as_a_heading_whatever_it_ends_in(
    constraints: GlossaryConstraints,
) -> None:
    # The ":" of a lead-in made the heading a sentence: "El desarrollo pacífico emite:".
    engine = ConstrainedEngine(ApertiumEngine(), constraints)
    heading, sentence, plain_heading = engine.translate(
        [
            "Peaceful development issues:",
            "Peaceful development issues:",
            "Global governance reforms:",
        ],
        "en",
        "es",
        kinds=["heading", "sentence", "heading"],
    )
    assert heading.target == "Asuntos de desarrollo pacífico:", heading.target
    assert sentence.target == "El desarrollo pacífico emite:", sentence.target
    assert plain_heading.target == "Reformas de gobernanza global:", plain_heading.target


def test_the_cache_keeps_a_heading_apart_and_a_sentence_s_key_as_it_was(
    tmp_path: Path, constraints: GlossaryConstraints
) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite")
    inner = ConstrainedEngine(ApertiumEngine(), constraints)
    engine = CachedEngine(inner, cache)
    texts = ["Peaceful development issues:", "Peaceful development issues:"]
    first = engine.translate(texts, "en", "es", kinds=["heading", "sentence"])
    again = engine.translate(texts, "en", "es", kinds=["heading", "sentence"])
    assert [r.target for r in first] == [r.target for r in again]
    assert first[0].target != first[1].target, first
    assert engine.model_calls == 1 and len(cache) == 2
    # The sentence's key is the one a termwise without kinds wrote: its cache still serves.
    options = dict(inner.options())
    options["_fingerprint"] = inner.fingerprint("en", "es")
    model = inner.model_id("en", "es")
    old_key = TranslationCache.key("apertium", model, "en", "es", options, texts[1])
    assert cache.get_many([old_key])[old_key].target == first[1].target
    (unmarked,) = engine.translate(texts[1:], "en", "es")
    assert unmarked.target == first[1].target and engine.model_calls == 1


def test_translate_reads_a_markdown_heading_as_a_heading(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "doc.md").write_text(
        "# Report\n\n## Three things to do:\n\nWe must act now.\n\n"
        "## Peaceful development issues:\n\nPeaceful development issues:\n\n"
        "## Global governance reforms:\n\nGlobal governance needs three things:\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-c", "from termwise.cli import main; main()"] + [
        *("translate", "doc.md", "--to", "es", "--engine", "apertium", "--format", "json"),
    ]
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / ".cache"))
    # The second run answers from the cache, which must keep the heading apart from the
    # sentence of the same text.
    for _ in range(2):
        run = subprocess.run(
            command, cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env
        )
        assert run.returncode == 0, run.stderr
        rows = [(row["source"], row["target"]) for row in json.loads(run.stdout)]
        assert rows == [
            ("Report", "Informe"),
            ("Three things to do:", "Tres cosas para hacer:"),
            ("We must act now.", "Tenemos que obrar ahora."),
            ("Peaceful development issues:", "Asuntos de desarrollo pacífico:"),
            ("Peaceful development issues:", "El desarrollo pacífico emite:"),
            ("Global governance reforms:", "Reformas de gobernanza global:"),
            ("Global governance needs three things:", "La gobernanza global necesita tres cosas:"),
        ], rows
