"""In a Chinese column, a sentence of Latin text keeps the space after it.

The editions joined a Chinese paragraph's sentences with nothing between them, whatever
they held: "It works. We agree." in a Chinese source read "It works.We agree.", and a
Chinese translation "3.11 版已发布." + "It is faster!" + an untranslated sentence read
"3.11 版已发布.It is faster![untranslated]". The sentence before decides
(``languages.glue_after``): none after Chinese writing ("。", "好"), a space after Latin.
"""

from __future__ import annotations

import re
from pathlib import Path

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .cjk_project import docx_texts, export

CHINESE_SOURCE = "他们说 Python 很好用。他说：It works. We agree. 我们很高兴。\n"
ENGLISH_OF_CHINESE = {
    "他们说 Python 很好用。": "They say Python is easy to use.",
    "他说：It works.": "He said: It works.",
    "We agree.": "We agree.",
    "我们很高兴。": "We are glad.",
}
SOURCE_JOINED = "他们说 Python 很好用。他说：It works. We agree. 我们很高兴。"

ENGLISH_SOURCE = (
    "Version 3.11 is out. It is faster! We are happy.\n\nThey use Python. Python is good.\n"
)
CHINESE_OF_ENGLISH: dict[str, str | None] = {
    "Version 3.11 is out.": "3.11 版已发布.",
    "It is faster!": "It is faster!",
    "We are happy.": None,
    "They use Python.": "他们用 Python。",
    "Python is good.": "Python 很好。",
}
TARGET_JOINED = ("3.11 版已发布. It is faster! [untranslated]", "他们用 Python。Python 很好。")


def _project(root: Path, text: str, source: str, target: str, pairs: dict[str, str | None]) -> Path:
    """A one-file project, each sentence reviewed as ``pairs`` says (None: untranslated)."""
    root.mkdir()
    paper = root / "paper.txt"
    paper.write_text(text, encoding="utf-8")
    tfile = open_translation(ProjectLayout.at(root), load_document(paper, lang=source), target)
    for unit in tfile.units.values():
        translation = pairs[unit.source]
        if translation is not None:
            unit.set_translation(translation, reviewed=True)
    tfile.save()
    return paper


def _read(html: str) -> str:
    """An HTML edition's text as its reader sees it: the segments' spans gone."""
    return re.sub("<[^>]+>", "", html)


def test_the_space_after_a_sentence_follows_what_it_ends_with() -> None:
    from termwise.languages import glue_after

    assert glue_after("Python。", "zh") == ""
    assert glue_after("他说：“好。”", "zh") == ""
    assert glue_after("「はい」", "ja") == ""
    # An ellipsis is both writings' own: the character before it decides.
    assert glue_after("好……", "zh") == ""
    assert glue_after("Wait…", "zh") == " "
    assert glue_after("It works.", "zh") == " "
    assert glue_after("faster!", "zh") == " "
    assert glue_after("[untranslated]", "zh-Hant") == " "
    assert glue_after("3.11 版已发布.", "zh") == " "
    assert glue_after("Python。", "en") == " "


def test_latin_sentences_of_a_chinese_source_keep_their_spaces(tmp_path: Path) -> None:
    paper = _project(tmp_path / "proj", CHINESE_SOURCE, "zh", "en", dict(ENGLISH_OF_CHINESE))
    html = export(paper, "en", "paper.html").read_text("utf-8")
    assert SOURCE_JOINED in _read(html)
    for fmt in ("md", "txt"):
        text = export(paper, "en", f"out.{fmt}").read_text("utf-8")
        assert SOURCE_JOINED in text, fmt
    assert any(SOURCE_JOINED in text for text in docx_texts(export(paper, "en", "paper.docx")))


def test_latin_sentences_of_a_chinese_translation_keep_their_spaces(tmp_path: Path) -> None:
    paper = _project(tmp_path / "proj", ENGLISH_SOURCE, "en", "zh", CHINESE_OF_ENGLISH)
    for extra in ((), ("--target-only",)):
        suffix = "-t" if extra else ""
        html = _read(export(paper, "zh", f"paper{suffix}.html", *extra).read_text("utf-8"))
        for joined in TARGET_JOINED:
            assert joined in html, (joined, extra)
        for fmt in ("md", "txt"):
            text = export(paper, "zh", f"out{suffix}.{fmt}", *extra).read_text("utf-8")
            for joined in TARGET_JOINED:
                assert joined in text, (fmt, extra)
        texts = docx_texts(export(paper, "zh", f"paper{suffix}.docx", *extra))
        for joined in TARGET_JOINED:
            assert any(joined in text for text in texts), (joined, extra)
