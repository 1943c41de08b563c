"""The Argos engine: same output as argostranslate for a sentence alone, batched documents,
pivoting, n-best, target prefixes, and no heavy imports on its path."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support.argos_packages import build_argos_package
from termwise.errors import TermwiseError
from termwise.mt import select_engine
from termwise.mt.argos import ArgosEngine
from termwise.mt.packages import install_archive

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def seed_sentences(count: int) -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if len(p.strip()) > 3]
    return [" ".join(p.split()) for p in parts[:count]]


def as_argos_shows_it(text: str) -> str:
    """Argos turns "_" into spaces and then drops one leading space, if any."""
    spaced = text.replace("_", " ")
    return spaced[1:] if text.startswith("_") else spaced


ARGOS_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import ctranslate2
    from argostranslate.package import Package
    from argostranslate.translate import apply_packaged_translation

    class OneSentence:
        # Argos's sentencizer interface; the segment is already one sentence.
        def split_sentences(self, text):
            return [text]

    package_dir, beam = sys.argv[1], int(sys.argv[2])
    sentences = json.loads(sys.stdin.read())
    pkg = Package(package_dir)
    translator = ctranslate2.Translator(str(pkg.package_path / "model"), device="cpu",
                                        compute_type="auto")
    out = [apply_packaged_translation(pkg, s, translator, OneSentence(), 1)[0].value
           for s in sentences]
    print(json.dumps(out))
    """
)


def argos_translations(package_dir: Path, sentences: list[str], beam: int) -> list[str]:
    env = dict(os.environ, ARGOS_BEAM_SIZE=str(beam))
    result = subprocess.run(
        [sys.executable, "-c", ARGOS_SCRIPT, str(package_dir), str(beam)],
        input=json.dumps(sentences),
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    translations: list[str] = json.loads(result.stdout)
    return translations


@pytest.mark.parametrize("beam", [1, 4])
def test_one_sentence_alone_matches_argostranslate(
    installed_argos_package: Path, beam: int
) -> None:
    sentences = seed_sentences(24) + ["The file snake_case_name.txt keeps p1_s2 intact."]
    engine = ArgosEngine(beam_size=beam)
    ours = [engine.translate([s], "en", "es")[0].target for s in sentences]
    theirs = argos_translations(installed_argos_package, sentences, beam)
    # Argos turns every "_" into a space; termwise keeps it.
    assert [as_argos_shows_it(t) for t in ours] == theirs
    assert all(ours) and len(set(ours)) > len(ours) // 2

    batched = [r.target for r in engine.translate(sentences, "en", "es")]
    differing = sum(a != b for a, b in zip(batched, ours, strict=True))
    print(f"beam {beam}: {differing} of {len(sentences)} segments differ when batched")
    assert differing <= len(sentences) // 4


def test_keeps_underscores_that_argos_turns_into_spaces(argos_env: Path, tmp_path: Path) -> None:
    # A model that likes the "_" piece, so that outputs contain underscores.
    package = install_archive(
        build_argos_package(tmp_path / "u", "en", "es", boost_pieces={"_": 3.0})
    ).path
    engine = ArgosEngine(beam_size=1)
    sentences = seed_sentences(6)
    ours = [engine.translate([s], "en", "es")[0].target for s in sentences]
    assert sum("_" in t for t in ours) >= 3
    theirs = argos_translations(package, sentences, 1)
    assert [as_argos_shows_it(t) for t in ours] == theirs
    assert not any("_" in t for t in theirs)


def test_translating_a_document_keeps_order_empty_segments_and_reports_progress(
    installed_argos_package: Path,
) -> None:
    sentences = seed_sentences(40)
    texts = sentences[:10] + ["", "   "] + sentences[10:]
    seen: list[tuple[int, int]] = []
    engine = ArgosEngine(beam_size=2, max_batch_tokens=128)
    results = engine.translate(texts, "en", "es", progress=lambda d, t: seen.append((d, t)))
    assert [r.source for r in results] == texts
    assert results[10].target == "" and results[11].target == ""
    alone = {s: engine.translate([s], "en", "es")[0].target for s in sentences[:5]}
    for result in results[:5]:
        assert result.engine == "argos" and result.model == "translate-en_es@1.0"
    assert sum(alone[r.source] == r.target for r in results[:5]) >= 4
    assert len(seen) > 1 and seen[-1] == (42, 42)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_nbest_hypotheses_are_scored_best_first(installed_argos_package: Path) -> None:
    engine = ArgosEngine(beam_size=4, num_hypotheses=3)
    result = engine.translate(seed_sentences(1), "en", "es")[0]
    assert len(result.nbest) == 3
    assert result.nbest[0][0] == result.target
    scores = [score for _, score in result.nbest]
    assert scores == sorted(scores, reverse=True)
    assert len({text for text, _ in result.nbest}) == 3


def test_pivots_through_english(argos_env: Path, tmp_path: Path) -> None:
    install_archive(build_argos_package(tmp_path / "fr", "fr", "en", seed=11))
    install_archive(build_argos_package(tmp_path / "es", "en", "es", seed=12))
    engine = select_engine("argos", "fr", "es", beam_size=1)
    assert engine.model_id("fr", "es") == "translate-fr_en@1.0+translate-en_es@1.0"
    source = "La comunidad de futuro compartido."
    pivot = ArgosEngine(beam_size=1).translate([source], "fr", "en")[0].target
    expected = ArgosEngine(beam_size=1).translate([pivot], "en", "es")[0].target
    assert engine.translate([source], "fr", "es")[0].target == expected
    with pytest.raises(TermwiseError, match="termwise models install es fr"):
        select_engine("argos", "es", "fr")


def test_target_prefix_is_given_to_the_model_and_removed(argos_env: Path, tmp_path: Path) -> None:
    install_archive(build_argos_package(tmp_path / "p", "en", "de", target_prefix="__de__"))
    results = ArgosEngine(beam_size=1).translate(seed_sentences(8), "en", "de")
    assert all(
        r.target and "__de__" not in r.target and "de  " not in r.target[:4] for r in results
    )


def test_no_torch_stanza_or_argos_translate_module_on_the_engine_path(
    installed_argos_package: Path,
) -> None:
    program = textwrap.dedent(
        """
        import sys
        from termwise.mt import select_engine
        engine = select_engine(None, "en", "es")
        print(engine.name, engine.translate(["Hello world."], "en", "es")[0].target != "")
        heavy = sorted({m.split(".")[0] for m in sys.modules} & {"torch", "stanza", "spacy",
                       "onnxruntime", "minisbd"})
        print("HEAVY", heavy, "argostranslate.translate" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["argos True", "HEAVY [] False"]


def test_select_engine_without_models_says_what_to_do(argos_env: Path) -> None:
    with pytest.raises(TermwiseError, match="termwise models install en de"):
        select_engine(None, "en", "de")
    with pytest.raises(TermwiseError, match="unknown MT engine"):
        select_engine("google", "en", "es")
