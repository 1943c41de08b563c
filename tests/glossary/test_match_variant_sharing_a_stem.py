"""Of two terms of one concept that Snowball stems alike, the text's own word is found.

A glossary records "yaw" preferred and "yawing" deprecated in one concept; the stemmer reads
"yawing" as a form of "yaw", so the two share a key, and the glossary's order chose: "The
yawing of the nacelle" was found as the preferred "yaw" and ``check`` reported nothing. The
term whose words the text holds wins; an inflection of either that holds only the shorter
("yaws", "yawed") stays with it, whichever the glossary lists first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term, TermStatus


def _matcher(lang: str, *terms: tuple[str, TermStatus], **options: bool) -> TermMatcher:
    concept = Concept("e1", all_terms=[Term(text, lang, status=status) for text, status in terms])
    return TermMatcher(Glossary([concept]), lang, **options)


_YAW = ("yaw", TermStatus.PREFERRED)
_YAWING = ("yawing", TermStatus.DEPRECATED)


@pytest.mark.parametrize("order", [(_YAW, _YAWING), (_YAWING, _YAW)])
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The yawing of the nacelle is slow.", "yawing"),
        ("Yawing is slow.", "yawing"),
        ("The yaw is slow.", "yaw"),
        ("The rotor yaws slowly.", "yaw"),
        ("The rotor yawed.", "yaw"),
    ],
)
def test_the_term_the_text_holds_is_found(
    order: tuple[tuple[str, TermStatus], ...], text: str, term: str
) -> None:
    found = _matcher("en", *order).find(text)
    assert [match.term.text for match in found] == [term]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("El control de la guiñada.", "guiñada"),
        ("Las guiñadas del rotor.", "guiñada"),
        ("El control del guiño.", "guiño"),
    ],
)
def test_in_spanish_either_number_counts(text: str, term: str) -> None:
    # "guiño" (a wink, deprecated here) and "guiñada" share Snowball's stem "guiñ".
    matcher = _matcher("es", ("guiño", TermStatus.DEPRECATED), ("guiñada", TermStatus.PREFERRED))
    assert [match.term.text for match in matcher.find(text)] == [term]


def test_without_accents_too() -> None:
    matcher = _matcher(
        "fr",
        ("réglage", TermStatus.PREFERRED),
        ("réglages", TermStatus.DEPRECATED),
        accent_insensitive=True,
    )
    assert [match.term.text for match in matcher.find("Les reglages fins.")] == ["réglages"]


_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
<martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="e1">
<langSet xml:lang="en-US">
<tig><term>yaw</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
<tig><term>yawing</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
</langSet>
</termEntry>
</body></text></martif>
"""


def test_check_reports_the_deprecated_variant(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.tbx").write_text(_TBX, encoding="utf-8")
    (tmp_path / "nacelle.txt").write_text("The yawing of the nacelle is slow.\n", encoding="utf-8")
    result = termwise("check", "nacelle.txt", "--from", "en", cwd=tmp_path)
    assert "“yawing” is a deprecated rendering of e1" in result.stdout, result.stdout
