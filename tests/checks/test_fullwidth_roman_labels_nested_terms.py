"""Full-width marks in a Latin-script target, Roman numerals that label a chapter, and a
concept whose target term lies inside a longer concept's term."""

from __future__ import annotations

from termwise.checks import CheckConfig, apply_fixes, run_checks
from termwise.glossary.model import Concept, Glossary, Term, TermStatus

from .documents import build_document
from .test_qa import fixed, run_one


def test_fullwidth_marks_in_an_english_target_of_a_chinese_source() -> None:
    sources = ["和平，发展。", "问题；答案：是的？", "他说（很快）好！", "《中国》，很好。"]
    targets = [
        "Peace，development.",
        "Problem； answer：yes？",
        "He said（soon）fine!",
        # A full-width mark beside a Chinese character quotes Chinese: left alone.
        "The book 《中国》，is good.",
    ]
    issues = run_one("typography", sources, targets, target_lang="en", source_lang="zh")
    assert [(i.segment_id, i.message) for i in issues] == [
        ("s1", "full-width ， in English text; use the half-width ,"),
        ("s2", "full-width ； in English text; use the half-width ;"),
        ("s2", "full-width ： in English text; use the half-width :"),
        # The final mark too, with end-punctuation off.
        ("s2", "full-width ？ in English text; use the half-width ?"),
        ("s3", "full-width （ in English text; use the half-width ("),
        ("s3", "full-width ） in English text; use the half-width )"),
    ]
    by_segment = {i.segment_id: [j for j in issues if j.segment_id == i.segment_id] for i in issues}
    assert fixed(by_segment["s1"], targets[0]) == "Peace, development."
    assert fixed(by_segment["s3"], targets[2]) == "He said (soon) fine!"
    # The final ？ is end-punctuation's, fixed once: with both checks, one fix each.
    both = run_checks(
        build_document(sources[1:2], "zh"),
        None,
        target_lang="en",
        targets={"s1": targets[1]},
        config=CheckConfig(enabled_only=frozenset({"typography", "end-punctuation"})),
    )
    assert sorted(i.check for i in both) == ["end-punctuation", "typography", "typography"]
    fixes = [i.fix for i in both if i.fix is not None]
    assert apply_fixes(targets[1], fixes) == "Problem; answer: yes?"


def test_fullwidth_marks_in_a_spanish_target_and_none_in_chinese() -> None:
    spanish = run_one("typography", ["和平，发展。"], ["Paz，desarrollo."], "es", "zh")
    assert [i.message for i in spanish] == ["full-width ， in Spanish text; use the half-width ,"]
    assert not run_one("typography", ["Peace, development."], ["和平，发展。"], "zh")


def test_a_roman_numeral_after_a_label_word_is_its_number() -> None:
    sources = [
        "Chapter IV",
        "Chapter IV",
        "Chapter IV",
        "See Part XII of the report.",
        "World War II ended.",
        "When I came, the work was done.",
        "Chapter 4",
    ]
    targets = [
        "Capítulo V",
        "Capítulo IV",
        "Capítulo 4",
        "Véase la parte XI del informe.",
        "Terminó la Segunda Guerra Mundial.",
        "Cuando llegué, el trabajo estaba hecho.",
        "Capítulo IV",
    ]
    issues = run_one("numbers", sources, targets)
    assert [(i.segment_id, i.message) for i in issues] == [
        ("s1", "number IV of the source is missing from the target"),
        ("s1", "number V is not in the source"),
        ("s4", "number XII of the source is missing from the target"),
        ("s4", "number XI is not in the source"),
    ]
    french = run_one("numbers", ["Chapter III"], ["Chapitre II"], "fr")
    assert [i.message for i in french] == [
        "number III of the source is missing from the target",
        "number II is not in the source",
    ]


def test_a_term_inside_a_longer_concepts_term_is_present() -> None:
    P = TermStatus.PREFERRED
    glossary = Glossary(
        [
            Concept(
                "T02",
                all_terms=[
                    Term("community with a shared future", "en", P),
                    Term("命运共同体", "zh", P),
                ],
            ),
            Concept(
                "T03",
                all_terms=[
                    Term("Asian community with a shared future", "en", P),
                    Term("亚洲命运共同体", "zh", P),
                ],
            ),
            Concept("T04", all_terms=[Term("peace", "en", P), Term("和平", "zh", P)]),
        ]
    )
    document = build_document(
        ["We build a community with a shared future in Asia.", "We build peace and a future."]
    )
    issues = run_checks(
        document,
        glossary,
        target_lang="zh",
        targets={"s1": "我们建设亚洲命运共同体。", "s2": "我们建设未来。"},
        config=CheckConfig(enabled_only=frozenset({"term-missing"})),
    )
    # Still reported where the term is nowhere, inside a longer one or not.
    assert [(i.segment_id, i.concept) for i in issues] == [("s2", "T04")]
