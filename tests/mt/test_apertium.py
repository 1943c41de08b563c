"""The Apertium engine, run for real (Debian's apertium-eng-spa)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from termwise.errors import TermwiseError
from termwise.mt import select_engine
from termwise.mt.apertium import ApertiumEngine, clean_output, installed_modes, strip_marks

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def test_eng_spa_is_installed() -> None:
    assert "eng-spa" in installed_modes()


def test_whole_document_in_one_call_keeps_every_boundary() -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = [" ".join(p.split()) for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()][:14]
    # Headings without a final period and an empty segment must not merge with neighbours.
    texts = ["Introduction", *sentences[:7], "", "Conclusion and outlook", *sentences[7:]]
    engine = ApertiumEngine()
    together = engine.translate(texts, "en", "es")
    alone = [engine.translate([t], "en", "es")[0] for t in texts]
    assert [r.source for r in together] == texts
    assert [r.target for r in together] == [r.target for r in alone]
    assert together[0].target == "Introducción"
    assert together[8].target == "" and together[9].target.startswith("Conclusión")
    assert all(r.engine == "apertium" and r.model == "eng-spa" for r in together)


def test_one_process_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(list(args))
        return real_run(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    engine = ApertiumEngine()
    engine.mode("en", "es")  # mode lookup (apertium -l) happens before
    monkeypatch.setattr(subprocess, "run", counting_run)
    results = engine.translate(["The cat is blue.", "The house is big.", "Hello"], "en", "es")
    assert [r.target for r in results] == ["El gato es azul.", "La casa es grande.", "Hola"]
    assert calls == [["apertium", "-f", "txt", "eng-spa"]]


def test_unknown_words_are_unmarked_in_the_text_and_listed() -> None:
    result = ApertiumEngine().translate(["The xyzzy frobnicates here."], "en", "es")[0]
    assert "*" not in result.target
    assert result.unknown_words() == ["xyzzy", "frobnicates"]
    # A literal asterisk of the source is text, not a mark.
    literal = ApertiumEngine().translate(["The *cat* is blue."], "en", "es")[0]
    assert literal.target.startswith("El *gato*") and literal.unknown == ()


def test_marks_inside_compounds_and_the_engines_double_spaces_stay_out_of_the_draft() -> None:
    sources = [
        "Asia-Pacific and self-interested people meet.",
        "It is a world social entity extracted from China's in-depth consideration.",
    ]
    compound, dropped = ApertiumEngine().translate(sources, "en", "es")
    assert not re.search(r"[*#@]\w", compound.target), compound.target
    assert "Asia-Pacific" in compound.target
    assert "Pacific" in compound.unknown_words()
    assert "  " not in dropped.target, dropped.target


def test_strip_marks_spans_point_into_the_stripped_text() -> None:
    target, spans = strip_marks("El *xyzzy es *qwerty.", "The xyzzy is qwerty.")
    assert target == "El xyzzy es qwerty."
    assert [target[a:b] for a, b in spans] == ["xyzzy", "qwerty"]


def test_no_space_before_a_full_stop_or_comma_the_source_has_none_before() -> None:
    # eng-spa writes "Es nuestro gol ." and "la mentalidad de Guerra Fría , es" after "is".
    (result,) = ApertiumEngine().translate(
        ["It is our goal. This is the Cold War mentality, is it?"], "en", "es"
    )
    assert "gol." in result.target and " ." not in result.target, result.target
    assert " ," not in result.target, result.target
    # A source that writes it so keeps it ("Wait , then ." as typed).
    assert clean_output("Espera , luego .", "Wait , then .")[0] == "Espera , luego ."


def test_emphasis_a_rule_moved_onto_a_word_of_the_source_keeps_both_asterisks() -> None:
    # Glossary-constrained Apertium reordered "the *community of human destiny* idea" into
    # "la *idea* de comunidad…", and "*idea" was taken for an unknown-word mark: "la idea*".
    source = "China supports the *community of human destiny* idea."
    target, spans = strip_marks("China apoya la *idea* de comunidad.", source)
    assert target == "China apoya la *idea* de comunidad." and spans == ()
    # With one asterisk more than the source has, one is a mark.
    target, spans = strip_marks("China apoya la *comunidad de humano *destiny*.", source)
    assert target == "China apoya la *comunidad de humano destiny*."
    assert [target[a:b] for a, b in spans] == ["destiny"]


def test_selected_when_no_argos_model_is_installed(argos_env: Path) -> None:
    engine = select_engine(None, "en", "es")
    assert engine.name == "apertium"
    # The hint names the Debian package that really has the pair, and only where one does.
    with pytest.raises(TermwiseError, match=r"apt install apertium-eng-cat") as with_package:
        ApertiumEngine().translate(["x"], "en", "ca")
    assert "apertium-cat-eng" not in str(with_package.value)
    with pytest.raises(TermwiseError, match="no Apertium mode for en → de") as without:
        ApertiumEngine().translate(["x"], "en", "de")
    assert "apt install" not in str(without.value)
