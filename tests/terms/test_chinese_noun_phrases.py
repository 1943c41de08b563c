"""Chinese candidates are noun phrases (jieba's parts of speech), and a glossary term inside
a longer one counts only where the text writes it alone."""

from __future__ import annotations

from pathlib import Path

from termwise.document import load_document
from termwise.glossary import load_glossary
from termwise.terms.candidates import collect
from termwise.terms.extract import extract_terms

ROOT = Path(__file__).resolve().parents[2]

# The opening of the seed paper in Chinese, as a translator of today's walk-through had it.
_PAPER = (
    "摘要：中国构建人类命运共同体，已经从理念发展为方案、从思想转化为行动。"
    "“人类命运共同体”理念不仅是中国外交的核心理念和实践指南。"
    "21世纪国际关系模式的新理念和全球治理时代国际秩序的新思维，符合中国维护国家利益的内在需要。"
    "以命运共同体理念推动合作共赢。构建人类命运共同体是完善全球治理的重要目标。\n"
    "“人类命运共同体”是近年来中国在全球化背景下提出并倡导的一种生活理念。"
    "它是中国对当前世界格局和人类发展客观规律进行深入思考后提炼出的世界社会实体。"
    "人类是社会存在物，它由各种社会关系联结。我们应努力争取和平的国际环境。"
    "进一步夯实中国走和平发展道路的基础。\n"
)

# Chinese Union Version (和合本, public domain), Numbers 33 and 2 Kings 23.
_BIBLE = (
    "从以倘起行，转到比哈希录，是在巴力洗分对面，就在密夺安营。\n"
    "从沙斐山起行，安营在哈拉大。\n"
    "从他哈起行，安营在他拉。\n"
    "以色列人从何珥山起行，安营在撒摩拿。\n"
    "他的床是铁的，长九肘，宽四肘，都是以人肘为度。\n"
    "约哈斯登基的时候年二十三岁，在耶路撒冷作王三个月。\n"
)


def test_verbs_adverbs_and_time_words_are_no_chinese_candidates() -> None:
    forms = set(collect([[_PAPER]], "zh").forms)
    verbs = {"提炼出", "夯实", "符合中国", "努力争取", "倡导", "联结", "构建人类"}
    assert not verbs & forms, verbs & forms
    assert not {"近年来", "摘要", "内在", "社会关系联结"} & forms
    assert {"核心理念", "新理念", "社会关系", "客观规律", "国际秩序"} <= forms


def test_words_glued_across_a_verb_or_a_number_are_no_chinese_candidates() -> None:
    forms = set(collect([[_BIBLE]], "zh").forms)
    assert not {"倘起行", "哈起行", "山起行", "二十三岁", "宽四肘", "长九肘"} & forms, forms
    assert {"耶路撒冷", "以色列人"} <= forms


def test_a_glossary_term_inside_a_longer_one_counts_its_free_occurrences(
    tmp_path: Path,
) -> None:
    path = tmp_path / "paper.zh.txt"
    path.write_text(_PAPER, encoding="utf-8")
    extraction = extract_terms(
        [load_document(path, lang="zh")], "zh", glossary=load_glossary(ROOT / "glossary")
    )
    frequency = {c.forms[0]: c.frequency for c in extraction.candidates}
    assert frequency["人类命运共同体"] == 4
    # "以命运共同体理念" alone; its four places inside "人类命运共同体" are T01's.
    assert frequency["命运共同体"] == 1
    shared = next(c for c in extraction.candidates if c.forms[0] == "命运共同体")
    assert len(shared.occurrences) == 1
