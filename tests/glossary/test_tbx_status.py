"""A term's status comes from the file, in every place each TBX dialect puts it; never from
the term's position. Every status value of TBX-Basic, TBX-Min and TBX 2008 is named here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.formats import WriteOptions
from termwise.glossary.model import TermStatus
from termwise.glossary.validate import validate_file

VENV_BIN = Path(sys.executable).parent
P, A, D, S, U = (
    TermStatus.PREFERRED,
    TermStatus.ADMITTED,
    TermStatus.DEPRECATED,
    TermStatus.SUPERSEDED,
    TermStatus.UNSPECIFIED,
)


def tbx_v3(dialect: str, terms: list[tuple[str, str]]) -> str:
    """A TBX v3 dca file of one concept whose English terms carry the given term notes."""
    sections = "".join(f"<termSec><term>{text}</term>{notes}</termSec>" for text, notes in terms)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<tbx xmlns="urn:iso:std:iso:30042:ed:3.0" type="{dialect}" style="dca" xml:lang="en">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>\n"
        '<text><body><conceptEntry id="T01"><langSec xml:lang="en">\n'
        f"{sections}\n"
        "</langSec></conceptEntry></body></text></tbx>\n"
    )


def note(kind: str, value: str) -> str:
    return f'<termNote type="{kind}">{value}</termNote>'


def statuses(path: Path) -> list[tuple[str, TermStatus]]:
    return [(t.text, t.status) for t in load_glossary(path).concept("T01").terms("en")]


def test_tbx_basic_administrative_status_each_value_and_none(tmp_path: Path) -> None:
    path = tmp_path / "basic.tbx"
    path.write_text(
        tbx_v3(
            "TBX-Basic",
            [
                ("no status first", ""),
                (
                    "community with a shared future",
                    note("administrativeStatus", "preferredTerm-admn-sts"),
                ),
                ("shared-future community", note("administrativeStatus", "admittedTerm-admn-sts")),
                (
                    "community of human destiny",
                    note("administrativeStatus", "deprecatedTerm-admn-sts"),
                ),
                (
                    "community of common destiny",
                    note("administrativeStatus", "supersededTerm-admn-sts"),
                ),
                ("no status last", ""),
            ],
        ),
        encoding="utf-8",
    )
    assert statuses(path) == [
        ("no status first", U),  # was "preferred" because it came first
        ("community with a shared future", P),
        ("shared-future community", A),
        ("community of human destiny", D),
        ("community of common destiny", S),
        ("no status last", U),  # was "admitted" because it came later
    ]
    assert load_glossary(path).problems == []
    assert validate_file(path) == []
    # Preferred is the preferred term, whatever the order.
    assert (
        load_glossary(path).concept("T01").preferred("en").text == "community with a shared future"
    )


def test_tbx_min_administrative_status_each_value(tmp_path: Path) -> None:
    path = tmp_path / "min.tbx"
    path.write_text(
        tbx_v3(
            "TBX-Min",
            [
                ("a", note("administrativeStatus", "preferred")),
                ("b", note("administrativeStatus", "admitted")),
                ("c", note("administrativeStatus", "notRecommended")),
                ("d", note("administrativeStatus", "obsolete")),
                ("e", ""),
            ],
        ),
        encoding="utf-8",
    )
    assert statuses(path) == [("a", P), ("b", A), ("c", D), ("d", S), ("e", U)]
    assert load_glossary(path).problems == []
    assert validate_file(path) == []


def test_tbx_min_usage_status_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "usage.tbx"
    path.write_text(
        tbx_v3(
            "TBX-Min",
            [
                ("community with a shared future for mankind", note("usageStatus", "preferred")),
                ("community of human destiny", note("usageStatus", "deprecated")),
                ("human destiny community", note("usageStatus", "notRecommended")),
                ("destiny community", note("usageStatus", "obsolete")),
                ("shared future", note("usageStatus", "admitted")),
            ],
        ),
        encoding="utf-8",
    )
    assert statuses(path) == [
        ("community with a shared future for mankind", P),
        ("community of human destiny", D),  # was "admitted": usable
        ("human destiny community", D),
        ("destiny community", S),
        ("shared future", A),
    ]
    problems = [p.message for p in load_glossary(path).problems]
    assert len(problems) == 5
    assert all("usageStatus is not a TBX-Min data category" in m for m in problems)
    assert all(p.line for p in load_glossary(path).problems)
    # validate no longer calls the file valid ...
    found = validate_file(path)
    assert len(found) == 5 and all("'usageStatus' is not a TBX-Min" in p.message for p in found)
    runner = CliRunner()
    result = runner.invoke(cli, ["glossary", "validate", str(path)])
    assert result.exit_code == 1
    # ... and find offers the deprecated term as deprecated, with the preferred one.
    result = runner.invoke(
        cli, ["glossary", "find", "the community of human destiny", "--glossary", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "T01 deprecated: 'community of human destiny'" in result.output
    assert "→ use 'community with a shared future for mankind'" in result.output


def test_values_a_dialect_does_not_allow_are_reported(tmp_path: Path) -> None:
    # TBX-Basic with TBX-Min's value, TBX-Min with TBX-Basic's: the meaning is clear, so
    # read, but both the reader and the validator say so.
    basic = tmp_path / "basic.tbx"
    basic.write_text(
        tbx_v3("TBX-Basic", [("a", note("administrativeStatus", "notRecommended"))]),
        encoding="utf-8",
    )
    assert statuses(basic) == [("a", D)]
    (problem,) = load_glossary(basic).problems
    assert "'notRecommended' is not a TBX-Basic value of administrativeStatus" in problem.message
    assert problem.line == 5
    assert any(
        "'notRecommended' is not a permitted value" in p.message for p in validate_file(basic)
    )
    minimal = tmp_path / "min.tbx"
    minimal.write_text(
        tbx_v3("TBX-Min", [("a", note("administrativeStatus", "supersededTerm-admn-sts"))]),
        encoding="utf-8",
    )
    assert statuses(minimal) == [("a", S)]
    (problem,) = load_glossary(minimal).problems
    assert "is not a TBX-Min value of administrativeStatus" in problem.message
    assert validate_file(minimal)


def test_unknown_value_leaves_no_status_and_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "odd.tbx"
    path.write_text(
        tbx_v3("TBX-Basic", [("a", note("administrativeStatus", "bannedTerm-admn-sts"))]),
        encoding="utf-8",
    )
    assert statuses(path) == [("a", U)]
    (problem,) = load_glossary(path).problems
    assert "unknown administrativeStatus value 'bannedTerm-admn-sts'" in problem.message
    assert "keeps no status" in problem.message
    # Written back as it came.
    out = tmp_path / "out.tbx"
    save_glossary(load_glossary(path), out)
    assert "bannedTerm-admn-sts" in out.read_text(encoding="utf-8")


def test_contradictory_statuses_take_the_cautious_reading(tmp_path: Path) -> None:
    path = tmp_path / "both.tbx"
    path.write_text(
        tbx_v3(
            "TBX-Basic",
            [
                (
                    "community of human destiny",
                    note("administrativeStatus", "preferredTerm-admn-sts")
                    + note("normativeAuthorization", "deprecatedTerm"),
                )
            ],
        ),
        encoding="utf-8",
    )
    assert statuses(path) == [("community of human destiny", D)]
    messages = [p.message for p in load_glossary(path).problems]
    assert any(
        "contradictory statuses (preferred, deprecated); read as deprecated" in m for m in messages
    )


def test_tbx_2008_normative_authorization_and_administrative_status(tmp_path: Path) -> None:
    values = [
        ("standardizedTerm", P),
        ("preferredTerm", P),
        ("admittedTerm", A),
        ("deprecatedTerm", D),
        ("supersededTerm", S),
        ("legalTerm", P),
        ("regulatedTerm", P),
    ]
    tigs = "".join(
        f'<tig><term>t{i}</term><termNote type="normativeAuthorization">{value}</termNote></tig>'
        for i, (value, _) in enumerate(values)
    )
    tigs += (
        '<tig><term>s</term><termNote type="administrativeStatus">standardizedTerm-admn-sts'
        "</termNote></tig><tig><term>none</term></tig>"
    )
    path = tmp_path / "martif.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<martif type="TBX" xml:lang="en"><martifHeader><fileDesc>'
        "<sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>"
        f'<termEntry id="T01"><langSet xml:lang="en">{tigs}</langSet></termEntry>'
        "</body></text></martif>",
        encoding="utf-8",
    )
    expected = [(f"t{i}", status) for i, (_, status) in enumerate(values)]
    assert statuses(path) == [*expected, ("s", P), ("none", U)]
    assert load_glossary(path).problems == []
    # No value complaints: only the warning that the concept has more than one preferred term.
    (found,) = validate_file(path)
    assert found.warning and "more preferred en terms" in found.message, found


def test_tbx_min_2013_term_status_element(tmp_path: Path) -> None:
    path = tmp_path / "min2013.tbx"
    path.write_text(
        '<tbx type="TBX-Min" style="dca" xml:lang="en"><text><body>'
        '<conceptEntry id="T01"><langSec xml:lang="en">'
        "<termSec><term>dog</term><termStatus>preferred</termStatus></termSec>"
        "<termSec><term>hound</term><termStatus>obsolete</termStatus></termSec>"
        "</langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    assert statuses(path) == [("dog", P), ("hound", S)]


def test_csv2tbx_terms_have_no_status(tmp_path: Path) -> None:
    """translate-toolkit's csv2tbx writes no status: none is invented on import or export."""
    source = tmp_path / "terms.csv"
    source.write_text("source,target\nAIIB,亚投行\n", encoding="utf-8")
    out = tmp_path / "terms.tbx"
    subprocess.run(
        [str(VENV_BIN / "csv2tbx"), str(source), str(out)], check=True, capture_output=True
    )
    loaded = load_glossary(out)
    assert [t.status for t in loaded.concepts[0].all_terms] == [U, U]
    again = tmp_path / "again.tbx"
    save_glossary(loaded, again)
    assert "administrativeStatus" not in again.read_text(encoding="utf-8")
    assert [t.status for t in load_glossary(again).concepts[0].all_terms] == [U, U]


@pytest.mark.parametrize("dialect", ["TBX-Basic", "TBX-Min"])
@pytest.mark.parametrize("style", ["dca", "dct"])
def test_every_status_round_trips_in_each_dialect(tmp_path: Path, dialect: str, style: str) -> None:
    path = tmp_path / "in.tbx"
    path.write_text(
        tbx_v3(
            "TBX-Basic",
            [
                ("a", note("administrativeStatus", "preferredTerm-admn-sts")),
                ("b", note("administrativeStatus", "admittedTerm-admn-sts")),
                ("c", note("administrativeStatus", "deprecatedTerm-admn-sts")),
                ("d", note("administrativeStatus", "supersededTerm-admn-sts")),
                ("e", ""),
            ],
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.tbx"
    save_glossary(load_glossary(path), out, options=WriteOptions(dialect=dialect, style=style))
    assert statuses(out) == [("a", P), ("b", A), ("c", D), ("d", S), ("e", U)]
    assert load_glossary(out).problems == []
    assert validate_file(out) == []
    text = out.read_text(encoding="utf-8")
    if dialect == "TBX-Min":
        assert "notRecommended" in text and "obsolete" in text and "Term-admn-sts" not in text
