"""A CSV with zh-TW, zh-HK and zh-Hant columns imports each column's term as preferred under
its own tag, and a tag's own terms come before those of the tags serving it.

The first term of a language in a concept is preferred, a later one admitted; "a language"
counted every tag serving it, so the zh-Hant column came in *admitted* after zh-TW's and
zh-HK's, and ``glossary find --lang zh-Hant`` gave a region's word as zh-Hant's preferred
term (and the matcher zh-HK's term where zh-Hant's has the same text).
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary import load_glossary
from termwise.glossary.matcher import TermMatcher

CSV = "en,zh-TW,zh-HK,zh-Hant\nsoftware,軟體,軟件,軟件程式\nnetwork,,,網絡\n"


def _run(project: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--project", str(project), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_each_column_is_preferred_under_its_own_tag(tmp_path: Path) -> None:
    (tmp_path / "regional.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    _run(tmp_path, "glossary", "import", str(tmp_path / "regional.csv"))
    assert "admitted" not in _run(tmp_path, "glossary", "show")
    concept = load_glossary(tmp_path / "glossary").concepts[0]
    assert [(term.lang, term.text, term.status.value) for term in concept.all_terms] == [
        ("en", "software", "preferred"),
        ("zh-TW", "軟體", "preferred"),
        ("zh-HK", "軟件", "preferred"),
        ("zh-Hant", "軟件程式", "preferred"),
    ]
    for tag, own in (("zh-Hant", "軟件程式"), ("zh-TW", "軟體"), ("zh-HK", "軟件")):
        preferred = concept.preferred(tag)
        assert preferred is not None and preferred.text == own, tag
    rows = json.loads(
        _run(tmp_path, "glossary", "find", "--lang", "zh-Hant", "--format", "json", "這個軟件程式")
    )
    assert [(row["text"], row["status"], row["preferred"]) for row in rows] == [
        ("軟件程式", "preferred", "軟件程式")
    ]


def test_a_tag_takes_its_own_term_before_another_tags_whatever_the_column_order(
    tmp_path: Path,
) -> None:
    path = tmp_path / "regional.csv"
    path.write_text("en,zh-HK,zh-Hant,zh-TW\nsoftware,軟件,軟件,軟體\n", encoding="utf-8")
    glossary = load_glossary(path)
    concept = glossary.concepts[0]
    assert [term.status.value for term in concept.all_terms] == ["preferred"] * 4
    assert [(term.lang, term.text) for term in concept.terms("zh-TW")] == [
        ("zh-TW", "軟體"),
        ("zh-Hant", "軟件"),
    ]
    assert [term.lang for term in concept.terms("zh-Hant")] == ["zh-Hant", "zh-HK", "zh-TW"]
    # zh-HK and zh-Hant write 軟件 alike: found in a zh-Hant text, it is zh-Hant's term.
    found = TermMatcher(glossary, "zh-Hant").find("這個軟件")
    assert [(match.text, match.term.lang) for match in found] == [("軟件", "zh-Hant")]
