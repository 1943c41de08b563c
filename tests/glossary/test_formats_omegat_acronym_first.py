"""An OmegaT glossary whose first entry is a pair of acronyms that are language codes too
("OS<TAB>SO") stays OmegaT: a regression audit found it read as a table whose header named
the languages os and so, its first entry lost, and ``--format omegat`` refused. A header
says more: another kind of column, tags in small letters, or languages' names."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.glossary.csv_glossary import looks_like_table
from termwise.glossary.formats import ReadOptions, detect_format, read_file

ROWS = "machine translation\ttraducción automática\ntranslation memory\tmemoria de traducción\n"


@pytest.mark.parametrize(
    "first", ["OS\tSO\toperating system", "EN\tES", "MT\tTA\tmachine translation", "NO\tNO"]
)
def test_an_acronym_pair_is_an_entry(tmp_path: Path, first: str) -> None:
    data = f"{first}\n{ROWS}".encode()
    assert not looks_like_table(data)
    path = tmp_path / "omegat.txt"
    path.write_bytes(data)
    loaded = read_file(path, options=ReadOptions(source_lang="en", target_lang="es"))
    assert detect_format(path, data).name == "omegat"
    assert len(loaded.concepts) == 3
    assert loaded.concepts[0].terms("en")[0].text == first.split("\t")[0]


@pytest.mark.parametrize(
    "first", ["en\tes", "EN\tES\tstatus", "English\tSpanish", "pt-BR\tes", "source\ttarget"]
)
def test_a_header_still_makes_a_table(first: str) -> None:
    assert looks_like_table(f"{first}\n{ROWS}".encode())
