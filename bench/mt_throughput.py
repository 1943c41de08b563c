"""Throughput of termwise's Argos engine against raw CTranslate2 and argostranslate itself.

The model is a random-weight Transformer the size of real Argos models (6+6 layers, width 512,
8 heads, feed-forward 2048, vocabulary 32,000, int8), wired so that outputs end about where
the source ends; every system decodes with the same fixed ``max_decoding_length``. The input
is the seed paper's sentences (termwise's own segmentation) repeated to about 1,000 segments.

In one run, each in its own process (so peak memory is per system):
- raw CTranslate2 with several batch settings (searched on a prefix of the input), the best
  of which is then run on all segments;
- termwise's ``ArgosEngine`` (batch sizes in tokens searched the same way) on all segments;
- argostranslate's own ``translate`` per segment, with its defaults (beam 4, batch 32 tokens,
  inter_threads 1), on the first ``--argos-segments`` segments. Its sentence splitter is
  replaced by "one segment = one sentence", which only spares it work: without network it
  would try to download a splitter model.

Usage: .venv/bin/python bench/mt_throughput.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
LENGTH_PENALTY = 0.2  # Argos's decoding options, used by every system here


def peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def segments(count: int) -> list[str]:
    from termwise.document import load_document

    texts = [s.text for s in load_document(SEED).segments if s.text.strip()]
    repeated = (texts * (count // len(texts) + 1))[:count]
    return repeated


def as_argos_shows_it(text: str) -> str:
    """Argos turns "_" into spaces and then drops one leading space, if any."""
    spaced = text.replace("_", " ")
    return spaced[1:] if text.startswith("_") else spaced


# --- workers (each runs in its own process) ----------------------------------------------


def worker_raw(config: dict[str, Any], texts: list[str], package: Path) -> dict[str, Any]:
    import ctranslate2
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    translator = ctranslate2.Translator(
        str(package / "model"),
        device="cpu",
        inter_threads=config["inter"],
        intra_threads=config["intra"],
    )
    options = {
        "beam_size": config["beam"],
        "length_penalty": LENGTH_PENALTY,
        "max_decoding_length": config["max_len"],
        "replace_unknowns": True,
        "max_batch_size": config["batch"],
        "batch_type": config["batch_type"],
    }
    translator.translate_batch([sp.encode(texts[0], out_type=str)], **options)  # warm-up
    started = time.perf_counter()
    tokens = [sp.encode(text, out_type=str) for text in texts]
    results = translator.translate_batch(tokens, **options)
    outputs = [sp.decode_pieces(r.hypotheses[0]).replace("▁", " ").lstrip(" ") for r in results]
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "outputs": outputs, "peak_rss_mib": peak_rss_mib()}


def worker_termwise(config: dict[str, Any], texts: list[str], package: Path) -> dict[str, Any]:
    from termwise.mt.argos import ArgosEngine

    engine = ArgosEngine(
        beam_size=config["beam"],
        max_decoding_length=config["max_len"],
        **({"max_batch_tokens": config["batch"]} if config.get("batch") else {}),
        **({"inter_threads": config["inter"]} if config.get("inter") else {}),
        **({"intra_threads": config["intra"]} if config.get("intra") is not None else {}),
    )
    engine.translate(texts[:1], "en", "es")  # warm-up: loads the model
    started = time.perf_counter()
    if config.get("single"):
        # One segment per call: what argostranslate's output is compared with.
        results = [engine.translate([text], "en", "es")[0] for text in texts]
    else:
        results = engine.translate(texts, "en", "es")
    seconds = time.perf_counter() - started
    modules = sorted({m.split(".")[0] for m in sys.modules} & {"torch", "stanza", "spacy"})
    return {
        "seconds": seconds,
        "outputs": [r.target for r in results],
        "peak_rss_mib": peak_rss_mib(),
        "heavy_modules": modules,
    }


def worker_argos(config: dict[str, Any], texts: list[str], package: Path) -> dict[str, Any]:
    import ctranslate2
    from argostranslate import translate as argos_translate

    class CappedTranslator(ctranslate2.Translator):  # type: ignore[misc]
        # The same fixed maximum decoding length as the other systems.
        def translate_batch(self, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("max_decoding_length", config["max_len"])
            return super().translate_batch(*args, **kwargs)

    class OneSentence:
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    argos_translate.ctranslate2.Translator = CappedTranslator
    translation = argos_translate.get_translation_from_codes("en", "es")
    translation.underlying.sentencizer = OneSentence()
    translation.translate("Warm-up.")
    started = time.perf_counter()
    outputs = [translation.translate(text) for text in texts]
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "outputs": outputs, "peak_rss_mib": peak_rss_mib()}


WORKERS = {"raw": worker_raw, "termwise": worker_termwise, "argos": worker_argos}


# --- driver -------------------------------------------------------------------------------


def build_model(work: Path) -> Path:
    """Build (once) and install the base-size package into ``work``; return its folder."""
    sys.path.insert(0, str(ROOT / "tests"))
    from support.argos_packages import TRAINING_TEXT, build_argos_package  # type: ignore[import-not-found]
    from termwise.mt.packages import install_archive, installed_packages

    installed = installed_packages()
    if installed:
        return installed[0].path
    archive = build_argos_package(
        work / "build",
        "en",
        "es",
        training_text=TRAINING_TEXT + SEED.read_text(encoding="utf-8"),
        vocab_size=8000,
        model_vocab_size=32000,
        layers=6,
        width=512,
        heads=8,
        ffn=2048,
        quantization="int8",
    )
    return install_archive(archive).path


def run_worker(
    kind: str, config: dict[str, Any], count: int, env: dict[str, str], *, offset: int = 0
) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", kind, "--config", json.dumps(config)]
    command += ["--segments", str(count), "--offset", str(offset)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{result.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    data["rate"] = count / data["seconds"]
    return data


def describe(kind: str, config: dict[str, Any]) -> str:
    if kind == "raw":
        return (
            f"raw CT2 inter={config['inter']} intra={config['intra']} "
            f"batch={config['batch']} {config['batch_type']}"
        )
    if kind == "termwise":
        if config.get("batch"):
            return f"termwise max_batch_tokens={config['batch']}"
        return "termwise defaults (32 segments or 2,048/1,024 tokens at beam 1/4)"
    return "argostranslate per segment (defaults)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small run: a smoke test")
    parser.add_argument("--segments", type=int, default=None)
    parser.add_argument("--search-segments", type=int, default=None)
    parser.add_argument("--argos-segments", type=int, default=None)
    parser.add_argument("--max-decoding-length", type=int, default=256)
    parser.add_argument("--beams", default="1,4")
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/termwise-bench-mt"))
    parser.add_argument(
        "--no-search",
        action="store_true",
        help="skip the search: raw 32 examples, termwise default",
    )
    parser.add_argument("--chunk", type=int, default=250, help="segments per alternation")
    parser.add_argument("--offset", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        from termwise.mt.packages import installed_packages

        package = installed_packages()[0].path
        texts = segments(args.offset + args.segments)[args.offset :]
        data = WORKERS[args.worker](json.loads(args.config), texts, package)
        print(json.dumps(data, ensure_ascii=False))
        return

    count = args.segments or (80 if args.quick else 1000)
    search = args.search_segments or (40 if args.quick else 100)
    argos_count = args.argos_segments or (20 if args.quick else 200)
    work = args.work_dir
    home = work / "home"
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        ARGOS_PACKAGES_DIR=str(work / "packages"),
        ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/",
    )
    os.environ.update(env)
    package = build_model(work)
    print(f"model: {package} ({sum(f.stat().st_size for f in package.rglob('*')) / 1e6:.0f} MB)")
    print(
        f"segments: {count} (search on {search}); argostranslate on {argos_count}; "
        f"max_decoding_length {args.max_decoding_length}; cores: {os.cpu_count()}"
    )

    raw_grid = [
        {"inter": 2, "intra": 1, "batch": 16, "batch_type": "examples"},
        {"inter": 2, "intra": 1, "batch": 32, "batch_type": "examples"},
        {"inter": 2, "intra": 1, "batch": 1024, "batch_type": "tokens"},
        {"inter": 2, "intra": 1, "batch": 2048, "batch_type": "tokens"},
        {"inter": 1, "intra": 2, "batch": 2048, "batch_type": "tokens"},
    ]
    termwise_grid: list[dict[str, Any]] = [{}, {"batch": 512}, {"batch": 2048}]
    if args.quick:
        raw_grid = [raw_grid[0], raw_grid[3]]
        termwise_grid = [{}]
    if args.no_search:
        # The raw setting that won the search in the last full run (docs/benchmarks/mt.md).
        raw_grid = [raw_grid[0]]
        termwise_grid = [{}]
    summary: list[str] = []
    for beam in [int(b) for b in args.beams.split(",")]:
        base = {"beam": beam, "max_len": args.max_decoding_length}
        print(f"\n== beam {beam}: searching batch settings on {search} segments")
        best: dict[str, tuple[float, dict[str, Any]]] = {}
        for kind, grid in (("raw", raw_grid), ("termwise", termwise_grid)):
            for setting in grid:
                config = base | setting
                data = run_worker(kind, config, search, env)
                print(f"  {describe(kind, config):<55} {data['rate']:7.1f} seg/s")
                if kind not in best or data["rate"] > best[kind][0]:
                    best[kind] = (data["rate"], config)
        print(f"== beam {beam}: best settings on all {count} segments")
        # Alternate the two systems over chunks so that changes in machine load hit both.
        final: dict[str, dict[str, Any]] = {
            kind: {"seconds": 0.0, "outputs": [], "peak_rss_mib": 0.0} for kind in best
        }
        chunk = max(1, min(count, args.chunk))
        offsets = list(range(0, count, chunk))
        # At beam 4, argostranslate's first segments are spread over the same chunks, each
        # slice followed by termwise on that slice, so that all four share the machine's load.
        with_argos = beam == 4
        argos_step = -(-argos_count // len(offsets))
        argos: dict[str, Any] = {"seconds": 0.0, "outputs": [], "peak_rss_mib": 0.0}
        mine: dict[str, Any] = {"seconds": 0.0, "outputs": []}
        for number, offset in enumerate(offsets):
            size = min(chunk, count - offset)
            for kind in ("raw", "termwise"):
                data = run_worker(kind, best[kind][1], size, env, offset=offset)
                final[kind]["seconds"] += data["seconds"]
                final[kind]["outputs"] += data["outputs"]
                final[kind]["peak_rss_mib"] = max(final[kind]["peak_rss_mib"], data["peak_rss_mib"])
                final[kind]["heavy_modules"] = data.get("heavy_modules")
            argos_offset = number * argos_step
            argos_size = min(argos_step, argos_count - argos_offset)
            if with_argos and argos_size > 0:
                part = run_worker("argos", base, argos_size, env, offset=argos_offset)
                argos["seconds"] += part["seconds"]
                argos["outputs"] += part["outputs"]
                argos["peak_rss_mib"] = max(argos["peak_rss_mib"], part["peak_rss_mib"])
                part = run_worker(
                    "termwise", best["termwise"][1], argos_size, env, offset=argos_offset
                )
                mine["seconds"] += part["seconds"]
                mine["outputs"] += part["outputs"]
        for kind in ("raw", "termwise"):
            data = final[kind]
            data["rate"] = count / data["seconds"]
            print(
                f"  {describe(kind, best[kind][1]):<55} {data['rate']:7.1f} seg/s  "
                f"{data['seconds']:6.1f} s  peak RSS {data['peak_rss_mib']:5.0f} MiB"
            )
        ratio = final["termwise"]["rate"] / final["raw"]["rate"]
        same = sum(
            a == b
            for a, b in zip(final["termwise"]["outputs"], final["raw"]["outputs"], strict=True)
        )
        print(f"  termwise / best raw CT2: {ratio:.2f}x  (identical outputs: {same}/{count})")
        summary.append(
            f"beam {beam}: termwise {final['termwise']['rate']:.1f} seg/s, best raw CT2 "
            f"{final['raw']['rate']:.1f} seg/s ({describe('raw', best['raw'][1])}): {ratio:.2f}x"
        )
        if with_argos:
            argos["rate"] = argos_count / argos["seconds"]
            mine["rate"] = argos_count / mine["seconds"]
            single_count = min(argos_count, 40)
            single = run_worker("termwise", base | {"single": True}, single_count, env)
            alone_differ = sum(
                as_argos_shows_it(a) != b
                for a, b in zip(single["outputs"], argos["outputs"][:single_count], strict=True)
            )
            differ = sum(
                as_argos_shows_it(a) != b
                for a, b in zip(mine["outputs"], argos["outputs"], strict=True)
            )
            document_speedup = final["termwise"]["rate"] / argos["rate"]
            slice_speedup = mine["rate"] / argos["rate"]
            print(
                f"  {describe('argos', base):<55} {argos['rate']:7.2f} seg/s  "
                f"{argos['seconds']:6.1f} s  peak RSS {argos['peak_rss_mib']:5.0f} MiB"
            )
            print(
                f"  termwise on the whole document ({count} segments)            "
                f"{final['termwise']['rate']:7.2f} seg/s: {document_speedup:.1f}x argostranslate"
            )
            print(
                f"  termwise on argostranslate's slices ({argos_step} segments a call) "
                f"{mine['rate']:7.2f} seg/s: {slice_speedup:.1f}x argostranslate"
            )
            print(
                f"  segments that differ from argostranslate's: {differ}/{argos_count} "
                f"batched, {alone_differ}/{single_count} translated alone"
            )
            summary.append(
                f"beam 4: argostranslate per segment {argos['rate']:.2f} seg/s; termwise "
                f"{final['termwise']['rate']:.2f} seg/s on the document: {document_speedup:.1f}x, "
                f"{mine['rate']:.2f} seg/s on the same {argos_count} segments in calls of "
                f"{argos_step}: {slice_speedup:.1f}x; {differ}/{argos_count} outputs differ "
                f"when batched, {alone_differ}/{single_count} when translated alone"
            )
        heavy = final["termwise"].get("heavy_modules")
        if heavy:
            summary.append(f"WARNING: termwise imported {heavy}")
    print("\nSummary:")
    for line in summary:
        print("  " + line)


if __name__ == "__main__":
    main()
