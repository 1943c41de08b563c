"""A Chinese term is not found inside a longer word: 中国梦想 is no T14 中国梦, so the
checks no longer let that non-official wording of "Chinese Dream" pass. A term followed
by another word or a particle stays found, and so does one that jieba, which does not know a
text's own names, merely glues to the next character (以色列人 | 行割礼 read as 人行)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.checks import run_checks
from termwise.document.model import Document, Segment, SegmentKind
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term

GLOSSARY = Glossary(
    [
        Concept(
            "T01",
            all_terms=[
                Term("人类命运共同体", "zh"),
                Term("community with a shared future for mankind", "en"),
            ],
        ),
        Concept("T02", all_terms=[Term("命运共同体", "zh")]),
        Concept("T14", all_terms=[Term("中国梦", "zh"), Term("Chinese Dream", "en")]),
        Concept("T25", all_terms=[Term("负责任大国", "zh")]),
        Concept("N1", all_terms=[Term("以色列人", "zh")]),
        Concept("N2", all_terms=[Term("山羊", "zh")]),
        Concept("N3", all_terms=[Term("律法", "zh")]),
    ]
)


@pytest.fixture(scope="module")
def zh() -> TermMatcher:
    return TermMatcher(GLOSSARY, "zh")


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(match.concept_id, match.text) for match in matcher.find(text)]


@pytest.mark.parametrize(
    "text",
    ["中国梦想", "我们的中国梦想是和平", "负责任大国家"],
)
def test_a_term_ending_inside_a_word_is_not_found(zh: TermMatcher, text: str) -> None:
    assert found(zh, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Followed by another word, a particle, punctuation or a Latin word.
        ("增强人类命运共同体意识", [("T01", "人类命运共同体")]),
        ("实现中国梦的伟大", [("T14", "中国梦")]),
        ("中国梦是人民的梦", [("T14", "中国梦")]),
        ("中国梦和世界梦", [("T14", "中国梦")]),
        ("这就是中国梦。", [("T14", "中国梦")]),
        ("中国梦ABC", [("T14", "中国梦")]),
        # Wrapped over a line: the matcher ignores whitespace, and so does the rule.
        ("实现中国\n梦的伟大", [("T14", "中国\n梦")]),
        ("做负责任大国的担当", [("T25", "负责任大国")]),
        # jieba's misreadings of a name it lacks: 人行 ("sidewalk"), 人大 (the NPC).
        ("以色列人行割礼", [("N1", "以色列人")]),
        ("以色列人大大杀败他们", [("N1", "以色列人")]),
        # A word on the whole term holds it; one after its single first character is
        # another reading of its characters (山 羊羔), not a word going on past it.
        ("把律法书交给祭司", [("N3", "律法")]),
        ("一只山羊羔", [("N2", "山羊")]),
    ],
)
def test_a_term_ending_at_a_word_boundary_is_found(
    zh: TermMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(zh, text) == expected


def test_japanese_is_matched_as_before() -> None:
    glossary = Glossary([Concept("J1", all_terms=[Term("運命共同体", "ja")])])
    assert found(TermMatcher(glossary, "ja"), "運命共同体意識") == [("J1", "運命共同体")]


def _document(sources: list[str]) -> Document:
    segments = []
    offset = 0
    for index, text in enumerate(sources):
        segments.append(
            Segment(
                id=f"s{index + 1}",
                kind=SegmentKind.SENTENCE,
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
        path=None, text="\n".join(sources), lang="en", encoding="utf-8", segments=segments
    )


def test_check_reports_the_chinese_dream_rendered_as_another_word() -> None:
    document = _document(["We share the Chinese Dream.", "The Chinese Dream is ours."])
    issues = run_checks(
        document,
        GLOSSARY,
        target_lang="zh",
        targets={"s1": "我们共享中国梦想。", "s2": "中国梦是我们的。"},
    )
    missing = [(issue.check, issue.segment_id) for issue in issues if issue.concept == "T14"]
    assert missing == [("term-missing", "s1")]


def test_glossary_find_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    glossary = tmp_path / "glossary" / "terms.csv"
    glossary.write_text("en,zh\nChinese Dream,中国梦\n", encoding="utf-8")
    inside = termwise("glossary", "find", "--lang", "zh", "中国梦想", cwd=tmp_path)
    assert inside.returncode == 0, inside.stderr
    assert inside.stdout.startswith("no glossary term found"), inside.stdout
    at_end = termwise("glossary", "find", "--lang", "zh", "中国梦的", cwd=tmp_path)
    assert "0-3" in at_end.stdout and "preferred: '中国梦'" in at_end.stdout, at_end.stdout
