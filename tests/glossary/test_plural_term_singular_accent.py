"""The singular of a plural glossary term is found where the singular moves the accent:
"la relación pública" holds "relaciones públicas" (the accent check accepted a found word
that is the term word's plural, not one that is its singular). A complement keeps the
term's number all the same: "nuevo tipo de relación internacional" is no form of T13's
"nuevo tipo de relaciones internacionales", which the stems matched and nothing checked
(the term has no accent, so not even the accent check ran)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.glossary import load_glossary
from termwise.glossary.inflection import agrees
from termwise.glossary.matcher import TermMatcher
from termwise.glossary.model import Concept, Glossary, Term

ROOT = Path(__file__).resolve().parents[2]


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(match.concept_id, match.text) for match in matcher.find(text)]


def _glossary() -> Glossary:
    return Glossary(
        [
            Concept("P", all_terms=[Term("relaciones públicas", "es")]),
            Concept("F", all_terms=[Term("relations publiques", "fr")]),
        ]
    )


@pytest.mark.parametrize("accent_insensitive", [False, True])
def test_the_singular_of_a_plural_term_is_the_term(accent_insensitive: bool) -> None:
    spanish = TermMatcher(_glossary(), "es", accent_insensitive=accent_insensitive)
    assert found(spanish, "Trabaja en la relación pública.") == [("P", "relación pública")]
    assert found(spanish, "Trabaja en las relaciones públicas.") == [("P", "relaciones públicas")]


def test_another_accent_is_still_another_word() -> None:
    spanish = TermMatcher(_glossary(), "es")
    # Neither the term's word nor its singular: an accent the singular does not have.
    assert found(spanish, "la relacion publica") == []
    assert found(spanish, "la relacíon pública") == []


@pytest.mark.parametrize("accent_insensitive", [False, True])
def test_a_complement_keeps_the_terms_number(accent_insensitive: bool) -> None:
    spanish = TermMatcher(
        load_glossary(ROOT / "glossary"), "es", accent_insensitive=accent_insensitive
    )
    assert found(spanish, "Es un nuevo tipo de relación internacional.") == []
    assert found(spanish, "Es un nuevo tipo de relaciones internacionales.") == [
        ("T13", "nuevo tipo de relaciones internacionales")
    ]
    # The head takes the plural as a whole; the complement stays as the term has it.
    assert found(spanish, "Nuevos tipos de relaciones internacionales.") == [
        ("T13", "Nuevos tipos de relaciones internacionales")
    ]
    assert found(spanish, "Nuevos tipos de relación internacional.") == []
    french = TermMatcher(
        load_glossary(ROOT / "glossary"), "fr", accent_insensitive=accent_insensitive
    )
    assert found(french, "un nouveau type de relation internationale") == []
    assert found(french, "un nouveau type de relations internationales") == [
        ("T13", "nouveau type de relations internationales")
    ]


def test_head_size_and_complement_agreement() -> None:
    from termwise.glossary.inflection import head_size  # new with this change

    assert head_size(["relaciones", "públicas"], "es") == 2
    assert head_size(["nuevo", "tipo", "de", "relaciones", "internacionales"], "es") == 2
    assert head_size(["la", "nueva", "época"], "es") == 3
    assert head_size(["communauté", "de", "destin"], "fr") == 1
    assert head_size(["new", "type", "of", "relations"], "en") == 4
    wanted = ["tipo", "de", "relaciones", "internacionales"]
    assert not agrees(wanted, ["tipo", "de", "relación", "internacional"], "es")
    assert agrees(wanted, ["tipos", "de", "relaciones", "internacionales"], "es")
    # An adjective after the complement may agree with the head instead.
    assert agrees(wanted, ["tipo", "de", "relaciones", "internacional"], "es")
    # A conjunction joins a coordinate to the head, no complement of its own number.
    assert agrees(["reforma", "y", "apertura"], ["reformas", "y", "aperturas"], "es")


def test_check_finds_the_singular_of_a_plural_term(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    tbx = tmp_path / "glossary" / "client.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>\n"
        "  <text><body>\n"
        '    <conceptEntry id="PR">\n'
        '      <langSec xml:lang="en"><termSec><term>public relations</term>'
        "</termSec></langSec>\n"
        '      <langSec xml:lang="es"><termSec><term>relaciones públicas</term>'
        "</termSec></langSec>\n"
        "    </conceptEntry>\n"
        "  </body></text>\n"
        "</tbx>\n",
        encoding="utf-8",
    )
    (tmp_path / "paper.txt").write_text(
        "Public relations matter.\n\nA new type of international relations.\n",
        encoding="utf-8",
    )
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Language: es\\n"\n'
        '\nmsgid "Public relations matter."\nmsgstr "La relación pública importa."\n'
        '\nmsgid "A new type of international relations."\n'
        'msgstr "Un nuevo tipo de relación internacional."\n'
    )
    (tmp_path / "t.es.po").write_text(po, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "check", "paper.txt", "--to", "es"]
        + ["--target", "t.es.po", "--format", "text"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    missing = [
        line.split(": ", 1)[0] for line in result.stdout.splitlines() if "term-missing" in line
    ]
    # The singular of "relaciones públicas" is the term; the singular complement is not T13.
    assert missing == ["paper.txt:3:1"], result.stdout
