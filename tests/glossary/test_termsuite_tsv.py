"""TermSuite's TSV export is a term list in one language, not an OmegaT glossary."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.errors import InputError
from termwise.glossary.formats import ReadOptions, detect_format, get_format, read_file

# As TermSuite's documentation shows it: rank, row type (T: term, V[...]: a variant of the
# term of that rank), then the properties asked for.
TERMSUITE = (
    "#\ttype\tpattern\tpilot\tspec\tfreq\tdFreq\n"
    "1\tT\tN\trotor\t4,82\t848\t30\n"
    "2\tT\tN N\twind turbine\t4,56\t1855\t37\n"
    "2\tV[s]\tN N N\twind turbine rotor\t3,38\t31\t12\n"
    "2\tV[s]\tA N N\toffshore wind turbine\t3,26\t47\t7\n"
    "3\tT\tN N\twind energy\t4,51\t414\t32\n"
)
# Another layout: a grouping key ("nn: wind turbine") instead of the pilot.
KEYED = "rank\tkey\tfreq\tspec\n1\tn: rotor\t848\t4,82\n2\tnn: wind turbine\t1855\t4,56\n"


def _terms(path: Path, lang: str | None = "en") -> list[tuple[str, str, str]]:
    loaded = read_file(path, options=ReadOptions(lang))
    return [(t.lang, t.text, t.status.value) for c in loaded.concepts for t in c.all_terms]


def test_a_termsuite_tsv_is_detected_as_termsuite_not_omegat(tmp_path: Path) -> None:
    path = tmp_path / "wind.tsv"
    path.write_bytes(TERMSUITE.encode())
    assert detect_format(path, path.read_bytes()).name == "termsuite"


def test_its_terms_are_read_variants_and_statistics_left_out_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "wind.tsv"
    path.write_text(TERMSUITE, encoding="utf-8")
    loaded = read_file(path, options=ReadOptions("en"))
    assert [t.text for c in loaded.concepts for t in c.all_terms] == [
        "rotor",
        "wind turbine",
        "wind energy",
    ]
    assert all(t.status.value == "unspecified" for c in loaded.concepts for t in c.all_terms)
    assert [(p.line, p.message) for p in loaded.problems] == [
        (
            1,
            "a TermSuite term list (terms in its 'pilot' column); columns '#', 'pattern', "
            "'spec', 'freq', 'dFreq' ignored: a glossary has no place for ranks, patterns "
            "or statistics",
        ),
        (
            4,
            "2 variant rows (type V[...]) left out: a TermSuite variant is another term, not "
            "a synonym of the term it varies",
        ),
    ]


def test_the_key_column_gives_the_term_without_its_pattern(tmp_path: Path) -> None:
    path = tmp_path / "terms_en.tsv"
    path.write_text(KEYED, encoding="utf-8")
    assert _terms(path, None) == [
        ("en", "rotor", "unspecified"),
        ("en", "wind turbine", "unspecified"),
    ]


def test_read_as_csv_it_is_still_read_as_termsuite(tmp_path: Path) -> None:
    path = tmp_path / "wind.tsv"
    path.write_text(TERMSUITE, encoding="utf-8")
    loaded = get_format("csv").read(path.read_bytes(), path, ReadOptions("en"))
    # Not one concept of rank 2 with its variants as synonyms.
    assert [len(c.all_terms) for c in loaded.concepts] == [1, 1, 1]


def test_without_a_language_or_as_omegat_it_is_refused_saying_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "wind.tsv"
    path.write_text(TERMSUITE, encoding="utf-8")
    with pytest.raises(InputError, match="TermSuite term list.*--from") as error:
        read_file(path, options=ReadOptions())
    assert error.value.line == 1
    with pytest.raises(InputError, match="TermSuite term list.*not an OmegaT glossary"):
        read_file(path, fmt="omegat", options=ReadOptions("en", "fr"))
    with pytest.raises(InputError, match="one language"):
        read_file(path, options=ReadOptions("en", "fr"))


def test_glossary_import_of_a_termsuite_tsv(tmp_path: Path) -> None:
    path = tmp_path / "wind.tsv"
    path.write_text(TERMSUITE, encoding="utf-8")
    out = tmp_path / "out" / "wind.tbx"
    result = CliRunner().invoke(
        cli,
        [
            "--project",
            str(tmp_path),
            "glossary",
            "import",
            str(path),
            "--from",
            "en",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "format: termsuite; languages: en" in result.output
    assert "2 variant rows" in result.output
    validated = CliRunner().invoke(cli, ["glossary", "validate", str(out)])
    assert validated.exit_code == 0, validated.output
