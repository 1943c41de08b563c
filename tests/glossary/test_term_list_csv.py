"""A term list in one language (a client's list, an extractor's output) is a CSV glossary too:
one concept per row in the language of ``--from``, its status column read, its column names
never turned into terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.errors import InputError
from termwise.glossary.formats import ReadOptions, load_glossary, read_file
from termwise.glossary.model import Glossary, TermStatus


def _read(path: Path, source: str | None = "en", target: str | None = None) -> Glossary:
    return read_file(path, options=ReadOptions(source, target))


def _rows(glossary: Glossary) -> list[tuple[str, str, str]]:
    return [(t.lang, t.text, t.status.value) for c in glossary.concepts for t in c.all_terms]


def _run(cwd: Path, *args: str) -> tuple[int, str]:
    result = termwise(*args, cwd=cwd)
    return result.returncode, result.stdout + result.stderr


def test_term_and_status_columns_with_from_alone(tmp_path: Path) -> None:
    path = tmp_path / "mono.csv"
    path.write_text("Term;Status\nfoo;preferred\nbar;forbidden\n", encoding="utf-8")
    loaded = _read(path)
    assert _rows(loaded) == [("en", "foo", "preferred"), ("en", "bar", "deprecated")]
    assert len(loaded.concepts) == 2
    assert loaded.problems == []


def test_term_status_definition_and_statistics_columns(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        'term,status,definition,part of speech,freq\nwind turbine,preferred,"A machine, big",'
        "noun,12\nwindmill,deprecated,,,3\n,admitted,,,1\n",
        encoding="utf-8",
    )
    loaded = _read(path)
    assert _rows(loaded) == [("en", "wind turbine", "preferred"), ("en", "windmill", "deprecated")]
    assert loaded.concepts[0].definition == "A machine, big"
    assert loaded.concepts[0].all_terms[0].part_of_speech == "noun"
    assert [(p.line, p.message) for p in loaded.problems] == [
        (1, "column 'freq' has no place in a glossary; ignored"),
        (4, "row without a term; skipped"),
    ]


@pytest.mark.parametrize("header", ["", "Term\n", "terms\n"])
def test_one_column_of_terms_with_or_without_a_header(tmp_path: Path, header: str) -> None:
    path = tmp_path / "single.csv"
    path.write_text(f"{header}wind turbine\nwindmill\n", encoding="utf-8")
    loaded = _read(path)
    assert _rows(loaded) == [
        ("en", "wind turbine", "unspecified"),
        ("en", "windmill", "unspecified"),
    ]


def test_terms_beside_statuses_without_a_header(tmp_path: Path) -> None:
    path = tmp_path / "nohead.csv"
    path.write_text("foo;preferred\nbar;Forbidden\nbaz;\n", encoding="utf-8")
    assert _rows(_read(path)) == [
        ("en", "foo", "preferred"),
        ("en", "bar", "deprecated"),
        ("en", "baz", "unspecified"),
    ]


def test_the_language_can_come_from_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "client_terms_de.csv"
    path.write_text("Term,Status\nWindrad,verboten\n", encoding="utf-8")
    loaded = load_glossary(path)
    assert _rows(loaded) == [("de", "Windrad", "deprecated")]


def test_a_term_list_without_a_language_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mono.csv"
    path.write_text("Term;Status\nfoo;preferred\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        _read(path, source=None)
    assert "--from" in error.value.message and error.value.line == 1


def test_to_on_a_term_list_is_refused_not_read_as_a_concept(tmp_path: Path) -> None:
    # The header row was a concept (en "Term" ↔ zh "Status") and the statuses zh terms.
    path = tmp_path / "mono.csv"
    path.write_text("Term;Status\nfoo;preferred\nbar;forbidden\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        _read(path, "en", "zh")
    assert "no column of zh terms" in error.value.message
    assert error.value.line == 1


def test_a_translation_column_the_header_does_not_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("term,translation\nwind turbine,风力涡轮机\n", encoding="utf-8")
    for target in (None, "zh"):
        with pytest.raises(InputError) as error:
            _read(path, "en", target)
        assert error.value.line == 1


def test_the_import_command_reads_a_term_list(tmp_path: Path) -> None:
    (tmp_path / "mono.csv").write_text("Term;Status\nfoo;preferred\nbar;forbidden\n")
    code, output = _run(tmp_path, "glossary", "import", "mono.csv", "--from", "en", "--to", "zh")
    assert code == 2 and "mono.csv:1:" in output and "--from en alone" in output
    assert not (tmp_path / "glossary").exists()
    code, output = _run(tmp_path, "glossary", "import", "mono.csv", "--from", "en")
    assert code == 0, output
    assert "languages: en" in output
    written = tmp_path / "glossary" / "mono.tbx"
    glossary = load_glossary(written)
    assert [(t.text, t.status) for c in glossary.concepts for t in c.all_terms] == [
        ("foo", TermStatus.PREFERRED),
        ("bar", TermStatus.DEPRECATED),
    ]
    code, output = _run(tmp_path, "glossary", "validate", str(written))
    assert code == 0, output


def test_bilingual_csv_without_a_header_still_needs_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("wind turbine,风力涡轮机\nwindmill,风车\n", encoding="utf-8")
    with pytest.raises(InputError, match="--from and --to"):
        _read(path, "en")
    assert _rows(_read(path, "en", "zh"))[:2] == [
        ("en", "wind turbine", "unspecified"),
        ("zh", "风力涡轮机", "unspecified"),
    ]
