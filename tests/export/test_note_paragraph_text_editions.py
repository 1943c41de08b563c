"""A translator's note the aligned translation sets on a line of its own before a group's
sentence is a paragraph of its own in the translated Markdown and plain-text editions, in a
quote too (a ">" line between); once the text is edited or in a project aligned before the
record existed, the group prints as one run of text, as it did. (In a list item, a table
and beside its source: test_note_paragraph_everywhere.py.)"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from support.wind_report import (
    FIRST,
    NOTE,
    OPENING,
    SOURCE_FIRST,
    Rewrite,
    aligned,
    as_is,
    exported,
)
from termwise.project.translation_file import TranslationFile


def _aligned(folder: Path, source: Rewrite = as_is, target: Rewrite = as_is) -> Path:
    """The wind report aligned (``aligned``); its translation file, which records that the
    note's sentence after it opens a paragraph."""
    po = aligned(folder, source, target)
    unit = next(u for u in TranslationFile.load(po).units.values() if FIRST in u.target)
    assert any(c.startswith(OPENING) for c in unit.comments), unit.comments
    return po


def _export(folder: Path, fmt: str, *extra: str) -> str:
    return exported(folder, fmt, *extra).read_text("utf-8")


def _paragraphs(markdown: str) -> list[str]:
    """The text of each ``<p>`` the Markdown renders to, its markup gone."""
    html = MarkdownIt("commonmark").render(markdown)
    return [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", html, re.S)]


def test_the_note_is_a_paragraph_of_its_own_in_the_translated_editions(tmp_path: Path) -> None:
    _aligned(tmp_path)
    paragraphs = _paragraphs(_export(tmp_path, "md", "--target-only"))
    # The note its own paragraph, marked unreviewed on its own as the HTML edition marks it.
    assert f"{NOTE}†" in paragraphs
    assert any(p.startswith(f"{FIRST}†") for p in paragraphs)
    assert not any(NOTE in p and FIRST in p for p in paragraphs)
    lines = _export(tmp_path, "txt", "--target-only").splitlines()
    note = lines.index(f"{NOTE}†")
    assert lines[note + 1] == "" and lines[note + 2].startswith(f"{FIRST}†")


def test_in_a_quote_the_note_is_a_paragraph_of_the_quote(tmp_path: Path) -> None:
    def quoted_source(text: str) -> str:
        return text.replace(SOURCE_FIRST, f"> {SOURCE_FIRST}")

    def quoted_target(text: str) -> str:
        return text.replace(f"*{NOTE}*\n\n{FIRST}", f"> *{NOTE}*\n>\n> {FIRST}")

    _aligned(tmp_path, quoted_source, quoted_target)
    html = MarkdownIt("commonmark").render(_export(tmp_path, "md", "--target-only"))
    quote = re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)
    assert len(quote) == 1, html
    inside = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", quote[0], re.S)]
    assert inside[0] == f"{NOTE}†" and inside[1].startswith(f"{FIRST}†")
    lines = _export(tmp_path, "txt", "--target-only").splitlines()
    note = lines.index(f"> {NOTE}†")
    assert lines[note + 1] == ">" and lines[note + 2].startswith(f"> {FIRST}†")


def test_an_edit_or_an_older_file_prints_one_run(tmp_path: Path) -> None:
    po = _aligned(tmp_path)
    tfile = TranslationFile.load(po)
    unit = next(u for u in tfile.units.values() if FIRST in u.target)
    # An older file: the sentences recorded, no paragraphs.
    unit.comments = tuple(c for c in unit.comments if not c.startswith(OPENING))
    tfile.save(po)
    assert any(
        p.startswith(f"{NOTE} {FIRST}†")
        for p in _paragraphs(_export(tmp_path, "md", "--target-only"))
    )
    text = _export(tmp_path, "txt", "--target-only").splitlines()
    assert any(line.startswith(f"{NOTE} {FIRST}†") for line in text)
    # Aligned again (the record back), then edited in review: the record is stale.
    po = _aligned(tmp_path)
    tfile = TranslationFile.load(po)
    unit = next(u for u in tfile.units.values() if FIRST in u.target)
    unit.set_translation(unit.target.replace("variabilidad", "intermitencia"))
    tfile.save(po)
    edited = FIRST.replace("variabilidad", "intermitencia")
    assert any(
        p.startswith(f"{NOTE} {edited}")
        for p in _paragraphs(_export(tmp_path, "md", "--target-only"))
    )
    text = _export(tmp_path, "txt", "--target-only").splitlines()
    assert any(line.startswith(f"{NOTE} {edited}") for line in text)
