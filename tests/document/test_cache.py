"""The segmentation cache: a large book is segmented once, and only exact matches are trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document import cache, reading
from termwise.document.model import Document
from termwise.document.reading import load_document

TEXT = (
    "# The community of shared future\n\n"
    "China proposed the idea in 2013. It was written into the constitution in 2018.\n"
    "The concept is often trans-\nlated as a community with a shared future for mankind.\n\n"
    "Critics call it vague. Supporters call it a vision.\n"
)


@pytest.fixture()
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "book.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def entries() -> list[Path]:
    return sorted(cache.cache_dir().iterdir()) if cache.cache_dir().exists() else []


def segmenting_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> Document:
        raise AssertionError("segmented again instead of read from the cache")

    monkeypatch.setattr(reading, "_build", fail)


def same(a: Document, b: Document) -> None:
    assert a.segments == b.segments
    assert [list(s.offsets) for s in a.segments] == [list(s.offsets) for s in b.segments]
    assert (a.text, a.lang, a.encoding, a.fmt) == (b.text, b.lang, b.encoding, b.fmt)


def test_second_load_comes_from_the_cache_and_equals_the_first(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_document(book)
    assert len(entries()) == 1
    assert not [p for p in entries() if p.name.endswith(".tmp")]
    segmenting_fails(monkeypatch)
    second = load_document(book)
    same(first, second)
    hyphenated = next(s for s in second.segments if "translated" in s.text)
    start, end = hyphenated.to_source(0, len(hyphenated.text))
    assert second.text[start:end].startswith("The concept is often trans-\nlated")


def test_a_changed_file_is_segmented_afresh(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_document(book)
    book.write_text(TEXT.replace("vague", "hollow"), encoding="utf-8")
    document = load_document(book)
    assert any("hollow" in s.text for s in document.segments)
    assert len(entries()) == 2


@pytest.mark.parametrize(
    "options",
    [{"lang": "de"}, {"encoding": "latin-1"}, {"id_aliases": {"x" * 16: "y" * 16}}],
)
def test_other_reading_options_do_not_share_an_entry(
    book: Path, options: dict[str, object]
) -> None:
    plain = load_document(book)
    other = load_document(book, **options)  # type: ignore[arg-type]
    assert len(entries()) == 2
    if "lang" in options:
        assert (plain.lang, other.lang) == ("en", "de")
    if "encoding" in options:
        assert other.encoding == "latin-1"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"not json",
        lambda data: data.replace(b'"version":%d' % cache.VERSION, b'"version":99'),
        lambda data: data.replace(b'"lang":"en"', b'"lang":7'),
        lambda data: data.replace(b"Critics call it vague.", b"Critics call it.", 1),
    ],
    ids=["cut-short", "garbage", "other-version", "wrong-type", "text-and-offsets-differ"],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(book: Path, damage: object) -> None:
    first = load_document(book)
    [entry] = entries()
    original = entry.read_bytes()
    damaged = damage(original)  # type: ignore[operator]
    assert damaged != original
    entry.write_bytes(damaged)
    assert cache.read(entry.stem) is None
    again = load_document(book)
    same(first, again)
    # Rewritten whole, as the first load wrote it.
    assert entry.read_bytes() == original
    assert cache.read(entry.stem) is not None


def test_an_entry_under_another_key_is_not_trusted(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_document(book)
    [entry] = entries()
    book.write_text(TEXT + "\nOne more line.\n", encoding="utf-8")
    key = cache.cache_key(
        book.read_bytes(), lang=None, encoding=None, fmt="markdown", id_aliases=None
    )
    # Someone copies the old entry under the new file's name: its own key gives it away.
    cache.cache_path(key).write_bytes(entry.read_bytes())
    document = load_document(book)
    assert any("One more line." in s.text for s in document.segments)


def test_small_files_are_not_cached(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_BYTES", len(TEXT.encode()) + 1)
    load_document(book)
    assert entries() == []
