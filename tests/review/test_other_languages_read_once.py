"""F3 and F4 ask whether another language's translation has work in the segments; each
asked by reading every other translation file again (a book's take a while). They are read
again only where a file changed on disk: another translator's save is seen at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession


def test_joins_read_an_unchanged_file_once_and_a_changed_one_again(
    review_project: ProjectLayout, paper: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    french = ReviewSession(review_project, paper, "fr")
    french.set_target(french.rows[2].segment_id, "Une phrase.")
    french.save()
    french_path = review_project.translation_file(paper, "fr")

    read: list[Path] = []
    load = TranslationFile.load.__func__  # type: ignore[attr-defined]

    def counted(cls: type[TranslationFile], path: Path, *args: object, **kwargs: object) -> object:
        read.append(Path(path))
        return load(cls, path, *args, **kwargs)

    session = ReviewSession(review_project, paper, "es")
    monkeypatch.setattr(TranslationFile, "load", classmethod(counted))
    ids = [row.segment_id for row in session.rows]
    for _ in range(3):
        session.join_with_next(ids[3])
        session.undo()
    with pytest.raises(TermwiseError, match="#3 has a French translation"):
        session.join_with_next(ids[1])
    assert read.count(french_path) == 1

    # Another translator's workbench saves French work in the fifth segment: the next join
    # there sees it.
    other = ReviewSession(review_project, paper, "fr")
    other.set_target(ids[4], "Une autre phrase.")
    other.save()
    read.clear()
    with pytest.raises(TermwiseError, match="#5 has a French translation"):
        session.join_with_next(ids[3])
    assert read.count(french_path) == 1
