"""An unknown acronym keeps the article Apertium writes before it, whatever verb follows
("El BAII tiene que obrar", was "BAII Tiene que obrar"); a bare plural source form written
as its singular target term takes the definite article a Spanish singular naming the
whole kind needs ("el futuro de la humanidad", was "de humanidad"); a plural verb after
"which" leaves transfer's relative alone after a singular term ("los cuales son", was "la
cual es"); a partitive relative is plural ("algunas de las cuales", was "algunas de la
cual"); and a plural source form's singular counted as one ("a human being") is not
forced into the singular collective ("Una humanidad es"). Apertium en→es runs for real,
through the library and through ``termwise translate`` with a CSV glossary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints
from termwise.mt.engine import MTResult

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Apertium")


def _glossary(sources: list[str], target: str) -> Glossary:
    """One concept: the first source form preferred, the others deprecated variants."""
    terms = [Term(sources[0], "en", status=TermStatus.PREFERRED)]
    terms += [Term(text, "en", status=TermStatus.DEPRECATED) for text in sources[1:]]
    official = Term(target, "es", status=TermStatus.PREFERRED)
    return Glossary(concepts=[Concept("c", all_terms=[*terms, official])])


def _translate(glossary: Glossary, texts: list[str]) -> list[MTResult]:
    engine = ConstrainedEngine(ApertiumEngine(), GlossaryConstraints(glossary, "en", "es"))
    return engine.translate(texts, "en", "es")


HUMANITY = _glossary(["humanity", "human beings"], "humanidad")


def test_an_unknown_acronym_subject_keeps_its_article_before_any_verb() -> None:
    results = _translate(
        _glossary(["AIIB"], "BAII"),
        ["The AIIB must act.", "The AIIB finances projects.", "The AIIB is a bank."],
    )
    targets = [result.target for result in results]
    # Were "BAII Tiene que obrar." and "BAII Financia proyectos.".
    assert targets == ["El BAII tiene que obrar.", "El BAII financia proyectos.", targets[2]]
    assert targets[2] == "El BAII es un banco.", targets
    for result in results:
        assert [d.target for d in result.terms] == ["BAII"], result.terms


def test_a_bare_plural_source_form_as_a_singular_term_takes_the_article() -> None:
    of_beings, thanks, subject = (
        result.target
        for result in _translate(
            HUMANITY,
            [
                "The future of human beings is uncertain.",
                "This is good for human beings.",
                "Human beings are responsible.",
            ],
        )
    )
    assert of_beings == "El futuro de la humanidad es incierto.", of_beings
    assert of_beings.count("humanidad") == 1
    assert thanks.endswith("para la humanidad."), thanks
    # Transfer gives a subject its article itself: no second one.
    assert subject == "La humanidad es responsable.", subject


def test_a_plural_verb_after_which_leaves_the_relative_to_transfer() -> None:
    values, its_own = (
        result.target
        for result in _translate(
            HUMANITY,
            [
                "These are values created by human beings, which are neither good nor bad.",
                "We thank humanity, which is good.",
            ],
        )
    )
    # "which are" is said of the values: was "por la humanidad, la cual es tampoco …".
    assert "humanidad, los cuales son " in values, values
    # A singular verb still agrees with the term it follows.
    assert "humanidad, la cual es " in its_own, its_own


def test_a_partitive_relative_after_a_term_is_plural() -> None:
    some, of_which = (
        result.target
        for result in _translate(
            _glossary(["cyberthreat"], "ciberamenaza"),
            [
                "We study the cyberthreat, some of which is new.",
                "Cyberthreats, of which one is new, grow.",
            ],
        )
    )
    # Was "la ciberamenaza, algunas de la cual es nueva".
    assert "ciberamenaza, algunas de las cuales son nuevas" in some, some
    assert "ciberamenazas, de las cuales una es nueva" in of_which, of_which


def test_a_plural_forms_singular_counted_as_one_is_left_to_apertium() -> None:
    one, every, whole = _translate(
        HUMANITY,
        [
            "A human being is responsible.",
            "Every human being is responsible.",
            "Human beings are responsible.",
        ],
    )
    # Was "Una humanidad es responsable.": one human being is no humanity.
    assert one.target == "Un ser humano es responsable.", one.target
    assert "humanidad" not in every.target, every.target
    for result in (one, every):
        (decision,) = result.terms
        assert decision.mechanism == "left" and "counts one" in decision.reason, decision
    assert whole.target == "La humanidad es responsable.", whole.target


def test_a_plural_rendering_keeps_its_singular_after_an_article() -> None:
    (result,) = _translate(
        _glossary(["international relations"], "relaciones internacionales"),
        ["An international relation is complex."],
    )
    assert result.target == "Una relación internacional es compleja.", result.target


def test_translate_with_a_csv_glossary(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_text(
        "id,en,en status,es,es status\n"
        "c1,AIIB,preferred,BAII,preferred\n"
        "c2,humanity,preferred,humanidad,preferred\n"
        "c2,human beings,deprecated,,\n",
        encoding="utf-8",
    )
    (tmp_path / "text.txt").write_text(
        "The AIIB must act.\n\nThe future of human beings is uncertain.\n\n"
        "These are values created by human beings, which are neither good nor bad.\n\n"
        "We thank human beings, some of which are good.\n\nA human being is responsible.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "termwise", "translate", "text.txt", "--to", "es"]
        + ["--from", "en", "--engine", "apertium", "--no-save", "--no-cache"]
        + ["--glossary", "terms.csv"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    targets = [line.strip()[4:] for line in done.stdout.splitlines() if line.strip()[:3] == "es:"]
    assert targets[0] == "El BAII tiene que obrar.", targets
    assert targets[1] == "El futuro de la humanidad es incierto.", targets
    assert "por la humanidad, los cuales son " in targets[2], targets
    assert "humanidad, algunas de las cuales son " in targets[3], targets
    assert targets[4] == "Un ser humano es responsable.", targets
