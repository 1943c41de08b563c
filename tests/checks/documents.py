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
