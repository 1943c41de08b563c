"""Glossary-constrained Apertium on sentences whose verb the tagger read as a noun: a lead-in
ending in ":" or ";" is a sentence, a term of no known gender leaves the sentence its verb,
and a plural noun after a term leaves the base form after it its verb reading (Debian's
apertium-eng-spa, run for real, with the curated glossary, or where a term of no gender at
all is needed, one of the test's own: "gobernanza" is feminine by its suffix)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from support.constrained_apertium import curated_apertium_engine
from termwise.glossary.model import Concept, Glossary, Term
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def engine() -> ConstrainedEngine:
    return curated_apertium_engine()


def _translated(engine: ConstrainedEngine, sentences: dict[str, str]) -> dict[str, str]:
    return {r.source: r.target for r in engine.translate(list(sentences), "en", "es")}


def test_a_lead_in_that_ends_in_a_colon_or_a_semicolon_is_a_sentence(
    engine: ConstrainedEngine,
) -> None:
    # Read as headings they lost their article or their verb: "Críticos de mentalidad de la
    # Guerra Fría advierten:", "Necesidades de gobernanza global tres cosas:".
    sentences = {
        "Cold War mentality critics warn:": (
            "Los críticos de mentalidad de la Guerra Fría advierten:"
        ),
        "Global governance needs three things:": "La gobernanza global necesita tres cosas:",
        "Common prosperity increases;": "La prosperidad común aumenta;",
        # A heading still needs neither a verb nor an article.
        "Global governance reforms": "Reformas de gobernanza global",
        "Peaceful development issues": "Asuntos de desarrollo pacífico",
    }
    assert _translated(engine, sentences) == sentences


def _of_no_gender() -> ConstrainedEngine:
    """An engine rendering "global governance" by a term whose gender nothing gives: not the
    glossary, not Apertium's analyser, not a suffix rule ("criptopolítica")."""
    concept = Concept("C1")
    concept.add(Term("global governance", "en"))
    concept.add(Term("criptopolítica global", "es"))
    return ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(Glossary([concept]), "en", "es"))


def test_a_term_of_no_known_gender_leaves_the_sentence_its_verb() -> None:
    # The term was injected as the modifier of the noun the tagger made of the verb: "Los
    # asuntos de gobernanza global.", "Gobernanza global reforma de necesidades.".
    sentences = {
        "Global governance matters.": "Criptopolítica global importa.",
        "Global governance changes.": "Criptopolítica global cambia.",
        "Global governance needs reform.": "Criptopolítica global necesita reforma.",
        # Where the sentence has a verb, the noun after the term is the one it modifies.
        "Global governance reforms failed.": "Las reformas de criptopolítica global fallaron.",
        "Global governance changes are needed.": (
            "Los cambios de criptopolítica global están necesitados."
        ),
    }
    results = _of_no_gender().translate(list(sentences), "en", "es")
    assert {r.source: r.target for r in results} == sentences
    for result in results[:3]:
        (decision,) = result.terms
        # Verbatim: no word agrees with it, so no gender is made up for it.
        assert decision.mechanism == "apertium-verbatim", decision
        assert decision.target == "criptopolítica global"


def test_no_gender_is_made_up_for_a_term_after_a_determiner() -> None:
    # Read as the verb, "needs" left "the" to agree with the verbatim term: "El gobernanza
    # global necesita reforma.", a gender the glossary did not record.
    (result,) = _of_no_gender().translate(["The global governance needs reform."], "en", "es")
    assert result.target == "Criptopolítica global necesita reforma.", result.target


def test_the_base_form_after_a_plural_noun_after_a_term_is_the_verb(
    engine: ConstrainedEngine,
) -> None:
    # The tagger read "matter" and "work" as nouns and transfer made one compound of the
    # three nouns: "El asunto de goles de la prosperidad común.", "La obra de políticas del
    # desarrollo pacífico.".
    sentences = {
        "Common prosperity goals matter.": "Los goles de prosperidad común importan.",
        "Peaceful development policies work.": "Las políticas de desarrollo pacífico obran.",
        "Global governance bodies matter.": "Los entes de gobernanza global importan.",
        # A singular noun and an "-s" form are as often a compound: it stays one.
        "Economic globalization trade flows.": (
            "Los flujos de comercio de la globalización económica."
        ),
    }
    assert _translated(engine, sentences) == sentences


def test_translate_reads_a_markdown_lead_in_as_a_sentence(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "doc.md").write_text(
        "# Global governance reforms\n\nGlobal governance needs three things:\n\n"
        "- reform\n- trust\n- money\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()"]
        + ["translate", "doc.md", "--to", "es", "--engine", "apertium", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path / ".cache")),
    )
    assert run.returncode == 0, run.stderr
    (po_file,) = (tmp_path / "translations").glob("*.po")
    found = {entry.msgid: entry.msgstr for entry in polib.pofile(str(po_file))}
    assert found["Global governance reforms"] == "Reformas de gobernanza global"
    assert found["Global governance needs three things:"] == (
        "La gobernanza global necesita tres cosas:"
    )
