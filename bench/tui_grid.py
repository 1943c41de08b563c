"""Benchmark: termwise's segment grid against Textual's DataTable on a 50,000-segment document.

Each peer runs in its own process (so peak memory is its own) as a headless Textual app of
160x50 cells with the same rows: source, machine translation and saved translation, wrapped
in three columns. Measured per peer:

* first paint: from creating the app to the first frame whose terminal output shows the
  first row's saved translation;
* key-to-screen latency: from sending a key (cursor down, or an edit that rewrites the start
  of the current row's translation) to the first frame that shows its effect, terminal
  bytes included (the headless driver discards them, the bench renders them);
* peak memory (max RSS of the process, rows included).

    .venv/bin/python bench/tui_grid.py            # 50,000 segments, 200 moves, 200 edits
    .venv/bin/python bench/tui_grid.py --quick    # 5,000 segments, 40 and 40
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

WORDS = [
    "community",
    "human",
    "destiny",
    "shared",
    "future",
    "mankind",
    "global",
    "governance",
    "peaceful",
    "development",
    "cooperation",
    "win-win",
    "diplomacy",
    "international",
    "order",
    "China",
    "world",
    "relations",
    "economic",
    "globalization",
    "common",
    "prosperity",
    "initiative",
    "belt",
    "road",
    "connectivity",
    "exchanges",
    "public",
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "for",
    "with",
    "on",
    "that",
    "by",
    "as",
]
ZH = "人类命运共同体构建中国外交和平发展合作共赢全球治理经济全球化共同繁荣新时代国际关系"


def generate_rows(count: int, seed: int = 1) -> list[dict[str, Any]]:
    """Rows of a generated document: a heading every 40 segments, sentences of 10-40 words."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        heading = number % 40 == 0
        words = rng.randint(2, 6) if heading else rng.randint(10, 40)
        source = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."
        mt = "".join(rng.choice(ZH) for _ in range(words * 2)) + "。"
        target = f"T{number:06d}" + "".join(rng.choice(ZH) for _ in range(words * 2)) + "。"
        rows.append(
            {
                "id": f"s{number:06d}",
                "source": source,
                "mt": mt,
                "target": target,
                "heading": heading,
                "state": "edited" if number % 3 else "mt",
            }
        )
    return rows


def make_book(folder: Path, rows: list[dict[str, Any]]) -> tuple[Any, Path]:
    """A Markdown book of these rows and its project file with every translation saved."""
    from termwise.document.reading import load_document
    from termwise.project.layout import ProjectLayout
    from termwise.project.translations import open_translation
    from termwise.project.units import SegmentState

    layout = ProjectLayout.at(folder)
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    lines = []
    for row in rows:
        lines.append(f"\n# {row['source'].rstrip('.')}\n" if row["heading"] else row["source"])
    path = folder / "seeds" / "book.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = load_document(path, lang="en")
    tfile = open_translation(layout, document, "zh")
    for number, unit in enumerate(tfile.units.values()):
        unit.mt = rows[number % len(rows)]["mt"]
        unit.target = rows[number % len(rows)]["target"]
        unit.state = SegmentState.EDITED
    tfile.save()
    return layout, path


def write_book_preview(book_dir: Path) -> None:
    """What the last session on the book leaves at its end (see termwise.tui.opening)."""
    from termwise.project.layout import ProjectLayout
    from termwise.review.session import ReviewSession
    from termwise.tui.opening import write_preview

    layout = ProjectLayout.at(book_dir)
    book = book_dir / "seeds" / "book.md"
    write_preview(ReviewSession(layout, book, "zh"))


def run_peer(
    peer: str, count: int, moves: int, edits: int, book_dir: Path | None = None
) -> dict[str, Any]:
    from textual import events
    from textual.app import App, ComposeResult
    from textual.screen import Screen

    # The workbench peers read the book from disk, as a translator's workbench does: rows
    # generated here too would add the harness's own 46 MB to their peak memory.
    rows = generate_rows(count) if peer in ("termwise", "datatable") else []
    console_holder: list[Any] = []
    frames: list[tuple[float, str]] = []

    class Timed(App[None]):
        """Records when each frame is produced, with the terminal text it would write."""

        def _display(self, screen: Screen[Any], renderable: Any) -> None:
            if renderable is not None and hasattr(renderable, "render_segments"):
                if not console_holder:
                    console_holder.append(self.console)
                output = renderable.render_segments(console_holder[0])
                frames.append((time.perf_counter(), output))
            super()._display(screen, renderable)

    if peer == "termwise":
        from termwise.review.rows import Row
        from termwise.tui.grid import SegmentGrid

        class GridApp(Timed):
            def compose(self) -> ComposeResult:
                grid_rows = [
                    Row(r["id"], r["source"], r["mt"], r["target"], r["state"], r["heading"])
                    for r in rows
                ]
                yield SegmentGrid(grid_rows, titles=("English", "MT", "Chinese"))

            def edit(self, marker: str) -> None:
                grid = self.query_one(SegmentGrid)
                row = grid.rows[grid.cursor]
                row.target = marker + row.target[len(marker) :]
                row.state = "edited"
                grid.row_changed(grid.cursor)

            def on_key(self, event: events.Key) -> None:
                if event.character == "x":
                    self.edit(f"Ω{self.edit_number:03d}Ω")

        app: Any = GridApp()
    elif peer in ("workbench", "launch"):
        from termwise.project.layout import ProjectLayout
        from termwise.review.session import ReviewSession
        from termwise.tui.app import ReviewApp
        from termwise.tui.opening import read_preview

        layout = ProjectLayout.at(book_dir)
        book = book_dir / "seeds" / "book.md"

        class Workbench(ReviewApp, Timed):
            def on_key(self, event: events.Key) -> None:
                pass

        if peer == "launch":
            # What ``termwise review`` does on a book the last session left a preview of:
            # show it, open the session behind it. The preview is written first, untimed,
            # as the last session would have at its end.
            if read_preview(layout, book, "zh", None) is None:
                # In another process, so that this one's memory is the launch's alone.
                subprocess.run(
                    [sys.executable, __file__, "--write-preview", str(book_dir)], check=True
                )
            from termwise.review.memory import tune_memory_for_a_long_session

            setup_start = time.perf_counter()
            tune_memory_for_a_long_session()  # as run_review does before reading anything
            preview = read_preview(layout, book, "zh", None)
            assert preview is not None
            result_session_s = time.perf_counter() - setup_start
            first_marker = preview.rows[0].target[:7]
            app = Workbench(
                None,
                preview=preview,
                opener=lambda: ReviewSession(layout, book, "zh"),
                auto_mt=False,
                autosave_delay=600,
            )
        else:
            from termwise.review.memory import tune_memory_for_a_long_session

            setup_start = time.perf_counter()
            tune_memory_for_a_long_session()  # as run_review does before reading anything
            session = ReviewSession(layout, book, "zh")
            result_session_s = time.perf_counter() - setup_start
            first_marker = session.rows[0].target[:7]
            app = Workbench(session, auto_mt=False, autosave_delay=600)
        app.session_load_s = result_session_s
    else:
        from rich.text import Text
        from textual.widgets import DataTable

        class TableApp(Timed):
            def compose(self) -> ComposeResult:
                yield DataTable(cursor_type="row")

            def on_mount(self) -> None:
                table = self.query_one(DataTable)
                width = (160 - 12) // 3
                self.columns = [
                    table.add_column("English", width=width),
                    table.add_column("MT", width=width),
                    table.add_column("Chinese", width=width),
                ]
                self.keys = []
                for r in rows:
                    style = "bold" if r["heading"] else ""
                    self.keys.append(
                        table.add_row(
                            Text(r["source"], style=style),
                            Text(r["mt"], style="dim"),
                            Text(r["target"], style=style),
                            height=None,
                        )
                    )
                table.focus()

            def edit(self, marker: str) -> None:
                table = self.query_one(DataTable)
                key = self.keys[table.cursor_row]
                row = rows[table.cursor_row]
                row["target"] = marker + row["target"][len(marker) :]
                table.update_cell(key, self.columns[2], Text(row["target"]), update_width=False)

            def on_key(self, event: events.Key) -> None:
                if event.character == "x":
                    self.edit(f"Ω{self.edit_number:03d}Ω")

        app = TableApp()

    app.edit_number = 0
    if peer not in ("workbench", "launch"):
        first_marker = rows[0]["target"][:7]
    result: dict[str, Any] = {"peer": peer, "segments": count}
    if peer in ("workbench", "launch"):
        # For "launch", the time to read and check the preview.
        result["session_load_s"] = app.session_load_s

    async def first_frame_with(marker: str, since: float, pilot: Any) -> float:
        for _ in range(2000):
            for stamp, output in frames:
                if stamp >= since and marker in output:
                    return stamp - since
            await pilot.pause(0.001)
        raise RuntimeError(f"{peer}: never showed {marker!r}")

    async def first_frame_after(since: float, check: Any, pilot: Any) -> float:
        for _ in range(2000):
            if check():
                for stamp, _output in frames:
                    if stamp >= since:
                        return stamp - since
            await pilot.pause(0.001)
        raise RuntimeError(f"{peer}: no frame after key")

    async def drive() -> None:
        start = time.perf_counter()
        async with app.run_test(size=(160, 50)) as pilot:
            result["first_paint_s"] = await first_frame_with(first_marker, start, pilot)
            if peer == "launch":
                while not app.opened:
                    await pilot.pause(0.01)
                await pilot.pause()
                result["session_ready_s"] = time.perf_counter() - start
            frames.clear()  # the frames of the first paint (and opening) are measured
            move_latencies = []
            for _ in range(moves):
                before = _cursor(app)
                frames.clear()
                since = time.perf_counter()
                await pilot.press("down")
                move_latencies.append(
                    await first_frame_after(since, lambda b=before: _cursor(app) == b + 1, pilot)
                )
            edit_latencies = []
            if peer in ("workbench", "launch"):
                # Typing into the docked editor: the grid row and the editor must show it.
                await pilot.press("enter")
            for number in range(edits):
                app.edit_number = number
                frames.clear()
                since = time.perf_counter()
                if peer in ("workbench", "launch"):
                    await pilot.press("Ω")
                    edit_latencies.append(
                        await first_frame_after(
                            since,
                            lambda n=number: app.grid.current.target.startswith("Ω" * (n + 1)),
                            pilot,
                        )
                    )
                    continue
                await pilot.press("x")
                edit_latencies.append(await first_frame_with(f"Ω{number:03d}Ω", since, pilot))
                if number % 4 == 3:
                    await pilot.press("down")
            result["move_ms"] = _summary(move_latencies)
            result["edit_ms"] = _summary(edit_latencies)
            if peer in ("workbench", "launch"):
                # Peak memory of opening, moving and typing, before the save adds its own.
                result["peak_rss_before_save_mb"] = (
                    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                )
                await measure_save(pilot, edits)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    async def measure_save(pilot: Any, typed: int) -> None:
        # What a save costs the UI thread: before, the whole save ran there (timed here
        # by calling it directly); now ``action_save`` hands it to a worker, and keys typed
        # meanwhile must still show at once.
        since = time.perf_counter()
        app.session.save()
        result["save_on_ui_thread_s"] = time.perf_counter() - since
        app.session.dirty = True
        since = time.perf_counter()
        app.action_save()
        result["save_blocks_ui_ms"] = (time.perf_counter() - since) * 1000
        during = []
        for number in range(typed, typed + 5):
            frames.clear()
            pressed = time.perf_counter()
            await pilot.press("Ω")
            during.append(
                await first_frame_after(
                    pressed,
                    lambda n=number: app.grid.current.target.startswith("Ω" * (n + 1)),
                    pilot,
                )
            )
        worker = getattr(app, "_save_worker", None)
        if worker is not None:
            await worker.wait()
        result["save_in_worker_s"] = time.perf_counter() - since
        result["edit_during_save_ms"] = _summary(during)

    def _cursor(app: Any) -> int:
        if peer in ("termwise", "workbench", "launch"):
            from termwise.tui.grid import SegmentGrid

            return int(app.query_one(SegmentGrid).cursor)
        from textual.widgets import DataTable

        return int(app.query_one(DataTable).cursor_row)

    asyncio.run(drive())
    return result


def _summary(latencies: list[float]) -> dict[str, float]:
    ms = sorted(value * 1000 for value in latencies)
    return {
        "median": round(statistics.median(ms), 2),
        "p95": round(ms[min(len(ms) - 1, int(len(ms) * 0.95))], 2),
        "max": round(ms[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 segments, fewer keys")
    parser.add_argument("--segments", type=int, default=None)
    parser.add_argument(
        "--peer", choices=["termwise", "datatable", "workbench", "launch"], help=argparse.SUPPRESS
    )
    parser.add_argument("--book", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--make-book", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--workbench",
        action="store_true",
        help="also measure the whole review workbench (project file, glossary, "
        "checks) on the same book",
    )
    parser.add_argument("--write-preview", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_preview:
        write_book_preview(args.write_preview)
        return
    count = args.segments or (5_000 if args.quick else 50_000)
    moves, edits = (40, 40) if args.quick else (200, 200)
    if args.make_book:
        make_book(args.make_book, generate_rows(count))
        return
    if args.peer:
        print(json.dumps(run_peer(args.peer, count, moves, edits, args.book)))
        return
    results = {}
    peers = ("termwise", "datatable", "workbench") if args.workbench else ("termwise", "datatable")
    book_args: list[str] = []
    if args.workbench:
        # The book and its project file are written by another process, so that writing
        # them counts neither in the workbench's time nor in its peak memory.
        import tempfile

        book_dir = Path(tempfile.mkdtemp(prefix="tui-bench-"))
        # A cache folder of its own: the first open finds only the project file's parse
        # cache (written when the PO file was saved, as for a translator), not the book's.
        os.environ["XDG_CACHE_HOME"] = str(book_dir / "cache")
        subprocess.run(
            [sys.executable, __file__, "--make-book", str(book_dir), "--segments", str(count)],
            check=True,
        )
        book_args = ["--book", str(book_dir)]
        # Opened twice: the second open finds the book's segmentation cache. Then as
        # ``termwise review`` starts on a book the last session left a preview of.
        peers = (*peers, "workbench", "launch")
    for peer in peers:
        completed = subprocess.run(
            [sys.executable, __file__, "--peer", peer, "--segments", str(count)]
            + (["--quick"] if args.quick else [])
            + (book_args if peer in ("workbench", "launch") else []),
            capture_output=True,
            text=True,
            check=True,
        )
        label = peer
        if peer == "workbench" and "workbench_first" not in results:
            label = "workbench_first"
        results[label] = json.loads(completed.stdout.strip().splitlines()[-1])
    ours, peer = results["termwise"], results["datatable"]
    print(f"segments: {count}, terminal 160x50, headless, moves {moves}, edits {edits}")
    print(f"{'':24}{'termwise':>12}{'DataTable':>12}{'ratio':>10}")

    def line(label: str, a: float, b: float) -> None:
        print(f"{label:24}{a:12.2f}{b:12.2f}{b / a if a else float('inf'):9.1f}x")

    line("first paint (s)", ours["first_paint_s"], peer["first_paint_s"])
    for kind in ("move_ms", "edit_ms"):
        for stat in ("median", "p95", "max"):
            line(f"{kind[:-3]} {stat} (ms)", ours[kind][stat], peer[kind][stat])
    line("peak memory (MB)", ours["peak_rss_mb"], peer["peak_rss_mb"])
    for label, title in (
        ("workbench_first", "first open"),
        ("workbench", "second open"),
        ("launch", "from the last session's preview"),
    ):
        if label not in results:
            continue
        bench = results[label]
        print(f"\nwhole workbench (ReviewApp) on the same book, Markdown + PO file, {title}:")
        if label == "launch":
            paint = bench["session_load_s"] + bench["first_paint_s"]
            print(f"  preview read and checked              {bench['session_load_s']:.2f} s")
            print(f"  first paint from launch               {paint:.2f} s")
            print(f"  session open behind it after          {bench['session_ready_s']:.2f} s")
        else:
            print(f"  session load (document, PO, glossary) {bench['session_load_s']:.2f} s")
            print(f"  first paint after load                {bench['first_paint_s']:.2f} s")
        for kind in ("move_ms", "edit_ms"):
            stats = bench[kind]
            print(
                f"  {kind[:-3]:5} median {stats['median']:.1f} ms, p95 {stats['p95']:.1f} ms, "
                f"max {stats['max']:.1f} ms"
            )
        print(
            f"  peak memory {bench['peak_rss_before_save_mb']:.0f} MB before saving, "
            f"{bench['peak_rss_mb']:.0f} MB after the two saves"
        )
        print(
            f"  save: {bench['save_on_ui_thread_s']:.2f} s when run on the UI thread; "
            f"action_save blocks the UI {bench['save_blocks_ui_ms']:.1f} ms, "
            f"done in the worker after {bench['save_in_worker_s']:.2f} s"
        )
        stats = bench["edit_during_save_ms"]
        print(f"  edit while saving: median {stats['median']:.1f} ms, max {stats['max']:.1f} ms")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
