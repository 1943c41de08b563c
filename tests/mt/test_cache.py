"""The SQLite translation cache: hits make no model call, keys cover every input, and two
processes can share the file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from termwise.mt.argos import ArgosEngine
from termwise.mt.cache import CachedEngine, TranslationCache, default_cache_path

SENTENCES = [
    "The community of shared future for mankind is a concept.",
    "Scholars debate whether the idea describes a new world order.",
    "",
    "The community of shared future for mankind is a concept.",
]


def test_second_translation_makes_no_model_call(
    installed_argos_package: Path, tmp_path: Path
) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite")
    first = CachedEngine(ArgosEngine(beam_size=2), cache)
    results = first.translate(SENTENCES, "en", "es")
    assert first.model_calls == 1
    assert len(cache) == 3  # duplicates are stored once

    # A new process would see the same: a new engine and a new connection to the file.
    second = CachedEngine(ArgosEngine(beam_size=2), TranslationCache(tmp_path / "cache.sqlite"))
    progress: list[tuple[int, int]] = []
    again = second.translate(SENTENCES, "en", "es", progress=lambda d, t: progress.append((d, t)))
    assert second.model_calls == 0
    assert again == results
    assert progress == [(4, 4)]


def test_options_model_and_text_are_part_of_the_key(
    installed_argos_package: Path, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite"
    CachedEngine(ArgosEngine(beam_size=2), TranslationCache(path)).translate(SENTENCES, "en", "es")
    other_beam = CachedEngine(ArgosEngine(beam_size=1), TranslationCache(path))
    other_beam.translate(SENTENCES, "en", "es")
    assert other_beam.model_calls == 1
    changed_text = CachedEngine(ArgosEngine(beam_size=1), TranslationCache(path))
    changed_text.translate([SENTENCES[0] + " "], "en", "es")
    assert changed_text.model_calls == 1
    # Rebuilding the model (same version string) changes its fingerprint: a miss, not stale.
    model_bin = installed_argos_package / "model" / "model.bin"
    os.utime(model_bin, ns=(1, 1))
    rebuilt = CachedEngine(ArgosEngine(beam_size=1), TranslationCache(path))
    rebuilt.translate(SENTENCES[:1], "en", "es")
    assert rebuilt.model_calls == 1


def test_default_location_follows_xdg_cache_home(argos_env: Path) -> None:
    assert default_cache_path() == argos_env.parent / ".cache" / "termwise" / "mt-cache.sqlite"


WRITER = textwrap.dedent(
    """
    import sys
    from termwise.mt.cache import TranslationCache
    from termwise.mt.engine import MTResult
    cache = TranslationCache(sys.argv[1])
    name = sys.argv[2]
    for i in range(300):
        result = MTResult(f"{name} {i}", f"t {name} {i}", "argos", "m@1")
        key = cache.key("argos", "m@1", "en", "es", {}, result.source)
        cache.put_many([(key, "argos", "m@1", "en", "es", {}, result)])
        got = cache.get_many([key])
        assert got[key][0] == result.target, got
    print("done", name)
    """
)


def test_two_processes_share_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    TranslationCache(path).get_many([])  # create the file first (WAL mode)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    outputs = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outputs
    cache = TranslationCache(path)
    assert len(cache) == 600
    key = cache.key("argos", "m@1", "en", "es", {}, "b 299")
    assert cache.get_many([key])[key][0] == "t b 299"


def test_a_run_stopped_midway_keeps_what_was_translated(
    installed_argos_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl+C in a book's `translate` lost everything: the misses went to the model in one
    # call and were stored after it. Each batch is now stored when it is done.
    import termwise.mt.cache as cache_module

    monkeypatch.setattr(cache_module, "BATCH_CHARS", 60)
    sentences = [f"The community of shared future number {n} is a concept." for n in range(6)]
    cache = TranslationCache(tmp_path / "cache.sqlite")
    seen: list[tuple[int, int]] = []

    def stop_after_two(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        CachedEngine(ArgosEngine(beam_size=1), cache).translate(
            sentences, "en", "es", progress=stop_after_two
        )
    # The batch in flight is lost; those before it are kept.
    assert 1 <= len(cache) < 6
    assert seen[-1] == (2, 6)
    again = CachedEngine(ArgosEngine(beam_size=1), TranslationCache(tmp_path / "cache.sqlite"))
    progress: list[tuple[int, int]] = []
    again.translate(sentences, "en", "es", progress=lambda d, t: progress.append((d, t)))
    assert progress[-1] == (6, 6) and len(cache) == 6
