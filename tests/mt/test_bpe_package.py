"""The Argos engine on a Moses + BPE package (``bpe.model``, Argos's ``BPETokenizer``): it
translates, a sentence alone comes out as argostranslate gives it, and no heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_argos_engine import argos_translations, seed_sentences

from support.argos_packages import TRAINING_TEXT, build_argos_package
from termwise.mt.argos import ArgosEngine
from termwise.mt.packages import install_archive

VERSION = "1.3"  # not the SentencePiece fixture's, so the identity checks mean something
MODEL_ID = f"translate-en_es@{VERSION}"

# Moses escapes (&apos; &amp; &quot;), underscores it splits off, a character the training
# text lacks (ï: an unknown source token), words the BPE splits into pieces.
TRICKY = [
    "The file snake_case_name.txt keeps p1_s2 intact.",
    'The party\'s "naïve" scholars & journalists disagree.',
    "Consistency checks find inconsistent terminology.",
]


@pytest.fixture(scope="module")
def bpe_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_argos_package(
        tmp_path_factory.mktemp("bpe-package"),
        "en",
        "es",
        package_version=VERSION,
        tokenizer="bpe",
    )


@pytest.fixture
def bpe_package(argos_env: Path, bpe_archive: Path) -> Path:
    """The BPE package installed into the isolated packages folder; returns its folder."""
    return install_archive(bpe_archive).path


def test_the_package_is_a_bpe_package_whose_pieces_the_model_knows(bpe_package: Path) -> None:
    from argostranslate.package import Package
    from argostranslate.tokenizer import BPETokenizer

    assert not (bpe_package / "sentencepiece.model").exists()
    codes = (bpe_package / "bpe.model").read_text(encoding="utf-8").splitlines()
    assert codes[0] == "#version: 0.2" and len(codes) > 100
    assert all(len(line.split(" ")) == 2 for line in codes[1:])
    tokenizer = Package(bpe_package).tokenizer
    assert isinstance(tokenizer, BPETokenizer)

    vocabulary = json.loads((bpe_package / "model" / "shared_vocabulary.json").read_text())
    assert vocabulary[:3] == ["<unk>", "<s>", "</s>"]
    lines = [line for line in TRAINING_TEXT.splitlines() if line.strip()]
    tokens = [token for line in lines for token in tokenizer.encode(line)]
    # Argos's own BPE, applied to the training text, makes only pieces the model knows...
    assert set(tokens) <= set(vocabulary)
    # ...and really splits words: continued pieces, and whole words learned as one piece.
    assert sum(token.endswith("@@") for token in tokens) > len(tokens) // 5
    assert {"community", "the", "concept"} <= set(tokens)
    # Moses escapes before BPE; decoding joins the pieces and unescapes (Moses for to_code).
    pieces = tokenizer.encode('Dijo: "la comunidad" & el concepto.')
    assert "".join(pieces).replace("@@", "") == "Dijo:&quot;lacomunidad&quot;&amp;elconcepto."
    assert tokenizer.decode(pieces) == 'Dijo: "la comunidad" & el concepto.'


def test_argos_engine_translates_with_a_bpe_package(bpe_package: Path) -> None:
    sentences = seed_sentences(5) + TRICKY
    engine = ArgosEngine(beam_size=2)
    assert engine.model_id("en", "es") == MODEL_ID
    assert "bpe.model:" in engine.fingerprint("en", "es")
    assert "sentencepiece.model" not in engine.fingerprint("en", "es")
    results = engine.translate(sentences, "en", "es")
    assert [r.source for r in results] == sentences
    assert all(r.target.strip() for r in results)
    assert all(r.engine == "argos" and r.model == MODEL_ID for r in results)
    assert len({r.target for r in results}) > len(results) // 2
    # Pieces are joined again: "@@ " never survives decoding.
    assert not any("@@ " in r.target for r in results)


@pytest.mark.parametrize("beam", [1, 4])
def test_one_sentence_alone_matches_argostranslate_with_bpe(bpe_package: Path, beam: int) -> None:
    sentences = seed_sentences(16) + TRICKY
    engine = ArgosEngine(beam_size=beam)
    ours = [engine.translate([s], "en", "es")[0].target for s in sentences]
    theirs = argos_translations(bpe_package, sentences, beam)
    # Argos's BPETokenizer.decode, unlike its SentencePiece one, keeps "_": no mapping needed.
    assert ours == theirs
    assert all(ours) and len(set(ours)) > len(ours) // 2


def test_underscores_in_bpe_outputs_are_kept_as_argos_keeps_them(
    argos_env: Path, tmp_path: Path
) -> None:
    # A model that likes the "_" piece (Moses splits "_" off as a word of its own).
    package = install_archive(
        build_argos_package(tmp_path / "u", "en", "es", tokenizer="bpe", boost_pieces={"_": 3.0})
    ).path
    sentences = seed_sentences(6)
    ours = [ArgosEngine(beam_size=1).translate([s], "en", "es")[0].target for s in sentences]
    assert sum("_" in t for t in ours) >= 3
    assert ours == argos_translations(package, sentences, 1)


def test_no_torch_or_stanza_on_the_bpe_path(bpe_package: Path) -> None:
    program = textwrap.dedent(
        """
        import sys
        from termwise.mt import select_engine
        engine = select_engine(None, "en", "es")
        print(engine.name, engine.model_id("en", "es"),
              engine.translate(["Hello world."], "en", "es")[0].target != "")
        heavy = sorted({m.split(".")[0] for m in sys.modules} & {"torch", "stanza", "spacy",
                       "onnxruntime", "minisbd"})
        print("HEAVY", heavy, "argostranslate.translate" in sys.modules)
        print("BPE", "sacremoses.tokenize" in sys.modules, "argostranslate.apply_bpe" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"argos {MODEL_ID} True",
        "HEAVY [] False",
        "BPE True True",
    ]
