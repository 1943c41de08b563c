"""Edition export speed: the Word edition of a book-sized document beside its HTML edition.

A book of the Bible's English (``/work/shared/align-dev/bible-en-zh/dev.en``, its lines
run together 8 to a paragraph) with a Spanish translation of every segment, half of it reviewed, is exported as a
bilingual Word edition and as a bilingual HTML edition of the same document, in the same
run: the HTML edition, which lays out the same edition in text, is the peer the Word edition
is measured against. Run:
``.venv/bin/python bench/export_editions.py [--quick] [--segments N]``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from termwise.document import load_document
from termwise.export.docx_edition import docx_edition
from termwise.export.edition import build_edition
from termwise.export.html import html_edition
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

BIBLE = Path("/work/shared/align-dev/bible-en-zh/dev.en")
PARAGRAPH_LINES = 8


def book(folder: Path, segments: int) -> Path:
    """A book of the Bible's lines with at least ``segments`` segments, 8 lines a paragraph."""
    lines = BIBLE.read_text(encoding="utf-8").splitlines()
    paragraphs = [
        " ".join(lines[start : start + PARAGRAPH_LINES])
        for start in range(0, len(lines), PARAGRAPH_LINES)
    ]
    path = folder / "book.txt"
    # The file's 10,000 lines make some 8,600 segments: a longer book goes round again.
    wanted = max(1, segments // PARAGRAPH_LINES)
    while True:
        taken = [paragraphs[index % len(paragraphs)] for index in range(wanted)]
        path.write_text("\n\n".join(taken) + "\n", encoding="utf-8")
        found = len(load_document(path, lang="en").segments)
        if found >= segments:
            return path
        wanted += max(1, (segments - found) // PARAGRAPH_LINES)


def translate(root: Path, path: Path) -> None:
    """Every segment "translated" (a Spanish-looking rewrite: the layout's cost does not
    depend on the words), every other one reviewed."""
    document = load_document(path, lang="en")
    tfile = open_translation(ProjectLayout.at(root), document, "es")
    for index, unit in enumerate(tfile.units.values()):
        unit.set_translation("La " + unit.source.lower(), reviewed=index % 2 == 0)
    tfile.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2,000 segments")
    parser.add_argument("--segments", type=int, default=10_000)
    args = parser.parse_args()
    segments = 2_000 if args.quick else args.segments
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")
        path = book(root, segments)
        translate(root, path)
        document = load_document(path, lang="en")
        tfile = open_translation(ProjectLayout.at(root), document, "es")
        edition = build_edition(document, tfile, include_unreviewed=True)
        print(f"{len(document.segments):,} segments, {len(edition.blocks):,} paragraphs")
        # CPU time as well as wall time: on a shared machine the wall time tells the load.
        start, cpu = time.perf_counter(), time.process_time()
        (root / "book.html").write_text(html_edition(edition), encoding="utf-8")
        html_seconds = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        (root / "book.docx").write_bytes(docx_edition(edition))
        docx_seconds = time.perf_counter() - start, time.process_time() - cpu
        for name, (wall, used) in (("HTML", html_seconds), ("Word", docx_seconds)):
            print(f"{name} edition: {wall:.2f} s ({used:.2f} s CPU)")
        print(f"Word / HTML (CPU): {docx_seconds[1] / html_seconds[1]:.1f}x")


if __name__ == "__main__":
    main()
