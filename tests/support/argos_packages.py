"""Build small, real Argos Translate packages for tests and benchmarks, without downloads.

A package is what Argos itself installs: a zip with one top folder holding ``metadata.json``,
a tokenizer and a CTranslate2 model in ``model/``. The tokenizer is ``sentencepiece.model`` or
(``tokenizer="bpe"``) ``bpe.model``: subword-nmt BPE codes, learned here from the training text,
that Argos applies after Moses normalisation and tokenization. The model is a Transformer with
random weights, except for a few wired dimensions that make ``</s>`` likely once the output is
about as long as the source: a random decoder would otherwise run to the maximum length on
every sentence, making tests slow and outputs absurd.

How the wiring works (pre-norm Transformer, learned position encodings):
- dimension ``POS`` of every position encoding is ``position * SLOPE`` and no layer writes to it,
  so after the final layer norm it still says "how far along am I";
- one decoder cross-attention head has zero query weights, so it attends uniformly to the source
  and averages the source's ``POS`` dimension (about ``SLOPE * n / 2``); its output lands, doubled,
  in decoder dimension ``LEN``;
- the output projection row of ``</s>`` reads ``POS - LEN`` and gets a bias, so its logit rises
  past the random logits of other tokens when the output position reaches the source length.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

import numpy as np

# A few kilobytes of English and Spanish, enough for SentencePiece to learn a small vocabulary.
# Underscores are in it on purpose: termwise keeps ``_`` where Argos turns it into a space.
TRAINING_TEXT = """\
The community of shared future for mankind is a concept in Chinese foreign policy.
It was first proposed in 2012 and later written into the constitution of the party.
Scholars debate whether the idea describes a new world order or a set of slogans.
The translation of the term varies: community of common destiny, shared future, human destiny.
Official documents prefer one rendering, while journalists and scholars use several others.
A glossary records which rendering is preferred and which ones are deprecated.
Consistency checks find places where a translator used a different term for the same concept.
Machine translation gives a first draft that a human translator reviews sentence by sentence.
Each sentence keeps an identifier such as p1_s2 so that reviews survive edits of the source.
Variables like snake_case_name and file_name_v2 keep their underscores in technical text.
The Belt and Road Initiative, the Global Development Initiative and the Global Security Initiative
are described as ways to build the community. Critics argue that the concept serves national
interests; supporters say that it answers common challenges such as climate change and pandemics.
La comunidad de futuro compartido para la humanidad es un concepto de la política exterior china.
Se propuso por primera vez en 2012 y luego se incorporó a la constitución del partido.
Los académicos debaten si la idea describe un nuevo orden mundial o un conjunto de consignas.
La traducción del término varía: comunidad de destino común, futuro compartido, destino humano.
Los documentos oficiales prefieren una traducción, mientras que otros usan varias.
Un glosario registra qué traducción es preferida y cuáles están en desuso.
Las comprobaciones de coherencia encuentran lugares donde se usó otro término para el mismo concepto.
La traducción automática ofrece un primer borrador que un traductor revisa frase por frase.
Cada frase conserva un identificador como p1_s2 para que las revisiones sobrevivan a los cambios.
Variables como nombre_de_archivo y snake_case_name conservan sus guiones bajos.
La Franja y la Ruta, la Iniciativa para el Desarrollo Global y la Iniciativa para la Seguridad
Global se describen como formas de construir la comunidad. Los críticos sostienen que el concepto
sirve a intereses nacionales; sus defensores dicen que responde a retos comunes como el clima.
"""

POS = 0  # residual dimension carrying the position (see module docstring)
LEN = 1  # decoder residual dimension carrying the source length
SLOPE = 0.05
MAX_POSITIONS = 1024


def train_sentencepiece(text: str = TRAINING_TEXT, *, vocab_size: int = 400) -> bytes:
    """Train a SentencePiece unigram model on ``text`` and return the serialised model."""
    import sentencepiece as spm

    lines = [line for line in text.splitlines() if line.strip()]
    # SentencePiece wants enough sentences; repeating the corpus changes nothing but counts.
    writer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines * 4),
        model_writer=writer,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=1,
    )
    return writer.getvalue()


def _sp_vocabulary(model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


SPECIALS = ["<unk>", "<s>", "</s>"]  # as SentencePiece numbers them; CTranslate2 needs all three
BPE_SEPARATOR = "@@"  # subword-nmt's mark on every piece but a word's last
END_OF_WORD = "</w>"  # subword-nmt's (version 0.2) mark on a word's last symbol while learning


def moses_words(text: str, lang: str) -> list[str]:
    """The tokens of ``text`` as Argos's ``BPETokenizer`` sees them before BPE: Moses-normalised
    and Moses-tokenized (with its escapes, e.g. ``&apos;``), line by line."""
    # sacremoses (an argostranslate dependency) has no type information.
    from sacremoses.normalize import MosesPunctNormalizer  # type: ignore[import-untyped]
    from sacremoses.tokenize import MosesTokenizer  # type: ignore[import-untyped]

    normalizer = MosesPunctNormalizer(lang)
    tokenizer = MosesTokenizer(lang)
    words: list[str] = []
    for line in text.splitlines():
        if line.strip():
            words += tokenizer.tokenize(normalizer.normalize(line))
    return words


def _merge(symbols: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    """``symbols`` with every occurrence of ``pair`` joined, left to right, as BPE applies it."""
    merged: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            merged.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            merged.append(symbols[i])
            i += 1
    return tuple(merged)


def train_bpe(
    text: str = TRAINING_TEXT, *, lang: str = "en", merges: int = 400, min_frequency: int = 2
) -> tuple[bytes, list[str]]:
    """Learn BPE on the Moses tokens of ``text``: (``bpe.model`` in subword-nmt's codes format,
    the pieces it makes).

    Each distinct word starts as its characters, the last one marked ``</w>``; each step joins
    the adjacent pair with the highest count over the corpus (ties: the smallest pair) in every
    word, until ``merges`` pairs are learned or none occurs ``min_frequency`` times. The pieces
    are what the codes make of the training words, ``@@``-marked where a word goes on, plus
    every character in both forms, so that any word of known characters has its pieces.
    """
    counts = Counter(moses_words(text, lang))
    words = {word: (*word[:-1], word[-1] + END_OF_WORD) for word in counts}
    codes: list[tuple[str, str]] = []
    while len(codes) < merges:
        pairs: Counter[tuple[str, str]] = Counter()
        for word, symbols in words.items():
            for pair in pairwise(symbols):
                pairs[pair] += counts[word]
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        if pairs[best] < min_frequency:
            break
        codes.append(best)
        words = {word: _merge(symbols, best) for word, symbols in words.items()}
    pieces = {f"{c}{BPE_SEPARATOR}" for word in counts for c in word} | {
        c for word in counts for c in word
    }
    for symbols in words.values():
        pieces.update(symbol + BPE_SEPARATOR for symbol in symbols[:-1])
        pieces.add(symbols[-1].removesuffix(END_OF_WORD))
    model = "".join(["#version: 0.2\n", *(f"{a} {b}\n" for a, b in codes)])
    return model.encode("utf-8"), sorted(pieces)


def build_transformer(
    out_dir: Path,
    vocabulary: list[str],
    *,
    layers: int | tuple[int, int] = 2,
    width: int = 64,
    heads: int = 4,
    ffn: int = 128,
    quantization: str | None = None,
    seed: int = 1234,
    eos_bias: float = 4.0,
    end_near_source_length: bool = True,
    length_gain: float | None = None,
    boost_pieces: dict[str, float] | None = None,
) -> Path:
    """Write a CTranslate2 Transformer with random weights to ``out_dir`` (which must not exist)."""
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    vocab_size = len(vocabulary)
    head_dim = width // heads
    wired = (POS, LEN) if end_near_source_length else ()
    encoder_layers = layers[0] if isinstance(layers, tuple) else layers
    # The mean source position is 2x the averaged POS value, but the encoder's final layer
    # norm divides it by the spread of the encoder output, which grows with depth (measured:
    # outputs were 0.6x the source with 2 layers and 0.43x with 6 at a gain of 2).
    gain = (
        length_gain if length_gain is not None else 2.0 * float(np.sqrt(1 + 0.7 * encoder_layers))
    )

    def normal(*shape: int, scale: float | None = None) -> Any:
        std = scale if scale is not None else 1.0 / np.sqrt(shape[-1])
        return rng.normal(0.0, std, shape).astype(np.float32)

    def set_linear(linear: Any, out_features: int, in_features: int) -> None:
        weight = normal(out_features, in_features)
        bias = np.zeros(out_features, dtype=np.float32)
        if out_features == width:
            # Layers must not write into the wired dimensions (they stay pure signals).
            for dim in wired:
                weight[dim, :] = 0.0
        linear.weight = weight
        linear.bias = bias

    def set_norm(norm: Any) -> None:
        norm.gamma = np.ones(width, dtype=np.float32)
        norm.beta = np.zeros(width, dtype=np.float32)

    def set_ffn(ffn_spec: Any) -> None:
        set_norm(ffn_spec.layer_norm)
        set_linear(ffn_spec.linear_0, ffn, width)
        set_linear(ffn_spec.linear_1, width, ffn)

    def positions() -> Any:
        encodings = normal(MAX_POSITIONS, width, scale=0.5)
        if wired:
            encodings[:, POS] = np.arange(MAX_POSITIONS, dtype=np.float32) * SLOPE
            encodings[:, LEN] = 0.0
        return encodings

    def embeddings() -> Any:
        # CTranslate2 multiplies embeddings by sqrt(width): this gives unit-variance inputs.
        table = normal(vocab_size, width, scale=1.0 / np.sqrt(width))
        for dim in wired:
            table[:, dim] = 0.0
        return table

    spec = transformer_spec.TransformerSpec.from_config(layers, heads, pre_norm=True)
    # The encoder may take several source features: it holds a list of embedding tables.
    spec.encoder.embeddings[0].weight = embeddings()
    spec.decoder.embeddings.weight = embeddings()
    for side in (spec.encoder, spec.decoder):
        side.position_encodings.encodings = positions()
        set_norm(side.layer_norm)
    for layer in spec.encoder.layer:
        set_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * width, width)
        set_linear(layer.self_attention.linear[1], width, width)
        set_ffn(layer.ffn)
    for index, layer in enumerate(spec.decoder.layer):
        set_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * width, width)
        set_linear(layer.self_attention.linear[1], width, width)
        set_norm(layer.attention.layer_norm)
        set_linear(layer.attention.linear[0], width, width)
        set_linear(layer.attention.linear[1], 2 * width, width)
        set_linear(layer.attention.linear[2], width, width)
        set_ffn(layer.ffn)
        if wired and index == 0:
            attention = layer.attention
            # Head 0: zero queries -> uniform attention over the source; its first value
            # channel reads the source's POS dimension; the output writes twice that into LEN.
            attention.linear[0].weight[:head_dim, :] = 0.0
            values = attention.linear[1].weight[width:]
            values[:head_dim, :] = 0.0
            values[0, POS] = 1.0
            output = attention.linear[2].weight
            output[:, :head_dim] = 0.0
            output[LEN, :] = 0.0
            output[LEN, 0] = gain
    projection = normal(vocab_size, width)
    bias = np.zeros(vocab_size, dtype=np.float32)
    eos = vocabulary.index("</s>")
    if wired:
        projection[:, POS] = 0.0
        projection[:, LEN] = 0.0
        projection[eos, :] = 0.0
        # After the final layer norm the wired values are divided by the vector's spread
        # (about 1), so the logit is roughly eos_bias + (position - source length).
        projection[eos, POS] = 1.0 / SLOPE
        projection[eos, LEN] = -1.0 / SLOPE
        bias[eos] = eos_bias
    for piece, boost in (boost_pieces or {}).items():
        # Make a piece likely in outputs, e.g. "_" for tests of how it is decoded.
        bias[vocabulary.index(piece)] += boost
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True)
    spec.save(str(out_dir))
    return out_dir


def build_argos_package(
    out_dir: Path,
    from_code: str = "en",
    to_code: str = "es",
    *,
    package_version: str = "1.0",
    folder_name: str | None = None,
    training_text: str = TRAINING_TEXT,
    vocab_size: int = 400,
    target_prefix: str | None = None,
    model_vocab_size: int | None = None,
    layers: int | tuple[int, int] = 2,
    width: int = 64,
    heads: int = 4,
    ffn: int = 128,
    quantization: str | None = None,
    seed: int = 1234,
    eos_bias: float = 4.0,
    end_near_source_length: bool = True,
    length_gain: float | None = None,
    boost_pieces: dict[str, float] | None = None,
    links: Iterable[str] = (),
    extra_files: dict[str, bytes] | None = None,
    tokenizer: Literal["sentencepiece", "bpe"] = "sentencepiece",
    bpe_merges: int = 400,
) -> Path:
    """Build ``<out_dir>/translate-<from>_<to>-<version>.argosmodel`` and return its path.

    The package is real: Argos's own ``Package`` class reads it and ``apply_packaged_translation``
    translates with it. ``model_vocab_size`` pads the model's vocabulary beyond the
    tokenizer's (for benchmarks with realistic output layers). ``extra_files`` adds (or replaces) archive entries, for tests of broken
    packages; names are relative to the package's top folder.

    ``tokenizer="bpe"`` ships ``bpe.model`` (at most ``bpe_merges`` merges learned from the
    training text, Moses-tokenized for ``from_code``) instead of ``sentencepiece.model``; the
    model's vocabulary is then ``<unk>``, ``<s>``, ``</s>`` and the BPE's pieces, and
    ``vocab_size`` is unused.
    """
    import tempfile

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    version_tag = package_version.replace(".", "_")
    top = folder_name or f"translate-{from_code}_{to_code}-{version_tag}"
    if tokenizer == "bpe":
        tokenizer_file = "bpe.model"
        tokenizer_model, pieces = train_bpe(training_text, lang=from_code, merges=bpe_merges)
        vocabulary = SPECIALS + pieces
    else:
        tokenizer_file = "sentencepiece.model"
        tokenizer_model = train_sentencepiece(training_text, vocab_size=vocab_size)
        vocabulary = _sp_vocabulary(tokenizer_model)
    if target_prefix and target_prefix not in vocabulary:
        vocabulary.append(target_prefix)
    if model_vocab_size is not None:
        # Real models have ~32k entries; the output layer's size is a large part of the cost.
        vocabulary += [f"<extra_{i}>" for i in range(model_vocab_size - len(vocabulary))]
    metadata: dict[str, Any] = {
        "package_version": package_version,
        "argos_version": "1.11",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "links": list(links),
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    archive = out_dir / f"{top}.argosmodel"
    with tempfile.TemporaryDirectory(prefix="argos-model-") as scratch:
        model_dir = build_transformer(
            Path(scratch) / "model",
            vocabulary,
            layers=layers,
            width=width,
            heads=heads,
            ffn=ffn,
            quantization=quantization,
            seed=seed,
            eos_bias=eos_bias,
            end_near_source_length=end_near_source_length,
            length_gain=length_gain,
            boost_pieces=boost_pieces,
        )
        entries: dict[str, bytes] = {
            "metadata.json": json.dumps(metadata, indent=2).encode(),
            tokenizer_file: tokenizer_model,
            "README.md": b"Test package built by termwise's test suite: random weights.\n",
        }
        for path in sorted(model_dir.rglob("*")):
            if path.is_file():
                entries[f"model/{path.relative_to(model_dir).as_posix()}"] = path.read_bytes()
        entries.update(extra_files or {})
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{top}/", b"")
            for name, data in entries.items():
                zf.writestr(f"{top}/{name}", data)
    return archive


def package_metadata(archive: Path) -> dict[str, Any]:
    """The ``metadata.json`` of a built package, e.g. to write an index entry for it."""
    with zipfile.ZipFile(archive) as zf:
        name = next(n for n in zf.namelist() if n.endswith("/metadata.json"))
        data: dict[str, Any] = json.loads(zf.read(name))
        return data
