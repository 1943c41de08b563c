"""Project file speed: save, incremental save after one edit, and load of a large PO file.

Peer: polib (what pofilter-style tools use) parsing and writing the very same file in the
same run. Run: ``.venv/bin/python bench/project_po.py [--quick] [--segments N]``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit


def timed(function: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def build(segments: int) -> TranslationFile:
    tfile = TranslationFile(lang="es", source_lang="en", document_name="book.txt")
    for index in range(segments):
        segment_id = f"{index:012x}"
        source = f"Sentence {index} of the book, with about as many words as a real one has."
        target = f"Frase {index} del libro, con más o menos tantas palabras como una de verdad."
        unit = TranslationUnit(segment_id, source, target, SegmentState.MT, mt=target)
        unit.mt_engine, unit.mt_model = "apertium", "apertium-eng-spa"
        if index % 3 == 0:
            unit.set_translation(target + " (revisada)", reviewed=True)
        tfile.units[segment_id] = unit
    return tfile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5,000 segments, one repeat")
    parser.add_argument("--segments", type=int, default=50_000)
    args = parser.parse_args()
    segments = 5_000 if args.quick else args.segments
    repeat = 1 if args.quick else 3
    with tempfile.TemporaryDirectory() as folder:
        # The parse cache goes to a scratch folder, not the user's cache.
        os.environ["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
        path = Path(folder) / "book.es.po"
        tfile = build(segments)
        first = timed(lambda: tfile.save(path, force=True), 1)
        units = list(tfile.units.values())

        def edit_and_save() -> None:
            units[len(units) // 2].set_translation(f"Editada {time.perf_counter()}")
            tfile.save()

        incremental = timed(edit_and_save, repeat)
        from termwise.project import parse_cache

        def cold_load() -> None:
            parse_cache.cache_path(path).unlink(missing_ok=True)
            TranslationFile.load(path)

        load = timed(cold_load, repeat)
        cache_write = timed(parse_cache.flush, 1)  # what a normal exit adds
        warm_load = timed(lambda: TranslationFile.load(path), repeat)
        loaded = TranslationFile.load(path)
        list(loaded.units.values())[7].set_translation("Editada tras abrir.")
        first_save_after_load = timed(lambda: loaded.save(), 1)
        peer_parse = timed(lambda: polib.pofile(str(path)), repeat)
        peer_entries = polib.pofile(str(path))
        peer_save = timed(lambda: peer_entries.save(str(Path(folder) / "polib.po")), repeat)
        size = path.stat().st_size
    print(f"segments: {segments}, file: {size / 1e6:.1f} MB")
    print(f"termwise full save (Babel):         {first:7.3f} s")
    print(f"termwise save after one edit:       {incremental:7.3f} s")
    print(f"polib save (peer):                  {peer_save:7.3f} s")
    print(f"  ratio save after edit / polib save: {incremental / peer_save:.3f}")
    print(f"  ratio full save / polib save:       {first / peer_save:.3f}")
    print(f"termwise first save after a load:   {first_save_after_load:7.3f} s")
    print(f"termwise load, cold (check+Babel):  {load:7.3f} s")
    print(f"termwise load, parse cache hit:     {warm_load:7.3f} s")
    print(f"parse cache write (at exit):        {cache_write:7.3f} s")
    print(f"polib parse (peer):                 {peer_parse:7.3f} s")
    print(f"  ratio cold load / polib parse:      {load / peer_parse:.3f}")
    print(f"  ratio cached load / polib parse:    {warm_load / peer_parse:.3f}")


if __name__ == "__main__":
    main()
