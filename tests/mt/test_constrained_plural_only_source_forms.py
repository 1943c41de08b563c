"""An occurrence's number is carried over relative to its source form's own number: a
plural-only source form ("human beings", "people") in its own form is no plural occurrence
of the concept, so the rendering keeps the target term's own number and the verb and
adjective agree with it ("La humanidad es responsable", not "Las humanidades son
responsables": the humanities, another concept). The reverse, a singular source form whose
target term is plural, stays plural ("Los seres humanos son responsables"). Apertium en→es
runs for real, through the library and through ``termwise translate``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")


def _glossary(sources: list[str], target: Term) -> Glossary:
    """One concept: the first source form preferred, the others deprecated variants."""
    terms = [Term(sources[0], "en", status=TermStatus.PREFERRED)]
    terms += [Term(text, "en", status=TermStatus.DEPRECATED) for text in sources[1:]]
    return Glossary(concepts=[Concept("c", all_terms=[*terms, target])])


def _translate(glossary: Glossary, texts: list[str]) -> list[str]:
    engine = ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))
    results = engine.translate(texts, "en", "es")
    for result in results:
        assert [d.mechanism for d in result.terms] == ["apertium-lexical"], result.terms
    return [result.target for result in results]


def test_a_plural_source_form_in_its_own_number_keeps_the_target_terms_number() -> None:
    humanidad = Term("humanidad", "es", status=TermStatus.PREFERRED)
    beings, of_beings, humanity = _translate(
        _glossary(["humanity", "human beings"], humanidad),
        [
            "Human beings are responsible for the future of the planet.",
            "The future of human beings is uncertain.",
            "Humanity is responsible for the future of the planet.",
        ],
    )
    # Was "Las humanidades son responsables para el futuro del planeta.".
    assert beings.startswith("La humanidad es responsable "), beings
    assert "humanidades" not in of_beings, of_beings
    assert humanity.startswith("La humanidad es responsable "), humanity
    (plan,) = GlossaryConstraints(
        _glossary(["humanity", "human beings"], humanidad), "en", "es"
    ).plan("Human beings are responsible.")
    assert plan.own_number and not plan.plural and plan.number is None


def test_people_as_the_glossary_writes_it_is_a_singular_gente() -> None:
    gente = Term("gente", "es", status=TermStatus.PREFERRED)
    (worried, many) = _translate(
        _glossary(["people"], gente),
        ["People are worried about the future.", "Many people are worried."],
    )
    # Were "Las gentes están preocupadas …" and "Muchas gentes …".
    assert worried.startswith("La gente está preocupada "), worried
    assert many.startswith("Mucha gente está preocupada"), many


def test_a_singular_source_form_of_a_plural_target_term_stays_plural() -> None:
    seres = Term("seres humanos", "es", status=TermStatus.PREFERRED, extra=[PLURAL])
    humanity, mankind = _translate(
        _glossary(["humanity", "mankind"], seres),
        [
            "Humanity is responsible for the future of the planet.",
            "Mankind is responsible for the future of the planet.",
        ],
    )
    for target in (humanity, mankind):
        assert target.startswith("Los seres humanos son responsables "), target


def _termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / ".cache"))
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_translate_with_a_deprecated_plural_variant_added_by_glossary_add(tmp_path: Path) -> None:
    # The terminologist's walk-through, as typed: the variant is added deprecated, with no
    # number recorded.
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    shutil.copy(SEED, tmp_path / SEED.name)
    (tmp_path / "doc.txt").write_text(
        "Human beings are responsible for the future of the planet.\n", encoding="utf-8"
    )
    for args in (
        ("humanity", "--from", SEED.name),
        ("human beings", "--concept", "humanity"),
        ("humanidad", "--concept", "humanity", "--lang", "es"),
    ):
        run = _termwise("glossary", "add", *args, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
    run = _termwise(
        "translate",
        "doc.txt",
        "--to",
        "es",
        "--engine",
        "apertium",
        "--no-save",
        "--no-cache",
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "es: La humanidad es responsable para el futuro del planeta." in run.stdout, run.stdout
