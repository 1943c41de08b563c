"""Documents made of given sentences, so that each test states its own input."""

from __future__ import annotations

from collections.abc import Sequence

from termwise.document.model import Document, Segment, SegmentKind


def build_document(
    sources: Sequence[str],
    lang: str = "en",
    *,
    headings: Sequence[int] = (),
    ids: Sequence[str] | None = None,
) -> Document:
    """A document whose segments are ``sources``, one per line, with ids s1, s2, ... or ``ids``."""
    segments = []
    offset = 0
    for index, text in enumerate(sources):
        segments.append(
            Segment(
                id=ids[index] if ids is not None else f"s{index + 1}",
                kind=SegmentKind.HEADING if index in headings else SegmentKind.SENTENCE,
                text=text,
                line=index + 1,
                column=1,
                paragraph=index,
                start=offset,
                end=offset + len(text),
            )
        )
        offset += len(text) + 1
    return Document(
        path=None, text="\n".join(sources), lang=lang, encoding="utf-8", segments=segments
    )


def apertium_translation(document: Document) -> dict[str, str]:
    """A real EN→ES translation of each segment by Apertium (Debian's apertium-eng-spa)."""
    import shutil
    import subprocess

    assert shutil.which("apertium"), "README command (b) installs apertium-eng-spa"
    # One sentence per line: Apertium keeps line breaks, so lines map back to segments.
    run = subprocess.run(
        ["apertium", "-u", "eng-spa"],
        input="\n".join(segment.text for segment in document.segments) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    lines = run.stdout.split("\n")
    assert len([line for line in lines if line.strip()]) == len(document.segments)
    return {
        segment.id: line.strip() for segment, line in zip(document.segments, lines, strict=False)
    }
