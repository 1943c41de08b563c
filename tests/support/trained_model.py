"""A tiny Argos package that has learned something: trained here, on a synthetic language pair.

Random weights (``argos_packages.py``) cannot show that a placeholder is copied, that
attention points at the source word a target word came from, or that a term's official
rendering is among the model's n-best. This module trains a small Transformer (2 + 2 layers,
width 64) with PyTorch on a synthetic English → Spanish-like pair, converts its weights with
CTranslate2's spec API and packages it, with a SentencePiece model, as a real ``.argosmodel``.

The pair is word-for-word, except that adjectives follow their noun in the target (so the
alignment is not the identity), and numbers are copied, as every real corpus teaches. Three
multiword concepts each have two target renderings in the corpus: the majority one
(``DEPRECATED``, which the model prefers) and a minority one (``OFFICIAL``, the glossary's
preferred term), so an unconstrained translation gets the term wrong the way real MT does.

Training is deterministic (seeded data and weights, fixed thread count) and takes about a
minute on 2 cores; ``trained_package`` caches the archive under a key that is a hash of this
file, so a second test run reuses it.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

# The glossary of the synthetic pair: concept id, source term, official and deprecated renderings.
TERMS: list[tuple[str, str, str, str]] = [
    (
        "C1",
        "community of shared future",
        "comunidad de futuro compartido",
        "comunidad de destino común",
    ),
    ("C2", "belt and road", "franja y ruta", "cinturón y camino"),
    (
        "C3",
        "global development initiative",
        "iniciativa para el desarrollo global",
        "iniciativa de desarrollo mundial",
    ),
]
OFFICIAL_SHARE = 0.3  # how often the corpus renders a term the official way
# The plurals of the concepts that have one, each rendering's ("the communities of shared
# future"): taught in sentences of their own, so that a plural occurrence is no word the
# model never saw. Left out, what it made of one depended on the machine's arithmetic (a
# CPU with AVX-512 trained a model that dropped the verb before it).
PLURALS: dict[str, tuple[str, str, str]] = {
    "C1": (
        "communities of shared future",
        "comunidades de futuro compartido",
        "comunidades de destino común",
    ),
    "C3": (
        "global development initiatives",
        "iniciativas para el desarrollo global",
        "iniciativas de desarrollo mundial",
    ),
}

SUBJECTS = {
    "scholars": "académicos",
    "leaders": "dirigentes",
    "officials": "funcionarios",
    "critics": "críticos",
    "journalists": "periodistas",
    "students": "estudiantes",
    "diplomats": "diplomáticos",
    "writers": "escritores",
}
VERBS = {
    "support": "apoyan",
    "discuss": "discuten",
    "describe": "describen",
    "reject": "rechazan",
    "praise": "elogian",
    "study": "estudian",
    "explain": "explican",
    "promote": "promueven",
}
NOUNS = {
    "idea": "idea",
    "plan": "plan",
    "policy": "política",
    "concept": "concepto",
    "report": "informe",
    "project": "proyecto",
    "strategy": "estrategia",
    "vision": "visión",
}
ADJECTIVES = {
    "new": "nuevo",
    "old": "viejo",
    "important": "importante",
    "official": "oficial",
    "ambitious": "ambicioso",
    "regional": "regional",
}
PLACES = {
    "meeting": "reunión",
    "summit": "cumbre",
    "city": "ciudad",
    "forum": "foro",
    "conference": "conferencia",
}
PREPOSITIONS = {"in": "en", "with": "con", "for": "para", "during": "durante", "after": "tras"}

TRAIN_PAIRS = 4000
PLURAL_PAIRS = 600
TEST_PAIRS = 60
WIDTH = 64
HEADS = 4
FFN = 256
LAYERS = 2
STEPS = 800
BATCH = 64
MAX_POSITIONS = 256


@dataclass(frozen=True)
class Pair:
    """A synthetic sentence pair and the concepts it mentions (in source order)."""

    source: str
    target: str
    concepts: tuple[str, ...]


def _term_phrase(
    rng: random.Random, official: bool | None, plural: bool = False
) -> tuple[str, str, str]:
    concept, source, good, bad = rng.choice(TERMS)
    use_official = official if official is not None else rng.random() < OFFICIAL_SHARE
    if plural and concept in PLURALS:
        source, good, bad = PLURALS[concept]
        return concept, f"the {source}", f"las {good if use_official else bad}"
    return concept, f"the {source}", f"la {good if use_official else bad}"


def _noun_phrase(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.25:
        # Numbered things ("resolution 2758", "the 1990s"): copied as numbers are.
        number = str(rng.randint(1, 9999))
        return f"the {number}", f"el {number}"
    noun = rng.choice(sorted(NOUNS))
    if rng.random() < 0.6:
        adjective = rng.choice(sorted(ADJECTIVES))
        return f"the {adjective} {noun}", f"el {NOUNS[noun]} {ADJECTIVES[adjective]}"
    return f"the {noun}", f"el {NOUNS[noun]}"


def make_pair(
    rng: random.Random, *, official: bool | None = None, terms: int = -1, plural: bool = False
) -> Pair:
    """One sentence pair; ``official`` forces the term renderings (the test references use
    the official ones); ``terms`` >= 0 asks for exactly that many concept mentions (at most
    2); ``plural`` writes the concepts that have a plural in it."""
    wanted = terms if terms >= 0 else rng.choice([0, 1, 1, 2])
    slots = rng.sample(["subject", "object", "tail"], wanted)
    src: list[str] = []
    tgt: list[str] = []
    concepts: list[str] = []

    def add(slot: str, default: tuple[str, str]) -> None:
        if slot in slots:
            concept, s, t = _term_phrase(rng, official, plural)
            concepts.append(concept)
            default = (s, t)
        src.append(default[0])
        tgt.append(default[1])

    subject = rng.choice(sorted(SUBJECTS))
    add("subject", (f"the {subject}", f"los {SUBJECTS[subject]}"))
    if "subject" not in slots and rng.random() < 0.2:
        src[-1], tgt[-1] = _noun_phrase(rng)
    verb = rng.choice(sorted(VERBS))
    src.append(verb)
    tgt.append(VERBS[verb])
    add("object", _noun_phrase(rng))
    if "tail" in slots or rng.random() < 0.5:
        prep = rng.choice(sorted(PREPOSITIONS))
        src.append(prep)
        tgt.append(PREPOSITIONS[prep])
        place = rng.choice(sorted(PLACES))
        tail = (f"the {place}", f"la {PLACES[place]}")
        add("tail", _noun_phrase(rng) if rng.random() < 0.3 else tail)
    if rng.random() < 0.4:
        number = str(rng.randint(1, 9999))
        src.append(f"in {number}")
        tgt.append(f"en {number}")
    source = " ".join(src)
    target = " ".join(tgt)
    return Pair(
        source[0].upper() + source[1:] + ".", target[0].upper() + target[1:] + ".", tuple(concepts)
    )


def corpus(seed: int = 7) -> list[Pair]:
    rng = random.Random(seed)
    pairs = [make_pair(rng) for _ in range(TRAIN_PAIRS)]
    # Drawn apart, so that the singular pairs (and the held-out ones) stay as they were.
    plurals = random.Random(seed + 1)
    return pairs + [make_pair(plurals, terms=1 + i % 2, plural=True) for i in range(PLURAL_PAIRS)]


def test_pairs(seed: int = 99) -> list[Pair]:
    """Held-out sentences, each with one or two concepts, references in the official terms."""
    rng = random.Random(seed)
    return [make_pair(rng, official=True, terms=1 + i % 2) for i in range(TEST_PAIRS)]


def train_sentencepiece(lines: list[str]) -> bytes:
    import sentencepiece as spm

    writer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=writer,
        # Unigram models of this small corpus split frequent words into letters; BPE keeps
        # them whole, as a real package's 32k vocabulary does.
        vocab_size=500,
        model_type="bpe",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=1,
        input_sentence_size=0,
        shuffle_input_sentence=False,
    )
    return writer.getvalue()


def _sinusoids(length: int, width: int) -> Any:
    position = np.arange(length, dtype=np.float64)[:, None]
    rates = np.exp(-np.log(10000.0) * np.arange(0, width, 2) / width)
    table = np.zeros((length, width))
    table[:, 0::2] = np.sin(position * rates)
    table[:, 1::2] = np.cos(position * rates)
    return table.astype(np.float32)


def _model(vocab_size: int) -> Any:
    """A pre-norm Transformer laid out as CTranslate2's ``TransformerSpec`` computes it."""
    import torch
    from torch import nn

    class Attention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.norm = nn.LayerNorm(WIDTH, eps=1e-6)
            self.q = nn.Linear(WIDTH, WIDTH)
            self.k = nn.Linear(WIDTH, WIDTH)
            self.v = nn.Linear(WIDTH, WIDTH)
            self.out = nn.Linear(WIDTH, WIDTH)

        def forward(self, x: Any, memory: Any, mask: Any) -> Any:
            h = self.norm(x)
            kv = h if memory is None else memory
            b, n, _ = h.shape

            def split(t: Any) -> Any:
                return t.view(b, -1, HEADS, WIDTH // HEADS).transpose(1, 2)

            q, k, v = split(self.q(h)), split(self.k(kv)), split(self.v(kv))
            scores = q @ k.transpose(-1, -2) / (WIDTH // HEADS) ** 0.5
            scores = scores.masked_fill(mask, float("-inf"))
            mixed = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, n, WIDTH)
            return x + self.out(mixed)

    class FeedForward(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.norm = nn.LayerNorm(WIDTH, eps=1e-6)
            self.inner = nn.Linear(WIDTH, FFN)
            self.outer = nn.Linear(FFN, WIDTH)

        def forward(self, x: Any) -> Any:
            return x + self.outer(torch.relu(self.inner(self.norm(x))))

    class Seq2Seq(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embedding = nn.Embedding(vocab_size, WIDTH)
            nn.init.normal_(self.embedding.weight, std=WIDTH**-0.5)
            self.register_buffer("positions", torch.from_numpy(_sinusoids(MAX_POSITIONS, WIDTH)))
            self.enc_self = nn.ModuleList(Attention() for _ in range(LAYERS))
            self.enc_ffn = nn.ModuleList(FeedForward() for _ in range(LAYERS))
            self.enc_norm = nn.LayerNorm(WIDTH, eps=1e-6)
            self.dec_self = nn.ModuleList(Attention() for _ in range(LAYERS))
            self.dec_cross = nn.ModuleList(Attention() for _ in range(LAYERS))
            self.dec_ffn = nn.ModuleList(FeedForward() for _ in range(LAYERS))
            self.dec_norm = nn.LayerNorm(WIDTH, eps=1e-6)
            self.bias = nn.Parameter(torch.zeros(vocab_size))

        def embed(self, ids: Any) -> Any:
            return self.embedding(ids) * WIDTH**0.5 + self.positions[: ids.shape[1]]

        def forward(self, src: Any, src_pad: Any, tgt: Any) -> Any:
            x = self.embed(src)
            pad = src_pad[:, None, None, :]
            for attention, ffn in zip(self.enc_self, self.enc_ffn, strict=True):
                x = ffn(attention(x, None, pad))
            memory = self.enc_norm(x)
            y = self.embed(tgt)
            n = tgt.shape[1]
            causal = torch.triu(torch.ones(n, n, dtype=torch.bool), 1)[None, None]
            for self_att, cross, ffn in zip(
                self.dec_self, self.dec_cross, self.dec_ffn, strict=True
            ):
                y = ffn(cross(self_att(y, None, causal), memory, pad))
            return self.dec_norm(y) @ self.embedding.weight.T + self.bias

    return Seq2Seq()


def train(pairs: list[Pair], vocabulary: list[str], processor: Any) -> Any:
    """Train the model on ``pairs`` (both directions' text is in ``vocabulary``)."""
    import torch

    torch.manual_seed(1234)
    torch.set_num_threads(2)
    model = _model(len(vocabulary))
    bos, eos, pad = vocabulary.index("<s>"), vocabulary.index("</s>"), 0
    sources = [processor.encode(p.source) for p in pairs]
    targets = [processor.encode(p.target) for p in pairs]
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.98))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / 100) * max(0.05, 1 - step / STEPS)
    )
    order = random.Random(5)
    model.train()
    for _ in range(STEPS):
        batch = order.sample(range(len(pairs)), BATCH)
        src_len = max(len(sources[i]) for i in batch)
        tgt_len = max(len(targets[i]) for i in batch) + 1
        src = torch.full((BATCH, src_len), pad)
        src_pad = torch.ones((BATCH, src_len), dtype=torch.bool)
        tgt_in = torch.full((BATCH, tgt_len), pad)
        tgt_out = torch.full((BATCH, tgt_len), -100)
        for row, i in enumerate(batch):
            s, t = sources[i], targets[i]
            src[row, : len(s)] = torch.tensor(s)
            src_pad[row, : len(s)] = False
            tgt_in[row, : len(t) + 1] = torch.tensor([bos, *t])
            tgt_out[row, : len(t) + 1] = torch.tensor([*t, eos])
        logits = model(src, src_pad, tgt_in)
        loss = torch.nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]),
            tgt_out.reshape(-1),
            ignore_index=-100,
            label_smoothing=0.1,
        )
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
    return model


def convert(model: Any, vocabulary: list[str], out_dir: Path) -> None:
    """Write the trained weights as a CTranslate2 model with CTranslate2's spec API."""
    import torch
    from ctranslate2.specs import transformer_spec

    def array(t: Any) -> Any:
        return t.detach().numpy().astype(np.float32).copy()

    def norm(spec: Any, module: Any) -> None:
        spec.gamma = array(module.weight)
        spec.beta = array(module.bias)

    def linear(spec: Any, *modules: Any) -> None:
        spec.weight = array(torch.cat([m.weight for m in modules]))
        spec.bias = array(torch.cat([m.bias for m in modules]))

    # Every head averaged for ``return_attention`` (the default is the first head only).
    spec = transformer_spec.TransformerSpec.from_config(
        LAYERS, HEADS, pre_norm=True, alignment_heads=HEADS
    )
    table = array(model.embedding.weight)
    spec.encoder.embeddings[0].weight = table
    spec.decoder.embeddings.weight = table.copy()
    for side, final in ((spec.encoder, model.enc_norm), (spec.decoder, model.dec_norm)):
        side.position_encodings.encodings = array(model.positions)
        norm(side.layer_norm, final)
    for layer, att, ffn in zip(spec.encoder.layer, model.enc_self, model.enc_ffn, strict=True):
        norm(layer.self_attention.layer_norm, att.norm)
        linear(layer.self_attention.linear[0], att.q, att.k, att.v)
        linear(layer.self_attention.linear[1], att.out)
        norm(layer.ffn.layer_norm, ffn.norm)
        linear(layer.ffn.linear_0, ffn.inner)
        linear(layer.ffn.linear_1, ffn.outer)
    for layer, att, cross, ffn in zip(
        spec.decoder.layer, model.dec_self, model.dec_cross, model.dec_ffn, strict=True
    ):
        norm(layer.self_attention.layer_norm, att.norm)
        linear(layer.self_attention.linear[0], att.q, att.k, att.v)
        linear(layer.self_attention.linear[1], att.out)
        norm(layer.attention.layer_norm, cross.norm)
        linear(layer.attention.linear[0], cross.q)
        linear(layer.attention.linear[1], cross.k, cross.v)
        linear(layer.attention.linear[2], cross.out)
        norm(layer.ffn.layer_norm, ffn.norm)
        linear(layer.ffn.linear_0, ffn.inner)
        linear(layer.ffn.linear_1, ffn.outer)
    spec.decoder.projection.weight = table.copy()
    spec.decoder.projection.bias = array(model.bias)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=None)
    out_dir.mkdir(parents=True)
    spec.save(str(out_dir))


def build_trained_package(out_dir: Path, *, package_version: str = "0.9") -> Path:
    """Train, convert and package: ``<out_dir>/translate-en_es-<version>.argosmodel``."""
    import tempfile

    import sentencepiece as spm

    pairs = corpus()
    lines = [line for p in pairs for line in (p.source, p.target)]
    sp_model = train_sentencepiece(lines)
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    model = train(pairs, vocabulary, processor)
    model.eval()
    version_tag = package_version.replace(".", "_")
    top = f"translate-en_es-{version_tag}"
    metadata = {
        "package_version": package_version,
        "argos_version": "1.11",
        "from_code": "en",
        "from_name": "English",
        "to_code": "es",
        "to_name": "Spanish",
        "type": "translate",
        "links": [],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{top}.argosmodel"
    with tempfile.TemporaryDirectory(prefix="trained-model-") as scratch:
        model_dir = Path(scratch) / "model"
        convert(model, vocabulary, model_dir)
        entries = {
            "metadata.json": json.dumps(metadata, indent=2).encode(),
            "sentencepiece.model": sp_model,
            "README.md": b"Trained by termwise's test suite on a synthetic language pair.\n",
        }
        for path in sorted(model_dir.rglob("*")):
            if path.is_file():
                entries[f"model/{path.relative_to(model_dir).as_posix()}"] = path.read_bytes()
        partial = archive.with_suffix(".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{top}/", b"")
            for name, data in entries.items():
                zf.writestr(f"{top}/{name}", data)
        partial.replace(archive)
    return archive


def cache_key() -> str:
    """Changes whenever this file (the data, the model or its training) changes."""
    import ctranslate2
    import torch

    blob = Path(__file__).read_bytes() + f"{torch.__version__} {ctranslate2.__version__}".encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def trained_package(cache_dir: Path) -> Path:
    """The trained package, built into ``cache_dir/<key>/`` unless it is already there."""
    folder = cache_dir / cache_key()
    archive = folder / "translate-en_es-0_9.argosmodel"
    if not archive.exists():
        build_trained_package(folder)
    return archive


def glossary() -> Any:
    """The synthetic pair's glossary: each concept's official rendering preferred, the
    corpus's majority rendering deprecated."""
    from termwise.glossary.model import Concept, Glossary, Term, TermStatus

    return Glossary(
        concepts=[
            Concept(
                concept_id,
                all_terms=[
                    Term(source, "en"),
                    Term(official, "es"),
                    Term(deprecated, "es", status=TermStatus.DEPRECATED),
                ],
            )
            for concept_id, source, official, deprecated in TERMS
        ]
    )
