"""Terms of two concepts that the matcher takes for the same words ("worlds peace" beside
"world peace"): the later concept is never found for its own in a text. ``glossary add``
warns and ``glossary validate`` reports it, naming the other concept; both ask the matcher,
so what they call the same words is what a text's matching does."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.glossary.model import Concept, Glossary, Term
from termwise.glossary.validate import validate_file


def test_add_warns_naming_the_other_concept(tmp_path: Path) -> None:
    assert termwise("glossary", "add", "world peace", "--lang", "en", cwd=tmp_path).returncode == 0
    added = termwise("glossary", "add", "worlds peace", "--lang", "en", cwd=tmp_path)
    assert added.returncode == 0
    assert (
        "warning: 'worlds peace' (en) of worlds-peace and 'world peace' of world-peace are "
        "the same words to the matcher"
    ) in added.stderr
    # A term of its own is no news.
    other = termwise("glossary", "add", "wind farm", "--lang", "en", cwd=tmp_path)
    assert "warning" not in other.stderr

    validated = termwise("glossary", "validate", "glossary", cwd=tmp_path)
    assert "warning: 'worlds peace' (en) of worlds-peace and 'world peace' of world-peace" in (
        validated.stdout
    )
    # Two terms someone may mean as they are: reported, no fault.
    assert validated.returncode == 0


def test_validate_gives_the_line_of_each(tmp_path: Path) -> None:
    pref = '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
    path = tmp_path / "twins.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n"
        "<text><body>\n"
        f'<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>world peace</term>{pref}'
        "</termSec></langSec></conceptEntry>\n"
        f'<conceptEntry id="b"><langSec xml:lang="en"><termSec><term>worlds peace</term>{pref}'
        "</termSec></langSec></conceptEntry>\n"
        "</body></text></tbx>\n",
        encoding="utf-8",
    )
    problems = validate_file(path)
    assert [(p.line, p.warning) for p in problems] == [(6, True)]
    assert problems[0].message.startswith(
        "'worlds peace' (en) of b and 'world peace' of a (line 5) are the same words"
    )


def test_terms_the_matcher_tells_apart_are_no_clash() -> None:
    from termwise.glossary.conflicts import clashes

    glossary = Glossary(
        [
            Concept("a", all_terms=[Term("peace", "en")]),
            Concept("b", all_terms=[Term("world peace", "en")]),
            Concept("c", all_terms=[Term("US", "en", case_sensitive=True)]),
            Concept("d", all_terms=[Term("United States", "en")]),
        ]
    )
    assert clashes(glossary) == []
