"""Sentence splitting rules, per language, on cases where a naive split on ". " goes wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termwise.document import split_sentences

HARD_CASES = Path(__file__).resolve().parents[2] / "bench" / "data" / "segmentation"


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Dr. Smith et al. found it [4]. See Fig. 3 and No. 5, i.e. both. It cost 3.5 USD.",
            [
                "Dr. Smith et al. found it [4].",
                "See Fig. 3 and No. 5, i.e. both.",
                "It cost 3.5 USD.",
            ],
        ),
        ("en", 'He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("en", '"Really?" she asked. Yes.', ['"Really?" she asked.', "Yes."]),
        (
            "en",
            "It ended... Then silence. Wait... what?",
            ["It ended...", "Then silence.", "Wait... what?"],
        ),
        (
            "en",
            "He moved to the U.S. in 1990. The U.S. The end.",
            ["He moved to the U.S. in 1990.", "The U.S.", "The end."],
        ),
        ("en", "The title [3]. Next one.", ["The title [3].", "Next one."]),
        ("en", "Peace, etc. Both matter.", ["Peace, etc.", "Both matter."]),
        ("en", "A fragment without end", ["A fragment without end"]),
        ("zh", "他说：“你好。”我们走吧！好吗？", ["他说：“你好。”", "我们走吧！", "好吗？"]),
        ("zh", "（括号里的句子。）下一句。", ["（括号里的句子。）", "下一句。"]),
        ("zh", "“好！”，他说。", ["“好！”，他说。"]),
        (
            "es",
            "¿Vienes? El Sr. García y los EE. UU. llegaron.",
            ["¿Vienes?", "El Sr. García y los EE. UU. llegaron."],
        ),
        (
            "fr",
            "Il a dit : « C'est fini. » Puis M. Dupont est parti.",
            ["Il a dit : « C'est fini. »", "Puis M. Dupont est parti."],
        ),
        (
            "de",
            "Am 3. Oktober kam er z. B. an. Er kaufte Äpfel usw. Dann ging er.",
            ["Am 3. Oktober kam er z. B. an.", "Er kaufte Äpfel usw.", "Dann ging er."],
        ),
        (
            # From a Swiss yearbook: an English title, "siehe", a country's short form, and
            # ordinals before a noun split it five times.
            "de",
            "Sie wird von Mrs. Joyce Dunsheath begleitet (s. «Die Alpen» 1956). Beide stehen "
            "an der 8. und 9. Stelle. Siehe Österr. Touristenzeitung, 70. Jahrgang. 4. Die "
            "Expedition begann.",
            [
                "Sie wird von Mrs. Joyce Dunsheath begleitet (s. «Die Alpen» 1956).",
                "Beide stehen an der 8. und 9. Stelle.",
                "Siehe Österr. Touristenzeitung, 70. Jahrgang.",
                "4. Die Expedition begann.",
            ],
        ),
        (
            # A French yearbook: a time, a title, a price, and a pass ("col") that ends one.
            "fr",
            "Nous partîmes vers 15 h. 30, sans bruit. Le capt. Ali Usman suivit. Il coûte "
            "2 fr. 70 par jour. Nous atteignîmes le col. Puis ce fut la descente.",
            [
                "Nous partîmes vers 15 h. 30, sans bruit.",
                "Le capt. Ali Usman suivit.",
                "Il coûte 2 fr. 70 par jour.",
                "Nous atteignîmes le col.",
                "Puis ce fut la descente.",
            ],
        ),
        (
            # A numbered list after a colon: each item a sentence, "m." before the next one.
            "de",
            "Bisher wurden erstiegen: 1. 1950: Annapurna I, 8078 m. 2. 1953: Mount Everest.",
            [
                "Bisher wurden erstiegen:",
                "1. 1950: Annapurna I, 8078 m.",
                "2. 1953: Mount Everest.",
            ],
        ),
        (
            "de",
            "Leiter Ch. Evans kam mit Hardie-T. Streather und No. 5 an. Es war vorbei.",
            ["Leiter Ch. Evans kam mit Hardie-T. Streather und No. 5 an.", "Es war vorbei."],
        ),
        (
            "ru",
            "А. С. Пушкин, т. е. поэт, и т. д. Это было в 1812 г. Тогда всё изменилось.",
            ["А. С. Пушкин, т. е. поэт, и т. д.", "Это было в 1812 г.", "Тогда всё изменилось."],
        ),
    ],
)
def test_rules(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_the_same_text_splits_by_the_language_given() -> None:
    text = "Das war am 3. Oktober der Fall."
    assert sentences(text, "de") == [text]
    assert sentences(text, "en") == ["Das war am 3.", "Oktober der Fall."]


def test_spans_exclude_spaces_and_cover_every_character() -> None:
    text = "  One.   Two!  Three?  "
    spans = split_sentences(text, "en")
    assert spans == [(2, 6), (9, 13), (15, 21)]
    assert split_sentences("", "en") == []
    assert split_sentences("   ", "en") == []


def test_zh_hant_and_unknown_tags_use_sensible_rules() -> None:
    assert sentences("這是一句。這是另一句！", "zh-Hant") == ["這是一句。", "這是另一句！"]
    assert sentences("Dr. Who came. He left.", "pt-BR") == ["Dr. Who came.", "He left."]


@pytest.mark.parametrize("lang", ["en", "zh", "es", "fr", "de", "ru"])
def test_hard_cases(lang: str) -> None:
    cases = [
        json.loads(line)
        for line in (HARD_CASES / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(cases) >= 25
    wrong = [
        (case["text"], sentences(case["text"], lang))
        for case in cases
        if sentences(case["text"], lang) != case["sentences"]
    ]
    assert wrong == []
