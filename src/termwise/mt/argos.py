"""The Argos Translate engine, run on whole documents.

Argos's own ``translate()`` splits text into sentences with a neural splitter and sends
CTranslate2 one sentence at a time (its batch size is 32 *tokens*), after importing stanza
and torch. termwise already has sentences, so it runs CTranslate2 directly on the package's
model with the package's own tokenizer: all segments of a document are tokenized, sorted by
length (so batches carry little padding), cut into batches of about ``max_batch_tokens``
tokens and queued to CTranslate2's workers at once. Decoding options are Argos's
(``length_penalty=0.2``, ``replace_unknowns``, beam 4), so one sentence translated alone comes
out as Argos gives it, except that with SentencePiece packages termwise keeps ``_``, which
Argos's SentencePiece decoder turns into a space (its Moses + BPE decoder keeps it too).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termwise import languages
from termwise.errors import TermwiseError
from termwise.mt.engine import MTResult, Progress
from termwise.mt.packages import InstalledPackage, find_route, installed_packages


def default_threads(device: str) -> tuple[int, int]:
    """(inter_threads, intra_threads): on CPUs, parallel batches beat threads inside a batch."""
    if device != "cpu":
        return 1, 0
    cores = os.cpu_count() or 1
    if cores <= 4:
        return cores, 1
    return 4, cores // 4


@dataclass(frozen=True)
class ArgosOptions:
    beam_size: int = 4
    num_hypotheses: int = 1
    device: str = "cpu"
    compute_type: str = "auto"
    inter_threads: int | None = None
    intra_threads: int | None = None
    # Batches end at 32 segments or the token cap, whichever comes first. None picks the cap
    # from the beam: on 2 cores (bench/mt_throughput.py) 2,048 padded source tokens were
    # fastest at beam 1, and 1,024 at beam 4, where each batch keeps four hypotheses per
    # segment in the decoder's cache; the cap also bounds memory for long sentences.
    max_batch_tokens: int | None = None
    max_batch_examples: int = 32
    max_decoding_length: int = 256
    length_penalty: float = 0.2

    @property
    def batch_tokens(self) -> int:
        """The token cap in force: the one given, or the measured best for the beam."""
        if self.max_batch_tokens is not None:
            return self.max_batch_tokens
        return 2048 if max(self.beam_size, self.num_hypotheses) <= 2 else 1024


class _Tokenizer:
    """The package's tokenizer: SentencePiece, or Moses + BPE for ``bpe.model`` packages."""

    def __init__(self, package: InstalledPackage) -> None:
        sp_path = package.path / "sentencepiece.model"
        self._sp: Any = None
        self._bpe: Any = None
        if sp_path.exists():
            import sentencepiece

            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
        else:
            from argostranslate.tokenizer import BPETokenizer

            self._bpe = BPETokenizer(package.path / "bpe.model", package.from_code, package.to_code)

    def encode(self, text: str) -> list[str]:
        if self._sp is not None:
            return list(self._sp.encode(text, out_type=str))
        return list(self._bpe.encode(text))

    def starts_word(self, tokens: list[str]) -> list[bool]:
        """Which output tokens begin a word: SentencePiece marks starts (``▁``), BPE marks
        pieces that go on (``@@``)."""
        if self._sp is not None:
            return [i == 0 or token.startswith("▁") for i, token in enumerate(tokens)]
        return [i == 0 or not tokens[i - 1].endswith("@@") for i in range(len(tokens))]

    def decode(self, tokens: list[str]) -> str:
        if self._sp is not None:
            # As Argos's SentencePieceTokenizer.decode, minus its ``.replace("_", " ")``.
            return str(self._sp.decode_pieces(tokens)).replace("▁", " ")
        return str(self._bpe.decode(tokens))


_TRANSLATORS: dict[tuple[str, str, str, str, int, int], Any] = {}
_TRANSLATORS_LOCK = threading.Lock()


def _translator(path: Path, fingerprint: str, options: ArgosOptions) -> Any:
    """A CTranslate2 translator per model and settings, shared within the process."""
    import ctranslate2

    inter, intra = default_threads(options.device)
    inter = options.inter_threads or inter
    intra = options.intra_threads if options.intra_threads is not None else intra
    # The fingerprint makes a reinstalled package load afresh in a long-running process.
    key = (str(path / "model"), fingerprint, options.device, options.compute_type, inter, intra)
    with _TRANSLATORS_LOCK:
        translator = _TRANSLATORS.get(key)
        if translator is None:
            translator = ctranslate2.Translator(
                key[0],
                device=options.device,
                compute_type=options.compute_type,
                inter_threads=inter,
                intra_threads=intra,
            )
            _TRANSLATORS[key] = translator
        return translator


@dataclass(frozen=True)
class Decoded:
    """One source's hypotheses from ``PackageModel.decode``: output tokens, scores (best
    first) and, when asked for, the best hypothesis's attention (one row of source-token
    weights per output token)."""

    hypotheses: list[list[str]]
    scores: list[float]
    attention: list[list[float]] | None


class PackageModel:
    """One installed package, ready to translate batches of sentences."""

    def __init__(self, package: InstalledPackage, options: ArgosOptions) -> None:
        self.package = package
        self.options = options
        self._tokenizer: _Tokenizer | None = None
        self._vocabulary: frozenset[str] | None = None

    @property
    def tokenizer(self) -> _Tokenizer:
        if self._tokenizer is None:
            self._tokenizer = _Tokenizer(self.package)
        return self._tokenizer

    def translate(
        self, texts: Sequence[str], progress: Progress | None = None
    ) -> list[list[tuple[str, float]]]:
        """Hypotheses (text, score), best first, for each text; empty texts cost nothing."""
        options = self.options
        tokenized = [self.tokenizer.encode(text) if text.strip() else [] for text in texts]
        order = sorted(
            (i for i, toks in enumerate(tokenized) if toks), key=lambda i: len(tokenized[i])
        )
        batches = _token_batches(order, tokenized, options.batch_tokens, options.max_batch_examples)
        results: list[list[tuple[str, float]]] = [[("", 0.0)] for _ in texts]
        if not batches:
            return results
        translator = _translator(self.package.path, self.package.fingerprint(), options)
        prefix = self.package.target_prefix
        pending = []
        for batch in batches:
            # Queue every batch at once: CTranslate2's workers then run them in parallel.
            pending.append(
                (
                    batch,
                    translator.translate_batch(
                        [tokenized[i] for i in batch],
                        target_prefix=[[prefix] for _ in batch] if prefix else None,
                        beam_size=max(options.beam_size, options.num_hypotheses),
                        num_hypotheses=options.num_hypotheses,
                        length_penalty=options.length_penalty,
                        max_decoding_length=options.max_decoding_length,
                        replace_unknowns=True,
                        return_scores=True,
                        asynchronous=True,
                    ),
                )
            )
        done = 0
        total = len(order)
        for batch, async_results in pending:
            for index, async_result in zip(batch, async_results, strict=True):
                result = async_result.result()
                results[index] = [
                    (self._detokenize(tokens, prefix), float(score))
                    for tokens, score in zip(result.hypotheses, result.scores, strict=True)
                ]
            done += len(batch)
            if progress is not None:
                progress(done, total)
        return results

    def decode(
        self,
        sources: Sequence[list[str]],
        *,
        prefixes: Sequence[list[str] | None] | None = None,
        num_hypotheses: int = 1,
        suppress_sequences: Sequence[list[str]] | None = None,
        return_attention: bool = False,
        return_alternatives: bool = False,
    ) -> list[Decoded]:
        """Decode tokenized sources with options ``translate`` never uses, batched as it
        batches (length-sorted, token-capped, all batches queued at once).

        ``prefixes`` forces each output's first tokens (after the package's own target
        prefix, which is stripped from what comes back, as are its attention rows).
        ``suppress_sequences`` holds for the whole call: CTranslate2 takes it per batch.
        """
        options = self.options
        order = sorted((i for i, toks in enumerate(sources) if toks), key=lambda i: len(sources[i]))
        results = [Decoded([[]], [0.0], None) for _ in sources]
        batches = _token_batches(
            order, list(sources), options.batch_tokens, options.max_batch_examples
        )
        if not batches:
            return results
        translator = _translator(self.package.path, self.package.fingerprint(), options)
        package_prefix = [self.package.target_prefix] if self.package.target_prefix else []
        pending = []
        for batch in batches:
            wanted = [
                package_prefix + list((prefixes[i] if prefixes is not None else None) or [])
                for i in batch
            ]
            pending.append(
                (
                    batch,
                    translator.translate_batch(
                        [sources[i] for i in batch],
                        target_prefix=wanted if any(wanted) else None,
                        beam_size=max(options.beam_size, num_hypotheses),
                        num_hypotheses=num_hypotheses,
                        length_penalty=options.length_penalty,
                        max_decoding_length=options.max_decoding_length,
                        replace_unknowns=True,
                        return_scores=True,
                        return_attention=return_attention,
                        return_alternatives=return_alternatives,
                        suppress_sequences=[list(s) for s in suppress_sequences]
                        if suppress_sequences
                        else None,
                        asynchronous=True,
                    ),
                )
            )
        skip = len(package_prefix)
        for batch, async_results in pending:
            for index, async_result in zip(batch, async_results, strict=True):
                result = async_result.result()
                attention = None
                if return_attention:
                    # The best hypothesis's only: converting every hypothesis's rows to
                    # Python lists costs more than decoding them did.
                    attention = [list(row) for row in result.attention[0][skip:]]
                results[index] = Decoded(
                    [list(tokens[skip:]) for tokens in result.hypotheses],
                    [float(score) for score in result.scores],
                    attention,
                )
        return results

    def detokenize(self, tokens: list[str]) -> str:
        """Output tokens (without the package's target prefix) as ``translate`` shows them."""
        return self._detokenize(tokens, "")

    def vocabulary(self) -> frozenset[str]:
        """The model's target vocabulary: a piece outside it can never be produced."""
        if self._vocabulary is None:
            model = self.package.path / "model"
            for name in ("shared_vocabulary", "target_vocabulary"):
                as_json = model / f"{name}.json"
                as_text = model / f"{name}.txt"
                if as_json.exists():
                    self._vocabulary = frozenset(json.loads(as_json.read_text("utf-8")))
                    break
                if as_text.exists():
                    self._vocabulary = frozenset(as_text.read_text("utf-8").splitlines())
                    break
            else:
                self._vocabulary = frozenset()
        return self._vocabulary

    def _detokenize(self, tokens: list[str], prefix: str) -> str:
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        value = self.tokenizer.decode(tokens)
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        # Argos strips the one space the tokenizer puts before the first word.
        return value[1:] if value.startswith(" ") else value


def _token_batches(
    order: list[int], tokenized: list[list[str]], max_tokens: int, max_examples: int = 0
) -> list[list[int]]:
    """Cut length-sorted segments into batches of at most ``max_tokens`` padded tokens and
    (when not 0) ``max_examples`` segments."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        length = len(tokenized[index])
        # Sorted ascending, so the padded batch size is (count + 1) * this length.
        full = bool(max_examples) and len(current) >= max_examples
        if current and (full or (len(current) + 1) * length > max_tokens):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


class ArgosEngine:
    """Argos Translate packages, through CTranslate2 directly."""

    name = "argos"

    def __init__(self, **options: Any) -> None:
        self.settings = ArgosOptions(**options)
        self._routes: dict[tuple[str, str], list[PackageModel]] = {}

    def options(self) -> Mapping[str, object]:
        s = self.settings
        return {
            "beam_size": s.beam_size,
            "num_hypotheses": s.num_hypotheses,
            "max_decoding_length": s.max_decoding_length,
            "length_penalty": s.length_penalty,
            "device": s.device,
            "compute_type": s.compute_type,
        }

    def route(self, src: str, tgt: str) -> list[PackageModel]:
        key = (languages.normalize(src), languages.normalize(tgt))
        if key not in self._routes:
            packages = find_route(*key)
            if packages is None:
                raise TermwiseError(no_model_message(*key))
            self._routes[key] = [PackageModel(pkg, self.settings) for pkg in packages]
        return self._routes[key]

    def model_id(self, src: str, tgt: str) -> str:
        return "+".join(model.package.model_id for model in self.route(src, tgt))

    def fingerprint(self, src: str, tgt: str) -> str:
        return "+".join(model.package.fingerprint() for model in self.route(src, tgt))

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Progress | None = None,
        kinds: Sequence[str] | None = None,  # the model reads a heading from its words alone
    ) -> list[MTResult]:
        route = self.route(src, tgt)
        model_id = self.model_id(src, tgt)
        current = list(texts)
        hypotheses: list[list[tuple[str, float]]] = []
        carried = [0.0] * len(current)
        for step, model in enumerate(route):
            step_progress = _scaled(progress, step, len(route), len(current))
            hypotheses = model.translate(current, step_progress)
            if step + 1 < len(route):
                # Pivoting feeds the best hypothesis on, as Argos's CompositeTranslation does.
                carried = [c + hyps[0][1] for c, hyps in zip(carried, hypotheses, strict=True)]
                current = [hyps[0][0] for hyps in hypotheses]
        return [
            MTResult(
                source=text,
                target=hyps[0][0],
                engine=self.name,
                model=model_id,
                nbest=[(value, score + extra) for value, score in hyps],
            )
            for text, hyps, extra in zip(texts, hypotheses, carried, strict=True)
        ]


def _scaled(progress: Progress | None, step: int, steps: int, total: int) -> Progress | None:
    if progress is None:
        return None

    def report(done: int, count: int) -> None:
        # Pivot translation is two passes: show one bar over both.
        fraction = (step + (done / count if count else 1.0)) / steps
        progress(round(fraction * total), total)

    return report


def no_model_message(src: str, tgt: str) -> str:
    return (
        f"no Argos Translate model for {src} → {tgt} is installed (nor a pivot through "
        f"English); install one with `termwise models install {src} {tgt}` or "
        "`termwise models install --file PACKAGE.argosmodel`"
    )


def has_route(src: str, tgt: str) -> bool:
    return find_route(src, tgt, installed_packages()) is not None
