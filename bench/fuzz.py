"""The long fuzzing campaign: every reader of ``tests/fuzz/targets.py`` on 10,000+ inputs.

The test suite runs the same targets with a CI-sized number of examples; this script runs
as many as asked and, instead of stopping at the first failure, counts every input that
broke the property (another exception than ``InputError``, a hang, a memory blow-up) and
keeps it under ``--crashes`` so it can become a regression example.

    PYTHONPATH=src .venv/bin/python bench/fuzz.py --examples 10000
    PYTHONPATH=src .venv/bin/python bench/fuzz.py --examples 10000 --only tmx,xliff2

Prints one line per reader: examples run, parsed, refused with an ``InputError``, refused
without a position (file only), crashes, seconds, the slowest single example (seconds) and
the process's peak RSS so far (MB).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from fuzz.targets import TARGETS, Target, run_reader  # noqa: E402


def campaign(target: Target, examples: int, crashes_dir: Path) -> dict[str, object]:
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    slowest = [0.0]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(data=target.inputs())
        def run(data: bytes) -> None:
            counts["examples"] += 1
            began = time.perf_counter()
            try:
                outcome = run_reader(target, data, Path(folder))
                slowest[0] = max(slowest[0], time.perf_counter() - began)
            except Exception as error:  # every other exception is a finding
                counts["crashes"] += 1
                kind = f"{type(error).__name__}: {str(error)[:120]}"
                kinds[kind] += 1
                digest = hashlib.sha256(data).hexdigest()[:16]
                out = crashes_dir / target.name
                out.mkdir(parents=True, exist_ok=True)
                (out / f"{digest}{target.suffix}").write_bytes(data)
                (out / f"{digest}.txt").write_text(traceback.format_exc(), encoding="utf-8")
                return
            if outcome.parsed:
                counts["parsed"] += 1
            else:
                counts["refused"] += 1
                error = outcome.error
                if error is not None and error.line is None and error.offset is None:
                    counts["no position"] += 1

        run()
    return {
        "reader": target.name,
        "examples": counts["examples"],
        "parsed": counts["parsed"],
        "refused": counts["refused"],
        "refused without position": counts["no position"],
        "crashes": counts["crashes"],
        "crash kinds": dict(kinds),
        "seconds": round(time.perf_counter() - started, 1),
        "slowest example s": round(slowest[0], 3),
        "peak RSS MB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--only", default="", help="comma-separated readers (default: all)")
    parser.add_argument("--crashes", type=Path, default=Path("/tmp/termwise-fuzz-crashes"))
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    names = [name for name in args.only.split(",") if name] or list(TARGETS)
    results = []
    print(f"{'reader':<18} {'examples':>8} {'parsed':>7} {'refused':>7} {'no pos':>7} "
          f"{'crashes':>7} {'seconds':>8} {'slowest':>8} {'peak MB':>8}", flush=True)  # fmt: skip
    for name in names:
        result = campaign(TARGETS[name], args.examples, args.crashes)
        results.append(result)
        print(
            f"{name:<18} {result['examples']:>8} {result['parsed']:>7} {result['refused']:>7} "
            f"{result['refused without position']:>7} {result['crashes']:>7} "
            f"{result['seconds']:>8} {result['slowest example s']:>8} {result['peak RSS MB']:>8}",
            flush=True,
        )
        for kind, count in dict(result["crash kinds"]).items():  # type: ignore[call-overload]
            print(f"    {count} × {kind}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
